"""Filled official ZN forms for the checker tests (generated, never committed).

``vul_in`` writes an aanvraag into a copy of the official template with openpyxl; one
LibreOffice batch then recalculates the copies so they carry cached values like a form
saved by a provider's Excel.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from xl_meerzorg.formulier import OFFICIELE_TYPES
from xl_meerzorg.tijd import parse_duur, parse_tijdstip

REFERENCE = (Path(__file__).resolve().parents[2] / ".." / "shared" / "reference").resolve()
TEMPLATES = {
    2025: REFERENCE / "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    2026: REFERENCE / "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
}
GROEP_KOL = {"wonen": "D", "dagbesteding_uren": "E", "nachtzorg": "F", "behandelaren": "H", "min_uren": "J"}


LVHC_PROFIELEN = ("VV7", "VV8", "LG6", "LG7", "GGZ4W", "GGZ5W")  # 2026: the form asks LVHC for these


def _td(text):
    if text in (None, ""):
        return None
    return dt.timedelta(days=parse_duur(text))


def _tijd(text: str) -> dt.time:
    s = round(parse_tijdstip(text) * 86400)
    return dt.time(23, 59, 59) if s >= 86400 else dt.time(s // 3600, s % 3600 // 60)


def _datum(text):
    return None if not text else dt.datetime.fromisoformat(text)


def vul_in(aanvraag: dict, doel: Path, bron: Path | None = None, bladen: dict[str, str] | None = None) -> Path:
    """Fill the official template (or ``bron``, e.g. this project's form, whose sheet names
    are ``bladen``) with ``aanvraag``."""
    import openpyxl

    from xl_meerzorg.workbook.officieel import OFFICIELE_BLADEN, ondertekening_cellen

    b = bladen or OFFICIELE_BLADEN
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(bron or TEMPLATES[aanvraag["jaar"]])
    v = wb[b["voorblad"]]
    v["E4"] = aanvraag.get("nza", 4)
    v["E6"] = aanvraag.get("agb", 73730123)
    v["C17"] = aanvraag["tariefpercentage"]
    v["C23"] = OFFICIELE_TYPES[aanvraag["soort"]]
    v["G41"] = aanvraag.get("maanden", 12)
    # The Voorblad fields every complete form has (the official Voorblad: J10 = 0)
    v["C20"] = aanvraag.get("nieuw_her", "Nieuwe aanvraag")
    v["G17"] = aanvraag.get("sector", "GHZ")
    teken = ondertekening_cellen(aanvraag["jaar"])
    v[teken["ondertekenaar"]] = aanvraag.get("ondertekenaar", "M. de Boer")
    v[teken["datum_ondertekening"]] = _datum(aanvraag.get("datum_ondertekening", f"{aanvraag['jaar']}-01-15"))
    cg = wb[b["clientgegevens"]]
    for i, c in enumerate(aanvraag["clienten"]):
        r = c.get("rij", 7 + i)
        cg[f"D{r}"] = c.get("naam", f"Cliënt {i + 1}")
        cg[f"F{r}"] = _datum(c.get("geboortedatum", "1960-05-01"))
        cg[f"H{r}"] = c.get("bsn", "111222333")
        cg[f"J{r}"] = c["zorgprofiel"]
        cg[f"L{r}"] = "Ja" if c["dagbesteding"] else "Nee"
        cg[f"N{r}"] = "Ja" if c["behandeling"] else "Nee"
        cg[f"R{r}"] = _datum(c.get("opname", "2020-01-01"))
        cg[f"T{r}"] = _datum(c.get("ingang", f"{aanvraag['jaar']}-02-01"))
        cg[f"V{r}"] = c.get("cce", "Ja")
        if aanvraag["jaar"] >= 2026 and c["zorgprofiel"] in LVHC_PROFIELEN and "doelgroep" in str(cg["Z6"].value or "").lower():
            cg[f"X{r}"] = c.get("lvhc", "Nee")
    if aanvraag["soort"] == "groep":
        g = wb[b["groep"]]
        for i, c in enumerate(aanvraag["clienten"]):
            r = c.get("rij", 7 + i) + 12
            for key, col in GROEP_KOL.items():
                value = _td(c.get(key))
                if value is not None:
                    g[f"{col}{r}"] = value
        groep = aanvraag.get("groep", {})
        if groep.get("context_uren_jaar"):
            g["C8"] = _td(groep["context_uren_jaar"])
        for ref, e in zip(("C11", "C12"), groep.get("context_euros", [])):
            g[ref] = e
    else:
        c = aanvraag["clienten"][0]
        a = wb[b["aanvraag_individueel"]]
        for dag, (tot, functie, ratio) in (("ma_vr", ("D", "H", "J")), ("za_zo", ("P", "T", "V"))):
            for i, slot in enumerate(c.get("dagprogramma", {}).get(dag, [])):
                a[f"{tot}{16 + i}"] = _tijd(slot["tot"])
                a[f"{functie}{16 + i}"] = slot["functie"]
                a[f"{ratio}{16 + i}"] = slot["begeleider_op"]
        for key, ref in (("nachtzorg", "I5"), ("behandelaren", "I6"), ("min_uren", "I7"), ("context_uren_jaar", "I8")):
            value = _td(c.get(key))
            if value is not None:
                a[ref] = value
        for ref, e in zip(("V5", "V6"), c.get("context_euros", [])):
            a[ref] = e
    doel.parent.mkdir(parents=True, exist_ok=True)
    wb.save(doel)
    return doel


def _dagprogramma(ratio_wonen: float, ratio_dag: float) -> dict:
    ma_vr = [
        {"tot": "09:00", "functie": "Wonen", "begeleider_op": ratio_wonen},
        {"tot": "16:00", "functie": "Dagbesteding", "begeleider_op": ratio_dag},
        {"tot": "23:00", "functie": "Wonen", "begeleider_op": ratio_wonen},
    ]
    za_zo = [{"tot": "23:00", "functie": "Wonen", "begeleider_op": ratio_wonen}]
    return {"ma_vr": ma_vr, "za_zo": za_zo}


def gevallen(jaar: int) -> dict[str, dict]:
    """The test forms of one year: name -> aanvraag."""
    ind = {
        "jaar": jaar, "soort": "individueel", "tariefpercentage": 0.95,
        "clienten": [{
            "naam": "Jan Jansen", "bsn": "123456782", "zorgprofiel": "VG7", "dagbesteding": True, "behandeling": True,
            "dagprogramma": _dagprogramma(1.0, 2.0), "nachtzorg": "10:30", "behandelaren": "2:15", "min_uren": "1:00",
            "context_uren_jaar": "52:00", "context_euros": [5000, 0],
        }],
    }  # fmt: skip
    prev = {
        "jaar": jaar, "soort": "preventief", "tariefpercentage": 1.0, "maanden": 6,
        "clienten": [{
            "naam": "Piet de Vries", "bsn": "111222333", "zorgprofiel": "VG5", "dagbesteding": True, "behandeling": False,
            "dagprogramma": _dagprogramma(2.0, 3.0), "nachtzorg": "7:00", "min_uren": "0:30",
            "context_euros": [0, 0],
        }],
    }  # fmt: skip
    groep = {
        "jaar": jaar, "soort": "groep", "tariefpercentage": 0.9,
        "clienten": [
            {"naam": "Anna Bakker", "bsn": "123456782", "zorgprofiel": "VG7", "dagbesteding": True, "behandeling": True,
             "wonen": "70:00", "dagbesteding_uren": "20:00", "nachtzorg": "7:00", "behandelaren": "2:00", "min_uren": "1:00"},
            {"naam": "Bert Smit", "bsn": "111222333", "zorgprofiel": "VG5", "dagbesteding": True, "behandeling": False,
             "wonen": "55:30", "dagbesteding_uren": "15:00", "nachtzorg": "3:30", "min_uren": "0:45"},
            {"naam": "Carla Visser", "bsn": "234567892", "zorgprofiel": "LG6", "dagbesteding": True, "behandeling": True,
             "wonen": "60:00", "dagbesteding_uren": "12:00", "nachtzorg": "5:00", "behandelaren": "1:30"},
        ],
        "groep": {"context_uren_jaar": "104:00", "context_euros": [20000, 2500]},
    }  # fmt: skip
    return {"individueel": ind, "preventief": prev, "groep": groep}


def zonder_nachtzorg(u) -> list[dict]:
    """A check's findings without the policy note on nachtzorg above the standard 2:00 per week
    (toetsingskader): the test forms have more nachtzorg, and the note is tested on its own."""
    return [f for f in u["bevindingen"] if not (f["soort"] == "validatie" and f["niveau"] == "waarschuwing" and "nachtzorg" in f["tekst"] and "standaard" in f["tekst"])]
