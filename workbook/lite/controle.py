"""The xlwings Lite script *Controleer formulier*: the engine's check of the form in its own sheet.

Standard library and engine only: this module travels inside ``main.py`` of a ``-lite.xlsx``
copy (see ``genereer.py``) and also runs at koppel time, so the cached values the copy
carries are exactly what the script writes for the unchanged form.

The script touches the workbook only through ``book.sheets[naam]``, ``sheet[adres]`` and
``.value``: it reads each form sheet as one block (a list of rows) and writes the sheet
"Python-controle" as one block, in the layout of koppel's sheet (docs/koppel.md): per client
the form's value, Python's value and the difference for uitkomst, meerzorguren, jaarbedrag
and etmaalbedrag, the totals, the policy outcome and every message of the engine.

The form is read as the checker reads it (``officieel.lees_officieel``: the official 2025/2026
cell map; this project's own form has the same cells). Cell values may arrive as xlwings Lite
passes them (numbers, also for dates and times, i.e. Excel serials) or as datetimes, times and
durations (openpyxl, classic xlwings); the engine accepts both.
"""

from __future__ import annotations

import datetime as dt
import math

from xl_meerzorg import __version__, bereken
from xl_meerzorg.formulier import OFFICIELE_TYPES
from xl_meerzorg.model import FOUT, GROEP
from xl_meerzorg.parameters import beschikbare_jaren, laad_parameters
from xl_meerzorg.udfs.meerzorg import _client_waarde, _fouttekst, _meldingen
from xl_meerzorg.workbook import officieel as off

PYTHON_BLAD = "Python-controle"
EERSTE_RIJ = 7  # rows 1..6: title, explanation, versions (written by koppel; B4/B5 by the script)
KOLOM_AANTAL = 17  # A..Q
BLOK = (100, 32)  # every form sheet is read as one block A1:AF100
RAPPORT_RIJEN_MIN = 400  # the script clears at least A7:Q406 (a previous, longer report)
EPOCH = dt.datetime(1899, 12, 30)

KOLOMMEN = {
    "uitkomst": ("E", "F", "G"), "meerzorguren": ("H", "I", "J"),
    "jaarbedrag": ("K", "L", "M"), "etmaalbedrag": ("N", "O", "P"),
}  # fmt: skip
SOORT = {"uitkomst": "tekst", "meerzorguren": "tijd", "jaarbedrag": "euro", "etmaalbedrag": "euro"}
KOP = {"uitkomst": "Uitkomst", "meerzorguren": "Meerzorguren (week)", "jaarbedrag": "Jaarbedrag", "etmaalbedrag": "Etmaalbedrag"}
PYTHON_UITVOER = {"uitkomst": "uitkomst_label", "meerzorguren": "meerzorguren", "jaarbedrag": "jaarbedrag", "etmaalbedrag": "etmaalbedrag"}


# --------------------------------------------------------------------------- cells


def kolom_letters(index: int) -> str:
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


def kolom_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def splits(ref: str) -> tuple[int, int]:
    """'D16' -> (15, 3), zero-based."""
    ref = ref.replace("$", "")
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]) - 1, kolom_index(letters)


def excel_getal(v: object) -> object:
    """A form value as a plain cell value: datetimes, times and durations as Excel serials."""
    if isinstance(v, dt.datetime):
        d = v - EPOCH
        return d.days + (d.seconds + d.microseconds / 1e6) / 86400
    if isinstance(v, dt.date):
        return float((v - EPOCH.date()).days)
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    if isinstance(v, dt.timedelta):
        return v.days + (v.seconds + v.microseconds / 1e6) / 86400
    if isinstance(v, str) and v == "":
        return None
    return v


