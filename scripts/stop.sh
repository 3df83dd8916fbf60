#!/usr/bin/env bash
# stop.sh - stop the local CRM instance in $CRM_VAR (default var/): nginx,
# the FastCGI programs, MariaDB. Does nothing when nothing runs; keeps data.
set -euo pipefail

# shellcheck source=lib.sh disable=SC1091
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
	if [ ! -d "$VAR" ]; then
		say "no instance at $VAR: nothing to stop"
		return 0
	fi
	# nginx first so no new request reaches a program that is stopping.
	instance_down
	say "stopped the instance at $VAR"
}

main "$@"
