"""main.py of a -lite copy, executed with a stand-in xlwings under CPython (isolated, without the
installed project) and under Pyodide in node: the script "Controleer formulier" writes the
official form's values, the engine's values (to the cent and the second equal to the official
ones) and the differences, follows changed inputs like the engine, and the UDFs give what
udfs/meerzorg.py gives."""

from __future__ import annotations

import math

import pytest

from tests.koppel.conftest import WIJZIGINGEN
from tests.lite.conftest import GEGENEREERD
from tests.koppel.gevallen import GEVALLEN
from tests.lite.udf_aanroepen import aanroepen
from xl_meerzorg import bereken
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.model import FOUT, VALT_BINNEN
from xl_meerzorg.parameters import laad_parameters
from xl_meerzorg.workbook import officieel as off

GEVULD = [n for n, g in GEVALLEN.items() if g.get("type")] + list(GEGENEREERD)
PC = "Python-controle"
# Python column -> (form column, kind, ClientResultaat field)
PAREN = {"F": ("E", "tekst", "uitkomst_label"), "I": ("H", "tijd", "meerzorguren"), "L": ("K", "euro", "jaarbedrag"), "O": ("N", "euro", "etmaalbedrag")}
VERSCHIL = {"F": "G", "I": "J", "L": "M", "O": "P"}


