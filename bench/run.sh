#!/usr/bin/env bash
# run.sh - "make bench": start (or reuse) a dedicated CRM instance, load
# CRM_BENCH_N generated customers and CRM_BENCH_OPPS opportunities over
# them, then measure each kind of page with wrk
# and print requests/s, latency, errors and the workers' memory beside the
# targets. Figures are reported, not asserted: the exit status is non-zero
# only when something broke (a page answered other than 2xx or not at all
# within the run, a step failed). docs/PERFORMANCE.md explains the output.
#
# Knobs (environment):
#   CRM_BENCH_VAR      instance directory       (default <repo>/var/bench)
#   CRM_BENCH_PORT     nginx port on 127.0.0.1  (default 18900)
#   CRM_BENCH_WORKERS  workers per program      (default 8)
#   CRM_BENCH_N        customers to load        (default 1000000)
#   CRM_BENCH_OPPS     opportunities to load    (default 300000; 0: none,
#                      and no pipeline pages)
#   CRM_BENCH_SECONDS  wrk duration per page    (default 10)
#   CRM_BENCH_STOP     1: stop the instance at the end (default: keep it)
#   CRM_BENCH_PAGES    extended regex: measure only the pages whose names
#                      match (static and hello are always measured)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"

BENCH_VAR="${CRM_BENCH_VAR:-$ROOT/var/bench}"
BENCH_PORT="${CRM_BENCH_PORT:-18900}"
BENCH_WORKERS="${CRM_BENCH_WORKERS:-8}"
BENCH_N="${CRM_BENCH_N:-1000000}"
BENCH_OPPS="${CRM_BENCH_OPPS:-300000}"
BENCH_SECONDS="${CRM_BENCH_SECONDS:-10}"
BENCH_STOP="${CRM_BENCH_STOP:-0}"
BENCH_PAGES="${CRM_BENCH_PAGES:-}"
# The buffer pool must hold the customer table and its indexes at 1M rows,
# or the list pages would measure the disk instead of the code.
BENCH_DB_POOL=2G

WRK_THREADS=2
WRK_CONNECTIONS=64
# A request without an answer this long counts as an error; wrk's default
# of 2s would also hide the slow tail from the percentiles.
WRK_TIMEOUT=10s
# After a slow page, the requests wrk abandoned may run for minutes.
IDLE_WAIT_SECONDS=600
CLK_TCK="$(getconf CLK_TCK)"
PAGE_SIZE=50		# rows per list page (PAGE_SIZE in cgi-bin/customers.c)
DEEP_PAGE=1000		# the deep page measured with its keyset cursor
DETAIL_SAMPLE=1000	# customers the rotating detail benchmark cycles over
ROUND_TRIPS=20000	# empty statements timed for the cost of a round trip

# Search terms that occur in generated names (tools/crmctl.c, gen_name):
# a Chinese trade name (~3.5% of customers), an English brand (~1.9%), and
# that brand with a trade word (~0.13%).
TERM_ZH='华信'
TERM_LATIN='Northwind'
TERM_TWO_WORDS='Northwind Pharma'

# Targets (docs/PERFORMANCE.md): list and detail pages, name searches,
# lists filtered or sorted by a custom field, worker memory.
TARGET_RPS=2000
TARGET_RATIO=0.12
TARGET_LIST_P99_MS=50
TARGET_SEARCH_P99_MS=100
TARGET_CUSTOM_P99_MS=100
TARGET_PIPELINE_P99_MS=50	# the opportunity list, board and detail
TARGET_REPORT_P99_MS=200	# the funnel report
TARGET_RSS_MB=30

# The custom fields crmctl gen-bench fills (tools/crmctl.c, bench_fields):
# a single choice filtered on one option (~20% of customers) and a number
# sorted by.
CF_FILTER='cf=bench_tier&cfv=tier_c'
CF_SORT='sort=cf_bench_score&dir=asc'

BASE_URL="http://127.0.0.1:$BENCH_PORT"
SOCK="$BENCH_VAR/run/mysql.sock"
ACCESS_LOG="$BENCH_VAR/log/nginx-access.log"
TMP=''			# this run's scratch directory under /tmp
INSTANCE_STARTED=0	# for the exit trap: only stop what this run started
DB_NAME=''
DB_APP_USER=''

# The pages, by index: what the table shows, what wrk requests, as whom,
# which target applies, and an optional file of paths to rotate over.
PAGE_NAMES=()
PAGE_PATHS=()
PAGE_USERS=()
PAGE_CLASSES=()
PAGE_PATH_FILES=()
# The measurements, by the same index.
RESULT_RPS=()
RESULT_P50=()
RESULT_P99=()
RESULT_ERRORS=()
RESULT_REQUESTS=()
RESULT_CPU=()		# "db app web wrk busy% others%" (cpu_per_request)
RESULT_STMTS=()		# prepared statements executed per response
ROUND_TRIP=''		# "db app": ms of CPU of one empty statement
declare -A SESSIONS=()	# login -> crm_session token

# ---------------------------------------------------------------- messages

say() { printf '==> %s\n' "$*"; }
die() {
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

# ---------------------------------------------------------------- setup

check_settings() {
	local name value
	for name in BENCH_PORT BENCH_WORKERS BENCH_N BENCH_SECONDS; do
		value="${!name}"
		[[ $value =~ ^[1-9][0-9]*$ ]] ||
			die "CRM_${name} must be a positive number: $value"
	done
	[[ $BENCH_OPPS =~ ^(0|[1-9][0-9]{0,6})$ ]] ||
		die "CRM_BENCH_OPPS must be 0 to 9999999: $BENCH_OPPS"
	case $BENCH_STOP in 0 | 1) ;; *) die "CRM_BENCH_STOP must be 0 or 1" ;; esac
}

