"""Reading a form for koppel: recognise it and hand out cell values as xlwings passes them.

The form is opened read-only (python-calamine over the file's bytes). ``xlwings_waarde``
turns what calamine gives into what xlwings hands a UDF on Windows: numbers as float,
empty cells as None, time/duration cells as a datetime counted from 1899-12-30, dates as
datetime, text as str.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree as DET

from xl_meerzorg.workbook import officieel

EPOCH = dt.datetime(1899, 12, 30)
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
JAAR_EIGENSCHAP = "xl_meerzorg_jaar"
PYTHON_BLAD = "Python-controle"
CONF_BLAD = "xlwings.conf"


class GeenFormulier(ValueError):
    """The file is not a meerzorg form koppel can handle (Dutch reason)."""


def xlwings_waarde(v: object) -> object:
    """A calamine cell value as xlwings would pass it to a UDF."""
    if v is None or (isinstance(v, str) and v == ""):
        return None
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, dt.datetime):
        return v
    if isinstance(v, dt.date):
        return dt.datetime(v.year, v.month, v.day)
    if isinstance(v, dt.time):
        return EPOCH + dt.timedelta(hours=v.hour, minutes=v.minute, seconds=v.second, microseconds=v.microsecond)
    if isinstance(v, dt.timedelta):
        return EPOCH + v
    if isinstance(v, str):
        return v
    return None  # error values (#N/A, ...) arrive in xlwings as None


def kolom_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def kolom_letters(index: int) -> str:
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


_CEL = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")


def splits_cel(ref: str) -> tuple[int, int]:
    """'$D$16' -> (row 15, col 3), zero-based."""
    m = _CEL.match(ref)
    if not m:
        raise ValueError(ref)
    return int(m.group(2)) - 1, kolom_index(m.group(1))


@dataclass
class Formulier:
    """A recognised form: its kind, year, sheet names and cell values."""

    pad: str
    soort: str  # "officieel" or "eigen"
    jaar: int
    bladen: dict[str, str]  # logical name -> sheet name (officieel.OFFICIELE_BLADEN / EIGEN_BLADEN)
    bladnamen: list[str]
    _rijen: dict[str, list[list[object]]] = field(default_factory=dict, repr=False)

    def ruw(self, blad: str, ref: str) -> object:
        """The calamine value of one cell ("" when empty)."""
        rijen = self._rijen.get(blad, [])
        r, c = splits_cel(ref)
        if r < len(rijen) and c < len(rijen[r]):
            return rijen[r][c]
        return ""

    def waarde(self, blad: str, ref: str) -> object:
        """One cell or a range ('D16:D74') as xlwings passes it (a range as a 2-D list)."""
        if ":" in ref:
            a, b = ref.split(":")
            r1, c1 = splits_cel(a)
            r2, c2 = splits_cel(b)
            rijen = self._rijen.get(blad, [])
            out = []
            for r in range(r1, r2 + 1):
                rij = rijen[r] if r < len(rijen) else []
                out.append([xlwings_waarde(rij[c] if c < len(rij) else "") for c in range(c1, c2 + 1)])
            return out
        return xlwings_waarde(self.ruw(blad, ref))

    def get(self, blad: str, ref: str) -> object:
        """Getter for ``officieel.lees_officieel``: None for an empty cell."""
        v = self.ruw(blad, ref)
        return None if v == "" else v

    @property
    def type_tekst(self) -> str:
        v = self.get(self.bladen["voorblad"], officieel.VOORBLAD_VELDEN["type"])
        return v.strip() if isinstance(v, str) else ""

    @property
    def groep(self) -> bool:
        return "groep" in self.type_tekst.lower()


def bladnamen_uit_workbook(workbook_xml: bytes) -> list[tuple[str, str, str | None]]:
    """(name, r:id, state) of every sheet in xl/workbook.xml, in tab order."""
    root = DET.fromstring(workbook_xml)
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    if sheets is None:
        return []
    return [(s.get("name", ""), s.get(rid, ""), s.get("state")) for s in sheets.findall(f"{{{NS_MAIN}}}sheet")]


def _eigen_jaar(zf: zipfile.ZipFile) -> int | None:
    try:
        data = zf.read("docProps/custom.xml")
    except KeyError:
        return None
    root = DET.fromstring(data)
    for prop in root.findall(f"{{{NS_CUSTOM}}}property"):
        if prop.get("name") == JAAR_EIGENSCHAP:
            for child in prop:
                text = (child.text or "").strip()
                if text.isdigit():
                    return int(text)
    return None


def _rijen_vanaf_a1(p, deel: str | None, wb, naam: str) -> list[list[object]]:
    """The cells of a sheet from A1 (``to_python(skip_empty_area=False)``): calamine,
    or the package reader for a sheet calamine cannot read (INF, NaN, 1E+300)."""
    from xl_meerzorg.workbook.ooxml import bijzonder, lees_rijen

    if deel is not None and not bijzonder(p.lees_utf8(deel)):
        try:
            return wb.get_sheet_by_name(naam).to_python(skip_empty_area=False)
        except BaseException as exc:  # calamine raises (or panics) on values it cannot convert
            if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
                raise
    if deel is None:
        return []
    rows, (r0, c0) = lees_rijen(p, deel)
    return [[""] * c0 + list(r) for r in ([[]] * r0 + rows)] if rows else []


def herken(pad: str, data: bytes, pakket=None) -> Formulier:
    """Recognise the form in ``data`` (the file's bytes; ``pakket`` its
    ``ooxml.Pakket``) and read the cells koppel needs. Sheet names are compared without
    case, as Excel does: ``bladen`` holds the form's own names."""
    from xl_meerzorg.workbook import ooxml, veilig

    try:
        p = pakket if pakket is not None else ooxml.Pakket(veilig.Xlsx(Path(pad), data, zipfile.ZipFile(io.BytesIO(data)), frozenset(zipfile.ZipFile(io.BytesIO(data)).namelist())))
        namen = [b.naam for b in p.bladen]
        eigen_jaar_tekst = p.eigenschappen().get(JAAR_EIGENSCHAP, "")
    except (zipfile.BadZipFile, KeyError, ValueError, veilig.OnveiligBestand) as exc:
        raise GeenFormulier("geen geldig xlsx-bestand") from exc
    if p.blad(PYTHON_BLAD) is not None:
        raise GeenFormulier(f"heeft al een blad '{PYTHON_BLAD}' (is al gekoppeld)")
    eigen_jaar = int(eigen_jaar_tekst) if eigen_jaar_tekst.isdigit() else None

    def echt(canoniek) -> dict[str, str] | None:
        uit = {}
        for k, v in canoniek.items():
            n = p.blad(v)
            if n is None:
                return None
            uit[k] = n
        return uit

    if all(p.blad(n) is not None for n in officieel.SHEETS):
        soort, bladen = "officieel", echt(officieel.OFFICIELE_BLADEN)
    elif eigen_jaar is not None or echt(officieel.EIGEN_BLADEN) is not None:
        soort, bladen = "eigen", echt(officieel.EIGEN_BLADEN)
    else:
        raise GeenFormulier("geen aanvraagformulier meerzorg (de bladen van het formulier ontbreken)")
    if bladen is None:
        missend = [b for b in officieel.EIGEN_BLADEN.values() if p.blad(b) is None]
        raise GeenFormulier(f"blad ontbreekt: {', '.join(missend)}")
    try:
        import python_calamine

        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(p.calamine_bytes()))
        delen = p.werkbladen()
        rijen = {b: _rijen_vanaf_a1(p, delen.get(b), wb, b) for b in bladen.values()}
    except GeenFormulier:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader problem is "cannot read"
        raise GeenFormulier(f"kan het formulier niet lezen ({type(exc).__name__})") from exc
    f = Formulier(pad, soort, 0, bladen, namen, rijen)
    jaar = officieel.jaar_uit_versie(f.get(bladen["voorblad"], officieel.VERSIE_CEL))
    if soort == "eigen" and eigen_jaar is not None:
        jaar = eigen_jaar
    if jaar is None:
        raise GeenFormulier(f"versie van het formulier onbekend (Voorblad {officieel.VERSIE_CEL} is leeg)")
    from xl_meerzorg.parameters import beschikbare_jaren

    if jaar not in beschikbare_jaren():
        raise GeenFormulier(f"geen parameterset voor {jaar}")
    f.jaar = jaar
    return f
