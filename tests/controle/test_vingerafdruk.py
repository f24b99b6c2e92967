from __future__ import annotations

import json

import pytest

from tests.controle.formulieren import REFERENCE, TEMPLATES
from xl_meerzorg.workbook.veilig import open_xlsx
from xl_meerzorg.workbook.vingerafdruk import DATA, formules, hash_formule, laad, normaliseer, vergelijk, vingerafdruk

NORMALISATIE = [
    ("IF(A1=1,TRUE(),FALSE())", "IF(A1=1,TRUE,FALSE)"),
    (" COUNTIF(L7:L23,\"Nee\")", 'COUNTIF(L7:L23,"Nee")'),
    ("_xlfn.IFS(a1>0, \"a b\",TRUE,\"C  d\")", 'IFS(A1>0,"a b",TRUE,"C  d")'),
    ("=sum( A1 : A2 )", "SUM(A1:A2)"),
    ('"x""y " & b1', '"x""y "&B1'),
    ("IF(A1<0.000000001,1.50,A$1:B2)+SUM(1:1)+LOG10(2)", "IF(A1<1E-09,1.5,A$1:B2)+SUM(1:1)+LOG10(2)"),
    ("'Clientgegevens'!$AD$7+'Data en informatie'!A1", "CLIENTGEGEVENS!$AD$7+DATAENINFORMATIE!A1"),
]


@pytest.mark.parametrize(("formule", "verwacht"), NORMALISATIE)
def test_normaliseer(formule, verwacht):
    assert normaliseer(formule) == verwacht


def test_hash_is_16_hex():
    h = hash_formule("SUM(A1:A2)")
    assert len(h) == 16 and int(h, 16) >= 0
    assert h == hash_formule(" sum(a1:a2)")
    assert h != hash_formule("SUM(A1:A3)")


def test_vergelijk():
    assert vergelijk({"a!A1": "1", "a!A2": "2"}, {"a!A1": "1", "a!A2": "3", "a!A3": "4"}) == [("a!A2", "gewijzigd"), ("a!A3", "toegevoegd")]
    assert vergelijk({"a!A1": "1"}, {}) == [("a!A1", "verwijderd")]


@pytest.mark.parametrize(("jaar", "versie", "aantal"), [(2025, "2025.01", 1448), (2026, "2026.01", 1471)])
def test_opgeslagen_vingerafdruk(jaar, versie, aantal):
    doc = json.loads((DATA / f"vingerafdruk-{versie}.json").read_text(encoding="utf-8"))
    assert doc["versie"] == versie and doc["aantal"] == aantal == len(doc["formules"])
    assert laad(versie) == doc["formules"]
    if not TEMPLATES[jaar].exists():
        pytest.skip(f"officiële rekentool ontbreekt in {REFERENCE}")
    assert vingerafdruk(formules(open_xlsx(TEMPLATES[jaar]))) == doc["formules"]


# ------------------------------------------------------ per-process cache of a sheet's formulas

KOP = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
STAART = b"</row></sheetData></worksheet>"


def blad(*cellen: bytes) -> bytes:
    return KOP + b"".join(cellen) + STAART


def test_zelfde_formules_andere_waarden_delen_de_formules():
    from xl_meerzorg.workbook import vingerafdruk as vf

    a = vf.lees_blad(blad(b'<c r="A1" s="1"><f>B1*2</f><v>4</v></c>', b'<c r="A2" t="str"><f>IF(B1&gt;1,"x","")</f><v>x</v></c>'), "blad")
    b = vf.lees_blad(blad(b'<c r="A1" s="1" t="e"><f>B1*2</f><v>#VALUE!</v></c>', b'<c r="A2" t="str"><f>IF(B1&gt;1,"x","")</f><v></v></c>'), "blad")
    assert a.formules is b.formules  # shared: the formula cells are the same
    assert dict(a.formules.teksten) == {"A1": "B1*2", "A2": 'IF(B1>1,"x","")'}
    assert a.zonder_waarde == b.zonder_waarde == []
    c = vf.lees_blad(blad(b'<c r="A1" s="1"><f>B1*2</f></c>', b'<c r="A2" t="n"><f>IF(B1&gt;1,"x","")</f><v></v></c>'), "blad")
    assert c.formules is a.formules and c.zonder_waarde == ["A1", "A2"]  # cached values: per form


