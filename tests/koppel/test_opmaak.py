"""Number formats on Python-controle: hours as [h]:mm(:ss), amounts in euro, on forms saved
by Excel/openpyxl AND by LibreOffice (whose styles.xml looks quite different), while
xl/styles.xml stays byte-identical; every cell stays locked on the protected sheet."""

from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook.koppel.stijlen import kies_stijlen, opmaak_melding, rang_euro, rang_tijd

DUUR = re.compile(r"\[h+\]:mm(:ss)?", re.I)
TIJD_KOLOMMEN, EURO_KOLOMMEN = "HIJ", "KLMNOP"
LIBREOFFICE = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is niet geïnstalleerd")


def is_euro(fmt: str) -> bool:
    return "€" in fmt and "0.00" in fmt


def controleer_opmaak(kopie: Path) -> int:
    """Every formula cell in the hour columns has a duration format, every one in the amount
    columns a euro format; every cell is locked. Returns the number of cells checked."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ws = openpyxl.load_workbook(kopie)["Python-controle"]
    assert ws.protection.sheet
    fout, n = [], 0
    for rij in ws.iter_rows():
        for c in rij:
            if c.value is None:
                continue
            if not c.protection.locked:
                fout.append(f"{c.coordinate}: niet vergrendeld")
            if not (isinstance(c.value, str) and c.value.startswith("=")):
                continue
            if c.column_letter in TIJD_KOLOMMEN:
                n += 1
                if not DUUR.fullmatch(c.number_format):
                    fout.append(f"{c.coordinate}: {c.number_format!r} is geen urenopmaak")
            elif c.column_letter in EURO_KOLOMMEN:
                n += 1
                if not is_euro(c.number_format):
                    fout.append(f"{c.coordinate}: {c.number_format!r} is geen euro-opmaak")
    assert not fout, "\n".join(fout)
    assert ws["A6"].value is None  # no "opmaak ontbreekt" note
    return n


def stijlen_gelijk(bron: Path, kopie: Path) -> None:
    with zipfile.ZipFile(bron) as zb, zipfile.ZipFile(kopie) as zk:
        assert zb.read("xl/styles.xml") == zk.read("xl/styles.xml")


def laatst_opgeslagen_door(pad: Path) -> str:
    with zipfile.ZipFile(pad) as z:
        m = re.search(rb"<Application>([^<]*)</Application>", z.read("docProps/app.xml"))
    return m.group(1).decode() if m else ""


# --------------------------------------------------------------------------- format codes


@pytest.mark.parametrize(
    ("code", "rang"),
    [
        ("[h]:mm:ss", 0), ("[HH]:MM:SS", 0), ("[hh]:mm", 1), ("[H]:MM", 1), ("[Red][h]:mm", 1),
        ("[$-413][h]:mm:ss", 0), ("[h]:mm:ss;@", 0), ("[u]:mm", 1),
        ("\\-[hh]:mm", None),  # a literal minus in front: the form's "minus" cells
        ('"uur "[h]:mm', None), ("h:mm", None), ("h:mm;@", None), ("mm:ss", None), ("General", None), ("0.00", None),
    ],
)  # fmt: skip
def test_rang_tijd(code, rang):
    assert rang_tijd(code) == rang


@pytest.mark.parametrize(
    ("code", "nf", "rang"),
    [
        ('"€"\\ #,##0.00;"€"\\ \\-#,##0.00', 7, 0),
        ('"€ "#,##0.00', 172, 0),
        ("[$EUR] #,##0.00", 170, 0),
        ('_ [$€-413]\\ * #,##0.00_ ;_ [$€-413]\\ * \\-#,##0.00_ ;_ [$€-413]\\ * "-"??_ ;_ @_ ', 164, 1),
        ('_ "€ "* #,##0.00_ ;_ "€ "* \\-#,##0.00_ ;_ "€ "* \\-??_ ;_ @_ ', 177, 1),
        ("", 7, 2),  # builtin locale currency
        ("#,##0.00", 4, 3),
        ("0.00", 2, 4),
        ('"€ "#,##0', 165, None),  # no cents
        ('"$"#,##0.00', 166, None),
        ("0.00%", 10, None),
        ("d-m-yy h:mm", 22, None),
    ],
)
def test_rang_euro(code, nf, rang):
    assert rang_euro(code, nf) == rang


# --------------------------------------------------------------------------- choosing xfs

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="4"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="[HH]:MM"/>
<numFmt numFmtId="166" formatCode="&quot;€ &quot;#,##0.00"/><numFmt numFmtId="167" formatCode="\\-[hh]:mm"/></numFmts>
<fonts count="4"><font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/></font>
<font><b val="true"/><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/></font>
<font><b val="true"/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font>
<font><b val="true"/><sz val="26"/><color rgb="FF000000"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDEEAF6"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"/><right/><top/><bottom/><diagonal/></border></borders>
<cellXfs count="{n}">{xfs}</cellXfs>
<dxfs count="3"><dxf><fill><patternFill><bgColor rgb="FFFFFFFF"/></patternFill></fill></dxf>
<dxf><font><color rgb="FFFFFFFF"/></font><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf>
<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>
</styleSheet>"""
LO_XF = (
    '<xf numFmtId="{nf}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0" applyFont="true">'
    '<alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/>'
    '<protection locked="{locked}" hidden="{hidden}"/></xf>'
)


