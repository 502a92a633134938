#!/usr/bin/env bash
# Run by `npm start` (prestart): PDF output needs Debian's chromium and fonts-noto-cjk. As root, installs
# whichever is missing (apt-get); otherwise, or with KOTEI_SKIP_SYSTEM_DEPS=1, installs nothing and prints
# exactly what is missing and the command that adds it. Never stops the start: without them the server runs,
# and says on start and on the plan's report section that PDF output is unavailable.
# KOTEI_CHROMIUM and KOTEI_CJK_FONT name other paths, as they do for the server.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
chromium="${KOTEI_CHROMIUM:-/usr/bin/chromium}"
font="${KOTEI_CJK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -f "$font" ] || missing+=(fonts-noto-cjk)

# Then the print font made from Noto CJK (install-pdf-font.sh), which never stops the start either.
if [ ${#missing[@]} -eq 0 ]; then
  exec bash "$here/install-pdf-font.sh"
fi

uid="${KOTEI_UID:-$(id -u)}"
if [ "${KOTEI_SKIP_SYSTEM_DEPS:-}" != "1" ] && [ "$uid" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "PDF output: installing ${missing[*]} (apt-get)"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
    echo "PDF output: installed ${missing[*]}"
    exec bash "$here/install-pdf-font.sh"
  fi
  echo "PDF output: apt-get could not install ${missing[*]}; the server starts without PDF output" >&2
  exit 0
fi

echo "PDF output is unavailable until you install: ${missing[*]}" >&2
for package in "${missing[@]}"; do
  case "$package" in
    chromium) echo "  missing $chromium" >&2 ;;
    fonts-noto-cjk) echo "  missing $font" >&2 ;;
  esac
done
echo "  add them as root with: apt-get install -y ${missing[*]}   (or: sudo bash scripts/install-system-deps.sh)" >&2
echo "  the server starts anyway; HTML and Excel reports work without them" >&2
exit 0
