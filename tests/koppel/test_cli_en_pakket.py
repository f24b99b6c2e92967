"""koppel without the official workbooks: XML surgery, difference cells, the CLI."""

from __future__ import annotations

import argparse
import shutil
import zipfile

import pytest

from xl_meerzorg.workbook.koppel.blad import markeer_formule, verschil_formule, verschil_waarde
from xl_meerzorg.workbook.koppel.pakket import nieuwe_bladen_in_workbook, nieuwe_relaties, nieuwe_titels

WB = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<workbookProtection lockStructure="1"/><bookViews><workbookView activeTab="3" firstSheet="1"/></bookViews>'
    '<sheets><sheet name="A" sheetId="3" r:id="rId1"/><sheet name="Voorblad" sheetId="7" r:id="rId2"/>'
    '<sheet name="C &amp; D" sheetId="2" state="hidden" r:id="rId3"/><sheet name="E" sheetId="1" r:id="rId4"/></sheets>'
    '<definedNames><definedName name="x" localSheetId="0">A!$A$1</definedName>'
    '<definedName name="_xlnm.Print_Area" localSheetId="2">\'C &amp; D\'!$A$1</definedName></definedNames>'
    '<calcPr calcId="191029"/></workbook>'
)


def test_bladen_invoegen_en_tabnummers_schuiven():
    uit, pos = nieuwe_bladen_in_workbook(WB, "Voorblad", [("Python-controle", "rId9", False), ("xlwings.conf", "rId10", True)])
    assert pos == 2
    assert (
        '<sheet name="Voorblad" sheetId="7" r:id="rId2"/><sheet name="Python-controle" sheetId="8" r:id="rId9"/>'
        '<sheet name="C &amp; D"' in uit
    )
    assert uit.endswith(
        '<sheet name="xlwings.conf" sheetId="9" state="hidden" r:id="rId10"/></sheets>'
        '<definedNames><definedName name="x" localSheetId="0">A!$A$1</definedName>'
        '<definedName name="_xlnm.Print_Area" localSheetId="3">\'C &amp; D\'!$A$1</definedName></definedNames>'
        '<calcPr calcId="191029"/></workbook>'
    )
    assert '<workbookView activeTab="4" firstSheet="1"/>' in uit
    assert '<workbookProtection lockStructure="1"/>' in uit


def test_relaties_krijgen_vrije_ids():
    rels = '<Relationships xmlns="x"><Relationship Id="rId1" Target="a"/><Relationship Id="rId3" Target="b"/></Relationships>'
    uit, ids = nieuwe_relaties(rels, ["worksheets/sheet11.xml", "worksheets/sheet12.xml"])
    assert ids == ["rId2", "rId4"]
    assert 'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet11.xml"' in uit


def test_app_titels():
    app = (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><HeadingPairs>'
        '<vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Werkbladen</vt:lpstr></vt:variant>'
        '<vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts>'
        '<vt:vector size="2" baseType="lpstr"><vt:lpstr>Voorblad</vt:lpstr><vt:lpstr>B</vt:lpstr></vt:vector>'
        "</TitlesOfParts></Properties>"
    )
    uit = nieuwe_titels(app, "Voorblad", ["Python-controle", "xlwings.conf"])
    assert "<vt:i4>4</vt:i4>" in uit
    assert (
        '<vt:vector size="4" baseType="lpstr"><vt:lpstr>Voorblad</vt:lpstr><vt:lpstr>Python-controle</vt:lpstr>'
        "<vt:lpstr>B</vt:lpstr><vt:lpstr>xlwings.conf</vt:lpstr></vt:vector>" in uit
    )
    assert nieuwe_titels("<Properties/>", "Voorblad", ["x"]) == "<Properties/>"


@pytest.mark.parametrize(
    ("formulier", "python", "soort", "verwacht"),
    [
        (100.0, 100.25, "euro", 0.25),
        ("Maatwerk", "", "euro", "gelijk"),
        ("Het formulier is niet volledig gevuld", 12.0, "euro", "verschil"),
        ("Meerzorgprofiel 3", "meerzorgprofiel 3", "tekst", "gelijk"),
        ("Meerzorgprofiel 3", "Meerzorgprofiel 4", "tekst", "verschil"),
        ("Valt binnen het reguliere zorgzwaartepakket", 0.5, "tijd", "verschil"),
        ("", "", "tijd", "gelijk"),
    ],
)
def test_verschil(formulier, python, soort, verwacht):
    assert verschil_waarde(formulier, python, soort) == verwacht


