"""Fixtures: filled official forms (and the same forms with changed inputs), recalculated by ONE
LibreOffice batch, their -lite copies, and main.py run on them under CPython and Pyodide."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.koppel.conftest import WIJZIGINGEN
from tests.koppel.gevallen import GEVALLEN, REFERENCE, TEMPLATES, vul_in
from tests.support.werkmap import wijzig_werkmap
from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook import officieel as off

BLADEN = [*off.OFFICIELE_BLADEN.values(), "Python-controle"]


def _gegenereerd() -> dict[str, dict]:
    """Generated official forms as tests/officieel fills them (identity fields, pauses,
    VV7/VV8 with behandeling Nee, groups of 2..17 clients); fixed seed."""
    import random

    from tests.support.officieel_invullen import groep, individueel
    from xl_meerzorg.parameters import laad_parameters

    rng = random.Random(20261201)
    uit = {}
    for jaar in (2025, 2026):
        uit[f"gen-ind-{jaar}"] = individueel(rng, jaar, "individueel")
        uit[f"gen-prev-{jaar}"] = individueel(rng, jaar, "preventief")
        uit[f"gen-pauze-{jaar}"] = individueel(rng, jaar, "individueel", pauzes=True)
        a = individueel(rng, jaar, "individueel", pauzes=True)
        pc = laad_parameters(jaar).prestatiecodes["Z071"]
        a["clienten"][0].update(zorgprofiel=pc.zorgprofiel, behandeling=pc.behandeling, dagbesteding=pc.dagbesteding)
        uit[f"gen-Z071-{jaar}"] = a
        uit[f"gen-groep-{jaar}"] = groep(rng, jaar, rng.randint(2, 17))
    return uit


GEGENEREERD = _gegenereerd()


def wijzig_cellen(cellen: dict, wijzigingen: list) -> dict:
    """The same changes on cell data as xlwings Lite passes it (Excel serials)."""
    uit = {b: dict(c) for b, c in cellen.items()}
    for blad, cel, waarde in wijzigingen:
        if isinstance(waarde, str) and waarde.startswith("+"):
            h, m = waarde[1:].split(":")
            uit[blad][cel] = (uit[blad].get(cel) or 0.0) + (int(h) * 60 + int(m)) / 1440
        elif isinstance(waarde, str) and ":" in waarde:
            h, m = waarde.split(":")
            uit[blad][cel] = (int(h) * 60 + int(m)) / 1440
        else:
            uit[blad][cel] = float(waarde) if isinstance(waarde, (int, float)) else waarde
    return uit


@pytest.fixture(scope="session")
def formulieren(tmp_path_factory) -> dict[str, Path]:
    """name -> filled official form with official cached values; "<name>-gewijzigd": the same
    form with the inputs of WIJZIGINGEN changed, also recalculated (one LibreOffice batch)."""
    if not all(p.exists() for p in TEMPLATES.values()):
        pytest.skip(f"officiële rekentools niet gevonden in {REFERENCE} (../shared/reference ontbreekt)")
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; nodig om formulieren te herberekenen")
    root = tmp_path_factory.mktemp("lite-formulieren")
    from tests.support.officieel_invullen import vul_in as vul_in_aanvraag

    ingevuld = [vul_in(geval, root / "in" / f"{naam}.xlsx") for naam, geval in GEVALLEN.items()]
    ingevuld += [vul_in_aanvraag(a, root / "in" / f"{naam}.xlsx") for naam, a in GEGENEREERD.items()]
    gewijzigd = [
        wijzig_werkmap(root / "in" / f"{naam}.xlsx", root / "in" / f"{naam}-gewijzigd.xlsx", w) for naam, w in WIJZIGINGEN.items()
    ]
    uit = recalculate(ingevuld + gewijzigd, root / "herberekend")
    return {p.stem: p for p in uit}


@pytest.fixture(scope="session")
def lite(tmp_path_factory, formulieren) -> dict[str, Path]:
    """name -> -lite copy of the filled form."""
    from xl_meerzorg.workbook.koppel import koppel_bestand

    uit = tmp_path_factory.mktemp("lite-kopieen")
    return {naam: koppel_bestand(formulieren[naam], uit, lite=True).doel for naam in [*GEVALLEN, *GEGENEREERD]}


@pytest.fixture(scope="session")
def gevallen(formulieren, lite) -> dict[str, dict]:
    """Run cases: name -> cells as xlwings Lite passes them. "<name>": the copy as is;
    "<name>-invoer": inputs changed without recalculating the form (only the engine follows);
    "<name>-herberekend": the form recalculated after the change (its own values follow too)."""
    from tests.lite.draai import cellen_van

    uit = {}
    for naam in [*GEVALLEN, *GEGENEREERD]:
        uit[naam] = cellen_van(lite[naam], BLADEN)
    for naam, w in WIJZIGINGEN.items():
        uit[f"{naam}-invoer"] = wijzig_cellen(uit[naam], w)
        herberekend = cellen_van(formulieren[f"{naam}-gewijzigd"], BLADEN)
        herberekend["Python-controle"] = dict(uit[naam]["Python-controle"])
        uit[f"{naam}-herberekend"] = herberekend
    return uit


def _draai(gevallen: dict[str, dict], pyodide: bool) -> dict[str, dict]:
    from tests.lite.draai import draai
    from tests.lite.udf_aanroepen import aanroepen
    from xl_meerzorg.workbook.lite.genereer import main_py

    namen = sorted(gevallen)
    uit = draai(main_py(), [(gevallen[n], aanroepen(gevallen[n])) for n in namen], pyodide=pyodide)
    return dict(zip(namen, uit))


@pytest.fixture(scope="session")
def cpython(gevallen) -> dict[str, dict]:
    return _draai(gevallen, pyodide=False)


@pytest.fixture(scope="session")
def pyodide(gevallen) -> dict[str, dict]:
    from tests.lite.draai import pyodide_map

    if pyodide_map() is None or shutil.which("node") is None:
        melding = "npm-pakket pyodide (de versie van de kopie) of node ontbreekt; installeer met .ci/run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(melding)
        pytest.skip(melding)
    return _draai(gevallen, pyodide=True)
