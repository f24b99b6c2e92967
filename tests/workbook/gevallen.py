"""Seeded generator of filled forms: {(sheet, cell): value} per case.

Cases cover every zorgprofiel and combination, every band (both sides of each lower
bound, by solving the nachtzorg/wonen hours for a target number of meerzorguren),
maatwerk, the cap, context euros above/below the threshold, preventief and groups. Every
case is complete as the checker wants it (NZa-nummer, AGB-code, months, name and a valid
BSN per client). ``als_tekst`` writes the inputs of a case as text a provider may type
("4:30:15", "4,5", "09:15", "1,5", "95%", "€ 5.000,00", "17-05-1990", "ja", WAAR);
``ongeldig`` gives invalid input, ``meldingen`` cases with a known Voorblad message.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from xl_meerzorg.workbook import formules as fm
from xl_meerzorg.workbook.layout import (
    AANVRAAG_IND,
    CLIENTGEGEVENS,
    GROEP,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    VOORBLAD,
)
from xl_meerzorg.workbook.officieel import DAG_RIJEN, GROEP_RIJ_OFFSET
from xl_meerzorg.parameters import Parameters
from xl_meerzorg.regels import dagprogramma as r_dag

S = 1 / 86400


@dataclass
class Geval:
    naam: str
    cellen: dict[tuple[str, str], object] = field(default_factory=dict)
    ongeldig: bool = False
    meldingen: dict[str, str] = field(default_factory=dict)  # Voorblad cell -> expected text
    als_engine: bool = False  # the "Let op" lines are "Let op: " + the engine's waarschuwingen (at most 3)


def prestatiecodes(p: Parameters):
    """The prestatiecodes of the random cases: every one of the form (fm.pc_rijen) except
    VV7/VV8 with a Nee, which the engine refuses until the issue-10 change (their own cases
    are in ``issue10``)."""
    return [(k, pc) for k, pc in fm.pc_rijen(p) if not (pc.zorgprofiel in p.alleen_met_behandeling_en_dagbesteding and not (pc.behandeling and pc.dagbesteding))]


def bsn(n: int) -> str:
    """The n-th valid BSN (11-proef) from 100000009 on: a deterministic, valid BSN per client."""
    k = 10000000 + n * 7919
    while True:
        d = [int(c) for c in f"{k % 100000000:08d}"]
        som = sum(x * (9 - i) for i, x in enumerate(d))
        laatste = som % 11
        if laatste <= 9 and som - laatste != 0:
            return "".join(map(str, d)) + str(laatste)
        k += 1


SECTOREN = ("GHZ", "VVT", "GGZ")
NIEUW_HER = ("Nieuwe aanvraag", "Heraanvraag")


def ondertekening(jaar: int) -> tuple[str, str]:
    """The signer's name and date cells of the official Voorblad (2025 one row higher)."""
    return ("C39", "C40") if jaar <= 2025 else ("C40", "C41")


def voorblad_volledig(c: dict, jaar: int, nr: int) -> None:
    """The Voorblad fields the official form requires besides the calculation."""
    naam, datum = ondertekening(jaar)
    c[(VOORBLAD, "E4")] = f"{1000 + nr % 9000}"
    c[(VOORBLAD, "E6")] = f"{73000000 + nr}"
    c.setdefault((VOORBLAD, "G41"), 1 + nr % 12)
    c[(VOORBLAD, "C20")] = NIEUW_HER[nr % 2]
    c[(VOORBLAD, "G17")] = SECTOREN[nr % 3]
    c[(VOORBLAD, naam)] = "J. de Vries"
    c[(VOORBLAD, datum)] = 46000 + nr % 300  # a date in 2025/2026 (serial number)


def client_volledig(c: dict, p: Parameters, rij: int, nr: int) -> None:
    """CCE (and in 2026 LVHC and doelgroep for the profiles the form asks it for) of a client row."""
    c[(CLIENTGEGEVENS, f"V{rij}")] = ("Ja", "Nee")[nr % 2]
    zp = c.get((CLIENTGEGEVENS, f"J{rij}"))
    if p.jaar >= 2026 and zp in fm.lijst(p, "lvhc_zorgprofielen"):
        if nr % 3 == 0:
            c[(CLIENTGEGEVENS, f"X{rij}")] = "Ja"
            doelgroepen = fm.lijst(p, "doelgroepen")
            c[(CLIENTGEGEVENS, f"Z{rij}")] = doelgroepen[nr % len(doelgroepen)]
        else:
            c[(CLIENTGEGEVENS, f"X{rij}")] = "Nee"


