"""xl-meerzorg bereken: output, JSON lines and exit codes."""

from __future__ import annotations

import json
import os
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


def test_tekst_meldingen_zonder_veldpad(tmp_path, capsys):
    """The overview prints a message as a person reads it: no engine field path, control characters escaped."""
    d = json.loads((VOORBEELDEN / "individueel-vg7.json").read_text(encoding="utf-8"))
    d["clienten"][0]["naam"] = "Jan\x1b[2J"
    d["sector"] = ""
    f = tmp_path / "a.json"
    f.write_text(json.dumps(d), encoding="utf-8")
    assert main(["bereken", str(f)]) == 0
    regels = [r for r in capsys.readouterr().out.splitlines() if r.startswith("WAARSCHUWING")]
    assert regels == [
        "WAARSCHUWING [onvolledig]: De sector (GHZ, VVT of GGZ) ontbreekt; het formulier is niet volledig ingevuld.",
        "WAARSCHUWING: Cliënt 1 (Jan\\x1b[2J): nachtzorg 4:00 per week is meer dan de standaard van 2:00 per week; onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; toetsingskader meerzorg, nachtzorg).",
    ]

# ------------------------------------------------------------- files, exit codes, signals


def test_zonder_argumenten_hulp_op_stderr_exit_2(capsys):
    """No command: the Dutch help on stderr, exit 2 (a usage error), nothing on stdout."""
    assert main([]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err.startswith("gebruik: xl-meerzorg [-h] [--versie] OPDRACHT ...\n")
    assert "  koppel    voeg een Python-controleblad toe aan een formulier\n" in uit.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_en_apparaat_niet_geopend(tmp_path, capsys):
    """A FIFO named .json and /dev/zero: refused before opening (no hang, no memory)."""
    os.mkfifo(tmp_path / "pijp.json")
    assert main(["bereken", str(tmp_path / "pijp.json"), "/dev/zero"]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path / 'pijp.json'}: onleesbaar: is een named pipe (FIFO), geen gewoon bestand; niet geopend\n"
        "/dev/zero: onleesbaar: is een apparaat, geen gewoon bestand; niet geopend\n"
    )


def test_leeslimiet(tmp_path, capsys, monkeypatch):
    import xl_meerzorg.cli as cli

    monkeypatch.setattr(cli, "MAX_JSON_BYTES", 100)
    pad = tmp_path / "groot.json"
    pad.write_text('{"jaar": 2026, "x": "' + "a" * 200 + '"}', encoding="utf-8")
    assert main(["bereken", str(pad)]) == 2
    assert capsys.readouterr().err == f"{pad}: onleesbaar: bestand is te groot (meer dan 100 bytes)\n"


def test_stuurtekens_in_naam_getoond_als_escape(tmp_path, capsys):
    """A file name with an ANSI escape and a newline is printed escaped (no fake lines)."""
    naam = str(tmp_path / "a\x1b[2J\nOK.json")
    assert main(["bereken", naam]) == 2
    err = capsys.readouterr().err
    assert err == f"{tmp_path}/a\\x1b[2J\\nOK.json: onleesbaar: bestand niet gevonden\n"
    assert main(["bereken", "--json", naam]) == 2
    regel = capsys.readouterr().out
    assert regel.count("\n") == 1 and "\x1b" not in regel
    assert json.loads(regel)["bestand"] == naam  # JSON escapes control characters itself


def test_niet_utf8_bestandsnaam(tmp_path, capsys):
    p = os.path.join(os.fsencode(tmp_path), b"aanvraag-\xff.json")
    with open(p, "wb") as fh:
        fh.write((VOORBEELDEN / "individueel-vg7.json").read_bytes())
    naam = os.fsdecode(p)
    assert main(["bereken", naam]) == 0
    assert f"{tmp_path}/aanvraag-\\xff.json" in capsys.readouterr().out
    assert main(["bereken", "--json", naam]) == 0
    assert json.loads(capsys.readouterr().out)["bestand"] == f"{tmp_path}/aanvraag-\\xff.json"


def test_ctrl_c_een_regel_exit_130(monkeypatch, capsys):
    import xl_meerzorg.cli as cli

    def onderbroken(_aanvraag):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "bereken", onderbroken)
    assert main(["bereken", str(VOORBEELDEN / "individueel-vg7.json")]) == 130
    assert capsys.readouterr().err == "xl-meerzorg: afgebroken (Ctrl-C); er is niets half geschreven.\n"


def test_gebroken_pijp_stil_exit_141():
    """``| head``: the reader closes the pipe; no traceback, exit 141 (128 + SIGPIPE)."""
    import subprocess
    import sys

    code = "import sys; from xl_meerzorg.cli import main; sys.exit(main())"
    bestanden = [str(VOORBEELDEN / "individueel-vg7.json")] * 200
    p = subprocess.Popen([sys.executable, "-c", code, "bereken", *bestanden], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.read(100)
    p.stdout.close()
    err = p.stderr.read()
    p.stderr.close()
    assert p.wait(timeout=60) == 141
    assert err == b""


def test_bouw_fouten_op_stderr_exit_2(tmp_path, capsys):
    (tmp_path / "bestand").write_bytes(b"x")
    assert main(["bouw", "--jaar", "2026", "--uit", str(tmp_path / "bestand" / "uit")]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err == (
        f"Fout: kan {tmp_path / 'bestand' / 'uit' / 'aanvraagformulier-meerzorg-2026.xlsx'} niet schrijven: "
        f"{tmp_path / 'bestand'} is een bestand, geen map.\n"
    )
    assert (tmp_path / "bestand").read_bytes() == b"x"
    assert main(["bouw", "--jaar", "1999", "--uit", str(tmp_path)]) == 2
    assert capsys.readouterr().err == "Fout: Geen parameterset voor 1999; beschikbaar: 2025, 2026.\n"