def test_verschil_en_markering_formules():
    assert verschil_formule("E9", "F9", "tekst") == 'IF(AND(ISNUMBER(E9),ISNUMBER(F9)),F9-E9,IF(E9&""=F9&"","gelijk","verschil"))'
    assert markeer_formule("M9", "euro") == 'OR(M9="verschil",AND(ISNUMBER(M9),ABS(M9)>0.005))'
    assert markeer_formule("J9", "tijd") == 'OR(J9="verschil",AND(ISNUMBER(J9),ABS(J9)>0.5/86400))'


def _run(argv):
    from xl_meerzorg.workbook.koppel.cli import SUBCOMMANDS

    _help, configure, run = SUBCOMMANDS["koppel"]
    p = argparse.ArgumentParser()
    configure(p)
    return run(p.parse_args(argv))


def test_cli_ontbrekend_en_geen_formulier(tmp_path, capsys):
    geen = tmp_path / "ander.xlsx"
    with zipfile.ZipFile(geen, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>')
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_bytes(b"geen zip")
    assert _run([str(tmp_path / "weg.xlsx")]) == 2
    assert _run([str(geen)]) == 2
    assert _run([str(kapot)]) == 2
    err = capsys.readouterr().err
    assert "weg.xlsx: niet gevonden" in err
    assert "ander.xlsx: geen aanvraagformulier meerzorg (de bladen van het formulier ontbreken)" in err
    assert "kapot.xlsx: geen Excel-bestand (.xlsx/.xlsm)" in err
    # a folder: other workbooks are skipped, not an error
    assert _run([str(tmp_path)]) == 0
    assert "overgeslagen" in capsys.readouterr().err
    assert not list(tmp_path.glob("*-python.xlsx"))


def test_cli_map_met_formulier(templates, tmp_path, capsys):
    map_ = tmp_path / "in"
    map_.mkdir()
    bron = map_ / "aanvraag.xlsx"
    shutil.copy(templates[2026], bron)
    mtime = bron.stat().st_mtime_ns
    assert _run([str(map_), "--uit", str(tmp_path / "uit")]) == 0
    out = capsys.readouterr().out
    assert f"{bron} -> {tmp_path / 'uit' / 'aanvraag-python.xlsx'} (officieel formulier 2026; type aanvraag nog niet gekozen)" in out
    assert bron.stat().st_mtime_ns == mtime
    # next to the form; a second run skips the -python copy and, without --overschrijf,
    # never replaces it (exit 2); with --overschrijf it replaces koppel's own copy
    assert _run([str(map_)]) == 0
    kopie = map_ / "aanvraag-python.xlsx"
    eerste = kopie.stat().st_ino
    capsys.readouterr()
    assert _run([str(map_)]) == 2
    assert capsys.readouterr().err == f"{bron}: {kopie} bestaat al; niet overschreven (gebruik --overschrijf om een eerdere kopie van koppel te vervangen)\n"
    assert kopie.stat().st_ino == eerste
    assert _run([str(map_), "--overschrijf"]) == 0
    assert kopie.stat().st_ino != eerste
    assert sorted(p.name for p in map_.iterdir()) == ["aanvraag-python.xlsx", "aanvraag.xlsx"]
    # an already coupled file is refused
    assert _run([str(map_ / "aanvraag-python.xlsx")]) == 2
    assert "heeft al een blad 'Python-controle'" in capsys.readouterr().err


def test_eigen_formulier(tmp_path):
    """This project's own form (both variants) is recognised; no second xlwings.conf sheet."""
    import warnings

    import openpyxl

    from xl_meerzorg.workbook.bouw import bouw
    from xl_meerzorg.workbook.koppel import koppel_bestand

    for pad in bouw(2026, tmp_path / "bouw"):
        g = koppel_bestand(pad, tmp_path / "uit")
        assert (g.formulier.soort, g.formulier.jaar) == ("eigen", 2026)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            namen = openpyxl.load_workbook(g.doel).sheetnames
        assert namen[namen.index("Voorblad") + 1] == "Python-controle"
        assert namen.count("xlwings.conf") == 1
