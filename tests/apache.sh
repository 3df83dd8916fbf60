#!/usr/bin/env bash
# apache.sh - the CRM behind a real Apache configured from apache.conf.example,
# in each of its variants: (a) mod_proxy_fcgi to standalone programs, (b)
# mod_fcgid starting the programs itself, and (a) again over HTTPS. Each is
# driven with curl (health, sign-in page and headers, sign-in, customer list
# and record, static file, 404, body limits); prints ok/FAIL lines and exits
# non-zero on any failure.
#
# Needs a running instance: CRM_VAR (its directory, as scripts/check.sh or
# `make run` set it up); CRM_BUILD picks the programs as in scripts/lib.sh.
#
# Started as root, Apache's children run as www-data (Apache refuses root),
# and www-data cannot enter the instance directory (mode 0700, which
# scripts/lib.sh re-applies). The instance is left as it is; what Apache's
# side must reach lives in a work directory next to it, group www-data:
#   var/run/<program>.sock  for (a): extra copies of the programs, started
#       here as the instance's owner with the instance's crm.conf. The
#       directory is set-group-id, so the sockets (mode 0660) belong to
#       group www-data: the deployment apache.conf.example describes.
#   var/run/mysql.sock  for (b), whose programs run as www-data: a hard
#       link to the instance's MariaDB socket (it accepts any local user;
#       the app still logs in with its password).
#   var/crm.conf  a copy readable by group www-data; var/keys/crm.key  a
#       copy owned by www-data, mode 0600; var/log/ writable by www-data.
# Apache's logs are copied to $CRM_VAR/log/apache/ at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=../scripts/lib.sh disable=SC1091
source "$HERE/../scripts/lib.sh"
# shellcheck source=lib.sh disable=SC1091
source "$HERE/lib.sh"

EXAMPLE="$ROOT/apache.conf.example"
MODULES_DIR="${CRM_APACHE_MODULES:-/usr/lib/apache2/modules}"
WEB_USER=www-data
# What each variant loads, besides what all need: the a2enmod lists of the
# example must be enough, so nothing else is loaded.
COMMON_MODULES=(mpm_event authz_core mime alias headers)
PROXY_MODULES=(proxy proxy_fcgi)
FCGID_MODULES=(fcgid)
TLS_MODULES=(ssl)
# The programs apache.conf.example routes.
PROGRAMS=(account admin customers opportunities contracts inbox reports)

WORK=''
APACHE_CONF=''
APACHE_PID_FILE=''
RESP_HEAD=''
RESP_BODY=''
JAR=''
STATUS=''

# ---------------------------------------------------------------- setup

as_root() { [ "$(id -u)" -eq 0 ]; }

