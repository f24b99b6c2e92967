"""Hostile and broken files (generated here): each gives a Dutch per-file reason and the
batch continues."""

from __future__ import annotations

import json
import os

import pytest

from tests.controle.maak import vijandige_bestanden, xlsx_bytes
from workbook import veilig
from workbook.controle.controleer import controleer_bestand
from xl_meerzorg.cli import main

NAMEN = ["zipbom.xlsx", "lachsalvo.xlsx", "xxe.xlsx", "afgebroken.xlsx", "versleuteld.xlsx", "tekst.xlsx", "groot-blad.xlsx", "geen-werkmap.xlsx", "onbekend.xlsx"]


@pytest.fixture(scope="module")
def vijandig(tmp_path_factory):
    return vijandige_bestanden(tmp_path_factory.mktemp("vijandig"))


@pytest.mark.parametrize("naam", NAMEN)
def test_vijandig_bestand_is_onleesbaar(vijandig, naam):
    pad, reden = vijandig[naam]
    voor = (pad.read_bytes(), os.stat(pad).st_mtime_ns)
    u = controleer_bestand(pad)
    assert u["status"] == "onleesbaar"
    assert u["reden"].startswith(reden)
    assert u["bevindingen"] == [{"niveau": "fout", "soort": "onleesbaar", "cel": None, "tekst": u["reden"], "formulier": None, "motor": None}]
    assert (pad.read_bytes(), os.stat(pad).st_mtime_ns) == voor


def test_batch_gaat_door(vijandig, tmp_path, capsys):
    paden = [str(vijandig[n][0]) for n in NAMEN]
    code = main(["controleer", "--json", *paden, str(tmp_path / "bestaat-niet.xlsx")])
    assert code == 2
    doc = json.loads(capsys.readouterr().out)
    assert [b["status"] for b in doc["bestanden"]] == ["onleesbaar"] * (len(NAMEN) + 1)
    assert doc["bestanden"][-1]["reden"] == "bestand niet gevonden"


def test_totale_grootte(tmp_path, monkeypatch):
    p = tmp_path / "groot.xlsx"
    p.write_bytes(xlsx_bytes())
    monkeypatch.setattr(veilig, "MAX_TOTAAL", 1000)
    with pytest.raises(veilig.OnveiligBestand, match=r"^bestand is uitgepakt te groot"):
        veilig.open_xlsx(p)


def test_te_veel_onderdelen(tmp_path, monkeypatch):
    p = tmp_path / "veel.xlsx"
    p.write_bytes(xlsx_bytes({f"x/{i}.bin": b"" for i in range(20)}))
    monkeypatch.setattr(veilig, "MAX_LEDEN", 10)
    with pytest.raises(veilig.OnveiligBestand, match=r"^te veel onderdelen in het bestand \(25; maximaal 10\)$"):
        veilig.open_xlsx(p)


def test_onbekende_entiteit_in_formule():
    from workbook.vingerafdruk import _cellen

    data = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1"><f>&foo;</f><v>1</v></c></row></sheetData></worksheet>')
    with pytest.raises(veilig.OnveiligBestand, match="onbekende XML-entiteit &foo;"):
        _cellen(data, "blad")


def test_entiteiten_in_formule_worden_gelezen():
    from workbook.vingerafdruk import _cellen

    data = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="str"><f>IF(B1&lt;&gt;&quot;&quot;,&quot;&#233;&quot;,&quot;&amp;&quot;)</f><v></v></c>'
            b'<c r="B1"><f t="shared" ref="B1:B2" si="0">A1+1</f></c><c r="B2"><f t="shared" si="0"/><v>2</v></c></row></sheetData></worksheet>')
    assert _cellen(data, "blad") == [
        ("A1", {}, 'IF(B1<>"","é","&")', True),
        ("B1", {"t": "shared", "ref": "B1:B2", "si": "0"}, "A1+1", False),
        ("B2", {"t": "shared", "si": "0"}, "", True),
    ]
