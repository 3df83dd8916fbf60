#!/usr/bin/env bash
# sqlmap.sh - Debian's sqlmap against a running instance: the signed-in
# customer search, the customer edit form and the sign-in form. Fails if
# sqlmap reports any parameter as injectable, and also if its requests did
# not reach the handlers: a scan that only ever gets 403 (no csrf token, a
# foreign Origin, no session) proves nothing, so every target is first
# tried with curl using sqlmap's exact values, and sqlmap's recorded
# traffic must show the handler's own answers.
#
# Needs CRM_TEST_BASE (http://127.0.0.1:PORT) and CRM_TEST_DB_SOCKET (the
# instance's MariaDB, root by socket), as scripts/check.sh sets them.
#
# Nothing is changed for good: the edit form is posted with version 0,
# which never matches, so every request runs the UPDATE (with the payload
# bound) and is answered with the edit conflict page, without saving. The
# sign-in scan records failed sign-ins, which throttle the address after
# 20 per 15 minutes; those rows are cleared while it runs (else the form
# under test would only ever answer 429) and afterwards (else the tests
# after this one could not sign in).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=lib.sh disable=SC1091
source "$HERE/lib.sh"

: "${CRM_TEST_BASE:?set CRM_TEST_BASE=http://127.0.0.1:PORT (scripts/check.sh does)}"
: "${CRM_TEST_DB_SOCKET:?set CRM_TEST_DB_SOCKET to the instance MariaDB socket}"
BASE="${CRM_TEST_BASE%/}"
ORIGIN="$(origin_of "$BASE")"
DB_NAME=crm

# An attack tool: only ever against a local test instance.
case $ORIGIN in
http://127.0.0.1:* | http://localhost:* | http://\[::1\]:*) ;;
*)
	echo "FAIL sqlmap.sh only scans a local instance, not $ORIGIN" >&2
	exit 1
	;;
esac

# The backend is known, so only MySQL/MariaDB payloads are sent; every
# technique; no WAF probing; cookies stay the ones given. Depth (--level,
# --risk) is per target, see the targets below: risk stays at most 2, as
# risk 3 adds OR-based payloads that could touch every row of an UPDATE.
SQLMAP_OPTS=(--batch --flush-session --dbms=MySQL --technique=BEUSTQ
	--time-sec=3 --timeout=30 --retries=1 --skip-waf --drop-set-cookie
	--disable-coloring)

WORK=''
CLEARER_PID=''

# ---------------------------------------------------------------- helpers

db_root() {
	mariadb --no-defaults --socket="$CRM_TEST_DB_SOCKET" -uroot -N -B \
		--default-character-set=utf8mb4 "$DB_NAME" "$@"
}

# clear_throttle: forget the failed sign-ins from the loopback addresses.
clear_throttle() {
	db_root -e "DELETE FROM login_failure WHERE remote_addr IN ('127.0.0.1', '::1')"
}

start_throttle_clearer() {
	clear_throttle
	(
		while :; do
			clear_throttle || true
			sleep 1
		done
	) &
	CLEARER_PID=$!
}

stop_throttle_clearer() {
	[ -n "$CLEARER_PID" ] || return 0
	kill "$CLEARER_PID" 2>/dev/null || true
	wait "$CLEARER_PID" 2>/dev/null || true
	CLEARER_PID=''
	clear_throttle || true
}

# baseline NAME EXPECTED COOKIE URL [DATA]: one request with exactly what
# sqlmap will send; its status must be one of EXPECTED (e.g. "200|303").
# Prints the body to $WORK/NAME.baseline.
baseline() {
	local name=$1 expected=$2 cookie=$3 url=$4 data=${5:-} status
	local args=(-o "$WORK/$name.baseline" -w '%{http_code}' -H "Cookie: $cookie"
		-H "Origin: $ORIGIN")
	[ -z "$data" ] || args+=(--data "$data")
	status="$(curl "${CURL_OPTS[@]}" "${args[@]}" "$url")" || status=000
	if [[ $status =~ ^($expected)$ ]]; then
		pass "$name: baseline request reaches the handler ($status)"
		return 0
	fi
	fail "$name: baseline request answered $status, not $expected: sqlmap would test nothing"
	return 1
}

