"""Choosing cell styles for the Python-controle sheet from the form's OWN styles.xml.

koppel never changes xl/styles.xml (it stays byte-identical), so every style on the new
sheet is an existing cellXfs entry. ``kies_stijlen`` scores every cellXf per purpose:

- "tijd": an elapsed-hours duration format (``[h]:mm:ss``, ``[hh]:mm``, builtin 46, with or
  without colour/locale tags, any case; seconds preferred: a difference of a few seconds
  must be visible), no literal text in front (the form's ``\\-[hh]:mm`` is not a duration);
- "euro": a format with two decimals and € or EUR (also accounting formats and
  ``[$€-413]``), else a locale currency builtin (7, 8, 44), else ``#,##0.00``;
- "kop": a bold font, General format;
- "standaard": for cells without a purpose, only when xf 0 itself is unusable.

A candidate must be locked and not hidden (the sheet is protected; its formulas must stay
visible) and readable (no white text). Among candidates the plainest presentation wins
(no fill, border, rotation, odd font), then the preferred format, then the lowest index.
The match is on the format code, so forms saved by LibreOffice (which rewrites every xf
with an alignment and protection child and custom ids for builtin formats) work too.
"""

from __future__ import annotations

import re

from defusedxml import ElementTree as DET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# The builtin formats koppel can use (ECMA-376 18.8.30); 5-8 and 41-44 are locale currency.
BUILTIN = {0: "General", 2: "0.00", 4: "#,##0.00", 43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', 46: "[h]:mm:ss"}
LOKALE_VALUTA = {7, 8, 44}

_DUUR = re.compile(r"\[(h+|u+)\]:mm(:ss)?")
_TAG = re.compile(r"\[[^\]]*\]")


def secties(code: str) -> list[str]:
    """The sections of a format code (split on ';' outside quotes and escapes)."""
    out, huidig, i, quote = [], [], 0, False
    while i < len(code):
        ch = code[i]
        if ch == '"':
            quote = not quote
        elif ch == "\\" and not quote and i + 1 < len(code):
            huidig.append(code[i : i + 2])
            i += 2
            continue
        elif ch == ";" and not quote:
            out.append("".join(huidig))
            huidig = []
            i += 1
            continue
        huidig.append(ch)
        i += 1
    out.append("".join(huidig))
    return out


def kern(sectie: str) -> tuple[str, str]:
    """(format tokens in lower case, literal text) of one section: quoted text, escapes,
    ``_x`` spacing and ``*x`` fill are literal; ``[$€-413]``, colours and conditions are
    dropped; elapsed tags ``[h]``/``[hh]``/``[mm]``/``[ss]`` are kept."""
    tokens, literal, i = [], [], 0
    while i < len(sectie):
        ch = sectie[i]
        if ch == '"':
            j = sectie.find('"', i + 1)
            j = len(sectie) if j < 0 else j
            literal.append(sectie[i + 1 : j])
            i = j + 1
        elif ch == "\\" or ch == "_" or ch == "*":
            if ch == "\\":
                literal.append(sectie[i + 1 : i + 2])
            i += 2
        elif ch == "[":
            j = sectie.find("]", i)
            j = len(sectie) - 1 if j < 0 else j
            tag = sectie[i : j + 1]
            if re.fullmatch(r"\[(h+|u+|m+|s+)\]", tag, re.I):
                tokens.append(tag.lower())
            elif tag.startswith("[$"):
                literal.append(tag[2:-1].split("-")[0])  # the currency symbol of a locale tag
            i = j + 1
        else:
            tokens.append(ch.lower())
            i += 1
    return "".join(tokens).strip(), "".join(literal)


def rang_tijd(code: str) -> int | None:
    """0 for an elapsed-hours format with seconds, 1 without; None when not a duration."""
    tokens, literal = kern(secties(code)[0])
    m = _DUUR.fullmatch(tokens)
    if m is None or literal.strip():
        return None
    return 0 if m.group(2) else 1


def rang_euro(code: str, nf: int | None = None) -> int | None:
    """0 euro with two decimals, 1 euro accounting, 2 locale currency builtin, 3 #,##0.00, 4 0.00."""
    if nf in LOKALE_VALUTA and code == "":
        return 2
    eerste = secties(code)[0]
    tokens, literal = kern(eerste)
    cijfers = re.sub(r"[^0#?,.]", "", tokens)
    if not re.search(r"0\.00(?![0#?])", cijfers) or any(c in tokens for c in "ymdhs%e@"):
        return None
    lit = literal.lower()
    if "€" in lit or "eur" in lit:
        return 1 if eerste.lstrip().startswith("_") else 0
    if lit.strip(" -()"):
        return None  # another currency or text
    return 3 if "," in cijfers else 4


def _is_general(code: str) -> bool:
    return code.strip().lower() in ("general", "")


def _waar(v: str | None, standaard: bool = False) -> bool:
    if v is None:
        return standaard
    return v.strip().lower() not in ("0", "false", "off")


def _rgb(kleur) -> tuple[int, int, int] | None:
    """An rgb/theme/indexed colour as (r, g, b), roughly; None for automatic."""
    if kleur is None:
        return None
    rgb = kleur.get("rgb")
    if rgb and re.fullmatch(r"[0-9A-Fa-f]{6,8}", rgb):
        rgb = rgb[-6:]
        return int(rgb[0:2], 16), int(rgb[2:4], 16), int(rgb[4:6], 16)
    theme = kleur.get("theme")
    if theme is not None:
        tint = float(kleur.get("tint") or 0)
        basis = {"0": (255, 255, 255), "1": (0, 0, 0), "2": (231, 230, 230), "3": (68, 84, 106)}.get(theme, (90, 90, 160))
        if tint > 0:
            basis = tuple(round(c + (255 - c) * tint) for c in basis)
        elif tint < 0:
            basis = tuple(round(c * (1 + tint)) for c in basis)
        return basis  # type: ignore[return-value]
    indexed = kleur.get("indexed")
    if indexed is not None:
        return {"8": (0, 0, 0), "9": (255, 255, 255), "64": None, "65": None}.get(indexed, (90, 90, 160))
    return None


def _licht(rgb: tuple[int, int, int] | None) -> bool:
    return rgb is not None and min(rgb) >= 0xE0


def _donker(rgb: tuple[int, int, int] | None) -> bool:
    return rgb is None or max(rgb) <= 0x40


class _Styles:
    def __init__(self, root) -> None:
        self.fmts = {}
        for n in root.iter(f"{NS}numFmt"):
            try:
                self.fmts[int(n.get("numFmtId", ""))] = n.get("formatCode", "")
            except ValueError:
                pass
        self.fonts = self._lijst(root, "fonts", "font")
        self.fills = self._lijst(root, "fills", "fill")
        self.borders = self._lijst(root, "borders", "border")
        self.xfs = self._lijst(root, "cellXfs", "xf")

    @staticmethod
    def _lijst(root, groep: str, item: str) -> list:
        g = root.find(f"{NS}{groep}")
        return [] if g is None else g.findall(f"{NS}{item}")

    def code(self, nf: int) -> str:
        return self.fmts.get(nf, BUILTIN.get(nf, ""))

    @staticmethod
    def _int(xf, attr: str) -> int:
        try:
            return int(xf.get(attr, "0"))
        except ValueError:
            return -1

    def font(self, xf) -> dict | None:
        i = self._int(xf, "fontId")
        if not 0 <= i < len(self.fonts):
            return None
        f = self.fonts[i]

        def val(tag: str):
            e = f.find(f"{NS}{tag}")
            return None if e is None else e

        sz = val("sz")
        try:
            grootte = float(sz.get("val")) if sz is not None else 11.0
        except (TypeError, ValueError):
            grootte = 11.0
        u = val("u")
        va = val("vertAlign")
        return {
            "vet": val("b") is not None and _waar(val("b").get("val"), True),
            "cursief": val("i") is not None and _waar(val("i").get("val"), True),
            "onderstreept": u is not None and (u.get("val") or "single") != "none",
            "doorgehaald": val("strike") is not None and _waar(val("strike").get("val"), True),
            "grootte": grootte,
            "kleur": _rgb(val("color")),
            "verschoven": va is not None and va.get("val") not in (None, "baseline"),
        }

    def straf_vulling(self, xf) -> int | None:
        i = self._int(xf, "fillId")
        if not 0 <= i < len(self.fills):
            return None
        p = self.fills[i].find(f"{NS}patternFill")
        if p is None:
            return 20 if len(self.fills[i]) else 0  # a gradient
        soort = p.get("patternType") or "none"
        if soort == "none":
            return 0
        if soort == "solid" and _rgb(p.find(f"{NS}fgColor")) == (255, 255, 255):
            return 1  # solid white
        return 20

    def straf_rand(self, xf) -> int | None:
        i = self._int(xf, "borderId")
        if not 0 <= i < len(self.borders):
            return None
        for kant in self.borders[i]:
            if (kant.get("style") or "none") != "none":
                return 10
        return 0


def _straf_uitlijning(xf, tekst: bool) -> int:
    a = xf.find(f"{NS}alignment")
    if a is None:
        return 0
    straf = 1 if tekst and a.get("horizontal") == "right" else 0
    try:
        if int(a.get("textRotation") or 0):
            straf += 20
        if int(a.get("indent") or 0):
            straf += 2
    except ValueError:
        straf += 20
    if _waar(a.get("wrapText")):
        straf += 2
    if _waar(a.get("shrinkToFit")):
        straf += 1
    if (a.get("horizontal") or "general") not in ("general", "left", "right"):
        straf += 2
    return straf


def _beschermd(xf) -> bool:
    """Locked and formula not hidden (the protected sheet must show the UDF formulas)."""
    p = xf.find(f"{NS}protection")
    if p is None:
        return True
    return _waar(p.get("locked"), True) and not _waar(p.get("hidden"), False)


def _straf_font(font: dict, vet_gewenst: bool) -> int | None:
    if _licht(font["kleur"]) or font["doorgehaald"] or font["verschoven"]:
        return None
    if font["vet"] != vet_gewenst:
        if vet_gewenst:
            return None
        straf = 10
    else:
        straf = 0
    if font["cursief"]:
        straf += 5
    if font["onderstreept"]:
        straf += 10
    g = font["grootte"]
    if g > 14 or g < 8:
        straf += 10
    elif g > 12 or g < 9:
        straf += 3
    if not _donker(font["kleur"]):
        straf += 3
    return straf


def kies_stijlen(styles_xml: bytes | None) -> tuple[dict[str, int], int | None]:
    """Existing cellXfs indexes for "kop"/"tijd"/"euro" (and "standaard" when xf 0 is
    unusable) and a dxf for highlighting; a purpose without a usable xf is left out."""
    if styles_xml is None or (isinstance(styles_xml, bytes) and not styles_xml):
        return {}, None
    if not isinstance(styles_xml, bytes):  # already parsed (the package reader: any namespace spelling)
        root = styles_xml
    else:
        try:
            root = DET.fromstring(styles_xml)
        except Exception:  # noqa: BLE001 - unreadable styles: no styles at all
            return {}, None
    s = _Styles(root)
    beste: dict[str, tuple[int, int]] = {}  # purpose -> (score, index)
    # A form has hundreds of xfs over a few dozen formats, fonts, fills and borders: score those once.
    rangen_per_nf: dict[int, dict[str, int | None]] = {}
    font_straf: dict[tuple[str, bool], int | None] = {}
    rest_straf: dict[tuple[str, str], int | None] = {}
    for i, xf in enumerate(s.xfs):
        if not _beschermd(xf):
            continue
        sleutel = (xf.get("fillId", "0"), xf.get("borderId", "0"))
        if sleutel not in rest_straf:
            vulling, rand = s.straf_vulling(xf), s.straf_rand(xf)
            rest_straf[sleutel] = None if vulling is None or rand is None else vulling + rand
        basis = rest_straf[sleutel]
        if basis is None:
            continue
        try:
            nf = int(xf.get("numFmtId", "0"))
        except ValueError:
            continue
        rangen = rangen_per_nf.get(nf)
        if rangen is None:
            code = s.code(nf)
            algemeen = 0 if _is_general(code) and nf not in LOKALE_VALUTA else None
            rangen = rangen_per_nf[nf] = {"tijd": rang_tijd(code), "euro": rang_euro(code, nf), "kop": algemeen, "standaard": algemeen}
        for doel, rang in rangen.items():
            if rang is None:
                continue
            fsleutel = (xf.get("fontId", "0"), doel == "kop")
            if fsleutel not in font_straf:
                font = s.font(xf)
                font_straf[fsleutel] = None if font is None else _straf_font(font, vet_gewenst=fsleutel[1])
            straf_font = font_straf[fsleutel]
            if straf_font is None:
                continue
            score = (basis + straf_font + _straf_uitlijning(xf, doel in ("kop", "standaard"))) * 10 + rang
            if doel not in beste or score < beste[doel][0]:
                beste[doel] = (score, i)
    stijlen = {doel: i for doel, (_score, i) in beste.items()}
    if "standaard" in stijlen and (stijlen["standaard"] == 0 or _xf0_bruikbaar(s)):
        del stijlen["standaard"]  # the default xf 0 is fine: cells need no s attribute
    return stijlen, kies_dxf(root)


def _xf0_bruikbaar(s: _Styles) -> bool:
    if not s.xfs:
        return True
    xf = s.xfs[0]
    font = s.font(xf)
    return _beschermd(xf) and font is not None and _straf_font(font, False) is not None


def kies_dxf(root) -> int | None:
    """A differential format for "verschil": a red fill (Excel's "light red" FFC7CE first),
    else red text; never one that hides the text or changes the number format."""
    dxfs = root.find(f"{NS}dxfs")
    if dxfs is None:
        return None
    beste: tuple[int, int] | None = None
    for i, dxf in enumerate(dxfs.findall(f"{NS}dxf")):
        if dxf.find(f"{NS}numFmt") is not None:
            continue
        font = dxf.find(f"{NS}font")
        tekst = _rgb(font.find(f"{NS}color")) if font is not None and font.find(f"{NS}color") is not None else None
        if _licht(tekst):
            continue
        fill = dxf.find(f"{NS}fill")
        p = fill.find(f"{NS}patternFill") if fill is not None else None
        achter = None
        if p is not None and (p.get("patternType") or "solid") == "solid":  # a dxf fill without type is solid
            achter = _rgb(p.find(f"{NS}bgColor")) or _rgb(p.find(f"{NS}fgColor"))
        if achter is not None:
            r, g, b = achter
            rood = r - max(g, b)
            if r < 0xC0 or rood < 0x20:
                continue  # not a red-ish fill (white, blue, green, black ...)
            score = 0 if (r, g, b) == (0xFF, 0xC7, 0xCE) else 10 if rood < 0x80 else 20  # bright red hides little
            score += 0 if tekst is None or _donker(tekst) or tekst[0] - max(tekst[1:]) > 0x40 else 5
        elif tekst is not None and tekst[0] >= 0xC0 and tekst[0] - max(tekst[1:]) >= 0x80:
            score = 50  # red text only
        else:
            continue
        if dxf.find(f"{NS}border") is not None and any((k.get("style") or "none") != "none" for k in dxf.find(f"{NS}border")):
            score += 3
        if beste is None or score < beste[0]:
            beste = (score, i)
    return None if beste is None else beste[1]


def opmaak_melding(stijlen: dict[str, int]) -> str | None:
    """A note for the sheet when the form has no usable duration or euro style."""
    delen = []
    if "tijd" not in stijlen:
        delen.append("uren staan als dagen (1 = 24 uur), want dit bestand heeft geen opmaak [u]:mm")
    if "euro" not in stijlen:
        delen.append("bedragen staan zonder euro-opmaak, want dit bestand heeft geen opmaak € #.##0,00")
    if not delen:
        return None
    return "Let op: " + "; ".join(delen) + " (koppel verandert de opmaakstijlen van het formulier niet)."
