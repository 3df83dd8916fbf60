#!/usr/bin/env bash
# check.sh - every test the project has, in one run (make check; CI).
#
# Builds both modes, runs the unit tests under ASan/UBSan and valgrind, then
# starts a throw-away instance (sanitizer build) in a temporary directory and
# runs the integration, browser, sqlmap and Apache tests against it, and
# finally fails on any sanitizer report. A failing step does not stop later
# steps, so one run shows everything; the exit status is non-zero if any
# step failed. KEEP=1 keeps the instance directory for a post-mortem.
set -euo pipefail

# shellcheck source=lib.sh disable=SC1091
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$ROOT"

# A test that hangs must not eat CI's whole time budget.
STEP_TIMEOUT="${CRM_STEP_TIMEOUT:-1800}"

STEP_NAMES=()
STEP_RESULTS=()
STEP_NUMBER=0
INSTANCE_UP=0

# ---------------------------------------------------------------- steps

# run_step NAME FUNCTION: run FUNCTION in a subshell with errexit in force
# and record whether it passed in STEP_RC. It always returns 0: called as a
# condition (if, ||), bash would ignore set -e inside the whole step. The
# subshell runs in the background so that a signal's trap runs at once
# instead of after the step.
STEP_RC=0
STEP_PID=''
run_step() {
	local name=$1 rc start
	shift
	STEP_NUMBER=$((STEP_NUMBER + 1))
	printf '\n======== step %d: %s ========\n' "$STEP_NUMBER" "$name"
	start=$SECONDS
	(
		set -e
		"$@"
	) &
	STEP_PID=$!
	set +e
	wait "$STEP_PID"
	rc=$?
	set -e
	STEP_PID=''
	STEP_RC=$rc
	STEP_NAMES+=("$name ($((SECONDS - start))s)")
	if [ "$rc" -eq 0 ]; then
		STEP_RESULTS+=(PASS)
		printf -- '-------- step %d: %s passed\n' "$STEP_NUMBER" "$name"
	else
		STEP_RESULTS+=(FAIL)
		printf -- '-------- step %d: %s FAILED (exit %d)\n' "$STEP_NUMBER" "$name" "$rc"
	fi
}

# timed CMD...: CMD under the per-step time limit. timeout puts it in a
# process group of its own, so a timeout also ends whatever the test started.
timed() {
	timeout --kill-after=30s "$STEP_TIMEOUT" "$@"
}

# need_instance: fail a step early, with a reason, when the instance is down.
need_instance() {
	if [ "$INSTANCE_UP" -ne 1 ]; then
		echo "the test instance did not start (see the instance step)" >&2
		return 1
	fi
}

step_build() {
	local rc=0
	# The outer make's flags (jobserver, variables) must not leak into these.
	unset MAKEFLAGS MFLAGS
	# -k: one broken target must not hide what else builds (and can be tested).
	make -k -j2 MODE=san B=build/san all tests || rc=1
	make -k -j2 MODE=rel B=build/rel all tests || rc=1
	return "$rc"
}

step_unit_sanitizers() {
	timed build/san/tests/unit/run
}

step_unit_valgrind() {
	timed valgrind --error-exitcode=1 --leak-check=full \
		--errors-for-leak-kinds=definite build/rel/tests/unit/run
}

step_instance() {
	echo "instance: $VAR, port $PORT, programs from $BUILD"
	instance_up
}

step_integration() {
	need_instance
	timed build/san/tests/integration/run
}

step_browser() {
	need_instance
	cd tests/browser
	timed npm ci --no-audit --no-fund
	timed node --test
	# It makes a required field that every customer form would then ask for.
	timed node --test custom_fields.serial.mjs
}

step_sqlmap() {
	need_instance
	timed bash tests/sqlmap.sh
}

step_programs_valgrind() {
	need_instance
	timed bash tests/valgrind.sh
}

step_backup() {
	need_instance
	timed bash tests/backup.sh
}

step_apache() {
	need_instance
	timed bash tests/apache.sh
}

# What a sanitizer report starts with. GCC's UBSan, linked with ASan, writes
# to stderr whatever log_path says, so the programs' .out logs are read too.
SANITIZER_MARKS='runtime error:|ERROR: (Address|Leak)Sanitizer|SUMMARY: [A-Za-z]+Sanitizer'

