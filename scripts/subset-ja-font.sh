#!/usr/bin/env bash
# Makes the Japanese font that fund-export ships (crates/fund-export/fonts/): a subset of
# Noto Sans CJK JP, Regular and Bold, so that Japanese chart labels, titles and social cards
# rasterise with real glyphs, the same on every machine, without shipping the 16 MB originals.
#
# Usage: scripts/subset-ja-font.sh [EXTRA_CHARS_FILE]
#   EXTRA_CHARS_FILE  a UTF-8 text file; every character in it is kept too (for a rare kanji
#                     that a Japanese string of the project uses and JIS level 1 lacks)
# Environment: ALLOW_OTHER_VERSION=1 to subset a fonts-noto-cjk other than the pinned one
# (the output then differs from the committed files: record the new version below).
#
# Source: Debian's package fonts-noto-cjk, version 1:20220127+repack1-1 (bookworm), which holds
# Noto Sans CJK version 2.004 (upstream: https://github.com/notofonts/noto-cjk) as .ttc
# collections; the JP face ("Noto Sans CJK JP", face 0) is taken out of each.
# Licence: SIL Open Font License 1.1; © 2014-2021 Adobe. The subsets are Modified Versions under
# that licence: fonts/LICENSE-NotoSansCJK.txt is written beside them, with the notice and the
# licence text taken from the package.
#
# Kept: ASCII and Latin-1 (U+0020–007E, U+00A0–00FF, so the yen sign ¥), general punctuation
# (U+2000–206F: – — ‘ ’ “ ” … ※), CJK symbols and punctuation (U+3000–303F: 、。「」〜), all kana
# (U+3040–30FF: hiragana, katakana, ・ ー), half- and full-width forms (U+FF00–FFEF: （）～！￥),
# every non-kanji character of JIS X 0208 (rows 1–8: ○●△→℃∞±× Greek, Cyrillic, box drawing),
# the 2,965 kanji of JIS X 0208 level 1 (Shift_JIS 0x889F–0x9872), and EXTRA_CHARS_FILE.
# Kept OpenType features: those a shaper applies to horizontal text (ccmp, locl, liga, calt,
# clig, rlig, kern, mark, mkmk) and palt; the Japanese language system only (the Korean and
# Chinese locl forms would double the size); no hinting, no vertical-writing tables.
#
# Idempotent: the same inputs give the same bytes (fontTools is pinned and the source's own
# timestamps are kept). Needs root for apt-get when the package is not installed yet, python3
# with venv, and the PyPI registry the first time (fontTools goes in a cached virtualenv).
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
esac
[ $# -le 1 ] || { echo "usage: $0 [EXTRA_CHARS_FILE]" >&2; exit 2; }
extra="${1:-}"
if [ -n "$extra" ] && [ ! -r "$extra" ]; then
  echo "cannot read the extra-characters file $extra" >&2
  exit 2
fi

PKG=fonts-noto-cjk
PKG_VERSION='1:20220127+repack1-1'
FONTTOOLS_VERSION=4.68.0
SRC_DIR=/usr/share/fonts/opentype/noto
OUT_DIR=crates/fund-export/fonts
FEATURES=ccmp,locl,liga,calt,clig,rlig,kern,mark,mkmk,palt
UNICODES=U+0020-007E,U+00A0-00FF,U+2000-206F,U+3000-303F,U+3040-30FF,U+FF00-FFEF

# 1. The source package, at the pinned version.
installed="$(dpkg-query -W -f='${Version}' "$PKG" 2>/dev/null || true)"
if [ -z "$installed" ]; then
  echo "installing $PKG …" >&2
  apt-get install -y "$PKG" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$PKG" >/dev/null; }
  installed="$(dpkg-query -W -f='${Version}' "$PKG")"
fi
if [ "$installed" != "$PKG_VERSION" ]; then
  if [ "${ALLOW_OTHER_VERSION:-0}" != 1 ]; then
    echo "$PKG is $installed here, not the pinned $PKG_VERSION: the subset would differ from the" >&2
    echo "committed one. Set ALLOW_OTHER_VERSION=1 to go on (and update PKG_VERSION)." >&2
    exit 1
  fi
  echo "warning: subsetting $PKG $installed, not $PKG_VERSION" >&2
fi

# 2. fontTools, pinned, in a cached virtualenv (the system's Python is left alone).
venv="${XDG_CACHE_HOME:-$HOME/.cache}/fund-export/fonttools-$FONTTOOLS_VERSION"
if [ ! -x "$venv/bin/pyftsubset" ]; then
  echo "installing fontTools $FONTTOOLS_VERSION in $venv …" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "fonttools==$FONTTOOLS_VERSION"
fi
py="$venv/bin/python"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 3. The characters: JIS X 0208 by way of Shift_JIS, and the extra file.
"$py" - "$work/chars.txt" "$extra" <<'EOF'
import sys
out, extra = sys.argv[1], sys.argv[2]
chars = []
def sjis_rows(first, last, lo_code=0, hi_code=0xFFFF):
    for hi in range(first, last + 1):
        for lo in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
            if not lo_code <= (hi << 8 | lo) <= hi_code:
                continue
            try:
                yield bytes([hi, lo]).decode("shift_jis")
            except UnicodeDecodeError:
                pass
symbols = list(sjis_rows(0x81, 0x84))            # rows 1–8: symbols, kana, Greek, Cyrillic, …
kanji = list(sjis_rows(0x88, 0x98, 0x889F, 0x9872))  # level 1
assert len(kanji) == 2965, len(kanji)
chars = symbols + kanji
if extra:
    with open(extra, encoding="utf-8") as f:
        chars += [c for c in f.read() if c.isprintable() and not c.isspace()]
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(sorted(set(chars))))
EOF

