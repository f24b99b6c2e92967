"""Argument sets for the UDFs, shaped exactly as xlwings passes them on Windows.

Numbers arrive as float, empty cells as None, ranges with ndim=2 as lists of rows
(an n x 1 column is [[v], [v], ...]), time-formatted cells as datetime counted from
1899-12-30 (07:00 is 1899-12-30 07:00, 30:00 is 1899-12-31 06:00).
"""

from __future__ import annotations

import datetime as dt

EPOCH = dt.datetime(1899, 12, 30)
RIJEN_DAGPROGRAMMA = 59  # Aanvraag individueel rows 16..74


def tijd(uren: int, minuten: int = 0) -> dt.datetime:
    """A time/duration cell as xlwings passes it."""
    return EPOCH + dt.timedelta(hours=uren, minutes=minuten)


def kolom(*waarden, rijen: int = RIJEN_DAGPROGRAMMA) -> list[list]:
    """An n x 1 range padded with empty cells, as xlwings passes it with ndim=2."""
    return [[v] for v in waarden] + [[None] for _ in range(rijen - len(waarden))]


def individueel(**over) -> dict:
    """The worked VG7 example (README / examples/individueel-vg7.json) as UDF arguments."""
    args = {
        "jaar": 2026.0,
        "type": "Enkelvoudige aanvraag (individueel)",
        "tarief": 1.0,
        "zorgprofiel": "VG7",
        "dagbesteding": "Ja",
        "behandeling": "Ja",
        "dag_tot": kolom(tijd(9), tijd(16), tijd(23)),
        "dag_functie": kolom("Wonen", "Dagbesteding", "Wonen"),
        "dag_ratio": kolom(1.0, 2.0, 1.0),
        "weekend_tot": kolom(tijd(23)),
        "weekend_functie": kolom("Wonen"),
        "weekend_ratio": kolom(1.0),
        "nachtzorg": tijd(4),
        "behandelaren": tijd(2),
        "min_uren": None,
        "context_uren_jaar": tijd(52),  # 52:00 arrives as 1900-01-01 04:00
        "context_euros": [[5000.0], [None]],
    }
    args.update(over)
    return args


def vv8(**over) -> dict:
    args = individueel(
        zorgprofiel="VV8",
        dag_tot=kolom(tijd(12), tijd(23)),
        dag_functie=kolom("Wonen", "Wonen"),
        dag_ratio=kolom(2.0, 3.0),
        weekend_tot=kolom(tijd(23)),
        weekend_functie=kolom("Wonen"),
        weekend_ratio=kolom(3.0),
        nachtzorg=tijd(2),
        behandelaren=None,
        context_uren_jaar=None,
        context_euros=[[None], [None]],
    )
    args.update(over)
    return args


GROEP_RIJEN = 17


def _groep_kolom(waarden: dict[int, object]) -> list[list]:
    return [[waarden.get(rij)] for rij in range(1, GROEP_RIJEN + 1)]


# Three clients on rows 1, 3 and 6 of the 17-row group ranges (rows 2, 4, 5 empty).
GROEP_CLIENTEN = {
    1: {"naam": "Cliënt A", "zorgprofiel": "VG7", "dagbesteding": "Ja", "behandeling": "Ja",
        "wonen": tijd(70), "dagbesteding_uren": tijd(20), "nachtzorg": tijd(4), "behandelaren": tijd(2),
        "min_uren": None},
    3: {"naam": "Cliënt B", "zorgprofiel": "VG7", "dagbesteding": "ja ", "behandeling": "Nee",
        "wonen": "45:00", "dagbesteding_uren": 10 / 24, "nachtzorg": tijd(2), "behandelaren": None,
        "min_uren": None},
    6: {"naam": "Cliënt C", "zorgprofiel": "VG8", "dagbesteding": " NEE", "behandeling": "Ja",
        "wonen": tijd(60), "dagbesteding_uren": None, "nachtzorg": tijd(6), "behandelaren": tijd(1, 30),
        "min_uren": tijd(1)},
}  # fmt: skip

# The same group as engine JSON (what lees_aanvraag reads).
GROEP_JSON = {
    "jaar": 2026,
    "soort": "groep",
    "tariefpercentage": 0.97,
    "clienten": [
        {"naam": "Cliënt A", "zorgprofiel": "VG7", "dagbesteding": True, "behandeling": True, "maanden": 12,
         "wonen": "70:00", "dagbesteding_uren": "20:00", "nachtzorg": "4:00", "behandelaren": "2:00"},
        {"naam": "Cliënt B", "zorgprofiel": "VG7", "dagbesteding": True, "behandeling": False, "maanden": 12,
         "wonen": "45:00", "dagbesteding_uren": "10:00", "nachtzorg": "2:00"},
        {"naam": "Cliënt C", "zorgprofiel": "VG8", "dagbesteding": False, "behandeling": True, "maanden": 12,
         "wonen": "60:00", "nachtzorg": "6:00", "behandelaren": "1:30", "min_uren": "1:00"},
    ],
    "groep": {"context_uren_jaar": "104:00", "context_euros": [25000, 2500]},
}  # fmt: skip
GROEP_RIJ_NAAR_INDEX = {1: 0, 3: 1, 6: 2}


def groep(clienten: dict[int, dict] | None = None, **over) -> dict:
    """MZ_GROEP arguments (without uitvoer and client_nr) for the 17-row ranges."""
    clienten = GROEP_CLIENTEN if clienten is None else clienten

    def k(veld: str) -> list[list]:
        return _groep_kolom({rij: c.get(veld) for rij, c in clienten.items()})

    args = {
        "jaar": 2026.0,
        "tarief": 0.97,
        "namen": k("naam"),
        "zorgprofielen": k("zorgprofiel"),
        "dagbestedingen": k("dagbesteding"),
        "behandelingen": k("behandeling"),
        "wonen": k("wonen"),
        "dagbesteding_uren": k("dagbesteding_uren"),
        "nachtzorg": k("nachtzorg"),
        "behandelaren": k("behandelaren"),
        "min_uren": k("min_uren"),
        "context_uren_jaar": tijd(104),
        "context_euros": [[25000.0], [2500.0]],
        "maanden": 12.0,
    }
    args.update(over)
    return args
