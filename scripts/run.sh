#!/usr/bin/env bash
# run.sh - set up and start the local CRM instance in $CRM_VAR (default
# var/): private MariaDB, migrations, demo data, the FastCGI programs of
# $CRM_BUILD (default build/rel) and nginx on 127.0.0.1:$CRM_PORT (8080).
# Safe to run again: what runs is reused, programs restart on the new build,
# nginx reloads its regenerated config.
set -euo pipefail

# shellcheck source=lib.sh disable=SC1091
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# indent: stdin with each line indented, for the summary below.
indent() {
	local line
	while IFS= read -r line; do
		printf '  %s\n' "$line"
	done
}

print_welcome() {
	cat <<EOF

The CRM is running: http://127.0.0.1:$PORT/

Demo logins:
$(indent <<<"$SEED_OUTPUT")

Instance: $VAR (logs in $LOGS)
Stop it with: make stop
EOF
}

main() {
	instance_up
	print_welcome
}

main "$@"