def styles(*xfs: dict) -> bytes:
    """A LibreOffice-like styles.xml: every xf has an alignment and a protection child."""
    basis = {"nf": 164, "font": 0, "fill": 0, "border": 0, "locked": "true", "hidden": "false"}
    tekst = "".join(LO_XF.format(**{**basis, **xf}) for xf in xfs)
    return STYLES.format(n=len(xfs), xfs=tekst).encode("utf-8")


def test_libreoffice_achtige_stijlen():
    s = styles(
        {},  # 0 General
        {"nf": 165, "locked": "false"},  # 1 hours, but an input cell (unlocked)
        {"nf": 165, "border": 1},  # 2 hours with a border
        {"nf": 167},  # 3 "-[hh]:mm": not a duration
        {"nf": 165},  # 4 hours, plain: chosen
        {"nf": 166, "fill": 2},  # 5 euro on a coloured fill
        {"nf": 166},  # 6 euro plain: chosen
        {"nf": 166, "hidden": "true"},  # 7 hidden formula
        {"font": 2},  # 8 bold white: invisible
        {"font": 3},  # 9 bold but huge
        {"font": 1},  # 10 bold: the heading
    )
    assert kies_stijlen(s) == ({"tijd": 4, "euro": 6, "kop": 10}, 2)


def test_seconden_en_builtin_46_gaan_voor():
    s = styles({}, {"nf": 165}, {"nf": 46})
    assert kies_stijlen(s)[0]["tijd"] == 2  # builtin [h]:mm:ss, no numFmt element needed


def test_ontbrekende_opmaak_geeft_melding():
    stijlen, _dxf = kies_stijlen(styles({}, {"nf": 165, "locked": "false"}, {"nf": 166}))
    assert "tijd" not in stijlen and stijlen["euro"] == 2
    melding = opmaak_melding(stijlen)
    assert melding.startswith("Let op: uren staan als dagen") and "euro" not in melding
    assert opmaak_melding({"tijd": 1, "euro": 2}) is None
    assert kies_stijlen(None) == ({}, None) and kies_stijlen(b"<kapot") == ({}, None)


def test_onbruikbare_standaardstijl_wordt_vervangen():
    """xf 0 unlocked (or white text): plain cells get a locked General xf instead."""
    stijlen, _ = kies_stijlen(styles({"locked": "false"}, {"nf": 165}, {}))
    assert stijlen["standaard"] == 2
    assert "standaard" not in kies_stijlen(styles({}, {"nf": 165}))[0]


