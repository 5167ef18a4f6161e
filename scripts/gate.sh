#!/usr/bin/env bash
# The whole quality gate: `npm test` runs this, and so does CI (.ci/run). First failure stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
export TURBO_UI=false
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "build";        npx turbo run build --filter='./packages/*' --concurrency=2
step "lint";         npx turbo run //#lint
step "typecheck";    npx turbo run typecheck --concurrency=2
step "test";         npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "package lint"; npx turbo run lint:package --concurrency=2
step "smoke-pack";   node scripts/smoke-pack.mjs
step "docs";         npx turbo run //#docs
step "examples";     npx turbo run smoke --filter='./examples/*' --concurrency=1
step "changesets"
base=origin/main; git rev-parse -q --verify "$base" >/dev/null || base=main
if git rev-parse -q --verify "$base" >/dev/null && [ "$(git rev-parse "$base")" != "$(git rev-parse HEAD)" ]; then
  npx changeset status --since="$base"
else
  npx changeset status
fi
node scripts/test-summary.mjs
