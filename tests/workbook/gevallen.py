"""Seeded generator of filled forms: {(sheet, cell): value} per case.

Cases cover every zorgprofiel and combination, every band (both sides of each lower
bound, by solving the nachtzorg/wonen hours for a target number of meerzorguren),
maatwerk, the cap, context euros above/below the threshold, preventief and groups.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from workbook import formules as fm
from workbook.layout import (
    AANVRAAG_IND,
    CLIENTGEGEVENS,
    GROEP,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    VOORBLAD,
)
from workbook.officieel import DAG_RIJEN, GROEP_RIJ_OFFSET
from xl_meerzorg.parameters import Parameters
from xl_meerzorg.regels import dagprogramma as r_dag

S = 1 / 86400


@dataclass
class Geval:
    naam: str
    cellen: dict[tuple[str, str], object] = field(default_factory=dict)
    ongeldig: bool = False


def _sec(days: float) -> float:
    return round(days * 86400) / 86400


def _dagprogramma(rnd: random.Random, p: Parameters, met_dagbesteding: bool) -> list[tuple[float, str, float]]:
    """Rows (tot, functie, ratio) from 07:00; random quarter-hour slots."""
    ratios = [r for r in p.begeleider_ratios]
    n = rnd.randint(0, 8)
    t = round(p.dag_begin * 96)
    eind = round(p.dag_eind * 96)
    rijen = []
    for _ in range(n):
        if t >= eind:
            break
        t = min(eind, t + rnd.randint(1, 12))
        functie = "Dagbesteding" if met_dagbesteding and rnd.random() < 0.35 else "Wonen"
        rijen.append((t / 96, functie, rnd.choice(ratios)))
    return rijen


def _target_uren(rnd: random.Random, zp, soort: str) -> float:
    """A number of meerzorguren: around a band lower bound, in a band, or very large."""
    banden = zp.banden
    keuze = rnd.random()
    if soort == "onder":
        return -rnd.uniform(0, 0.3)
    if keuze < 0.55:
        b = rnd.choice(banden[1:])
        return b.van + rnd.choice((-2, -1, 1, 2, 30)) * S
    if keuze < 0.85:
        b = rnd.randrange(len(banden))
        lo = banden[b].van
        hi = banden[b + 1].van if b + 1 < len(banden) else lo + 3
        return rnd.uniform(lo, hi)
    return banden[-1].van + rnd.uniform(0.5, 16)  # maatwerk, often above the cap


def individueel(rnd: random.Random, p: Parameters, nr: int, preventief: bool = False, pc=None, target=None) -> Geval:
    if pc is None:
        _key, pc = rnd.choice(fm.pc_rijen(p))
    zp = p.zorgprofielen[pc.zorgprofiel]
    db = "Ja" if pc.dagbesteding else "Nee"
    beh = "Ja" if pc.behandeling else "Nee"
    g = Geval(f"{p.jaar}-ind-{nr:03d}-{pc.code}")
    c = g.cellen
    c[(VOORBLAD, "C23")] = TYPE_PREVENTIEF if preventief else TYPE_INDIVIDUEEL
    c[(VOORBLAD, "C17")] = rnd.choice((1.0, 0.95, 0.9, 0.87, 0.8, 0.975))
    c[(VOORBLAD, "G41")] = rnd.randint(1, 12)
    c[(CLIENTGEGEVENS, "D7")] = f"Cliënt {nr}"
    c[(CLIENTGEGEVENS, "J7")] = zp.naam
    c[(CLIENTGEGEVENS, "L7")] = db
    c[(CLIENTGEGEVENS, "N7")] = beh
    week = _dagprogramma(rnd, p, pc.dagbesteding)
    weekend = _dagprogramma(rnd, p, pc.dagbesteding)
    for rijen, (tot, functie, ratio) in ((week, ("D", "H", "J")), (weekend, ("P", "T", "V"))):
        for i, (t, f, r) in enumerate(rijen):
            rij = DAG_RIJEN.start + i
            c[(AANVRAAG_IND, f"{tot}{rij}")] = t
            c[(AANVRAAG_IND, f"{functie}{rij}")] = f
            c[(AANVRAAG_IND, f"{ratio}{rij}")] = r
    behandelaren = _sec(rnd.uniform(0, 0.4)) if rnd.random() < 0.7 else 0.0
    context_jaar = _sec(rnd.choice((0.0, rnd.uniform(0, 20))))
    min_uren = _sec(rnd.choice((0.0, rnd.uniform(0, 0.2))))
    # solve nachtzorg for a target number of meerzorguren
    slots_w = [(None, t, f, r) for t, f, r in week]
    van = p.dag_begin
    rows_w, rows_we = [], []
    for t, f, r in week:
        rows_w.append((van, t, f, r))
        van = t
    van = p.dag_begin
    for t, f, r in weekend:
        rows_we.append((van, t, f, r))
        van = t
    del slots_w
    wonen = r_dag.weekuren(r_dag.som_per_functie(rows_w, "Wonen"), r_dag.som_per_functie(rows_we, "Wonen"))
    dagb = r_dag.weekuren(r_dag.som_per_functie(rows_w, "Dagbesteding"), r_dag.som_per_functie(rows_we, "Dagbesteding"))
    rest = wonen + (dagb if pc.dagbesteding else 0) + (p.behandelfactor.waarde * behandelaren if pc.behandeling else 0)
    rest += zp.indirecte_uren + context_jaar / 365 * 7 - min_uren
    if target is None:
        target = _target_uren(rnd, zp, "onder" if rnd.random() < 0.06 else "")
    nodig = target + pc.uren_per_week - rest
    if nodig >= 0:
        nacht = _sec(nodig)
    else:
        nacht = 0.0
        min_uren = _sec(min_uren - nodig)
    c[(AANVRAAG_IND, "I5")] = nacht
    c[(AANVRAAG_IND, "I6")] = behandelaren
    c[(AANVRAAG_IND, "I7")] = min_uren
    c[(AANVRAAG_IND, "I8")] = context_jaar
    euro = rnd.random()
    if euro < 0.4:
        c[(AANVRAAG_IND, "V5")] = round(rnd.uniform(0, 60000), 2)
        if rnd.random() < 0.5:
            c[(AANVRAAG_IND, "V6")] = round(rnd.uniform(0, 20000), 2)
    return g


def groep(rnd: random.Random, p: Parameters, nr: int) -> Geval:
    g = Geval(f"{p.jaar}-grp-{nr:03d}")
    c = g.cellen
    c[(VOORBLAD, "C23")] = TYPE_GROEP
    c[(VOORBLAD, "C17")] = rnd.choice((1.0, 0.95, 0.9, 0.85))
    n = rnd.randint(2, 6)
    pcs = fm.pc_rijen(p)
    for i in range(n):
        r = 7 + i
        gr = r + GROEP_RIJ_OFFSET
        _key, pc = rnd.choice(pcs)
        zp = p.zorgprofielen[pc.zorgprofiel]
        c[(CLIENTGEGEVENS, f"D{r}")] = f"Groep {nr} cliënt {i + 1}"
        c[(CLIENTGEGEVENS, f"J{r}")] = zp.naam
        c[(CLIENTGEGEVENS, f"L{r}")] = "Ja" if pc.dagbesteding else "Nee"
        c[(CLIENTGEGEVENS, f"N{r}")] = "Ja" if pc.behandeling else "Nee"
        dagb = _sec(rnd.uniform(0, 1.2)) if rnd.random() < 0.7 else 0.0
        nacht = _sec(rnd.uniform(0, 0.5))
        behandelaren = _sec(rnd.uniform(0, 0.3)) if rnd.random() < 0.6 else 0.0
        min_uren = _sec(rnd.uniform(0, 0.1)) if rnd.random() < 0.3 else 0.0
        target = _target_uren(rnd, zp, "onder" if rnd.random() < 0.08 else "")
        rest = (dagb if pc.dagbesteding else 0) + nacht + (p.behandelfactor.waarde * behandelaren if pc.behandeling else 0)
        rest += zp.indirecte_uren - min_uren
        wonen = max(0.0, _sec(target + pc.uren_per_week - rest))
        c[(GROEP, f"D{gr}")] = wonen
        c[(GROEP, f"E{gr}")] = dagb
        c[(GROEP, f"F{gr}")] = nacht
        c[(GROEP, f"H{gr}")] = behandelaren
        c[(GROEP, f"J{gr}")] = min_uren
    if rnd.random() < 0.6:
        c[(GROEP, "C8")] = _sec(rnd.uniform(0, 200) / 24)
    e = rnd.random()
    if e < 0.35:
        c[(GROEP, "C11")] = round(rnd.uniform(0, 30000), 2)
    elif e < 0.7:
        c[(GROEP, "C11")] = round(rnd.uniform(10000, 200000), 2)
        c[(GROEP, "C12")] = round(rnd.uniform(0, 50000), 2)
    return g


def ongeldig(p: Parameters) -> list[Geval]:
    """Invalid input: the form must show a message and no number, like the engine's fout."""
    rnd = random.Random(p.jaar * 7)
    basis = individueel(rnd, p, 900)
    out = []
    for naam, wijziging in (
        ("tekst-in-nachtzorg", {(AANVRAAG_IND, "I5"): "vier uur"}),
        ("tarief-boven-1", {(VOORBLAD, "C17"): 1.5}),
        ("tarief-0", {(VOORBLAD, "C17"): 0.0}),
        ("tarief-tekst", {(VOORBLAD, "C17"): "veel"}),
        ("geen-type", {(VOORBLAD, "C23"): None}),
        ("onbekend-zorgprofiel", {(CLIENTGEGEVENS, "J7"): "VG9"}),
        ("vv7-zonder-behandeling", {(CLIENTGEGEVENS, "J7"): "VV7", (CLIENTGEGEVENS, "N7"): "Nee", (CLIENTGEGEVENS, "L7"): "Ja"}),
        ("ja-nee-fout", {(CLIENTGEGEVENS, "L7"): "Misschien"}),
        ("bsn-ongeldig", {(CLIENTGEGEVENS, "H7"): "123456789"}),
        ("negatieve-min-uren", {(AANVRAAG_IND, "I7"): -0.1}),
        ("context-euro-tekst", {(AANVRAAG_IND, "V5"): "duizend"}),
        ("tijd-buiten-dag", {(AANVRAAG_IND, "D16"): 23.5 / 24, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0}),
        ("functie-zonder-tijd", {(AANVRAAG_IND, "D16"): None, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0}),
        ("ratio-niet-in-lijst", {(AANVRAAG_IND, "D16"): 9 / 24, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 0.45}),
        ("maanden-49", {(VOORBLAD, "G41"): 49}),
    ):
        g = Geval(f"{p.jaar}-ongeldig-{naam}", dict(basis.cellen), ongeldig=True)
        g.cellen.update(wijziging)
        out.append(g)
    grp = groep(random.Random(p.jaar * 11), p, 901)
    one = {k: v for k, v in grp.cellen.items() if not (k[0] == CLIENTGEGEVENS and k[1][1:] != "7") and not (k[0] == GROEP and k[1][0] in "DEFHJ" and k[1][1:] != "19")}
    out.append(Geval(f"{p.jaar}-ongeldig-groep-van-een", one, ongeldig=True))
    g2 = Geval(f"{p.jaar}-ongeldig-groep-tekst", dict(grp.cellen), ongeldig=True)
    g2.cellen[(GROEP, "F19")] = "nacht"
    out.append(g2)
    out.append(Geval(f"{p.jaar}-ongeldig-leeg", {}, ongeldig=True))  # the form as distributed
    return out


def gevallen(p: Parameters, aantal: int = 200, min_groepen: int = 40) -> list[Geval]:
    """Every prestatiecode once; both sides (-2 s, +1 s) of every band's lower bound of
    every zorgprofiel (individual, every fourth preventief); then random groups (with
    maatwerk and the cap) up to ``aantal`` cases and at least ``min_groepen`` groups."""
    rnd = random.Random(20260101 + p.jaar)
    out = []
    pcs = fm.pc_rijen(p)
    for i, (_key, pc) in enumerate(pcs):
        out.append(individueel(rnd, p, len(out), pc=pc))
    for zp in p.zorgprofielen.values():
        eigen = [pc for _k, pc in pcs if pc.zorgprofiel == zp.naam]
        for band in zp.banden[1:]:
            for delta in (-2, 1):
                nr = len(out)
                out.append(individueel(rnd, p, nr, preventief=nr % 4 == 0, pc=rnd.choice(eigen), target=band.van + delta * S))
    groepen = 0
    while len(out) < aantal or groepen < min_groepen:
        out.append(groep(rnd, p, len(out)))
        groepen += 1
    return out