def _volledig(c: dict, nr: int, clienten: int, p: Parameters) -> None:
    """What the checker and the official Voorblad need besides the calculation (no random
    draws: the cases stay the same)."""
    voorblad_volledig(c, p.jaar, nr)
    for i in range(clienten):
        c[(CLIENTGEGEVENS, f"H{7 + i}")] = bsn(nr * 20 + i)
        client_volledig(c, p, 7 + i, nr + i)


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
        _key, pc = rnd.choice(prestatiecodes(p))
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
    _volledig(c, nr, 1, p)
    return g


def groep(rnd: random.Random, p: Parameters, nr: int) -> Geval:
    g = Geval(f"{p.jaar}-grp-{nr:03d}")
    c = g.cellen
    c[(VOORBLAD, "C23")] = TYPE_GROEP
    c[(VOORBLAD, "C17")] = rnd.choice((1.0, 0.95, 0.9, 0.85))
    n = rnd.randint(2, 6)
    pcs = prestatiecodes(p)
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
    _volledig(c, nr, n, p)
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
        ("vv7-zonder-dagbesteding", {(CLIENTGEGEVENS, "J7"): "VV7", (CLIENTGEGEVENS, "N7"): "Ja", (CLIENTGEGEVENS, "L7"): "Nee"}),
        ("ja-nee-fout", {(CLIENTGEGEVENS, "L7"): "Misschien"}),
        ("bsn-ongeldig", {(CLIENTGEGEVENS, "H7"): "123456789"}),
        ("negatieve-min-uren", {(AANVRAAG_IND, "I7"): -0.1}),
        ("context-euro-tekst", {(AANVRAAG_IND, "V5"): "duizend"}),
        ("tijd-buiten-dag", {(AANVRAAG_IND, "D16"): 23.5 / 24, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0}),
        *([("maanden-49", {(VOORBLAD, "G41"): 49})] if p.formulier.maanden_max else []),  # 2025: the form does not check it
        # a row with a time after a row without one: the chain of times is broken
        ("lege-regel-erboven", {(AANVRAAG_IND, "D16"): None, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0,
                                (AANVRAAG_IND, "D17"): 12 / 24, (AANVRAAG_IND, "H17"): "Wonen", (AANVRAAG_IND, "J17"): 1.0}),
        # text the engine rejects: the message says what was typed and why
        ("minuten-75", {(AANVRAAG_IND, "I6"): "4:75"}),
        ("ratio-waar", {(AANVRAAG_IND, "D16"): 9 / 24, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): True}),
        ("uren-te-groot", {(AANVRAAG_IND, "I8"): 5000.0}),
        ("tijd-25-uur", {(AANVRAAG_IND, "D16"): "25:00", (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0}),
        ("ratio-tekst", {(AANVRAAG_IND, "D16"): "09:00", (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): "anderhalf"}),
        ("maanden-tekst", {(VOORBLAD, "G41"): "twaalf"}),
        ("euro-te-hoog", {(AANVRAAG_IND, "V6"): "€ 2.000.000.000,00"}),
    ):
        g = Geval(f"{p.jaar}-ongeldig-{naam}", dict(basis.cellen), ongeldig=True)
        g.cellen.update(wijziging)
        if (AANVRAAG_IND, "D16") in wijziging:  # the message of the first row of the day programme
            for col in "DHJ":
                for r in DAG_RIJEN[1:]:
                    if (AANVRAAG_IND, f"{col}{r}") not in wijziging:
                        g.cellen.pop((AANVRAAG_IND, f"{col}{r}"), None)
        g.meldingen = ONGELDIG_MELDINGEN.get(naam, {})
        out.append(g)
    grp = groep(random.Random(p.jaar * 11), p, 901)
    one = {k: v for k, v in grp.cellen.items() if not (k[0] == CLIENTGEGEVENS and k[1][1:] != "7") and not (k[0] == GROEP and k[1][0] in "DEFHJ" and k[1][1:] != "19")}
    out.append(Geval(f"{p.jaar}-ongeldig-groep-van-een", one, ongeldig=True))
    g2 = Geval(f"{p.jaar}-ongeldig-groep-tekst", dict(grp.cellen), ongeldig=True)
    g2.cellen[(GROEP, "F19")] = "nacht"
    g2.meldingen = {"B48": 'Groep: Cliënt 1, nachtzorg (F19): "nacht" is geen geldige tijdsduur; ' + DUUR_UITLEG}
    out.append(g2)
    out.append(Geval(f"{p.jaar}-ongeldig-leeg", {}, ongeldig=True))  # the form as distributed
    return out


