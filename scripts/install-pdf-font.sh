#!/usr/bin/env bash
# Makes the report's print font: Debian's Noto Sans CJK JP (Regular and Bold) with TrueType outlines, as
# "Kotei Noto Sans CJK JP" (scripts/pdf-font/noto-cjk-truetype.py says why: Chromium prints CFF fonts as Type 3
# glyphs, at about 1.5× the CPU and twice the file size). Run by install-pdf-deps.sh (`npm start`) and
# install-system-deps.sh (tests); does nothing when the fonts are there and newer than their source.
# Needs fonts-noto-cjk and Debian's python3-fonttools (installed as root when missing). Without it, PDFs still
# print, in the original Noto CJK.
# Where: KOTEI_PDF_FONT_DIR, else /usr/local/share/fonts/kotei as root, else ~/.local/share/fonts/kotei, all
# of which fontconfig (and so Chromium) reads.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
noto="/usr/share/fonts/opentype/noto"
if [ "$(id -u)" -eq 0 ]; then default_dir=/usr/local/share/fonts/kotei; else default_dir="${XDG_DATA_HOME:-$HOME/.local/share}/fonts/kotei"; fi
dir="${KOTEI_PDF_FONT_DIR:-$default_dir}"

up_to_date() {
  local weight
  for weight in Regular Bold; do
    [ -s "$dir/KoteiNotoSansCJKjp-$weight.ttf" ] || return 1
    [ "$dir/KoteiNotoSansCJKjp-$weight.ttf" -nt "$noto/NotoSansCJK-$weight.ttc" ] || return 1
    [ "$dir/KoteiNotoSansCJKjp-$weight.ttf" -nt "$here/pdf-font/noto-cjk-truetype.py" ] || return 1
  done
}

if up_to_date; then exit 0; fi
if [ ! -f "$noto/NotoSansCJK-Regular.ttc" ] || [ ! -f "$noto/NotoSansCJK-Bold.ttc" ]; then
  echo "PDF font: fonts-noto-cjk is missing, nothing to convert" >&2
  exit 0
fi

# Debian's python and its fonttools, whatever python3 comes first on PATH.
python=/usr/bin/python3
if ! "$python" -c 'import fontTools' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ] && [ "${KOTEI_SKIP_SYSTEM_DEPS:-}" != "1" ] && command -v apt-get >/dev/null; then
    echo "PDF font: installing python3-fonttools (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-fonttools >/dev/null
  fi
  if ! "$python" -c 'import fontTools' 2>/dev/null; then
    echo "PDF font: python3-fonttools is missing; PDFs print in Noto CJK as Type 3 glyphs (slower)." >&2
    echo "  add it as root with: apt-get install -y --no-install-recommends python3-fonttools, then run $0" >&2
    exit 0
  fi
fi

mkdir -p "$dir"
for weight in Regular Bold; do
  echo "PDF font: converting Noto Sans CJK JP $weight to TrueType outlines (about 20 s)"
  tmp="$dir/.KoteiNotoSansCJKjp-$weight.ttf.tmp"
  if ! "$python" "$here/pdf-font/noto-cjk-truetype.py" "$noto/NotoSansCJK-$weight.ttc" "$tmp" "Kotei Noto Sans CJK JP"; then
    rm -f "$tmp"
    echo "PDF font: the conversion failed; PDFs print in Noto CJK as Type 3 glyphs (slower)" >&2
    exit 0
  fi
  mv "$tmp" "$dir/KoteiNotoSansCJKjp-$weight.ttf"
done
# The SIL Open Font License travels with the derived font.
cp /usr/share/doc/fonts-noto-cjk/copyright "$dir/LICENSE-Noto-CJK.txt" 2>/dev/null || true
fc-cache -f "$dir" >/dev/null 2>&1 || true
echo "PDF font: Kotei Noto Sans CJK JP in $dir"
