"""Test forms for koppel: official ZN templates filled with openpyxl (cases as data)."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

REFERENCE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "reference").resolve()
TEMPLATES = {
    2025: REFERENCE / "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    2026: REFERENCE / "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
}
TYPES = {
    "individueel": "Enkelvoudige aanvraag (individueel)",
    "preventief": "Preventieve Meerzorg",
    "groep": "Meervoudige aanvraag (groepsmeerzorg)",
}


def u(text: str) -> dt.timedelta:
    h, m = text.split(":")
    return dt.timedelta(hours=int(h), minutes=int(m))


def t(text: str) -> dt.time:
    h, m = text.split(":")
    return dt.time(int(h), int(m))


# Day programme rows: (tot, functie, 1 begeleider op ...)
DAG_RUIM = [("09:00", "Wonen", 1), ("12:00", "Dagbesteding", 2), ("17:00", "Dagbesteding", 1), ("23:00", "Wonen", 1)]
DAG_KLEIN = [("09:00", "Wonen", 3), ("16:00", "Dagbesteding", 4), ("22:00", "Wonen", 3)]
DAG_MAATWERK = [("09:00", "Wonen", 1), ("12:00", "Dagbesteding", 2), ("23:00", "Wonen", 1)]
WEEKEND = [("12:00", "Wonen", 2), ("22:00", "Wonen", 2)]

# name -> case. Individual: client, day programme and hours; group: clients with weekly hours.
GEVALLEN: dict[str, dict] = {
    "ind2026_maatwerk": {
        "jaar": 2026, "type": "individueel", "tarief": 0.95,
        "clienten": [{"naam": "Anna", "zp": "VG7", "db": "Ja", "bh": "Ja"}],
        "dag": DAG_MAATWERK, "weekend": DAG_MAATWERK, "nachtzorg": "10:00", "behandelaren": "3:00", "context_uren": "52:00",
    },
    "ind2026_profiel": {
        "jaar": 2026, "type": "individueel", "tarief": 0.95,
        "clienten": [{"naam": "Anna", "zp": "VG7", "db": "Ja", "bh": "Ja"}],
        "dag": DAG_RUIM, "weekend": WEEKEND, "nachtzorg": "10:00", "behandelaren": "3:00", "context_uren": "52:00",
        "context_euros": [1000, 0],
    },
    "ind2025_profiel": {
        "jaar": 2025, "type": "individueel", "tarief": 1.0,
        "clienten": [{"naam": "Bram", "zp": "VG5", "db": "Ja", "bh": "Nee"}],
        "dag": DAG_KLEIN, "weekend": WEEKEND, "nachtzorg": "4:00",
    },
    "ind2026_cap": {
        "jaar": 2026, "type": "individueel", "tarief": 1.0,
        "clienten": [{"naam": "Cor", "zp": "VG5", "db": "Ja", "bh": "Ja"}],
        "dag": [("23:00", "Wonen", 0.5)], "weekend": [("23:00", "Wonen", 0.5)], "nachtzorg": "56:00",
        "behandelaren": "10:00",
    },
    "prev2026": {
        "jaar": 2026, "type": "preventief", "tarief": 0.97,
        "clienten": [{"naam": "Dirk", "zp": "VG7", "db": "Ja", "bh": "Ja"}],
        "dag": DAG_KLEIN, "weekend": WEEKEND, "nachtzorg": "6:00", "behandelaren": "1:30",
    },
    "ind2025_binnen": {
        "jaar": 2025, "type": "individueel", "tarief": 0.95,
        "clienten": [{"naam": "Els", "zp": "VG7", "db": "Ja", "bh": "Ja"}],
        "dag": [("22:00", "Wonen", 6)], "weekend": [("22:00", "Wonen", 6)],
    },
    "groep2026": {
        "jaar": 2026, "type": "groep", "tarief": 0.95,
        "clienten": [
            {"naam": "Fien", "zp": "VG7", "db": "Ja", "bh": "Ja", "wonen": "60:00", "dbu": "20:00", "nacht": "8:00", "beh": "3:00"},
            {"naam": "Gijs", "zp": "VG8", "db": "Ja", "bh": "Nee", "wonen": "50:00", "dbu": "25:00", "nacht": "4:00"},
            {"naam": "Hans", "zp": "VG7", "db": "Nee", "bh": "Nee", "wonen": "120:00", "nacht": "20:00"},
            {"naam": "Ida", "zp": "LG6", "db": "Ja", "bh": "Ja", "wonen": "30:00", "dbu": "10:00", "nacht": "2:00", "beh": "1:00"},
        ],
        "groep_context_uren": "104:00", "groep_context_euros": [2000, 500],
    },
    "groep2025": {
        "jaar": 2025, "type": "groep", "tarief": 1.0,
        "clienten": [
            {"naam": "Jet", "zp": "VG7", "db": "Ja", "bh": "Ja", "wonen": "80:00", "dbu": "30:00", "nacht": "10:00", "beh": "2:00"},
            {"naam": "Kees", "zp": "VG5", "db": "Ja", "bh": "Nee", "wonen": "70:00", "dbu": "20:00", "nacht": "6:00"},
            {"naam": "Lot", "zp": "LG7", "db": "Ja", "bh": "Ja", "wonen": "40:00", "dbu": "15:00", "nacht": "3:00", "beh": "1:00"},
        ],
    },
    "leeg2026": {"jaar": 2026, "type": None, "clienten": []},
}  # fmt: skip


def vul_in(geval: dict, doel: Path) -> Path:
    """A copy of the official template with ``geval`` filled in (no cached values yet)."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(TEMPLATES[geval["jaar"]])
    v = wb["Voorblad"]
    if geval.get("type"):
        v["C17"] = geval["tarief"]
        v["C23"] = TYPES[geval["type"]]
        v["G41"] = 12
    cg = wb["Clientgegevens"]
    for i, c in enumerate(geval["clienten"]):
        r = 7 + i
        cg[f"D{r}"], cg[f"J{r}"], cg[f"L{r}"], cg[f"N{r}"] = c["naam"], c["zp"], c["db"], c["bh"]
    if geval.get("type") == "groep":
        g = wb["Aanvraag-overzicht groep"]
        for i, c in enumerate(geval["clienten"]):
            for key, col in (("wonen", "D"), ("dbu", "E"), ("nacht", "F"), ("beh", "H"), ("min", "J")):
                if c.get(key):
                    g[f"{col}{19 + i}"] = u(c[key])
        if geval.get("groep_context_uren"):
            g["C8"] = u(geval["groep_context_uren"])
        for ref, e in zip(("C11", "C12"), geval.get("groep_context_euros", [])):
            g[ref] = e
    elif geval.get("type"):
        a = wb["Aanvraag individueel"]
        for rijen, (ct, cf, cr) in ((geval.get("dag", []), "DHJ"), (geval.get("weekend", []), "PTV")):
            for i, (tot, functie, ratio) in enumerate(rijen):
                a[f"{ct}{16 + i}"], a[f"{cf}{16 + i}"], a[f"{cr}{16 + i}"] = t(tot), functie, ratio
        for ref, key in (("I5", "nachtzorg"), ("I6", "behandelaren"), ("I7", "min_uren"), ("I8", "context_uren")):
            if geval.get(key):
                a[ref] = u(geval[key])
        for ref, e in zip(("V5", "V6"), geval.get("context_euros", [])):
            a[ref] = e
    doel.parent.mkdir(parents=True, exist_ok=True)
    wb.save(doel)
    return doel