# require_apache: apache2, every module and openssl, or a clear failure.
require_apache() {
	local m missing=()
	command -v apache2 >/dev/null 2>&1 || missing+=(apache2)
	command -v openssl >/dev/null 2>&1 || missing+=(openssl)
	for m in "${COMMON_MODULES[@]}" "${PROXY_MODULES[@]}" \
		"${FCGID_MODULES[@]}" "${TLS_MODULES[@]}"; do
		[ -f "$MODULES_DIR/mod_$m.so" ] || missing+=("$MODULES_DIR/mod_$m.so")
	done
	if [ ${#missing[@]} -ne 0 ]; then
		fail "Apache test cannot run, missing: ${missing[*]}" \
			"(scripts/deps.sh installs apache2 and libapache2-mod-fcgid)"
		exit 1
	fi
	if as_root && ! id "$WEB_USER" >/dev/null 2>&1; then
		fail "Apache test cannot run: no user $WEB_USER for Apache's children"
		exit 1
	fi
}

require_instance() {
	local what
	for what in "${PROGRAMS[@]}"; do
		if [ ! -x "$BUILD/cgi-bin/$what" ]; then
			fail "no program $BUILD/cgi-bin/$what: build first (make)"
			exit 1
		fi
	done
	for what in "$CONF" "$KEY"; do
		if [ ! -r "$what" ]; then
			fail "no instance in $VAR ($what is missing): set CRM_VAR, run make run"
			exit 1
		fi
	done
	if [ ! -S "$DB_SOCK" ]; then
		fail "the instance's MariaDB is not running ($DB_SOCK)"
		exit 1
	fi
}

# share_with_web DIR MODE: DIR for Apache's children: group www-data when
# we are root (else they run as us and own it anyway).
share_with_web() {
	if as_root; then
		chgrp "$WEB_USER" "$1"
	fi
	chmod "$2" "$1"
}

# make_work_dir: the work directory described at the top. Next to the
# instance, so the hard link to its MariaDB socket stays on one filesystem.
make_work_dir() {
	WORK="$(mktemp -d "$(dirname "$VAR")/crm-apache.XXXXXX")"
	share_with_web "$WORK" 0750
	mkdir -p "$WORK/apache" "$WORK/var/run" "$WORK/var/keys" "$WORK/var/log"
	chmod 0700 "$WORK/apache"
	share_with_web "$WORK/var" 0750
	share_with_web "$WORK/var/keys" 0750
	share_with_web "$WORK/var/run" 2750
	# The programs mod_fcgid starts write their log and sanitizer reports.
	if as_root; then
		chown "$WEB_USER:$WEB_USER" "$WORK/var/log"
	fi
	RESP_HEAD="$WORK/response.head"
	RESP_BODY="$WORK/response.body"
}

# web_config: the instance's crm.conf for programs running as www-data.
web_config() {
	if ! ln "$DB_SOCK" "$WORK/var/run/mysql.sock"; then
		fail "cannot hard-link $DB_SOCK into $WORK (another filesystem?)"
		exit 1
	fi
	cp "$KEY" "$WORK/var/keys/crm.key"
	sed -e "s|^db_socket=.*|db_socket=$WORK/var/run/mysql.sock|" \
		-e "s|^log_file=.*|log_file=$WORK/var/log/crm.log|" \
		-e "s|^key_file=.*|key_file=$WORK/var/keys/crm.key|" \
		"$CONF" >"$WORK/var/crm.conf"
	share_with_web "$WORK/var/crm.conf" 0640
	# The programs refuse a key file others could read: it is the web
	# user's own, mode 0600.
	if as_root; then
		chown "$WEB_USER" "$WORK/var/keys/crm.key"
	fi
	chmod 0600 "$WORK/var/keys/crm.key"
	if as_root; then
		# Fail here, clearly, rather than with a 500 from a program later.
		if ! runuser -u "$WEB_USER" -- test -r "$WORK/var/crm.conf"; then
			fail "$WEB_USER cannot read $WORK/var/crm.conf: is $(dirname "$VAR") passable for it?"
			exit 1
		fi
	fi
}

# start_program_copies: the programs of the instance's build as standalone
# servers on sockets in the work directory, for the mod_proxy_fcgi variant.
start_program_copies() {
	local name sock tries
	for name in "${PROGRAMS[@]}"; do
		setsid "$BUILD/cgi-bin/$name" --config "$CONF" \
			--socket "$WORK/var/run/$name.sock" --workers 2 \
			--pidfile "$WORK/var/run/$name.pid" \
			</dev/null >>"$LOGS/apache-$name.out" 2>&1 &
		# Stopped by pid file below; bash need not report its end.
		disown "$!"
	done
	for name in "${PROGRAMS[@]}"; do
		sock="$WORK/var/run/$name.sock"
		tries=100
		while [ ! -S "$sock" ] && [ "$tries" -gt 0 ]; do
			sleep 0.1
			tries=$((tries - 1))
		done
		if [ ! -S "$sock" ]; then
			show_tail "$LOGS/apache-$name.out"
			fail "$name did not create $sock"
			exit 1
		fi
	done
}

# stop_program_copies: SIGTERM must end a program and its workers within
# seconds (scripts/lib.sh kills them after 10 s, and a killed sanitizer
# build reports no leaks). They lead their own process group (setsid).
stop_program_copies() {
	local name pidfile pid
	for name in "${PROGRAMS[@]}"; do
		pidfile="$WORK/var/run/$name.pid"
		pid="$(pid_from "$pidfile")"
		pid_alive "$pid" "$name" || continue
		kill -TERM "$pid"
		if wait_gone "$pid" "$pid" 5; then
			pass "$name (standalone) stopped on SIGTERM"
		else
			fail "$name (standalone) still runs 5 s after SIGTERM: killed"
			kill -KILL -- "-$pid" 2>/dev/null || true
			wait_gone "$pid" "$pid" 5 || true
		fi
		rm -f "$pidfile"
	done
}

# tls_certificate: a throw-away self-signed certificate for 127.0.0.1.
tls_certificate() {
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout "$WORK/apache/tls.key" -out "$WORK/apache/tls.crt" \
		-days 1 -subj /CN=127.0.0.1 2>/dev/null
}

# ---------------------------------------------------------------- Apache

# free_port: a port with nothing listening, from a spot that depends on
# our pid so that parallel runs rarely race for the same one.
free_port() {
	local p i
	for ((i = 0; i < 500; i++)); do
		p=$((18400 + ($$ + i) % 500))
		if ! port_busy "$p"; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

# load_modules NAME...: LoadModule lines.
load_modules() {
	local m
	for m in "$@"; do
		printf 'LoadModule %s_module %s/mod_%s.so\n' "$m" "$MODULES_DIR" "$m"
	done
}

# user_lines: as root, Apache must switch its children to another user.
user_lines() {
	if as_root; then
		printf 'User %s\nGroup %s\n' "$WEB_USER" "$WEB_USER"
	fi
}

# sanitizer_env: programs started by mod_fcgid get only the environment the
# config gives them: pass the sanitizer options of a sanitizer build on,
# with reports into a directory www-data may write (collected at the end).
sanitizer_env() {
	local var opts name
	for var in ASAN_OPTIONS UBSAN_OPTIONS; do
		opts="${!var:-}"
		[ -n "$opts" ] || continue
		name="${var%%_*}"
		# The last log_path wins.
		printf 'FcgidInitialEnv %s "%s:log_path=%s"\n' "$var" "$opts" \
			"$WORK/var/log/${name,,}"
	done
}

# server_config PORT MODULE...: the server-wide part of httpd.conf, all of
# it local to the work directory, then the site from the example.
server_config() {
	local port=$1
	shift
	cat <<EOF
# Generated by tests/apache.sh.
ServerRoot "$WORK/apache"
DefaultRuntimeDir "$WORK/apache"
PidFile "$WORK/apache/httpd.pid"
ErrorLog "$WORK/apache/error.log"
# http:info logs a body refused by LimitRequestBody (AH01588).
LogLevel warn http:info
Listen 127.0.0.1:$port
ServerName 127.0.0.1
TypesConfig /etc/mime.types
StartServers 1
$(load_modules "$@")
$(user_lines)

<Directory />
    Require all denied
    AllowOverride None
    Options None
</Directory>

<IfModule fcgid_module>
    FcgidIPCDir "$WORK/fcgid"
    FcgidProcessTableFile "$WORK/apache/fcgid-shm"
$(sanitizer_env)
</IfModule>

Include "$WORK/apache/site.conf"
EOF
}

# site_config PORT: apache.conf.example with its placeholders filled in.
site_config() {
	sed -e "s|@ROOT@|$ROOT|g" -e "s|@BUILD@|$BUILD|g" -e "s|@VAR@|$WORK/var|g" \
		-e "s|@PORT@|$1|g" -e "s|@TLS_CERT@|$WORK/apache/tls.crt|g" \
		-e "s|@TLS_KEY@|$WORK/apache/tls.key|g" "$EXAMPLE"
}

# apache_start VARIANT PORT DEFINE... : write the config, check it, start.
apache_start() {
	local variant=$1 port=$2 out
	shift 2
	local defines=() d modules=("${COMMON_MODULES[@]}")
	for d in "$@"; do
		defines+=(-D "$d")
		case $d in
		CRM_PROXY_FCGI) modules+=("${PROXY_MODULES[@]}") ;;
		CRM_FCGID) modules+=("${FCGID_MODULES[@]}") ;;
		CRM_TLS) modules+=("${TLS_MODULES[@]}") ;;
		esac
	done
	APACHE_CONF="$WORK/apache/httpd.conf"
	APACHE_PID_FILE="$WORK/apache/httpd.pid"
	site_config "$port" >"$WORK/apache/site.conf"
	if grep -n '@[A-Z_]*@' "$WORK/apache/site.conf" >&2; then
		fail "[$variant] placeholders left unfilled in the example (above)"
		return 1
	fi
	server_config "$port" "${modules[@]}" >"$APACHE_CONF"
	: >"$WORK/apache/error.log"
	if ! out="$(apache2 -f "$APACHE_CONF" "${defines[@]}" -t 2>&1)"; then
		printf '%s\n' "$out" >&2
		fail "[$variant] apache2 -t rejects the config from apache.conf.example"
		return 1
	fi
	if ! apache2 -f "$APACHE_CONF" "${defines[@]}" -k start ||
		! wait_port "$port" 10; then
		show_tail "$WORK/apache/error.log"
		fail "[$variant] Apache did not start on 127.0.0.1:$port"
		return 1
	fi
	pass "[$variant] Apache started on 127.0.0.1:$port"
}

