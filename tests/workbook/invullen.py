"""Fill the built form with cases (openpyxl), recalculate with LibreOffice, read results.

LibreOffice recalculates every file in ONE soffice call. To keep that call fast the
results are exported as CSV (one file per sheet) instead of xlsx; the result cells of the
filled copies get the General number format first so the CSV holds the full numbers
(the formulas are untouched).
"""

from __future__ import annotations

import csv
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
from openpyxl.utils import column_index_from_string

from tests.support.libreoffice import _profile, soffice
from xl_meerzorg.workbook.bouw import exacte_getallen
from xl_meerzorg.workbook.layout import INVOER, UITVOER, VOORBLAD
from xl_meerzorg.workbook.officieel import EIGEN_BLADEN, lees_officieel
from xl_meerzorg import bereken

ALLE_INVOER = [(i.blad, i.cel) for i in INVOER]
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"
GETAL = "0.000000000000000"  # plain digits: LibreOffice would give a General formula cell a time format
GELEZEN_BLADEN = ("Voorblad", "Overzicht individueel", "Aanvraag-overzicht groep", "Clientgegevens", "Aanvraag individueel")


def vul(template: Path, gevallen, uit: Path) -> list[Path]:
    """Write each case into a copy of ``template``; one openpyxl load, one save per case."""
    wb = openpyxl.load_workbook(template)
    for _naam, (blad, cel) in UITVOER.items():
        wb[blad][cel].number_format = GETAL
    uit.mkdir(parents=True, exist_ok=True)
    paden = []
    for g in gevallen:
        for blad, cel in ALLE_INVOER:
            wb[blad][cel].value = None
        for (blad, cel), waarde in g.cellen.items():
            wb[blad][cel].value = waarde
        pad = uit / f"{g.naam}.xlsx"
        with exacte_getallen():
            wb.save(pad)
        paden.append(pad)
    return paden


class Blad:
    def __init__(self, rows: list[list[str]]):
        self.rows = rows

    def __getitem__(self, ref: str):
        col = ref.rstrip("0123456789")
        r, c = int(ref[len(col):]) - 1, column_index_from_string(col) - 1
        if r >= len(self.rows) or c >= len(self.rows[r]):
            return None
        text = self.rows[r][c]
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            return text


def _soffice_csv(paden: list[Path], uit: Path, timeout: int) -> None:
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is niet geïnstalleerd")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        env = dict(os.environ, HOME=prof)
        cmd = [exe, f"-env:UserInstallation={_profile(Path(prof))}", "--headless", "--norestore",
               "--convert-to", CSV_FILTER, "--outdir", str(uit), *map(str, paden)]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env)


def _ontbrekend(paden: list[Path], uit: Path) -> list[Path]:
    return [p for p in paden if not all((uit / f"{p.stem}-{b}.csv").exists() for b in GELEZEN_BLADEN)]


def herbereken(paden: list[Path], uit: Path, timeout: int = 900, per_aanroep: int = 120, tegelijk: int = 2) -> dict[str, dict[str, Blad]]:
    """Recalculate all files in one LibreOffice batch; {file stem: {sheet: Blad}}.

    The batch is split into soffice calls of at most ``per_aanroep`` files (one soffice
    process stopped silently after ~250 documents), ``tegelijk`` at a time; files that got
    no output are tried once more."""
    uit.mkdir(parents=True, exist_ok=True)
    delen = [paden[i : i + per_aanroep] for i in range(0, len(paden), per_aanroep)]
    with ThreadPoolExecutor(max_workers=tegelijk) as pool:
        list(pool.map(lambda d: _soffice_csv(d, uit, timeout), delen))
    opnieuw = _ontbrekend(paden, uit)
    if opnieuw:
        _soffice_csv(opnieuw, uit, timeout)
    missing = _ontbrekend(paden, uit)
    if missing:
        raise RuntimeError(f"LibreOffice schreef niet: {[p.name for p in missing]}")
    out: dict[str, dict[str, Blad]] = {}
    for p in paden:
        bladen = {}
        for blad in GELEZEN_BLADEN:
            with (uit / f"{p.stem}-{blad}.csv").open(encoding="utf-8", newline="") as fh:
                bladen[blad] = Blad(list(csv.reader(fh)))
        out[p.stem] = bladen
    return out


def engine(g, jaar: int):
    """The engine's result on the same input (the values written into the form)."""

    def get(blad, cel):
        if (blad, cel) == ("Clientgegevens", "Z6") and jaar >= 2026:  # the header the reader recognises the LVHC columns by
            return "Zo ja, welke doelgroep betreft het?"
        return g.cellen.get((blad, cel))

    aanvraag, rijen = lees_officieel(get, jaar, bladen=EIGEN_BLADEN)
    return bereken(aanvraag), rijen
