"""The built files read back: structure, protection, validation, names, formats,
document properties, determinism, formules() and the CLI (build time: benchmarks/bouw_koppel.py)."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

import xl_meerzorg
from xl_meerzorg.workbook import bouw_cli
from xl_meerzorg.workbook.bouw import voorgevuld, bestandsnaam, bouw, formules
from xl_meerzorg.workbook.layout import (
    AANBIEDER,
    BLADEN,
    DUUR,
    invoer as invoer_van,
    PARAMETERS,
    TIJDSTIP,
    UITVOER,
    VARIANTEN,
    ZORGKANTOOR_UDF,
)
from xl_meerzorg.workbook.officieel import EIGEN_BLADEN, lees_officieel
from xl_meerzorg import beschikbare_jaren, laad_parameters

JAREN = beschikbare_jaren()


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    out = {}
    for jaar in JAREN:
        d = tmp_path_factory.mktemp(f"b{jaar}")
        out[jaar] = (bouw(jaar, d), None)
    return out


@pytest.fixture(scope="module")
def boeken(gebouwd):
    return {(jaar, v): openpyxl.load_workbook(p) for jaar, (paden, _) in gebouwd.items() for v, p in zip(VARIANTEN, paden)}


@pytest.mark.parametrize("jaar", JAREN)
def test_bestanden_en_determinisme(gebouwd, jaar, tmp_path):
    paden, _ = gebouwd[jaar]
    assert [p.name for p in paden] == [f"aanvraagformulier-meerzorg-{jaar}.xlsx", f"aanvraagformulier-meerzorg-{jaar}-udf.xlsx"]
    # the build time (target < 2 s per year) is measured by benchmarks/bouw_koppel.py, not here
    # deterministic: a second build gives identical bytes
    again = bouw(jaar, tmp_path)
    for a, b in zip(paden, again):
        assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(paden[0]) as z:
        assert {i.date_time for i in z.infolist()} == {(jaar, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
        assert f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{jaar}-01-01T00:00:00Z</dcterms:created>" in core
        assert f"{jaar}-01-01T00:00:00Z</dcterms:modified>" in core


PERZIK, LICHTBLAUW = (5, 0.5999938962981048), (8, 0.7999816888943144)


def officiele_invoerkleur(blad: str, cel: str):
    """The fill of an input cell in the official rekentool 2025/2026 (read with openpyxl)."""
    if blad == "Voorblad":
        if cel in ("E6", "C11", "C12", "C13", "C14"):
            return PERZIK
        if cel in ("C10", "G10", "G11", "G12", "G13", "G14"):
            return "FFCCF4EE"
        return "FFDEEAF6"
    if blad == "Aanvraag-overzicht groep" and cel not in ("B11", "B12"):
        return LICHTBLAUW
    if blad == "Verhuisformulier" and cel in ("E6", "C20", "G20", "G21"):
        return "FFDEEAF6"
    return PERZIK


@pytest.mark.parametrize("jaar", JAREN)
@pytest.mark.parametrize("variant", VARIANTEN)
def test_bladen_en_bescherming(boeken, jaar, variant):
    wb = boeken[(jaar, variant)]
    # the official names and order (without the trailing space of "Overzicht individueel "),
    # then our additions; the official hidden "Data en informatie" is our Parameters
    namen = ["Handleiding", "Voorblad", "Clientgegevens", "Aanvraag individueel", "Overzicht individueel", "Aanvraag-overzicht groep",
             "Verhuisformulier", "Totaal overzicht meerzorg", "Versiebeheer", "Vragenlijst", "Parameteroverzicht", "Parameters"]  # fmt: skip
    assert list(BLADEN) == namen
    namen += ["xlwings.conf"] if variant == ZORGKANTOOR_UDF else []
    assert wb.sheetnames == namen
    assert wb[PARAMETERS].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    for ws in wb.worksheets:
        assert ws.protection.sheet, ws.title
    invoer = {(i.blad, i.cel) for i in invoer_van(jaar)}
    for blad, cel in invoer:
        c = wb[blad][cel]
        assert c.protection.locked is False, (blad, cel)
        kleur = c.fill.fgColor
        assert c.fill.fill_type == "solid", (blad, cel)
        assert (kleur.rgb if kleur.type == "rgb" else (kleur.theme, kleur.tint)) == officiele_invoerkleur(blad, cel), (blad, cel)
    # every other cell with content is locked
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and (ws.title, c.coordinate) not in invoer:
                    assert c.protection.locked is not False, (ws.title, c.coordinate)


@pytest.mark.parametrize("jaar", JAREN)
def test_validatie_op_elke_invoer(boeken, jaar):
    wb = boeken[(jaar, AANBIEDER)]
    for inv in invoer_van(jaar):
        ws = wb[inv.blad]
        dvs = [dv for dv in ws.data_validations.dataValidation if inv.cel in dv.sqref]
        assert len(dvs) == 1, (inv.blad, inv.cel)
        dv = dvs[0]
        if inv.soort == TIJDSTIP:
            assert (dv.type, dv.formula1) == ("list", "mzp_tijden")
        if inv.soort == DUUR:
            assert dv.type == "decimal" and ws[inv.cel].number_format == "[h]:mm"
    vb = wb["Voorblad"]
    tarief = next(dv for dv in vb.data_validations.dataValidation if "C17" in dv.sqref)
    assert (tarief.type, tarief.formula1, tarief.formula2) == ("decimal", "0", "1")
    cg = wb["Clientgegevens"]
    zp = next(dv for dv in cg.data_validations.dataValidation if "J7" in dv.sqref)
    assert zp.formula1 == "mzp_zp"
    jn = next(dv for dv in cg.data_validations.dataValidation if "L7" in dv.sqref)
    assert jn.formula1 == '"Ja,Nee"'


@pytest.mark.parametrize("jaar", JAREN)
def test_namen_formaten_eigenschappen(boeken, jaar):
    p = laad_parameters(jaar)
    for variant in VARIANTEN:
        wb = boeken[(jaar, variant)]
        names = wb.defined_names
        for naam in ("mz_tariefpercentage", "mz_type", "mz_c01_zorgprofiel", "mz_ind_meerzorguren", "mz_g01_jaarbedrag",
                     "mz_totaal_jaarbedrag", "mz_totaal_etmaalbedrag", "mzp_band_van"):  # fmt: skip
            assert naam in names, naam
        assert names["mz_tariefpercentage"].attr_text == "'Voorblad'!$C$17"
        assert names["mz_ind_meerzorguren"].attr_text == "'Overzicht individueel'!$E$38"
        assert names["mz_g17_etmaalbedrag"].attr_text == "'Aanvraag-overzicht groep'!$V$35"
        for inv in invoer_van(jaar):
            assert inv.naam in names
        for naam in UITVOER:
            assert naam in names
        oi = wb["Overzicht individueel"]
        assert oi["E38"].number_format == "[h]:mm"
        assert oi["E39"].number_format == '"€" #,##0.00'
        assert wb["Voorblad"]["G37"].number_format == '"€" #,##0.00'
        assert wb["Aanvraag individueel"]["D16"].number_format == "hh:mm"
        props = {p.name: p.value for p in wb.custom_doc_props.props}
        assert props == {
            "xl_meerzorg_jaar": str(jaar),
            "xl_meerzorg_parameterset": p.versie,
            "xl_meerzorg_engine": xl_meerzorg.__version__,
            "xl_meerzorg_variant": variant,
        }
    conf = boeken[(jaar, ZORGKANTOOR_UDF)]["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "xl_meerzorg.udfs.meerzorg")


@pytest.mark.parametrize("jaar", JAREN)
def test_formules_api_gelijk_aan_bestand(boeken, jaar):
    for variant in VARIANTEN:
        wb = boeken[(jaar, variant)]
        f = formules(jaar, variant)
        gevonden = {}
        for ws in wb.worksheets:
            if ws.title == "Vragenlijst":
                continue
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c.value, str) and c.value.startswith("="):
                        gevonden[(ws.title, c.coordinate)] = c.value
        # the formulas of formules() plus the input cells pre-filled with a lookup (C10, G10, G11)
        vooraf = voorgevuld(laad_parameters(jaar))
        assert set(vooraf) == {("Voorblad", "C10"), ("Voorblad", "G10"), ("Voorblad", "G11"),
                               ("Verhuisformulier", "C20"), ("Verhuisformulier", "G20"), ("Verhuisformulier", "G21")}  # fmt: skip
        assert gevonden == {**f, **vooraf}
    aanbieder = " ".join(formules(jaar, AANBIEDER).values())
    assert "MZ_" not in aanbieder
    for verboden in ("LET(", "XLOOKUP", "FILTER(", "_xlfn", "INDIRECT(", "SEQUENCE("):
        assert verboden not in aanbieder
    udf = formules(jaar, ZORGKANTOOR_UDF)
    assert udf[("Overzicht individueel", "E38")].startswith('=IF(NOT(OR(')
    assert "MZ_INDIVIDUEEL(\"meerzorguren\"," + str(jaar) + ",Voorblad!$C$23" in udf[("Overzicht individueel", "E38")]
    assert "MZ_GROEP(\"etmaalbedrag\",17," in udf[("Aanvraag-overzicht groep", "V35")]
    with pytest.raises(ValueError, match="Onbekende variant"):
        formules(jaar, "iets")


def test_parameters_als_waarden(boeken):
    jaar = JAREN[-1]
    p = laad_parameters(jaar)
    ws = boeken[(jaar, AANBIEDER)][PARAMETERS]
    assert ws["B5"].value == p.maximum_etmaalbedrag.waarde
    assert ws["B6"].value == p.behandelfactor.waarde
    assert ws["B7"].value == p.context_drempel_fractie.waarde
    rij = {ws.cell(r, 1).value: r for r in range(20, 20 + len(p.zorgprofielen))}
    vg7 = p.zorgprofielen["VG7"]
    assert ws.cell(rij["VG7"], 8).value == vg7.banden[0].van
    assert ws.cell(rij["VG7"], 4).value == vg7.indirecte_uren


def test_leeg_formulier_leesbaar_met_lees_officieel(boeken):
    jaar = JAREN[-1]
    wb = boeken[(jaar, AANBIEDER)]
    aanvraag, rijen = lees_officieel(lambda s, c: wb[s][c].value, jaar, bladen=EIGEN_BLADEN)
    assert rijen == [7]
    assert any("type aanvraag ontbreekt" in m.tekst for m in aanvraag.invoer_meldingen)


def test_udf_variant_heeft_cache_waarden(gebouwd):
    jaar = JAREN[-1]
    pad = gebouwd[jaar][0][1]
    with zipfile.ZipFile(pad) as z:
        namen = openpyxl.load_workbook(pad).sheetnames
        xml = z.read(f"xl/worksheets/sheet{namen.index('Overzicht individueel') + 1}.xml").decode()
    cel = re.search(r'<c r="E38"[^>]*>.*?</c>', xml).group(0)
    assert 't="str"' in cel and "MZ_INDIVIDUEEL" in cel and "<v></v>" in cel


def test_cli(tmp_path, capsys):
    import argparse

    parser = argparse.ArgumentParser()
    bouw_cli.configure(parser)
    args = parser.parse_args(["--jaar", str(JAREN[-1]), "--uit", str(tmp_path)])
    assert bouw_cli.SUBCOMMANDS["bouw"][2](args) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Aanvraagformulier meerzorg {JAREN[-1]} gebouwd in ")
    assert (tmp_path / bestandsnaam(JAREN[-1], AANBIEDER)).exists()
    args = parser.parse_args(["--jaar", "2019", "--uit", str(tmp_path)])
    assert bouw_cli.run(args) == 2
    assert "Geen parameterset voor 2019" in capsys.readouterr().err  # errors go to stderr


def test_velden_van_het_officiele_formulier(boeken):
    """Fields providers know from the official 2026 form: the zorgkantoor block (G10:G14) and the
    subject (a./b.) of the context euros, as unlocked inputs with a name."""
    wb = boeken[(JAREN[-1], AANBIEDER)]
    names = wb.defined_names
    verwacht = {
        "mz_zorgkantoor": "'Voorblad'!$G$10", "mz_zorgkantoor_regio": "'Voorblad'!$G$11",
        "mz_zorgkantoor_contactpersoon": "'Voorblad'!$G$12", "mz_zorgkantoor_telefoon": "'Voorblad'!$G$13",
        "mz_zorgkantoor_email": "'Voorblad'!$G$14",
        "mz_ind_context_onderwerp_1": "'Aanvraag individueel'!$N$5", "mz_ind_context_onderwerp_2": "'Aanvraag individueel'!$N$6",
        "mz_groep_context_onderwerp_1": "'Aanvraag-overzicht groep'!$B$11", "mz_groep_context_onderwerp_2": "'Aanvraag-overzicht groep'!$B$12",
    }  # fmt: skip
    assert {n: names[n].attr_text for n in verwacht} == verwacht
    assert (wb["Voorblad"]["F8"].value, wb["Voorblad"]["F10"].value) == ("Zorgkantoor", "Naam zorgkantoor")
    assert wb["Aanvraag individueel"]["N4"].value == "Onderwerp (a. en b.)"
    for blad, cel in (("Voorblad", "G12"), ("Aanvraag individueel", "N6"), ("Aanvraag-overzicht groep", "B12")):
        assert wb[blad][cel].protection.locked is False
