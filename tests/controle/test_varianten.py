"""The same filled official form re-serialised in every legal way other programs write
it (tests/support/varianten.py): controleer finds a clean form OK and a wrong input on
its own cell, koppel makes a valid copy that changes only the allowed parts; broken ways
are refused with a Dutch reason."""

from __future__ import annotations

import copy
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.controle.formulieren import TEMPLATES, gevallen, vul_in, zonder_nachtzorg
from tests.controle.maak import deel_van, herschrijf, zet_waarde
from tests.support import varianten as V
from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook.controle.cli import verzamel
from xl_meerzorg.workbook.controle.controleer import controleer_bestand
from xl_meerzorg.workbook.koppel import OnveiligFormulier, koppel_bestand

pytestmark = [pytest.mark.libreoffice, pytest.mark.officieel]

KWARTIER = "Cliënt 1 (Jan Jansen), dagprogramma maandag-vrijdag, regel {}: 16:10 valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van 15 minuten); er wordt mee gerekend."
TEKST = "Tekst ‘22:45’ in een tijdveld van het dagprogramma: de rekentool rekent niet betrouwbaar met tekst (Excel rekent er alleen mee als het de tekst herkent, en dat hangt af van de taalinstellingen). Typ de tijd als tijd, bijvoorbeeld 16:00, niet als tekst."
HOOFDLETTERS = ("Voorblad", "Clientgegevens", "Aanvraag individueel", "Aanvraag-overzicht groep")


@pytest.fixture(scope="module")
def basis(tmp_path_factory) -> dict[str, Path]:
    if not all(p.exists() for p in TEMPLATES.values()):
        pytest.skip("officiële rekentools ontbreken")
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    tmp = tmp_path_factory.mktemp("varianten")
    g = gevallen(2026)
    fout = copy.deepcopy(g["individueel"])
    fout["clienten"][0]["dagprogramma"]["ma_vr"][1]["tot"] = "16:10"  # row 17: not on a quarter
    fout["clienten"][0]["dagprogramma"]["za_zo"] = [
        {"tot": "12:00", "functie": "Wonen", "begeleider_op": 1.0},
        {"tot": "22:45", "functie": "Wonen", "begeleider_op": 1.0},  # row 17, column P: text below
    ]
    ruw = [vul_in(g["individueel"], tmp / "ruw" / "schoon.xlsx"), vul_in(g["groep"], tmp / "ruw" / "groep.xlsx"), vul_in(fout, tmp / "ruw" / "fout.xlsx")]
    import openpyxl

    wb = openpyxl.load_workbook(ruw[2])
    wb["Aanvraag individueel"]["P17"] = "22:45"  # text in a time field: the rekentool cannot use it
    wb.save(ruw[2])
    return {p.stem: p for p in recalculate(ruw, tmp / "lo")}


def _variant(basis: dict[str, Path], naam: str, wie: str, tmp: Path) -> Path:
    p = tmp / f"{wie}-{naam}.xlsx"
    p.write_bytes(V.LEGAAL[naam](basis[wie].read_bytes()))
    return p


def _blad(naam: str, blad: str) -> str:
    return blad.upper() if naam == "hoofdletters" and blad in HOOFDLETTERS else blad


@pytest.mark.parametrize("naam", sorted(V.LEGAAL))
@pytest.mark.parametrize("wie", ["schoon", "groep"])
def test_schoon_formulier_is_ok(basis, tmp_path, naam, wie):
    p = _variant(basis, naam, wie, tmp_path)
    u = controleer_bestand(p)
    assert (u["status"], zonder_nachtzorg(u)) == ("OK", [])
    assert u["formulier"] == "officieel" and u["versie"] == "2026.01"
    assert not u["koppel_kopie"]


