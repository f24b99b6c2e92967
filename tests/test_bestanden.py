"""xl_meerzorg.bestanden: reading only regular files with a byte limit, atomic writes that
never lose the previous file, outputs that are never an input, escaped names."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from xl_meerzorg import bestanden as b
from xl_meerzorg.bestanden import BestandFout, DoelFout, lees_begrensd, schrijf_atomair, soort_fout, toon

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and links are POSIX")


# ----------------------------------------------------------------------------- toon


@pytest.mark.parametrize(
    ("tekst", "getoond"),
    [
        ("Cliënt één.xlsx", "Cliënt één.xlsx"),
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        ("regel\nOK", "regel\\nOK"),
        ("tab\there\r", "tab\\there\\r"),
        ("nul\x00", "nul\\x00"),
        ("c1\x9b", "c1\\x9b"),
        ("bidi\u202eslx.exe", "bidi\\u202eslx.exe"),
        ("lijn\u2028", "lijn\\u2028"),
        (os.fsdecode(b"naam-\xff\xfe.xlsx"), "naam-\\xff\\xfe.xlsx"),
        (b"bytes-\xff.json", "bytes-\\xff.json"),
    ],
)
def test_toon(tekst, getoond):
    assert toon(tekst) == getoond


def test_toon_bytes_alleen_onleesbare_bytes():
    assert b.toon_bytes(os.fsdecode(b"a\n\xff")) == "a\n\\xff"
    assert b.toon_bytes("gewoon") == "gewoon"


# --------------------------------------------------------------------------- reading


@posix
def test_soort_fout(tmp_path):
    gewoon = tmp_path / "a.json"
    gewoon.write_text("{}")
    os.mkfifo(tmp_path / "pijp.json")
    (tmp_path / "map.json").mkdir()
    os.symlink("lus.json", tmp_path / "lus.json")
    os.symlink("weg.json", tmp_path / "los.json")
    os.symlink("a.json", tmp_path / "link.json")
    assert soort_fout(gewoon) is None
    assert soort_fout(tmp_path / "link.json") is None
    assert soort_fout(tmp_path / "pijp.json") == "is een named pipe (FIFO), geen gewoon bestand; niet geopend"
    assert soort_fout(tmp_path / "map.json") == "is een map, geen bestand"
    assert soort_fout(tmp_path / "lus.json") == "symbolische koppeling in een lus; niet geopend"
    assert soort_fout(tmp_path / "los.json") == "symbolische koppeling naar een bestand dat niet bestaat"
    assert soort_fout(tmp_path / "bestaat-niet.json") == "bestand niet gevonden"
    assert soort_fout("/dev/null") == "is een apparaat, geen gewoon bestand; niet geopend"


@posix
def test_fifo_wordt_niet_geopend_en_hangt_niet(tmp_path, wekker):
    os.mkfifo(tmp_path / "pijp.xlsx")
    with pytest.raises(BestandFout, match=r"^is een named pipe \(FIFO\), geen gewoon bestand; niet geopend$"):
        lees_begrensd(tmp_path / "pijp.xlsx", 1000)
    # even when asked to read it anyway, the open does not wait for a writer
    assert lees_begrensd(tmp_path / "pijp.xlsx", 1000, alleen_gewoon=False) == b""


@posix
def test_dev_zero_met_limiet(wekker):
    with pytest.raises(BestandFout, match=r"^is een apparaat, geen gewoon bestand; niet geopend$"):
        lees_begrensd("/dev/zero", 1000)
    # read anyway: the limit stops it (never out of memory)
    with pytest.raises(BestandFout, match=r"^bestand is te groot \(meer dan 1000 bytes\)$"):
        lees_begrensd("/dev/zero", 1000, alleen_gewoon=False)


def test_limiet_op_gewoon_bestand(tmp_path):
    p = tmp_path / "groot.json"
    p.write_bytes(b"x" * (3 * b.MB))
    with pytest.raises(BestandFout, match=r"^bestand is te groot \(meer dan 2 MB\)$"):
        lees_begrensd(p, 2 * b.MB)
    assert lees_begrensd(p, 3 * b.MB) == b"x" * (3 * b.MB)


@posix
def test_niet_utf8_naam(tmp_path):
    p = os.path.join(os.fsencode(tmp_path), b"aanvraag-\xff.json")
    with open(p, "wb") as fh:
        fh.write(b"{}")
    naam = os.fsdecode(p)
    assert lees_begrensd(naam, 100) == b"{}"
    assert toon(naam).endswith("aanvraag-\\xff.json")
    doel = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"rapport-\xfe.xlsx"))
    schrijf_atomair(doel, b"nieuw")
    with open(doel, "rb") as fh:
        assert fh.read() == b"nieuw"


# --------------------------------------------------------------------------- writing


def _tijdelijk(map_) -> list[str]:
    return sorted(p.name for p in map_.iterdir() if p.name.endswith(".tmp"))


def test_schrijf_atomair_vervangt(tmp_path):
    doel = tmp_path / "sub" / "r.xlsx"
    assert schrijf_atomair(doel, b"een") == doel
    schrijf_atomair(doel, lambda fh: fh.write(b"twee"))
    assert doel.read_bytes() == b"twee"
    assert _tijdelijk(doel.parent) == []


@pytest.mark.parametrize("fout", [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()])
def test_onderbroken_schrijven_laat_vorige_bestand_heel(tmp_path, monkeypatch, fout):
    """A full disk or Ctrl-C during the save: the previous file survives, no temporary file stays."""
    doel = tmp_path / "rapport.xlsx"
    doel.write_bytes(b"vorig rapport")

    def half(fh):
        fh.write(b"half")
        raise fout

    if isinstance(fout, OSError):
        with pytest.raises(BestandFout, match=f"^kan {doel} niet schrijven: de schijf is vol$"):
            schrijf_atomair(doel, half)
    else:
        with pytest.raises(KeyboardInterrupt):
            schrijf_atomair(doel, half)
    assert doel.read_bytes() == b"vorig rapport"
    assert _tijdelijk(tmp_path) == []


def test_fsync_vol_laat_vorige_bestand_heel(tmp_path, monkeypatch):
    doel = tmp_path / "rapport.xlsx"
    doel.write_bytes(b"vorig")

    def vol(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(b.os, "fsync", vol)
    with pytest.raises(BestandFout, match="de schijf is vol"):
        schrijf_atomair(doel, b"nieuw")
    assert doel.read_bytes() == b"vorig" and _tijdelijk(tmp_path) == []


@posix
def test_hard_link_en_symlink_naar_invoer_geweigerd(tmp_path):
    bron = tmp_path / "formulier.xlsx"
    bron.write_bytes(b"origineel")
    os.link(bron, tmp_path / "hard.xlsx")
    os.symlink("formulier.xlsx", tmp_path / "zacht.xlsx")
    for naam in ("hard.xlsx", "zacht.xlsx", "formulier.xlsx"):
        with pytest.raises(DoelFout) as exc:
            schrijf_atomair(tmp_path / naam, b"rapport", invoer=[bron], wat="het rapport")
        assert str(exc.value) == (
            f"het rapport {tmp_path / naam} is (een koppeling naar) het invoerbestand {bron}; dat wordt nooit overschreven. Kies een andere naam."
        )
    assert bron.read_bytes() == b"origineel"


@posix
def test_symlink_naar_ander_bestand_schrijft_het_doel(tmp_path):
    echt = tmp_path / "echt.xlsx"
    os.symlink("echt.xlsx", tmp_path / "link.xlsx")
    schrijf_atomair(tmp_path / "link.xlsx", b"inhoud")
    assert (tmp_path / "link.xlsx").is_symlink() and echt.read_bytes() == b"inhoud"


def test_doel_is_map_of_onder_bestand(tmp_path):
    (tmp_path / "map").mkdir()
    (tmp_path / "bestand").write_bytes(b"x")
    with pytest.raises(DoelFout, match=f"^kan {tmp_path / 'map'} niet schrijven: dat is een map; geef een bestandsnaam op$"):
        schrijf_atomair(tmp_path / "map", b"r")
    with pytest.raises(DoelFout, match=f"^kan {tmp_path / 'bestand' / 'sub' / 'r.xlsx'} niet schrijven: {tmp_path / 'bestand'} is een bestand, geen map$"):
        schrijf_atomair(tmp_path / "bestand" / "sub" / "r.xlsx", b"r")
    assert (tmp_path / "bestand").read_bytes() == b"x"


def test_alleen_lezen_map(tmp_path, monkeypatch):
    """A folder without write permission (simulated: the tests may run as root)."""
    echt_open = os.open

    def geweigerd(pad, vlaggen, *a):
        if vlaggen & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", pad)
        return echt_open(pad, vlaggen, *a)

    monkeypatch.setattr(b.os, "open", geweigerd)
    with pytest.raises(BestandFout, match=f"^kan {tmp_path / 'r.xlsx'} niet schrijven: geen schrijfrechten in {tmp_path}$"):
        schrijf_atomair(tmp_path / "r.xlsx", b"r")
    assert list(tmp_path.iterdir()) == []


def test_niet_overschrijven(tmp_path):
    doel = tmp_path / "kopie.xlsx"
    doel.write_bytes(b"ontvangen")
    with pytest.raises(DoelFout, match=f"^{doel} bestaat al$"):
        schrijf_atomair(doel, b"nieuw", overschrijven=False)
    assert doel.read_bytes() == b"ontvangen" and _tijdelijk(tmp_path) == []
    nieuw = tmp_path / "nieuw.xlsx"
    schrijf_atomair(nieuw, b"nieuw", overschrijven=False)
    assert nieuw.read_bytes() == b"nieuw" and _tijdelijk(tmp_path) == []


@posix
def test_nieuw_bestand_krijgt_gewone_rechten(tmp_path):
    oud = os.umask(0o022)
    try:
        doel = schrijf_atomair(tmp_path / "r.xlsx", b"r")
    finally:
        os.umask(oud)
    assert stat.S_IMODE(doel.stat().st_mode) == 0o644
