#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: the independent PDF
# validators (pyHanko, poppler's pdfsig with NSS tools), the Standard Webhooks
# reference verifier, rapidfuzz for the screening baseline, aiosmtpd and moto's
# S3 server as local stand-ins, Chromium for the page tests, and the SDKs'
# generators and checkers (Python's in .venv, TypeScript's by npm). Idempotent: a
# second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdfsig   >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v certutil >/dev/null 2>&1 || need_apt+=(libnss3-tools)
command -v psql     >/dev/null 2>&1 || need_apt+=(postgresql-client)
command -v chromium     >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v npm          >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.requirements.sha256
want=$(sha256sum requirements-test.txt | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt
  echo "$want" > "$stamp"
fi

# The TypeScript SDK's generator and compiler, as its lock file pins them.
lock=clients/typescript/package-lock.json
node_stamp=clients/typescript/node_modules/.package-lock.sha256
want=$(sha256sum "$lock" | cut -d' ' -f1)
if [ "$(cat "$node_stamp" 2>/dev/null)" != "$want" ]; then
  (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$node_stamp"
fi
