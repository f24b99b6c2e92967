"""Validation: every problem of an aanvraag at once, as Dutch messages naming the field.

``valideer`` returns messages of niveau "fout" (the calculation yields no numbers) and
"waarschuwing" (computed, but for the provider or the zorgkantoor to look at). Messages
that need the calculation (context euros above the threshold) are added by ``bereken``.
"""

from __future__ import annotations

import math

from .model import FOUT, GROEP, INDIVIDUEEL, PREVENTIEF, WAARSCHUWING, Aanvraag, Client, Melding, Slot
from .parameters import OnbekendJaar, Parameters, laad_parameters
from .regels.dagprogramma import DAGBESTEDING, WONEN, formatie_uren, slot_uren

UUR_VELDEN = ("wonen", "dagbesteding_uren", "nachtzorg", "behandelaren", "min_uren", "context_uren_jaar")
VELD_NAMEN = {
    "wonen": "uren wonen per week",
    "dagbesteding_uren": "uren dagbesteding per week",
    "nachtzorg": "uren nachtzorg per week",
    "behandelaren": "uren inzet behandelaren per week",
    "min_uren": "min-uren per week",
    "context_uren_jaar": "context-uren per jaar",
}
from .tijd import format_uren_minuten

MIN_MAANDEN = 1
# Plausibility limits: far above any real request, they keep absurd input (1e300 hours)
# from producing an infinite or meaningless amount.
MAX_UREN = 100_000  # hours in any hour field (per week, or per year for context)
MAX_EUROS = 1_000_000_000  # context euros per amount
MAX_CLIENTEN_FORMULIER = 17  # rows for clients on the official form
MAX_MAANDEN_REKENTOOL = 48  # the official form accepts up to 48 months (Voorblad G41)
_EPS = 1e-9
_FUNCTIES = (WONEN.lower(), DAGBESTEDING.lower())


def ja_nee(value: bool | None) -> str:
    return "Ja" if value else "Nee"


def bsn_geldig(bsn: str) -> bool:
    """The 11-proef of a BSN: 9 digits, sum(d_i * (9-i)) - d_9 divisible by 11, not 0."""
    if len(bsn) == 8 and bsn.isdigit():
        bsn = "0" + bsn
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    digits = [int(c) for c in bsn]
    total = sum(d * (9 - i) for i, d in enumerate(digits[:8])) - digits[8]
    return total % 11 == 0 and total != 0


def _tijd(days: float) -> str:
    return format_uren_minuten(days)


def _valideer_slots(p: Parameters, slots: list[Slot], veld: str, dag: str, wie: str, out: list[Melding]) -> None:
    vorige: tuple[float, float, int] | None = None
    geldige = []
    for i, s in enumerate(slots):
        v = f"{veld}[{i}]"
        naam = f"{wie}, dagprogramma {dag}, tijdvak {i + 1}"
        ok = True
        for key, t in (("van", s.van), ("tot", s.tot)):
            if t is None or math.isnan(t):
                ok = False
                continue
            if t < p.dag_begin - _EPS or t > p.dag_eind + _EPS:
                out.append(Melding(FOUT, f"{v}.{key}", f"{naam}: {_tijd(t)} ligt buiten {_tijd(p.dag_begin)}–{_tijd(p.dag_eind)}."))
                ok = False
            elif abs(t * 1440 / p.stap_minuten - round(t * 1440 / p.stap_minuten)) > 1e-6:
                out.append(Melding(FOUT, f"{v}.{key}", f"{naam}: {_tijd(t)} valt niet op een kwartier (stappen van {p.stap_minuten} minuten)."))
                ok = False
        if ok and s.tot <= s.van:  # type: ignore[operator]
            out.append(Melding(FOUT, f"{v}.tot", f"{naam}: de eindtijd {_tijd(s.tot)} ligt niet na de begintijd {_tijd(s.van)}."))  # type: ignore[arg-type]
            ok = False
        if s.functie is None or s.functie.lower() not in _FUNCTIES:
            out.append(Melding(FOUT, f"{v}.functie", f"{naam}: functie moet Wonen of Dagbesteding zijn, niet {s.functie!r}."))
        if s.begeleider_op is None:
            out.append(Melding(FOUT, f"{v}.begeleider_op", f"{naam}: '1 begeleider op … cliënt(en)' ontbreekt."))
        elif not math.isnan(s.begeleider_op) and not p.ratio_toegestaan(s.begeleider_op):
            toegestaan = ", ".join(f"{r:g}".replace(".", ",") for r in p.begeleider_ratios)
            out.append(Melding(FOUT, f"{v}.begeleider_op", f"{naam}: 1 begeleider op {s.begeleider_op:g} cliënt(en) staat niet in de lijst ({toegestaan}).".replace(f"op {s.begeleider_op:g} ", f"op {s.begeleider_op:g} ".replace(".", ","))))
        if ok:
            geldige.append((s.van, s.tot, i))
    geldige.sort()
    for van, tot, i in geldige:
        if vorige is not None and van < vorige[1] - _EPS:
            out.append(Melding(FOUT, f"{veld}[{i}].van", f"{wie}, dagprogramma {dag}: tijdvak {i + 1} ({_tijd(van)}–{_tijd(tot)}) overlapt met tijdvak {vorige[2] + 1} ({_tijd(vorige[0])}–{_tijd(vorige[1])})."))
        if vorige is None or tot > vorige[1]:
            vorige = (van, tot, i)