def ongeldige_datums(p: Parameters) -> list[Geval]:
    """Invalid dates (Clientgegevens F, R, T). Apart from ``ongeldig``: the UDFs of the staff
    form do not get these cells (see docs/werkboek.md), only the providers' form checks them."""
    basis = individueel(random.Random(p.jaar * 7), p, 900)
    out = []
    for naam, wijziging in (
        ("datum-bestaat-niet", {(CLIENTGEGEVENS, "F7"): "31-02-1990"}),
        ("opname-na-ingang-tekst", {(CLIENTGEGEVENS, "R7"): "01-06-2026", (CLIENTGEGEVENS, "T7"): "2026-01-01"}),
        ("datum-getal-0", {(CLIENTGEGEVENS, "T7"): 0}),
    ):
        g = Geval(f"{p.jaar}-ongeldig-{naam}", {**basis.cellen, **wijziging}, ongeldig=True)
        g.meldingen = ONGELDIG_MELDINGEN.get(naam, {})
        out.append(g)
    return out


DUUR_UITLEG = "vul uren:minuten in, bijvoorbeeld 4:30 of 40:00."
ONGELDIG_MELDINGEN = {
    "tekst-in-nachtzorg": {"B47": f'Uren: Nachtzorg (I5): "vier uur" is geen geldige tijdsduur; {DUUR_UITLEG}'},
    "minuten-75": {"B47": f'Uren: Inzet behandelaren (I6): "4:75" is geen geldige tijdsduur (de minuten moeten 0 tot en met 59 zijn); {DUUR_UITLEG}'},
    # WAAR in a cell without a number format (LibreOffice has no boolean type: in a time or amount cell WAAR is 1)
    "ratio-waar": {"B47": 'Dagprogramma maandag-vrijdag, regel 1: 1 begeleider op … cliënt(en): "WAAR" is geen getal '
                          "(WAAR of ONWAAR is geen waarde voor dit veld); kies een waarde uit de lijst."},
    "uren-te-groot": {"B47": "Uren: Contextgebonden uren per jaar (I8): onrealistisch groot (meer dan 100.000 uur)."},
    "tijd-25-uur": {"B47": 'Dagprogramma maandag-vrijdag, regel 1: Tijd tot: "25:00" is geen geldige tijd (het uur moet 0 tot en met 24 zijn); '
                           "kies een tijd uit de lijst of vul uu:mm in, bijvoorbeeld 09:30."},
    "ratio-tekst": {"B47": 'Dagprogramma maandag-vrijdag, regel 1: 1 begeleider op … cliënt(en): "anderhalf" is geen getal; kies een waarde uit de lijst.'},
    "tarief-tekst": {"B45": 'Algemeen: Het tariefpercentage (Voorblad C17): "veel" is geen getal; vul een percentage in, bijvoorbeeld 95% of 0,95.'},
    "maanden-tekst": {"B45": 'Algemeen: De aangevraagde periode (Voorblad G41): "twaalf" is geen getal; vul een aantal maanden in (1 tot en met 48).'},
    "datum-bestaat-niet": {"B46": 'Cliëntgegevens: Cliënt 1 (Cliënt 900), geboortedatum: "31-02-1990" is geen geldige datum (deze datum bestaat niet); '
                                  "vul een datum in als dd-mm-jjjj, bijvoorbeeld 17-05-1990."},
    "opname-na-ingang-tekst": {"B46": "Cliëntgegevens: Cliënt 1 (Cliënt 900): de datum opname ligt na de beoogde ingangsdatum."},
    "datum-getal-0": {"B46": 'Cliëntgegevens: Cliënt 1 (Cliënt 900), beoogde ingang: "0" is geen geldige datum (dit getal is geen datum); '
                             "vul een datum in als dd-mm-jjjj, bijvoorbeeld 17-05-1990."},
    "ja-nee-fout": {"B46": 'Cliëntgegevens: Cliënt 1 (Cliënt 900): dagbesteding: vul Ja of Nee in, niet "Misschien".'},
    "context-euro-tekst": {"B47": 'Uren: Contextgebonden middelen (V5): "duizend" is geen bedrag; vul een bedrag in euro in, bijvoorbeeld 5000 of € 5.000,00.'},
    "euro-te-hoog": {"B47": "Uren: Contextgebonden middelen (V6): onrealistisch hoog (meer dan € 1.000.000.000)."},
}