def _getal(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def gelijk(a: object, b: object, soort: str) -> bool:
    """Equal as the form shows it: to the cent, to the second, or the same text (None = '')."""
    if _getal(a) and _getal(b):
        return seconds(a) == seconds(b) if soort == "tijd" else cents(a) == cents(b)
    if soort == "euro" and not _getal(a) and not _getal(b):
        return True  # no amount on either side ("Maatwerk"/"Niet meerzorg waardig" vs "")
    return ("" if a is None else a) == ("" if b is None else b)


def engine(cellen: dict):
    """The engine (installed project) on the same cells, read as the checker reads a form."""
    get = lambda blad, ref: cellen.get(blad, {}).get(ref)  # noqa: E731
    jaar = off.jaar_uit_versie(get(off.VOORBLAD, off.VERSIE_CEL))
    groep = "groep" in str(get(off.VOORBLAD, "C23") or "").lower()
    aanvraag, rijen = off.lees_officieel(get, jaar)
    return bereken(aanvraag, laad_parameters(jaar)), rijen, groep, jaar


def python_waarde(c, veld: str) -> object:
    """What the sheet shows for a ClientResultaat field ("" when not applicable)."""
    v = getattr(c, veld)
    if veld == "meerzorguren" and v is None:
        return VALT_BINNEN if c.uitkomst == VALT_BINNEN else None
    return None if v is None or v == "" else v


def rij_van_client(groep: bool) -> dict[int, int]:
    """Clientgegevens row -> row on Python-controle."""
    return {crij: 9 + i for i, crij in enumerate(off.CLIENT_RIJEN)} if groep else {7: 9}


def controleer_rapport(uit: dict, cellen: dict, met_formulier: bool = True) -> None:
    """The cells main.py wrote equal the engine's result on ``cellen``; with ``met_formulier``
    the Python values also equal the official values of the form (to the cent / second)."""
    pc = uit["cellen"][PC]
    res, rijen, groep, jaar = engine(cellen)
    fouten = []
    fout = next((m.tekst for m in res.meldingen if m.niveau == FOUT), None)
    for crij, rij in rij_van_client(groep).items():
        gebruikt = crij in rijen
        for kol, (fkol, soort, veld) in PAREN.items():
            python = pc.get(f"{kol}{rij}")
            if not gebruikt:
                verwacht = None
            elif fout:
                n = sum(m.niveau == FOUT for m in res.meldingen)
                verwacht = f"Fout: {fout}" + (f" (+{n - 1})" if n > 1 else "")
            else:
                verwacht = python_waarde(res.clienten[rijen.index(crij)], veld)
            if python != verwacht:
                fouten.append(f"{kol}{rij}: Python {python!r} != rekenkern {verwacht!r}")
            formulier = pc.get(f"{fkol}{rij}")
            if _getal(formulier) and _getal(python) and pc.get(f"{VERSCHIL[kol]}{rij}") != python - formulier:
                fouten.append(f"{VERSCHIL[kol]}{rij}: verschil {pc.get(f'{VERSCHIL[kol]}{rij}')!r} != {python - formulier!r}")
            if met_formulier and gebruikt and not gelijk(formulier, python, soort):
                fouten.append(f"{kol}{rij}: Python {python!r} != formulier {formulier!r}")
    # the form's own values, as read from its cells
    u = off.UITVOER
    if groep:
        bron = {"E": (off.GROEP, u.groep_label), "H": (off.GROEP, u.groep_meerzorguren), "N": (off.GROEP, u.groep_etmaalbedrag)}
        for crij, rij in rij_van_client(True).items():
            for kol, (blad, k) in bron.items():
                if pc.get(f"{kol}{rij}") != cellen[blad].get(f"{k}{crij + off.GROEP_RIJ_OFFSET}"):
                    fouten.append(f"{kol}{rij}: formulierwaarde {pc.get(f'{kol}{rij}')!r}")
    else:
        bron = {"E": (off.OVERZICHT_IND, u.label), "H": (off.OVERZICHT_IND, u.meerzorguren), "K": (off.VOORBLAD, "G37"), "N": (off.OVERZICHT_IND, u.etmaalbedrag)}
        for kol, (blad, ref) in bron.items():
            if pc.get(f"{kol}9") != cellen[blad].get(ref):
                fouten.append(f"{kol}9: formulierwaarde {pc.get(f'{kol}9')!r} != {blad}!{ref} {cellen[blad].get(ref)!r}")
    # totals and messages
    totaal = 26 if groep else 10
    assert pc.get(f"A{totaal}") == "Totaal"
    assert pc.get(f"K{totaal}") == cellen[off.VOORBLAD].get("G37")
    assert pc.get(f"N{totaal}") == cellen[off.VOORBLAD].get("G39")
    if not fout:
        tj = res.totaal_jaarbedrag if groep else res.clienten[0].jaarbedrag
        te = res.totaal_etmaalbedrag if groep else res.clienten[0].etmaalbedrag
        assert pc.get(f"L{totaal}") == tj and pc.get(f"O{totaal}") == te
        if met_formulier:
            assert gelijk(pc.get(f"K{totaal}"), tj, "euro") and gelijk(pc.get(f"N{totaal}"), te, "euro")
    start = totaal + 3
    meldingen = [[m.niveau, m.veld, m.tekst] for m in res.meldingen] or [["Geen meldingen", None, None]]
    geschreven = [[pc.get(f"{k}{start + i}") for k in "ABC"] for i in range(len(meldingen))]
    assert geschreven == [[a, b or None, c or None] for a, b, c in meldingen]
    assert pc.get(f"A{start + len(meldingen)}") is None
    assert pc["B4"] == f"xl-meerzorg 0.1.0; parameterset {laad_parameters(jaar).versie}"
    assert not fouten, "\n".join(fouten)


def _controle(uitvoer: dict, gevallen: dict, naam: str) -> None:
    basis = naam.split("-")[0]
    if basis in GEVALLEN and not GEVALLEN[basis].get("type"):
        return
    controleer_rapport(uitvoer[naam], gevallen[naam], met_formulier=not naam.endswith("-invoer"))


@pytest.mark.parametrize("naam", GEVULD + [f"{n}-invoer" for n in WIJZIGINGEN] + [f"{n}-herberekend" for n in WIJZIGINGEN])
def test_cpython_schrijft_de_controle(cpython, gevallen, naam):
    _controle(cpython, gevallen, naam)


@pytest.mark.parametrize("naam", GEVULD + [f"{n}-invoer" for n in WIJZIGINGEN] + [f"{n}-herberekend" for n in WIJZIGINGEN])
def test_pyodide_schrijft_de_controle(pyodide, gevallen, naam):
    _controle(pyodide, gevallen, naam)


def test_pyodide_is_de_versie_van_de_kopie_en_gelijk_aan_cpython(pyodide, cpython):
    from xl_meerzorg.workbook.lite.pakket import PYODIDE_VERSIE

    for naam, uit in pyodide.items():
        assert uit["pyodide"] == PYODIDE_VERSIE
        assert uit["python"].startswith("3.12.")
        assert uit["cellen"][PC] == cpython[naam]["cellen"][PC], naam
        assert uit["udf"] == cpython[naam]["udf"], naam


def test_wijziging_wordt_gevolgd(cpython, gevallen):
    """A changed input changes the Python values (and only the engine follows without recalculation)."""
    for naam in WIJZIGINGEN:
        oud, nieuw = cpython[naam]["cellen"][PC], cpython[f"{naam}-invoer"]["cellen"][PC]
        gewijzigd = [k for k in oud if k[0] in "FILOQ" and oud.get(k) != nieuw.get(k)]
        assert gewijzigd, naam
        # the form's own values are those of the (not recalculated) form: unchanged
        assert all(oud.get(k) == nieuw.get(k) for k in oud if k[0] in "EHKN" and k[1:].isdigit() and int(k[1:]) >= 9)


def test_ongewijzigd_blijft_de_bewaarde_controle(cpython, gevallen):
    """On the copy as it is, the script writes what the copy already shows (koppel-time values;
    numbers equal to the cent / second: koppel read the times through calamine)."""
    for naam in [*GEVALLEN, *GEGENEREERD]:
        oud, nieuw = gevallen[naam][PC], cpython[naam]["cellen"][PC]
        assert set(oud) == set(nieuw), naam
        for k, v in oud.items():
            if _getal(v) and _getal(nieuw[k]):
                assert math.isclose(v, nieuw[k], rel_tol=0, abs_tol=1e-6), (naam, k, v, nieuw[k])
            else:
                assert v == nieuw[k], (naam, k)


def test_udfs_gelijk_aan_udfs_module(cpython, gevallen):
    """Every MZ_ function of main.py gives what udfs/meerzorg.py gives for the same cells."""
    from xl_meerzorg.udfs import meerzorg

    for naam, uit in cpython.items():
        verwacht = [getattr(meerzorg, n)(*args) for n, args in aanroepen(gevallen[naam])]
        assert uit["udf"] == verwacht, naam
    assert sorted(n for n in meerzorg.__all__ if n.startswith("MZ_")) == cpython["groep2026"]["functies"]


def test_alles_uit_main_py(cpython, pyodide):
    """The engine ran from main.py itself: every xl_meerzorg module came from the embedded sources."""
    for uit in (*cpython.values(), *pyodide.values()):
        assert uit["herkomst"], "geen modules geladen"
        assert all(h.startswith("xl-meerzorg-lite:") for h in uit["herkomst"].values()), uit["herkomst"]


def test_leeg_formulier_toont_beide_delen_met_fout(cpython):
    pc = cpython["leeg2026"]["cellen"][PC]
    assert pc["A7"] == "Individuele of preventieve aanvraag"
    assert str(pc["F9"]).startswith("Fout: ")
    assert "Groepsaanvraag" in [pc.get(f"A{r}") for r in range(12, 40)]
