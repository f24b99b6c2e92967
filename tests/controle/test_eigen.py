"""This project's providers' form (xl_meerzorg.workbook.bouw), filled and recalculated by LibreOffice."""

from __future__ import annotations

import pytest

from tests.controle.formulieren import zonder_nachtzorg

import copy

from tests.controle.formulieren import gevallen, vul_in
from tests.controle.maak import deel_van, herschrijf, reeks, zet_formule, zet_uitkomst, zet_waarde
from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook.controle.controleer import HERBEREKEND, Waarden, controleer_bestand
from xl_meerzorg.workbook.officieel import EIGEN_BLADEN
from xl_meerzorg.workbook.ooxml import open_pakket

bouw = pytest.importorskip("xl_meerzorg.workbook.bouw", reason="xl_meerzorg.workbook.bouw (het eigen formulier) is nog niet beschikbaar")
if not hasattr(bouw, "bouw_variant"):
    pytest.skip("xl_meerzorg.workbook.bouw heeft (nog) geen bouw_variant", allow_module_level=True)
AANBIEDER = getattr(bouw, "AANBIEDER", "aanbieder")


@pytest.fixture(scope="module")
def eigen(tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    tmp = tmp_path_factory.mktemp("eigen")
    leeg = bouw.bouw_variant(2026, AANBIEDER, tmp / "leeg")
    g = gevallen(2026)
    onvolledig = copy.deepcopy(g["individueel"])
    onvolledig["agb"] = None  # the form calculates, but says it is not complete
    tarief0 = copy.deepcopy(g["individueel"])
    tarief0["tariefpercentage"] = 0  # the form refuses to calculate (and the engine too)
    g.update({"onvolledig": onvolledig, "tarief0": tarief0})
    ruw = [vul_in(a, tmp / "ruw" / f"eigen-{n}.xlsx", bron=leeg, bladen=EIGEN_BLADEN) for n, a in g.items()]
    paden = {p.stem: p for p in recalculate(ruw, tmp / "herberekend")}
    paden["leeg"] = leeg
    ind = paden["eigen-individueel"]
    paden["formule"] = herschrijf(ind, tmp / "formule.xlsx", {deel_van(ind, "Overzicht individueel"): zet_formule("E41", "E39/300")})
    # What a form shows when it refused to calculate (as forms of an earlier version did
    # for text the engine reads, e.g. tarief "95%"): status and message on the Voorblad,
    # no results. Written into the cached values, so independent of the current builder.
    vb, oi = deel_van(ind, "Voorblad"), deel_van(ind, "Overzicht individueel")
    paden["geweigerd"] = herschrijf(ind, tmp / "geweigerd.xlsx", {
        vb: reeks(zet_uitkomst("B44", GEWEIGERD), zet_uitkomst("B45", "Algemeen: Het tariefpercentage (Voorblad C17) is geen getal."),
                  zet_uitkomst("G37", ""), zet_uitkomst("G39", "")),
        oi: reeks(*(zet_uitkomst(c, "") for c in ("E38", "C39", "E39", "E41"))),
    })  # fmt: skip
    ov = paden["eigen-onvolledig"]
    paden["onvolledig-verouderd"] = herschrijf(ov, tmp / "onvolledig-verouderd.xlsx", {deel_van(ov, "Voorblad"): zet_waarde("C17", "0.5")})
    return paden


GEWEIGERD = "Het formulier is nog niet volledig of bevat een fout; zie de melding hieronder. Er worden geen bedragen berekend."


def test_formulier_weigert_te_rekenen_geen_verouderd(eigen):
    """The form says on its Voorblad that it did not calculate: its message is reported,
    not "opgeslagen zonder herberekening" (QA: i05 tarief "95%", i02, i16, i19, j01, j18, j19)."""
    u = controleer_bestand(eigen["geweigerd"])
    assert u["status"] == "fouten"
    assert [(f["niveau"], f["soort"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u) if f["soort"] != "formule"] == [
        ("fout", "formulier", "Voorblad!B45", "Melding van het formulier: Algemeen: Het tariefpercentage (Voorblad C17) is geen getal."),
    ]
    assert not [f for f in zonder_nachtzorg(u) if f["niveau"] == "afwijking"]
    (c,) = u["clienten"]
    assert all(c[k] is None for k in HERBEREKEND)
    assert c["formulier"]["jaarbedrag"] is None and c["formulier"]["uitkomst"] is None


def test_formulier_weigert_met_fout_van_rekenkern(eigen):
    u = controleer_bestand(eigen["eigen-tarief0"])
    w = Waarden(open_pakket(eigen["eigen-tarief0"]))
    assert "geen bedragen" in w.get("Voorblad", "B44")
    getoond = w.get("Voorblad", "B45")
    assert u["status"] == "fouten"
    assert [(f["soort"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u) if f["niveau"] != "waarschuwing"] == [
        ("validatie", "Voorblad!C17", "Het tariefpercentage 0% moet groter dan 0% zijn."),
        ("formulier", "Voorblad!B45", f"Melding van het formulier: {getoond}"),
    ]


def test_formulier_onvolledig_wel_berekend(eigen):
    """Complete enough to calculate, but not complete: the form's message is a fout and
    its results are still compared with the engine's."""
    u = controleer_bestand(eigen["eigen-onvolledig"])
    w = Waarden(open_pakket(eigen["eigen-onvolledig"]))
    status = w.get("Voorblad", "B44")
    assert "niet volledig" in status and "geen bedragen" not in status
    assert u["status"] == "fouten"
    assert [(f["soort"], f["cel"]) for f in zonder_nachtzorg(u) if f["niveau"] != "waarschuwing"] == [
        ("volledigheid", "Voorblad!E6"),
        ("formulier", "Voorblad!B45"),
    ]
    assert zonder_nachtzorg(u)[1]["tekst"] == f"Melding van het formulier: {w.get('Voorblad', 'B45')}"
    assert round(u["clienten"][0]["formulier"]["jaarbedrag"], 2) == 175187.37
    v = controleer_bestand(eigen["onvolledig-verouderd"])  # compared: a changed tarief is found
    assert ("afwijking", "vergelijking", "Overzicht individueel!E39") in [(f["niveau"], f["soort"], f["cel"]) for f in v["bevindingen"]]
    assert v["bevindingen"][-1]["soort"] == "herberekening"


@pytest.mark.parametrize("naam", ["eigen-individueel", "eigen-preventief", "eigen-groep"])
def test_eigen_formulier_ok(eigen, naam):
    u = controleer_bestand(eigen[naam])
    assert u["formulier"] == "eigen" and u["variant"] == AANBIEDER and u["jaar"] == 2026
    assert u["status"] == "OK", u["bevindingen"]


def test_eigen_formulier_gewijzigde_formule(eigen):
    u = controleer_bestand(eigen["formule"])
    assert [(f["soort"], f["cel"]) for f in zonder_nachtzorg(u) if f["niveau"] == "afwijking"] == [("formule", "Overzicht individueel!E41")]


def test_leeg_eigen_formulier_zonder_herberekening(eigen):
    u = controleer_bestand(eigen["leeg"])
    assert u["formulier"] == "eigen"
    assert "herberekening" in [f["soort"] for f in zonder_nachtzorg(u)]
