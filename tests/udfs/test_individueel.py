"""MZ_INDIVIDUEEL and friends: the worked examples, the value types xlwings passes, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_meerzorg.udfs import meerzorg as mz
from xl_meerzorg import bereken, lees_aanvraag
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.model import VALT_BINNEN

from .voorbeelden import individueel, kolom, tijd, vv8

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def uren(h: float) -> float:
    return h / 24


def test_worked_example_vg7():
    a = individueel()
    assert mz.MZ_UITKOMST(**a) == "Meerzorgprofiel 6"
    mzu = mz.MZ_MEERZORGUREN(**a)
    assert isinstance(mzu, float)
    assert cents(mzu * 24) == 73.95
    assert seconds(mzu) == seconds(uren(73.95479816747175)) == 266237
    assert cents(mz.MZ_JAARBEDRAG(**a)) == 184407.75
    assert cents(mz.MZ_ETMAALBEDRAG(**a)) == 505.23
    assert mz.MZ_INDIVIDUEEL("uitkomst_label", **a) == "Meerzorgprofiel 6"
    assert mz.MZ_INDIVIDUEEL("prestatiecode", **a) == "Z473"
    assert seconds(mz.MZ_INDIVIDUEEL("zzp_uren", **a)) == seconds(uren(33.75))
    assert mz.MZ_INDIVIDUEEL("context_binnen_profiel", **a) == "Ja"
    assert cents(mz.MZ_INDIVIDUEEL("context_drempel", **a)) == 13125.72
    assert mz.MZ_INDIVIDUEEL("context_boven_drempel", **a) == 0.0
    assert mz.MZ_MELDINGEN(**a) == [["waarschuwing", "clienten[0].nachtzorg", "Cliënt 1: nachtzorg 4:00 per week is meer dan de standaard van 2:00 per week; onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; toetsingskader meerzorg, nachtzorg)."]]
    assert mz.MZ_MELDINGEN(**individueel(nachtzorg=2 / 24)) == [["Geen meldingen", "", ""]]  # exactly the standard 2:00


def test_worked_example_vv8():
    a = vv8()
    assert mz.MZ_UITKOMST(**a) == "Meerzorgprofiel 1"
    assert cents(mz.MZ_MEERZORGUREN(**a) * 24) == 18.89
    assert cents(mz.MZ_JAARBEDRAG(**a)) == 12737.71
    assert cents(mz.MZ_ETMAALBEDRAG(**a)) == 34.90


def test_same_as_engine_on_the_json_example():
    """The UDF path (cells) and the JSON path give bit-identical results for every output."""
    data = json.loads((EXAMPLES / "individueel-vg7.json").read_text(encoding="utf-8"))
    verwacht = bereken(lees_aanvraag(data)).clienten[0]
    a = individueel()
    for uitvoer in mz.UITVOER_CLIENT:
        waarde = getattr(verwacht, uitvoer)
        assert mz.MZ_INDIVIDUEEL(uitvoer, **a) == ("" if waarde is None else waarde), uitvoer
    rijen = mz.MZ_RESULTAAT(**a)
    assert [r[0] for r in rijen] == [label for label, _ in mz.RESULTAAT_RIJEN]
    for (label, key), (_, waarde) in zip(mz.RESULTAAT_RIJEN, rijen):
        assert waarde == getattr(verwacht, key), label


def test_resultaat_is_a_two_column_table():
    rijen = mz.MZ_RESULTAAT(**individueel())
    assert all(isinstance(r, list) and len(r) == 2 for r in rijen)
    d = dict(rijen)
    assert d["Uitkomst"] == "Meerzorgprofiel 6"
    assert cents(d["Jaarbedrag"]) == 184407.75
    assert seconds(d["Woonzorg (weekbasis)"]) == seconds(uren(77))
    assert seconds(d["Dagbesteding (weekbasis)"]) == seconds(uren(17.5))


# Equivalent ways a cell can hold the same value; every variant gives the worked example.
GELIJKWAARDIG = [
    pytest.param({"nachtzorg": 4 / 24}, id="nachtzorg-float"),
    pytest.param({"nachtzorg": "4:00"}, id="nachtzorg-tekst"),
    pytest.param({"nachtzorg": " 4:00:00 "}, id="nachtzorg-tekst-seconden"),
    pytest.param({"nachtzorg": [[tijd(4)]]}, id="nachtzorg-1x1-bereik"),
    pytest.param({"context_uren_jaar": "52:00"}, id="context-tekst"),
    pytest.param({"context_uren_jaar": 52 / 24}, id="context-float"),
    pytest.param({"dagbesteding": "ja ", "behandeling": " JA"}, id="ja-spaties"),
    pytest.param({"dagbesteding": True, "behandeling": True}, id="bool"),
    pytest.param({"jaar": 2026, "tarief": "100%"}, id="int-jaar-procent"),
    pytest.param({"tarief": "1,0"}, id="tarief-komma"),
    pytest.param({"type": "individueel"}, id="type-kort"),
    pytest.param({"type": " enkelvoudige aanvraag (individueel) "}, id="type-spaties"),
    pytest.param({"dag_tot": [tijd(9), tijd(16), tijd(23)], "dag_functie": ["Wonen", "Dagbesteding", "Wonen"],
                  "dag_ratio": [1.0, 2.0, 1.0]}, id="1d-lijsten"),
    pytest.param({"dag_tot": kolom("9:00", "16:00", "23:00")}, id="tijden-als-tekst"),
    pytest.param({"dag_tot": kolom(9 / 24, 16 / 24, 23 / 24)}, id="tijden-als-float"),
    pytest.param({"context_euros": [5000.0, None]}, id="euros-1d"),
    pytest.param({"context_euros": [[5000.0, None]]}, id="euros-rij"),
    pytest.param({"context_euros": [[None], [5000.0]]}, id="euros-tweede-cel"),
    pytest.param({"min_uren": 0.0, "maanden": 12.0}, id="min-uren-0-maanden"),
]  # fmt: skip


@pytest.mark.parametrize("over", GELIJKWAARDIG)
def test_equivalent_cell_values(over):
    a = individueel(**over)
    assert mz.MZ_UITKOMST(**a) == "Meerzorgprofiel 6"
    assert seconds(mz.MZ_MEERZORGUREN(**a)) == 266237
    assert cents(mz.MZ_JAARBEDRAG(**a)) == 184407.75


def test_thirty_hours_arrives_as_next_day():
    """A [u]:mm cell with 30:00 arrives as 1899-12-31 06:00 and counts as 30 hours."""
    met_datetime = mz.MZ_INDIVIDUEEL("totaal_uren", **individueel(behandelaren=tijd(30)))
    assert tijd(30) == __import__("datetime").datetime(1899, 12, 31, 6, 0)
    met_tekst = mz.MZ_INDIVIDUEEL("totaal_uren", **individueel(behandelaren="30:00"))
    assert seconds(met_datetime) == seconds(met_tekst)
    basis = mz.MZ_INDIVIDUEEL("totaal_uren", **individueel(behandelaren=None))
    factor = mz.MZ_PARAMETER(2026, "behandelfactor")
    assert seconds(met_datetime - basis) == seconds(uren(30) * factor)


def test_preventief():
    a = individueel(type="Preventieve Meerzorg")
    assert mz.MZ_UITKOMST(**a) == "Meerzorgprofiel 6"
    assert cents(mz.MZ_JAARBEDRAG(**a)) == 184407.75


def test_tarief_scales_year_amount():
    a = individueel(tarief=0.95)
    assert cents(mz.MZ_JAARBEDRAG(**a)) == cents(184407.75451910877 * 0.95)


def test_below_zzp_hours():
    """Below the ZZP hours: meerzorguren shows the official E38 text, no amounts (empty)."""
    a = individueel(
        dag_tot=kolom(tijd(23)), dag_functie=kolom("Wonen"), dag_ratio=kolom(8.0),
        weekend_tot=kolom(tijd(23)), weekend_functie=kolom("Wonen"), weekend_ratio=kolom(8.0),
        nachtzorg=None, behandelaren=None, context_uren_jaar=None, context_euros=[[None], [None]],
    )  # fmt: skip
    assert mz.MZ_MEERZORGUREN(**a) == VALT_BINNEN
    assert mz.MZ_UITKOMST(**a) == VALT_BINNEN
    assert mz.MZ_INDIVIDUEEL("uitkomst_label", **a) == ""
    assert mz.MZ_JAARBEDRAG(**a) == ""
    assert mz.MZ_ETMAALBEDRAG(**a) == ""
    assert mz.MZ_INDIVIDUEEL("budget_100", **a) == ""
    assert mz.MZ_INDIVIDUEEL("prestatiecode", **a) == "Z473"


def test_niet_meerzorg_waardig_has_no_amounts():
    a = individueel(
        dag_tot=kolom(tijd(23)), dag_functie=kolom("Wonen"), dag_ratio=kolom(3.0),
        weekend_tot=kolom(tijd(23)), weekend_functie=kolom("Wonen"), weekend_ratio=kolom(3.0),
        nachtzorg=None, behandelaren=None, context_uren_jaar=None, context_euros=[[None], [None]],
    )  # fmt: skip
    assert mz.MZ_UITKOMST(**a) == "Niet meerzorg waardig"
    assert isinstance(mz.MZ_MEERZORGUREN(**a), float)
    assert mz.MZ_JAARBEDRAG(**a) == ""


def test_warning_does_not_block_numbers():
    a = individueel(context_euros=[[20000.0], [None]])
    meldingen = mz.MZ_MELDINGEN(**a)
    assert [m[0] for m in meldingen] == ["waarschuwing", "waarschuwing"]  # nachtzorg 4:00, context
    assert meldingen[1][1] == "clienten[0].context_euros[0]"  # the cell of the first amount
    assert isinstance(mz.MZ_JAARBEDRAG(**a), float)
    assert mz.MZ_INDIVIDUEEL("context_binnen_profiel", **a) == "Nee"


def test_numpy_arrays_are_accepted():
    """A formula evaluator (e.g. the formulas package) may pass ranges as NumPy arrays."""
    np = pytest.importorskip("numpy")
    a = individueel()
    als_array = {k: np.array(v, dtype=object) if isinstance(v, list) else v for k, v in a.items()}
    als_array["tarief"] = np.float64(1.0)
    assert mz.MZ_UITKOMST(**als_array) == "Meerzorgprofiel 6"
    assert mz.MZ_JAARBEDRAG(**als_array) == mz.MZ_JAARBEDRAG(**a)


def test_identiteit_optioneel_en_gecontroleerd():
    """naam/bsn/dates are optional; an invalid BSN or opname after ingang is a fout, no number."""
    import datetime as dt

    a = individueel()
    goed = mz.MZ_JAARBEDRAG(**a, naam="Jan", bsn=111222333.0, geboortedatum=dt.datetime(1990, 5, 17),
                            opname=dt.datetime(2024, 1, 1), ingang=dt.datetime(2026, 1, 1))  # fmt: skip
    assert goed == mz.MZ_JAARBEDRAG(**a)
    assert mz.MZ_JAARBEDRAG(**a, naam="Jan", bsn="123456789") == (
        "Fout: Cliënt 1 (Jan): BSN 123456789 is ongeldig (voldoet niet aan de 11-proef)."
    )
    assert mz.MZ_UITKOMST(**a, opname=dt.datetime(2026, 3, 1), ingang=dt.datetime(2026, 1, 1)) == (
        "Fout: Cliënt 1: de datum opname (01-03-2026) ligt na de beoogde ingangsdatum (01-01-2026)."
    )
