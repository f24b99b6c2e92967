"""Filled official forms, recalculated by ONE LibreOffice batch (session scope)."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from tests.controle.formulieren import REFERENCE, TEMPLATES, gevallen, vul_in
from tests.controle.maak import deel_van, herschrijf, zet_formule, zet_waarde
from tests.support.libreoffice import recalculate, soffice


def extra_gevallen() -> dict[str, dict]:
    g = gevallen(2026)
    gat = copy.deepcopy(g["groep"])
    gat["clienten"][1]["rij"] = 7
    gat["clienten"][0]["rij"] = 9  # row 8 stays empty
    gat["clienten"][2]["rij"] = 10
    tekst = copy.deepcopy(g["individueel"])
    tekst["clienten"][0]["nachtzorg"] = None
    tekst["overschrijf"] = {("Aanvraag individueel", "I5"): "vier uur", ("Aanvraag individueel", "V5"): "veel"}
    # Text the engine reads but the official rekentool cannot use (the cell holds text, as
    # when a provider pastes or types it into a text-formatted cell)
    nacht = copy.deepcopy(g["individueel"])
    nacht["overschrijf"] = {("Aanvraag individueel", "I5"): "10:30"}
    velden = copy.deepcopy(g["individueel"])
    velden["overschrijf"] = {
        ("Voorblad", "C17"): "95%", ("Voorblad", "G41"): "12", ("Clientgegevens", "F7"): "01-05-1960",
        ("Aanvraag individueel", "D17"): "16:00", ("Aanvraag individueel", "J16"): "1", ("Aanvraag individueel", "V6"): "250",
        ("Aanvraag individueel", "I7"): " ", ("Clientgegevens", "R7"): " ",
    }  # fmt: skip
    herken = copy.deepcopy(g["individueel"])
    herken["overschrijf"] = {
        ("Clientgegevens", "J7"): "vg7 ", ("Clientgegevens", "L7"): " Ja", ("Clientgegevens", "N7"): "ja",
        ("Aanvraag individueel", "H16"): "Wonen ", ("Aanvraag individueel", "T16"): "wonen",
    }  # fmt: skip
    groep = copy.deepcopy(g["groep"])
    groep["overschrijf"] = {
        ("Voorblad", "C23"): "groep", ("Aanvraag-overzicht groep", "D20"): "55:30",
        ("Aanvraag-overzicht groep", "C11"): "20000", ("Clientgegevens", "T9"): "1-2-2026",
    }  # fmt: skip
    return {
        "groep-gat-2026": gat, "tekst-2026": tekst, "tekst-nachtzorg-2026": nacht, "tekst-velden-2026": velden,
        "herkenning-2026": herken, "groep-tekst-2026": groep,
    }  # fmt: skip


@pytest.fixture(scope="session")
def formulieren(tmp_path_factory) -> dict[str, Path]:
    if not all(p.exists() for p in TEMPLATES.values()):
        pytest.skip(f"officiële rekentools ontbreken in {REFERENCE}")
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    tmp = tmp_path_factory.mktemp("controle")
    ruw = []
    for jaar in (2025, 2026):
        for naam, aanvraag in gevallen(jaar).items():
            ruw.append(vul_in(aanvraag, tmp / "ruw" / f"{naam}-{jaar}.xlsx"))
    for naam, aanvraag in extra_gevallen().items():
        p = vul_in(aanvraag, tmp / "ruw" / f"{naam}.xlsx")
        if aanvraag.get("overschrijf"):
            import openpyxl

            wb = openpyxl.load_workbook(p)
            for (blad, cel), waarde in aanvraag["overschrijf"].items():
                wb[blad][cel] = waarde  # a str stays text
            wb.save(p)
        ruw.append(p)
    uit = recalculate(ruw, tmp / "herberekend")
    paden = {p.stem: p for p in uit}
    paden["zonder-herberekening"] = ruw[0]  # saved by openpyxl: no cached values at all
    ind = paden["individueel-2026"]
    voorblad = deel_van(ind, "Voorblad")
    overzicht = deel_van(ind, "Overzicht individueel ")
    paden["verouderd-2026"] = herschrijf(ind, tmp / "verouderd-2026.xlsx", {voorblad: zet_waarde("C17", "0.5")})
    paden["formule-2026"] = herschrijf(ind, tmp / "formule-2026.xlsx", {overzicht: zet_formule("E41", "E39/300")})
    paden["macro-2026"] = herschrijf(ind, tmp / "macro-2026.xlsm", {}, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 Sub AutoOpen(): Shell \"calc\": End Sub"})
    map_ = tmp / "map" / "sub"
    map_.mkdir(parents=True)
    shutil.copy(paden["groep-2026"], map_ / "groep.xlsx")
    shutil.copy(paden["preventief-2025"], tmp / "map" / "preventief.xlsx")
    (tmp / "map" / "~$groep.xlsx").write_bytes(b"lock")
    (tmp / "map" / "notitie.txt").write_text("geen formulier")
    paden["map"] = tmp / "map"
    return paden
