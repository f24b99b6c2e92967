"""The xlsx report of a batch (written by ``xlsx.py``: openpyxl's writer costs more per
row than checking a form).

Sheets, in this order: "Samenvatting" (per year: files per status, clients, total year
amount; then when, which version, which folder), "Totaal overzicht meerzorg" (one row per
client: the engine's results, empty when the file has a fout, then what the form itself
shows, labelled "volgens formulier") and "Bevindingen" (every finding). Every sheet has a
bold, wrapped, frozen header row with an autofilter, repeats it on every printed page and
prints fitted to the page width (landscape). Amounts and hours are numbers with a number
format (euro, [u]:mm), never text. File paths are as the checker shows them (relative to
the folder given).

Every text is written as a string cell (inline string), never as a formula, even when it
starts with = + - @ or a tab: values from received forms are untrusted. Control
characters (also in file and client names) are shown escaped (``\x1b``, ``\n``).
The file is written through ``xl_meerzorg.bestanden.schrijf_atomair``: a previous report
survives a full disk or Ctrl-C.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from pathlib import Path

from xl_meerzorg import __version__
from xl_meerzorg.bestanden import bereid_doel, schrijf_atomair, toon

from .controleer import AFWIJKINGEN, FOUTEN, OK, ONLEESBAAR
from .xlsx import Blad, Stijl, Werkmap, kolom

OVERZICHT = "Totaal overzicht meerzorg"
BEVINDINGEN = "Bevindingen"
SAMENVATTING = "Samenvatting"

KOLOMMEN_OVERZICHT = (
    ("Bestand", 40), ("Jaar", 7), ("Zorgaanbieder", 32), ("Registratienummer NZa", 14), ("Cliënt", 24), ("BSN", 12),
    ("Zorgprofiel", 11), ("Prestatiecode", 13), ("Uitkomst", 26), ("Meerzorguren per week (u:mm)", 14),
    ("Jaarbedrag", 14), ("Etmaalbedrag", 13), ("Maanden", 9), ("Ingangsdatum", 12),
    ("CCE betrokken (3 jaar)", 10), ("LVHC", 7), ("Doelgroep LVHC", 22), ("Status", 12),
    ("Prestatiecode volgens formulier", 13), ("Uitkomst volgens formulier", 26),
    ("Meerzorguren volgens formulier (u:mm)", 14), ("Jaarbedrag volgens formulier", 14), ("Etmaalbedrag volgens formulier", 13),
)  # fmt: skip
KOLOMMEN_BEVINDINGEN = (
    ("Bestand", 40), ("Jaar", 7), ("Status", 12), ("Niveau", 12), ("Soort", 14), ("Cel", 28), ("Melding", 90),
    ("Waarde formulier", 22), ("Waarde herberekend", 22),
)  # fmt: skip
KOLOMMEN_SAMENVATTING = (
    ("Jaar", 24), ("Bestanden", 17), ("OK", 8), ("Met afwijkingen", 12), ("Met fouten", 10), ("Onleesbaar", 11),
    ("Cliënten", 10), ("Totaal jaarbedrag (herberekend)", 18),
)  # fmt: skip
EURO = '"€" #,##0.00;"€" -#,##0.00'  # shown by a Dutch Excel as € 1.234,56
UREN = "[h]:mm"  # shown by a Dutch Excel as [u]:mm
DATUM = "dd-mm-yyyy"
ONBEKEND_JAAR = "onbekend"
NZA_CATEGORIE = 300  # Voorblad D4 (cat.): 300 on every meerzorg form; E4 holds the number


def _cel(value, fmt: str | None = None, vet: bool = False, kop: bool = False, terugloop: bool = False) -> tuple[object, Stijl]:
    if isinstance(value, float) and not math.isfinite(value):
        value = None
    if isinstance(value, str):
        value = toon(value)  # control characters shown escaped, never dropped or raw
    # long texts (and the header) wrap in their column, also when printed
    return value, Stijl(fmt, vet or kop, kop or (terugloop and isinstance(value, str)))


def _blad(wb: Werkmap, titel: str, kolommen) -> Blad:
    """A sheet with its header row: bold, wrapped, frozen, printed on every page, fitted
    to the page width (xlsx.Blad). ``_sluit`` sets the autofilter once the rows are known."""
    ws = wb.blad(titel, [breedte for _, breedte in kolommen])
    ws.rij([_cel(naam, kop=True) for naam, _ in kolommen])
    return ws


def _sluit(ws: Blad, kolommen, rijen: int) -> None:
    ws.filter = f"A1:{kolom(len(kolommen))}{max(rijen, 1) + 1}"


def nza_volledig(u: dict) -> str | None:
    """The NZa registration in full ("300-1234"): the forms keep the category (Voorblad D4,
    300 for Wlz care) apart from the number (E4); a number typed in full stays as it is."""
    nr = u.get("nza")
    if nr is None or str(nr).strip() == "":
        return None
    nr = str(nr).strip()
    cat = u.get("nza_categorie") or NZA_CATEGORIE
    cat = str(int(cat)) if isinstance(cat, float) and cat.is_integer() else str(cat).strip()
    return nr if nr.startswith(f"{cat}-") else f"{cat}-{nr}"


def _jaar(u: dict) -> int | str:
    j = u.get("jaar")
    return j if isinstance(j, int) else ONBEKEND_JAAR


_EURO_TEKST = re.compile(r"€ (-?\d{1,3}(?:\.\d{3})*),(\d{2})")
_UREN_TEKST = re.compile(r"(-?)(\d+):([0-5]\d)")


def als_getal(f: dict, kant: str) -> tuple[object, str | None]:
    """A finding's value (``kant`` "formulier" or "motor") for the report: a number with
    its format where it is an amount or a duration, else the text."""
    getal = f.get(f"{kant}_getal")
    eenheid = f.get("eenheid")
    if isinstance(getal, (int, float)) and not isinstance(getal, bool) and eenheid in ("euro", "uren"):
        return (getal, EURO) if eenheid == "euro" else (getal / 24, UREN)
    v = f.get(kant)
    if v is None:
        return None, None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v, None
    v = str(v)
    if f.get("soort") == "vergelijking":  # values the checker formatted itself with euro()/u:mm
        m = _EURO_TEKST.fullmatch(v)
        if m:
            return float(m.group(1).replace(".", "") + "." + m.group(2)), EURO
        m = _UREN_TEKST.fullmatch(v)
        if m:
            uren = int(m.group(2)) + int(m.group(3)) / 60
            return (-uren if m.group(1) else uren) / 24, UREN
    return v, None


def schrijf_rapport(
    uitslagen: list[dict], doel: str | Path, invoer: Iterable[str | Path] = (), map_: str | None = None, anoniem: bool | None = None
) -> Path:
    """Write the report to ``doel`` (atomically; never over one of the ``invoer`` files).
    Raises ``xl_meerzorg.bestanden.BestandFout`` with a Dutch reason when it cannot."""
    doel = bereid_doel(doel, invoer=invoer, wat="het rapport")  # before any work: nothing half-built is left
    wb = Werkmap()
    _samenvatting(wb, uitslagen, map_, any(u.get("anoniem") for u in uitslagen) if anoniem is None else anoniem)
    ws = _blad(wb, OVERZICHT, KOLOMMEN_OVERZICHT)
    n = 0
    for u in uitslagen:
        for c in u.get("clienten") or []:
            uren = c.get("meerzorguren")
            f = c.get("formulier") or {}  # what the form itself shows
            ingang = _datum(c.get("ingang"))
            ws.rij([
                _cel(u["bestand"]), _cel(u.get("jaar")), _cel(u.get("zorgaanbieder")), _cel(nza_volledig(u)),
                _cel(c.get("naam")), _cel(c.get("bsn")), _cel(c.get("zorgprofiel")),
                _cel(c.get("prestatiecode")), _cel(c.get("uitkomst_label") or c.get("uitkomst")),
                _cel(None if uren is None else uren / 24, UREN),
                _cel(c.get("jaarbedrag"), EURO), _cel(c.get("etmaalbedrag"), EURO),
                _cel(c.get("maanden")), _cel(ingang, DATUM),
                _cel(c.get("cce")), _cel(c.get("lvhc")), _cel(c.get("doelgroep")), _cel(u["status"]),
                _cel(f.get("prestatiecode")), _cel(f.get("uitkomst")),
                _cel(None if f.get("meerzorguren") is None else f["meerzorguren"] / 24, UREN),
                _cel(f.get("jaarbedrag"), EURO), _cel(f.get("etmaalbedrag"), EURO),
            ])  # fmt: skip
            n += 1
    _sluit(ws, KOLOMMEN_OVERZICHT, n)
    ws = _blad(wb, BEVINDINGEN, KOLOMMEN_BEVINDINGEN)
    n = 0
    for u in uitslagen:
        for f in u.get("bevindingen") or []:
            fv, ff = als_getal(f, "formulier")
            mv, mf = als_getal(f, "motor")
            ws.rij([
                _cel(u["bestand"]), _cel(u.get("jaar")), _cel(u["status"]), _cel(f.get("niveau")),
                _cel(f.get("soort")), _cel(f.get("cel")), _cel(f.get("tekst"), terugloop=True),
                _cel(fv, ff, terugloop=True), _cel(mv, mf, terugloop=True),
            ])  # fmt: skip
            n += 1
    _sluit(ws, KOLOMMEN_BEVINDINGEN, n)
    # a report is small: built in memory, then written in one go
    return schrijf_atomair(doel, wb.opslaan(), invoer=invoer, wat="het rapport")


def _datum(v) -> dt.date | None:
    if not v:
        return None
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        return None


def _samenvatting(wb: Werkmap, uitslagen: list[dict], map_: str | None, anoniem: bool) -> None:
    ws = _blad(wb, SAMENVATTING, KOLOMMEN_SAMENVATTING)
    jaren: dict[int | str, list[dict]] = {}
    for u in uitslagen:
        jaren.setdefault(_jaar(u), []).append(u)
    volgorde = sorted((j for j in jaren if isinstance(j, int))) + ([ONBEKEND_JAAR] if ONBEKEND_JAAR in jaren else [])
    rijen = [(j, jaren[j]) for j in volgorde] + [("Totaal", uitslagen)]
    for label, groep in rijen:
        t = tel(groep)
        vet = label == "Totaal"
        ws.rij([
            _cel(label, vet=vet), _cel(len(groep), vet=vet), _cel(t[OK], vet=vet),
            _cel(t[AFWIJKINGEN], vet=vet), _cel(t[FOUTEN], vet=vet), _cel(t[ONLEESBAAR], vet=vet),
            _cel(sum(len(u.get("clienten") or []) for u in groep), vet=vet),
            _cel(sum((u.get("totaal") or {}).get("jaarbedrag") or 0.0 for u in groep), EURO, vet=vet),
        ])  # fmt: skip
    _sluit(ws, KOLOMMEN_SAMENVATTING, len(rijen) - 1)  # the filter leaves the Totaal row out
    ws.rij([])
    for label, waarde, fmt in (
        ("Controle aanvraagformulieren meerzorg", None, None),
        ("Gemaakt op", dt.datetime.now().replace(microsecond=0), "dd-mm-yyyy hh:mm"),
        ("Versie", f"xl-meerzorg {__version__}", None),
        ("Map", map_, None),
        ("Geanonimiseerd", "ja" if anoniem else "nee", None),
    ):
        if label == "Map" and map_ is None:
            continue
        ws.rij([_cel(label, vet=True), _cel(waarde, fmt)])


def _tekst(v) -> str | None:
    return None if v is None else str(v)


def tel(uitslagen: list[dict]) -> dict[str, int]:
    t = {OK: 0, AFWIJKINGEN: 0, FOUTEN: 0, ONLEESBAAR: 0}
    for u in uitslagen:
        t[u["status"]] = t.get(u["status"], 0) + 1
    return t
