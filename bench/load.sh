#!/usr/bin/env bash
# load.sh N [M] - load N generated customers (with their search tokens,
# contacts, follow-ups, orders and values of two custom fields), then M
# generated opportunities over them (with their stage history, and quotes
# with lines; default 0), into the running instance in $CRM_VAR
# (default var/), for benchmarks. crmctl gen-bench writes the customer
# files; they are loaded as the database administrator through the
# instance socket with LOAD DATA, which is far faster than inserts. The
# opportunities are made by INSERT ... SELECT in bench/opportunities.sql.
# Each part does nothing when its table already holds that many rows, so
# running it again is cheap.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VAR="${CRM_VAR:-$ROOT/var}"
SOCK="$VAR/run/mysql.sock"
CONF="$VAR/crm.conf"
CRMCTL="$ROOT/build/rel/tools/crmctl"
DB_NAME=''
WORK=''	# the generated files, removed on exit: they can run to gigabytes

die() {
	printf 'load.sh: %s\n' "$*" >&2
	exit 1
}

cleanup() {
	[ -z "$WORK" ] || rm -rf -- "$WORK"
}

# db_sql ARGS...: the client as root, through the instance socket only.
db_sql() {
	mariadb --no-defaults --default-character-set=utf8mb4 --local-infile=1 \
		--socket="$SOCK" -uroot "$DB_NAME" "$@"
}

# now: seconds since the epoch with microseconds, for elapsed times.
now() {
	printf '%s\n' "$EPOCHREALTIME"
}

# elapsed WHAT START: print the seconds since START.
elapsed() {
	awk -v w="$1" -v s="$2" -v e="$(now)" \
		'BEGIN { printf "%-16s %8.2f s\n", w, e - s }'
}

# load_table TABLE FILE COLUMNS [SET [REPLACE]]: LOAD DATA one file, timed.
# Checks are off for the session only: the generator already made keys
# unique and every reference points at a row that exists or comes in the
# same run. REPLACE replaces the rows the file names again.
load_table() {
	local table=$1 file=$2 columns=$3 set=${4:-} mode=${5:-} start
	start="$(now)"
	db_sql <<EOF
SET unique_checks = 0, foreign_key_checks = 0;
LOAD DATA LOCAL INFILE '$file' $mode INTO TABLE $table
  CHARACTER SET utf8mb4
  FIELDS TERMINATED BY '\t' ESCAPED BY '\\\\'
  LINES TERMINATED BY '\n'
  ($columns) $set;
EOF
	elapsed "$table" "$start"
}

# check_tokens: refuse customers without search tokens. Those stored before
# sql/004_customer_token.sql (by an older gen-bench or seed-demo) have none
# until crmctl reindex, and a benchmark over them would measure searches
# that find nothing.
check_tokens() {
	local customers tokens
	customers="$(db_sql -N -B -e 'SELECT EXISTS (SELECT 1 FROM customer)')"
	tokens="$(db_sql -N -B -e \
		'SELECT EXISTS (SELECT 1 FROM customer_token)')" ||
		die "cannot read customer_token: is sql/004_customer_token.sql" \
			"applied? (scripts/run.sh migrates)"
	if [ "$customers" = 1 ] && [ "$tokens" = 0 ]; then
		die "customer has rows but customer_token is empty: they were" \
			"stored by an older crmctl (gen-bench or seed-demo), before" \
			"sql/004_customer_token.sql, and search finds none of them." \
			"Index them first: $CRMCTL --config $CONF reindex"
	fi
}

# custom_columns: the slot columns of the benchmark's custom fields, as
# crmctl made them (tier, then score), for LOAD DATA's column list.
custom_columns() {
	local tier score
	tier="$(db_sql -N -B -e "SELECT slot FROM custom_field
		WHERE record_type = 'customer' AND code = 'bench_tier'")"
	score="$(db_sql -N -B -e "SELECT slot FROM custom_field
		WHERE record_type = 'customer' AND code = 'bench_score'")"
	[[ $tier =~ ^[1-9][0-9]*$ && $score =~ ^[1-9][0-9]*$ ]] ||
		die "no slots for the custom fields bench_tier and bench_score"
	printf 'customer_id, t%s, n%s\n' "$tier" "$score"
}

# upgrade_custom: customers loaded before custom fields get their values.
upgrade_custom() {
	local start
	[ "$(db_sql -N -B -e "SELECT EXISTS (SELECT 1 FROM custom_field
		WHERE record_type = 'customer' AND code = 'bench_tier')")" = 0 ] ||
		return 0
	printf 'customers stored before custom fields: adding their values\n'
	start="$(now)"
	"$CRMCTL" --config "$CONF" gen-bench-custom "$WORK"
	elapsed generation "$start"
	load_table customer_custom "$WORK/customer_custom.tsv" \
		"$(custom_columns)" '' REPLACE
	db_sql -e 'ANALYZE TABLE customer_custom' >/dev/null
}

