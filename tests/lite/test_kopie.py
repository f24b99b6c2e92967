"""The -lite copy as a package: the original untouched and byte-identical apart from the allowed
parts, the web extension as xlwings Lite stores it (main.py decodes to exactly the generated
code), and the copy opens in openpyxl and LibreOffice."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from defusedxml import ElementTree as DET

from tests.koppel.gevallen import REFERENCE, TEMPLATES
from xl_meerzorg.workbook.koppel import koppel_bestand, koppel_bytes
from xl_meerzorg.workbook.lite import pakket
from xl_meerzorg.workbook.lite.genereer import main_py

KOPPEL_GEWIJZIGD = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml"}
LITE_GEWIJZIGD = KOPPEL_GEWIJZIGD | {"_rels/.rels"}
WE = f"{{{pakket.NS_WE}}}"


@pytest.fixture(scope="module")
def sjablonen() -> dict[int, Path]:
    if not all(p.exists() for p in TEMPLATES.values()):
        pytest.skip(f"officiële rekentools niet gevonden in {REFERENCE}")
    return TEMPLATES


@pytest.fixture(scope="module")
def kopieen(sjablonen, tmp_path_factory) -> dict[int, tuple[Path, Path, str]]:
    """year -> (original, -lite copy of the blank official rekentool, sha256 of the original before)."""
    uit = tmp_path_factory.mktemp("lite-sjabloon")
    res = {}
    for jaar, pad in sjablonen.items():
        voor = hashlib.sha256(pad.read_bytes()).hexdigest()
        res[jaar] = (pad, koppel_bestand(pad, uit, lite=True).doel, voor)
    return res


def _leden(pad: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pad) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_naam_en_origineel_onaangeroerd(kopieen):
    for pad, kopie, voor in kopieen.values():
        assert kopie.name == f"{pad.stem}-lite.xlsx"
        assert hashlib.sha256(pad.read_bytes()).hexdigest() == voor


def test_rest_byte_identiek(kopieen):
    for pad, kopie, _ in kopieen.values():
        oud, nieuw = _leden(pad), _leden(kopie)
        with zipfile.ZipFile(pad) as a, zipfile.ZipFile(kopie) as b:
            assert b.namelist()[: len(a.namelist())] == a.namelist()  # same members, same order
        for naam, data in oud.items():
            if naam not in LITE_GEWIJZIGD:
                assert nieuw[naam] == data, naam
        erbij = set(nieuw) - set(oud)
        assert set(pakket.NIEUW) <= erbij
        bladen = erbij - set(pakket.NIEUW)
        assert len(bladen) == 1 and next(iter(bladen)).startswith("xl/worksheets/sheet")  # Python-controle only


def test_webextensie_zoals_xlwings_lite_haar_bewaart(kopieen):
    for _pad, kopie, _ in kopieen.values():
        leden = _leden(kopie)
        root = DET.fromstring(leden[pakket.WEBEXTENSIE])
        assert root.tag == f"{WE}webextension"
        ref = root.find(f"{WE}reference")
        assert (ref.get("id"), ref.get("storeType")) == ("wa200008175", "OMEX")
        props = {p.get("name"): json.loads(p.get("value")) for p in root.find(f"{WE}properties")}
        assert list(props) == ["main.py", "requirements.txt", "pyodideVersion", "addinVersion"]
        assert props["main.py"] == main_py()
        assert props["requirements.txt"] == "xlwings==0.33.20\n"
        assert props["pyodideVersion"] == "0.27.5"
        assert props["addinVersion"] == "1.0.0.0-35"
        # task panes -> web extension
        tp = DET.fromstring(leden[pakket.TASKPANES])
        assert tp.tag == f"{{{pakket.NS_WETP}}}taskpanes"
        wref = tp.find(f"{{{pakket.NS_WETP}}}taskpane/{{{pakket.NS_WETP}}}webextensionref")
        rid = wref.get(f"{{{pakket.NS_R}}}id")
        rels = DET.fromstring(leden[pakket.TASKPANES_RELS])
        doel = [r for r in rels if r.get("Id") == rid]
        assert [(r.get("Type"), r.get("Target")) for r in doel] == [(pakket.REL_WEBEXTENSIE, "webextension1.xml")]
        # package relationship and content types
        root_rels = DET.fromstring(leden["_rels/.rels"])
        tprels = [r for r in root_rels if r.get("Type") == pakket.REL_TASKPANES]
        assert [r.get("Target") for r in tprels] == ["xl/webextensions/taskpanes.xml"]
        assert len({r.get("Id") for r in root_rels}) == len(root_rels)
        types = DET.fromstring(leden["[Content_Types].xml"])
        ov = {o.get("PartName"): o.get("ContentType") for o in types if o.tag.endswith("Override")}
        assert ov["/xl/webextensions/webextension1.xml"] == "application/vnd.ms-office.webextension+xml"
        assert ov["/xl/webextensions/taskpanes.xml"] == "application/vnd.ms-office.webextensiontaskpanes+xml"


def test_package_rels_en_types_verder_ongewijzigd(kopieen):
    """_rels/.rels and [Content_Types].xml keep every element and attribute of the original, in
    order; only the new relationship (1) or overrides (Python-controle + the 2 web-extension parts) follow."""
    for pad, kopie, _ in kopieen.values():
        for deel, extra in (("_rels/.rels", 1), ("[Content_Types].xml", 3)):
            oud = DET.fromstring(_leden(pad)[deel])
            nieuw = DET.fromstring(_leden(kopie)[deel])
            assert oud.tag == nieuw.tag
            assert [(e.tag, e.attrib) for e in oud] == [(e.tag, e.attrib) for e in nieuw][: len(oud)]
            assert len(nieuw) == len(oud) + extra


def test_blad_niet_beveiligd_en_geen_udf_formules(kopieen):
    import openpyxl

    for _pad, kopie, _ in kopieen.values():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(kopie)
        ws = wb["Python-controle"]
        assert not ws.protection.sheet  # the script writes this sheet
        assert wb.sheetnames.index("Python-controle") == wb.sheetnames.index("Voorblad") + 1
        assert "xlwings.conf" not in wb.sheetnames
        assert not any(isinstance(c.value, str) and c.value.startswith("=") for r in ws.iter_rows() for c in r)


def test_openpyxl_opent_zonder_waarschuwing(kopieen):
    import openpyxl

    for pad, kopie, _ in kopieen.values():
        with warnings.catch_warnings(record=True) as w_kopie:
            warnings.simplefilter("always")
            openpyxl.load_workbook(kopie)
        with warnings.catch_warnings(record=True) as w_orig:
            warnings.simplefilter("always")
            openpyxl.load_workbook(pad)
        assert sorted(map(str, (x.message for x in w_kopie))) == sorted(map(str, (x.message for x in w_orig)))


def test_deterministisch(sjablonen):
    data = sjablonen[2026].read_bytes()
    a, _ = koppel_bytes(data, "a.xlsx", lite=True)
    b, _ = koppel_bytes(data, "a.xlsx", lite=True)
    assert a == b


def test_al_een_webextensie_wordt_geweigerd(kopieen, tmp_path):
    from xl_meerzorg.workbook.lite.pakket import LiteFout, voeg_lite_toe

    _pad, kopie, _ = kopieen[2026]
    with pytest.raises(LiteFout, match="heeft al een webextensie"):
        voeg_lite_toe(kopie.read_bytes(), "x")


@pytest.mark.libreoffice
def test_libreoffice_converteert_de_kopie(lite, tmp_path):
    """soffice --headless --convert-to xlsx opens every -lite copy; the check's cached values survive."""
    from tests.lite.draai import cellen_van
    from tests.support.libreoffice import recalculate

    bron = {naam: tmp_path / "in" / pad.name for naam, pad in lite.items()}
    for naam, pad in lite.items():
        bron[naam].parent.mkdir(exist_ok=True)
        shutil.copy(pad, bron[naam])
    uit = {p.stem: p for p in recalculate(list(bron.values()), tmp_path / "uit")}
    for naam, pad in lite.items():
        assert pad.stem in uit, naam
        na = cellen_van(uit[pad.stem], ["Python-controle"])["Python-controle"]
        voor = cellen_van(pad, ["Python-controle"])["Python-controle"]
        for ref in ("B4", "L9", "I9", "F9", "A13"):
            if ref in voor:
                v, w = voor[ref], na.get(ref)
                assert (abs(v - w) < 1e-9) if isinstance(v, float) else v == w, (naam, ref, v, w)


def test_zip_leden_zijn_geldig(kopieen):
    for _pad, kopie, _ in kopieen.values():
        with zipfile.ZipFile(io.BytesIO(kopie.read_bytes())) as z:
            assert z.testzip() is None