@pytest.mark.parametrize(
    "ander",
    [
        b'<c r="A1"><f>B1*3</f><v>4</v></c>',  # formula text
        b'<c r="A3"><f>B1*2</f><v>4</v></c>',  # cell
        b'<c r="A1"><f t="array" ref="A1">B1*2</f><v>4</v></c>',  # formula attributes
        b'<c r="A1"><f>B1*2</f><v>4</v></c><c r="A4"><f>1</f><v>1</v></c>',  # one more formula
    ],
)
def test_elke_andere_formule_is_een_ander_blad(ander):
    from xl_meerzorg.workbook import vingerafdruk as vf

    a = vf.lees_blad(blad(b'<c r="A1"><f>B1*2</f><v>4</v></c>'), "blad")
    b = vf.lees_blad(blad(ander), "blad")
    assert b.formules is not a.formules  # read and decoded on its own
    if b"array" not in ander:
        assert b.formules != a.formules


def test_dubbele_cel_telt_de_laatste():
    from xl_meerzorg.workbook import vingerafdruk as vf

    for _ in range(2):  # uncached and cached
        b = vf.lees_blad(blad(b'<c r="A1"><f>1+1</f></c>', b'<c r="A2"><f>2</f><v>2</v></c>', b'<c r="A1"><f>1+2</f><v>3</v></c>'), "blad")
        assert dict(b.formules.teksten) == {"A1": "1+2", "A2": "2"} and b.zonder_waarde == []
        assert list(vf.plat({"b": b})) == [("b", "A1"), ("b", "A2")]


def test_vergelijk_bladen_gelijk_aan_vergelijk_formules():
    from xl_meerzorg.workbook import vingerafdruk as vf

    if not TEMPLATES[2026].exists():
        pytest.skip(f"officiële rekentool ontbreekt in {REFERENCE}")
    bladen = vf.lees_bladen(open_xlsx(TEMPLATES[2026]))
    assert vf.vergelijk_bladen("2026.01", bladen) == vf.vergelijk_formules("2026.01", vf.plat(bladen)) == []
    assert vf.vergelijk_bladen("2025.01", bladen) == vf.vergelijk_formules("2025.01", vf.plat(bladen)) != []
    zonder = {k: v for k, v in bladen.items() if k != "Versiebeheer" and k != "Data en informatie"}
    extra = dict(zonder, Extra=vf.lees_blad(blad(b'<c r="A1"><f>1</f><v>1</v></c>'), "x"))
    for b in (zonder, extra):
        assert vf.vergelijk_bladen("2026.01", b) == vf.vergelijk_formules("2026.01", vf.plat(b)) != []
    assert vf.vergelijk_bladen("9999.01", bladen) is None


def test_deel_eerder_gezien_niet_opnieuw_gelezen(tmp_path):
    """A sheet part byte-identical to one read before is not read again; one changed byte
    (an altered formula) is."""
    from tests.controle.maak import xlsx_bytes
    from xl_meerzorg.workbook.ooxml import pakket
    from xl_meerzorg.workbook.veilig import open_xlsx
    from xl_meerzorg.workbook.vingerafdruk import lees_blad_deel

    def blad(formule: str) -> bytes:
        return (
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f'<row r="1"><c r="A1"><f>{formule}</f><v>3</v></c></row></sheetData></worksheet>'
        ).encode()

    paden = []
    for naam, formule in (("a", "1+2"), ("b", "1+2"), ("c", "1+3")):
        paden.append(tmp_path / f"{naam}.xlsx")
        paden[-1].write_bytes(xlsx_bytes({"xl/worksheets/sheet1.xml": blad(formule)}))
    gelezen = [lees_blad_deel(pakket(open_xlsx(p)), "xl/worksheets/sheet1.xml") for p in paden]
    assert gelezen[1] is gelezen[0]
    assert dict(gelezen[2].formules.teksten) == {"A1": "1+3"} and gelezen[2] is not gelezen[0]


# --------------------------------------------------------------------------- skeletons

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SKELET = {
    "A1": '<c r="A1"><f>1+2</f><v>3</v></c>',
    "B1": '<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
    "C1": '<c r="C1"><f t="shared" si="0" ref="C1:C2">A1*2</f><v>6</v></c>',
    "A2": '<c r="A2" t="s"><v>0</v></c>',
    "C2": '<c r="C2"><f t="shared" si="0"/><v>6</v></c>',
}


def _skeletblad(**anders: str) -> bytes:
    c = {**SKELET, **anders}
    rij = lambda r: "".join(v for k, v in c.items() if k.endswith(r))  # noqa: E731
    return f'<worksheet {MAIN}><dimension ref="A1:C3"/><sheetData><row r="1">{rij("1")}</row><row r="2">{rij("2")}</row><row r="3">{rij("3")}</row></sheetData></worksheet>'.encode()