def _vast_individueel(p: Parameters, naam: str) -> Geval:
    """A fixed, complete individual request (VG7, behandeling and dagbesteding Ja) without any warning."""
    c = {
        (VOORBLAD, "C23"): TYPE_INDIVIDUEEL, (VOORBLAD, "C17"): 0.95, (VOORBLAD, "G41"): 12,
        (VOORBLAD, "E4"): "1234", (VOORBLAD, "E6"): "73001234", (VOORBLAD, "C20"): "Nieuwe aanvraag", (VOORBLAD, "G17"): "GHZ",
        (VOORBLAD, ondertekening(p.jaar)[0]): "J. de Vries", (VOORBLAD, ondertekening(p.jaar)[1]): 46050, (CLIENTGEGEVENS, "V7"): "Ja",
        (CLIENTGEGEVENS, "D7"): "M. Jansen", (CLIENTGEGEVENS, "H7"): bsn(4242), (CLIENTGEGEVENS, "J7"): "VG7",
        (CLIENTGEGEVENS, "L7"): "Ja", (CLIENTGEGEVENS, "N7"): "Ja",
        (AANVRAAG_IND, "D16"): 12 / 24, (AANVRAAG_IND, "H16"): "Wonen", (AANVRAAG_IND, "J16"): 1.0,
        (AANVRAAG_IND, "D17"): 17 / 24, (AANVRAAG_IND, "H17"): "Dagbesteding", (AANVRAAG_IND, "J17"): 2.0,
        (AANVRAAG_IND, "D18"): 23 / 24, (AANVRAAG_IND, "H18"): "Wonen", (AANVRAAG_IND, "J18"): 1.0,
        (AANVRAAG_IND, "P16"): 23 / 24, (AANVRAAG_IND, "T16"): "Wonen", (AANVRAAG_IND, "V16"): 1.0,
        (AANVRAAG_IND, "I5"): 2 / 24, (AANVRAAG_IND, "I6"): 2 / 24,
    }  # fmt: skip
    return Geval(f"{p.jaar}-melding-{naam}", c)


def _vaste_groep(p: Parameters, naam: str, rijen=(7, 8, 9)) -> Geval:
    c = {(VOORBLAD, "C23"): TYPE_GROEP, (VOORBLAD, "C17"): 1.0, (VOORBLAD, "G41"): 6,
         (VOORBLAD, "E4"): "1234", (VOORBLAD, "E6"): "73001234", (VOORBLAD, "C20"): "Nieuwe aanvraag", (VOORBLAD, "G17"): "VVT",
         (VOORBLAD, ondertekening(p.jaar)[0]): "J. de Vries", (VOORBLAD, ondertekening(p.jaar)[1]): 46050}  # fmt: skip
    for i, r in enumerate(rijen):
        g = r + GROEP_RIJ_OFFSET
        c.update({
            (CLIENTGEGEVENS, f"D{r}"): f"G{i + 1}", (CLIENTGEGEVENS, f"H{r}"): bsn(5000 + i), (CLIENTGEGEVENS, f"J{r}"): "VG7",
            (CLIENTGEGEVENS, f"L{r}"): "Ja", (CLIENTGEGEVENS, f"N{r}"): "Ja", (CLIENTGEGEVENS, f"V{r}"): "Ja",
            (GROEP, f"D{g}"): 3.0, (GROEP, f"E{g}"): 1.0, (GROEP, f"F{g}"): 2 / 24, (GROEP, f"H{g}"): 0.1,
        })  # fmt: skip
    return Geval(f"{p.jaar}-melding-{naam}", c)


VOLLEDIG = "Het formulier is volledig ingevuld; de uitkomst en de bedragen zijn berekend."
ONVOLLEDIG = "Het formulier is niet volledig gevuld; de uitkomst en de bedragen zijn wel berekend. Zie de melding hieronder."


