#!/usr/bin/env bash
# Runs every test suite again with the system clock shifted (libfaketime), never from turbo's cache, to prove that no
# test depends on today's date. Usage: tooling/test-shifted-clock.sh [+400d] [+45d] … (default +400d).
# Each package's `test:clock` is its `test` without coverage (the thresholds are enforced by `pnpm test`, and v8
# coverage slows every suite); the tools' fuzz suite draws 200 inputs per tool here instead of 1000 (its dates are
# drawn around the injected clock, which 200 per tool still covers). Both keep CI well inside its 15 minutes.
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
  # turbo passes LD_PRELOAD, FAKETIME and CALCOM_FUZZ_RUNS through to the tasks (turbo.json globalPassThroughEnv);
  # test:clock is never cached, so every suite really runs again.
  CALCOM_FUZZ_RUNS="${CALCOM_FUZZ_RUNS:-200}" faketime -f "$shift_by" pnpm exec turbo run test:clock --output-logs=errors-only
  echo "== Green with the clock shifted by $shift_by."
done
