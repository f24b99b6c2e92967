"""Malformed XML that python-calamine reads anyway but Excel would "repair" (QA: x09, a
duplicate attribute in Clientgegevens). Found with ``--xml`` (every part parsed); not by
default, because that costs as much as reading the values (docs/controle.md)."""

from __future__ import annotations

import re

import pytest

from tests.controle.formulieren import zonder_nachtzorg

from tests.controle.maak import deel_van, herschrijf
from xl_meerzorg.workbook.controle.cli import controleer_alle
from xl_meerzorg.workbook.controle.controleer import controleer_bestand
from xl_meerzorg.cli import main

pytestmark = [pytest.mark.libreoffice, pytest.mark.officieel]

NA = ". Excel opent het bestand alleen na herstel en toont dan mogelijk andere gegevens dan hier zijn gelezen; vraag de aanvrager om een onbeschadigd formulier."


def _eerste(patroon: bytes, vervanging):
    def f(data: bytes) -> bytes:
        return re.sub(patroon, vervanging, data, count=1)

    return f


WIJZIGINGEN = {
    # name: (part, edit, expected reason, cell)
    "dubbel-attribuut": ("Clientgegevens", _eerste(rb'<c r="D7"([^>]*?) t="s"', rb'<c r="D7"\1 t="s" t="inlineStr"'), "dubbel attribuut", "Clientgegevens!D7"),
    "eindtag": ("Clientgegevens", _eerste(rb"</row>", b"</rij>"), "eindtag past niet bij de begintag", None),
    "stuurteken": ("Clientgegevens", _eerste(rb'(<c r="D7"[^>]*>)', lambda m: m.group(1) + b"\x01"), "ongeldig teken", "Clientgegevens!D7"),
    "afgebroken": ("Aanvraag individueel", lambda d: d[: d.rindex(b"</worksheet>")], "onvolledig (afgebroken) onderdeel", None),
    "stijlen": ("xl/styles.xml", _eerste(rb"<numFmt ", b'<numFmt numFmtId="1" '), "dubbel attribuut", None),
}


@pytest.fixture(scope="module")
def kapot(formulieren, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("xml")
    ind = formulieren["individueel-2026"]
    uit = {}
    for naam, (deel, wijzig, _, _) in WIJZIGINGEN.items():
        deel = deel if deel.startswith("xl/") else deel_van(ind, deel)
        uit[naam] = herschrijf(ind, tmp / f"{naam}.xlsx", {deel: wijzig})
    uit["dtd-app"] = herschrijf(ind, tmp / "dtd-app.xlsx", {"docProps/app.xml": lambda d: d.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)})
    return uit


@pytest.mark.parametrize("naam", sorted(WIJZIGINGEN))
def test_xml_gevonden_met_optie(kapot, naam):
    deel, _, reden, cel = WIJZIGINGEN[naam]
    u = controleer_bestand(kapot[naam], xml=True)
    assert u["status"] == "fouten"
    (f,) = [f for f in zonder_nachtzorg(u)]
    assert (f["niveau"], f["soort"], f["cel"]) == ("fout", "bestand", cel)
    wat = f"Het onderdeel {deel}" if deel.startswith("xl/") else f"Het werkblad {deel}"
    m = re.fullmatch(re.escape(f"{wat} is geen geldige XML ({reden}, ") + r"regel \d+, kolom \d+\)" + re.escape(NA), f["tekst"])
    assert m, f["tekst"]


@pytest.mark.parametrize("naam", sorted(WIJZIGINGEN))
def test_zonder_optie_niet_gezien(kapot, naam):
    """The documented limitation: calamine reads these files, the default check does not
    parse the XML completely."""
    assert controleer_bestand(kapot[naam])["status"] == "OK"


def test_dtd_in_ander_onderdeel(kapot):
    for xml in (True, False):
        u = controleer_bestand(kapot["dtd-app"], xml=xml)
        assert u["status"] == "onleesbaar"
        assert u["reden"] == "onveilige XML in docProps/app.xml (DTD of entiteiten zijn niet toegestaan)"


def test_goed_formulier_met_optie(formulieren):
    u = controleer_bestand(formulieren["individueel-2026"], xml=True)
    assert u["status"] == "OK" and zonder_nachtzorg(u) == []


def test_cli_en_parallel(kapot, formulieren, capsys):
    paden = [kapot["dubbel-attribuut"], formulieren["individueel-2026"]] * 4
    assert controleer_alle(paden, processen=2, xml=True, anoniem=True) == controleer_alle(paden, processen=1, xml=True, anoniem=True)
    assert main(["controleer", str(kapot["dubbel-attribuut"])]) == 0
    assert main(["controleer", "--xml", str(kapot["dubbel-attribuut"])]) == 1
    out = capsys.readouterr().out
    assert "fout: Clientgegevens!D7: Het werkblad Clientgegevens is geen geldige XML (dubbel attribuut, regel " in out
