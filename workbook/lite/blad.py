"""The sheet "Python-controle" of a -lite copy: the script's own report, as values.

At koppel time the script (``controle.rapport``) runs on the form's cells as xlwings Lite
passes them (numbers for dates and times), and its cells become the sheet with koppel's cell
styles: a PC without the add-in shows the check of the moment of koppelen, and *Controleer
formulier* overwrites exactly these cells. The sheet is not protected (the script writes it).
"""

from __future__ import annotations

import datetime as dt

from xl_meerzorg.workbook.koppel.blad import BREEDTES, Blad, Cel, blad_xml
from xl_meerzorg.workbook.koppel.lezen import Formulier as KoppelFormulier

from . import controle

UITLEG = (
    "Dit blad rekent het formulier na met de Python-rekenkern (xl-meerzorg) in xlwings Lite. Per uitkomst staan "
    "naast elkaar: de waarde van het formulier, de waarde van Python en het verschil (Python min formulier). "
    "Een verschil van meer dan een halve cent of een halve seconde is rood gemarkeerd."
)
UITLEG_2 = (
    "Na een wijziging in het formulier: voer in het taakvenster van xlwings Lite het script "
    "'Controleer formulier' opnieuw uit. Zonder de invoegtoepassing toont dit blad de controle van het "
    "moment van koppelen. Zie docs/lite.md."
)


def lite_waarde(v: object) -> object:
    """A calamine cell value as xlwings Lite passes it: numbers (Excel serials for dates and times)."""
    if isinstance(v, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return controle.excel_getal(v)
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        return v if v != "" else None
    return None  # error values (#N/A, ...)


def formulier(f: KoppelFormulier) -> controle.Formulier:
    """The script's view of a form read by koppel."""
    return controle.Formulier(lambda blad: [[lite_waarde(v) for v in rij] for rij in f._rijen.get(blad, [])], dict(f.bladen))


def blad(f: KoppelFormulier, melding: str | None) -> Blad:
    r = controle.rapport(formulier(f))
    b = Blad(breedtes=dict(BREEDTES))
    b.cellen.append(Cel("A1", "Python-controle", stijl="kop"))
    b.cellen.append(Cel("A2", UITLEG))
    b.cellen.append(Cel("A3", UITLEG_2))
    b.cellen.append(Cel("A4", "Rekenkern", stijl="kop"))
    b.cellen.append(Cel("A5", "Formulier", stijl="kop"))
    if melding:
        b.cellen.append(Cel("A6", melding))
    for ref, waarde in r.cellen.items():
        if waarde is not None and waarde != "":
            b.cellen.append(Cel(ref, waarde, stijl=r.stijlen.get(ref), soort="tekst" if isinstance(waarde, str) else "waarde"))
    b.verschillen.extend(r.verschillen)
    return b


def blad_bytes(f: KoppelFormulier, stijlen: dict[str, int], dxf: int | None, melding: str | None) -> bytes:
    return blad_xml(blad(f, melding), stijlen, dxf, cm=False, beveiligd=False)
