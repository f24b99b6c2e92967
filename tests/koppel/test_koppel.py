"""koppel on filled official forms: every UDF cell evaluated as xlwings would, compared
with the official values (to the cent / second) and with the cached values."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.koppel.conftest import WIJZIGINGEN
from tests.koppel.gevallen import GEVALLEN
from tests.koppel.xlwings_sim import EPOCH, Werkboek, evalueer
from xl_meerzorg.afronding import cents, seconds

GEWIJZIGDE_DELEN = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml", "docProps/core.xml"}
# Python column -> (form column, kind) on Python-controle
PAREN = {"F": ("E", "tekst"), "I": ("H", "tijd"), "L": ("K", "euro"), "O": ("N", "euro")}
GEVULD = [n for n, g in GEVALLEN.items() if g.get("type")]


def _getal(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _dagen(v: object) -> object:
    if isinstance(v, dt.timedelta):  # a cached value in a duration format ([h]:mm:ss)
        return v.total_seconds() / 86400
    if isinstance(v, dt.datetime):
        d = v - EPOCH
        return d.days + d.seconds / 86400 + d.microseconds / 86400e6
    return v


def gelijk(a: object, b: object, soort: str) -> bool:
    """Equal as the form shows it: to the cent, to the second, or the same text ('' for empty)."""
    a, b = _dagen(a), _dagen(b)
    if _getal(a) and _getal(b):
        if soort == "tijd":
            return seconds(a) == seconds(b)
        if soort == "euro":
            return cents(a) == cents(b)
        return abs(a - b) < 1e-9
    if soort == "euro" and not _getal(a) and not _getal(b):
        return True  # no amount on either side ("Maatwerk"/"Niet meerzorg waardig" vs "")
    return ("" if a is None else a) == ("" if b is None else b)


def _soort(cel: str) -> str:
    return PAREN.get(cel.rstrip("0123456789"), ("", "exact"))[1]


def controleer(formules_pad: Path, waarden_pad: Path | None = None, met_cache: bool = True, met_formulier: bool = True) -> int:
    """Assert every UDF result equals its cached value and the official value; returns #UDF cells."""
    cellen = evalueer(formules_pad, waarden_pad)
    assert cellen, "geen UDF-cellen gevonden"
    wb = Werkboek(waarden_pad or formules_pad)
    fouten = []
    for c in cellen:
        if met_cache:
            if isinstance(c.resultaat, list):
                verwacht = [[("" if v is None else v) for v in rij] for rij in c.resultaat]
                if verwacht != c.cache:
                    fouten.append(f"{c.cel}: cache {c.cache!r} != {verwacht!r}")
            elif not gelijk(c.resultaat, c.cache, _soort(c.cel) if _soort(c.cel) != "exact" else "tekst"):
                fouten.append(f"{c.cel}: cache {c.cache!r} != {c.resultaat!r}")
        kol = c.cel.rstrip("0123456789")
        if met_formulier and kol in PAREN:
            fkol, soort = PAREN[kol]
            rij = int(c.cel[len(kol):])
            ref = _verwijzing(formules_pad, f"{fkol}{rij}")
            officieel = wb.ref(ref)
            if officieel == "Maatwerk" and ref.startswith("'Aanvraag-overzicht groep'!$Q$"):
                # koppel chose column Q (profile amount); after a change to maatwerk the amount is in S
                officieel = wb.ref(ref.replace("$Q$", "$S$"))
            if not gelijk(officieel, c.resultaat, soort):
                fouten.append(f"{c.cel} ({c.formule[:40]}...): formulier {ref} = {officieel!r}, Python = {c.resultaat!r}")
    assert not fouten, "\n".join(fouten)
    return len(cellen)


_FORMULES: dict[Path, dict] = {}


def _verwijzing(pad: Path, cel: str) -> str:
    from tests.koppel.xlwings_sim import formules

    if pad not in _FORMULES:
        _FORMULES[pad] = formules(pad)
    return _FORMULES[pad][cel][0].lstrip("=")


