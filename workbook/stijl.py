"""The one style table of the form (both variants and every sheet, also Verhuisformulier
and Totaal overzicht meerzorg).

The palette, font, title and header bars are those of the official ZN rekentool
(2025.01, 2026.01), read with openpyxl from its styles:

- font Corbel 11 everywhere; the sheet title Corbel 26 bold in teal ``219382``;
- header bars (the block labels "Registratienummer NZa", "Zorgaanbieder", ...) light teal
  ``CCF4EE`` with a hair border, bold;
- input cells peach (theme colour accent 2 lightened 60%, ``F8CBAD`` in the Office
  2013-2022 theme), on the Voorblad light blue ``DEEAF6`` except the AGB code and the
  provider's contact fields, on Aanvraag-overzicht groep light blue (accent 5 lightened
  80%, ``DDEBF7``) except the subjects a./b.; computed results light blue (accent 5 + 80%);
- subtitles (Aanvraag individueel) Corbel 16 bold teal.

The fills use the same theme colours as the official workbook, so that the workbook also
carries the official theme colour scheme (Office 2013-2022, ``theme_xml``).

Use: ``stijl.titel(cel)``, ``stijl.kopbalk(ws, "B4:C4")``, ``stijl.invoer(cel, blad)``,
``stijl.uitvoer(cel)``, ``stijl.standaard(wb)`` (Corbel as the workbook's default font).
"""

from __future__ import annotations

import re

from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.styles.fonts import Font as _Font

FONT = "Corbel"
TEAL = "FF219382"  # title and subtitles
DONKERBLAUW = "FF002060"  # "Wlz-zorgaanbieder" on the Voorblad
KOPBALK_KLEUR = "FFCCF4EE"  # light teal header bars
VOORBLAD_INVOER_KLEUR = "FFDEEAF6"  # light blue inputs on the Voorblad
WIT = "FFFFFFFF"

# theme colours as the official workbook has them (index, tint)
PERZIK = (5, 0.5999938962981048)  # accent 2 + 60%: input cells
LICHTBLAUW = (8, 0.7999816888943144)  # accent 5 + 80%: computed cells, group inputs
GEEL = (7, 0.7999816888943144)  # accent 4 + 80%: status


def _thema(kleur: tuple[int, float]) -> Color:
    return Color(theme=kleur[0], tint=kleur[1])


def vulling(kleur) -> PatternFill:
    """A solid fill from an ARGB text or a (theme, tint) pair."""
    c = _thema(kleur) if isinstance(kleur, tuple) else Color(rgb=kleur)
    return PatternFill(fill_type="solid", fgColor=c, bgColor=Color(indexed=64))


HAAR = Side(style="hair", color="FF000000")
DUN = Side(style="thin", color="FF999999")
RAND = Border(left=HAAR, right=HAAR, top=HAAR, bottom=HAAR)
RAND_DUN = Border(left=DUN, right=DUN, top=DUN, bottom=DUN)

GEWOON = Font(name=FONT, size=11)
VET = Font(name=FONT, size=11, bold=True)
KLEIN = Font(name=FONT, size=9, italic=True, color="FF595959")
TITEL = Font(name=FONT, size=26, bold=True, color=TEAL)
SUBTITEL = Font(name=FONT, size=16, bold=True, color=TEAL)
KOP = Font(name=FONT, size=12, bold=True, color=TEAL)
WLZ = Font(name=FONT, size=11, bold=True, color=DONKERBLAUW)
WITTE_TEKST = Font(name=FONT, size=11, bold=True, color=WIT)

INVOER_VUL = vulling(PERZIK)
VOORBLAD_INVOER_VUL = vulling(VOORBLAD_INVOER_KLEUR)
GROEP_INVOER_VUL = vulling(LICHTBLAUW)
UITVOER_VUL = vulling(LICHTBLAUW)
KOPBALK_VUL = vulling(KOPBALK_KLEUR)
STATUS_VUL = vulling(GEEL)

WRAP = Alignment(wrap_text=True, vertical="top")
MIDDEN = Alignment(horizontal="center", vertical="center", wrap_text=True)

# Which input cells do not have the peach fill, per sheet (as in the official form).
# sheet -> (default fill, {cell: fill})
_VOORBLAD_PERZIK = ("E6", "C11", "C12", "C13", "C14")
_VOORBLAD_TEAL = ("C10", "G10", "G11", "G12", "G13", "G14")