# apache_stop: stop Apache and wait for it and everything it started (the
# programs of mod_fcgid too: Apache's children stay in its process group).
apache_stop() {
	local pid
	[ -n "$APACHE_PID_FILE" ] || return 0
	pid="$(pid_from "$APACHE_PID_FILE")"
	if [ -n "$pid" ] && pid_alive "$pid" apache2; then
		apache2 -f "$APACHE_CONF" -k stop 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		if ! wait_gone "$pid" "$(proc_group "$pid")" 20; then
			fail "Apache (pid $pid) did not stop within 20s"
			stop_pidfile "$APACHE_PID_FILE" apache2 KILL 5
		fi
	fi
	APACHE_PID_FILE=''
}

# save_logs VARIANT: Apache's error log next to the instance's logs.
save_logs() {
	mkdir -p "$LOGS/apache"
	if [ -f "$WORK/apache/error.log" ]; then
		cp "$WORK/apache/error.log" "$LOGS/apache/$1-error.log"
	fi
}

# ---------------------------------------------------------------- requests

# request ARGS...: one curl request with the variant's cookie jar; sets
# STATUS, RESP_HEAD and RESP_BODY.
request() {
	STATUS="$(curl "${CURL_OPTS[@]}" -b "$JAR" -c "$JAR" -D "$RESP_HEAD" \
		-o "$RESP_BODY" -w '%{http_code}' "$@")" || STATUS=000
}

