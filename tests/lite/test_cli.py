"""``xl-meerzorg koppel PAD --lite`` and ``xl-meerzorg bouw --jaar J --lite`` (the staff form)."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.koppel.gevallen import REFERENCE, TEMPLATES
from tests.lite.draai import cellen_van, draai
from xl_meerzorg import bereken
from xl_meerzorg.cli import main
from xl_meerzorg.parameters import laad_parameters
from xl_meerzorg.workbook import officieel as off
from xl_meerzorg.workbook.lite import pakket
from xl_meerzorg.workbook.lite.genereer import main_py


def test_koppel_lite_cli(tmp_path, capsys):
    if not TEMPLATES[2026].exists():
        pytest.skip(f"officiële rekentool niet gevonden in {REFERENCE}")
    code = main(["koppel", str(TEMPLATES[2026]), "--uit", str(tmp_path), "--lite"])
    uit = capsys.readouterr()
    kopie = tmp_path / f"{TEMPLATES[2026].stem}-lite.xlsx"
    assert code == 0, uit.err
    assert uit.out == f"{TEMPLATES[2026]} -> {kopie} (officieel formulier 2026; type aanvraag nog niet gekozen)\n"
    assert pakket.WEBEXTENSIE in zipfile.ZipFile(kopie).namelist()
    # a folder: a -lite copy is recognised as koppel's own copy and skipped
    code = main(["koppel", str(tmp_path), "--lite"])
    assert (code, capsys.readouterr().err) == (2, f"geen formulieren gevonden in {tmp_path}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [kopie.name]
    # an existing -lite copy is replaced only with --overschrijf (it is koppel's own copy)
    assert main(["koppel", str(TEMPLATES[2026]), "--uit", str(tmp_path), "--lite"]) == 2
    assert "bestaat al; niet overschreven" in capsys.readouterr().err
    assert main(["koppel", str(TEMPLATES[2026]), "--uit", str(tmp_path), "--lite", "--overschrijf"]) == 0
    from xl_meerzorg.workbook.koppel import is_koppel_kopie

    assert is_koppel_kopie(kopie)


def test_koppel_lite_weigert_een_kopie_met_webextensie(tmp_path, capsys):
    if not TEMPLATES[2026].exists():
        pytest.skip(f"officiële rekentool niet gevonden in {REFERENCE}")
    main(["koppel", str(TEMPLATES[2026]), "--uit", str(tmp_path), "--lite"])
    capsys.readouterr()
    kopie = tmp_path / f"{TEMPLATES[2026].stem}-lite.xlsx"
    code = main(["koppel", str(kopie), "--uit", str(tmp_path / "x"), "--lite"])
    assert code == 2
    assert capsys.readouterr().err == f"{kopie}: heeft al een blad 'Python-controle' (is al gekoppeld)\n"


def _vul_eigen(pad: Path, doel: Path) -> Path:
    """A few inputs in this project's own form (the official cell positions)."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(pad)
    b = off.EIGEN_BLADEN
    wb[b["voorblad"]]["C23"] = "Enkelvoudige aanvraag (individueel)"
    wb[b["voorblad"]]["C17"] = 1.0
    cg = wb[b["clientgegevens"]]
    cg["D7"], cg["J7"], cg["L7"], cg["N7"] = "Eva", "VG7", "Ja", "Ja"
    ai = wb[b["aanvraag_individueel"]]
    for i, (tot, functie, ratio) in enumerate([("09:00", "Wonen", 1), ("16:00", "Dagbesteding", 2), ("23:00", "Wonen", 1)]):
        h, m = map(int, tot.split(":"))
        for k_tot, k_f, k_r in (off.DAG_MA_VR, off.DAG_ZA_ZO):
            ai[f"{k_tot}{16 + i}"] = dt.time(h, m)
            ai[f"{k_f}{16 + i}"] = functie
            ai[f"{k_r}{16 + i}"] = ratio
    ai["I5"] = dt.timedelta(hours=4)
    wb.save(doel)
    return doel


def test_bouw_lite_eigen_formulier(tmp_path, capsys):
    """bouw --lite writes the staff form's -lite copy; main.py's script reads the own form."""
    code = main(["bouw", "--jaar", "2026", "--uit", str(tmp_path), "--lite"])
    out = capsys.readouterr().out
    lite = tmp_path / "aanvraagformulier-meerzorg-2026-udf-lite.xlsx"
    assert code == 0
    assert f"  {lite}  (zorgkantoor, xlwings Lite)\n" in out
    props = pakket.eigenschappen(main_py())
    assert set(props) == {"main.py", "requirements.txt", "pyodideVersion", "addinVersion"}
    # the own form, filled in, checked by the script under isolated CPython
    gevuld = _vul_eigen(tmp_path / "aanvraagformulier-meerzorg-2026-udf.xlsx", tmp_path / "eigen.xlsx")
    assert main(["koppel", str(gevuld), "--lite"]) == 0
    cellen = cellen_van(tmp_path / "eigen-lite.xlsx", [*off.EIGEN_BLADEN.values(), "Python-controle"])
    uit = draai(main_py(), [(cellen, [])])[0]
    pc = uit["cellen"]["Python-controle"]
    get = lambda blad, ref: cellen.get(blad, {}).get(ref)  # noqa: E731
    aanvraag, _ = off.lees_officieel(get, 2026, off.EIGEN_BLADEN)
    res = bereken(aanvraag, laad_parameters(2026))
    assert not [m for m in res.meldingen if m.niveau == "fout"]
    c = res.clienten[0]
    assert pc["B5"] == "Versie 2026.01"
    assert (pc["B9"], pc["C9"]) == ("Eva", "VG7")
    assert (pc["F9"], pc["I9"], pc["L9"], pc["O9"], pc["Q9"]) == (c.uitkomst_label or None, c.meerzorguren, c.jaarbedrag, c.etmaalbedrag, c.uitkomst)
    assert pc == cellen["Python-controle"] | {k: v for k, v in pc.items() if isinstance(v, float)}  # texts unchanged
