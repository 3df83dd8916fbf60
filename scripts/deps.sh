#!/usr/bin/env bash
# deps.sh - install the Debian packages the CRM needs to build, run and test.
# Only missing packages are installed, so a second run changes nothing. The
# distribution's MariaDB/nginx/Apache services are never used (the instance
# runs its own on private sockets and ports): if installing starts them they
# are left alone.
set -euo pipefail

PACKAGES=(
	build-essential pkg-config libfcgi-dev libfcgi-bin libmariadb-dev clearsilver-dev
	zlib1g-dev libgcrypt20-dev check libcurl4-openssl-dev
	mariadb-server mariadb-client nginx apache2 libapache2-mod-fcgid
	chromium fonts-wqy-microhei fonts-noto-cjk
	wrk tidy sqlmap valgrind curl ca-certificates poppler-utils
)
# The machine may ship a newer node outside Debian's packages: keep it.
NODE_PACKAGES=(nodejs npm)

installed() {
	[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing_packages() {
	local pkg wanted=("${PACKAGES[@]}")
	command -v node >/dev/null 2>&1 || wanted+=("${NODE_PACKAGES[@]}")
	for pkg in "${wanted[@]}"; do
		installed "$pkg" || printf '%s\n' "$pkg"
	done
}

main() {
	local missing=()
	mapfile -t missing < <(missing_packages)
	if [ ${#missing[@]} -eq 0 ]; then
		echo "==> all dependencies are installed"
		return 0
	fi
	if [ "$(id -u)" -ne 0 ]; then
		printf 'error: missing packages; install them as root with:\n' >&2
		printf '  apt-get update && apt-get install -y --no-install-recommends %s\n' \
			"${missing[*]}" >&2
		exit 1
	fi
	echo "==> installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# Package lists are only needed, and only refreshed, when installing.
	apt-get update -q
	apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
	mapfile -t missing < <(missing_packages)
	if [ ${#missing[@]} -ne 0 ]; then
		echo "error: still missing after install: ${missing[*]}" >&2
		exit 1
	fi
}

main "$@"