# header NAME: the first value of response header NAME.
header() {
	grep -i "^$1:" "$RESP_HEAD" | head -n 1 | sed 's/^[^:]*:[[:space:]]*//; s/\r$//'
}

header_count() {
	grep -ci "^$1:" "$RESP_HEAD" || true
}

# app_answered: the response came from a program, not from Apache itself
# (the programs send a Content-Security-Policy on everything).
app_answered() {
	[ -n "$(header Content-Security-Policy)" ]
}

# expect LABEL STATUS: pass or fail on the last request's status.
expect() {
	if [ "$STATUS" = "$2" ]; then
		pass "$1 -> $STATUS"
		return 0
	fi
	fail "$1 -> $STATUS, expected $2"
	return 1
}

# ---------------------------------------------------------------- checks

check_health() {
	request "$BASE_URL/healthz"
	if expect "[$VARIANT] GET /healthz" 200 && [ "$(cat "$RESP_BODY")" != ok ]; then
		fail "[$VARIANT] /healthz body is not \"ok\": $(head -c 80 "$RESP_BODY")"
	fi
}

# check_login_page SCHEME: the form, the application's security headers
# exactly once, and HSTS/Secure only over HTTPS.
check_login_page() {
	local h bad=()
	# A first visit: every page sets crm_pre when the request has none.
	: >"$JAR"
	request "$BASE_URL/login"
	expect "[$VARIANT] GET /login" 200 || return 0
	for h in Content-Security-Policy X-Frame-Options X-Content-Type-Options \
		Referrer-Policy Cache-Control; do
		[ "$(header_count "$h")" = 1 ] || bad+=("$h x$(header_count "$h")")
	done
	[ "$(header X-Frame-Options)" = DENY ] || bad+=("X-Frame-Options=$(header X-Frame-Options)")
	[ "$(header Cache-Control)" = no-store ] || bad+=("Cache-Control=$(header Cache-Control)")
	if [ "$1" = https ]; then
		[ -n "$(header Strict-Transport-Security)" ] || bad+=("no HSTS over HTTPS")
		grep -qi '^Set-Cookie: __Host-crm_pre=.*; Secure' "$RESP_HEAD" ||
			bad+=("no Secure __Host-crm_pre cookie over HTTPS")
	else
		[ -z "$(header Strict-Transport-Security)" ] || bad+=("HSTS over plain HTTP")
		grep -qi '^Set-Cookie: crm_pre=' "$RESP_HEAD" || bad+=("no crm_pre cookie")
	fi
	if [ ${#bad[@]} -eq 0 ]; then
		pass "[$VARIANT] /login security headers and cookie"
	else
		fail "[$VARIANT] /login headers: ${bad[*]}"
	fi
	if [ -n "$(page_csrf "$RESP_BODY")" ]; then
		pass "[$VARIANT] /login has a csrf input"
	else
		fail "[$VARIANT] /login has no csrf input"
	fi
}

check_sign_in() {
	local cookie
	if ! sign_in "$BASE_URL" rep1 Rep1-Demo-2026 "$JAR"; then
		fail "[$VARIANT] sign in as rep1"
		return 1
	fi
	cookie="$(session_cookie "$JAR")"
	if [ "$1" = https ] && [[ $cookie != __Host-* ]]; then
		fail "[$VARIANT] sign in over HTTPS gave $(cut -d= -f1 <<<"$cookie"), not __Host-crm_session"
		return 1
	fi
	pass "[$VARIANT] sign in as rep1 -> 303, ${cookie%%=*}"
}

# check_customers: the list, then the first record in it: a path below
# /customers must reach the program whole (SCRIPT_NAME + PATH_INFO).
check_customers() {
	local id
	request "$BASE_URL/customers?sort=name&dir=asc"
	expect "[$VARIANT] GET /customers" 200 || return 0
	if ! grep -q '<table' "$RESP_BODY"; then
		fail "[$VARIANT] /customers shows no table"
		return 0
	fi
	pass "[$VARIANT] /customers shows a table"
	id="$(grep -o 'href="/customers/[0-9]*"' "$RESP_BODY" | head -n 1 | tr -dc 0-9)"
	if [ -z "$id" ]; then
		fail "[$VARIANT] /customers links to no customer"
		return 0
	fi
	request "$BASE_URL/customers/$id"
	expect "[$VARIANT] GET /customers/$id" 200 || return 0
	app_answered || fail "[$VARIANT] /customers/$id was not answered by the program"
}

# check_reports: a path below /reports reaches the reports program whole.
check_reports() {
	request "$BASE_URL/reports/funnel/print"
	expect "[$VARIANT] GET /reports/funnel/print" 200 || return 0
	grep -q 'class="print-doc"' "$RESP_BODY" ||
		fail "[$VARIANT] /reports/funnel/print is not the print view"
}

check_static() {
	request "$BASE_URL/static/crm.css"
	expect "[$VARIANT] GET /static/crm.css" 200 || return 0
	if [[ $(header Content-Type) != text/css* ]] ||
		[ "$(header X-Content-Type-Options)" != nosniff ]; then
		fail "[$VARIANT] /static/crm.css: Content-Type '$(header Content-Type)', X-Content-Type-Options '$(header X-Content-Type-Options)'"
	fi
	if ! cmp -s "$RESP_BODY" "$ROOT/static/crm.css"; then
		fail "[$VARIANT] /static/crm.css differs from static/crm.css"
	fi
}

# check_admin: /admin reaches the admin program, which refuses a sales rep.
check_admin() {
	request "$BASE_URL/admin/users"
	expect "[$VARIANT] GET /admin/users as rep1" 403 || return 0
	app_answered || fail "[$VARIANT] the 403 came from Apache, not from the admin program"
}

# check_not_found: unknown paths go to the account program, which answers.
check_not_found() {
	request "$BASE_URL/no-such-page"
	expect "[$VARIANT] GET /no-such-page" 404 || return 0
	app_answered || fail "[$VARIANT] the 404 came from Apache, not from the account program"
}

# check_body_limits: a 1 MiB upload (over mod_fcgid's 128 KiB default)
# reaches the program, which refuses it for lack of a csrf token (403).
# A 9 MiB one must never reach it whole: mod_proxy_fcgi forwards the
# request without reading the body, so the program refuses the announced
# CONTENT_LENGTH itself (413); mod_fcgid reads the body first, stops at
# LimitRequestBody (AH01588 in the log) and passes an empty body on, which
# the program rejects as a broken multipart form (400).
check_body_limits() {
	local big="$WORK/body.bin"
	head -c $((1024 * 1024)) /dev/zero >"$big"
	request -F "file=@$big;type=application/octet-stream" "$BASE_URL/login"
	if [ "$STATUS" = 403 ] && app_answered; then
		pass "[$VARIANT] POST of 1 MiB reaches the program (403 without csrf)"
	else
		fail "[$VARIANT] POST of 1 MiB -> $STATUS (expected the program's 403)"
	fi
	head -c $((9 * 1024 * 1024)) /dev/zero >"$big"
	request -F "file=@$big;type=application/octet-stream" "$BASE_URL/login"
	rm -f "$big"
	case $VARIANT in
	fcgid*)
		if grep -q AH01588 "$WORK/apache/error.log" &&
			{ [ "$STATUS" = 400 ] || [ "$STATUS" = 413 ]; }; then
			pass "[$VARIANT] POST of 9 MiB stopped at LimitRequestBody (program saw no body: 400)"
		else
			fail "[$VARIANT] POST of 9 MiB -> $STATUS, LimitRequestBody did not stop it"
		fi
		;;
	*)
		if [ "$STATUS" = 413 ]; then
			pass "[$VARIANT] POST of 9 MiB refused (413)"
		else
			fail "[$VARIANT] POST of 9 MiB -> $STATUS, expected 413"
		fi
		;;
	esac
}