@pytest.mark.parametrize("naam", sorted(V.LEGAAL))
def test_fout_op_de_juiste_cel(basis, tmp_path, naam):
    u = controleer_bestand(_variant(basis, naam, "fout", tmp_path))
    ai = _blad(naam, "Aanvraag individueel")
    assert u["status"] == "fouten"
    assert [(f["niveau"], f["soort"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u)] == [
        ("waarschuwing", "validatie", f"{ai}!D17", KWARTIER.format(2)),
        ("waarschuwing", "validatie", f"{ai}!D18", KWARTIER.format(3)),
        ("fout", "invoer", f"{ai}!P17", TEKST),
    ]


def test_sjabloon_van_excel_heeft_uitkomsten(tmp_path):
    """Excel writes an empty text result as <v/>: a cached value, not a missing one."""
    u = controleer_bestand(TEMPLATES[2026])
    assert not [f for f in u["bevindingen"] if f["soort"] == "herberekening"]
    assert ("fout", "onvolledig", "Voorblad!K4") in [(f["niveau"], f["soort"], f["cel"]) for f in u["bevindingen"]]


def test_onvolledig_volgens_het_formulier_zelf(tmp_path):
    """Sector and nieuwe/heraanvraag empty: the official form says it is incomplete."""
    g = gevallen(2026)["individueel"]
    g = dict(g, sector=None, nieuw_her=None)
    (p,) = recalculate([vul_in(g, tmp_path / "ruw" / "onvolledig.xlsx")], tmp_path / "lo")
    u = controleer_bestand(p)
    assert u["status"] == "fouten"
    assert [(f["niveau"], f["soort"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u) if f["soort"] == "onvolledig"] == [
        ("fout", "onvolledig", "Voorblad!K6", "Het formulier is niet volledig gevuld: de controle van het formulier zelf meldt FOUT bij nieuwe aanvraag of heraanvraag (Voorblad C20)."),
        ("fout", "onvolledig", "Voorblad!K8", "Het formulier is niet volledig gevuld: de controle van het formulier zelf meldt FOUT bij de sector (Voorblad G17)."),
    ]


@pytest.mark.parametrize("waarde, toon", [("1E+300", "1E+300"), ("INF", "oneindig"), ("NaN", "NaN")])
def test_ongeldig_getal_is_een_bevinding_op_de_cel(basis, tmp_path, waarde, toon):
    src = basis["schoon"]
    p = herschrijf(src, tmp_path / "getal.xlsx", {deel_van(src, "Aanvraag individueel"): zet_waarde("I5", waarde)})
    u = controleer_bestand(p)
    assert u["status"] == "fouten"
    assert [(f["niveau"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u)] == [
        ("fout", "Aanvraag individueel!I5", f"Ongeldig getal {toon}: de cel bevat geen bruikbare waarde (NaN, oneindig of veel te groot). Vul een geldige waarde in."),
    ]


GEWIJZIGD_TOEGESTAAN = {"[content_types].xml", "docprops/app.xml"}


def _koppel_en_vergelijk(bron: Path, uit: Path) -> Path:
    doel = koppel_bestand(bron, uit).doel
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import openpyxl

        oud = openpyxl.load_workbook(bron).sheetnames
        nieuw = openpyxl.load_workbook(doel).sheetnames
    if oud:  # openpyxl reads no sheets of a Strict workbook (LibreOffice does: see below)
        pos = [n.casefold() for n in oud].index("voorblad") + 1
        assert nieuw == oud[:pos] + ["Python-controle"] + oud[pos:] + ["xlwings.conf"]
    a, b = zipfile.ZipFile(bron), zipfile.ZipFile(doel)
    from xl_meerzorg.workbook.ooxml import open_pakket, rels_deel

    wbdeel = open_pakket(bron).workbook
    toegestaan = GEWIJZIGD_TOEGESTAAN | {wbdeel.casefold(), rels_deel(wbdeel).casefold()}
    assert [n for n in a.namelist() if a.read(n) != b.read(n) and n.casefold() not in toegestaan] == []
    assert b.namelist()[: len(a.namelist())] == a.namelist()
    return doel


@pytest.mark.parametrize("naam", sorted(V.LEGAAL))
def test_koppel_op_elke_serialisatie(basis, tmp_path, naam):
    p = _variant(basis, naam, "schoon", tmp_path)
    doel = _koppel_en_vergelijk(p, tmp_path / "uit")
    u = controleer_bestand(doel)
    assert (u["status"], zonder_nachtzorg(u), u["koppel_kopie"]) == ("OK", [], True)


def test_koppel_kopieen_opent_libreoffice(basis, tmp_path):
    kopieen = [_koppel_en_vergelijk(_variant(basis, naam, "schoon", tmp_path), tmp_path / "uit") for naam in ("prefix", "strict", "hernoemd", "utf16")]
    uit = recalculate(kopieen, tmp_path / "lo")
    assert all(p.stat().st_size > 10_000 for p in uit)


def test_openpyxl_opgeslagen(basis, tmp_path):
    """openpyxl declares r: only on the <sheet> elements: the inserted sheet must still be valid."""
    import openpyxl

    p = tmp_path / "openpyxl.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        openpyxl.load_workbook(basis["schoon"]).save(p)
    _koppel_en_vergelijk(p, tmp_path / "uit")
    u = controleer_bestand(p)  # openpyxl keeps no cached values
    assert u["status"] == "afwijkingen" and [f["soort"] for f in u["bevindingen"]][0] == "herberekening"


def test_libreoffice_opnieuw_opgeslagen(basis, tmp_path):
    (p,) = recalculate([_variant(basis, "prefix", "schoon", tmp_path)], tmp_path / "lo")
    assert controleer_bestand(p)["status"] == "OK"
    _koppel_en_vergelijk(p, tmp_path / "uit")


def test_stuurteken_in_naam(basis, tmp_path):
    """A client name with ESC and a literal _x0000_ ends up in koppel's cached values escaped."""
    src = basis["schoon"]

    def naam(data: bytes) -> bytes:
        return data.replace(b"Jan Jansen", b"Jan_x001B_Jan_x005F_x0000_sen", 1)

    p = herschrijf(src, tmp_path / "stuur.xlsx", {"xl/sharedStrings.xml": naam})
    doel = _koppel_en_vergelijk(p, tmp_path / "uit")
    u = controleer_bestand(doel)
    assert u["clienten"][0]["naam"] == "Jan\x1bJan_x0000_sen"
    from pyexpat import ParserCreate

    with zipfile.ZipFile(doel) as z:
        for n in z.namelist():
            if n.endswith((".xml", ".rels")):
                ParserCreate().Parse(z.read(n), True)  # well-formed


@pytest.mark.parametrize(
    "maak, reden",
    [
        (lambda d: V.dubbel(d), "ongeldig bestand: het onderdeel xl/workbook.xml staat twee keer in het zip-archief (programma's lezen dan verschillende gegevens)"),
        (lambda d: V.dubbel(d, "xl/worksheets/sheet2.xml", hoofdletters=True), "ongeldig bestand: de onderdelen xl/worksheets/sheet2.xml en XL/WORKSHEETS/SHEET2.XML verschillen alleen in hoofdletters en zijn dus twee keer hetzelfde onderdeel (programma's lezen dan verschillende gegevens)"),
        (V.ongebonden, "ongeldige XML in xl/workbook.xml (regel 2, kolom 501: voorvoegsel zonder naamruimte-declaratie)"),
    ],
)
def test_kapotte_serialisatie_geweigerd(basis, tmp_path, maak, reden):
    p = tmp_path / "kapot.xlsx"
    p.write_bytes(maak(basis["schoon"].read_bytes()))
    u = controleer_bestand(p)
    assert u["status"] == "onleesbaar" and u["reden"].startswith(reden)
    with pytest.raises(OnveiligFormulier) as exc:
        koppel_bestand(p, tmp_path / "uit")
    assert str(exc.value).startswith("niet gekoppeld: " + reden)
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())


def test_zelfde_bestand_een_keer(basis, tmp_path):
    p = tmp_path / "a.xlsx"
    shutil.copy(basis["schoon"], p)
    (tmp_path / "link.xlsx").symlink_to(p)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "hard.xlsx").hardlink_to(p)
    assert verzamel([str(p), str(p), str(tmp_path)]) == [p]


MACRO_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


@pytest.mark.parametrize("ext", [".xlsm", ".xlsx"])
def test_xlsm_blijft_xlsm(basis, tmp_path, ext):
    """A macro-enabled workbook keeps its content type, so its copy must be .xlsm (also
    when the received file was misnamed .xlsx)."""
    src = basis["schoon"]

    def ct(data: bytes) -> bytes:
        return data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", MACRO_CT.encode())

    p = herschrijf(src, tmp_path / f"macro{ext}", {"[Content_Types].xml": ct})
    doel = _koppel_en_vergelijk(p, tmp_path / "uit")
    assert doel.name == "macro-python.xlsm"
    with zipfile.ZipFile(doel) as z:
        assert MACRO_CT.encode() in z.read("[Content_Types].xml")
    (lo,) = recalculate([doel], tmp_path / "lo")
    assert lo.stat().st_size > 10_000


def test_gewijzigde_koppel_formule(basis, tmp_path):
    doel = koppel_bestand(basis["schoon"], tmp_path / "uit").doel
    from xl_meerzorg.workbook.ooxml import open_pakket

    deel = open_pakket(doel).werkbladen()["Python-controle"]

    def wijzig(data: bytes) -> bytes:
        return data.replace(b"<f>MZ_VERSIE(2026)</f>", b"<f>MZ_VERSIE(2025)</f>", 1)

    p = herschrijf(doel, tmp_path / "gewijzigd.xlsx", {deel: wijzig})
    u = controleer_bestand(p)
    assert u["koppel_kopie"] and u["status"] == "afwijkingen"
    assert [(f["niveau"], f["soort"], f["cel"], f["tekst"], f["formulier"], f["motor"]) for f in zonder_nachtzorg(u)] == [
        ("afwijking", "koppel", "Python-controle!B4", "De formule wijkt af van wat koppel voor dit formulier schrijft.", "=MZ_VERSIE(2025)", "=MZ_VERSIE(2026)"),
    ]


@pytest.mark.parametrize("naam", ["prefix", "strict", "hernoemd"])
def test_lite_kopie_herkend(basis, tmp_path, naam):
    """A koppel --lite copy: Python-controle holds the script's values, no formulas."""
    doel = koppel_bestand(_variant(basis, naam, "schoon", tmp_path), tmp_path / "uit", lite=True).doel
    u = controleer_bestand(doel)
    assert (u["status"], zonder_nachtzorg(u), u["koppel_kopie"]) == ("OK", [], True)
