#!/usr/bin/env bash
# The test command: installs what the suites need (Chromium, a PostgreSQL server when none answers),
# then typechecks, lints, runs every suite and the quick benchmark. With CI=true no suite may skip.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=0
apt_install() {
  [ $apt_updated = 1 ] || { as_root apt-get update -qq >/dev/null && apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The repository stands on its own: no tracked file may reach into a folder beside the checkout.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && git grep -n -e '\.\./shared' -- .; then
  echo "test: the lines above reach into the shared folder beside the checkout; keep such data in the repository (tests/fixtures/)"
  exit 1
fi

[ -d node_modules ] || npm ci --no-audit --no-fund

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "test: installing Debian's chromium for the end-to-end suite"
  apt_install chromium || echo "test: could not install chromium"
fi
command -v pdftotext >/dev/null || apt_install poppler-utils || true
# Letter PDFs embed DejaVu Sans for names outside Latin-1 (Hebrew, Arabic…); the tests print such names.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_install fonts-dejavu-core || true

# PostgreSQL: the server at 127.0.0.1:5432 when one answers, else a throwaway cluster of our own.
pg_answers() { node -e "require('net').connect($2,'$1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))"; }
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if pg_answers 127.0.0.1 5432; then
    export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
  else
    bash scripts/pg-throwaway.sh start
    trap 'bash scripts/pg-throwaway.sh stop' EXIT
    export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres
  fi
fi
echo "test: PostgreSQL suites use $TEST_DATABASE_URL"

npx tsc --noEmit -p .
npx eslint .
[ -f dist/addin/taskpane.html ] || npx webpack --mode production >/dev/null

mkdir -p test-artifacts
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?
node scripts/test-summary.mjs test-artifacts/vitest.json || status=1

# The benchmark smoke test, on the same PostgreSQL: figures only, no thresholds; it fails when the
# bench crashes, a benchmark in it fails or its watchdog fires. Skipped when vitest was given a filter.
if [ $# -gt 0 ]; then
  echo "test: quick benchmark skipped (vitest arguments given: $*)"
else
  bench_started=$SECONDS
  if BENCH_DATABASE_URL="$TEST_DATABASE_URL" npm run --silent bench -- --quick; then
    echo "bench: quick run passed in $((SECONDS - bench_started)) s (figures in bench/results/quick.md)"
  else
    echo "bench: quick run FAILED after $((SECONDS - bench_started)) s"
    status=1
  fi
fi
exit $status