def _formatie_per_dag(slots: list[Slot]) -> float:
    total = 0.0
    for s in slots:
        if s.van is None or s.tot is None or math.isnan(s.van) or math.isnan(s.tot):
            continue
        r = s.begeleider_op
        if r is None or math.isnan(r):
            continue
        total += formatie_uren(slot_uren(s.van, s.tot), r)
    return total


def valideer_client(p: Parameters, aanvraag: Aanvraag, c: Client, i: int) -> list[Melding]:
    out: list[Melding] = []
    base = f"clienten[{i}]"
    wie = f"Cliënt {i + 1}" + (f" ({c.naam})" if c.naam else "")
    groep = aanvraag.soort == GROEP
    gelezen = aanvraag.onleesbaar | {m.veld for m in aanvraag.invoer_meldingen} if aanvraag.invoer_meldingen else ()
    zp = p.zorgprofiel(c.zorgprofiel)
    if c.zorgprofiel in (None, ""):
        out.append(Melding(FOUT, f"{base}.zorgprofiel", f"{wie}: het zorgprofiel (zorgzwaartepakket) ontbreekt."))
    elif zp is None:
        out.append(Melding(FOUT, f"{base}.zorgprofiel", f"{wie}: onbekend zorgprofiel '{c.zorgprofiel}' voor {p.jaar}; kies uit {', '.join(p.zorgprofielen)}."))
    for key, label in (("dagbesteding", "Dagbesteding"), ("behandeling", "Behandeling")):
        if getattr(c, key) is None and f"{base}.{key}" not in gelezen:
            out.append(Melding(FOUT, f"{base}.{key}", f"{wie}: '{label} van toepassing' (Ja/Nee) ontbreekt."))
    if zp is not None and c.dagbesteding is not None and c.behandeling is not None:
        pc = p.prestatiecode(zp.naam, c.behandeling, c.dagbesteding)
        alleen_ja = zp.naam in p.alleen_met_behandeling_en_dagbesteding
        if pc is not None and alleen_ja and not (pc.behandeling and pc.dagbesteding):
            pc = None
        if pc is None:
            mogelijk = [x for x in p.combinaties(zp.naam) if not alleen_ja or (x.behandeling and x.dagbesteding)]
            opties = "; ".join(f"behandeling {ja_nee(x.behandeling)} en dagbesteding {ja_nee(x.dagbesteding)} ({x.code})" for x in mogelijk)
            out.append(Melding(FOUT, f"{base}.behandeling", f"{wie}: {zp.naam} met behandeling {ja_nee(c.behandeling)} en dagbesteding {ja_nee(c.dagbesteding)} heeft geen prestatiecode; mogelijk is: {opties}."))
    te_groot = False
    for key in UUR_VELDEN:
        value = getattr(c, key)
        if not math.isnan(value) and value < 0:
            out.append(Melding(FOUT, f"{base}.{key}", f"{wie}: {VELD_NAMEN[key]} mag niet negatief zijn ({_tijd(value)})."))
        elif not math.isnan(value) and value * 24 > MAX_UREN:
            te_groot = True
            out.append(Melding(FOUT, f"{base}.{key}", f"{wie}: {VELD_NAMEN[key]} is onrealistisch groot (meer dan {MAX_UREN:,} uur).".replace(",", ".")))
    for j, e in enumerate(c.context_euros):
        if not math.isnan(e) and e < 0:
            out.append(Melding(FOUT, f"{base}.context_euros[{j}]", f"{wie}: contextgebonden middelen mogen niet negatief zijn."))
        elif not math.isnan(e) and e > MAX_EUROS:
            out.append(Melding(FOUT, f"{base}.context_euros[{j}]", f"{wie}: contextgebonden middelen zijn onrealistisch hoog (meer dan € 1.000.000.000)."))
    if len(c.context_euros) > 2:
        out.append(Melding(FOUT, f"{base}.context_euros", f"{wie}: vul hoogstens twee bedragen contextgebonden middelen in (onderwerp a en b); er zijn er {len(c.context_euros)}."))
    if c.dagprogramma is not None:
        if c.wonen or c.dagbesteding_uren:
            out.append(Melding(FOUT, f"{base}.dagprogramma", f"{wie}: vul óf een dagprogramma óf de weekuren wonen/dagbesteding in, niet beide."))
        for dag, slots, naam in (("ma_vr", c.dagprogramma.ma_vr, "maandag-vrijdag"), ("za_zo", c.dagprogramma.za_zo, "zaterdag-zondag")):
            _valideer_slots(p, slots, f"{base}.dagprogramma.{dag}", naam, wie, out)
            per_dag = _formatie_per_dag(slots) + (c.nachtzorg / 7 if not math.isnan(c.nachtzorg) else 0.0)
            if per_dag > 1 + _EPS and not te_groot:
                out.append(Melding(WAARSCHUWING, f"{base}.dagprogramma.{dag}", f"{wie}: meer dan 24 uur zorg op een dag ({naam}: {_tijd(per_dag)} inclusief nachtzorg); controleer de begeleidingsratio's."))
    else:
        week = sum(x for x in (c.wonen, c.dagbesteding_uren, c.nachtzorg) if not math.isnan(x))
        if week > 7 + _EPS and not te_groot:
            out.append(Melding(WAARSCHUWING, f"{base}.wonen", f"{wie}: meer dan 24 uur zorg per dag ({_tijd(week)} per week aan wonen, dagbesteding en nachtzorg)."))
    if c.dagbesteding is False and c.dagbesteding_uren and not math.isnan(c.dagbesteding_uren):
        out.append(Melding(WAARSCHUWING, f"{base}.dagbesteding_uren", f"{wie}: dagbesteding is Nee, de uren dagbesteding tellen niet mee."))
    if c.dagbesteding is False and c.dagprogramma is not None and any(s.functie and s.functie.lower() == DAGBESTEDING.lower() for s in c.dagprogramma.ma_vr + c.dagprogramma.za_zo):
        out.append(Melding(WAARSCHUWING, f"{base}.dagprogramma", f"{wie}: dagbesteding is Nee, de dagbesteding in het dagprogramma telt niet mee."))
    if c.behandeling is False and c.behandelaren and not math.isnan(c.behandelaren):
        out.append(Melding(WAARSCHUWING, f"{base}.behandelaren", f"{wie}: behandeling is Nee, de uren inzet behandelaren tellen niet mee."))
    if groep and (c.context_uren_jaar or c.context_euros and any(c.context_euros)):
        out.append(Melding(WAARSCHUWING, f"{base}.context_uren_jaar", f"{wie}: bij groepsmeerzorg gelden de context-uren en -euro's van de groep; die van de cliënt tellen niet mee."))
    if c.bsn is not None and not bsn_geldig(c.bsn):
        out.append(Melding(FOUT, f"{base}.bsn", f"{wie}: BSN {c.bsn} is ongeldig (voldoet niet aan de 11-proef)."))
    if c.opname is not None and c.ingang is not None and c.opname > c.ingang:
        out.append(Melding(FOUT, f"{base}.opname", f"{wie}: de datum opname ({c.opname:%d-%m-%Y}) ligt na de beoogde ingangsdatum ({c.ingang:%d-%m-%Y})."))
    if c.geboortedatum is not None and c.opname is not None and c.geboortedatum > c.opname:
        out.append(Melding(FOUT, f"{base}.geboortedatum", f"{wie}: de geboortedatum ligt na de datum opname."))
    if c.maanden is not None:
        maximum = int(p.max_maanden.waarde)
        if c.maanden < MIN_MAANDEN or c.maanden > MAX_MAANDEN_REKENTOOL:
            out.append(Melding(FOUT, f"{base}.maanden", f"{wie}: de aangevraagde periode van {c.maanden} maanden ligt buiten 1–{MAX_MAANDEN_REKENTOOL} maanden (de maximale termijn is {maximum} maanden)."))
        elif c.maanden > maximum:
            out.append(Melding(WAARSCHUWING, f"{base}.maanden", f"{wie}: de aangevraagde periode van {c.maanden} maanden is langer dan de maximale termijn van {maximum} maanden (de rekentool staat tot {MAX_MAANDEN_REKENTOOL} toe)."))
        if zp is not None and p.max_maanden_per_zorgprofiel and zp.naam in p.max_maanden_per_zorgprofiel:
            limiet = p.max_maanden_per_zorgprofiel[zp.naam]
            if c.maanden > limiet:
                out.append(Melding(FOUT, f"{base}.maanden", f"{wie}: voor {zp.naam} is de maximale termijn {limiet} maanden; aangevraagd is {c.maanden}."))
    return out


