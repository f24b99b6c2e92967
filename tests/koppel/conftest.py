"""Shared fixtures: filled official forms recalculated with ONE LibreOffice batch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.koppel.gevallen import GEVALLEN, REFERENCE, TEMPLATES, vul_in
from tests.support.werkmap import wijzig_werkmap
from tests.support.libreoffice import recalculate, soffice


def _vereist_reference() -> None:
    if not all(p.exists() for p in TEMPLATES.values()):
        pytest.skip(f"officiële rekentools niet gevonden in {REFERENCE} (../shared/reference ontbreekt)")


def _vereist_soffice() -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd; nodig om formulieren te herberekenen")


@pytest.fixture(scope="session")
def templates() -> dict[int, Path]:
    _vereist_reference()
    return TEMPLATES


@pytest.fixture(scope="session")
def formulieren(tmp_path_factory, templates) -> dict[str, Path]:
    """name -> filled official form with official cached values (one LibreOffice batch)."""
    _vereist_soffice()
    root = tmp_path_factory.mktemp("formulieren")
    ingevuld = [vul_in(geval, root / "in" / f"{naam}.xlsx") for naam, geval in GEVALLEN.items()]
    uit = recalculate(ingevuld, root / "herberekend")
    return {p.stem: p for p in uit}


@pytest.fixture(scope="session")
def gekoppeld(tmp_path_factory, formulieren) -> dict[str, tuple[Path, Path]]:
    """name -> (form, koppel copy)."""
    from xl_meerzorg.workbook.koppel import koppel_bestand

    uit = tmp_path_factory.mktemp("gekoppeld")
    return {naam: (pad, koppel_bestand(pad, uit).doel) for naam, pad in formulieren.items()}


WIJZIGINGEN = {
    # name -> [(sheet, cell, new value)]: inputs changed in the copy after koppel
    "ind2026_maatwerk": [("Aanvraag individueel", "I5", "+2:00"), ("Clientgegevens", "N7", "Nee")],
    "ind2026_profiel": [("Aanvraag individueel", "I6", "+4:00"), ("Voorblad", "C17", 0.9)],
    "prev2026": [("Aanvraag individueel", "D18", "20:00")],
    "groep2026": [("Aanvraag-overzicht groep", "D19", "+20:00"), ("Aanvraag-overzicht groep", "F21", "+5:00")],
    "groep2025": [("Aanvraag-overzicht groep", "E20", "+10:00"), ("Voorblad", "C17", 0.93)],
}


@pytest.fixture(scope="session")
def na_wijziging(tmp_path_factory, gekoppeld) -> dict[str, tuple[Path, Path]]:
    """One LibreOffice batch over (a) every koppel copy as is and (b) copies with changed inputs.

    Returns name -> (converted copy, recalculated changed copy or None); "<name>-gewijzigd" keys
    hold (changed copy before LibreOffice, after LibreOffice)."""
    root = tmp_path_factory.mktemp("wijziging")
    gewijzigd = {}
    for naam, wijzigingen in WIJZIGINGEN.items():
        pad = wijzig_werkmap(gekoppeld[naam][1], root / "in" / f"{naam}-gewijzigd.xlsx", wijzigingen)
        gewijzigd[naam] = pad
    kopieen = [root / "in" / k.name for _, k in gekoppeld.values()]
    for (_, k), doel in zip(gekoppeld.values(), kopieen):
        shutil.copy(k, doel)
    uit = recalculate(kopieen + list(gewijzigd.values()), root / "uit")
    per_stam = {p.stem: p for p in uit}
    result = {naam: (per_stam[k.stem], None) for naam, (_, k) in gekoppeld.items()}
    for naam, pad in gewijzigd.items():
        result[f"{naam}-gewijzigd"] = (pad, per_stam[pad.stem])
    return result