require_commands() {
	local cmd missing=()
	for cmd in wrk curl mariadb awk ps; do
		command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
	done
	[ ${#missing[@]} -eq 0 ] ||
		die "missing commands: ${missing[*]} (run make deps)"
}

# on_exit: remove the scratch files; stop the instance only when asked to
# and only if this run started it (or reused it: it is the bench instance).
on_exit() {
	[ -z "$TMP" ] || rm -rf -- "$TMP"
	if [ "$BENCH_STOP" = 1 ] && [ "$INSTANCE_STARTED" = 1 ]; then
		CRM_VAR="$BENCH_VAR" "$ROOT/scripts/stop.sh"
	fi
}

make_scratch_dir() {
	TMP="$(mktemp -d /tmp/crm-bench-run.XXXXXX)"
}

# now: seconds since the epoch with microseconds.
now() { printf '%s\n' "$EPOCHREALTIME"; }

# print_machine: what the figures depend on, to date and compare them.
print_machine() {
	local cpu mem
	cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	mem="$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	say "bench $(date '+%Y-%m-%d %H:%M %Z') on $(uname -n)"
	printf '    cpu: %s x %s, memory %s, kernel %s\n' "$(nproc)" \
		"${cpu:-unknown}" "$mem" "$(uname -r)"
	printf '    commit %s, %s workers per program, wrk -t%s -c%s -d%ss\n' \
		"$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" \
		"$BENCH_WORKERS" "$WRK_THREADS" "$WRK_CONNECTIONS" "$BENCH_SECONDS"
}

# conf_get KEY: a value from the instance's crm.conf.
conf_get() {
	sed -n "s/^$1=//p" "$BENCH_VAR/crm.conf" | tail -n 1
}

# start_instance: scripts/run.sh on the bench settings. It reuses what runs
# and restarts the programs, so every run measures fresh workers of the
# current build. Only its progress lines are shown: its welcome text names
# "make stop", which stops the default instance, not this one.
start_instance() {
	local log="$TMP/start.log"
	say "starting the bench instance in $BENCH_VAR (port $BENCH_PORT)"
	INSTANCE_STARTED=1
	if ! CRM_VAR="$BENCH_VAR" CRM_PORT="$BENCH_PORT" \
		CRM_WORKERS="$BENCH_WORKERS" CRM_DB_POOL="$BENCH_DB_POOL" \
		"$ROOT/scripts/run.sh" >"$log" 2>&1; then
		cat "$log" >&2
		die "scripts/run.sh failed"
	fi
	sed -n 's/^==> /    /p' "$log"
	DB_NAME="$(conf_get db_name)"
	DB_APP_USER="$(conf_get db_user)"
	# Both are quoted into SQL: allow only a safe alphabet.
	[[ $DB_NAME$DB_APP_USER =~ ^[A-Za-z0-9_]+$ ]] ||
		die "bad db_name or db_user in $BENCH_VAR/crm.conf"
}

load_customers() {
	local start
	say "loading $BENCH_N customers and $BENCH_OPPS opportunities (bench/load.sh)"
	start="$(now)"
	CRM_VAR="$BENCH_VAR" "$ROOT/bench/load.sh" "$BENCH_N" "$BENCH_OPPS" |
		sed 's/^/    /'
	awk -v s="$start" -v e="$(now)" \
		'BEGIN { printf "    load time: %.1f s\n", e - s }'
}

# db_query SQL: one query as the database administrator through the
# instance socket (as bench/load.sh does); tab-separated rows, no header.
db_query() {
	mariadb --no-defaults --default-character-set=utf8mb4 \
		--socket="$SOCK" -uroot -N -B "$DB_NAME" -e "$1"
}

# url_encode TEXT: TEXT percent-encoded byte by byte for a query string.
url_encode() {
	local LC_ALL=C text=$1 out='' c i
	for ((i = 0; i < ${#text}; i++)); do
		c=${text:i:1}
		case $c in
		[A-Za-z0-9.~_-]) out+=$c ;;
		*)
			printf -v c '%%%02X' "'$c"
			out+=$c
			;;
		esac
	done
	printf '%s\n' "$out"
}

# ---------------------------------------------------------------- fixtures

# Found once per run from the data, so they hold for any CRM_BENCH_N.
DEEP_CURSOR=''		# the "after" cursor that opens page DEEP_PAGE
DEEP_FIRST_ID=''	# the id the first row of that page must have
DETAIL_ID=''		# a customer with contacts, follow-ups and orders
CODE_PREFIX=''		# a code prefix matching up to 100 customers
MOBILE_PREFIX=''	# the first 7 digits of a contact's mobile
DETAIL_PATHS_FILE=''	# DETAIL_SAMPLE random /customers/<id> paths
CF_CURSOR=''		# the cursor of page DEEP_PAGE sorted by bench_score
CF_FIRST_ID=''		# the id the first row of that page must have
OPP_CURSOR=''		# the cursor of opportunity list page DEEP_PAGE
OPP_FIRST_ID=''		# the id the first row of that page must have
OPP_STAGE='negotiation'	# the stage the filtered list shows (~14%)
OPP_PATHS_FILE=''	# DETAIL_SAMPLE random /opportunities/<id> paths

# find_deep_cursor: the list sorts by name_sort, id and pages by keyset;
# the cursor of page P is the key of row PAGE_SIZE * (P - 1), 1-based.
find_deep_cursor() {
	local offset=$((PAGE_SIZE * (DEEP_PAGE - 1) - 1)) rows
	rows="$(db_query "SELECT CONCAT(HEX(name_sort), '.', id) FROM customer
		WHERE deleted_at IS NULL ORDER BY name_sort, id
		LIMIT 2 OFFSET $offset")"
	DEEP_CURSOR="$(sed -n 1p <<<"$rows")"
	DEEP_FIRST_ID="$(sed -n 2p <<<"$rows")"
	DEEP_FIRST_ID="${DEEP_FIRST_ID##*.}"
	[ -n "$DEEP_FIRST_ID" ] ||
		die "fewer than $((offset + 2)) customers: no page $DEEP_PAGE"
}

# find_custom_cursor: the same for the list sorted by the custom number
# bench_score: its slot's values in order, then the customers without one
# (cgi-bin/customers/list.c); the cursor is "<value>.<id>".
find_custom_cursor() {
	local offset=$((PAGE_SIZE * (DEEP_PAGE - 1) - 1)) slot rows
	slot="$(db_query "SELECT slot FROM custom_field
		WHERE record_type = 'customer' AND code = 'bench_score'")"
	[[ $slot =~ ^[1-9][0-9]*$ ]] || die "no custom field bench_score"
	rows="$(db_query "SELECT CONCAT(cc.n$slot, '.', cc.customer_id)
		FROM customer_custom cc JOIN customer c ON c.id = cc.customer_id
		WHERE c.deleted_at IS NULL AND cc.n$slot IS NOT NULL
		ORDER BY cc.n$slot, cc.customer_id LIMIT 2 OFFSET $offset")"
	CF_CURSOR="$(sed -n 1p <<<"$rows")"
	CF_FIRST_ID="$(sed -n 2p <<<"$rows")"
	CF_FIRST_ID="${CF_FIRST_ID##*.}"
	[ -n "$CF_FIRST_ID" ] ||
		die "fewer than $((offset + 2)) scores: no page $DEEP_PAGE"
}

# find_rich_customer: the heaviest detail page, among the generated
# customers (from the middle of the id range, so that its code prefix is
# shared by a full hundred codes).
find_rich_customer() {
	local row
	row="$(db_query "SELECT c.id, c.code,
		(SELECT LEFT(k.mobile, 7) FROM contact k
		 WHERE k.customer_id = c.id AND k.is_key = 1 LIMIT 1)
		FROM customer c
		WHERE c.deleted_at IS NULL
		AND c.id >= (SELECT MAX(id) FROM customer) DIV 2
		AND c.order_count >= 3
		AND (SELECT COUNT(*) FROM contact k WHERE k.customer_id = c.id) >= 2
		AND (SELECT COUNT(*) FROM followup f WHERE f.customer_id = c.id) >= 5
		ORDER BY c.id LIMIT 1")"
	[ -n "$row" ] || die "no customer with contacts, follow-ups and orders"
	IFS=$'\t' read -r DETAIL_ID CODE_PREFIX MOBILE_PREFIX <<<"$row"
	# Dropping the last two digits leaves a prefix shared by 100 codes.
	CODE_PREFIX="${CODE_PREFIX:0:${#CODE_PREFIX}-2}"
}

# write_detail_paths: random customers, seeded so runs are comparable.
write_detail_paths() {
	DETAIL_PATHS_FILE="$TMP/detail-paths.txt"
	db_query "SELECT CONCAT('/customers/', id) FROM customer
		WHERE deleted_at IS NULL ORDER BY RAND(1)
		LIMIT $DETAIL_SAMPLE" >"$DETAIL_PATHS_FILE"
	[ -s "$DETAIL_PATHS_FILE" ] || die "no customers to sample"
}

# find_opp_cursor: the opportunity list sorts by expected close date and
# id (cgi-bin/opportunities/list.c); its cursor is "<date>.<id>".
find_opp_cursor() {
	local offset=$((PAGE_SIZE * (DEEP_PAGE - 1) - 1)) rows
	rows="$(db_query "SELECT CONCAT(expected_close, '.', id)
		FROM opportunity WHERE deleted_at IS NULL
		ORDER BY expected_close, id LIMIT 2 OFFSET $offset")"
	OPP_CURSOR="$(sed -n 1p <<<"$rows")"
	OPP_FIRST_ID="$(sed -n 2p <<<"$rows")"
	OPP_FIRST_ID="${OPP_FIRST_ID##*.}"
	[ -n "$OPP_FIRST_ID" ] ||
		die "fewer than $((offset + 2)) opportunities: no page $DEEP_PAGE"
}

write_opp_paths() {
	OPP_PATHS_FILE="$TMP/opp-paths.txt"
	db_query "SELECT CONCAT('/opportunities/', id) FROM opportunity
		WHERE deleted_at IS NULL ORDER BY RAND(1)
		LIMIT $DETAIL_SAMPLE" >"$OPP_PATHS_FILE"
	[ -s "$OPP_PATHS_FILE" ] || die "no opportunities to sample"
}

find_fixtures() {
	say "finding the deep-page cursors, a detail customer and search terms"
	find_deep_cursor
	find_custom_cursor
	find_rich_customer
	write_detail_paths
	if [ "$BENCH_OPPS" -gt 0 ]; then
		find_opp_cursor
		write_opp_paths
		printf '    opportunities page %s cursor %s\n' "$DEEP_PAGE" \
			"$OPP_CURSOR"
	fi
	printf '    page %s cursor %s\n' "$DEEP_PAGE" "${DEEP_CURSOR:0:24}..."
	printf '    page %s by bench_score: cursor %s\n' "$DEEP_PAGE" "$CF_CURSOR"
	printf '    detail /customers/%s, code prefix %s, mobile prefix %s\n' \
		"$DETAIL_ID" "$CODE_PREFIX" "$MOBILE_PREFIX"
}

# ---------------------------------------------------------------- sign-in

# sign_in LOGIN PASSWORD: a fresh session (sessions idle out after 30
# minutes), stored in SESSIONS[LOGIN]. The sign-in form wants the crm_pre
# cookie and its csrf value back, and an Origin of this very site.
sign_in() {
	local login=$1 password=$2 jar="$TMP/cookies.$1" page status token
	page="$(curl -fsS -c "$jar" "$BASE_URL/login")" ||
		die "GET /login failed"
	[[ $page =~ name=\"csrf\"\ value=\"([0-9a-f]{64})\" ]] ||
		die "no csrf field on /login"
	# The password comes through stdin, so it never shows in ps.
	status="$(printf '%s' "$password" |
		curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
			-H "Origin: $BASE_URL" \
			--data-urlencode "csrf=${BASH_REMATCH[1]}" \
			--data-urlencode "login=$login" \
			--data-urlencode 'password@-' "$BASE_URL/login")"
	[ "$status" = 303 ] || die "sign-in as $login: HTTP $status, expected 303"
	# Netscape cookie jar: the name is field 6, the value field 7.
	token="$(awk -F'\t' '$6 == "crm_session" { print $7 }' "$jar")"
	[ -n "$token" ] || die "sign-in as $login: no crm_session cookie"
	SESSIONS[$login]=$token
}

sign_in_users() {
	say "signing in as admin (all), director (team) and rep1 (own)"
	sign_in admin Admin-Demo-2026
	sign_in director Director-Demo-2026
	sign_in rep1 Rep1-Demo-2026
}

# ---------------------------------------------------------------- pages

# add_page NAME CLASS USER PATH [PATHS_FILE]: CLASS picks the target (ref:
# none, hello: the ratio's base, list, search, custom, pipeline, report); USER "-"
# sends no cookie.
add_page() {
	if [ -n "$BENCH_PAGES" ] && [ "$2" != hello ] && [ "$1" != static ] &&
		! [[ $1 =~ $BENCH_PAGES ]]; then
		return 0
	fi
	PAGE_NAMES+=("$1")
	PAGE_CLASSES+=("$2")
	PAGE_USERS+=("$3")
	PAGE_PATHS+=("$4")
	PAGE_PATH_FILES+=("${5:-}")
}

define_pages() {
	local list='/customers?sort=name&dir=asc'
	add_page static ref - /static/crm.css
	add_page hello hello - /healthz
	add_page login ref - /login
	add_page list-p1 list admin /customers
	add_page "list-p$DEEP_PAGE" list admin "$list&after=$DEEP_CURSOR"
	add_page list-rep1 list rep1 /customers
	add_page list-director list director /customers
	add_page search-zh search admin "/customers?q=$(url_encode "$TERM_ZH")"
	add_page search-latin search admin \
		"/customers?q=$(url_encode "$TERM_LATIN")"
	add_page search-2words search admin \
		"/customers?q=$(url_encode "$TERM_TWO_WORDS")"
	add_page search-code search admin "/customers?q=$CODE_PREFIX"
	add_page search-mobile search admin "/customers?q=$MOBILE_PREFIX"
	add_page cf-filter custom admin "/customers?$CF_FILTER"
	add_page cf-sort-p1 custom admin "/customers?$CF_SORT"
	add_page "cf-sort-p$DEEP_PAGE" custom admin \
		"/customers?$CF_SORT&after=$CF_CURSOR"
	add_page cf-sort-rep1 custom rep1 "/customers?$CF_SORT"
	add_page detail list admin "/customers/$DETAIL_ID"
	add_page "detail-x$DETAIL_SAMPLE" list admin \
		"$(head -n 1 "$DETAIL_PATHS_FILE")" "$DETAIL_PATHS_FILE"
	[ "$BENCH_OPPS" -eq 0 ] || define_pipeline_pages
}

# The sales pipeline: the list (page 1, a deep page by keyset, one stage,
# a rep's own), the board in each scope, opportunities' pages, the sales
# funnel report (its default period, all and team scope) and a director's
# home page.
define_pipeline_pages() {
	add_page opp-list-p1 pipeline admin /opportunities
	add_page "opp-list-p$DEEP_PAGE" pipeline admin \
		"/opportunities?sort=close&dir=asc&after=$OPP_CURSOR"
	add_page opp-list-stage pipeline admin "/opportunities?stage=$OPP_STAGE"
	add_page opp-list-rep1 pipeline rep1 /opportunities
	add_page opp-board pipeline admin /opportunities/board
	add_page opp-board-director pipeline director /opportunities/board
	add_page opp-board-rep1 pipeline rep1 /opportunities/board
	add_page "opp-detail-x$DETAIL_SAMPLE" pipeline admin \
		"$(head -n 1 "$OPP_PATHS_FILE")" "$OPP_PATHS_FILE"
	add_page report-funnel report admin /reports/funnel
	add_page report-funnel-team report director /reports/funnel
	# Where every sign-in lands: a director's follow-ups due, overdue
	# instalments and what waits for their approval. No target of its own.
	add_page home-director ref director /home
}

# fetch USER PATH OUT: GET PATH as USER into OUT; prints the HTTP status.
fetch() {
	local cookie=()
	[ "$1" = - ] || cookie=(-H "Cookie: crm_session=${SESSIONS[$1]}")
	curl -sS -o "$3" -w '%{http_code}' "${cookie[@]}" "$BASE_URL$2"
}

# list_rows FILE [AREA]: how many rows (links to a record of AREA,
# default customers) a list page shows.
list_rows() {
	awk -v area="${2:-customers}" '
		{ n += gsub("href=\"/" area "/[0-9]+\"", "") }
		END { print n + 0 }' "$1"
}

# first_row_id FILE [AREA]: the id of the first row of a list page.
first_row_id() {
	awk -v area="${2:-customers}" '
	match($0, "href=\"/" area "/[0-9]+\"") {
		id = substr($0, RSTART, RLENGTH)
		gsub(/[^0-9]/, "", id)
		print id
		exit
	}' "$1"
}

# check_pages: each page once before measuring: it must answer 200 (a
# redirect to /login would be fast and meaningless), list pages must show
# rows, and the deep page must start where SQL says page 1000 starts.
check_pages() {
	local i body="$TMP/page.html" status rows first
	say "checking every page once"
	for i in "${!PAGE_NAMES[@]}"; do
		status="$(fetch "${PAGE_USERS[$i]}" "${PAGE_PATHS[$i]}" "$body")"
		[ "$status" = 200 ] ||
			die "${PAGE_NAMES[$i]} (${PAGE_PATHS[$i]}): HTTP $status"
		case ${PAGE_PATHS[$i]} in
		/customers\?* | /customers)
			rows="$(list_rows "$body")"
			[ "$rows" -gt 0 ] || die "${PAGE_NAMES[$i]}: no rows"
			printf '    %-18s %3s rows\n' "${PAGE_NAMES[$i]}" "$rows"
			;;
		/opportunities\?* | /opportunities | /opportunities/board)
			rows="$(list_rows "$body" opportunities)"
			[ "$rows" -gt 0 ] || die "${PAGE_NAMES[$i]}: no rows"
			printf '    %-18s %3s rows\n' "${PAGE_NAMES[$i]}" "$rows"
			;;
		esac
		if [ "${PAGE_NAMES[$i]}" = "opp-list-p$DEEP_PAGE" ]; then
			first="$(first_row_id "$body" opportunities)"
			[ "$first" = "$OPP_FIRST_ID" ] ||
				die "opportunity page $DEEP_PAGE starts at $first, expected $OPP_FIRST_ID"
		fi
		if [ "${PAGE_NAMES[$i]}" = "list-p$DEEP_PAGE" ]; then
			first="$(first_row_id "$body")"
			[ "$first" = "$DEEP_FIRST_ID" ] ||
				die "page $DEEP_PAGE starts at $first, expected $DEEP_FIRST_ID"
		fi
		if [ "${PAGE_NAMES[$i]}" = "cf-sort-p$DEEP_PAGE" ]; then
			first="$(first_row_id "$body")"
			[ "$first" = "$CF_FIRST_ID" ] ||
				die "cf-sort page $DEEP_PAGE starts at $first, expected $CF_FIRST_ID"
		fi
	done
}

# ---------------------------------------------------------------- measuring

file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# log_counts_since OFFSET: "<responses> <errors>" among wrk's requests
# (User-Agent crm-bench, set by cookie.lua) in the access log after byte
# OFFSET. Errors are statuses other than 2xx, except 499: nginx logs it for
# the requests wrk abandons in flight when its time is up. Those are still
# served to the end, so they do count among the responses.
log_counts_since() {
	tail -c "+$(($1 + 1))" "$ACCESS_LOG" | awk -F'"' '
		# combined format: ... "request" status bytes "referer" "agent"
		$6 != "crm-bench" { next }
		{ split($3, f, " "); n++ }
		f[1] !~ /^2/ && f[1] != "499" { bad++ }
		END { print n + 0, bad + 0 }'
}

# wait_until_idle: when wrk stops, the requests it abandons are still
# queued at the FastCGI sockets and run to the end: after a slow page that
# is many seconds of work, which the next page would otherwise wait behind.
# Idle is no app query running in MariaDB several polls in a row.
wait_until_idle() {
	local quiet=0 tries=$((IDLE_WAIT_SECONDS * 5)) busy
	while [ "$quiet" -lt 5 ]; do
		busy="$(db_query "SELECT COUNT(*) FROM information_schema.PROCESSLIST
			WHERE USER = '$DB_APP_USER' AND COMMAND <> 'Sleep'")"
		if [ "$busy" -eq 0 ]; then
			quiet=$((quiet + 1))
		else
			quiet=0
		fi
		tries=$((tries - 1))
		[ "$tries" -gt 0 ] ||
			die "the instance stayed busy for ${IDLE_WAIT_SECONDS}s"
		sleep 0.2
	done
}

# The processes whose CPU time is charged to a page, found once the
# instance runs: MariaDB, the FastCGI workers, the nginx workers.
DB_PIDS=()
APP_PIDS=()
WEB_PIDS=()

# children_of PIDFILE: the children of the process named in PIDFILE, one
# pid a line.
children_of() {
	local master
	read -r master <"$1" || return 0
	# ps exits 1 when there are none, which is no error here.
	ps -o pid= --ppid "$master" | awk '{ print $1 }' || true
}

# program_pidfiles: the pid file of each FastCGI program's master: every
# pid file of the instance but MariaDB's and nginx's.
program_pidfiles() {
	local pidfile
	for pidfile in "$BENCH_VAR"/run/*.pid; do
		case ${pidfile##*/} in mysqld.pid | nginx.pid) continue ;; esac
		if [ -e "$pidfile" ]; then
			printf '%s\n' "$pidfile"
		fi
	done
}

