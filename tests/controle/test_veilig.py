"""Hostile and broken files (generated here): each gives a Dutch per-file reason and the
batch continues."""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
import zlib

import pytest

from tests.controle.maak import vijandige_bestanden, xlsx_bytes
from xl_meerzorg.workbook import veilig
from xl_meerzorg.workbook.controle.controleer import controleer_bestand
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
    from xl_meerzorg.workbook.vingerafdruk import _cellen

    data = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1"><f>&foo;</f><v>1</v></c></row></sheetData></worksheet>')
    with pytest.raises(veilig.OnveiligBestand, match="onbekende XML-entiteit &foo;"):
        _cellen(data, "blad")


def test_entiteiten_in_formule_worden_gelezen():
    from xl_meerzorg.workbook.vingerafdruk import _cellen

    data = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="str"><f>IF(B1&lt;&gt;&quot;&quot;,&quot;&#233;&quot;,&quot;&amp;&quot;)</f><v></v></c>'
            b'<c r="B1"><f t="shared" ref="B1:B2" si="0">A1+1</f></c><c r="B2"><f t="shared" si="0"/><v>2</v></c></row></sheetData></worksheet>')
    assert _cellen(data, "blad") == [
        ("A1", {}, 'IF(B1<>"","é","&")', True),
        ("B1", {"t": "shared", "ref": "B1:B2", "si": "0"}, "A1+1", False),
        ("B2", {"t": "shared", "si": "0"}, "", True),
    ]



SHEET_KOP = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _valse_grootte(data: bytes, naam: str, grootte: int, crc: int) -> bytes:
    """Write ``grootte`` and ``crc`` into the local header and the central directory entry
    of the part ``naam`` (which really unpacks to something else)."""
    buf = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(naam)
    struct.pack_into("<II", buf, info.header_offset + 14, crc, info.compress_size)
    struct.pack_into("<I", buf, info.header_offset + 22, grootte)
    centraal = buf.find(b"PK\x01\x02")
    while centraal >= 0:
        n = struct.unpack_from("<H", buf, centraal + 28)[0]
        if bytes(buf[centraal + 46 : centraal + 46 + n]) == naam.encode():
            struct.pack_into("<I", buf, centraal + 16, crc)
            struct.pack_into("<I", buf, centraal + 24, grootte)
            return bytes(buf)
        centraal = buf.find(b"PK\x01\x02", centraal + 4)
    raise AssertionError(naam)


def test_onderdeel_groter_dan_opgegeven_wordt_begrensd(tmp_path):
    """A zip bomb behind a false size in the zip directory: never more than MAX_LID is
    unpacked (zipfile alone would unpack up to 2 GB and keep the first file_size bytes)."""
    blad = SHEET_KOP + b" " * (veilig.MAX_LID + 1024 * 1024)
    data = _valse_grootte(xlsx_bytes({"xl/worksheets/sheet1.xml": blad}), "xl/worksheets/sheet1.xml", 4096, zlib.crc32(blad[:4096]))
    del blad
    p = tmp_path / "valse-grootte.xlsx"
    p.write_bytes(data)
    with pytest.raises(veilig.OnveiligBestand, match=r"^verdacht onderdeel xl/worksheets/sheet1.xml: pakt uit tot meer dan 100 MB"):
        veilig.open_xlsx(p).lees("xl/worksheets/sheet1.xml")
    assert controleer_bestand(p)["reden"].startswith("verdacht onderdeel xl/worksheets/sheet1.xml")


def test_onderdeel_iets_groter_dan_opgegeven_zoals_zipfile(tmp_path):
    """Below that bound the result is zipfile's: the first file_size bytes, CRC checked."""
    blad = SHEET_KOP + b" " * 100_000
    data = _valse_grootte(xlsx_bytes({"xl/worksheets/sheet1.xml": blad}), "xl/worksheets/sheet1.xml", 5000, zlib.crc32(blad[:5000]))
    p = tmp_path / "a.xlsx"
    p.write_bytes(data)
    assert veilig.open_xlsx(p).lees("xl/worksheets/sheet1.xml") == zipfile.ZipFile(p).read("xl/worksheets/sheet1.xml") == blad[:5000]
    p.write_bytes(_valse_grootte(data, "xl/worksheets/sheet1.xml", 5000, 12345))
    with pytest.raises(veilig.OnveiligBestand, match=r"^beschadigd bestand: onderdeel xl/worksheets/sheet1.xml is niet leesbaar \(Bad CRC-32 for file 'xl/worksheets/sheet1.xml'\)$"):
        veilig.open_xlsx(p).lees("xl/worksheets/sheet1.xml")


def test_lees_gelijk_aan_zipfile(tmp_path):
    """A part reads byte for byte as with zipfile, and with a damaged bit anywhere in its
    compressed data it gives zipfile's error in the reason."""
    rijen = b"".join(b'<row r="%d"><c r="A%d"><f>B%d+1</f><v>%d</v></c></row>' % (i, i, i, i) for i in range(1, 3000))
    heel = xlsx_bytes({"xl/worksheets/sheet1.xml": SHEET_KOP + rijen + b"</sheetData></worksheet>"})
    info = zipfile.ZipFile(io.BytesIO(heel)).getinfo("xl/worksheets/sheet1.xml")
    begin = info.header_offset + 30 + len(info.filename)
    rnd = random.Random(1)
    p = tmp_path / "a.xlsx"
    for i in range(300):
        data = bytearray(heel)
        if i:
            data[begin + rnd.randrange(info.compress_size)] ^= 1 << rnd.randrange(8)
        p.write_bytes(data)
        try:
            verwacht = zipfile.ZipFile(p).read("xl/worksheets/sheet1.xml")
        except Exception as exc:
            verwacht = f"beschadigd bestand: onderdeel xl/worksheets/sheet1.xml is niet leesbaar ({exc})"
        try:
            gelezen = veilig.open_xlsx(p).lees("xl/worksheets/sheet1.xml")
        except veilig.OnveiligBestand as exc:
            gelezen = str(exc)
        assert gelezen == verwacht


@pytest.mark.parametrize(
    ("xml", "melding"),
    [
        (b"<a><b></a>", "ongeldige XML in t.xml (regel 1, kolom 9: eindtag past niet bij de begintag)"),
        (b'<a x="1" x="2"/>', "ongeldige XML in t.xml (regel 1, kolom 10: dubbel attribuut)"),
        (b"<x:a/>", "ongeldige XML in t.xml (regel 1, kolom 1: voorvoegsel zonder naamruimte-declaratie)"),
        (b"<a>&foo;</a>", "ongeldige XML in t.xml (regel 1, kolom 4: onbekende entiteit)"),
        (b"<a>\n\x01</a>", "ongeldige XML in t.xml (regel 2, kolom 1: ongeldig teken)"),
        (b"<a>", "ongeldige XML in t.xml (regel 1, kolom 4: onvolledig (afgebroken) onderdeel)"),
    ],
)
def test_xml_fout_in_het_nederlands(xml, melding):
    """The parser's error in Dutch, with line and column (no English expat text)."""
    from xl_meerzorg.workbook.veilig import OnveiligBestand, parse_xml

    with pytest.raises(OnveiligBestand) as exc:
        parse_xml(xml, "t.xml")
    assert str(exc.value) == melding