@pytest.mark.parametrize("naam", GEVULD)
def test_udfs_gelijk_aan_formulier_en_cache(gekoppeld, naam):
    _, kopie = gekoppeld[naam]
    n = controleer(kopie)
    verwacht = 17 * 5 + 2 + 1 + 1 if GEVALLEN[naam]["type"] == "groep" else 5 + 2 + 1 + 1
    assert n == verwacht


def test_gevallen_dekken_de_uitkomsten(gekoppeld):
    """The cases really exercise maatwerk, a profile, the cap, preventief, 'valt binnen' and groups."""
    def waarde(naam: str, cel: str) -> object:
        return Werkboek(gekoppeld[naam][1]).ref(f"'Python-controle'!{cel}")

    assert waarde("ind2026_maatwerk", "Q9") == "Maatwerk"
    assert waarde("ind2026_profiel", "Q9") == "Meerzorgprofiel 6"
    assert waarde("ind2026_cap", "O9") == pytest.approx(1683.05)  # maximum etmaalbedrag 2026
    assert waarde("prev2026", "Q9").startswith("Meerzorgprofiel")
    assert waarde("ind2025_binnen", "I9") == "Valt binnen het reguliere zorgzwaartepakket"
    assert [waarde("groep2026", f"B{r}") for r in range(9, 13)] == ["Fien", "Gijs", "Hans", "Ida"]
    assert waarde("groep2026", "B13") is None  # empty row: empty cached value


@pytest.mark.parametrize("naam", sorted(WIJZIGINGEN))
def test_udfs_volgen_gewijzigde_invoer(na_wijziging, gekoppeld, naam):
    """Inputs changed in the copy: the UDFs follow and again equal the (recalculated) official values."""
    voor, na = na_wijziging[f"{naam}-gewijzigd"]
    oud = {c.cel: c.resultaat for c in evalueer(gekoppeld[naam][1])}
    controleer(voor, na, met_cache=False)
    nieuw = {c.cel: c.resultaat for c in evalueer(voor, na)}
    assert any(oud[k] != nieuw[k] for k in oud), "de wijziging veranderde geen enkele uitkomst"


def test_libreoffice_opent_de_kopie(na_wijziging, gekoppeld):
    import python_calamine

    for naam in gekoppeld:
        omgezet, _ = na_wijziging[naam]
        wb = python_calamine.CalamineWorkbook.from_path(str(omgezet))
        assert wb.sheet_names[2] == "Python-controle", naam
        assert "xlwings.conf" in wb.sheet_names


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_rest_byte_identiek(gekoppeld, naam):
    bron, kopie = gekoppeld[naam]
    zb, zk = zipfile.ZipFile(bron), zipfile.ZipFile(kopie)
    nb, nk = zb.namelist(), zk.namelist()
    assert nk[: len(nb)] == nb  # same members, same order, new parts at the end
    nieuw = nk[len(nb):]
    assert len(nieuw) == 2 and all(n.startswith("xl/worksheets/sheet") for n in nieuw)
    for n in nb:
        if n not in GEWIJZIGDE_DELEN:
            assert zb.read(n) == zk.read(n), n


def test_origineel_onaangeroerd(formulieren, tmp_path):
    from xl_meerzorg.workbook.koppel import koppel_bestand

    bron = formulieren["groep2026"]
    voor, mtime = bron.read_bytes(), bron.stat().st_mtime_ns
    koppel_bestand(bron, tmp_path)
    assert bron.read_bytes() == voor and bron.stat().st_mtime_ns == mtime


