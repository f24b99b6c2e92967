"""The staff form (variant zorgkantoor-udf): its UDF cells give the engine's results.

Every UDF call of the built form is evaluated by calling the function of
``xl_meerzorg.udfs.meerzorg`` with the values of the cells it references, as Excel/xlwings passes
them (a single cell as its value, a range as a 2-D list). This is the fast check of the
UDF arguments (40 cases a year in a second or two).

The form itself, evaluated by the ``formulas`` library with the UDFs registered as custom
functions, is tested in ``test_udf_formulas.py``. ``formulas`` handles the whole staff
form (1,287 formulas, including the helper chains with SUMPRODUCT over array constants,
INDEX(range,row,0) and long IF chains; loading it takes some 15-25 s, a case about 3 s);
the UDF cells need only a subgraph of 114 of those formulas, which that test evaluates
per case, and the Voorblad messages about 1,150, evaluated there for a few cases.
"""

from __future__ import annotations

import random
import re

import pytest

from tests.workbook.gevallen import gevallen
from tests.workbook.invullen import engine
from xl_meerzorg.workbook.bouw import formules
from xl_meerzorg.workbook.layout import GROEP, OVERZICHT_IND, TYPE_GROEP, VOORBLAD, ZORGKANTOOR_UDF
from xl_meerzorg import beschikbare_jaren, laad_parameters
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.model import VALT_BINNEN

udf = pytest.importorskip("xl_meerzorg.udfs.meerzorg")

JAREN = beschikbare_jaren()
AANROEP = re.compile(r"(MZ_[A-Z]+)\(([^()]*)\)")
REF = re.compile(r"^(?:(?:'([^']+)'|([A-Za-z][\w.]*))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$")


def _kol(c: str) -> int:
    n = 0
    for ch in c:
        n = n * 26 + ord(ch) - 64
    return n


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def waarde(arg: str, blad: str, cellen: dict):
    if arg.startswith('"'):
        return arg[1:-1].replace('""', '"')
    if re.fullmatch(r"-?\d+(\.\d+)?", arg):
        return float(arg) if "." in arg else int(arg)
    m = REF.match(arg)
    assert m, arg
    sheet = m.group(1) or m.group(2) or blad
    c1, r1, c2, r2 = m.group(3), int(m.group(4)), m.group(5), m.group(6)
    if c2 is None:
        return cellen.get((sheet, f"{c1}{r1}"))
    return [[cellen.get((sheet, f"{_letters(c)}{r}")) for c in range(_kol(c1), _kol(c2) + 1)] for r in range(r1, int(r2) + 1)]


def roep(formule: str, blad: str, cellen: dict):
    """The value of the (last) UDF call in a formula."""
    naam, args = AANROEP.findall(formule)[-1]
    return getattr(udf, naam)(*[waarde(a, blad, cellen) for a in args.split(",")])


@pytest.mark.parametrize("jaar", JAREN)
def test_udf_cellen_rekenen_als_engine(jaar):
    p = laad_parameters(jaar)
    f = formules(jaar, ZORGKANTOOR_UDF)
    steekproef = random.Random(jaar).sample(gevallen(p, 200), 40)
    for g in steekproef:
        res, rijen = engine(g, jaar)
        assert not res.heeft_fout, g.naam
        groep = g.cellen[(VOORBLAD, "C23")] == TYPE_GROEP
        for i, c in enumerate(res.clienten):
            if groep:
                r = rijen[i] + 12
                cel = lambda col: roep(f[(GROEP, f"{col}{r}")], GROEP, g.cellen)  # noqa: E731
                mz, label, uitkomst, etmaal = cel("O"), cel("P"), cel("T"), cel("V")
                jaarbedrag = cel("S") if c.uitkomst == "Maatwerk" else cel("Q")
            else:
                cel = lambda ref: roep(f[(OVERZICHT_IND, ref)], OVERZICHT_IND, g.cellen)  # noqa: E731
                mz, label, uitkomst, etmaal = cel("E38"), cel("C39"), cel("E42"), cel("E41")
                jaarbedrag = cel("E40") if c.uitkomst == "Maatwerk" else cel("E39")
            assert uitkomst == c.uitkomst, g.naam
            assert (label or None) == c.uitkomst_label, g.naam
            if c.meerzorguren is None:
                assert mz == VALT_BINNEN, g.naam
            else:
                assert seconds(mz) == seconds(c.meerzorguren), g.naam
            if c.jaarbedrag is None:
                assert jaarbedrag in ("", None), g.naam
            else:
                assert cents(jaarbedrag) == cents(c.jaarbedrag), g.naam
                assert cents(etmaal) == cents(c.etmaalbedrag), g.naam
        if groep:
            assert cents(roep(f[(GROEP, "Q36")], GROEP, g.cellen)) == cents(res.totaal_jaarbedrag)
            assert cents(roep(f[(GROEP, "V36")], GROEP, g.cellen)) == cents(res.totaal_etmaalbedrag)


def test_udf_cellen_verwijzen_naar_invoer():
    """Every reference of a UDF call is an input cell of the form (or a literal)."""
    from xl_meerzorg.workbook.layout import invoer as invoer_van

    jaar = JAREN[-1]
    invoer = {(i.blad, i.cel) for i in invoer_van(jaar)}
    for (blad, _cel), formule in formules(jaar, ZORGKANTOOR_UDF).items():
        for _naam, args in AANROEP.findall(formule):
            for a in args.split(","):
                m = REF.match(a)
                if not m:
                    continue
                sheet = m.group(1) or m.group(2) or blad
                c1, r1, c2, r2 = m.group(3), int(m.group(4)), m.group(5) or m.group(3), int(m.group(6) or m.group(4))
                for c in range(_kol(c1), _kol(c2) + 1):
                    for r in range(r1, r2 + 1):
                        assert (sheet, f"{_letters(c)}{r}") in invoer, (blad, a)