find_instance_pids() {
	local pidfile db_pid
	read -r db_pid <"$BENCH_VAR/run/mysqld.pid"
	DB_PIDS=("$db_pid")
	mapfile -t WEB_PIDS < <(children_of "$BENCH_VAR/run/nginx.pid")
	APP_PIDS=()
	while IFS= read -r pidfile; do
		mapfile -t -O "${#APP_PIDS[@]}" APP_PIDS < <(children_of "$pidfile")
	done < <(program_pidfiles)
}

# cpu_ticks PID...: user + system time of the PIDs, in clock ticks.
cpu_ticks() {
	local pid stat fields total=0
	for pid in "$@"; do
		stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
		# After "(command) " come state, ppid, ... utime (12th), stime.
		read -ra fields <<<"${stat##*) }"
		total=$((total + fields[11] + fields[12]))
	done
	echo "$total"
}

# statements_executed: the prepared statements the server has executed
# since it started; the bench's own queries are plain ones, not counted.
statements_executed() {
	db_query "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f 2
}

# measure_round_trip: the CPU of one statement that does no work, run
# through the programs' own database layer (crmctl round-trips): the floor
# under every statement a page executes.
measure_round_trip() {
	local before after user sys TIMEFORMAT='%U %S'
	say "timing $ROUND_TRIPS empty statements (the cost of a round trip)"
	before="$(cpu_ticks "${DB_PIDS[@]}")"
	if ! { time "$ROOT/build/rel/tools/crmctl" --config "$BENCH_VAR/crm.conf" \
		round-trips "$ROUND_TRIPS" >/dev/null; } 2>"$TMP/trip-cpu"; then
		cat "$TMP/trip-cpu" >&2
		die "crmctl round-trips failed"
	fi
	after="$(cpu_ticks "${DB_PIDS[@]}")"
	read -r user sys <<<"$(tail -n 1 "$TMP/trip-cpu")"
	ROUND_TRIP="$(awk -v b="$before" -v a="$after" -v u="$user" -v s="$sys" \
		-v n="$ROUND_TRIPS" -v hz="$CLK_TCK" \
		'BEGIN { printf "%.4f %.4f", (a - b) * 1000 / hz / n, (u + s) * 1000 / n }')"
}