def meldingen(p: Parameters) -> list[Geval]:
    """Valid requests (the engine computes) with a known Voorblad: the status (B28), what is
    missing (B29) and the warnings "Let op" (B33-B35) of the engine and the checker."""
    maximum = int(p.max_maanden.waarde)
    leeg = {f"B{r}": None for r in range(45, 52)}
    out = []

    def geval(g: Geval, wijziging: dict, verwacht: dict) -> None:
        g.cellen.update(wijziging)
        g.cellen = {k: v for k, v in g.cellen.items() if v is not None}
        g.meldingen = {**leeg, "B44": VOLLEDIG, **verwacht}
        out.append(g)

    geval(_vast_individueel(p, "volledig"), {}, {})
    geval(_vast_individueel(p, "maanden-40"), {(VOORBLAD, "G41"): 40}, {
        "B49": f"Let op: De aangevraagde periode van 40 maanden is langer dan de maximale termijn van {maximum} maanden (toetsingskader meerzorg).",
    })  # fmt: skip
    geval(_vast_individueel(p, "24-uur"), {(AANVRAAG_IND, "J16"): 0.25, (AANVRAAG_IND, "V16"): 0.5}, {
        "B49": "Let op: Cliënt 1 (M. Jansen): meer dan 24 uur zorg op een dag (maandag-vrijdag: 28:47 inclusief nachtzorg); controleer de begeleidingsratio's.",
        "B50": "Let op: Cliënt 1 (M. Jansen): meer dan 24 uur zorg op een dag (zaterdag-zondag: 32:17 inclusief nachtzorg); controleer de begeleidingsratio's.",
    })  # fmt: skip
    geval(_vast_individueel(p, "vier-meldingen"), {(AANVRAAG_IND, "J16"): 0.25, (AANVRAAG_IND, "V16"): 0.5, (VOORBLAD, "G41"): 40,
                                                   (CLIENTGEGEVENS, "N7"): "Nee"}, {
        "B49": f"Let op: De aangevraagde periode van 40 maanden is langer dan de maximale termijn van {maximum} maanden (toetsingskader meerzorg).",
        "B50": "Let op: Cliënt 1 (M. Jansen): meer dan 24 uur zorg op een dag (maandag-vrijdag: 28:47 inclusief nachtzorg); controleer de begeleidingsratio's.",
        "B51": "Let op: Cliënt 1 (M. Jansen): meer dan 24 uur zorg op een dag (zaterdag-zondag: 32:17 inclusief nachtzorg); controleer de begeleidingsratio's. "
               "(en nog 1 melding: zie de kolom Controle op het blad Clientgegevens)",
    })  # fmt: skip
    geval(_vast_individueel(p, "dagbesteding-nee"), {(CLIENTGEGEVENS, "L7"): "Nee"}, {
        "B49": "Let op: Cliënt 1 (M. Jansen): dagbesteding is Nee, de dagbesteding in het dagprogramma telt niet mee.",
    })  # fmt: skip
    geval(_vast_individueel(p, "behandeling-nee"), {(CLIENTGEGEVENS, "N7"): "Nee"}, {
        "B49": "Let op: Cliënt 1 (M. Jansen): behandeling is Nee, de uren inzet behandelaren tellen niet mee.",
    })  # fmt: skip
    geval(_vast_individueel(p, "extra-rij"), {(CLIENTGEGEVENS, "D9"): "Iemand anders"}, {
        "B49": "Let op: bij een individuele aanvraag telt alleen de cliënt op rij 7; rij 9 is ook ingevuld en telt niet mee.",
    })  # fmt: skip
    geval(_vast_individueel(p, "geen-bsn"), {(CLIENTGEGEVENS, "H7"): None}, {
        "B44": ONVOLLEDIG, "B45": "Nog niet volledig: het BSN van cliënt 1 (Clientgegevens H7) ontbreekt.",
    })  # fmt: skip
    geval(_vast_individueel(p, "geen-nza-naam-maanden"), {(VOORBLAD, "E4"): None, (CLIENTGEGEVENS, "D7"): " ", (VOORBLAD, "G41"): None}, {
        "B44": ONVOLLEDIG,
        "B45": "Nog niet volledig: het registratienummer NZa (Voorblad E4) ontbreekt. (en nog 2 ontbrekende gegevens)",
    })  # fmt: skip
    geval(_vast_individueel(p, "tekst-volledig"), {
        (VOORBLAD, "C17"): "95%", (VOORBLAD, "G41"): "12", (CLIENTGEGEVENS, "L7"): True, (CLIENTGEGEVENS, "N7"): " ja ",
        (AANVRAAG_IND, "D16"): "12:00", (AANVRAAG_IND, "D17"): "17.00", (AANVRAAG_IND, "J17"): "2,0", (AANVRAAG_IND, "D18"): " 23 : 00 ",
        (AANVRAAG_IND, "I5"): "2:00", (AANVRAAG_IND, "I6"): "2", (AANVRAAG_IND, "I7"): "0,5 uur", (AANVRAAG_IND, "V5"): "€ 1.000,00",
        (CLIENTGEGEVENS, "F7"): "17-05-1990", (CLIENTGEGEVENS, "R7"): "2024-02-29", (CLIENTGEGEVENS, "T7"): "01/03/2026",
    }, {})  # fmt: skip
    geval(_vaste_groep(p, "groep-volledig"), {}, {})
    geval(_vaste_groep(p, "groep-gat", rijen=(7, 8, 10)), {}, {
        "B44": ONVOLLEDIG,
        "B45": "Nog niet volledig: rij 9 van Clientgegevens is leeg, maar er staan cliënten onder; vul de cliënten aaneengesloten in vanaf rij 7.",
    })  # fmt: skip
    geval(_vaste_groep(p, "groep-24-uur"), {(GROEP, "D20"): 7.5, (CLIENTGEGEVENS, "N9"): "Nee", (CLIENTGEGEVENS, "H8"): None}, {
        "B44": ONVOLLEDIG,
        "B45": "Nog niet volledig: het BSN van cliënt 2 (Clientgegevens H8) ontbreekt.",
        "B49": "Let op: Cliënt 2 (G2): meer dan 24 uur zorg per dag (206:00 per week aan wonen, dagbesteding en nachtzorg).",
        "B50": "Let op: Cliënt 3 (G3): behandeling is Nee, de uren inzet behandelaren tellen niet mee.",
    })  # fmt: skip
    return out