# step_sanitizer_logs: stop the programs (leaks are reported at exit), then
# any non-empty ASan/UBSan log, or a report in a program's output, fails.
step_sanitizer_logs() {
	local f found=0
	programs_stop
	for f in "$LOGS"/asan* "$LOGS"/ubsan*; do
		if [ -s "$f" ]; then
			printf -- '--- %s ---\n' "$f"
			cat "$f"
			found=1
		fi
	done
	for f in "$LOGS"/*.out; do
		if [ -f "$f" ] && grep -qE "$SANITIZER_MARKS" "$f"; then
			printf -- '--- %s ---\n' "$f"
			grep -E -A 30 "$SANITIZER_MARKS" "$f"
			found=1
		fi
	done
	if [ "$found" -ne 0 ]; then
		echo "sanitizer reports found (above)" >&2
		return 1
	fi
	echo "no sanitizer reports"
}

# ---------------------------------------------------------------- instance

# free_port: the first port from 18080 up with nothing listening on it.
free_port() {
	local p
	for ((p = 18080; p < 18380; p++)); do
		if ! port_busy "$p"; then
			echo "$p"
			return 0
		fi
	done
	die "no free port between 18080 and 18379"
}

# descendants PID: every process below PID, found through /proc.
descendants() {
	local f stat pid ppid
	for f in /proc/[0-9]*/stat; do
		read -r stat 2>/dev/null <"$f" || continue
		pid="${stat%% *}"
		read -r _ ppid _ <<<"${stat##*) }"
		if [ "$ppid" = "$1" ]; then
			echo "$pid"
			descendants "$pid"
		fi
	done
}

# on_signal: end the running step's processes (timeout's own process group
# does not get the terminal's Ctrl-C), then exit, which tears down.
on_signal() {
	local pids
	if [ -n "$STEP_PID" ]; then
		mapfile -t pids < <(descendants "$STEP_PID")
		kill -TERM "$STEP_PID" "${pids[@]}" 2>/dev/null || true
	fi
	exit 130
}

# teardown: stop everything of the throw-away instance; keep its files only
# when asked. Runs from the EXIT trap too, so it must be idempotent.
teardown() {
	if [ -z "${CHECK_VAR:-}" ] || [ ! -d "$CHECK_VAR" ]; then
		return 0
	fi
	# A subshell, so a failure to stop one part cannot skip the rest.
	(instance_down) || true
	if [ "${KEEP:-0}" = 1 ]; then
		echo "kept the test instance in $CHECK_VAR (KEEP=1)"
	else
		rm -rf "$CHECK_VAR"
	fi
	CHECK_VAR=''
}

# setup_instance_env: point lib.sh and the tests at a fresh instance.
setup_instance_env() {
	CHECK_VAR="$(mktemp -d /tmp/crm-check.XXXXXX)"
	trap teardown EXIT
	export CRM_VAR="$CHECK_VAR"
	export CRM_BUILD=build/san
	CRM_PORT="$(free_port)"
	export CRM_PORT
	# Mail is queued and sent to where the mail test's SMTP sink listens
	# (tests/integration/test_notifications.c).
	export CRM_SMTP_URL="smtp://127.0.0.1:$((CRM_PORT + 1000))"
	instance_vars
	# Programs (and crmctl, and the integration runner) of the sanitizer
	# build write reports into the instance's logs, checked at the end.
	export ASAN_OPTIONS="log_path=$LOGS/asan:detect_leaks=1:abort_on_error=0"
	export UBSAN_OPTIONS="print_stacktrace=1:log_path=$LOGS/ubsan"
	export CRM_TEST_BASE="http://127.0.0.1:$PORT"
	export CRM_TEST_DB_SOCKET="$DB_SOCK"
}

# ---------------------------------------------------------------- summary

print_summary() {
	local i passed=0 failed=0
	printf '\n======== summary ========\n'
	for i in "${!STEP_NAMES[@]}"; do
		printf '%-4s  %d %s\n' "${STEP_RESULTS[$i]}" $((i + 1)) "${STEP_NAMES[$i]}"
		case ${STEP_RESULTS[$i]} in
		PASS) passed=$((passed + 1)) ;;
		FAIL) failed=$((failed + 1)) ;;
		esac
	done
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
}

main() {
	# Steps run in the background, where bash ignores SIGINT: Ctrl-C and
	# SIGTERM go through on_signal, which ends the running step.
	trap on_signal INT TERM
	run_step "build (san + rel)" step_build
	run_step "unit tests (ASan/UBSan)" step_unit_sanitizers
	run_step "unit tests (valgrind)" step_unit_valgrind

	setup_instance_env
	run_step "test instance" step_instance
	[ "$STEP_RC" -ne 0 ] || INSTANCE_UP=1
	run_step "integration tests" step_integration
	run_step "browser tests" step_browser
	run_step "sqlmap" step_sqlmap
	run_step "Apache" step_apache
	run_step "programs under valgrind" step_programs_valgrind
	run_step "backup and restore" step_backup
	run_step "sanitizer logs" step_sanitizer_logs

	# Tear down before the summary so the summary stays the last output.
	printf '\n======== teardown ========\n'
	teardown
	trap - EXIT
	print_summary || exit 1
}

main "$@"