# cpu_snapshot: "db app web machine_busy machine_total" in clock ticks.
cpu_snapshot() {
	local user nice system idle iowait irq softirq steal
	read -r _ user nice system idle iowait irq softirq steal _ </proc/stat
	echo "$(cpu_ticks "${DB_PIDS[@]}") $(cpu_ticks "${APP_PIDS[@]}")" \
		"$(cpu_ticks "${WEB_PIDS[@]}")" \
		"$((user + nice + system + irq + softirq + steal))" \
		"$((user + nice + system + idle + iowait + irq + softirq + steal))"
}

# cpu_per_request BEFORE AFTER RESPONSES WRK_SECONDS: "db app web wrk
# busy% others%": milliseconds of CPU per response for each group, how busy
# the whole machine was (all cores), and the share of it nobody here used:
# other programs on the machine, which make the figures less reliable.
cpu_per_request() {
	awk -v b="$1" -v a="$2" -v n="$3" -v w="$4" -v hz="$CLK_TCK" 'BEGIN {
		split(b, x, " "); split(a, y, " ")
		if (n < 1) n = 1
		ours = w * hz
		for (k = 1; k <= 3; k++) {
			printf "%.3f ", (y[k] - x[k]) * 1000 / hz / n
			ours += y[k] - x[k]
		}
		total = y[5] - x[5]
		others = (y[4] - x[4] - ours) / total
		printf "%.3f %.0f %.0f\n", w * 1000 / n,
			100 * (y[4] - x[4]) / total, (others > 0 ? 100 * others : 0)
	}'
}