# --------------------------------------------------------------------------- issue 10
#
# Entries the official rekentool computes and the engine refused before issue 10 (the
# lead's engine change on main): a pause in the day programme (only "Tijd tot", or a
# ratio 0), a functie without a ratio or a ratio without a functie (0 hours and a "Let
# op"), and VV7/VV8 with behandeling Nee (its own prestatiecode and a "Let op"). Their
# test skips while the engine still has a fout on them.

PAUZE_RIJ = {(AANVRAAG_IND, "D18"): 19 / 24, (AANVRAAG_IND, "D19"): 23 / 24, (AANVRAAG_IND, "H19"): "Wonen", (AANVRAAG_IND, "J19"): 1.0}
def vv_nee(wie: str, zp: str, code: str) -> str:
    return (
        f"Let op: {wie}: {zp} met behandeling Nee is berekend met prestatiecode {code}. Volgens de instructie (webinar administratie "
        f"meerzorg, ZN oktober 2025) vult u bij {zp} altijd Ja in bij behandeling en dagbesteding; is er geen behandeling of "
        "dagbesteding, vul dan 0 uur in. Met Nee kan het bedrag te hoog uitvallen."
    )


def issue10(p: Parameters) -> list[Geval]:
    """Complete requests with the entries of issue 10 and their exact Voorblad."""
    leeg = {f"B{r}": None for r in range(45, 52)}
    out = []

    def geval(g: Geval, wijziging: dict, verwacht: dict) -> None:
        g.naam = g.naam.replace("-melding-", "-issue10-")
        g.cellen.update(wijziging)
        g.cellen = {k: v for k, v in g.cellen.items() if v is not None}
        g.meldingen = {**leeg, "B44": VOLLEDIG, **verwacht}
        out.append(g)

    # rows 16-17 as in _vast_individueel, 18 a pause 17:00-19:00, 19 Wonen 19:00-23:00
    pauze = {**PAUZE_RIJ, (AANVRAAG_IND, "H18"): None, (AANVRAAG_IND, "J18"): None}
    geval(_vast_individueel(p, "pauze-alleen-tijd"), pauze, {})
    geval(_vast_individueel(p, "pauze-ratio-0"), {**pauze, (AANVRAAG_IND, "H18"): "Wonen", (AANVRAAG_IND, "J18"): 0.0}, {})
    geval(_vast_individueel(p, "pauze-weekend"), {(AANVRAAG_IND, "P16"): 10 / 24, (AANVRAAG_IND, "T16"): None, (AANVRAAG_IND, "V16"): None,
                                                 (AANVRAAG_IND, "P17"): 23 / 24, (AANVRAAG_IND, "T17"): "Wonen", (AANVRAAG_IND, "V17"): 1.0}, {})
    wie = "Let op: Cliënt 1 (M. Jansen), dagprogramma maandag-vrijdag, regel 3 (17:00–19:00): "
    geval(_vast_individueel(p, "functie-zonder-ratio"), {**pauze, (AANVRAAG_IND, "H18"): "Wonen"}, {
        "B49": wie + "functie ingevuld maar geen begeleider-ratio; telt als 0 uur.",
    })  # fmt: skip
    geval(_vast_individueel(p, "ratio-zonder-functie"), {**pauze, (AANVRAAG_IND, "J18"): 2.0}, {
        "B49": wie + "begeleider-ratio ingevuld maar geen functie; telt als 0 uur.",
    })  # fmt: skip
    lvhc = {(CLIENTGEGEVENS, "X7"): "Nee"} if p.jaar >= 2026 else {}
    for zp, code in (("VV7", "Z071"), ("VV8", "Z081")):
        geval(_vast_individueel(p, f"{zp.lower()}-behandeling-nee"), {(CLIENTGEGEVENS, "J7"): zp, (CLIENTGEGEVENS, "N7"): "Nee", (AANVRAAG_IND, "I6"): None, **lvhc}, {
            "B49": vv_nee("Cliënt 1 (M. Jansen)", zp, code),
        })  # fmt: skip
    grp = _vaste_groep(p, "groep-vv8-behandeling-nee")
    grp.cellen.update({(CLIENTGEGEVENS, "J8"): "VV8", (CLIENTGEGEVENS, "N8"): "Nee", (GROEP, "H20"): 0.0})
    if p.jaar >= 2026:
        grp.cellen[(CLIENTGEGEVENS, "X8")] = "Ja"
        grp.cellen[(CLIENTGEGEVENS, "Z8")] = "Korsakov geleverd in REC"
    geval(grp, {}, {"B49": vv_nee("Cliënt 2 (G2)", "VV8", "Z081")})
    # the engine's other waarschuwingen: the form shows the same texts
    dag = {(AANVRAAG_IND, "D17"): 17 / 24 + 10 / 1440}  # 17:10
    engine_gelijk = [
        ("ratio-niet-in-lijst", {(AANVRAAG_IND, "J17"): 0.45}),
        ("functie-zonder-tijd", {(AANVRAAG_IND, "H19"): "Wonen", (AANVRAAG_IND, "J19"): 1.0}),
        ("functie-onbekend", {**pauze, (AANVRAAG_IND, "H18"): "Slapen", (AANVRAAG_IND, "J18"): 1.0}),
        ("tijd-niet-op-kwartier", dag),
        ("cce-nee", {(CLIENTGEGEVENS, "V7"): "Nee"}),
        ("nachtzorg-boven-standaard", {(AANVRAAG_IND, "I5"): 2 / 24 + 1 / 1440}),
        ("preventief-12-maanden", {(VOORBLAD, "C23"): TYPE_PREVENTIEF}),
        ("opname-in-de-toekomst", {(CLIENTGEGEVENS, "R7"): 80000}),
        ("sector-onbekend", {(VOORBLAD, "G17"): "Zorg"}),
        ("nieuw-her-onbekend", {(VOORBLAD, "C20"): "Verlenging"}),
        ("agb-7-cijfers", {(VOORBLAD, "E6"): "7300123"}),
        ("nza-met-streepje", {(VOORBLAD, "E4"): "300-1234"}),
        ("ondertekend-buiten-periode", {(VOORBLAD, ondertekening(p.jaar)[1]): 40000}),
    ]
    if p.jaar >= 2026:
        engine_gelijk += [
            ("ingang-buiten-periode", {(CLIENTGEGEVENS, "T7"): 50000}),
            ("vg7plus-heraanvraag", {(CLIENTGEGEVENS, "J7"): "VG7+", (VOORBLAD, "C20"): "Heraanvraag"}),
            ("doelgroep-onbekend", {(CLIENTGEGEVENS, "J7"): "VV7", (CLIENTGEGEVENS, "X7"): "Ja", (CLIENTGEGEVENS, "Z7"): "Parkinson"}),
            ("doelgroep-bij-vg7", {(CLIENTGEGEVENS, "Z7"): "LBS geleverd in DEC"}),
            ("lvhc-nee-met-doelgroep", {(CLIENTGEGEVENS, "J7"): "LG6", (CLIENTGEGEVENS, "X7"): "Nee", (CLIENTGEGEVENS, "Z7"): "LBS geleverd in DEC"}),
        ]
    for naam, wijziging in engine_gelijk:
        geval(_vast_individueel(p, naam), wijziging, {})
        out[-1].als_engine = True
        del out[-1].meldingen["B49"], out[-1].meldingen["B50"], out[-1].meldingen["B51"]
    heraanvraag = _vaste_groep(p, "groep-heraanvraag")
    geval(heraanvraag, {(VOORBLAD, "C20"): "Heraanvraag"}, {})
    out[-1].als_engine = True
    del out[-1].meldingen["B49"], out[-1].meldingen["B50"], out[-1].meldingen["B51"]
    return out


