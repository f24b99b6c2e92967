"""The fast cell reader (workbook/cellen.py) gives exactly what the reference reader
(ooxml.lees_rijen) gives: on every sheet of the official templates as Excel saved them,
of the filled forms as LibreOffice and openpyxl saved them, and of every legal
re-serialisation; and it hands every serialisation it does not know to the reference."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from tests.controle.formulieren import TEMPLATES
from tests.controle.maak import WB_RELS, xlsx_bytes
from tests.support import varianten as V
from xl_meerzorg.workbook import cellen as C
from xl_meerzorg.workbook.ooxml import lees_rijen, pakket
from xl_meerzorg.workbook.veilig import OnveiligBestand, open_xlsx
from xl_meerzorg.workbook.vingerafdruk import _scan, lees_blad


def _referentie(p, deel) -> dict:
    rows, (r0, c0) = lees_rijen(p, deel)
    return {(r0 + i, c0 + j): w for i, r in enumerate(rows) for j, w in enumerate(r) if w != ""}


def _vergelijk(pad) -> list[bool]:
    """Per sheet: whether the fast path read it; asserts equal values and types."""
    p = pakket(open_xlsx(pad))
    werkmap = C.Werkmap(p)
    snel = []
    for blad, deel in p.werkbladen().items():
        c = C.Cellen(p, deel, werkmap)
        snel.append(c._ruw is not None)
        verwacht = _referentie(p, deel)
        gekregen = c.alle()
        assert gekregen == verwacht, blad
        assert [type(w) for w in gekregen.values()] == [type(verwacht[k]) for k in gekregen], blad
        if c.formules:  # the formulas of the same pass: what the formula scan finds
            data = p.lees_utf8(deel)
            assert lees_blad(data, deel, c.formules) == lees_blad(data, deel), blad
            assert _scan(data, deel, c.formules)[0] is c.formules, blad  # used, not scanned again
    return snel


@pytest.mark.officieel
@pytest.mark.parametrize("jaar", [2025, 2026])
def test_officieel_sjabloon_zoals_excel_het_opsloeg(jaar):
    """The official workbook as Excel saved it: every sheet read fast, same values."""
    if not TEMPLATES[jaar].exists():
        pytest.skip("officiële rekentools ontbreken")
    assert all(_vergelijk(TEMPLATES[jaar]))


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_ingevulde_formulieren(formulieren):
    """Forms filled by openpyxl and recalculated by LibreOffice (and one never recalculated)."""
    for naam, pad in formulieren.items():
        if pad.is_file():
            assert all(_vergelijk(pad)), naam


@pytest.mark.libreoffice
@pytest.mark.officieel
@pytest.mark.parametrize("variant", sorted(V.LEGAAL))
def test_elke_serialisatie(formulieren, tmp_path, variant):
    """Every legal re-serialisation gives the reference's values (fast or not)."""
    pad = tmp_path / f"{variant}.xlsx"
    pad.write_bytes(V.LEGAAL[variant](formulieren["individueel-2026"].read_bytes()))
    _vergelijk(pad)


RIJ = '<row r="1">{}</row>'


def _blad(cellen: str, kop: str = "", staart: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"{kop}>'
        f"<sheetData>{cellen}</sheetData>{staart}</worksheet>"
    ).encode()


SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
    "<si><t>een</t></si>"
    '<si><t xml:space="preserve"> twee &amp; drie </t></si>'
    "<si><r><rPr><b/></rPr><t>vet</t></r><r><t xml:space=\"preserve\"> en gewoon</t></r><rPh sb=\"0\" eb=\"1\"><t>KANA</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t>regel 1\r\nregel 2_x000D_</t></si>"
    "</sst>"
)