def invoer_vulling(blad: str, cel: str) -> PatternFill:
    """The fill of an input cell, as the official form has it on that sheet."""
    if blad == "Voorblad":
        if cel in _VOORBLAD_PERZIK:
            return INVOER_VUL
        if cel in _VOORBLAD_TEAL:
            return KOPBALK_VUL
        return VOORBLAD_INVOER_VUL
    if blad == "Aanvraag-overzicht groep" and cel not in ("B11", "B12"):
        return GROEP_INVOER_VUL
    if blad == "Verhuisformulier" and cel in ("E6", "C20", "G20", "G21"):  # official: light blue (C20, G20:G21 a lookup)
        return VOORBLAD_INVOER_VUL
    return INVOER_VUL


def titel(c, tekst: str | None = None) -> None:
    if tekst is not None:
        c.value = tekst
    c.font = TITEL
    c.alignment = Alignment(horizontal="left", vertical="center")


def subtitel(c, tekst: str | None = None) -> None:
    if tekst is not None:
        c.value = tekst
    c.font = SUBTITEL


def kopbalk(ws, bereik: str, tekst: str | None = None) -> None:
    """A light teal header bar over ``bereik`` (e.g. "B4:C4"), bold text in its first cell."""
    cellen = [c for rij in ws[bereik] for c in rij]
    if tekst is not None:
        cellen[0].value = tekst
    for c in cellen:
        c.fill = KOPBALK_VUL
        c.font = VET
        c.border = Border(top=HAAR, bottom=HAAR)
    cellen[0].border = Border(left=HAAR, top=HAAR, bottom=HAAR)
    cellen[-1].border = Border(right=HAAR, top=HAAR, bottom=HAAR) if len(cellen) > 1 else RAND


def kolomkop(c, tekst: str | None = None) -> None:
    """A column header of a table: bold on the teal bar, wrapped, centred."""
    if tekst is not None:
        c.value = tekst
    c.fill = KOPBALK_VUL
    c.font = VET
    c.border = RAND
    c.alignment = MIDDEN


def invoer(c, blad: str) -> None:
    """An input cell: its official fill, hair border, Corbel (the style ids are cached on the
    workbook: the build styles thousands of input cells)."""
    vul = invoer_vulling(blad, c.coordinate)
    wb = c.parent.parent
    cache = wb.__dict__.setdefault("_xl_meerzorg_stijl", {})
    ids = cache.get(id(vul))
    if ids is None:
        c.fill = vul
        c.border = RAND
        c.font = GEWOON
        cache[id(vul)] = (c._style.fillId, c._style.borderId, c._style.fontId)  # noqa: SLF001
        return
    c._style.fillId, c._style.borderId, c._style.fontId = ids  # noqa: SLF001


def uitvoer(c, vet: bool = False) -> None:
    c.fill = UITVOER_VUL
    c.border = RAND
    c.font = VET if vet else GEWOON


def standaard(wb) -> None:
    """Corbel 11 as the workbook's default font (the "Normal" style) and the official
    theme colours (Office 2013-2022), so theme fills look as in the official form."""
    wb._fonts[0] = _Font(name=FONT, sz=11, family=2, scheme=None)  # noqa: SLF001 (openpyxl has no API for the default font)
    wb.loaded_theme = theme_xml().encode()


# Office 2013-2022 colour scheme (the scheme of the official workbook's theme).
_OFFICE_2013 = {
    "dk2": "44546A", "lt2": "E7E6E6", "accent1": "4472C4", "accent2": "ED7D31", "accent3": "A5A5A5",
    "accent4": "FFC000", "accent5": "5B9BD5", "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72",
}  # fmt: skip


def theme_xml() -> str:
    """openpyxl's default theme with the Office 2013-2022 colours and Corbel as the body font."""
    from openpyxl.writer.theme import theme_xml as basis

    xml = basis
    for naam, rgb in _OFFICE_2013.items():
        xml = re.sub(rf"(<a:{naam}>\s*<a:srgbClr val=\")[0-9A-F]{{6}}", rf"\g<1>{rgb}", xml)
    xml = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', rf"\g<1>{FONT}", xml)
    return xml
