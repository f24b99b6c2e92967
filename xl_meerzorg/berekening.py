"""The whole calculation of an aanvraag: validation, then the rules in the tool's order.

``bereken`` never raises on bad input: a "fout" message means no numbers at all.
"""

from __future__ import annotations

import math

from .model import (
    FOUT,
    GROEP,
    VALT_BINNEN,
    WAARSCHUWING,
    Aanvraag,
    Client,
    ClientResultaat,
    Melding,
    Resultaat,
    toon_tekst,
)
from .parameters import OnbekendJaar, Parameters, laad_parameters
from .parameters.laden import UITKOMST_MAATWERK, UITKOMST_NMW
from .regels import budget as r_budget
from .regels import context as r_context
from .regels import dagprogramma as r_dag
from .regels import jaarbedrag as r_jaar
from .regels import maximum as r_max
from .regels import meerzorguren as r_mz
from .regels import uitkomst as r_uitkomst
from .regels import uren as r_uren
from .validatie import valideer


def _euro(value: float) -> str:
    text = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {text}"


def week_wonen_dagbesteding(c: Client) -> tuple[float, float]:
    """Weekly Wonen and Dagbesteding (I3, I4): from the day programme or given directly."""
    if c.dagprogramma is None:
        return c.wonen, c.dagbesteding_uren
    dp = c.dagprogramma
    rows_week = [(s.van, s.tot, s.functie, s.begeleider_op) for s in dp.ma_vr]
    rows_weekend = [(s.van, s.tot, s.functie, s.begeleider_op) for s in dp.za_zo]
    wonen = r_dag.weekuren(r_dag.som_per_functie(rows_week, r_dag.WONEN), r_dag.som_per_functie(rows_weekend, r_dag.WONEN))
    dagb = r_dag.weekuren(
        r_dag.som_per_functie(rows_week, r_dag.DAGBESTEDING), r_dag.som_per_functie(rows_weekend, r_dag.DAGBESTEDING)
    )
    return wonen, dagb


def _uren(p: Parameters, c: Client, context_week: float) -> ClientResultaat:
    """Hours part (E8:E38 / group D:O) of one client, up to and including the band."""
    zp = p.zorgprofiel(c.zorgprofiel)
    assert zp is not None and c.behandeling is not None and c.dagbesteding is not None
    pc = p.prestatiecode(zp.naam, c.behandeling, c.dagbesteding)
    assert pc is not None
    wonen, dagb = week_wonen_dagbesteding(c)
    beh = r_uren.behandeling(c.behandelaren, p.behandelfactor.waarde)
    indirect = zp.indirecte_uren
    totaal = r_uren.totaal_uren(
        wonen, dagb, c.nachtzorg, beh, c.min_uren, indirect, context_week, c.dagbesteding, c.behandeling
    )
    r = ClientResultaat(
        zorgprofiel=zp.naam,
        prestatiecode=pc.code,
        wonen=wonen,
        dagbesteding=dagb,
        nachtzorg=c.nachtzorg,
        behandeling=beh,
        min_uren=c.min_uren,
        indirecte_uren=indirect,
        context_uren=context_week,
        totaal_uren=totaal,
        zzp_uren=pc.uren_per_week,
    )
    mz = r_mz.meerzorguren(totaal, pc.uren_per_week)
    if mz is None:
        r.uitkomst = VALT_BINNEN
        return r
    r.meerzorguren = mz
    band = r_uitkomst.band(zp, mz)
    r.uitkomst = band.uitkomst
    r.uitkomst_label = band.label
    if band.uitkomst == UITKOMST_MAATWERK:
        r.budget_100 = r_budget.maatwerk_budget(mz, zp.maatwerk_uurbudget)
    elif band.uitkomst != UITKOMST_NMW:
        r.budget_100 = band.bedrag
    return r


def _bedragen(p: Parameters, r: ClientResultaat, context_boven: float, tarief: float) -> None:
    """H40:H42 and E39:E41: cap, year amount and day amount of a client with a budget."""
    assert r.budget_100 is not None
    maximum = p.maximum_etmaalbedrag.waarde
    r.etmaal_100 = r_max.etmaal_100(r.budget_100, context_boven)
    r.budget_na_maximum, r.gemaximeerd = r_max.na_maximum(r.budget_100, context_boven, maximum)
    r.jaarbedrag = r_jaar.jaarbedrag(r.budget_na_maximum, tarief)
    r.etmaalbedrag = r_jaar.etmaalbedrag(r.jaarbedrag)


def _drempel_basis(p: Parameters, r: ClientResultaat) -> float:
    """The amount the 7.1% threshold applies to: the profile amount, or for maatwerk
    MIN(maatwerk budget, max etmaal * 365) (H35 / group U)."""
    assert r.budget_100 is not None
    if r.uitkomst == UITKOMST_MAATWERK:
        return r_context.drempel_basis_maatwerk(r.budget_100, p.maximum_etmaalbedrag.waarde)
    return r.budget_100


def _context_melding(veld: str, wie: str, euros: float, drempel: float, boven: float) -> Melding:
    return Melding(
        WAARSCHUWING,
        veld,
        f"{wie}: de contextgebonden middelen ({_euro(euros)}) liggen boven de drempel van {_euro(drempel)}; "
        f"{_euro(boven)} wordt bij het budget opgeteld. Het zorgkantoor beoordeelt dit.",
    )


def _som(values) -> float:
    total = 0.0
    for v in values:
        total += v
    return total


