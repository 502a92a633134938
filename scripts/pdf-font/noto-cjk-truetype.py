"""Noto Sans CJK JP with TrueType outlines, for PDF output.

Chromium's PDF backend (Skia) embeds a TrueType font as a subset CID font, but prints a CFF-outline font such
as Debian's Noto Sans CJK (OpenType/CFF in a .ttc) as hundreds of Type 3 fonts, which costs about twice the
CPU to print and gives PDF readers glyph drawings rather than a font. This converts one face of the collection
to quadratic (TrueType) outlines with fontTools' cu2qu, the glyphs and their metrics otherwise unchanged, under
a family name of its own ("Kotei Noto Sans CJK JP") so that it never stands in for the original anywhere but
where the report asks for it. Noto is under the SIL Open Font License 1.1 with no reserved font name, which
allows such a derivative; the license travels with it (see install-pdf-font.sh).

usage: noto-cjk-truetype.py SOURCE.ttc OUTPUT.ttf FAMILY
"""

import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

# Units of the 1000-unit em a converted curve may stray from the cubic one: below what print resolves.
MAX_ERROR = 1.0


# What Japanese official documents write: every character of Windows-31J (JIS X 0208 with the NEC and IBM
# extensions), and the blocks of symbols, punctuation and kana around them. A character outside it still prints,
# in the original Noto face that the report's font list names next.
BLOCKS = (
    (0x0020, 0x024F),  # Latin
    (0x2000, 0x2BFF),  # punctuation, arrows, mathematical operators, enclosed alphanumerics, shapes, symbols
    (0x3000, 0x30FF),  # CJK symbols and punctuation, hiragana, katakana
    (0x3200, 0x33FF),  # enclosed CJK letters, CJK compatibility (㈱ ㎡)
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
)


def office_characters():
    characters = set()
    for first, last in BLOCKS:
        characters.update(range(first, last + 1))
    for code in range(0x4E00, 0xA000):
        try:
            chr(code).encode("cp932")
        except UnicodeEncodeError:
            continue
        characters.add(code)
    for code in range(0xF900, 0xFB00):  # CJK compatibility ideographs of the IBM extension
        try:
            chr(code).encode("cp932")
            characters.add(code)
        except UnicodeEncodeError:
            pass
    return characters


def keep_office_glyphs(font):
    """Only the glyphs of office_characters() and what the layout features reach from them."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=office_characters())
    subsetter.subset(font)


def japanese_face(collection):
    """The collection's Japanese face (its order differs between Noto releases)."""
    for font in collection.fonts:
        if font["name"].getDebugName(1).endswith(" JP"):
            return font
    raise SystemExit("no Japanese (JP) face in the collection")


def to_truetype(font):
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        # Cubic to quadratic; TrueType contours run the other way round from CFF's.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\0\1\0\0"
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # Glyph names are not needed to print and would be 65,535 strings.
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0


def rename(font, family):
    postscript = family.replace(" ", "")
    for record in font["name"].names:
        text = record.toUnicode()
        if record.nameID in (1, 3, 4, 16):
            record.string = text.replace("Noto Sans CJK JP", family)
        elif record.nameID == 6:
            record.string = text.replace("NotoSansCJKjp", postscript)


def main():
    source, output, family = sys.argv[1:4]
    font = japanese_face(TTCollection(source))
    keep_office_glyphs(font)
    to_truetype(font)
    rename(font, family)
    font.save(output)


if __name__ == "__main__":
    main()