# run_sqlmap NAME PARAMS LEVEL RISK COOKIE URL [DATA]: scan PARAMS; stdout
# and the HTTP traffic go to $WORK/NAME.{out,traffic}.
run_sqlmap() {
	local name=$1 params=$2 level=$3 risk=$4 cookie=$5 url=$6 data=${7:-}
	local start=$SECONDS rc=0
	local args=("${SQLMAP_OPTS[@]}" --level="$level" --risk="$risk" -u "$url"
		-p "$params" --cookie "$cookie" --headers "Origin: $ORIGIN"
		--output-dir "$WORK/$name" -t "$WORK/$name.traffic")
	[ -z "$data" ] || args+=(--data "$data")
	# A dumb terminal: no screen-control sequences in the saved output.
	TERM=dumb sqlmap "${args[@]}" >"$WORK/$name.out" 2>&1 || rc=$?
	echo "$name: sqlmap (level $level, risk $risk) took $((SECONDS - start))s"
	if [ "$rc" -ne 0 ]; then
		tail -n 20 "$WORK/$name.out"
		fail "$name: sqlmap exited with $rc"
		return 1
	fi
}

# judge_findings NAME: sqlmap's verdict.
judge_findings() {
	local name=$1 out="$WORK/$1.out"
	if grep -qE 'identified the following injection point|is vulnerable' "$out"; then
		grep -E -A 12 'identified the following injection point|is vulnerable' "$out"
		fail "$name: sqlmap found an injectable parameter (above)"
		return 0
	fi
	# Candidates that sqlmap's own checks then rejected: shown, not fatal.
	grep -E "might be injectable|appears to be .* injectable|false positive" "$out" |
		sed "s/^/note $name: /" || true
	if grep -q 'do not appear to be injectable' "$out"; then
		pass "$name: sqlmap found no injectable parameter"
	else
		tail -n 20 "$out"
		fail "$name: sqlmap ended without a verdict (above)"
	fi
}

# judge_traffic NAME EXPECTED: the statuses sqlmap received. Most must be
# the handler's own answers (EXPECTED, e.g. "200"), none a 403, none a 5xx.
judge_traffic() {
	local name=$1 expected=$2 total good forbidden errors
	local codes="$WORK/$name.codes"
	sed -n 's/^HTTP response \[#[0-9]*\] (\([0-9]*\)[^)]*):.*/\1/p' \
		"$WORK/$name.traffic" >"$codes"
	total="$(wc -l <"$codes")"
	good="$(grep -cE "^($expected)$" "$codes" || true)"
	forbidden="$(grep -c '^403$' "$codes" || true)"
	errors="$(grep -c '^5' "$codes" || true)"
	echo "$name: $total responses: $(sort "$codes" | uniq -c | awk '{ printf "%s x%s  ", $2, $1 }')"
	if [ "$total" -lt 50 ]; then
		fail "$name: sqlmap sent only $total requests"
	elif [ "$forbidden" -ne 0 ] || [ $((good * 10)) -lt $((total * 9)) ]; then
		fail "$name: only $good of $total responses were $expected ($forbidden x 403): the scan did not reach the handler"
	else
		pass "$name: $good of $total sqlmap requests reached the handler ($expected)"
	fi
	if [ "$errors" -ne 0 ]; then
		fail "$name: $errors responses were 5xx: crafted input breaks the handler (see $WORK/$name.traffic)"
	fi
}

# scan NAME PARAMS EXPECTED LEVEL RISK COOKIE URL [DATA]: baseline,
# sqlmap, verdicts.
scan() {
	local name=$1 params=$2 expected=$3 level=$4 risk=$5
	shift 5
	baseline "$name" "$expected" "$@" || return 0
	run_sqlmap "$name" "$params" "$level" "$risk" "$@" || return 0
	judge_findings "$name"
	judge_traffic "$name" "$expected"
}

# ---------------------------------------------------------------- targets