@pytest.mark.parametrize(
    ("anders", "via_skelet", "zonder"),
    [
        ({}, True, []),
        ({"A1": '<c r="A1" s="4" t="e"><f>1+2</f><v>#DIV/0!</v></c>', "C2": '<c r="C2"><f t="shared" si="0"/></c>'}, True, ["C2"]),
        ({"A1": '<c r="A1"><f>1+2</f><v></v></c>', "B1": '<c r="B1" t="str"><f>"a"&amp;"b"</f><v></v></c>'}, True, ["A1"]),  # empty: cached only for a text formula
        ({"A1": '<c r="A1"><f>1+2</f><v/></c>', "B1": '<c r="B1" t="str"><f>"a"&amp;"b"</f><v/></c>'}, True, ["A1"]),
        ({"A1": '<c r="A1"><f>1+2</f><v xml:space="preserve"> 3 </v></c>'}, True, []),
        ({"A1": '<c r="A1"><f>1+2</f><v>3<x/></v></c>'}, True, ["A1"]),  # not a value _CF reads
        ({"B2": '<c r="B2" t="s"><v>1</v></c>', "A3": '<c r="A3"><v>9</v></c>'}, True, []),  # other value cells
        ({"A1": '<c r="A1"><f>1+3</f><v>4</v></c>'}, False, []),  # an altered formula
        ({"A1": '<c r="A1"/>', "A3": '<c r="A3"><f>1+2</f><v>3</v></c>'}, False, []),  # moved to another cell
        ({"A1": '<c r="A1"><v>3</v><f>1+2</f></c>'}, False, []),  # not the first child
        ({"A1": '<c r="A1" t="n"><f >1+2</f><v>3</v></c>'}, False, []),  # another spelling of the element
        ({"A3": '<c r="A3"><f>A1</f><v>3</v></c>'}, False, []),  # one more
        ({"B2": '<c r="B2"><formula>1</formula></c>'}, True, []),  # no formula element
    ],
)
def test_skelet_geeft_wat_het_gewone_pad_geeft(monkeypatch, anders, via_skelet, zonder):
    """The next sheet with the formula cells of a sheet read before is checked against its
    skeleton; the result equals the usual path's, and any difference takes that path."""
    from xl_meerzorg.workbook import vingerafdruk as vf

    treffers = []
    echt = vf._volgens_skelet
    monkeypatch.setattr(vf, "_volgens_skelet", lambda *a: treffers.append(echt(*a)) or treffers[-1])
    monkeypatch.setattr(vf, "_SKELETTEN", {})
    monkeypatch.setattr(vf, "_BLADEN", {})
    vf.lees_blad(_skeletblad(), "x")
    data = _skeletblad(**anders)
    gekregen = vf.lees_blad(data, "x")
    assert any(t is not None for t in treffers) is via_skelet
    monkeypatch.setattr(vf, "PER_AANTAL", 0)
    monkeypatch.setattr(vf, "_SKELETTEN", {})
    monkeypatch.setattr(vf, "_BLADEN", {})
    gewoon = vf.lees_blad(data, "x")
    assert gekregen == gewoon
    if via_skelet:
        assert gekregen.zonder_waarde == zonder


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_skelet_op_ingevulde_formulieren(formulieren, monkeypatch):
    """Every sheet of every filled form, read after another form of its year taught the
    skeletons, equals the usual path; the sheets with formulas come from the skeleton."""
    from xl_meerzorg.workbook import vingerafdruk as vf
    from xl_meerzorg.workbook.ooxml import pakket

    def bladen(pad):
        p = pakket(open_xlsx(pad))
        return {b: p.lees_utf8(d) for b, d in p.werkbladen().items()}

    paden = [p for n, p in sorted(formulieren.items()) if p.suffix == ".xlsx" and n != "zonder-herberekening"]
    treffers = []
    echt = vf._volgens_skelet
    monkeypatch.setattr(vf, "_volgens_skelet", lambda *a: treffers.append(echt(*a)) or treffers[-1])
    gezien = 0
    for leraar, leerling in zip(paden, paden[1:]):
        monkeypatch.setattr(vf, "_SKELETTEN", {})
        for blad, data in bladen(leraar).items():
            vf.lees_blad(data, blad)
        for blad, data in bladen(leerling).items():
            treffers.clear()
            snel = vf.lees_blad(data, blad)
            with monkeypatch.context() as m:
                m.setattr(vf, "PER_AANTAL", 0)
                m.setattr(vf, "_SKELETTEN", {})
                m.setattr(vf, "_BLADEN", {})
                assert snel == vf.lees_blad(data, blad), (leerling.name, blad)
            gezien += any(t is not None for t in treffers)
    assert gezien > 2 * len(paden)  # most sheets with formulas came from a skeleton