def gevallen(p: Parameters, aantal: int = 200, min_groepen: int = 40) -> list[Geval]:
    """Every prestatiecode once; both sides (-2 s, +1 s) of every band's lower bound of
    every zorgprofiel (individual, every fourth preventief); then random groups (with
    maatwerk and the cap) up to ``aantal`` cases and at least ``min_groepen`` groups."""
    rnd = random.Random(20260101 + p.jaar)
    out = []
    pcs = prestatiecodes(p)
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


# --------------------------------------------------------------------------- text input


def _duur_tekst(x: float, k: int) -> str:
    """A duration as a provider may type it: "u:mm", "u:mm:ss", "4,25", "4.5 uur" (hours)."""
    s = round(x * 86400)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    if s % 36 == 0 and k % 3 == 1:  # whole hundredths of an hour: hours with a decimal comma
        uren = f"{s / 3600:.2f}".rstrip("0").rstrip(".")
        return uren.replace(".", ",") + ("" if k % 2 else " uur")
    if sec == 0:
        return f"{h}:{m:02d}" if k % 2 else f" {h} : {m:02d} "
    return f"{h}:{m:02d}:{sec:02d}"


def _euro_tekst(e: float) -> str:
    heel, cent = divmod(round(e * 100), 100)
    return "€ " + f"{heel:,}".replace(",", ".") + f",{cent:02d}"


