"""xl-meerzorg bereken: output, JSON lines and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_meerzorg.cli import main

VOORBEELDEN = Path(__file__).resolve().parents[1] / "examples"


def test_overzicht_in_het_nederlands(capsys):
    """The readable overview of the shipped individual example."""
    assert main(["bereken", str(VOORBEELDEN / "individueel-vg7.json")]) == 0
    out = capsys.readouterr().out
    assert "Cliënt 1: VG7 (Z473)" in out
    assert "  Meerzorguren (weekbasis)                    73:57\n" in out
    assert "  Uitkomst                               Meerzorgprofiel 6\n" in out
    assert "Totaal jaarbedrag meerzorg 2026: € 184.407,75\n" in out
    assert "Berekend etmaalbedrag: € 505,23\n" in out


def test_json_een_regel_per_bestand(capsys):
    """--json prints one object per file per line, numbers unrounded, hours as decimal hours."""
    files = [str(VOORBEELDEN / "individueel-vg7.json"), str(VOORBEELDEN / "groep-vg7.json")]
    assert main(["bereken", *files, "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    ind, groep = (json.loads(x) for x in lines)
    c = ind["clienten"][0]
    assert (c["zorgprofiel"], c["prestatiecode"], c["uitkomst"]) == ("VG7", "Z473", "Meerzorgprofiel 6")
    assert c["meerzorguren"] == pytest.approx(73.95479816747175, abs=1e-9)
    assert c["jaarbedrag"] == pytest.approx(184407.75451910877, abs=1e-6)
    assert ind["totaal"]["etmaalbedrag"] == pytest.approx(505.2267247098871, abs=1e-9)
    assert [m["veld"] for m in ind["meldingen"]] == ["clienten[0].nachtzorg"]  # 4:00 is above the standard 2:00
    assert [x["uitkomst"] for x in groep["clienten"]] == ["Meerzorgprofiel 5", "Meerzorgprofiel 2", "Meerzorgprofiel 4", "Meerzorgprofiel 1"]
    assert groep["groep"]["aantal_met_budget"] == 4


def test_exitcode_1_bij_fout(tmp_path, capsys):
    """A file with a fout: exit 1, the messages, no amounts."""
    f = tmp_path / "fout.json"
    f.write_text(json.dumps({"jaar": 2026, "soort": "individueel", "tariefpercentage": 1.5, "clienten": [{"zorgprofiel": "VG7", "dagbesteding": True, "behandeling": True, "wonen": "60:00"}]}), encoding="utf-8")
    assert main(["bereken", str(f), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["meldingen"] == [{"niveau": "fout", "veld": "tariefpercentage", "tekst": "Het tariefpercentage 150% (ingevuld: 1,5) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in."}]
    assert d["totaal"] == {"jaarbedrag": None, "etmaalbedrag": None}


@pytest.mark.parametrize(
    ("inhoud", "reden"),
    [(b"{kapot", "geen geldige JSON (regel 1, kolom 2)"), (b"\xff\xfe\x00", "geen UTF-8-tekst")],
)
def test_exitcode_2_onleesbaar_en_de_rest_gaat_door(tmp_path, capsys, inhoud, reden):
    """An unreadable file: exit 2, a Dutch reason, and the other files are still computed."""
    bad = tmp_path / "kapot.json"
    bad.write_bytes(inhoud)
    assert main(["bereken", str(bad), str(VOORBEELDEN / "individueel-vg7.json"), "--json"]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0]) == {"bestand": str(bad), "onleesbaar": reden}
    assert json.loads(lines[1])["totaal"]["jaarbedrag"] == pytest.approx(184407.75451910877)


def test_ontbrekend_bestand(capsys):
    """A missing file is reported, not a traceback."""
    assert main(["bereken", "bestaat-niet.json"]) == 2
    assert capsys.readouterr().err == "bestaat-niet.json: onleesbaar: bestand niet gevonden\n"


def test_invoerbestand_blijft_ongewijzigd(tmp_path):
    """The tool never modifies a file given to it."""
    f = tmp_path / "a.json"
    f.write_bytes((VOORBEELDEN / "individueel-vg7.json").read_bytes())
    before = (f.read_bytes(), f.stat().st_mtime_ns)
    main(["bereken", str(f)])
    assert (f.read_bytes(), f.stat().st_mtime_ns) == before


def test_hulp_in_het_nederlands(capsys):
    """--help shows argparse's own texts in Dutch."""
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: xl-meerzorg [-h] [--versie] OPDRACHT ...\n")
    assert "  -h, --help  toon deze hulp en stop\n  --versie    toon de versie en stop\n" in out


def test_ontbrekend_argument_in_het_nederlands(capsys):
    """A missing argument: Dutch error on stderr, exit code 2."""
    with pytest.raises(SystemExit) as exc:
        main(["bereken"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.endswith("xl-meerzorg bereken: fout: deze argumenten ontbreken: BESTAND\n")


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        ('{"jaar": ' + "9" * 5000 + "}", {"onleesbaar": "geen geldige JSON (een getal is te lang)"}),
        ('{"jaar": 1' + "0" * 400 + ', "soort": "individueel", "clienten": []}', {"jaar": 0}),
    ],
)
def test_reuzengetallen_geen_traceback(tmp_path, capsys, inhoud, verwacht):
    """Integers beyond any limit: a message, never a traceback."""
    pad = tmp_path / "a.json"
    pad.write_text(inhoud, encoding="utf-8")
    code = main(["bereken", "--json", str(pad)])
    uit = json.loads(capsys.readouterr().out)
    assert verwacht.items() <= uit.items()
    assert code == (2 if "onleesbaar" in verwacht else 1)
