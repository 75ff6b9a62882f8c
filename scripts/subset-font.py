#!/usr/bin/python3
# Makes the font the poster and chat-card renderer draws with (worker/render/): Noto Sans CJK SC
# Regular from Debian's fonts-noto-cjk, subset to ASCII, CJK punctuation, full-width forms and the
# 6763 hanzi of GB2312, its CFF outlines converted to TrueType (the renderer reads glyf only).
# Offline, with Debian's fonttools (the machine's /usr/bin/python3; `pip` may not see Debian's module):
#   apt-get install -y fonts-noto-cjk python3-fonttools
#   /usr/bin/python3 scripts/subset-font.py        # writes public/fonts/NotoSansSC-Regular-gb.ttf
# The font is licensed under the SIL Open Font License 1.1 (public/fonts/OFL.txt); its name table,
# which carries the copyright and licence, is kept.
import io
import os
import sys
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE = 2  # "Noto Sans CJK SC" inside the collection
OUT = sys.argv[1] if len(sys.argv) > 1 else "public/fonts/NotoSansSC-Regular-gb.ttf"


def gb2312():
    """Every character of GB2312 (rows A1-A9 symbols, B0-F7 hanzi), from Python's own codec."""
    chars = set()
    for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


chars = gb2312()
chars |= {chr(c) for c in range(0x20, 0x7F)}  # ASCII
chars |= set("¥·—–…‘’“”•×÷°€£©®™")
chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK punctuation 、。「」【】
chars |= {chr(c) for c in range(0xFF01, 0xFF5F)} | {"\uFFE5"}  # full-width ！（），：；？ and ￥


def to_truetype(font):
    """CFF (cubic) outlines to glyf (quadratic) with cu2qu, as fontTools' otf2ttf snippet does."""
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


options = subset.Options()
options.font_number = FACE
options.layout_features = []  # no GSUB/GPOS: posters need no shaping
options.hinting = False
options.desubroutinize = True
options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, licence and its URL
options.notdef_outline = True
font = subset.load_font(SOURCE, options)
subsetter = subset.Subsetter(options)
subsetter.populate(text="".join(sorted(chars)))
subsetter.subset(font)
# read back the subset before converting: the subsetter leaves glyph bounds to be computed on load
subsetted = io.BytesIO()
font.save(subsetted)
subsetted.seek(0)
os.makedirs(os.path.dirname(OUT), exist_ok=True)
to_truetype(TTFont(subsetted, recalcTimestamp=False)).save(OUT)
print(f"{OUT}: {len(chars)} characters, {os.path.getsize(OUT)} bytes")
