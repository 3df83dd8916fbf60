# shellcheck shell=bash
# lib.sh - shared by run.sh, stop.sh and check.sh: one local CRM instance
# (private MariaDB, the FastCGI programs, nginx) living in $VAR.
#
# Source it; it only defines variables and functions. Every function is
# idempotent: calling it on an instance that is already set up or running
# leaves that instance as it is.

# The project root is wherever this file lives, so the tree can be moved.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

# mariadbd and nginx live in sbin, which a non-login PATH may lack.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# abspath PATH [BASE]: PATH made absolute against BASE (default: $PWD).
abspath() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s\n' "${2:-$PWD}/$1" ;;
	esac
}

# instance_vars: every path and setting of the instance, from the CRM_*
# environment. check.sh calls it again after pointing CRM_VAR elsewhere.
instance_vars() {
	VAR="$(abspath "${CRM_VAR:-$ROOT/var}")"
	BUILD="$(abspath "${CRM_BUILD:-$ROOT/build/rel}" "$ROOT")"
	PORT="${CRM_PORT:-8080}"
	WORKERS="${CRM_WORKERS:-4}"
	DB_POOL="${CRM_DB_POOL:-512M}"
	# Only a test points this elsewhere; the product always uses sql/.
	SQL_DIR="$(abspath "${CRM_SQL_DIR:-$ROOT/sql}" "$ROOT")"

	RUN="$VAR/run"
	LOGS="$VAR/log"
	CONF="$VAR/crm.conf"
	KEY="$VAR/keys/crm.key"
	DB_DIR="$VAR/mysql"
	DB_SOCK="$RUN/mysql.sock"
	DB_PID="$RUN/mysqld.pid"
	DB_ERR="$LOGS/mysqld.err"
	DB_NAME=crm
	DB_APP_USER=crm_app
	NGINX_DIR="$VAR/nginx"
	NGINX_CONF="$NGINX_DIR/nginx.conf"
	NGINX_PID="$RUN/nginx.pid"
}
instance_vars

# install-db gives socket access to root and to the --user account: as
# non-root the administrator account is the current login.
if [ "$(id -u)" -eq 0 ]; then
	DB_ADMIN=root
else
	DB_ADMIN="$(id -un)"
fi

# ---------------------------------------------------------------- messages

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
	printf 'error: %s\n' "$*" >&2
	exit 1
}

# show_tail FILE: the end of a log, to explain a failure without a hunt.
show_tail() {
	if [ -s "$1" ]; then
		printf -- '--- last lines of %s ---\n' "$1" >&2
		tail -n 25 "$1" >&2
		printf -- '---\n' >&2
	fi
}

require_commands() {
	local cmd missing=()
	for cmd in "$@"; do
		command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
	done
	[ ${#missing[@]} -eq 0 ] ||
		die "missing commands: ${missing[*]} (run scripts/deps.sh or make deps)"
}

# ---------------------------------------------------------------- processes

# pid_from FILE: the pid stored in FILE, or nothing.
pid_from() {
	local pid=''
	if [ -r "$1" ]; then
		read -r pid 2>/dev/null <"$1" || true
	fi
	case $pid in
	'' | *[!0-9]*) ;;
	*) printf '%s\n' "$pid" ;;
	esac
}

# child_running PID: true while PID exists and is not a zombie. Enough for
# a child we started ourselves: its pid cannot be recycled before we reap it.
child_running() {
	local stat
	[ -n "$1" ] || return 1
	read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
	stat="${stat##*) }"
	[ "${stat%% *}" != Z ]
}

