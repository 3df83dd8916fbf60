#!/usr/bin/env bash
# backup.sh - the README's backup and restore commands, tried for real:
# dump the running instance, restore into a fresh database, and compare
# every table's rows and a digest of their contents with the original.
set -euo pipefail

: "${CRM_TEST_DB_SOCKET:?set by scripts/check.sh}"

client=(mariadb --no-defaults --default-character-set=utf8mb4
	--socket="$CRM_TEST_DB_SOCKET" -uroot)
dump="$(mktemp /tmp/crm-backup.XXXXXX.sql)"
trap 'rm -f "$dump"; "${client[@]}" -e "DROP DATABASE IF EXISTS crm_restore"' EXIT

# The documented commands, pointed at the test instance.
mariadb-dump --no-defaults --socket="$CRM_TEST_DB_SOCKET" -uroot \
	--single-transaction --routines --hex-blob --default-character-set=utf8mb4 \
	crm >"$dump"
"${client[@]}" -e "DROP DATABASE IF EXISTS crm_restore;
	CREATE DATABASE crm_restore CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
"${client[@]}" crm_restore <"$dump"

# table_facts DB: "table rows digest" per table, in name order. The digest
# is of the rows as text (newlines escaped), sorted, since a scan's order
# depends on the index the optimizer picks; CHECKSUM TABLE is not stable
# for a table with a persistent generated column: two loads of one dump
# can differ.
table_facts() {
	local t
	"${client[@]}" -N -e "SELECT table_name FROM information_schema.tables
		WHERE table_schema = '$1' ORDER BY table_name" |
	while read -r t; do
		printf '%s %s %s\n' "$t" \
			"$("${client[@]}" -N -e "SELECT COUNT(*) FROM \`$1\`.\`$t\`")" \
			"$("${client[@]}" -N -B -e "SELECT * FROM \`$1\`.\`$t\`" |
				LC_ALL=C sort | md5sum | cut -d' ' -f1)"
	done
}

original="$(table_facts crm)"
restored="$(table_facts crm_restore)"
if [ "$original" != "$restored" ]; then
	echo "FAIL: the restored database differs:" >&2
	diff <(echo "$original") <(echo "$restored") >&2 || true
	exit 1
fi
customers="$(echo "$original" | awk '$1 == "customer" { print $2 }')"
if [ "${customers:-0}" -lt 1 ]; then
	echo "FAIL: nothing to compare: no customers in the dump" >&2
	exit 1
fi
echo "ok: $(echo "$original" | wc -l) tables, $customers customers restored identically"
