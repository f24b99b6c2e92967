"""Raw cell values of an xlsx (the stored doubles and strings), for exact comparisons.

openpyxl turns time-formatted numbers into timedelta rounded to the millisecond; for
"to the second" comparisons at half-second edges we need the stored double.
Trusted test files only (no hardening).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def lees_rauw(path: Path) -> dict[str, dict[str, object]]:
    """{sheet name: {cell ref: float | str | bool | None}} of every sheet."""
    with zipfile.ZipFile(path) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        try:
            sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
            strings = ["".join(t.text or "" for t in si.iter(NS + "t")) for si in sst]
        except KeyError:
            strings = []
        result = {}
        for s in wb.find(NS + "sheets"):
            target = targets[s.get(R_ID)]
            part = target.lstrip("/") if target.startswith("/") else "xl/" + target
            cells: dict[str, object] = {}
            for c in ET.fromstring(z.read(part)).iter(NS + "c"):
                v = c.find(NS + "v")
                t = c.get("t")
                if t == "inlineStr":
                    is_ = c.find(NS + "is")
                    cells[c.get("r")] = "".join(x.text or "" for x in is_.iter(NS + "t")) if is_ is not None else ""
                    continue
                if v is None or v.text is None:
                    continue
                if t == "s":
                    cells[c.get("r")] = strings[int(v.text)]
                elif t in ("str", "e"):
                    cells[c.get("r")] = v.text
                elif t == "b":
                    cells[c.get("r")] = v.text == "1"
                else:
                    cells[c.get("r")] = float(v.text)
            result[s.get("name")] = cells
    return result
