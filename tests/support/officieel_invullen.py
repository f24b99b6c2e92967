"""Fill an official ZN rekentool template with a JSON aanvraag (tests only).

The template is read from ../shared/reference and never modified; the filled copy is saved
with openpyxl (so it has no cached values until LibreOffice recalculates it).
"""

from __future__ import annotations

import datetime as dt
import random
import warnings
from pathlib import Path

from xl_meerzorg.formulier import OFFICIELE_TYPES
from xl_meerzorg.parameters import laad_parameters
from xl_meerzorg.tijd import parse_duur, parse_tijdstip

REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"
TEMPLATES = {
    2025: REFERENCE / "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    2026: REFERENCE / "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
}
GROEP_KOL = {"wonen": "D", "dagbesteding_uren": "E", "nachtzorg": "F", "behandelaren": "H", "min_uren": "J"}


def template(jaar: int) -> Path:
    return TEMPLATES[jaar].resolve()


def _td(text: str | float | int | None) -> dt.timedelta | None:
    if text in (None, ""):
        return None
    return dt.timedelta(days=parse_duur(text))


def _tijd(text: str) -> dt.time:
    seconds = round(parse_tijdstip(text) * 86400)
    if seconds >= 86400:
        return dt.time(23, 59, 59)
    return dt.time(seconds // 3600, seconds % 3600 // 60)


def vul_in(aanvraag: dict, doel: Path) -> Path:
    """Write ``aanvraag`` (the CLI's JSON form) into a copy of the official template."""
    import openpyxl

    jaar = aanvraag["jaar"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(template(jaar))
    v = wb["Voorblad"]
    v["E4"] = 1234
    v["E6"] = 12345678
    v["C17"] = aanvraag["tariefpercentage"]
    v["C23"] = OFFICIELE_TYPES[aanvraag["soort"]]
    v["G41"] = aanvraag["clienten"][0].get("maanden", 12)
    # The Voorblad fields every complete form has (the official Voorblad: J10 = 0)
    v["C20"] = aanvraag.get("nieuw_her", "Nieuwe aanvraag")
    v["G17"] = aanvraag.get("sector", "GHZ")
    teken = {2025: ("C39", "C40")}.get(jaar, ("C40", "C41"))
    v[teken[0]] = "M. de Boer"
    v[teken[1]] = dt.datetime(jaar, 1, 15)
    cg = wb["Clientgegevens"]
    for i, c in enumerate(aanvraag["clienten"]):
        r = 7 + i
        cg[f"D{r}"] = c.get("naam", f"Cliënt {i + 1}")
        cg[f"V{r}"] = "Ja" if c.get("cce", True) else "Nee"
        for key, col in (("geboortedatum", "F"), ("opname", "R"), ("ingang", "T")):
            if c.get(key):
                cg[f"{col}{r}"] = dt.datetime.fromisoformat(c[key])
        if c.get("bsn"):
            cg[f"H{r}"] = c["bsn"]
        if jaar >= 2026 and c["zorgprofiel"] in ("VV7", "VV8", "LG6", "LG7", "GGZ4W", "GGZ5W"):
            cg[f"X{r}"] = "Nee"
        cg[f"J{r}"] = c["zorgprofiel"]
        cg[f"L{r}"] = "Ja" if c["dagbesteding"] else "Nee"
        cg[f"N{r}"] = "Ja" if c["behandeling"] else "Nee"
    if aanvraag["soort"] == "groep":
        g = wb["Aanvraag-overzicht groep"]
        for i, c in enumerate(aanvraag["clienten"]):
            for key, col in GROEP_KOL.items():
                value = _td(c.get(key))
                if value is not None:
                    g[f"{col}{19 + i}"] = value
        groep = aanvraag.get("groep", {})
        if groep.get("context_uren_jaar") not in (None, ""):
            g["C8"] = _td(groep["context_uren_jaar"])
        for ref, e in zip(("C11", "C12"), groep.get("context_euros", [])):
            g[ref] = e
    else:
        c = aanvraag["clienten"][0]
        a = wb["Aanvraag individueel"]
        for dag, (tot, functie, ratio) in (("ma_vr", ("D", "H", "J")), ("za_zo", ("P", "T", "V"))):
            for i, slot in enumerate(c.get("dagprogramma", {}).get(dag, [])):
                a[f"{tot}{16 + i}"] = _tijd(slot["tot"])
                a[f"{functie}{16 + i}"] = slot.get("functie")
                a[f"{ratio}{16 + i}"] = slot.get("begeleider_op")
        for key, ref in (("nachtzorg", "I5"), ("behandelaren", "I6"), ("min_uren", "I7"), ("context_uren_jaar", "I8")):
            value = _td(c.get(key))
            if value is not None:
                a[ref] = value
        for ref, e in zip(("V5", "V6"), c.get("context_euros", [])):
            a[ref] = e
    doel.parent.mkdir(parents=True, exist_ok=True)
    wb.save(doel)
    return doel


# ---------------------------------------------------------------------------- generator


def _uur(rng: random.Random, lo: float, hi: float, step_min: int = 1) -> str:
    minutes = rng.randrange(int(lo * 60), int(hi * 60) + 1, step_min)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _combinatie(rng: random.Random, jaar: int) -> tuple[str, bool, bool]:
    p = laad_parameters(jaar)
    # every prestatiecode, also VV7/VV8 with behandeling Nee (computed, with a waarschuwing)
    c = rng.choice(list(p.prestatiecodes.values()))
    return c.zorgprofiel, c.behandeling, c.dagbesteding


PAUZES = ("pauze", "ratio 0", "alleen functie")  # time without care, entered as providers do


def dagprogramma(rng: random.Random, ratios: list[float], pauzes: bool = False) -> dict:
    """Rows of the day programme; with ``pauzes`` some rows are time without care: only a
    "Tijd tot" (school, home, asleep), Wonen with ratio 0, or a functie without ratio."""
    result = {}
    for dag in ("ma_vr", "za_zo"):
        t = 7 * 60
        slots = []
        while t < 23 * 60 and len(slots) < 6:
            end = min(23 * 60, t + rng.choice([60, 90, 120, 180, 240, 300, 420, 480]))
            slot = {
                "van": f"{t // 60:02d}:{t % 60:02d}", "tot": f"{end // 60:02d}:{end % 60:02d}",
                "functie": rng.choice(["Wonen", "Wonen", "Dagbesteding"]), "begeleider_op": rng.choice(ratios),
            }  # fmt: skip
            soort = rng.choice(PAUZES + (None, None)) if pauzes else None
            if soort == "pauze":
                slot["functie"] = slot["begeleider_op"] = None
            elif soort == "ratio 0":
                slot["functie"], slot["begeleider_op"] = "Wonen", 0.0
            elif soort == "alleen functie":
                slot["begeleider_op"] = None
            slots.append({k: v for k, v in slot.items() if v is not None})
            t = end
        result[dag] = slots
    return result


def individueel(rng: random.Random, jaar: int, soort: str = "individueel", pauzes: bool = False) -> dict:
    zzp, beh, dag = _combinatie(rng, jaar)
    ratios = [0.5, 0.75, 1.0, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]
    c = {
        "naam": "Jan Jansen", "bsn": "123456782", "geboortedatum": "1960-05-01", "opname": "2020-01-01",
        "ingang": f"{jaar}-02-01", "maanden": 6 if soort == "preventief" else 12,
        "zorgprofiel": zzp, "behandeling": beh, "dagbesteding": dag,
        "dagprogramma": dagprogramma(rng, ratios, pauzes),
        "nachtzorg": _uur(rng, 0, 20), "behandelaren": _uur(rng, 0, 6),
        "min_uren": _uur(rng, 0, 4), "context_uren_jaar": _uur(rng, 0, 200),
        "context_euros": [rng.choice([0, 0, 1500, 5000, 12000, 30000, 60000]), rng.choice([0, 0, 750])],
    }  # fmt: skip
    return {"jaar": jaar, "soort": soort, "tariefpercentage": rng.choice([1.0, 0.97, 0.95, 0.9, 0.85]), "clienten": [c]}


def geldig_bsn(begin: int) -> str:
    """The first BSN from ``begin`` (8 digits) on that passes the 11-proef."""
    for n in range(begin, begin + 100):
        digits = [int(c) for c in f"{n:08d}"]
        rest = sum(d * (9 - i) for i, d in enumerate(digits)) % 11
        if rest < 10 and sum(d * (9 - i) for i, d in enumerate(digits)) - rest != 0:
            return f"{n:08d}{rest}"
    raise ValueError(begin)


def groep(rng: random.Random, jaar: int, n: int) -> dict:
    clienten = []
    for i in range(n):
        zzp, beh, dag = _combinatie(rng, jaar)
        c = {
            "naam": f"Cliënt {i + 1}", "bsn": geldig_bsn(10_000_000 + 7919 * i), "geboortedatum": "1970-03-01",
            "opname": "2021-06-01", "ingang": f"{jaar}-03-01", "maanden": 12,
            "zorgprofiel": zzp, "behandeling": beh, "dagbesteding": dag,
            "wonen": _uur(rng, 10, 130), "dagbesteding_uren": _uur(rng, 0, 40), "nachtzorg": _uur(rng, 0, 14),
            "behandelaren": _uur(rng, 0, 5), "min_uren": _uur(rng, 0, 3),
        }  # fmt: skip
        if beh and not dag:
            # The official group sheet adds these hours unweighted (documented difference,
            # tested separately); keep generated comparisons on common ground.
            c["behandelaren"] = "0:00"
        clienten.append(c)
    groep_ = {
        "context_uren_jaar": _uur(rng, 0, 400),
        "context_euros": [rng.choice([0, 5000, 20000, 80000]), rng.choice([0, 2500])],
    }
    return {"jaar": jaar, "soort": "groep", "tariefpercentage": rng.choice([1.0, 0.96, 0.9]), "clienten": clienten, "groep": groep_}
