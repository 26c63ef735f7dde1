#!/usr/bin/env bash
# Runs every test suite again with the system clock shifted (libfaketime), bypassing turbo's cache, to prove that no
# test depends on today's date. Usage: tooling/test-shifted-clock.sh [+400d] [+45d] … (default +400d).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: on Debian/Ubuntu run 'apt-get install faketime' (libfaketime), then try again." >&2
  exit 1
fi
[ "$#" -gt 0 ] || set -- +400d
for shift_by in "$@"; do
  if [[ ! "$shift_by" =~ ^[+-][0-9]+[smhdy]$ ]]; then
    echo "'$shift_by' is not a clock shift: write it as libfaketime does, e.g. +45d or +400d." >&2
    exit 1
  fi
  echo "== Tests with the clock shifted by $shift_by: $(faketime -f "$shift_by" date -u +%Y-%m-%dT%H:%M:%SZ)"
  # turbo passes LD_PRELOAD and FAKETIME through to the tasks (turbo.json globalPassThroughEnv); --force reruns
  # every suite instead of replaying the unshifted run from the cache.
  faketime -f "$shift_by" pnpm exec turbo run test --force --output-logs=errors-only
  echo "== Green with the clock shifted by $shift_by."
done