@pytest.mark.parametrize(
    ("xml", "verwacht"),
    [
        (b"<a>" + b"x!" * 80 + b"<!-- c -->", True),  # beyond the "!" looked at one by one
        (b"<a>" + b"x!" * 63 + b"<!-- c -->", True),  # the 64th "!"
        (b"<a>" + b"x!" * 64 + b"<!-- c -->", True),  # the 65th
        (b"<a>" + b"x!" * 80, False),
        (b"<a>x!<![CDATA[x]]>", True),
        (b"<a>x?y<?pi x?>", True),
        (b"<a>" + b"x?" * 80 + b"<?pi?>", True),
        (b"<!-- voor --><a>!?", False),  # before ``vanaf``: the prolog's business
    ],
)
def test_heeft_opmerking(xml, verwacht):
    """A comment, CDATA section or processing instruction after the root start tag."""
    from xl_meerzorg.workbook.vingerafdruk import heeft_opmerking

    assert heeft_opmerking(xml, xml.index(b"<a>") + 3) is verwacht


def test_skelet_leert_een_variant(monkeypatch):
    """Cells with other attributes (other value types) are checked one by one once; their
    heads are then learnt, so the next such sheet is compared at once; the first skeleton
    is kept beside the variant."""
    from xl_meerzorg.workbook import vingerafdruk as vf

    monkeypatch.setattr(vf, "_SKELETTEN", {})
    monkeypatch.setattr(vf, "_BLADEN", {})
    los = []
    echt = vf._hoofd
    monkeypatch.setattr(vf, "_hoofd", lambda *a: los.append(a) or echt(*a))
    vf.lees_blad(_skeletblad(), "x")
    anders = {"A1": '<c r="A1" s="2" t="e"><f>1+2</f><v>#N/A</v></c>', "C2": '<c r="C2" t="str"><f t="shared" si="0"/><v></v></c>'}
    eerste = vf.lees_blad(_skeletblad(**anders), "x")
    assert len(los) == 2 and eerste.zonder_waarde == []  # C2 is now a text formula: "" is its value
    tweede = vf.lees_blad(_skeletblad(**anders), "x")
    assert len(los) == 2 and tweede == eerste
    vf.lees_blad(_skeletblad(), "x")
    assert len(los) == 2 and len(vf._SKELETTEN[4]) == 2


@pytest.mark.parametrize(
    ("rij", "verwacht"),
    [
        ('<row r="2" xmlns="urn:ander"><c r="A2"><f>1+1</f><v>2</v></c></row>', {"A1": "1+2"}),  # not a cell to Excel
        ('<row r="2"><c r="A2" xmlns="urn:ander"><f>1+1</f><v>2</v></c></row>', {"A1": "1+2"}),
        (f'<row r="2" xmlns:x="{MAIN[7:-1]}"><x:c r="A2"><x:f>1+1</x:f><x:v>2</x:v></x:c></row>', {"A1": "1+2", "A2": "1+1"}),
        ('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>', {"A1": "1+2", "A2": "1+1"}),
    ],
)
def test_naamruimte_in_het_blad(monkeypatch, rij, verwacht):
    """A default namespace declared again, or a prefix bound to the main namespace, inside
    a sheet: the formula cells a namespace-aware reader sees, also after a skeleton was
    learnt from the same sheet without the declaration."""
    from xl_meerzorg.workbook import vingerafdruk as vf

    monkeypatch.setattr(vf, "_SKELETTEN", {})
    monkeypatch.setattr(vf, "_BLADEN", {})
    blad = f'<worksheet {MAIN}><sheetData><row r="1"><c r="A1"><f>1+2</f><v>3</v></c></row>{{}}</sheetData></worksheet>'
    vf.lees_blad(blad.format('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>').encode(), "x")
    data = blad.format(rij).encode()
    assert {ref: t for ref, _, t, _ in vf._cellen_volledig(data, "x")} == verwacht
    assert dict(vf.lees_blad(data, "x").formules.teksten) == verwacht