def valideer(aanvraag: Aanvraag, parameters: Parameters | None = None) -> list[Melding]:
    """All messages for ``aanvraag``: what reading found plus every rule below."""
    out = list(aanvraag.invoer_meldingen)
    p = parameters
    if p is None and aanvraag.jaar:
        try:
            p = laad_parameters(aanvraag.jaar)
        except OnbekendJaar as exc:
            out.append(Melding(FOUT, "jaar", f"{exc}."))
            return out
    if p is None:
        return out
    t = aanvraag.tariefpercentage
    if t is None:
        out.append(Melding(FOUT, "tariefpercentage", "Het afgesproken tariefpercentage ontbreekt."))
    elif not math.isnan(t):
        if t > 1:
            out.append(Melding(FOUT, "tariefpercentage", f"Het tariefpercentage {t:g} ligt boven 100% (vul bijvoorbeeld 0,95 in voor 95%)."))
        elif t <= 0:
            out.append(Melding(FOUT, "tariefpercentage", f"Het tariefpercentage {t:g} moet groter dan 0 zijn."))
    n = len(aanvraag.clienten)
    if aanvraag.soort == GROEP and n < 2:
        out.append(Melding(FOUT, "clienten", f"Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er {n}."))
    if aanvraag.soort in (INDIVIDUEEL, PREVENTIEF) and n != 1:
        out.append(Melding(FOUT, "clienten", f"Een individuele aanvraag is voor precies één cliënt; deze aanvraag heeft er {n}. Gebruik soort 'groep' voor 2 of meer cliënten."))
    if aanvraag.soort != GROEP and (aanvraag.groep_context_uren_jaar or any(aanvraag.groep_context_euros)):
        out.append(Melding(WAARSCHUWING, "groep", "De contextgegevens van de groep tellen alleen mee bij groepsmeerzorg."))
    if aanvraag.soort == GROEP:
        if not math.isnan(aanvraag.groep_context_uren_jaar) and aanvraag.groep_context_uren_jaar < 0:
            out.append(Melding(FOUT, "groep.context_uren_jaar", "De context-uren van de groep mogen niet negatief zijn."))
        if not math.isnan(aanvraag.groep_context_uren_jaar) and aanvraag.groep_context_uren_jaar * 24 > MAX_UREN:
            out.append(Melding(FOUT, "groep.context_uren_jaar", f"De context-uren van de groep zijn onrealistisch groot (meer dan {MAX_UREN:,} uur).".replace(",", ".")))
        for j, e in enumerate(aanvraag.groep_context_euros):
            if not math.isnan(e) and e < 0:
                out.append(Melding(FOUT, f"groep.context_euros[{j}]", "Contextgebonden middelen van de groep mogen niet negatief zijn."))
            elif not math.isnan(e) and e > MAX_EUROS:
                out.append(Melding(FOUT, f"groep.context_euros[{j}]", "Contextgebonden middelen van de groep zijn onrealistisch hoog (meer dan € 1.000.000.000)."))
        if len(aanvraag.groep_context_euros) > 2:
            out.append(Melding(FOUT, "groep.context_euros", f"Vul voor de groep hoogstens twee bedragen contextgebonden middelen in (onderwerp a en b); er zijn er {len(aanvraag.groep_context_euros)}."))
        if n > MAX_CLIENTEN_FORMULIER:
            out.append(Melding(WAARSCHUWING, "clienten", f"Het aanvraagformulier heeft ruimte voor {MAX_CLIENTEN_FORMULIER} cliënten; deze groep heeft er {n}. Verdeel de groep over meer formulieren."))
    for i, c in enumerate(aanvraag.clienten):
        out.extend(valideer_client(p, aanvraag, c, i))
    return out