# app_time_zone: the time zone of the programs' database sessions
# (crm.conf time_zone, lib/config.c), so that generated times are theirs.
app_time_zone() {
	local zone
	zone="$(sed -n 's/^time_zone=//p' "$CONF" | tail -n 1)"
	zone="${zone:-+08:00}"
	# It is quoted into SQL: the one form lib/config.c accepts.
	[[ $zone =~ ^[+-][0-9]{2}:[0-9]{2}$ ]] || die "bad time_zone in $CONF: $zone"
	printf '%s\n' "$zone"
}

# rebuild_report_summaries: the reports' summaries (lib/report_sum.h)
# are kept by the programs as opportunities change; a bulk load writes
# past them, so they are made again from the opportunities and their
# stage history. (The board's totals, opportunity_board_total, are kept
# by triggers and need nothing.)
rebuild_report_summaries() {
	local start
	start="$(now)"
	"$CRMCTL" --config "$CONF" report-rebuild
	elapsed report-rebuild "$start"
}

# load_opportunities M: M opportunities more, unless there are M already.
load_opportunities() {
	local m=$1 have start
	have="$(db_sql -N -B -e 'SELECT COUNT(*) FROM opportunity')"
	if [ "$have" -ge "$m" ]; then
		printf 'opportunity already has %s rows (>= %s): nothing to load\n' \
			"$have" "$m"
		return 0
	fi
	printf 'generating and loading %s opportunities\n' "$m"
	start="$(now)"
	{
		printf "SET time_zone = '%s', @opp_n = %s;\n" "$(app_time_zone)" "$m"
		cat "$ROOT/bench/opportunities.sql"
	} | db_sql
	elapsed opportunities "$start"
	rebuild_report_summaries
	db_sql -e 'ANALYZE TABLE opportunity, opportunity_stage_change, quote,
		quote_line, opportunity_board_total' >/dev/null
	db_sql -N -B -e "SELECT CONCAT('opportunity now has ', COUNT(*),
		' rows') FROM opportunity"
}

main() {
	local n m have start
	if [ $# -lt 1 ] || [ $# -gt 2 ] || [[ ! $1 =~ ^[1-9][0-9]*$ ]] ||
		[[ ! ${2:-0} =~ ^(0|[1-9][0-9]{0,6})$ ]]; then
		die "usage: load.sh N [M]"
	fi
	n=$1
	m=${2:-0}
	[ -S "$SOCK" ] || die "no MariaDB socket at $SOCK: start the instance (make run)"
	[ -r "$CONF" ] || die "no $CONF"
	[ -x "$CRMCTL" ] || die "no $CRMCTL: run make"
	DB_NAME="$(sed -n 's/^db_name=//p' "$CONF" | tail -n 1)"
	[[ $DB_NAME =~ ^[A-Za-z0-9_]+$ ]] || die "bad or missing db_name in $CONF"

	check_tokens
	trap cleanup EXIT
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/crm-bench.XXXXXX")"
	# The path is quoted into SQL below: allow only a safe alphabet.
	[[ $WORK =~ ^[A-Za-z0-9/._-]+$ ]] || die "unsafe temporary path: $WORK"
	have="$(db_sql -N -B -e 'SELECT COUNT(*) FROM customer')"
	if [ "$have" -ge "$n" ]; then
		upgrade_custom
		printf 'customer already has %s rows (>= %s): nothing to load\n' \
			"$have" "$n"
		[ "$m" -eq 0 ] || load_opportunities "$m"
		return 0
	fi

	printf 'generating %s customers in %s\n' "$n" "$WORK"
	start="$(now)"
	"$CRMCTL" --config "$CONF" gen-bench "$n" "$WORK"
	elapsed generation "$start"

	load_table customer "$WORK/customer.tsv" \
		'id, code, name, @hex, industry, grade, owner_id, team_id,
		address, @budget, purchase_date, satisfaction, order_count,
		order_total, last_followup_at, created_at, updated_at' \
		'SET name_sort = UNHEX(@hex), budget_range = UNHEX(@budget)'
	load_table customer_token "$WORK/customer_token.tsv" \
		'token, @hex, customer_id' 'SET name_sort = UNHEX(@hex)'
	load_table contact "$WORK/contact.tsv" \
		'id, customer_id, name, title, mobile, email, is_key, created_at,
		@preferences' 'SET preferences = UNHEX(@preferences)'
	load_table followup "$WORK/followup.tsv" \
		'customer_id, author_id, at, method, content, next_action,
		due_date, done'
	load_table customer_order "$WORK/customer_order.tsv" \
		'customer_id, order_date, amount, margin, note, created_by,
		created_at'
	load_table customer_custom "$WORK/customer_custom.tsv" \
		"$(custom_columns)"

	# Fresh statistics, so the optimiser plans for the new sizes.
	db_sql -e 'ANALYZE TABLE customer, customer_token, contact, followup,
		customer_order, customer_custom' >/dev/null
	printf 'customer now has %s rows\n' \
		"$(db_sql -N -B -e 'SELECT COUNT(*) FROM customer')"
	[ "$m" -eq 0 ] || load_opportunities "$m"
}

main "$@"
