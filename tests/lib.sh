# shellcheck shell=bash
# tests/lib.sh - shared by tests/apache.sh and tests/sqlmap.sh: result lines
# and signing in to a running CRM with curl the way a browser does. Source it;
# it only defines variables and functions.

FAILURES=0

pass() { printf 'ok   %s\n' "$*"; }
fail() {
	printf 'FAIL %s\n' "$*"
	FAILURES=$((FAILURES + 1))
}

# Every request: loopback only, so no proxy from the environment; bounded
# in time; the HTTPS tests use a self-signed certificate.
CURL_OPTS=(--silent --show-error --noproxy '*' --max-time 60 --insecure)

# origin_of URL: scheme://host[:port] of URL, what a browser sends as Origin.
origin_of() {
	local rest=${1#*://}
	printf '%s://%s\n' "${1%%://*}" "${rest%%/*}"
}

# page_csrf FILE: the csrf token of the first form in the HTML page FILE.
page_csrf() {
	sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$1" | head -n 1
}

# jar_cookie JAR NAME: the value of cookie NAME in curl's cookie jar.
jar_cookie() {
	awk -F '\t' -v name="$2" '$6 == name { v = $7 } END { if (v != "") print v }' "$1"
}

# session_cookie JAR: "name=value" of the session cookie in JAR; over
# HTTPS the application uses the __Host- prefixed name.
session_cookie() {
	local name value
	for name in crm_session __Host-crm_session; do
		value="$(jar_cookie "$1" "$name")"
		if [ -n "$value" ]; then
			printf '%s=%s\n' "$name" "$value"
			return 0
		fi
	done
	return 1
}

# sign_in BASE LOGIN PASSWORD JAR: fetch the sign-in form (which sets the
# crm_pre cookie), post it back with its csrf token and our own Origin.
# Succeeds on a 303 that leaves a session cookie in JAR; says why not on
# stderr otherwise.
sign_in() {
	local base=$1 login=$2 password=$3 jar=$4 page status csrf
	page="$(mktemp)"
	status="$(curl "${CURL_OPTS[@]}" -b "$jar" -c "$jar" -o "$page" \
		-w '%{http_code}' "$base/login")" || status=000
	csrf="$(page_csrf "$page")"
	rm -f "$page"
	if [ "$status" != 200 ] || [ -z "$csrf" ]; then
		echo "sign_in: GET $base/login answered $status (csrf token: '$csrf')" >&2
		return 1
	fi
	status="$(curl "${CURL_OPTS[@]}" -b "$jar" -c "$jar" -o /dev/null \
		-w '%{http_code}' -H "Origin: $(origin_of "$base")" \
		--data-urlencode "csrf=$csrf" --data-urlencode "login=$login" \
		--data-urlencode "password=$password" "$base/login")" || status=000
	if [ "$status" != 303 ] || ! session_cookie "$jar" >/dev/null; then
		echo "sign_in: POST $base/login as $login answered $status, session cookie: $(session_cookie "$jar" || echo none)" >&2
		return 1
	fi
}