# ---------------------------------------------------------------- variants

# check_example_maps_programs: a program the example does not route would
# be unreachable behind Apache.
check_example_maps_programs() {
	local name missing=()
	while IFS= read -r name; do
		[ -n "$name" ] || continue
		grep -q "run/$name.sock" "$EXAMPLE" || missing+=("$name (proxy)")
		grep -q "cgi-bin/$name" "$EXAMPLE" || missing+=("$name (fcgid)")
	done < <(program_names)
	if [ ${#missing[@]} -eq 0 ]; then
		pass "apache.conf.example routes every program of $BUILD"
	else
		fail "apache.conf.example does not route: ${missing[*]}"
	fi
}

# run_variant NAME SCHEME DEFINE...: one Apache, every check, stopped.
run_variant() {
	local port scheme=$2
	VARIANT=$1
	shift 2
	if ! port="$(free_port)"; then
		fail "[$VARIANT] no free port between 18400 and 18899"
		return 0
	fi
	BASE_URL="$scheme://127.0.0.1:$port"
	JAR="$WORK/$VARIANT.jar"
	: >"$JAR"
	if apache_start "$VARIANT" "$port" "$@"; then
		check_health
		check_login_page "$scheme"
		check_static
		check_not_found
		check_body_limits
		if check_sign_in "$scheme"; then
			check_customers
			check_reports
			check_admin
		fi
	fi
	apache_stop
	# mod_fcgid sends its programs SIGTERM and kills them after a while.
	if grep -qs 'did not exit, terminating forcefully' "$WORK/apache/error.log"; then
		fail "[$VARIANT] programs ignored mod_fcgid's SIGTERM and were killed"
	fi
	save_logs "$VARIANT"
}

# collect_reports: sanitizer reports of the programs mod_fcgid ran, where
# scripts/check.sh looks for them.
collect_reports() {
	local f
	for f in "$WORK"/var/log/asan* "$WORK"/var/log/ubsan*; do
		[ -s "$f" ] || continue
		cp "$f" "$LOGS/${f##*/}.apache-fcgid"
	done
	if [ -s "$WORK/var/log/crm.log" ]; then
		mkdir -p "$LOGS/apache"
		cp "$WORK/var/log/crm.log" "$LOGS/apache/fcgid-crm.log"
	fi
}

cleanup() {
	[ -n "$WORK" ] || return 0
	apache_stop
	stop_program_copies
	collect_reports
	rm -rf "$WORK"
	WORK=''
}

main() {
	local start=$SECONDS
	require_apache
	require_instance
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	make_work_dir
	web_config
	tls_certificate
	start_program_copies
	check_example_maps_programs
	run_variant proxy_fcgi http CRM_PROXY_FCGI
	run_variant fcgid http CRM_FCGID
	run_variant proxy_fcgi+tls https CRM_PROXY_FCGI CRM_TLS
	cleanup
	if [ "$FAILURES" -ne 0 ]; then
		echo "apache: $FAILURES failure(s) in $((SECONDS - start))s (logs: $LOGS/apache/)"
		exit 1
	fi
	echo "apache: all passed in $((SECONDS - start))s"
}

main "$@"