# --------------------------------------------------------------------------- whole copies


@pytest.fixture(scope="module")
def eigen(tmp_path_factory) -> Path:
    from xl_meerzorg.workbook.bouw import bouw

    return bouw(2026, tmp_path_factory.mktemp("bouw"))[0]


def test_eigen_formulier(eigen, tmp_path):
    from xl_meerzorg.workbook.koppel import koppel_bestand

    kopie = koppel_bestand(eigen, tmp_path).doel
    assert controleer_opmaak(kopie) == (3 + 6) + 6 + 17 * (3 + 6) + 6  # individual and group rows, with totals
    stijlen_gelijk(eigen, kopie)


def test_melding_zonder_opmaak(eigen, tmp_path, monkeypatch):
    import openpyxl

    import xl_meerzorg.workbook.koppel as koppel

    monkeypatch.setattr(koppel, "kies_stijlen", lambda _xml: ({}, None))
    kopie = koppel.koppel_bestand(eigen, tmp_path).doel
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ws = openpyxl.load_workbook(kopie)["Python-controle"]
    assert ws["A6"].value.startswith("Let op: uren staan als dagen (1 = 24 uur)")
    assert "euro-opmaak" in ws["A6"].value
    assert ws["I9"].number_format == "General"  # the values themselves stay numbers (days)


@pytest.mark.libreoffice
@LIBREOFFICE
def test_eigen_formulier_na_libreoffice(eigen, tmp_path):
    """The project's own form, last saved by LibreOffice (no official files needed)."""
    from xl_meerzorg.workbook.koppel import koppel_bestand

    lo = recalculate([eigen], tmp_path / "lo")[0]
    assert "LibreOffice" in laatst_opgeslagen_door(lo)
    kopie = koppel_bestand(lo, tmp_path / "uit").doel
    assert controleer_opmaak(kopie) > 0
    stijlen_gelijk(lo, kopie)


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_officiele_formulieren_na_libreoffice(gekoppeld):
    """Filled official forms recalculated and saved by LibreOffice (the shared fixture):
    before the fix every cell on Python-controle was General (3,08 days beside 73:57)."""
    for naam, (bron, kopie) in gekoppeld.items():
        assert "LibreOffice" in laatst_opgeslagen_door(bron), naam
        assert controleer_opmaak(kopie) > 0, naam
        stijlen_gelijk(bron, kopie)


@pytest.mark.officieel
@pytest.mark.parametrize("naam", ["ind2026_profiel", "groep2025"])
def test_officiele_formulieren_openpyxl(templates, tmp_path, naam):
    """Filled with openpyxl (as Excel keeps the styles): also the Verschil column of the hours."""
    from tests.koppel.gevallen import GEVALLEN, vul_in
    from xl_meerzorg.workbook.koppel import koppel_bestand

    bron = vul_in(GEVALLEN[naam], tmp_path / f"{naam}.xlsx")
    kopie = koppel_bestand(bron, tmp_path / "uit").doel
    assert controleer_opmaak(kopie) > 0
    stijlen_gelijk(bron, kopie)


@pytest.mark.officieel
@pytest.mark.parametrize("jaar", [2025, 2026])
def test_koppen_zijn_leesbaar(templates, tmp_path, jaar):
    """The heading style is bold and not white (before: a white bold font, invisible)."""
    import shutil

    import openpyxl

    from xl_meerzorg.workbook.koppel import koppel_bestand

    bron = tmp_path / templates[jaar].name
    shutil.copy(templates[jaar], bron)
    kopie = koppel_bestand(bron, tmp_path / "uit").doel
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ws = openpyxl.load_workbook(kopie)["Python-controle"]
    kop = ws["A1"].font
    assert kop.b and (kop.color is None or kop.color.rgb in (None, "FF000000") or kop.color.theme == 1)