def bereken_individueel(p: Parameters, aanvraag: Aanvraag, meldingen: list[Melding]) -> Resultaat:
    clienten = []
    for i, c in enumerate(aanvraag.clienten):
        r = _uren(p, c, r_uren.context_uren_per_week(c.context_uren_jaar))
        euros = _som(c.context_euros)
        r.context_euros = euros
        if r.budget_100 is not None:
            drempel = r_context.drempel(_drempel_basis(p, r), p.context_drempel_fractie.waarde)
            r.context_drempel = drempel
            r.context_boven_drempel = r_context.boven_drempel(euros, drempel)
            r.context_binnen_profiel = r_context.binnen_profiel(euros, drempel)
            if r.context_binnen_profiel == "Nee":
                wie = f"Cliënt {i + 1}" + (f" ({toon_tekst(c.naam)})" if c.naam else "")
                meldingen.append(_context_melding(aanvraag.plek(f"clienten[{i}].context_euros[0]"), wie, euros, drempel, r.context_boven_drempel))
            _bedragen(p, r, r.context_boven_drempel, aanvraag.tariefpercentage)  # type: ignore[arg-type]
        clienten.append(r)
    jaar = [r.jaarbedrag for r in clienten if r.jaarbedrag is not None]
    etmaal = [r.etmaalbedrag for r in clienten if r.etmaalbedrag is not None]
    return Resultaat(p.jaar, aanvraag.soort, clienten, _som(jaar), _som(etmaal), meldingen)


def bereken_groep(p: Parameters, aanvraag: Aanvraag, meldingen: list[Melding]) -> Resultaat:
    """*Aanvraag-overzicht groep*: the group's context hours divided equally over all
    clients on the form (L = F8/B5); the 7.1% threshold on the group's total 100% budget
    (H42 = R36 + U36); the excess divided equally over the clients with a budget (H45)."""
    n = len(aanvraag.clienten)
    context_week = r_uren.context_uren_per_week(aanvraag.groep_context_uren_jaar) / n
    clienten = [_uren(p, c, context_week) for c in aanvraag.clienten]
    met_budget = [r for r in clienten if r.budget_100 is not None]
    profielen = _som(r.budget_100 for r in met_budget if r.uitkomst != UITKOMST_MAATWERK)  # R36
    maatwerk = _som(_drempel_basis(p, r) for r in met_budget if r.uitkomst == UITKOMST_MAATWERK)  # U36
    totaal_100 = profielen + maatwerk  # H42
    euros = _som(aanvraag.groep_context_euros)  # C13
    drempel = r_context.drempel(totaal_100, p.context_drempel_fractie.waarde)  # H40
    boven = r_context.boven_drempel(euros, drempel)  # H44
    binnen = r_context.binnen_profiel(euros, drempel)  # H41
    if binnen == "Nee":
        meldingen.append(_context_melding(aanvraag.plek("groep.context_euros[0]"), "Groep", euros, drempel, boven))
    per_client = r_context.per_client(boven, len(met_budget)) if met_budget else 0.0  # H45
    for r in met_budget:
        r.context_boven_drempel = per_client
        _bedragen(p, r, per_client, aanvraag.tariefpercentage)  # type: ignore[arg-type]
    profiel_jaar = _som(r.jaarbedrag for r in met_budget if r.uitkomst != UITKOMST_MAATWERK)  # Q36
    maatwerk_jaar = _som(r.jaarbedrag for r in met_budget if r.uitkomst == UITKOMST_MAATWERK)  # S36
    etmaal = _som(r.etmaalbedrag for r in met_budget)  # V36
    return Resultaat(
        p.jaar,
        aanvraag.soort,
        clienten,
        profiel_jaar + maatwerk_jaar,
        etmaal,
        meldingen,
        groep_context_drempel=drempel,
        groep_context_boven_drempel=boven,
        groep_context_binnen_profiel=binnen,
        groep_totaal_budget_100=totaal_100,
        aantal_met_budget=len(met_budget),
    )


def _leeg(aanvraag: Aanvraag, p: Parameters | None, meldingen: list[Melding]) -> Resultaat:
    clienten = []
    for c in aanvraag.clienten:
        zp = p.zorgprofiel(c.zorgprofiel) if p else None
        pc = None
        if p and zp and c.behandeling is not None and c.dagbesteding is not None:
            pc = p.prestatiecode(zp.naam, c.behandeling, c.dagbesteding)
        clienten.append(ClientResultaat(zp.naam if zp else c.zorgprofiel, pc.code if pc else None))
    return Resultaat(aanvraag.jaar, aanvraag.soort, clienten, None, None, meldingen)


def bereken(aanvraag: Aanvraag, parameters: Parameters | None = None) -> Resultaat:
    """Validate and compute ``aanvraag``. With any "fout" the result carries the messages
    and no numbers."""
    p = parameters
    if p is None:
        try:
            p = laad_parameters(aanvraag.jaar)
        except OnbekendJaar:
            p = None
    meldingen = valideer(aanvraag, p)
    if p is None or any(m.niveau == FOUT for m in meldingen):
        return _leeg(aanvraag, p, meldingen)
    if any(math.isnan(x) for x in _alle_getallen(aanvraag)):  # defensive: NaN always has a fout
        meldingen.append(Melding(FOUT, "aanvraag", "De aanvraag bevat een ongeldig getal."))
        return _leeg(aanvraag, p, meldingen)
    if aanvraag.soort == GROEP:
        return bereken_groep(p, aanvraag, meldingen)
    return bereken_individueel(p, aanvraag, meldingen)


def _alle_getallen(a: Aanvraag):
    yield a.tariefpercentage if a.tariefpercentage is not None else 0.0
    yield a.groep_context_uren_jaar
    yield from a.groep_context_euros
    for c in a.clienten:
        yield c.wonen
        yield c.dagbesteding_uren
        yield c.nachtzorg
        yield c.behandelaren
        yield c.min_uren
        yield c.context_uren_jaar
        yield from c.context_euros