# 4. For each weight: the JP face out of the collection, with only its Japanese language system,
#    then the subset.
for weight in Regular Bold; do
  "$py" - "$SRC_DIR/NotoSansCJK-$weight.ttc" "$work/face-$weight.otf" <<'EOF'
import sys
from fontTools.ttLib import TTCollection
src, out = sys.argv[1:]
# recalcTimestamp=False: the source's own head.modified is kept, so the output is reproducible.
faces = [f for f in TTCollection(src, recalcTimestamp=False).fonts if f["name"].getDebugName(1) == "Noto Sans CJK JP"]
assert len(faces) == 1, "no single Noto Sans CJK JP face in " + src
font = faces[0]
for tag in ("GSUB", "GPOS"):
    for record in font[tag].table.ScriptList.ScriptRecord:
        script = record.Script
        script.LangSysRecord = [l for l in script.LangSysRecord if l.LangSysTag == "JAN "]
        script.LangSysCount = len(script.LangSysRecord)
font.save(out, reorderTables=True)
EOF
  "$venv/bin/pyftsubset" "$work/face-$weight.otf" \
    --output-file="$OUT_DIR/NotoSansCJKjp-$weight-subset.otf" \
    --unicodes="$UNICODES" --text-file="$work/chars.txt" \
    --layout-features="$FEATURES" --no-hinting \
    --drop-tables+=VORG,vhea,vmtx,BASE --name-IDs='*'
done

# 5. Check every character asked for is there (or report those the source font lacks), and
#    write the licence file.
"$py" - "$work/chars.txt" "$OUT_DIR" "$PKG" "$installed" "$FONTTOOLS_VERSION" "$UNICODES" <<'EOF'
import os, re, sys
from fontTools.ttLib import TTFont
chars_file, out_dir, pkg, version, ft_version, unicodes = sys.argv[1:]
wanted = set(open(chars_file, encoding="utf-8").read())
for part in unicodes.split(","):
    a, b = part[2:].split("-")
    wanted |= {chr(c) for c in range(int(a, 16), int(b, 16) + 1)}
notice = None
for weight in ("Regular", "Bold"):
    path = os.path.join(out_dir, f"NotoSansCJKjp-{weight}-subset.otf")
    font = TTFont(path)
    cmap = font.getBestCmap()
    lacking = sorted(c for c in wanted if ord(c) not in cmap)
    kanji = [c for c in open(chars_file, encoding="utf-8").read() if "\u4e00" <= c <= "\u9fff"]
    assert all(ord(c) in cmap for c in kanji), "a JIS level 1 kanji is missing"
    print(f"{path}: {os.path.getsize(path)} bytes, {len(font.getGlyphOrder())} glyphs, "
          f"{len(cmap)} characters")
    named = [c for c in lacking if not (0xD800 <= ord(c) <= 0xDFFF) and c.isprintable()]
    if named:
        print(f"  not in the source font, so not kept ({len(named)}): "
              + "".join(named[:80]) + (" …" if len(named) > 80 else ""))
    notice = font["name"].getDebugName(0)
    trademark = font["name"].getDebugName(7)
    font_version = font["name"].getDebugName(5).split(";")[0]
debian = open(f"/usr/share/doc/{pkg}/copyright", encoding="utf-8").read()
with open(os.path.join(out_dir, "LICENSE-NotoSansCJK.txt"), "w", encoding="utf-8") as f:
    f.write(f"""NotoSansCJKjp-Regular-subset.otf and NotoSansCJKjp-Bold-subset.otf
=====================================================================

These fonts are Modified Versions, under the SIL Open Font License, Version 1.1 (below), of
Noto Sans CJK JP Regular and Bold ({font_version}), taken from the Debian package {pkg}
{version} (upstream: https://github.com/notofonts/noto-cjk). They were modified only by
subsetting (fewer characters and glyphs, no hinting, no vertical metrics), with fontTools
{ft_version}, by scripts/subset-ja-font.sh in this repository. They remain under the SIL Open
Font License, Version 1.1.

Copyright notice in the fonts: {notice}
Trademark notice in the fonts: {trademark}

Debian's copyright file for {pkg}, verbatim:

""")
    f.write(debian)
EOF
