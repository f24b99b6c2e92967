"""The script accepts dates and times as Excel serial numbers (xlwings Lite) and as datetimes,
times and durations (classic xlwings, openpyxl): the same report either way."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from xl_meerzorg.workbook import officieel as off
from xl_meerzorg.workbook.lite import controle

EPOCH = dt.datetime(1899, 12, 30)
TIJDEN = {off.AANVRAAG_IND: ("D", "P", "I5", "I6", "I7", "I8"), off.GROEP: ("D", "E", "F", "H", "J", "C8")}
DATUMS = {off.CLIENTGEGEVENS: ("F", "R", "T")}


def _als_datetime(cellen: dict, soort: str) -> dict:
    uit = {b: dict(c) for b, c in cellen.items()}
    for blad, kolommen in {**TIJDEN, **DATUMS}.items():
        for ref, v in uit.get(blad, {}).items():
            kol = ref.rstrip("0123456789")
            if isinstance(v, float) and (kol in kolommen or ref in kolommen):
                d = EPOCH + dt.timedelta(days=v)
                if soort == "time" and blad in TIJDEN and v < 1:
                    uit[blad][ref] = d.time()
                elif soort == "timedelta" and blad in TIJDEN:
                    uit[blad][ref] = dt.timedelta(days=v)
                else:
                    uit[blad][ref] = d
    return uit


def _rapport(cellen: dict) -> dict:
    def lees(blad):
        c = cellen[blad]
        return [[c.get(f"{controle.kolom_letters(k)}{r + 1}") for k in range(32)] for r in range(100)]

    return controle.rapport(controle.Formulier(lees, dict(off.OFFICIELE_BLADEN))).cellen


@pytest.mark.parametrize("soort", ["datetime", "time", "timedelta"])
@pytest.mark.parametrize("naam", ["ind2026_profiel", "prev2026", "groep2025", "gen-groep-2026", "gen-pauze-2025"])
def test_datums_en_tijden_als_getal_of_datetime(gevallen, naam, soort):
    serieel = _rapport(gevallen[naam])
    anders = _als_datetime(gevallen[naam], soort)
    assert anders != gevallen[naam]
    met_datetime = _rapport(anders)
    assert set(serieel) == set(met_datetime)
    for ref, v in serieel.items():
        w = met_datetime[ref]
        if isinstance(v, float) and isinstance(w, float):
            assert math.isclose(v, w, rel_tol=0, abs_tol=1e-6), (ref, v, w)
        else:
            assert v == w, ref


@pytest.mark.parametrize("soort", ["euro", "tijd", "tekst"])
def test_verschil_zoals_koppel(soort):
    """The script's difference cells say what koppel's difference formula (and cache) says."""
    from xl_meerzorg.workbook.koppel.blad import verschil_waarde

    waarden = [None, "", 0.0, 1.5, 3, True, "Maatwerk", "maatwerk", "Fout: x", float("nan")]
    for a in waarden:
        for b in waarden:
            v, w = controle.verschil(a, b, soort), verschil_waarde(a, b, soort)
            assert v == w or (v != v and w != w), (a, b, v, w)