def _is_getal(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _tekst(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "WAAR" if v else "ONWAAR"
    if _is_getal(v):
        return repr(float(v))
    return str(v)


def verschil(formulier: object, python: object, soort: str) -> object:
    """Python minus form for numbers; otherwise "gelijk"/"verschil" (as koppel's difference formula)."""
    if _is_getal(formulier) and _is_getal(python):
        return float(python) - float(formulier)
    if soort == "euro":
        return "gelijk" if _is_getal(formulier) == _is_getal(python) else "verschil"
    return "gelijk" if _tekst(formulier).casefold() == _tekst(python).casefold() else "verschil"


# --------------------------------------------------------------------------- reading


class LeesFout(Exception):
    """A sheet of the form cannot be read (Dutch text)."""


class Formulier:
    """The form's cells through ``get(blad, ref)``; ``lees(blad)`` gives a sheet as a block of rows."""

    def __init__(self, lees, bladen: dict[str, str]) -> None:
        self._lees = lees
        self.bladen = bladen
        self._blokken: dict[str, list] = {}

    def get(self, blad: str, ref: str) -> object:
        blok = self._blokken.get(blad)
        if blok is None:
            try:
                gelezen = self._lees(blad)
            except Exception as exc:  # noqa: BLE001 - whatever the host raises for a missing sheet
                raise LeesFout(f"Blad '{blad}' van het formulier ontbreekt of is niet te lezen ({type(exc).__name__}).") from exc
            blok = self._blokken[blad] = _rijen(gelezen)
        r, c = splits(ref)
        if r < len(blok) and c < len(blok[r]):
            v = blok[r][c]
            return None if (v is None or (isinstance(v, str) and v == "")) else v
        return None


def _rijen(blok: object) -> list:
    """What a block read returns, as a list of rows (a scalar or a 1-D list is one row)."""
    if not isinstance(blok, (list, tuple)):
        return [[blok]]
    if blok and not isinstance(blok[0], (list, tuple)):
        return [list(blok)]
    return [list(r) for r in blok]


def _blok_adres() -> str:
    return f"A1:{kolom_letters(BLOK[1] - 1)}{BLOK[0]}"


def bladen_van(book) -> dict[str, str]:
    """The sheet names of the form in ``book``: the official ones, or this project's own."""
    try:
        # only the official form has "Overzicht individueel " (with its trailing space); both
        # forms have "Aanvraag-overzicht groep"
        book.sheets[off.OVERZICHT_IND]["A1"].value  # noqa: B018
        return dict(off.OFFICIELE_BLADEN)
    except Exception:  # noqa: BLE001 - any lookup error means: not this name
        return dict(off.EIGEN_BLADEN)


# --------------------------------------------------------------------------- the report


class Rapport:
    """The cells the script writes: ``cellen`` maps "B4" -> value; ``stijlen`` "K9" -> "euro"/"tijd"/"kop"."""

    def __init__(self) -> None:
        self.cellen: dict[str, object] = {}
        self.stijlen: dict[str, str] = {}
        self.verschillen: list[tuple[str, str]] = []
        self.laatste_rij = EERSTE_RIJ - 1

    def zet(self, ref: str, waarde: object, stijl: str | None = None) -> None:
        self.cellen[ref] = waarde
        if stijl:
            self.stijlen[ref] = stijl
        r, _ = splits(ref)
        self.laatste_rij = max(self.laatste_rij, r + 1)

    def uitkomst(self, rij: int, naam: str, formulier: object, python: object) -> None:
        kf, kp, kv = KOLOMMEN[naam]
        soort = SOORT[naam]
        stijl = {"tijd": "tijd", "euro": "euro"}.get(soort)
        formulier = excel_getal(formulier)
        self.zet(f"{kf}{rij}", formulier, stijl)
        self.zet(f"{kp}{rij}", python, stijl)
        self.zet(f"{kv}{rij}", verschil(formulier, python, soort), stijl)
        self.verschillen.append((f"{kv}{rij}", soort))

    def kopregel(self, rij: int) -> None:
        for ref, tekst in (("A", "Cliënt"), ("B", "Naam"), ("C", "Zorgprofiel"), ("D", "Prestatiecode")):
            self.zet(f"{ref}{rij}", tekst, "kop")
        for naam, (kf, kp, kv) in KOLOMMEN.items():
            self.zet(f"{kf}{rij}", f"{KOP[naam]} formulier", "kop")
            self.zet(f"{kp}{rij}", f"{KOP[naam]} Python", "kop")
            self.zet(f"{kv}{rij}", "Verschil", "kop")
        self.zet(f"Q{rij}", "Uitkomst Python (beleid)", "kop")

    def meldingen(self, rij: int, rijen: list[list]) -> int:
        for i, (niveau, veld, tekst) in enumerate(rijen):
            self.zet(f"A{rij + i}", niveau)
            self.zet(f"B{rij + i}", veld)
            self.zet(f"C{rij + i}", tekst)
        return len(rijen)

    def blok(self, eerste: int, laatste: int) -> list[list]:
        """Rows ``eerste``..``laatste`` (1-based) of columns A..Q as a list of lists."""
        uit = [[None] * KOLOM_AANTAL for _ in range(laatste - eerste + 1)]
        for ref, waarde in self.cellen.items():
            r, c = splits(ref)
            if eerste - 1 <= r <= laatste - 1 and c < KOLOM_AANTAL:
                uit[r - eerste + 1][c] = waarde
        return uit


def _jaar(f: Formulier) -> int | None:
    return off.jaar_uit_versie(f.get(f.bladen["voorblad"], off.VERSIE_CEL))


def _python_waarden(res, index: int | None) -> dict[str, object]:
    """Python's value per outcome (as the UDFs show it): a fout text; "" for an empty group row."""
    fout = _fouttekst(res)
    if index is None:
        return {naam: "" for naam in (*PYTHON_UITVOER, "beleid")}
    if fout or index >= len(res.clienten):
        return {naam: fout or "" for naam in (*PYTHON_UITVOER, "beleid")}
    c = res.clienten[index]
    uit = {naam: _client_waarde(c, PYTHON_UITVOER[naam]) for naam in PYTHON_UITVOER}
    uit["beleid"] = _client_waarde(c, "uitkomst")
    return uit


def _totaal(res, waarde: object) -> object:
    fout = _fouttekst(res)
    if fout:
        return fout
    return "" if waarde is None else waarde


def _individueel(r: Rapport, f: Formulier, jaar: int, rij: int) -> int:
    b = f.bladen
    vb, cg, oi = b["voorblad"], b["clientgegevens"], b["overzicht_individueel"]
    aanvraag, _gebruikt = off.lees_officieel(f.get, jaar, b)
    res = bereken(aanvraag, laad_parameters(jaar))
    u = off.UITVOER
    r.zet(f"A{rij}", "Individuele of preventieve aanvraag", "kop")
    r.kopregel(rij + 1)
    rij += 2
    r.zet(f"A{rij}", 1)
    for kol, ref in (("B", "D7"), ("C", "J7"), ("D", "P7")):
        r.zet(f"{kol}{rij}", excel_getal(f.get(cg, ref)))
    py = _python_waarden(res, 0)
    formulier = {
        "uitkomst": f.get(oi, u.label),
        "meerzorguren": f.get(oi, u.meerzorguren),
        "jaarbedrag": f.get(vb, u.totaal_jaarbedrag),
        "etmaalbedrag": f.get(oi, u.etmaalbedrag),
    }
    for naam in KOLOMMEN:
        r.uitkomst(rij, naam, formulier[naam], py[naam])
    r.zet(f"Q{rij}", py["beleid"])
    rij += 1
    r.zet(f"A{rij}", "Totaal", "kop")
    r.uitkomst(rij, "jaarbedrag", f.get(vb, u.totaal_jaarbedrag), py["jaarbedrag"])
    r.uitkomst(rij, "etmaalbedrag", f.get(vb, u.totaal_etmaalbedrag), py["etmaalbedrag"])
    rij += 2
    r.zet(f"A{rij}", "Meldingen (niveau, veld, tekst)", "kop")
    rij += 1
    rij += r.meldingen(rij, _meldingen(res))
    return rij + 1


def _groep(r: Rapport, f: Formulier, jaar: int, rij: int) -> int:
    b = f.bladen
    vb, cg, gr = b["voorblad"], b["clientgegevens"], b["groep"]
    groep_type = OFFICIELE_TYPES[GROEP]

    def get(blad: str, ref: str) -> object:  # the group part is read as a group (type not chosen yet)
        return groep_type if (blad, ref) == (vb, off.VOORBLAD_VELDEN["type"]) else f.get(blad, ref)

    aanvraag, gebruikt = off.lees_officieel(get, jaar, b)
    res = bereken(aanvraag, laad_parameters(jaar))
    index = {crij: i for i, crij in enumerate(gebruikt)}
    u = off.UITVOER
    r.zet(f"A{rij}", "Groepsaanvraag", "kop")
    r.kopregel(rij + 1)
    rij += 2
    for nr, crij in enumerate(off.CLIENT_RIJEN, start=1):
        grij = crij + off.GROEP_RIJ_OFFSET
        r.zet(f"A{rij}", nr)
        for kol, c in (("B", "D"), ("C", "J"), ("D", "P")):
            r.zet(f"{kol}{rij}", excel_getal(f.get(cg, f"{c}{crij}")))
        q = f.get(gr, f"{u.groep_jaarbedrag_profiel}{grij}")
        maatwerk = isinstance(q, str) and q.strip().lower() == "maatwerk"
        jb = u.groep_jaarbedrag_maatwerk if maatwerk else u.groep_jaarbedrag_profiel
        py = _python_waarden(res, index.get(crij))
        formulier = {
            "uitkomst": f.get(gr, f"{u.groep_label}{grij}"),
            "meerzorguren": f.get(gr, f"{u.groep_meerzorguren}{grij}"),
            "jaarbedrag": f.get(gr, f"{jb}{grij}"),
            "etmaalbedrag": f.get(gr, f"{u.groep_etmaalbedrag}{grij}"),
        }
        for naam in KOLOMMEN:
            r.uitkomst(rij, naam, formulier[naam], py[naam])
        r.zet(f"Q{rij}", py["beleid"])
        rij += 1
    r.zet(f"A{rij}", "Totaal", "kop")
    r.uitkomst(rij, "jaarbedrag", f.get(vb, u.totaal_jaarbedrag), _totaal(res, res.totaal_jaarbedrag))
    r.uitkomst(rij, "etmaalbedrag", f.get(vb, u.totaal_etmaalbedrag), _totaal(res, res.totaal_etmaalbedrag))
    rij += 2
    r.zet(f"A{rij}", "Meldingen groep (niveau, veld, tekst)", "kop")
    rij += 1
    rij += r.meldingen(rij, _meldingen(res))
    return rij + 1


def rapport(f: Formulier) -> Rapport:
    """Every cell the script writes for form ``f`` (B4, B5 and the report from row 7)."""
    r = Rapport()
    vb = f.bladen["voorblad"]
    r.zet("B5", excel_getal(f.get(vb, off.VERSIE_CEL)))
    jaar = _jaar(f)
    if jaar not in beschikbare_jaren():
        jaren = ", ".join(map(str, beschikbare_jaren()))
        r.zet("B4", f"xl-meerzorg {__version__}")
        r.zet(f"A{EERSTE_RIJ}", FOUT)
        r.zet(f"C{EERSTE_RIJ}", f"Versie van het formulier onbekend of zonder parameterset (Voorblad {off.VERSIE_CEL}); beschikbaar: {jaren}.")
        return r
    r.zet("B4", f"xl-meerzorg {__version__}; parameterset {laad_parameters(jaar).versie}")
    type_ = f.get(vb, off.VOORBLAD_VELDEN["type"])
    type_ = type_.strip().lower() if isinstance(type_, str) else ""
    rij = EERSTE_RIJ
    if "groep" in type_:
        _groep(r, f, jaar, rij)
    elif type_:
        _individueel(r, f, jaar, rij)
    else:  # type not chosen yet: both layouts, as koppel
        rij = _individueel(r, f, jaar, rij)
        _groep(r, f, jaar, rij + 1)
    return r


def vorige_laatste_rij(blad) -> int:
    """The last filled row of the report area (a previous, possibly longer report)."""
    blok = _rijen(blad[f"A{EERSTE_RIJ}:{kolom_letters(KOLOM_AANTAL - 1)}{EERSTE_RIJ + RAPPORT_RIJEN_MIN - 1}"].value)
    laatste = EERSTE_RIJ - 1
    for i, rij in enumerate(blok):
        if any(v is not None and v != "" for v in rij):
            laatste = EERSTE_RIJ + i
    return laatste


def fout_rapport(tekst: str) -> Rapport:
    r = Rapport()
    r.zet(f"A{EERSTE_RIJ}", FOUT)
    r.zet(f"C{EERSTE_RIJ}", tekst)
    return r


def controleer(book) -> Rapport:
    """The script: read the form in ``book``, write the engine's check into Python-controle.

    A form that cannot be read gives one fout row with the reason (the script does not stop)."""
    try:
        blad = book.sheets[PYTHON_BLAD]
    except Exception as exc:  # noqa: BLE001
        raise LookupError(f"Blad '{PYTHON_BLAD}' ontbreekt: maak de kopie opnieuw met xl-meerzorg koppel --lite.") from exc
    bladen = bladen_van(book)
    f = Formulier(lambda naam: book.sheets[naam][_blok_adres()].value, bladen)
    try:
        r = rapport(f)
    except LeesFout as exc:
        r = fout_rapport(str(exc))
    except Exception as exc:  # noqa: BLE001 - the script reports, like the UDFs, instead of stopping
        r = fout_rapport(f"Interne fout bij het rekenen ({type(exc).__name__}: {exc}).")
    r.cellen.setdefault("B4", f"xl-meerzorg {__version__}")
    laatste = max(r.laatste_rij, vorige_laatste_rij(blad), EERSTE_RIJ)
    blad["B4"].value = r.cellen.get("B4")
    blad["B5"].value = r.cellen.get("B5")
    blad[f"A{EERSTE_RIJ}:{kolom_letters(KOLOM_AANTAL - 1)}{laatste}"].value = r.blok(EERSTE_RIJ, laatste)
    return r