# latency_ms REQUESTS MICROSECONDS: milliseconds, or "-" when no request
# completed (wrk then reports 0, which would read as fast).
latency_ms() {
	awk -v n="$1" -v u="$2" 'BEGIN {
		if (n > 0) printf "%.2f\n", u / 1000; else print "-"
	}'
}

# measure_page I: wrk on page I; fills RESULT_*[I].
measure_page() {
	local i=$1 out="$TMP/wrk.$1.txt" user=${PAGE_USERS[$1]} offset line
	local kv key requests=0 duration_us=1 p50_us=0 p99_us=0 socket_errors=0
	local cpu_before cpu_after responses bad wrk_user wrk_sys
	local stmts_before stmts_after
	# The time keyword reports wrk's own CPU: it shares the machine.
	local TIMEFORMAT='%U %S'
	offset="$(file_size "$ACCESS_LOG")"
	stmts_before="$(statements_executed)"
	cpu_before="$(cpu_snapshot)"
	if ! { time CRM_BENCH_COOKIE="${SESSIONS[$user]:-}" \
		CRM_BENCH_PATHS="${PAGE_PATH_FILES[$i]}" \
		wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${BENCH_SECONDS}s" \
		--timeout "$WRK_TIMEOUT" --latency -s "$ROOT/bench/cookie.lua" \
		"$BASE_URL${PAGE_PATHS[$i]}" >"$out" 2>&1; } 2>"$TMP/wrk-cpu"; then
		cat "$out" >&2
		die "wrk failed on ${PAGE_NAMES[$i]}"
	fi
	line="$(grep -m 1 '^BENCH ' "$out")" ||
		die "no BENCH line from wrk on ${PAGE_NAMES[$i]}: $(cat "$out")"
	for kv in ${line#BENCH }; do
		key=${kv%%=*}
		case $key in
		requests | duration_us | p50_us | p99_us | socket_errors)
			printf -v "$key" '%s' "${kv#*=}"
			;;
		esac
	done
	# The CPU of the abandoned requests is part of the page's cost too.
	wait_until_idle
	cpu_after="$(cpu_snapshot)"
	stmts_after="$(statements_executed)"
	read -r responses bad <<<"$(log_counts_since "$offset")"
	# Its last line: under bash -x, trace lines come before it.
	read -r wrk_user wrk_sys <<<"$(tail -n 1 "$TMP/wrk-cpu")"
	RESULT_REQUESTS[i]=$requests
	RESULT_RPS[i]="$(awk -v n="$requests" -v d="$duration_us" \
		'BEGIN { printf "%.1f", n / (d / 1e6) }')"
	RESULT_P50[i]="$(latency_ms "$requests" "$p50_us")"
	RESULT_P99[i]="$(latency_ms "$requests" "$p99_us")"
	RESULT_ERRORS[i]=$((bad + socket_errors))
	RESULT_STMTS[i]="$(awk -v b="$stmts_before" -v a="$stmts_after" \
		-v n="$responses" 'BEGIN { printf "%.1f", (n > 0 ? (a - b) / n : 0) }')"
	RESULT_CPU[i]="$(cpu_per_request "$cpu_before" "$cpu_after" "$responses" \
		"$(awk -v u="$wrk_user" -v s="$wrk_sys" 'BEGIN { print u + s }')")"
	printf '    %-18s %9s req/s  p99 %8s ms  errors %s\n' "${PAGE_NAMES[$i]}" \
		"${RESULT_RPS[$i]}" "${RESULT_P99[$i]}" "${RESULT_ERRORS[$i]}"
}

measure_pages() {
	local i
	say "measuring each page for ${BENCH_SECONDS}s"
	find_instance_pids
	wait_until_idle
	measure_round_trip
	for i in "${!PAGE_NAMES[@]}"; do
		measure_page "$i"
	done
}

# ---------------------------------------------------------------- report

# hello_rps: the base of every ratio, the cheapest dynamic page.
hello_rps() {
	local i
	for i in "${!PAGE_CLASSES[@]}"; do
		if [ "${PAGE_CLASSES[$i]}" = hello ]; then
			printf '%s\n' "${RESULT_RPS[$i]}"
			return 0
		fi
	done
	echo 0
}

# target_text CLASS: the target of a page class, as printed.
target_text() {
	case $1 in
	list) printf '>=%s/s >=%s p99<=%sms' "$TARGET_RPS" "$TARGET_RATIO" \
		"$TARGET_LIST_P99_MS" ;;
	search) printf 'p99<=%sms' "$TARGET_SEARCH_P99_MS" ;;
	custom) printf 'p99<=%sms' "$TARGET_CUSTOM_P99_MS" ;;
	pipeline) printf 'p99<=%sms' "$TARGET_PIPELINE_P99_MS" ;;
	report) printf 'p99<=%sms' "$TARGET_REPORT_P99_MS" ;;
	*) printf -- '-' ;;
	esac
}

