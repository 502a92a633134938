#!/usr/bin/env bash
# The README's test command: installs what the tests need, builds, checks, and runs every suite
# (unit, medium on a real database, end-to-end in Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
npm run build
npm test