def test_structuur_van_de_kopie(gekoppeld):
    import openpyxl

    _, kopie = gekoppeld["ind2025_profiel"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(kopie)
    assert wb.sheetnames[1:3] == ["Voorblad", "Python-controle"]
    assert wb["Python-controle"].sheet_state == "visible"
    conf = wb["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "xl_meerzorg.udfs.meerzorg")
    assert wb["Python-controle"].protection.sheet
    xml = zipfile.ZipFile(kopie).read("xl/workbook.xml").decode()
    assert xml.count("<sheet ") == 12
    f = wb["Python-controle"]["I9"].value
    assert f.startswith('=MZ_INDIVIDUEEL("meerzorguren",2025,Voorblad!$C$23,Voorblad!$C$17,Clientgegevens!$J$7,')
    assert "'Aanvraag individueel'!$D$16:$D$74,'Aanvraag individueel'!$H$16:$H$74" in f
    # the client and Voorblad fields after maanden; 2025 has no LVHC/doelgroep columns: ""
    assert f.endswith(',Voorblad!$G$41,Clientgegevens!$D$7,Clientgegevens!$H$7,Clientgegevens!$F$7,Clientgegevens!$R$7,Clientgegevens!$T$7,Clientgegevens!$V$7,"","",Voorblad!$C$20)')
    assert wb["Python-controle"]["H9"].value == "='Overzicht individueel '!$E$38"
    assert wb["Python-controle"]["K9"].value == "=Voorblad!$G$37"


def test_groepsformules(gekoppeld):
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ws = openpyxl.load_workbook(gekoppeld["groep2026"][1])["Python-controle"]
    assert ws["L10"].value == (
        '=MZ_GROEP("jaarbedrag",2,2026,Voorblad!$C$17,Clientgegevens!$D$7:$D$23,Clientgegevens!$J$7:$J$23,'
        "Clientgegevens!$L$7:$L$23,Clientgegevens!$N$7:$N$23,'Aanvraag-overzicht groep'!$D$19:$D$35,"
        "'Aanvraag-overzicht groep'!$E$19:$E$35,'Aanvraag-overzicht groep'!$F$19:$F$35,"
        "'Aanvraag-overzicht groep'!$H$19:$H$35,'Aanvraag-overzicht groep'!$J$19:$J$35,"
        "'Aanvraag-overzicht groep'!$C$8,'Aanvraag-overzicht groep'!$C$11:$C$12,Voorblad!$G$41,"
        "Clientgegevens!$H$7:$H$23,Clientgegevens!$F$7:$F$23,Clientgegevens!$R$7:$R$23,Clientgegevens!$T$7:$T$23,"
        "Clientgegevens!$V$7:$V$23,Clientgegevens!$X$7:$X$23,Clientgegevens!$Z$7:$Z$23,Voorblad!$C$20)"
    )  # BSN, birth date, opname, ingang, CCE, LVHC, doelgroep and nieuw/heraanvraag too
    assert ws["E10"].value == "='Aanvraag-overzicht groep'!$P$20"
    assert ws["H10"].value == "='Aanvraag-overzicht groep'!$O$20"
    assert ws["N10"].value == "='Aanvraag-overzicht groep'!$V$20"


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_lege_officiele_rekentool(templates, tmp_path, jaar):
    """The pristine template as providers get it: both layouts, cached values equal the UDFs."""
    import openpyxl

    from xl_meerzorg.workbook.koppel import koppel_bestand

    bron = tmp_path / templates[jaar].name
    shutil.copy(templates[jaar], bron)
    os.chmod(bron, 0o444)
    g = koppel_bestand(bron, tmp_path / "uit")
    n = controleer(g.doel, met_formulier=False)
    assert n == 1 + (5 + 2 + 1) + (17 * 5 + 2 + 1)  # version, individual and group layouts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(g.doel)
    assert wb.sheetnames[2] == "Python-controle"
    zb, zk = zipfile.ZipFile(bron), zipfile.ZipFile(g.doel)
    for n in zb.namelist():
        if n not in GEWIJZIGDE_DELEN:
            assert zb.read(n) == zk.read(n), n
    wbxml = zk.read("xl/workbook.xml").decode()
    if jaar == 2025:
        assert 'lockStructure="1"' in wbxml
    assert 'localSheetId="8"' in wbxml  # 'Data en informatie' moved from tab 7 to 8
    assert '<calcPr calcId="' in wbxml
    assert bron.read_bytes() == templates[jaar].read_bytes()


def test_koppel_bytes_is_deterministisch(formulieren):
    from xl_meerzorg.workbook.koppel import koppel_bytes

    data = formulieren["prev2026"].read_bytes()
    a, _ = koppel_bytes(data)
    b, _ = koppel_bytes(data)
    assert a == b
    assert zipfile.ZipFile(io.BytesIO(a)).testzip() is None
