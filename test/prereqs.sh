#!/usr/bin/env bash
# Installs what building and testing neongraph needs on Debian 12, if missing:
# the PostgreSQL 15 server and its development files (PGXS), contrib, and the
# tools the tests use. Runs apt-get as root, or through sudo.
set -euo pipefail

PKGS=(postgresql-15 postgresql-server-dev-15 libpq-dev
      make gcc
      # real-client tests (test/t/clients.sh): Python psycopg2 and Java PgJDBC
      python3 python3-psycopg2 libpostgresql-jdbc-java default-jdk-headless
      # coverage-guided fuzzing of the parsers (libFuzzer with ASan and UBSan)
      clang libclang-rt-14-dev)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "prereqs: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "prereqs: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