def _pakket(tmp_path, blad: bytes, sst: str = SST):
    pad = tmp_path / "t.xlsx"
    rels = WB_RELS.replace(b"</Relationships>", b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    pad.write_bytes(xlsx_bytes({"xl/worksheets/sheet1.xml": blad, "xl/sharedStrings.xml": sst.encode(), "xl/_rels/workbook.xml.rels": rels}))
    p = pakket(open_xlsx(pad))
    return p, next(iter(p.werkbladen().values()))


@pytest.mark.parametrize(
    ("cellen", "verwacht"),
    [
        ('<c r="A1" t="s"><v>0</v></c>', "een"),
        ('<c r="A1" t="s"\n s="0"><v>0</v></c>', "een"),  # a line end between attributes
        ('<c r="A1" t="s"><v>1</v></c>', " twee & drie "),
        ('<c r="A1" t="s"><v>2</v></c>', "vet en gewoon"),  # runs joined, phonetic run left out
        ('<c r="A1" t="s"><v>3</v></c>', "regel 1\nregel 2\r"),  # CRLF normalised, _x000D_ decoded
        ('<c r="A1" t="s"><v>9</v></c>', None),
        ('<c r="A1"><v>1.5</v></c>', 1.5),
        ('<c r="A1" t="b"><v>1</v></c>', True),
        ('<c r="A1" t="b"><v/></c>', False),  # an empty <v> is a value (False), as lees_rijen reads it
        ('<c r="A1" t="b"/>', None),
        ('<c r="A1" t="str"><f>A2</f><v>a&lt;b&#62;c</v></c>', "a<b>c"),
        ('<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>', None),
        ('<c r="A1" t="inlineStr"><is><t>inline</t></is></c>', "inline"),
        ('<c r="A1" t="d"><v>2026-01-02T03:04:05</v></c>', dt.datetime(2026, 1, 2, 3, 4, 5)),
        ('<c r="A1"><v>INF</v></c>', float("inf")),
        ('<c r="A1" s="0"><v>12</v></c><c r="B1"/>', 12.0),
        ('<c s="0"/><c\tr="B1" s="0"/><c r="A1"><v>7</v></c>', 7.0),  # an empty cell holds no value: not read
    ],
)
def test_celwaarden(tmp_path, cellen, verwacht):
    """One cell, read fast, equals the reference reader."""
    p, deel = _pakket(tmp_path, _blad(RIJ.format(cellen)))
    c = C.Cellen(p, deel)
    assert c._ruw is not None
    assert c.get("A1") == verwacht
    assert c.alle() == _referentie(p, deel)


@pytest.mark.parametrize(
    ("blad", "reden"),
    [
        (_blad(RIJ.format('<c r="A1"><v>1</v></c>'), staart="<!-- <c r=\"A1\"><v>2</v></c> -->"), "opmerking"),
        (_blad(RIJ.format('<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A1"><x:v>1</x:v></x:c>')), "prefix"),
        (_blad(RIJ.format("<c r='A1'><v>1</v></c>")), "enkele aanhalingstekens"),
        (_blad(RIJ.format('<c s="0" r="A1"><v>1</v></c>')), "r niet eerst"),
        (_blad(RIJ.format('<c><v>1</v></c>')), "zonder r"),
        (_blad(RIJ.format('<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c>')), "dubbele cel"),
        (_blad(RIJ.format('<c r="A1">\n  <v>1</v>\n</c>')), "witruimte"),
        (_blad(RIJ.format('<c r="A1"><v xml:lang="nl">1</v></c>')), "ander attribuut op v"),
        (_blad(RIJ.format('<c r="A1" xmlns="urn:ander"><v>1</v></c>')), "andere standaardnaamruimte"),
        (_blad(RIJ.format('<c r="A1" t = "s"><v>0</v></c>')), "witruimte rond ="),
        (_blad(RIJ.format('<c r="A1"><v>1</v></c ><c r="B1"><v>2</v></c>')), "witruimte in </c >"),
        (_blad(RIJ.format('<c r="A1"><v>1</v><x/></c>')), "andere inhoud"),
        (_blad(RIJ.format('<c\tr="A1"><v>1</v></c>')), "tab na <c"),
        (_blad(RIJ.format('<c r="A1"><v>1</v></c><c s="1"/><c><v>5</v></c>')), "zonder r na lege cel zonder r"),
    ],
)
def test_onbekende_vorm_naar_referentie(tmp_path, blad, reden):
    """A serialisation the patterns do not know is read by lees_rijen, with its result."""
    p, deel = _pakket(tmp_path, blad)
    c = C.Cellen(p, deel)
    assert c._ruw is None, reden
    assert c.alle() == _referentie(p, deel)


def test_dubbel_attribuut_niet_snel_gelezen(tmp_path):
    """An attribute twice (not well-formed): not read fast; the reference reader refuses it."""
    p, deel = _pakket(tmp_path, _blad(RIJ.format('<c r="A1" t="s" t="inlineStr"><v>0</v></c>')))
    with pytest.raises(OnveiligBestand):
        C.Cellen(p, deel)


def test_onbekende_entiteit_zoals_referentie(tmp_path):
    """An entity no parser without DTD knows: the reference reader's refusal, not a value."""
    p, deel = _pakket(tmp_path, _blad(RIJ.format('<c r="A1" t="str"><v>&foo;</v></c>')))
    with pytest.raises(OnveiligBestand):
        C.Cellen(p, deel).get("A1")


@pytest.mark.parametrize("verwijzing", ["&#0;", "&#xD800;", "&#x110000;", "&#1;"])
def test_tekenverwijzing_die_xml_niet_toestaat(tmp_path, verwijzing):
    """A character reference to a character XML does not allow: not read as a value."""
    p, deel = _pakket(tmp_path, _blad(RIJ.format(f'<c r="A1" t="str"><v>a{verwijzing}</v></c>')))
    with pytest.raises(OnveiligBestand):
        C.Cellen(p, deel).get("A1")


def test_gedeelde_teksten_met_onbekende_vorm(tmp_path):
    """A <si> with an attribute: the shared strings are read by the reference."""
    sst = SST.replace("<si><t>een</t></si>", '<si x="1"><t>een</t></si>')
    p, deel = _pakket(tmp_path, _blad(RIJ.format('<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c>')), sst)
    c = C.Cellen(p, deel)
    assert (c.get("A1"), c.get("B1")) == ("een", "vet en gewoon")


def test_stijlsoorten_gelijk_aan_referentie():
    """Date and duration kinds of every style of the official workbooks."""
    from xl_meerzorg.workbook import ooxml

    for pad in TEMPLATES.values():
        if not pad.exists():
            pytest.skip("officiële rekentools ontbreken")
        p = pakket(open_xlsx(pad))
        deel = p.deel_van_type("styles")
        assert C._stijl_soorten_snel(p.lees_utf8(deel), deel) == ooxml.stijl_soorten(p)


def test_bestand_niet_gewijzigd(tmp_path):
    p, deel = _pakket(tmp_path, _blad(RIJ.format('<c r="A1"><v>1</v></c>')))
    voor = (tmp_path / "t.xlsx").read_bytes()
    C.Cellen(p, deel).alle()
    assert (tmp_path / "t.xlsx").read_bytes() == voor
    assert zipfile.ZipFile(io.BytesIO(voor)).testzip() is None


# --------------------------------------------------------------------------- mixed cells

STIJLEN = (
    b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">'
    b'<numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
    b'<xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>'
)
CELLEN = [
    '<c r="A1"/>', '<c r="B1" s="1"><v>45000</v></c>', '<c r="C1" t="s"><v>2</v></c>', '<c r="D1" s="2"><f>A1</f><v>0.5</v></c>',
    '<c r="E1" t="str"><f>X</f><v>tekst</v></c>', '<c r="F1" t="inlineStr"><is><t>in</t></is></c>', '<c r="G1" t="b"><v>1</v></c>',
    '<c r="H1" t="e"><v>#N/A</v></c>', '<c r="I1"><v>3</v></c>', '<c r="A1"><v>9</v></c>', '<c r="B1" s="1" t="n"><v>1e300</v></c>',
    "<c r='C1'><v>1</v></c>", '<c r="C1" t="s"><v>-1</v></c>', '<c r="C1" t="s"><v>7</v></c>', '<c r="K1"><v xml:space="preserve"> 4 </v></c>',
    '<c r="L1"><v>INF</v></c>', '<c r="M1" s="9"><v>2</v></c>', '<c r="N1" t="d"><v>2026-01-01</v></c>',
    '<c r="O1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>', '<c r="P1"><f t="shared" si="0" ref="P1:P2">1+1</f><v>2</v></c>',
    '<c r="Q1" t="str"><v>a&#13;b</v></c>', '<c r="R1" t="str"><v>a\r\nb</v></c>', '<c r="S1"><v/></c>', '<c r="T1" t="b"><v/></c>', "<!-- x -->",
    '<c r="U1" t="inlineStr"><is><t>&lt;x&gt;</t></is></c>', '<c r="V1"  s="1"><v>1</v></c>', '<c r="W1" s="1" ><v>1</v></c>',
    '<c r="X1"\ts="1"><v>1</v></c>', '<c r="Y1" t="s"><v>0</v></c><c r="Y1"/>', '<c r="Z1" cm="1"><f>1</f><v>1</v></c>',
    '<c s="1"/>', '<c r="A2"><v>1</v></c >', '<c r="B2"><v>1</v><x/></c>', '<c r="C2"><f/><v>1</v></c>',
    '<c r="P2"><f t="shared" si="0"/><v>2</v></c>', '<c r="D2" t="str"><f t="array" ref="D2">"a"</f><v xml:space="preserve">a </v></c>',
]  # fmt: skip


@pytest.mark.parametrize("zaad", range(40))
def test_gemengde_cellen_gelijk_aan_referentie(tmp_path, zaad):
    """Random mixes of usual and unusual cells (both sides of every fast-path rule): the
    values of the reference reader, fast where the layout allows it."""
    import random

    rnd = random.Random(zaad)
    cellen = rnd.sample(CELLEN, rnd.randint(1, len(CELLEN)))
    rels = WB_RELS.replace(b"</Relationships>", b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
    pad = tmp_path / "t.xlsx"
    pad.write_bytes(xlsx_bytes({"xl/worksheets/sheet1.xml": _blad(RIJ.format("".join(cellen))), "xl/sharedStrings.xml": SST.encode(), "xl/styles.xml": STIJLEN, "xl/_rels/workbook.xml.rels": rels}))
    p = pakket(open_xlsx(pad))
    deel = next(iter(p.werkbladen().values()))
    verwacht = _referentie(p, deel)
    gekregen = C.Cellen(p, deel).alle()
    assert repr(sorted(gekregen.items())) == repr(sorted(verwacht.items()))  # repr: NaN and types too