# verdict CLASS RPS RATIO P99: PASS, MISS with what missed, or BROKEN
# when no request completed at all (P99 "-").
verdict() {
	if [ "$4" = - ]; then
		echo "BROKEN: no response in ${BENCH_SECONDS}s"
		return 0
	fi
	awk -v class="$1" -v rps="$2" -v ratio="$3" -v p99="$4" \
		-v t_rps="$TARGET_RPS" -v t_ratio="$TARGET_RATIO" \
		-v t_list="$TARGET_LIST_P99_MS" -v t_search="$TARGET_SEARCH_P99_MS" \
		-v t_custom="$TARGET_CUSTOM_P99_MS" \
		-v t_pipeline="$TARGET_PIPELINE_P99_MS" \
		-v t_report="$TARGET_REPORT_P99_MS" '
	function miss(what) { missed = missed (missed ? "," : "") what }
	BEGIN {
		if (class == "list") {
			if (rps < t_rps) miss("req/s")
			if (ratio < t_ratio) miss("ratio")
			if (p99 > t_list) miss("p99")
		} else if (class == "search") {
			if (p99 > t_search) miss("p99")
		} else if (class == "custom") {
			if (p99 > t_custom) miss("p99")
		} else if (class == "pipeline") {
			if (p99 > t_pipeline) miss("p99")
		} else if (class == "report") {
			if (p99 > t_report) miss("p99")
		} else {
			print "-"
			exit
		}
		print missed ? "MISS " missed : "PASS"
	}'
}

