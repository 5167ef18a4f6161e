#!/usr/bin/env bash
# The whole quality gate: `npm test` runs this, and so does CI (.ci/run). First failure stops it.
# Quiet by default: one line per step, and the full log of a step only when it fails.
# Full logs of every step: `CIVICO_VERBOSE=1 npm test` (they are also kept in test-results/gate/).
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_UI=false
logs=test-results/gate
rm -rf "$logs" && mkdir -p "$logs"
started=$SECONDS

step() {
  local name=$1
  shift
  local log="$logs/${name// /-}.log" t0=$SECONDS
  if [ "${CIVICO_VERBOSE:-}" = 1 ]; then
    printf '\n== %s\n' "$name"
    if ! "$@" 2>&1 | tee "$log"; then
      printf '\n✗ %s failed (log: %s)\n' "$name" "$log"
      exit 1
    fi
  elif ! "$@" >"$log" 2>&1; then
    cat "$log"
    printf '\n✗ %s failed after %ss (log: %s)\n' "$name" "$((SECONDS - t0))" "$log"
    exit 1
  fi
  printf '✓ %-13s %4ss\n' "$name" "$((SECONDS - t0))"
}

turbo() { node scripts/turbo.mjs run "$@" --output-logs=errors-only; }

changesets() {
  local base=origin/main
  git rev-parse -q --verify "$base" >/dev/null || base=main
  if git rev-parse -q --verify "$base" >/dev/null && [ "$(git rev-parse "$base")" != "$(git rev-parse HEAD)" ]; then
    npx changeset status --since="$base"
  else
    npx changeset status
  fi
}

step build        turbo build --filter='./packages/*' --concurrency=2
step lint         turbo //#lint
step typecheck    turbo typecheck --concurrency=2
step test         npx vitest run --reporter=dot --reporter=json --outputFile.json=test-results/vitest.json
step "package lint" turbo lint:package --concurrency=2
step "pack files" node scripts/check-pack-files.mjs
step smoke-pack   node scripts/smoke-pack.mjs
step docs         turbo //#docs
step examples     turbo smoke --filter='./examples/*' --concurrency=1
step changesets   changesets
printf 'gate passed in %ss\n' "$((SECONDS - started))"
node scripts/test-summary.mjs
