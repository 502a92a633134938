#!/usr/bin/env bash
# Installs the Debian packages kotei's tests need, only when they are missing:
#   chromium        end-to-end tests and PDF output (never a downloaded browser)
#   fonts-noto-cjk  Japanese glyphs in screenshots and PDFs
#   postgresql      PostgreSQL 15 server binaries; tests start throwaway clusters of their own
#   poppler-utils   pdftotext, pdffonts and pdftoppm, which the report's PDF tests read it with
# and then makes the report's print font from Noto CJK (install-pdf-font.sh, which adds python3-fonttools).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (chromium, fonts-noto-cjk, postgresql, poppler-utils)"
  exec bash "$here/install-pdf-font.sh"
fi

echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
# The package starts a cluster of its own at install; tests never use it, so it is stopped.
if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_ctlcluster >/dev/null; then
  $sudo pg_ctlcluster 15 main stop 2>/dev/null || true
fi
echo "system packages: done"
exec bash "$here/install-pdf-font.sh"
