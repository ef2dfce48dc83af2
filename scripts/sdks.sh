#!/usr/bin/env bash
# The SDKs generated from the OpenAPI document: clients/python/signet_api
# (openapi-python-client) and clients/typescript/src/schema.d.ts (openapi-typescript).
#
#   ./scripts/sdks.sh               regenerate docs/openapi.json and both SDKs in place
#   ./scripts/sdks.sh into DOC DIR  generate both from DOC into DIR (python/signet_api,
#                                   typescript/schema.d.ts) and touch nothing else: the test
#                                   suite compares that with the committed SDKs
#
# The generators are pinned: openapi-python-client and the ruff it formats with in
# requirements-test.txt (.venv), openapi-typescript in clients/typescript/package-lock.json
# (scripts/test-env.sh installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${SIGNET_TEST_PYTHON:-$root/.venv/bin/python}
bin=$(dirname "$python")

generate_into() {
  local doc out
  doc=$(realpath "$1")
  mkdir -p "$2"
  out=$(realpath "$2")
  mkdir -p "$out/python" "$out/typescript"
  # Outside the repository, so that the formatting depends on nothing but ruff's defaults.
  RUFF_NO_CACHE=true PATH="$bin:$PATH" "$bin/openapi-python-client" generate --path "$doc" \
    --config "$root/clients/python/generator.yaml" --meta none \
    --output-path "$out/python/signet_api" --overwrite >/dev/null
  (cd "$root/clients/typescript" &&
    npx --no-install openapi-typescript "$doc" -o "$out/typescript/schema.d.ts" >/dev/null)
}

case "${1:-all}" in
  into)
    generate_into "$2" "$3"
    ;;
  all)
    cargo run -q -p signet -- openapi > docs/openapi.json
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    generate_into docs/openapi.json "$work"
    rm -rf clients/python/signet_api
    cp -r "$work/python/signet_api" clients/python/signet_api
    cp "$work/typescript/schema.d.ts" clients/typescript/src/schema.d.ts
    echo "regenerated docs/openapi.json, clients/python/signet_api, clients/typescript/src/schema.d.ts" >&2
    ;;
  *)
    echo "usage: $0 [into DOC DIR]" >&2
    exit 2
    ;;
esac
