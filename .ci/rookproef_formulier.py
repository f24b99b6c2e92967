"""Smoke test helper, run with the python of the venv the wheel is installed in.

``vul FORM UIT``: fill the built form with one complete individual request (openpyxl),
recalculate it with headless LibreOffice into UIT/herberekend.xlsx and write a copy with
one altered formula (Overzicht individueel!E41) as UIT/gewijzigd.xlsx.
``waar``: print where xl_meerzorg is imported from (must be the venv, not the repository).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CELLEN = {
    ("Voorblad", "C23"): "Enkelvoudige aanvraag (individueel)", ("Voorblad", "C17"): 0.95, ("Voorblad", "G41"): 12,
    ("Voorblad", "E4"): "1234", ("Voorblad", "E6"): "73001234",
    ("Voorblad", "C20"): "Nieuwe aanvraag", ("Voorblad", "G17"): "GHZ",
    ("Voorblad", "C40"): "M. de Boer", ("Voorblad", "C41"): dt.date(2026, 1, 15),
    ("Clientgegevens", "D7"): "M. Jansen", ("Clientgegevens", "H7"): "435923985", ("Clientgegevens", "J7"): "VG7",
    ("Clientgegevens", "L7"): "Ja", ("Clientgegevens", "N7"): "Ja", ("Clientgegevens", "V7"): "Nee",
    ("Clientgegevens", "F7"): dt.date(1960, 5, 1), ("Clientgegevens", "R7"): dt.date(2020, 1, 1),
    ("Clientgegevens", "T7"): dt.date(2026, 2, 1),
    ("Aanvraag individueel", "D16"): 12 / 24, ("Aanvraag individueel", "H16"): "Wonen", ("Aanvraag individueel", "J16"): 1.0,
    ("Aanvraag individueel", "D17"): 17 / 24, ("Aanvraag individueel", "H17"): "Dagbesteding", ("Aanvraag individueel", "J17"): 2.0,
    ("Aanvraag individueel", "D18"): 23 / 24, ("Aanvraag individueel", "H18"): "Wonen", ("Aanvraag individueel", "J18"): 1.0,
    ("Aanvraag individueel", "P16"): 23 / 24, ("Aanvraag individueel", "T16"): "Wonen", ("Aanvraag individueel", "V16"): 1.0,
    ("Aanvraag individueel", "I5"): 2 / 24, ("Aanvraag individueel", "I6"): 2 / 24,
}  # fmt: skip

REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def herbereken(bron: Path, uit: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SystemExit("rookproef: LibreOffice (soffice) ontbreekt")
    with tempfile.TemporaryDirectory(prefix="rookproef-lo-") as prof:
        user = Path(prof) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(REGISTRY, encoding="utf-8")
        cmd = [exe, f"-env:UserInstallation={Path(prof).as_uri()}", "--headless", "--norestore",
               "--convert-to", "xlsx", "--outdir", str(uit), str(bron)]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=600, env=dict(os.environ, HOME=prof))
    uitvoer = uit / (bron.stem + ".xlsx")
    if not uitvoer.exists():
        raise SystemExit(f"rookproef: LibreOffice schreef {uitvoer} niet")
    return uitvoer


def blad_deel(z: zipfile.ZipFile, blad: str) -> str:
    wb = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", wb):
        naam = re.search(r'\bname="([^"]*)"', m.group(0)).group(1)
        if naam.strip() == blad:
            rid = re.search(r'\br:id="([^"]+)"', m.group(0)).group(1)
            for r in re.finditer(r"<Relationship\b[^>]*>", rels):
                if f'Id="{rid}"' in r.group(0):
                    doel = re.search(r'Target="([^"]+)"', r.group(0)).group(1)
                    return doel.lstrip("/") if doel.startswith("/") else "xl/" + doel
    raise SystemExit(f"rookproef: blad {blad} niet gevonden")


def wijzig_formule(bron: Path, doel: Path, blad: str, cel: str, formule: str) -> None:
    patroon = re.compile(rb'(<c r="' + cel.encode() + rb'"[^>]*><f[^>]*>)[^<]*(</f>)')
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zout:
        deel = blad_deel(zin, blad)
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == deel:
                nieuw = patroon.sub(lambda m: m.group(1) + formule.encode() + m.group(2), data, count=1)
                if nieuw == data:
                    raise SystemExit(f"rookproef: formule in {blad}!{cel} niet gevonden")
                data = nieuw
            zout.writestr(info, data)


def vul(form: Path, uit: Path) -> None:
    import openpyxl

    uit.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.load_workbook(form)
    for (blad, cel), waarde in CELLEN.items():
        wb[blad][cel].value = waarde
    gevuld = uit / "gevuld.xlsx"
    wb.save(gevuld)
    lo = herbereken(gevuld, uit / "lo")
    herberekend = uit / "herberekend.xlsx"
    shutil.copy(lo, herberekend)
    wijzig_formule(herberekend, uit / "gewijzigd.xlsx", "Overzicht individueel", "E41", "E39/300")


def main() -> None:
    if sys.argv[1:2] == ["waar"]:
        import xl_meerzorg
        import xl_meerzorg.workbook.vingerafdruk  # noqa: F401 - the IO package is installed too

        print(Path(xl_meerzorg.__file__).resolve().parent)
        return
    if sys.argv[1:2] == ["vul"] and len(sys.argv) == 4:
        vul(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    raise SystemExit("gebruik: rookproef_formulier.py vul FORMULIER UITMAP | waar")


if __name__ == "__main__":
    main()