print_table() {
	local i base ratio
	base="$(hello_rps)"
	printf '\n%-18s %10s %9s %9s %7s %7s  %-28s %s\n' page 'req/s' \
		'p50 ms' 'p99 ms' errors ratio target verdict
	for i in "${!PAGE_NAMES[@]}"; do
		ratio="$(awk -v r="${RESULT_RPS[$i]}" -v b="$base" \
			'BEGIN { printf "%.3f", (b > 0 ? r / b : 0) }')"
		printf '%-18s %10s %9s %9s %7s %7s  %-28s %s\n' \
			"${PAGE_NAMES[$i]}" "${RESULT_RPS[$i]}" "${RESULT_P50[$i]}" \
			"${RESULT_P99[$i]}" "${RESULT_ERRORS[$i]}" "$ratio" \
			"$(target_text "${PAGE_CLASSES[$i]}")" \
			"$(verdict "${PAGE_CLASSES[$i]}" "${RESULT_RPS[$i]}" \
				"$ratio" "${RESULT_P99[$i]}")"
	done
	printf '\nratio = req/s / hello req/s; errors = non-2xx responses (nginx log) + socket errors\n'
	printf 'search terms: zh "%s", latin "%s", two words "%s", code "%s", mobile "%s"\n' \
		"$TERM_ZH" "$TERM_LATIN" "$TERM_TWO_WORDS" "$CODE_PREFIX" "$MOBILE_PREFIX"
}