# pid_alive PID NEEDLE: child_running, and the command line mentions NEEDLE,
# so a recycled pid from a stale pid file is never taken for ours.
pid_alive() {
	child_running "$1" || return 1
	tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# pidfile_alive FILE NEEDLE: pid_alive for the pid stored in FILE.
pidfile_alive() {
	pid_alive "$(pid_from "$1")" "$2"
}

# proc_group PID: the process group of PID.
proc_group() {
	local stat pgrp
	stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
	# After the command name come state, parent pid, process group.
	read -r _ _ pgrp _ <<<"${stat##*) }"
	printf '%s\n' "$pgrp"
}

# group_alive PGID: true while a live (non-zombie) process is in the group.
# Zombies are skipped: some init processes reap orphans only every few seconds.
group_alive() {
	local f stat state pgrp
	[ -n "$1" ] && kill -0 -- "-$1" 2>/dev/null || return 1
	for f in /proc/[0-9]*/stat; do
		read -r stat 2>/dev/null <"$f" || continue
		read -r state _ pgrp _ <<<"${stat##*) }"
		if [ "$pgrp" = "$1" ] && [ "$state" != Z ]; then
			return 0
		fi
	done
	return 1
}

# wait_gone PID PGID SECONDS: wait until PID and, when PID leads its own
# group, every process in it (the pre-forked workers) have exited.
wait_gone() {
	local pid=$1 pgid=$2 tries=$(($3 * 10))
	while [ "$tries" -gt 0 ]; do
		if ! child_running "$pid"; then
			if [ "$pgid" != "$pid" ] || ! group_alive "$pgid"; then
				return 0
			fi
		fi
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# stop_pidfile FILE NEEDLE SIGNAL SECONDS: stop the process named in FILE
# with SIGNAL, wait, then SIGKILL it and its group (our daemons are session
# leaders, so the group holds exactly their children).
stop_pidfile() {
	local file=$1 needle=$2 sig=$3 secs=$4 pid pgid
	pid="$(pid_from "$file")"
	if ! pid_alive "$pid" "$needle"; then
		rm -f "$file"
		return 0
	fi
	pgid="$(proc_group "$pid")"
	kill "-$sig" "$pid" 2>/dev/null || true
	if ! wait_gone "$pid" "$pgid" "$secs"; then
		warn "$needle (pid $pid) did not stop within ${secs}s: killing it"
		kill -KILL "$pid" 2>/dev/null || true
		[ "$pgid" != "$pid" ] || kill -KILL -- "-$pgid" 2>/dev/null || true
		wait_gone "$pid" "$pgid" 5 || warn "$needle (pid $pid) survived SIGKILL"
	fi
	rm -f "$file"
}

# port_busy PORT: true when something accepts connections on 127.0.0.1:PORT
# or listens on it (ss, when installed, also sees listeners on other IPs).
port_busy() {
	if command -v ss >/dev/null 2>&1 &&
		[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; then
		return 0
	fi
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_port PORT SECONDS: wait until 127.0.0.1:PORT accepts connections.
wait_port() {
	local tries=$(($2 * 10))
	while [ "$tries" -gt 0 ]; do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
		tries=$((tries - 1))
	done
	return 1
}

# ---------------------------------------------------------------- layout

# random_hex BYTES: BYTES random bytes from the kernel as lowercase hex.
random_hex() {
	od -An -v -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}

# write_private FILE: stdin into FILE with mode 0600, replaced atomically so
# a reader never sees half a secret.
write_private() {
	local tmp
	tmp="$(umask 077 && mktemp "$1.XXXXXX")"
	cat >"$tmp"
	chmod 0600 "$tmp"
	mv -f "$tmp" "$1"
}

# check_socket_path PATH: Unix socket paths are limited to 107 bytes.
check_socket_path() {
	[ "${#1}" -le 107 ] ||
		die "socket path too long (max 107 bytes), set CRM_VAR to a shorter directory: $1"
}

instance_layout() {
	local d
	check_socket_path "$DB_SOCK"
	mkdir -p "$VAR"
	# The instance holds the database, secrets and sockets: owner only.
	chmod 0700 "$VAR"
	mkdir -p "$DB_DIR" "$RUN" "$LOGS" "$VAR/keys"
	chmod 0700 "$VAR/keys"
	for d in client_body_temp proxy_temp fastcgi_temp uwsgi_temp scgi_temp; do
		mkdir -p "$NGINX_DIR/$d"
	done
}

# instance_secrets: crm.conf and the field-encryption key, created once and
# never rewritten: a new password or key would lock out existing data. The
# key file holds "<version> <hex>" lines (lib/fieldcrypt.h); crmctl key-add
# adds versions. A file of one bare key, as written before, is version 1.
instance_secrets() {
	if [ ! -s "$KEY" ]; then
		printf '1 %s\n' "$(random_hex 32)" | write_private "$KEY"
		say "created encryption key $KEY"
	fi
	chmod 0600 "$KEY"
	if [ ! -s "$CONF" ]; then
		write_private "$CONF" <<EOF
# CRM instance configuration, written once by scripts/lib.sh.
# Keep it private: it holds the database password.
db_socket=$DB_SOCK
db_name=$DB_NAME
db_user=$DB_APP_USER
db_password=$(random_hex 16)
templates=$ROOT/templates
log_file=$LOGS/crm.log
key_file=$KEY
EOF
		say "created $CONF"
	fi
	chmod 0600 "$CONF"
}

# conf_get KEY: a value from crm.conf.
conf_get() {
	sed -n "s/^$1=//p" "$CONF" | tail -n 1
}

# instance_mail: with CRM_SMTP_URL set (even empty), crm.conf's mail
# settings become it and CRM_MAIL_FROM (default crm@localhost); without
# it crm.conf keeps what it has (README: "Mail").
instance_mail() {
	local url_re='^(smtps?://[A-Za-z0-9.:_-]+/?)?$'
	local from_re='^[^[:space:]<>@]+@[^[:space:]<>@]+$'
	[ -n "${CRM_SMTP_URL+set}" ] || return 0
	[[ $CRM_SMTP_URL =~ $url_re ]] ||
		die "CRM_SMTP_URL must look like smtp://host:port: $CRM_SMTP_URL"
	[[ ${CRM_MAIL_FROM:-crm@localhost} =~ $from_re ]] ||
		die "CRM_MAIL_FROM must be an address: $CRM_MAIL_FROM"
	{
		grep -v -e '^smtp_url=' -e '^mail_from=' "$CONF"
		printf 'smtp_url=%s\nmail_from=%s\n' "$CRM_SMTP_URL" \
			"${CRM_MAIL_FROM:-crm@localhost}"
	} | write_private "$CONF"
}

# ---------------------------------------------------------------- MariaDB

# db_sql ARGS...: the client as the administrator, through our socket only.
db_sql() {
	mariadb --no-defaults --default-character-set=utf8mb4 \
		--socket="$DB_SOCK" -u"$DB_ADMIN" "$@"
}

db_running() {
	pidfile_alive "$DB_PID" mariadbd
}

db_init() {
	if [ -n "$(ls -A "$DB_DIR")" ]; then
		return 0
	fi
	say "initialising MariaDB in $DB_DIR"
	if ! mariadb-install-db --no-defaults --datadir="$DB_DIR" \
		--user="$(id -un)" --skip-test-db >>"$DB_ERR" 2>&1; then
		show_tail "$DB_ERR"
		# Leave it empty so the next run initialises it again.
		find "$DB_DIR" -mindepth 1 -delete
		die "mariadb-install-db failed"
	fi
}

db_start() {
	local tries=600 pid
	if db_running; then
		say "MariaDB already running (pid $(pid_from "$DB_PID"))"
		return 0
	fi
	rm -f "$DB_PID"
	say "starting MariaDB on $DB_SOCK"
	setsid mariadbd --no-defaults --user="$(id -un)" --datadir="$DB_DIR" \
		--socket="$DB_SOCK" --pid-file="$DB_PID" --log-error="$DB_ERR" \
		--skip-networking \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-buffer-pool-size="$DB_POOL" --max-connections=500 \
		--local-infile=1 </dev/null >>"$DB_ERR" 2>&1 &
	pid=$!
	while ! db_sql -e 'SELECT 1' >/dev/null 2>&1; do
		tries=$((tries - 1))
		if ! child_running "$pid"; then
			show_tail "$DB_ERR"
			die "MariaDB exited during startup (log: $DB_ERR)"
		fi
		if [ "$tries" -le 0 ]; then
			show_tail "$DB_ERR"
			die "MariaDB did not become ready within 60s (log: $DB_ERR)"
		fi
		sleep 0.1
	done
}

db_stop() {
	local pid pgid
	pid="$(pid_from "$DB_PID")"
	if ! pid_alive "$pid" mariadbd; then
		rm -f "$DB_PID"
		return 0
	fi
	say "stopping MariaDB (pid $pid)"
	pgid="$(proc_group "$pid")"
	mariadb-admin --no-defaults --socket="$DB_SOCK" -u"$DB_ADMIN" shutdown \
		>/dev/null 2>&1 || true
	# A large buffer pool takes a while to flush; only then fall back to
	# signals (SIGTERM is also a clean shutdown).
	wait_gone "$pid" "$pgid" 60 || true
	stop_pidfile "$DB_PID" mariadbd TERM 30
}

db_create() {
	db_sql <<EOF
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`
  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS \`$DB_NAME\`.schema_migrations (
  version VARCHAR(64) NOT NULL PRIMARY KEY,
  applied_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
EOF
}

# db_app_user: the account the programs use, always with crm.conf's password.
# The SQL goes through stdin so the password never shows in a process list.
db_app_user() {
	local pw
	pw="$(conf_get db_password)"
	[[ $pw =~ ^[0-9a-f]{32}$ ]] || die "db_password in $CONF is not 32 hex digits"
	db_sql <<EOF
CREATE USER IF NOT EXISTS '$DB_APP_USER'@'localhost' IDENTIFIED BY '$pw';
ALTER USER '$DB_APP_USER'@'localhost' IDENTIFIED BY '$pw';
EOF
}

# db_migrate: apply sql/NNN_*.sql in name order, each once, recorded in
# schema_migrations under its file name without ".sql".
db_migrate() {
	local applied file version err count=0
	applied="$(db_sql -N -B "$DB_NAME" -e 'SELECT version FROM schema_migrations')"
	while IFS= read -r file; do
		[ -n "$file" ] || continue
		version="$(basename "$file" .sql)"
		# The version is quoted into SQL below: allow only a safe alphabet.
		if [[ ! $version =~ ^[0-9]{3}_[A-Za-z0-9_.-]+$ ]] || [ "${#version}" -gt 64 ]; then
			die "bad migration file name: $file"
		fi
		if grep -qxF -- "$version" <<<"$applied"; then
			continue
		fi
		say "applying migration $version"
		if ! err="$(db_sql "$DB_NAME" <"$file" 2>&1 >/dev/null)"; then
			printf '%s\n' "$err" >&2
			die "migration $version failed; it is not recorded (statements before the error may have run)"
		fi
		db_sql "$DB_NAME" -e "INSERT INTO schema_migrations (version, applied_at) VALUES ('$version', NOW())"
		count=$((count + 1))
	done < <(find "$SQL_DIR" -maxdepth 1 -type f -name '[0-9][0-9][0-9]_*.sql' 2>/dev/null | LC_ALL=C sort)
	say "migrations: $count applied"
}

# app_privileges TABLE: what the app may do to TABLE (least privilege).
app_privileges() {
	case $1 in
	audit_log) echo 'SELECT,INSERT' ;; # append-only: history cannot be rewritten
	schema_migrations) echo 'SELECT' ;;
	*) echo 'SELECT,INSERT,UPDATE,DELETE' ;;
	esac
}

# db_grant: grant each table of crm exactly app_privileges, then revoke every
# other privilege the account holds at any level (global, schema, table,
# column). Granting first means a running program never loses access.
db_grant() {
	local grantee="'$DB_APP_USER'@'localhost'" tables t rows
	local level schema table priv grantable on sql='' revokes='' revoke_opts=''
	tables="$(db_sql -N -B -e "SELECT TABLE_NAME FROM information_schema.TABLES
		WHERE TABLE_SCHEMA = '$DB_NAME' ORDER BY TABLE_NAME")"
	while IFS= read -r t; do
		[ -n "$t" ] || continue
		sql+="GRANT $(app_privileges "$t") ON \`$DB_NAME\`.\`${t//\`/\`\`}\` TO $grantee;"$'\n'
	done <<<"$tables"
	[ -z "$sql" ] || db_sql <<<"$sql"

	rows="$(db_sql -N -B <<EOF
SELECT CONCAT_WS(CHAR(31), 'global', '', '', PRIVILEGE_TYPE, IS_GRANTABLE)
  FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = "$grantee"
UNION ALL
SELECT CONCAT_WS(CHAR(31), 'schema', TABLE_SCHEMA, '', PRIVILEGE_TYPE, IS_GRANTABLE)
  FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = "$grantee"
UNION ALL
SELECT CONCAT_WS(CHAR(31), 'table', TABLE_SCHEMA, TABLE_NAME, PRIVILEGE_TYPE, IS_GRANTABLE)
  FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = "$grantee"
UNION ALL
SELECT CONCAT_WS(CHAR(31), 'column', TABLE_SCHEMA, TABLE_NAME,
       CONCAT(PRIVILEGE_TYPE, ' (\`', REPLACE(COLUMN_NAME, '\`', '\`\`'), '\`)'),
       IS_GRANTABLE)
  FROM information_schema.COLUMN_PRIVILEGES WHERE GRANTEE = "$grantee";
EOF
	)"
	# Fields are split on US (0x1f): with tabs, bash would merge empty fields.
	while IFS=$'\x1f' read -r level schema table priv grantable; do
		[ -n "$level" ] || continue
		case $level in
		global) on='*.*' ;;
		schema) on="\`${schema//\`/\`\`}\`.*" ;;
		*) on="\`${schema//\`/\`\`}\`.\`${table//\`/\`\`}\`" ;;
		esac
		[ "$grantable" != YES ] || revoke_opts+="REVOKE GRANT OPTION ON $on FROM $grantee;"$'\n'
		case $level in
		global) [ "$priv" = USAGE ] && continue ;;
		table)
			if [ "$schema" = "$DB_NAME" ] && grep -qxF -- "$table" <<<"$tables" &&
				[[ ,$(app_privileges "$table"), == *",$priv,"* ]]; then
				continue
			fi
			;;
		esac
		revokes+="REVOKE $priv ON $on FROM $grantee;"$'\n'
	done <<<"$rows"
	# GRANT OPTION first: revoking the last privilege removes the grant row.
	sql="$(sort -u <<<"$revoke_opts")"$'\n'"$revokes"
	if [ -n "${sql//[[:space:]]/}" ]; then
		say "revoking privileges $DB_APP_USER should not have"
		db_sql <<<"$sql"
	fi
}

# ---------------------------------------------------------------- demo data

# crmctl_path: the admin tool of the chosen build, else of the release build.
crmctl_path() {
	local c
	for c in "$BUILD/tools/crmctl" "$ROOT/build/rel/tools/crmctl"; do
		if [ -x "$c" ]; then
			printf '%s\n' "$c"
			return 0
		fi
	done
}

# db_seed: load the demo data (crmctl is idempotent). Sets SEED_OUTPUT to
# what it printed (the demo logins) for the caller to show at the end.
SEED_OUTPUT=''
db_seed() {
	local crmctl
	crmctl="$(crmctl_path)"
	if [ -z "$crmctl" ]; then
		SEED_OUTPUT="(no tools/crmctl built yet: no demo data loaded)"
		return 0
	fi
	say "loading demo data with $crmctl"
	if ! SEED_OUTPUT="$("$crmctl" --config "$CONF" seed-demo 2>&1)"; then
		printf '%s\n' "$SEED_OUTPUT" >&2
		die "crmctl seed-demo failed"
	fi
	# Nothing printed means it found the data already there.
	if [ -z "$SEED_OUTPUT" ]; then
		SEED_OUTPUT="$("$crmctl" --config "$CONF" demo-logins 2>/dev/null)" ||
			SEED_OUTPUT=''
		[ -n "$SEED_OUTPUT" ] || SEED_OUTPUT="Demo data already loaded."
	fi
}

# db_reindex: customers from before the token table (migration 004) get
# their search tokens; a database that has them is left alone.
db_reindex() {
	local crmctl
	crmctl="$(crmctl_path)"
	[ -n "$crmctl" ] || return 0
	if [ "$(db_sql -N -e 'SELECT EXISTS (SELECT 1 FROM customer) AND
		NOT EXISTS (SELECT 1 FROM customer_token)' "$DB_NAME")" = 1 ]; then
		say "indexing customer names for search"
		"$crmctl" --config "$CONF" reindex || die "crmctl reindex failed"
	fi
}

# db_seal: values stored before their column was sealed (migration 008)
# are sealed now; a database without such values is left alone.
db_seal() {
	local crmctl
	crmctl="$(crmctl_path)"
	[ -n "$crmctl" ] || return 0
	if [ "$(db_sql -N -e 'SELECT EXISTS (SELECT 1 FROM customer
		WHERE LEFT(budget_range, 1) <> 0x01) OR EXISTS (SELECT 1
		FROM contact WHERE LEFT(preferences, 1) <> 0x01)' "$DB_NAME")" = 1 ]; then
		say "sealing sensitive values stored before encryption"
		"$crmctl" --config "$CONF" key-reseal || die "crmctl key-reseal failed"
	fi
}

# db_report_summaries: opportunities stored before the report summaries
# (migration 016) are summed up; a database that has them is left alone.
db_report_summaries() {
	local crmctl
	crmctl="$(crmctl_path)"
	[ -n "$crmctl" ] || return 0
	if [ "$(db_sql -N -e 'SELECT EXISTS (SELECT 1 FROM opportunity
		WHERE deleted_at IS NULL) AND NOT EXISTS (SELECT 1
		FROM report_opportunity)' "$DB_NAME")" = 1 ]; then
		say "summing up opportunities for the reports"
		"$crmctl" --config "$CONF" report-rebuild || die "crmctl report-rebuild failed"
	fi
}

# db_setup: everything the database needs, in dependency order.
db_setup() {
	db_init
	db_start
	db_create
	db_app_user
	db_migrate
	db_grant
	db_reindex
	db_seal
	db_report_summaries
	db_seed
}

# ---------------------------------------------------------------- programs

# program_names: the FastCGI programs of $BUILD, one per line.
program_names() {
	local f name
	for f in "$BUILD"/cgi-bin/*; do
		if [ ! -f "$f" ] || [ ! -x "$f" ]; then
			continue
		fi
		name="${f##*/}"
		# The name becomes a URL prefix, a socket and a config token.
		if [[ ! $name =~ ^[a-z0-9_-]+$ ]]; then
			warn "skipping cgi-bin program with an unusual name: $name"
			continue
		fi
		printf '%s\n' "$name"
	done
}

# programs_stop: every program that left a pid file, including programs the
# current build no longer has.
programs_stop() {
	local pidfile name
	for pidfile in "$RUN"/*.pid; do
		[ -e "$pidfile" ] || continue
		name="$(basename "$pidfile" .pid)"
		case $name in mysqld | nginx) continue ;; esac
		if pidfile_alive "$pidfile" "$name"; then
			say "stopping $name (pid $(pid_from "$pidfile"))"
		fi
		stop_pidfile "$pidfile" "$name" TERM 10
		rm -f "$RUN/$name.sock"
	done
}

# programs_abort PID...: stop programs just started, including any that has
# not written its pid file yet, so a failed start leaves nothing running.
programs_abort() {
	local pid
	for pid in "$@"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	programs_stop
}

programs_start() {
	local name names sock tries pids=() i=0
	names="$(program_names)"
	if [ -z "$names" ]; then
		warn "no programs in $BUILD/cgi-bin: nothing to start"
		return 0
	fi
	while IFS= read -r name; do
		sock="$RUN/$name.sock"
		check_socket_path "$sock"
		# A leftover socket would make the readiness wait below a lie.
		rm -f "$sock"
		say "starting $name"
		setsid "$BUILD/cgi-bin/$name" --config "$CONF" --socket "$sock" \
			--workers "$WORKERS" --pidfile "$RUN/$name.pid" \
			</dev/null >>"$LOGS/$name.out" 2>&1 &
		pids+=("$!")
	done <<<"$names"
	while IFS= read -r name; do
		sock="$RUN/$name.sock"
		tries=100
		while [ ! -S "$sock" ]; do
			tries=$((tries - 1))
			if [ "$tries" -le 0 ] || ! child_running "${pids[$i]}"; then
				show_tail "$LOGS/$name.out"
				# Programs log their reasons to crm.log once it is open.
				show_tail "$LOGS/crm.log"
				programs_abort "${pids[@]}"
				if [ "$tries" -le 0 ]; then
					die "$name did not create $sock within 10s (log: $LOGS/$name.out)"
				fi
				die "$name exited before creating $sock (log: $LOGS/$name.out)"
			fi
			sleep 0.1
		done
		i=$((i + 1))
	done <<<"$names"
}

# scheduler_start: tools/scheduler (outbox mail, stale opportunities). It
# writes $RUN/scheduler.pid, so programs_stop stops it with the programs.
scheduler_start() {
	local bin="$BUILD/tools/scheduler" pid tries=50
	if [ ! -x "$bin" ]; then
		warn "no $bin: mail and stale notices wait for it"
		return 0
	fi
	say "starting scheduler"
	setsid "$bin" --config "$CONF" --pidfile "$RUN/scheduler.pid" \
		</dev/null >>"$LOGS/scheduler.out" 2>&1 &
	pid=$!
	# It writes its pid file once its configuration has been read.
	while [ ! -s "$RUN/scheduler.pid" ]; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ] || ! child_running "$pid"; then
			show_tail "$LOGS/scheduler.out"
			die "scheduler did not start (log: $LOGS/scheduler.out)"
		fi
		sleep 0.1
	done
}

programs_restart() {
	programs_stop
	programs_start
	scheduler_start
}

# ---------------------------------------------------------------- nginx

nginx_cmd() {
	nginx -p "$NGINX_DIR/" -c "$NGINX_CONF" "$@"
}

nginx_running() {
	pidfile_alive "$NGINX_PID" nginx
}

# nginx_fastcgi NAME: a location body that hands the request to program NAME.
nginx_fastcgi() {
	cat <<EOF
            fastcgi_pass unix:$RUN/$1.sock;
            fastcgi_read_timeout 60s;
            fastcgi_param QUERY_STRING \$query_string;
            fastcgi_param REQUEST_METHOD \$request_method;
            fastcgi_param CONTENT_TYPE \$content_type;
            fastcgi_param CONTENT_LENGTH \$content_length;
            fastcgi_param SCRIPT_NAME \$fastcgi_script_name;
            fastcgi_param REQUEST_URI \$request_uri;
            fastcgi_param DOCUMENT_URI \$document_uri;
            fastcgi_param SERVER_PROTOCOL \$server_protocol;
            fastcgi_param REQUEST_SCHEME \$scheme;
            fastcgi_param HTTPS \$https if_not_empty;
            fastcgi_param REMOTE_ADDR \$remote_addr;
            fastcgi_param REMOTE_PORT \$remote_port;
            fastcgi_param SERVER_ADDR \$server_addr;
            fastcgi_param SERVER_PORT \$server_port;
            fastcgi_param SERVER_NAME \$server_name;
            # A client "Proxy:" header must not become HTTP_PROXY (httpoxy).
            fastcgi_param HTTP_PROXY "";
EOF
}

# nginx_config: the whole nginx.conf on stdout, from the program list.
nginx_config() {
	local name
	cat <<EOF
# Generated by scripts/lib.sh; edits are overwritten by the next make run.
user $(id -un) $(id -gn);
worker_processes 2;
pid $NGINX_PID;
error_log $LOGS/nginx-error.log;

events {
    worker_connections 1024;
}

http {
    # Inline, so nothing from /etc/nginx leaks in.
    types {
        text/html html htm;
        text/css css;
        text/plain txt;
        text/csv csv;
        application/javascript js mjs;
        application/json json map;
        application/pdf pdf;
        application/xml xml;
        image/svg+xml svg;
        image/png png;
        image/jpeg jpg jpeg;
        image/gif gif;
        image/webp webp;
        image/x-icon ico;
        font/woff woff;
        font/woff2 woff2;
        font/ttf ttf;
    }
    default_type application/octet-stream;

    client_body_temp_path $NGINX_DIR/client_body_temp;
    proxy_temp_path $NGINX_DIR/proxy_temp;
    fastcgi_temp_path $NGINX_DIR/fastcgi_temp;
    uwsgi_temp_path $NGINX_DIR/uwsgi_temp;
    scgi_temp_path $NGINX_DIR/scgi_temp;

    access_log $LOGS/nginx-access.log;
    sendfile on;
    server_tokens off;

    server {
        listen 127.0.0.1:$PORT;
        server_name 127.0.0.1 localhost;
        # Same cap as the application's multipart limit (lib/req.h).
        client_max_body_size 8m;
        charset utf-8;

        location /static/ {
            alias $ROOT/static/;
            # Asset URLs are not versioned: cache briefly so a deploy shows.
            expires 1h;
            add_header X-Content-Type-Options nosniff always;
        }
EOF
	while IFS= read -r name; do
		if [ -z "$name" ] || [ "$name" = account ]; then
			continue
		fi
		printf '\n        location /%s {\n' "$name"
		nginx_fastcgi "$name"
		printf '        }\n'
	done < <(program_names)
	printf '\n        # Everything else (sign-in, home) belongs to account.\n'
	printf '        location / {\n'
	nginx_fastcgi account
	printf '        }\n    }\n}\n'
}

# nginx_write_config: write and test the config; a broken one is not kept.
nginx_write_config() {
	local tmp out
	tmp="$(mktemp "$NGINX_CONF.XXXXXX")"
	nginx_config >"$tmp"
	if ! out="$(nginx -p "$NGINX_DIR/" -c "$tmp" -t 2>&1)"; then
		printf '%s\n' "$out" >&2
		rm -f "$tmp"
		die "generated nginx config failed nginx -t"
	fi
	chmod 0644 "$tmp"
	mv -f "$tmp" "$NGINX_CONF"
}

# nginx_start: start nginx, or reload it so it takes the new config.
nginx_start() {
	local out
	nginx_write_config
	if nginx_running; then
		say "reloading nginx (pid $(pid_from "$NGINX_PID"))"
		# It prints a notice on success: show its output only on failure.
		if ! out="$(nginx_cmd -s reload 2>&1)"; then
			printf '%s\n' "$out" >&2
			die "nginx reload failed"
		fi
	else
		rm -f "$NGINX_PID"
		port_busy "$PORT" &&
			die "port $PORT is already in use: set CRM_PORT to a free port"
		say "starting nginx on 127.0.0.1:$PORT"
		if ! nginx_cmd </dev/null; then
			show_tail "$LOGS/nginx-error.log"
			die "nginx failed to start"
		fi
	fi
	if ! wait_port "$PORT" 10; then
		show_tail "$LOGS/nginx-error.log"
		die "nginx is not listening on 127.0.0.1:$PORT"
	fi
}

nginx_stop() {
	if nginx_running; then
		say "stopping nginx (pid $(pid_from "$NGINX_PID"))"
	fi
	# SIGQUIT is what "nginx -s quit" sends: finish requests, then exit.
	stop_pidfile "$NGINX_PID" nginx QUIT 10
}

# ---------------------------------------------------------------- instance

instance_up() {
	require_commands mariadb mariadbd mariadb-admin mariadb-install-db nginx setsid
	[[ $PORT =~ ^[0-9]+$ ]] || die "CRM_PORT must be a number: $PORT"
	[[ $WORKERS =~ ^[1-9][0-9]*$ ]] || die "CRM_WORKERS must be a positive number: $WORKERS"
	instance_layout
	instance_secrets
	instance_mail
	db_setup
	programs_restart
	nginx_start
}

instance_down() {
	[ -d "$VAR" ] || return 0
	nginx_stop
	programs_stop
	db_stop
}
