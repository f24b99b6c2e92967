"""Run the main.py of a -lite copy with the stand-in xlwings, under CPython and under Pyodide (node).

``cellen_van(pad)`` reads the copy's cells as xlwings Lite passes them (cached values; dates,
times and durations as Excel serial numbers). ``draai(main_py, gevallen, pyodide=False)`` runs
for each case (cells, UDF calls) the script "Controleer formulier" and the calls, and returns
what lauf.py reports (the cells afterwards, the UDF results, where the modules came from).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

HIER = Path(__file__).resolve().parent
STANDIN = HIER / "standin"
EPOCH = dt.datetime(1899, 12, 30)


def lite_waarde(v: object) -> object:
    if isinstance(v, dt.datetime):
        d = v - EPOCH
        return d.days + (d.seconds + d.microseconds / 1e6) / 86400
    if isinstance(v, dt.date):
        return float((v - EPOCH.date()).days)
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    if isinstance(v, dt.timedelta):
        return v.total_seconds() / 86400
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return None if v == "" else v
    if isinstance(v, (int, float)):
        return float(v)
    return None


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cellen_van(pad: Path, bladen: list[str] | None = None) -> dict[str, dict[str, object]]:
    """sheet -> {"A1": value} of the copy: the stored (cached) values as xlwings Lite passes them,
    numbers exactly as stored (dates, times and durations are Excel serials), text, booleans;
    error values as None. Read from the XML (openpyxl would round times to milliseconds)."""
    import zipfile
    from xml.etree import ElementTree as ET

    z = zipfile.ZipFile(pad)
    gedeeld = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            gedeeld.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t") if _niet_fonetisch(si, t)))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    uit = {}
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        naam = sheet.get("name")
        if bladen is not None and naam not in bladen:
            continue
        doel = rels[sheet.get(f"{{{NS_R}}}id")].lstrip("/")
        doel = doel if doel.startswith("xl/") else f"xl/{doel}"
        cellen = {}
        for c in ET.fromstring(z.read(doel)).iter(f"{{{NS['m']}}}c"):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            if t == "inlineStr":
                waarde = "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))
            elif v is None or v.text is None:
                continue
            elif t == "s":
                waarde = gedeeld[int(v.text)]
            elif t in ("str",):
                waarde = v.text
            elif t == "b":
                waarde = v.text == "1"
            elif t == "e":
                continue
            else:
                waarde = float(v.text)
            if waarde != "":
                cellen[c.get("r")] = waarde
        uit[naam] = cellen
    return uit


def _niet_fonetisch(si, t) -> bool:
    """Text of a shared string without its phonetic runs (rPh)."""
    for rph in si.findall("m:rPh", NS):
        if t in list(rph.iter()):
            return False
    return True


def pyodide_map() -> Path | None:
    """The npm package pyodide: $XL_MEERZORG_PYODIDE, tests/lite/node or ~/.cache/xl-meerzorg."""
    from xl_meerzorg.workbook.lite.pakket import PYODIDE_VERSIE

    kandidaten = [os.environ.get("XL_MEERZORG_PYODIDE")]
    kandidaten += [str(HIER / "node" / "node_modules" / "pyodide")]
    kandidaten += [str(Path.home() / ".cache" / "xl-meerzorg" / f"pyodide-{PYODIDE_VERSIE}" / "node_modules" / "pyodide")]
    for k in kandidaten:
        if k and (Path(k) / "pyodide.mjs").exists():
            versie = json.loads((Path(k) / "package.json").read_text())["version"]
            if versie == PYODIDE_VERSIE:
                return Path(k)
    return None


def draai(main_py: str, gevallen: list[tuple[dict, list]], pyodide: bool = False) -> list[dict]:
    """Run main.py for every (cells, UDF calls); CPython in an isolated interpreter without
    site-packages (the project is not importable there), or Pyodide in node."""
    with tempfile.TemporaryDirectory(prefix="lite-") as tmp:
        mappen = []
        for i, (cellen, aanroepen) in enumerate(gevallen):
            m = Path(tmp) / f"geval{i}"
            m.mkdir()
            (m / "main.py").write_text(main_py, encoding="utf-8")
            shutil.copy(STANDIN / "xlwings.py", m / "xlwings.py")
            shutil.copy(STANDIN / "lauf.py", m / "lauf.py")
            (m / "cellen.json").write_text(json.dumps(cellen, ensure_ascii=False), encoding="utf-8")
            (m / "aanroepen.json").write_text(json.dumps(aanroepen, ensure_ascii=False), encoding="utf-8")
            mappen.append(m)
        if pyodide:
            pmap = pyodide_map()
            if pmap is None:
                raise RuntimeError("npm-pakket pyodide niet gevonden")
            node = shutil.which("node")
            if node is None:
                raise RuntimeError("node niet gevonden")
            r = subprocess.run([node, str(HIER / "pyodide_lauf.mjs"), str(pmap), *map(str, mappen)], capture_output=True, text=True, timeout=600)
            if r.returncode:
                raise RuntimeError(f"Pyodide: {r.stderr[-4000:]}")
        else:
            for m in mappen:
                r = subprocess.run([sys.executable, "-I", "-S", str(m / "lauf.py"), str(m)], capture_output=True, text=True, timeout=300)
                if r.returncode:
                    raise RuntimeError(f"CPython: {r.stderr[-4000:]}")
        return [json.loads((m / "uit.json").read_text(encoding="utf-8")) for m in mappen]