def _getal_tekst(x: float, k: int) -> str:
    t = f"{x:g}"
    return t if k % 3 == 0 else t.replace(".", ",")


def als_tekst(g: Geval, k: int) -> Geval:
    """The case with its inputs typed as text (and Ja/Nee as WAAR/ONWAAR, the BSN as a
    number, the type as its short name): the form must read them as the engine does."""
    c = dict(g.cellen)
    for (blad, cel), w in g.cellen.items():
        if w is None or isinstance(w, str) and blad != CLIENTGEGEVENS:
            continue
        col = cel.rstrip("0123456789")
        if blad == AANVRAAG_IND and col in ("D", "P"):
            minuten = round(w * 1440)
            c[(blad, cel)] = f"{minuten // 60:02d}:{minuten % 60:02d}" if (k + len(c)) % 2 else f"{minuten // 60}.{minuten % 60:02d}"
        elif blad == AANVRAAG_IND and col in ("J", "V") and cel not in ("V5", "V6"):
            c[(blad, cel)] = _getal_tekst(w, k + int(cel[1:]))
        elif (blad, cel) in ((AANVRAAG_IND, "V5"), (AANVRAAG_IND, "V6"), (GROEP, "C11"), (GROEP, "C12")):
            c[(blad, cel)] = _euro_tekst(w) if k % 2 else f"{w:.2f}".replace(".", ",")
        elif blad == AANVRAAG_IND or blad == GROEP:
            c[(blad, cel)] = _duur_tekst(w, k + int(cel[1:]))
        elif (blad, cel) == (VOORBLAD, "C17"):
            c[(blad, cel)] = f"{round(w * 100, 6):g}".replace(".", ",") + "%" if k % 2 else f"{w:g}".replace(".", ",")
        elif (blad, cel) == (VOORBLAD, "G41"):
            c[(blad, cel)] = str(w)
        elif blad == CLIENTGEGEVENS and col in ("L", "N"):
            c[(blad, cel)] = (w == "Ja") if k % 2 else {"Ja": " ja", "Nee": "NEE "}[w]
        elif blad == CLIENTGEGEVENS and col == "J":
            c[(blad, cel)] = " " + w.lower().replace("vg", "vg ")
        elif blad == CLIENTGEGEVENS and col == "H" and k % 2:
            c[(blad, cel)] = int(w)
    c[(VOORBLAD, "C23")] = {TYPE_INDIVIDUEEL: "individueel", TYPE_PREVENTIEF: "preventief", TYPE_GROEP: "groep"}[g.cellen[(VOORBLAD, "C23")]]
    if g.cellen[(VOORBLAD, "C23")] != TYPE_GROEP:
        c[(CLIENTGEGEVENS, "F7")] = "17-05-1990" if k % 2 else "1990-5-17"
        c[(CLIENTGEGEVENS, "R7")] = "01.02.2024"
        c[(CLIENTGEGEVENS, "T7")] = "1/3/2026"
    return Geval(g.naam.replace("-ind-", "-tekst-ind-").replace("-grp-", "-tekst-grp-"), c)


def tekst_gevallen(p: Parameters, alle: list[Geval], aantal: int = 40) -> list[Geval]:
    """Every fifth individual and group case (up to ``aantal``), typed as text."""
    ind = [g for g in alle if g.cellen[(VOORBLAD, "C23")] != TYPE_GROEP][::5]
    grp = [g for g in alle if g.cellen[(VOORBLAD, "C23")] == TYPE_GROEP][::5]
    gekozen = (ind[: aantal * 2 // 3] + grp)[:aantal]
    return [als_tekst(g, k) for k, g in enumerate(gekozen)]