# print_cpu_table: where each page's CPU goes, hence what limits it. The
# ceiling is what the machine's cores could serve if only the CRM ran;
# trips is the part of db + app that is round trips alone (stmts times the
# cost of an empty statement), which no statement's plan can lower.
print_cpu_table() {
	local i db app web wrk busy others trip_db trip_app
	read -r trip_db trip_app <<<"$ROUND_TRIP"
	printf '\nCPU ms per response (db = mariadbd, app = FastCGI workers, web = nginx)\n'
	printf '%-18s %8s %8s %8s %8s %6s %7s %7s %9s %10s\n' page db app web wrk \
		stmts trips 'busy %' 'others %' 'ceiling/s'
	for i in "${!PAGE_NAMES[@]}"; do
		read -r db app web wrk busy others <<<"${RESULT_CPU[$i]}"
		printf '%-18s %8s %8s %8s %8s %6s %7s %7s %9s %10s\n' "${PAGE_NAMES[$i]}" \
			"$db" "$app" "$web" "$wrk" "${RESULT_STMTS[$i]}" \
			"$(awk -v n="${RESULT_STMTS[$i]}" -v d="$trip_db" -v a="$trip_app" \
				'BEGIN { printf "%.3f", n * (d + a) }')" \
			"$busy" "$others" \
			"$(awk -v c="$(nproc)" -v t="$db $app $web" 'BEGIN {
				split(t, x, " "); ms = x[1] + x[2] + x[3]
				if (ms <= 0) print "-"
				else printf (c * 1000 / ms < 10 ? "%.1f" : "%.0f"), c * 1000 / ms
			}')"
	done
	printf 'stmts = prepared statements executed per response; an empty one costs\n'
	printf '%s ms db + %s ms app (%s in a row through lib/db.c); trips = stmts x that\n' \
		"$trip_db" "$trip_app" "$ROUND_TRIPS"
	printf 'busy %% = the whole machine (all cores) from start to idle; others %% = of it, not\n'
	printf 'used by these processes (other programs, kernel work charged to no process)\n'
	printf 'ceiling = cores / (db + app + web): req/s if the CRM had the machine to itself\n'
}

# print_worker_rss: the resident memory of every FastCGI worker, i.e. the
# children of each program's master (its pid file is $VAR/run/<prog>.pid).
print_worker_rss() {
	local pidfile pids rss all=''
	printf '\nworker RSS (MB):\n'
	while IFS= read -r pidfile; do
		pids="$(children_of "$pidfile" | paste -sd, -)"
		rss=''
		[ -z "$pids" ] ||
			rss="$(ps -o rss= -p "$pids" | awk '{ printf "%.1f ", $1 / 1024 }')"
		printf '  %-10s %s\n' "$(basename "$pidfile" .pid)" "${rss:-(no workers)}"
		all+="$rss"
	done < <(program_pidfiles)
	# shellcheck disable=SC2086 # one number per word, on purpose
	printf '%s\n' $all | awk -v t="$TARGET_RSS_MB" '
		NF { n++; sum += $1; if ($1 > max) max = $1 }
		END {
			if (n == 0) { print "  no workers found"; exit }
			printf "  %d workers: max %.1f, mean %.1f (target < %d MB: %s)\n",
				n, max, sum / n, t, max < t ? "PASS" : "MISS"
		}'
}

# failed_pages: how many pages had errors or no answer at all within the
# run: what makes the run count as broken.
failed_pages() {
	local i n=0
	for i in "${!RESULT_ERRORS[@]}"; do
		if [ "${RESULT_ERRORS[$i]}" -ne 0 ] || [ "${RESULT_REQUESTS[$i]}" -eq 0 ]; then
			n=$((n + 1))
		fi
	done
	echo "$n"
}

print_instance_note() {
	if [ "$BENCH_STOP" = 1 ]; then
		printf '\nstopping the bench instance (CRM_BENCH_STOP=1)\n'
	else
		printf '\nThe bench instance keeps running on %s. Stop it with:\n' "$BASE_URL"
		printf '  CRM_VAR=%s scripts/stop.sh\n' "$BENCH_VAR"
	fi
}

main() {
	local failed
	check_settings
	require_commands
	trap on_exit EXIT
	make_scratch_dir
	print_machine
	start_instance
	load_customers
	find_fixtures
	sign_in_users
	define_pages
	check_pages
	measure_pages
	print_table
	print_cpu_table
	print_worker_rss
	print_instance_note
	failed="$(failed_pages)"
	[ "$failed" -eq 0 ] || die "$failed page(s) answered with errors or not at all"
}

main "$@"