# scan_search: the list with every filter, sorting and the paging cursor
# (about 5,000 requests at 10-20 ms: level 3). The filters are those of a
# real customer, so the page lists it: boolean-based tests compare pages,
# and on an empty list a true and a false condition look the same.
scan_search() {
	local word industry grade
	read -r word industry grade < <(db_root -e "SELECT
		SUBSTRING_INDEX(name, ' ', -1), industry, grade FROM customer
		WHERE deleted_at IS NULL AND name REGEXP '^[A-Za-z]+( [A-Za-z]+)+\$'
		ORDER BY id LIMIT 1")
	if [ -z "${grade:-}" ]; then
		fail "search: no customer with a plain ASCII name to search for"
		return 0
	fi
	scan search q,industry,grade,owner,sort,dir,after 200 3 2 "$ADMIN_COOKIE" \
		"$BASE/customers?q=$word&industry=$industry&grade=$grade&owner=&sort=name&dir=asc&after="
	if [ -f "$WORK/search.baseline" ] &&
		! grep -q 'href="/customers/[0-9]' "$WORK/search.baseline"; then
		fail "search: the baseline lists no customer for q=$word (search broken?)"
	fi
}

# scan_edit: the edit form of the newest customer, posted with version 0.
scan_edit() {
	local id industry grade csrf
	read -r id industry grade < <(db_root -e "SELECT id, industry, grade
		FROM customer WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 1")
	if [ -z "${id:-}" ]; then
		fail "edit: no customer in the database to edit"
		return 0
	fi
	curl "${CURL_OPTS[@]}" -o "$WORK/edit.page" -H "Cookie: $ADMIN_COOKIE" \
		"$BASE/customers/$id/edit" || true
	csrf="$(page_csrf "$WORK/edit.page")"
	if [ -z "$csrf" ]; then
		fail "edit: no csrf token on /customers/$id/edit"
		return 0
	fi
	scan edit name,address,industry,version "409|422" 3 2 "$ADMIN_COOKIE" \
		"$BASE/customers/$id" \
		"csrf=$csrf&version=0&name=Sqlmap+Probe&industry=$industry&grade=$grade&address=1+Test+Road"
	# 409 (the UPDATE ran, matching no version) or 422 (a mangled value
	# failed validation): both are the handler's answers. The baseline
	# must be the conflict page, proof that the UPDATE is reached.
	if [ -f "$WORK/edit.baseline" ] && ! grep -q 'in the meantime' "$WORK/edit.baseline"; then
		fail "edit: the baseline did not reach the UPDATE (no conflict message)"
	fi
}

# scan_login: the sign-in form, as a visitor with the crm_pre cookie. Each
# failed sign-in spends a full password hash (0.3 s) on purpose: level 2
# (about 250 requests) keeps this to a minute.
scan_login() {
	local jar="$WORK/visitor.jar" csrf
	curl "${CURL_OPTS[@]}" -c "$jar" -o "$WORK/login.page" "$BASE/login" || true
	csrf="$(page_csrf "$WORK/login.page")"
	if [ -z "$csrf" ] || [ -z "$(jar_cookie "$jar" crm_pre)" ]; then
		fail "login: no csrf token or crm_pre cookie from /login"
		return 0
	fi
	start_throttle_clearer
	scan login login 422 2 1 "crm_pre=$(jar_cookie "$jar" crm_pre)" "$BASE/login" \
		"csrf=$csrf&login=sqlmap-probe&password=not-the-password"
	stop_throttle_clearer
}

# ---------------------------------------------------------------- main

cleanup() {
	stop_throttle_clearer
	if [ -n "$WORK" ] && [ "${KEEP:-0}" != 1 ]; then
		rm -rf "$WORK"
	fi
}

main() {
	local start=$SECONDS jar
	command -v sqlmap >/dev/null 2>&1 || {
		fail "sqlmap is not installed (scripts/deps.sh installs it)"
		exit 1
	}
	WORK="$(mktemp -d "${CRM_VAR:-${TMPDIR:-/tmp}}/sqlmap.XXXXXX")"
	trap cleanup EXIT
	trap 'exit 130' INT TERM
	jar="$WORK/admin.jar"
	if ! sign_in "$BASE" admin Admin-Demo-2026 "$jar"; then
		fail "sign in as admin"
		exit 1
	fi
	ADMIN_COOKIE="$(session_cookie "$jar")"
	scan_search
	scan_edit
	scan_login
	if [ "$FAILURES" -ne 0 ]; then
		echo "sqlmap: $FAILURES failure(s) in $((SECONDS - start))s (KEEP=1 keeps $WORK)"
		exit 1
	fi
	echo "sqlmap: all passed in $((SECONDS - start))s"
}

main "$@"
