"""Evaluate a koppel copy as Excel + xlwings would: parse each UDF formula of
"Python-controle", resolve its references to the copy's cell values as xlwings passes them
(floats, None, 2-D lists, datetimes from 1899-12-30, str) and call the function of the
module named in the xlwings.conf sheet. Independent of xl_meerzorg.workbook.koppel on purpose.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

EPOCH = dt.datetime(1899, 12, 30)
REF = re.compile(r"^(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$")
UDF = re.compile(r"^=?(MZ_[A-Z_]+)\((.*)\)$", re.S)


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def als_xlwings(v: object) -> object:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime.combine(v, dt.time())
    if isinstance(v, dt.time):
        return dt.datetime.combine(EPOCH.date(), v)
    if isinstance(v, dt.timedelta):
        return EPOCH + v
    if isinstance(v, str):
        return v
    return None


def split_args(s: str) -> list[str]:
    out, cur, in_str, in_quote = [], "", False, False
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == '"' and not in_quote:
            in_str = not in_str
        elif ch == "'" and not in_str:
            in_quote = not in_quote
        if ch == "," and not in_str and not in_quote:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


class Werkboek:
    """Cell values of an xlsx (cached values, via calamine)."""

    def __init__(self, pad: Path) -> None:
        import python_calamine

        self.wb = python_calamine.CalamineWorkbook.from_path(str(pad))
        self._rijen: dict[str, list] = {}

    def rijen(self, blad: str) -> list:
        if blad not in self._rijen:
            self._rijen[blad] = self.wb.get_sheet_by_name(blad).to_python(skip_empty_area=False)
        return self._rijen[blad]

    def cel(self, blad: str, col: int, row: int) -> object:
        r = self.rijen(blad)
        return r[row][col] if row < len(r) and col < len(r[row]) else ""

    def ref(self, tekst: str) -> object:
        """A reference's value as xlwings passes it."""
        m = REF.match(tekst)
        assert m, tekst
        blad = (m.group(1) or "").replace("''", "'") or m.group(2)
        c1, r1 = _col(m.group(3)), int(m.group(4)) - 1
        if m.group(5) is None:
            return als_xlwings(self.cel(blad, c1, r1))
        c2, r2 = _col(m.group(5)), int(m.group(6)) - 1
        return [[als_xlwings(self.cel(blad, c, r)) for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)]


def arg(tekst: str, wb: Werkboek) -> object:
    if tekst.startswith('"'):
        return tekst[1:-1].replace('""', '"')
    if re.fullmatch(r"-?\d+(\.\d+)?", tekst):
        return float(tekst)
    return wb.ref(tekst)


@dataclass
class UdfCel:
    cel: str
    formule: str
    functie: str
    resultaat: object
    cache: object  # cached value (a 2-D list for a spilling cell)


def formules(pad: Path, blad: str = "Python-controle") -> dict[str, str]:
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(pad, read_only=False)
    out = {}
    for row in wb[blad].iter_rows():
        for c in row:
            v = c.value
            if isinstance(v, ArrayFormula):
                out[c.coordinate] = (v.text, v.ref)
            elif isinstance(v, str) and v.startswith("="):
                out[c.coordinate] = (v, None)
    return out


def module(wb: Werkboek):
    rijen = wb.rijen("xlwings.conf")
    assert rijen[0][0] == "UDF Modules"
    return importlib.import_module(rijen[0][1])


def evalueer(formules_pad: Path, waarden_pad: Path | None = None) -> list[UdfCel]:
    """Every UDF cell of Python-controle: formula read from ``formules_pad``, references
    resolved in ``waarden_pad`` (default the same file), cached value from ``formules_pad``."""
    f = formules(formules_pad)
    eigen = Werkboek(formules_pad)
    wb = Werkboek(waarden_pad) if waarden_pad else eigen
    mod = module(eigen)
    out = []
    for cel, (tekst, array_ref) in f.items():
        m = UDF.match(tekst)
        if not m:
            continue
        args = [arg(a, wb) for a in split_args(m.group(2))]
        resultaat = getattr(mod, m.group(1))(*args)
        col, row = _col(cel.rstrip("0123456789")), int(cel.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1
        if array_ref:
            a, b = array_ref.split(":")
            n_rows = int(b.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - int(a.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) + 1
            n_cols = _col(b.rstrip("0123456789")) - col + 1
            cache = [[eigen.cel("Python-controle", col + j, row + i) for j in range(n_cols)] for i in range(n_rows)]
        else:
            cache = eigen.cel("Python-controle", col, row)
        out.append(UdfCel(cel, tekst, m.group(1), resultaat, cache))
    return out
