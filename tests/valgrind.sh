#!/usr/bin/env bash
# valgrind.sh - the FastCGI programs themselves under valgrind: each one
# (release build) serves real requests on a socket of its own, spoken to
# directly with cgi-fcgi, then is stopped; any memory error or definite
# leak in master or worker fails the test.
set -euo pipefail

: "${CRM_VAR:?set by scripts/check.sh}" "${CRM_TEST_BASE:?}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
work="$(mktemp -d "$CRM_VAR/valgrind.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# sign_in: a session cookie for rep1, through the normal front door.
sign_in() {
	local jar="$work/jar" csrf
	csrf="$(curl -fsS -c "$jar" "$CRM_TEST_BASE/login" |
		grep -o 'name="csrf" value="[0-9a-f]*"' | head -n 1 | cut -d'"' -f4)"
	curl -fsS -b "$jar" -c "$jar" -o /dev/null -H "Origin: $CRM_TEST_BASE" \
		--data "csrf=$csrf&login=rep1&password=Rep1-Demo-2026" "$CRM_TEST_BASE/login"
	awk '$6 == "crm_session" { print "crm_session=" $7 }' "$jar"
}

# fcgi_get SOCKET PATH [QUERY]: one GET straight to the program.
fcgi_get() {
	local out
	out="$(env -i REQUEST_METHOD=GET DOCUMENT_URI="$2" QUERY_STRING="${3:-}" \
		HTTP_HOST=127.0.0.1 REMOTE_ADDR=127.0.0.1 HTTP_COOKIE="$COOKIE" \
		cgi-fcgi -bind -connect "$1")"
	out="${out%%$'\n'*}"
	printf '%s\n' "${out%$'\r'}"
}

# run_under_valgrind NAME PATH...: start NAME, GET each path, stop, judge.
run_under_valgrind() {
	local name=$1 sock="$work/$1.sock" pid path status logs
	shift
	valgrind --leak-check=full --errors-for-leak-kinds=definite \
		--show-leak-kinds=definite --log-file="$work/$name.vg.%p" \
		"$ROOT/build/rel/cgi-bin/$name" --config "$CRM_VAR/crm.conf" \
		--socket "$sock" --workers 1 &
	pid=$!
	for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.2; done
	for path in "$@"; do
		status="$(fcgi_get "$sock" "${path%%\?*}" "$(echo "$path" | sed -n 's/^[^?]*?//p')")"
		echo "$name $path: $status"
		case $status in
		"Status: 200"* | "Status: 303"* | "Status: 404"*) ;;
		*) echo "FAIL: unexpected answer" >&2; kill "$pid"; return 1 ;;
		esac
	done
	kill -TERM "$pid"
	wait "$pid" || true
	# Every process (master and worker) must report zero errors; definite
	# leaks count as errors.
	logs=("$work/$name".vg.*)
	if [ "$(grep -l 'ERROR SUMMARY: 0 errors' "${logs[@]}" | wc -l)" -ne "${#logs[@]}" ]; then
		cat "${logs[@]}" >&2
		echo "FAIL: valgrind found errors in $name" >&2
		return 1
	fi
	echo "ok: $name clean under valgrind (${#logs[@]} processes)"
}

COOKIE="$(sign_in)"
[ -n "$COOKIE" ] || { echo "FAIL: could not sign in" >&2; exit 1; }
run_under_valgrind account /healthz /login /home /nowhere-404
run_under_valgrind customers /customers "/customers?q=科技" \
	"/customers?sort=code&dir=desc" /customers/1 /customers/new
run_under_valgrind reports /reports /reports/funnel "/reports/forecast?from=&to=" \
	/reports/reasons /reports/performance/print
