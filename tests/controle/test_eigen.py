"""This project's providers' form (workbook.bouw), filled and recalculated by LibreOffice."""

from __future__ import annotations

import pytest

from tests.controle.formulieren import gevallen, vul_in
from tests.controle.maak import deel_van, herschrijf, zet_formule
from tests.support.libreoffice import recalculate, soffice
from workbook.controle.controleer import controleer_bestand
from workbook.officieel import EIGEN_BLADEN

bouw = pytest.importorskip("workbook.bouw", reason="workbook.bouw (het eigen formulier) is nog niet beschikbaar")
if not hasattr(bouw, "bouw_variant"):
    pytest.skip("workbook.bouw heeft (nog) geen bouw_variant", allow_module_level=True)
AANBIEDER = getattr(bouw, "AANBIEDER", "aanbieder")


@pytest.fixture(scope="module")
def eigen(tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    tmp = tmp_path_factory.mktemp("eigen")
    leeg = bouw.bouw_variant(2026, AANBIEDER, tmp / "leeg")
    ruw = [vul_in(a, tmp / "ruw" / f"eigen-{n}.xlsx", bron=leeg, bladen=EIGEN_BLADEN) for n, a in gevallen(2026).items()]
    paden = {p.stem: p for p in recalculate(ruw, tmp / "herberekend")}
    paden["leeg"] = leeg
    ind = paden["eigen-individueel"]
    paden["formule"] = herschrijf(ind, tmp / "formule.xlsx", {deel_van(ind, "Overzicht individueel"): zet_formule("E41", "E39/300")})
    return paden


@pytest.mark.parametrize("naam", ["eigen-individueel", "eigen-preventief", "eigen-groep"])
def test_eigen_formulier_ok(eigen, naam):
    u = controleer_bestand(eigen[naam])
    assert u["formulier"] == "eigen" and u["variant"] == AANBIEDER and u["jaar"] == 2026
    assert u["status"] == "OK", u["bevindingen"]


def test_eigen_formulier_gewijzigde_formule(eigen):
    u = controleer_bestand(eigen["formule"])
    assert [(f["soort"], f["cel"]) for f in u["bevindingen"] if f["niveau"] == "afwijking"] == [("formule", "Overzicht individueel!E41")]


def test_leeg_eigen_formulier_zonder_herberekening(eigen):
    u = controleer_bestand(eigen["leeg"])
    assert u["formulier"] == "eigen"
    assert "herberekening" in [f["soort"] for f in u["bevindingen"]]
