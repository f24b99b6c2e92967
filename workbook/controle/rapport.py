"""The xlsx report of a batch (openpyxl, write_only).

Sheets: "Totaal overzicht meerzorg" (one row per client: the engine's results, empty when
the file has a fout, then what the form itself shows, labelled "volgens formulier"),
"Bevindingen" (every finding) and "Samenvatting". Every text is written as a string cell (inline string), never as a formula,
even when it starts with = + - @ or a tab: values from received forms are untrusted.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from xl_meerzorg import __version__

from .controleer import AFWIJKINGEN, FOUTEN, OK, ONLEESBAAR

OVERZICHT = "Totaal overzicht meerzorg"
BEVINDINGEN = "Bevindingen"
SAMENVATTING = "Samenvatting"

KOLOMMEN_OVERZICHT = (
    ("Bestand", 40), ("Zorgaanbieder", 32), ("NZa-nummer", 12), ("Cliënt", 24), ("BSN", 12),
    ("Zorgprofiel", 11), ("Prestatiecode", 13), ("Uitkomst", 26), ("Meerzorguren per week (u:mm)", 14),
    ("Jaarbedrag", 14), ("Etmaalbedrag", 13), ("Maanden", 9), ("Ingangsdatum", 12), ("Status", 12),
    ("Prestatiecode volgens formulier", 13), ("Uitkomst volgens formulier", 26),
    ("Meerzorguren volgens formulier (u:mm)", 14), ("Jaarbedrag volgens formulier", 14), ("Etmaalbedrag volgens formulier", 13),
)  # fmt: skip
KOLOMMEN_BEVINDINGEN = (
    ("Bestand", 40), ("Status", 12), ("Niveau", 12), ("Soort", 14), ("Cel", 28), ("Melding", 90),
    ("Waarde formulier", 22), ("Waarde herberekend", 22),
)  # fmt: skip
EURO = '"€" #,##0.00'
VET = Font(bold=True)


def _cel(ws, value, fmt: str | None = None, vet: bool = False) -> WriteOnlyCell:
    if isinstance(value, float) and not math.isfinite(value):
        value = None
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    c = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        c.data_type = "s"  # never a formula
    if fmt:
        c.number_format = fmt
    if vet:
        c.font = VET
    return c


def _kop(ws, kolommen) -> None:
    for i, (_, breedte) in enumerate(kolommen):
        from openpyxl.utils import get_column_letter

        ws.column_dimensions[get_column_letter(i + 1)].width = breedte
    ws.freeze_panes = "A2"
    ws.append([_cel(ws, naam, vet=True) for naam, _ in kolommen])


def schrijf_rapport(uitslagen: list[dict], doel: str | Path) -> Path:
    doel = Path(doel)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(OVERZICHT)
    _kop(ws, KOLOMMEN_OVERZICHT)
    for u in uitslagen:
        for c in u.get("clienten") or []:
            uren = c.get("meerzorguren")
            f = c.get("formulier") or {}  # what the form itself shows
            ingang = dt.date.fromisoformat(c["ingang"]) if c.get("ingang") else None
            ws.append([
                _cel(ws, u["bestand"]), _cel(ws, u.get("zorgaanbieder")), _cel(ws, u.get("nza")),
                _cel(ws, c.get("naam")), _cel(ws, c.get("bsn")), _cel(ws, c.get("zorgprofiel")),
                _cel(ws, c.get("prestatiecode")), _cel(ws, c.get("uitkomst_label") or c.get("uitkomst")),
                _cel(ws, None if uren is None else uren / 24, "[h]:mm"),
                _cel(ws, c.get("jaarbedrag"), EURO), _cel(ws, c.get("etmaalbedrag"), EURO),
                _cel(ws, c.get("maanden")), _cel(ws, ingang, "dd-mm-yyyy"), _cel(ws, u["status"]),
                _cel(ws, f.get("prestatiecode")), _cel(ws, f.get("uitkomst")),
                _cel(ws, None if f.get("meerzorguren") is None else f["meerzorguren"] / 24, "[h]:mm"),
                _cel(ws, f.get("jaarbedrag"), EURO), _cel(ws, f.get("etmaalbedrag"), EURO),
            ])  # fmt: skip
    ws = wb.create_sheet(BEVINDINGEN)
    _kop(ws, KOLOMMEN_BEVINDINGEN)
    for u in uitslagen:
        for f in u.get("bevindingen") or []:
            ws.append([
                _cel(ws, u["bestand"]), _cel(ws, u["status"]), _cel(ws, f.get("niveau")), _cel(ws, f.get("soort")),
                _cel(ws, f.get("cel")), _cel(ws, f.get("tekst")), _cel(ws, _tekst(f.get("formulier"))),
                _cel(ws, _tekst(f.get("motor"))),
            ])  # fmt: skip
    ws = wb.create_sheet(SAMENVATTING)
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 20
    telling = tel(uitslagen)
    rijen = [
        ("Controle aanvraagformulieren meerzorg", None, None),
        ("Gemaakt op", dt.datetime.now().replace(microsecond=0), "dd-mm-yyyy hh:mm"),
        ("Versie", f"xl-meerzorg {__version__}", None),
        ("Bestanden", len(uitslagen), None),
        ("OK", telling[OK], None),
        ("Met afwijkingen", telling[AFWIJKINGEN], None),
        ("Met fouten", telling[FOUTEN], None),
        ("Onleesbaar", telling[ONLEESBAAR], None),
        ("Cliënten", sum(len(u.get("clienten") or []) for u in uitslagen), None),
        ("Totaal jaarbedrag (herberekend)", sum((u.get("totaal") or {}).get("jaarbedrag") or 0.0 for u in uitslagen), EURO),
        ("Geanonimiseerd", "ja" if any(u.get("anoniem") for u in uitslagen) else "nee", None),
    ]
    for i, (label, waarde, fmt) in enumerate(rijen):
        ws.append([_cel(ws, label, vet=i == 0), _cel(ws, waarde, fmt)])
    doel.parent.mkdir(parents=True, exist_ok=True)
    wb.save(doel)
    return doel


def _tekst(v) -> str | None:
    return None if v is None else str(v)


def tel(uitslagen: list[dict]) -> dict[str, int]:
    t = {OK: 0, AFWIJKINGEN: 0, FOUTEN: 0, ONLEESBAAR: 0}
    for u in uitslagen:
        t[u["status"]] = t.get(u["status"], 0) + 1
    return t
