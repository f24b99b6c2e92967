"""Validation: every problem of an aanvraag at once, as Dutch messages naming the field.

``valideer`` returns messages of niveau "fout" (the calculation yields no numbers) and
"waarschuwing" (computed, but for the provider or the zorgkantoor to look at). Messages
that need the calculation (context euros above the threshold) are added by ``bereken``.
"""

from __future__ import annotations

import datetime as dt
import math

from .model import FOUT, GROEP, INDIVIDUEEL, PREVENTIEF, WAARSCHUWING, Aanvraag, Client, Melding, Slot, getal_nl, procent_nl, toon, toon_tekst
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
MAX_MAANDEN_REKENTOOL = 48  # the official 2026 form accepts up to 48 months (Voorblad G41)
# Plausibility limits: far above any real request, they keep absurd input (1e300 hours)
# from producing an infinite or meaningless amount.
MAX_UREN = 100_000  # hours in any hour field (per week, or per year for context)
MAX_EUROS = 1_000_000_000  # context euros per amount
MAX_CLIENTEN_FORMULIER = 17  # rows for clients on the official form
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


def _valideer_slots(p: Parameters, a: Aanvraag, slots: list[Slot], veld: str, dag: str, wie: str, out: list[Melding]) -> None:
    """One day of the programme. A row without functie and ratio, or with ratio 0, is a
    pause (0 hours, no message); functie or ratio alone counts 0 hours like the official
    tool (IFERROR(F/J,0), SUMIF on the functie) and gets a waarschuwing. Cell names and
    texts are only made when a message needs them (a valid row costs a few comparisons)."""

    def plek(i: int, s: Slot, key: str) -> str:
        cel = dict(zip(("tot", "functie", "begeleider_op"), s.cellen)) if s.cellen else {}
        return cel.get(key) or cel.get("tot") or a.plek(f"{veld}[{i}].{key}")

    def naam(i: int, s: Slot) -> str:
        return f"{wie}, dagprogramma {dag}, regel {s.regel or i + 1}"

    def tijden(i: int, s: Slot, ok: bool) -> str:
        return f"{naam(i, s)} ({_tijd(s.van)}–{_tijd(s.tot)})" if ok else naam(i, s)  # type: ignore[arg-type]

    begin, eind, stap = p.dag_begin - _EPS, p.dag_eind + _EPS, 1440 / p.stap_minuten
    vorige: tuple[float, float, int] | None = None
    geldige = []
    for i, s in enumerate(slots):
        ok = True
        for key, t in (("van", s.van), ("tot", s.tot)):
            if t is None or t != t:  # empty or NaN
                ok = False
                continue
            if t < begin or t > eind:
                out.append(Melding(FOUT, plek(i, s, key), f"{naam(i, s)}: {_tijd(t)} ligt buiten {_tijd(p.dag_begin)}–{_tijd(p.dag_eind)}."))
                ok = False
            elif abs(t * stap - round(t * stap)) > 1e-6:
                out.append(Melding(WAARSCHUWING, plek(i, s, key), f"{naam(i, s)}: {_tijd(t)} valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van {p.stap_minuten} minuten); er wordt mee gerekend."))
        if ok and s.tot <= s.van:  # type: ignore[operator]
            out.append(Melding(FOUT, plek(i, s, "tot"), f"{naam(i, s)}: de eindtijd {_tijd(s.tot)} ligt niet na de begintijd {_tijd(s.van)}."))  # type: ignore[arg-type]
            ok = False
        functie = s.functie
        ratio = s.begeleider_op
        heeft_ratio = ratio is not None and ratio == ratio and ratio != 0
        if functie is not None and functie.lower() not in _FUNCTIES:
            out.append(Melding(WAARSCHUWING, plek(i, s, "functie"), f"{tijden(i, s, ok)}: functie {toon(functie)} is geen Wonen of Dagbesteding; telt als 0 uur."))
        elif functie is not None and ratio is None:
            out.append(Melding(WAARSCHUWING, plek(i, s, "begeleider_op"), f"{tijden(i, s, ok)}: functie ingevuld maar geen begeleider-ratio; telt als 0 uur."))
        elif functie is None and heeft_ratio:
            out.append(Melding(WAARSCHUWING, plek(i, s, "functie"), f"{tijden(i, s, ok)}: begeleider-ratio ingevuld maar geen functie; telt als 0 uur."))
        if heeft_ratio and not p.ratio_toegestaan(ratio):  # type: ignore[arg-type]
            toegestaan = ", ".join(getal_nl(r) for r in p.begeleider_ratios)
            out.append(Melding(WAARSCHUWING, plek(i, s, "begeleider_op"), f"{tijden(i, s, ok)}: 1 begeleider op {getal_nl(ratio)} cliënt(en) staat niet in de keuzelijst van het formulier ({toegestaan}); er wordt mee gerekend."))  # type: ignore[arg-type]
        if ok:
            geldige.append((s.van, s.tot, s.regel or i + 1, i))
    geldige.sort()
    for van, tot, n, i in geldige:
        if vorige is not None and van < vorige[1] - _EPS:
            out.append(Melding(FOUT, plek(i, slots[i], "van"), f"{wie}, dagprogramma {dag}: regel {n} ({_tijd(van)}–{_tijd(tot)}) overlapt met regel {vorige[2]} ({_tijd(vorige[0])}–{_tijd(vorige[1])})."))
        if vorige is None or tot > vorige[1]:
            vorige = (van, tot, n)  # type: ignore[assignment]


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


def _onvolledig(a: Aanvraag, pad: str, tekst: str) -> Melding:
    return Melding(WAARSCHUWING, a.plek(pad), tekst, onvolledig=True)


def _gevraagd(a: Aanvraag, pad: str) -> bool:
    return pad in a.velden and pad not in a.onleesbaar and not any(m.veld == a.velden[pad] for m in a.invoer_meldingen)


def _datum_nl(d) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def _prestatiecode(p: Parameters, a: Aanvraag, c: Client, zp, base: str, wie: str, out: list[Melding]) -> None:
    pc = p.prestatiecode(zp.naam, c.behandeling, c.dagbesteding)
    if pc is None:
        opties = "; ".join(f"behandeling {ja_nee(x.behandeling)} en dagbesteding {ja_nee(x.dagbesteding)} ({x.code})" for x in p.combinaties(zp.naam))
        out.append(Melding(FOUT, a.plek(f"{base}.behandeling"), f"{wie}: {zp.naam} met behandeling {ja_nee(c.behandeling)} en dagbesteding {ja_nee(c.dagbesteding)} heeft geen prestatiecode; mogelijk is: {opties}."))
    elif zp.naam in p.alleen_met_behandeling_en_dagbesteding and not (pc.behandeling and pc.dagbesteding):
        nee = " en ".join(x for x, ja in (("behandeling", pc.behandeling), ("dagbesteding", pc.dagbesteding)) if not ja)
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.{'behandeling' if not pc.behandeling else 'dagbesteding'}"),
            f"{wie}: {zp.naam} met {nee} Nee is berekend met prestatiecode {pc.code}. Volgens de instructie (webinar "
            f"administratie meerzorg, ZN oktober 2025) vult u bij {zp.naam} altijd Ja in bij behandeling en dagbesteding; "
            "is er geen behandeling of dagbesteding, vul dan 0 uur in. Met Nee kan het bedrag te hoog uitvallen."))  # fmt: skip


def _lvhc(p: Parameters, a: Aanvraag, c: Client, zp, base: str, wie: str, out: list[Melding]) -> None:
    lijsten = p.lijsten
    if lijsten is None:
        return
    if not lijsten.doelgroepen:
        if c.lvhc is not None or c.doelgroep:
            veld = a.plek(f"{base}.{'lvhc' if c.lvhc is not None else 'doelgroep'}")
            out.append(Melding(WAARSCHUWING, veld, f"{wie}: het formulier {p.jaar} vraagt niet naar LVHC en doelgroep; deze gegevens worden genegeerd."))
        return
    gevraagd = zp is not None and zp.naam in lijsten.lvhc_zorgprofielen
    if gevraagd and c.lvhc is None and _gevraagd(a, f"{base}.lvhc"):
        out.append(_onvolledig(a, f"{base}.lvhc", f"{wie}: bij {zp.naam} vraagt het formulier of LVHC van toepassing is (Ja/Nee); dat ontbreekt."))
    if c.lvhc and not c.doelgroep:
        out.append(_onvolledig(a, f"{base}.doelgroep", f"{wie}: LVHC is van toepassing, maar de doelgroep ontbreekt."))
    if c.doelgroep and c.doelgroep not in lijsten.doelgroepen:
        bekend = {d.lower(): d for d in lijsten.doelgroepen}
        if c.doelgroep.lower() in bekend:
            c.doelgroep = bekend[c.doelgroep.lower()]
        else:
            out.append(Melding(WAARSCHUWING, a.plek(f"{base}.doelgroep"), f"{wie}: onbekende doelgroep {toon(c.doelgroep, 60)}; kies uit de lijst van het formulier ({', '.join(lijsten.doelgroepen)})."))
    if zp is not None and not gevraagd and (c.lvhc or c.doelgroep):
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.{'doelgroep' if c.doelgroep else 'lvhc'}"),
            f"{wie}: LVHC en een doelgroep horen bij de zorgprofielen {', '.join(lijsten.lvhc_zorgprofielen)}, niet bij {zp.naam}."))  # fmt: skip
    elif c.lvhc is False and c.doelgroep:
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.doelgroep"), f"{wie}: LVHC is niet van toepassing, maar er is een doelgroep ingevuld."))


def valideer_client(p: Parameters, aanvraag: Aanvraag, c: Client, i: int) -> list[Melding]:
    out: list[Melding] = []
    a = aanvraag
    base = f"clienten[{i}]"
    wie = f"Cliënt {i + 1}" + (f" ({toon_tekst(c.naam)})" if c.naam else "")
    groep = aanvraag.soort == GROEP
    gelezen = aanvraag.onleesbaar | {m.veld for m in aanvraag.invoer_meldingen} | {aanvraag.plek(f"{base}.{k}") for k in ("dagbesteding", "behandeling") if f"{base}.{k}" in aanvraag.onleesbaar} if aanvraag.invoer_meldingen else ()
    zp = p.zorgprofiel(c.zorgprofiel)
    if c.zorgprofiel in (None, ""):
        out.append(Melding(FOUT, a.plek(f"{base}.zorgprofiel"), f"{wie}: het zorgprofiel (zorgzwaartepakket) ontbreekt."))
    elif zp is None:
        out.append(Melding(FOUT, a.plek(f"{base}.zorgprofiel"), f"{wie}: onbekend zorgprofiel {toon(c.zorgprofiel)} voor {p.jaar}; kies uit {', '.join(p.zorgprofielen)}."))
    for key, label in (("dagbesteding", "Dagbesteding"), ("behandeling", "Behandeling")):
        if getattr(c, key) is None and f"{base}.{key}" not in gelezen:
            out.append(Melding(FOUT, a.plek(f"{base}.{key}"), f"{wie}: '{label} van toepassing' (Ja/Nee) ontbreekt."))
    if zp is not None and c.dagbesteding is not None and c.behandeling is not None:
        _prestatiecode(p, a, c, zp, base, wie, out)
    te_groot = False
    for key in UUR_VELDEN:
        value = getattr(c, key)
        if not math.isnan(value) and value < 0:
            out.append(Melding(FOUT, a.plek(f"{base}.{key}"), f"{wie}: {VELD_NAMEN[key]} mag niet negatief zijn ({_tijd(value)})."))
        elif not math.isnan(value) and value * 24 > MAX_UREN:
            te_groot = True
            out.append(Melding(FOUT, a.plek(f"{base}.{key}"), f"{wie}: {VELD_NAMEN[key]} is onrealistisch groot (meer dan {getal_nl(MAX_UREN)} uur)."))
    for j, e in enumerate(c.context_euros):
        veld = a.plek(f"{base}.context_euros[{j}]")
        if not math.isnan(e) and e < 0:
            out.append(Melding(FOUT, veld, f"{wie}: contextgebonden middelen mogen niet negatief zijn."))
        elif not math.isnan(e) and e > MAX_EUROS:
            out.append(Melding(FOUT, veld, f"{wie}: contextgebonden middelen zijn onrealistisch hoog (meer dan € 1.000.000.000)."))
    if len(c.context_euros) > 2:
        out.append(Melding(FOUT, a.plek(f"{base}.context_euros"), f"{wie}: vul hoogstens twee bedragen contextgebonden middelen in (onderwerp a en b); er zijn er {len(c.context_euros)}."))
    if c.dagprogramma is not None:
        if c.wonen or c.dagbesteding_uren:
            out.append(Melding(FOUT, a.plek(f"{base}.dagprogramma"), f"{wie}: vul óf een dagprogramma óf de weekuren wonen/dagbesteding in, niet beide."))
        for dag, slots, naam in (("ma_vr", c.dagprogramma.ma_vr, "maandag-vrijdag"), ("za_zo", c.dagprogramma.za_zo, "zaterdag-zondag")):
            _valideer_slots(p, a, slots, f"{base}.dagprogramma.{dag}", naam, wie, out)
            per_dag = _formatie_per_dag(slots) + (c.nachtzorg / 7 if not math.isnan(c.nachtzorg) else 0.0)
            if per_dag > 1 + _EPS and not te_groot:
                eerste = next((s.cellen[0] for s in slots if s.cellen), None)
                out.append(Melding(WAARSCHUWING, eerste or a.plek(f"{base}.dagprogramma.{dag}"), f"{wie}: meer dan 24 uur zorg op een dag ({naam}: {_tijd(per_dag)} inclusief nachtzorg); controleer de begeleidingsratio's."))
    else:
        week = sum(x for x in (c.wonen, c.dagbesteding_uren, c.nachtzorg) if not math.isnan(x))
        if week > 7 + _EPS and not te_groot:
            out.append(Melding(WAARSCHUWING, a.plek(f"{base}.wonen"), f"{wie}: meer dan 24 uur zorg per dag ({_tijd(week)} per week aan wonen, dagbesteding en nachtzorg)."))
    if c.dagbesteding is False and c.dagbesteding_uren and not math.isnan(c.dagbesteding_uren):
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.dagbesteding_uren"), f"{wie}: dagbesteding is Nee, de uren dagbesteding tellen niet mee."))
    if c.dagbesteding is False and c.dagprogramma is not None and any(s.functie and s.functie.lower() == DAGBESTEDING.lower() for s in c.dagprogramma.ma_vr + c.dagprogramma.za_zo):
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.dagbesteding"), f"{wie}: dagbesteding is Nee, de dagbesteding in het dagprogramma telt niet mee."))
    if c.behandeling is False and c.behandelaren and not math.isnan(c.behandelaren):
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.behandelaren"), f"{wie}: behandeling is Nee, de uren inzet behandelaren tellen niet mee."))
    if groep and (c.context_uren_jaar or c.context_euros and any(c.context_euros)):
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.context_uren_jaar"), f"{wie}: bij groepsmeerzorg gelden de context-uren en -euro's van de groep; die van de cliënt tellen niet mee."))
    standaard = p.nachtzorg_standaard
    if standaard is not None and not math.isnan(c.nachtzorg) and c.nachtzorg > standaard.waarde + _EPS and not te_groot:  # type: ignore[operator]
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.nachtzorg"),
            f"{wie}: nachtzorg {_tijd(c.nachtzorg)} per week is meer dan de standaard van {_tijd(standaard.waarde)} per week; "  # type: ignore[arg-type]
            "onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; toetsingskader meerzorg, nachtzorg)."))  # fmt: skip
    if c.bsn is not None and not bsn_geldig(c.bsn):
        out.append(Melding(FOUT, a.plek(f"{base}.bsn"), f"{wie}: BSN {toon_tekst(c.bsn)} is ongeldig (voldoet niet aan de 11-proef)."))
    if c.opname is not None and c.ingang is not None and c.opname > c.ingang:
        out.append(Melding(FOUT, a.plek(f"{base}.opname"), f"{wie}: de datum opname ({c.opname:%d-%m-%Y}) ligt na de beoogde ingangsdatum ({c.ingang:%d-%m-%Y})."))
    if c.geboortedatum is not None and c.opname is not None and c.geboortedatum > c.opname:
        out.append(Melding(FOUT, a.plek(f"{base}.geboortedatum"), f"{wie}: de geboortedatum ligt na de datum opname."))
    peil = a.peildatum or dt.date.today()
    if c.opname is not None and c.opname > peil:
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.opname"), f"{wie}: de datum opname ({c.opname:%d-%m-%Y}) ligt in de toekomst (na {peil:%d-%m-%Y})."))
    f = p.formulier
    if c.ingang is not None and f is not None and f.ingang_van is not None and not f.ingang_van <= c.ingang <= f.ingang_tot:  # type: ignore[operator]
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.ingang"),
            f"{wie}: de beoogde ingangsdatum {c.ingang:%d-%m-%Y} ligt buiten de periode die het formulier {p.jaar} toestaat "
            f"({f.ingang_van:%d-%m-%Y} tot en met {f.ingang_tot:%d-%m-%Y})."))  # type: ignore[union-attr]  # fmt: skip
    if c.cce is False and p.cce_termijn_jaren is not None:
        jaren = p.cce_termijn_jaren.waarde
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.cce"),
            f"{wie}: het CCE is de afgelopen {jaren} jaar niet betrokken geweest; volgens het beleidsdocument meerzorg {p.jaar} "
            f"is het CCE bij iedere cliënt met meerzorg minimaal eens per {jaren} jaar betrokken (ontwikkeltraject)."))  # fmt: skip
    elif c.cce is None and _gevraagd(a, f"{base}.cce"):
        out.append(_onvolledig(a, f"{base}.cce", f"{wie}: of het CCE de afgelopen 3 jaar betrokken is geweest (Ja/Nee) ontbreekt."))
    _lvhc(p, a, c, zp, base, wie, out)
    if c.maanden is not None:
        _maanden(p, a, c, zp, base, wie, out, i)
    if zp is not None and p.geen_verlenging is not None and zp.naam in p.geen_verlenging.waarde and a.nieuw_her == "Heraanvraag":  # type: ignore[operator]
        out.append(Melding(WAARSCHUWING, a.plek(f"{base}.zorgprofiel"),
            f"{wie}: dit is een heraanvraag voor {zp.naam}; volgens het beleidsdocument meerzorg {p.jaar} (par. 9 Termijnen) "
            "is er voor VG7 plus in principe geen verlenging mogelijk."))  # fmt: skip
    return out


def _maanden(p: Parameters, a: Aanvraag, c: Client, zp, base: str, wie: str, out: list[Melding], i: int) -> None:
    """The requested period. A form has one field for it (Voorblad G41): its general
    messages are given once, without naming a client."""
    veld = a.plek(f"{base}.maanden")
    gedeeld = f"{base}.maanden" in a.velden and veld == a.velden.get("clienten[0].maanden")
    if gedeeld and i > 0:
        algemeen = False
    else:
        algemeen = True

    def zin(tekst: str) -> str:
        return tekst[0].upper() + tekst[1:] if gedeeld else f"{wie}: {tekst}"

    maximum = int(p.max_maanden.waarde)
    f = p.formulier
    if algemeen:
        if f is not None and f.maanden_min is not None:
            if not f.maanden_min <= c.maanden <= f.maanden_max:  # type: ignore[operator]
                out.append(Melding(FOUT, veld, zin(f"de aangevraagde periode van {c.maanden} maanden ligt buiten {f.maanden_min}–{f.maanden_max} maanden, wat het formulier {p.jaar} toestaat (de maximale termijn is {maximum} maanden).")))
                return
        elif c.maanden < MIN_MAANDEN:
            out.append(Melding(WAARSCHUWING, veld, zin(f"de aangevraagde periode van {c.maanden} maanden is geen geldige periode (het formulier {p.jaar} controleert dit niet).")))
            return
        if c.maanden > maximum:
            out.append(Melding(WAARSCHUWING, veld, zin(f"de aangevraagde periode van {c.maanden} maanden is langer dan de maximale termijn van {maximum} maanden (toetsingskader meerzorg).")))
        prev = p.preventief_max_maanden
        if a.soort == PREVENTIEF and prev is not None and c.maanden > prev.waarde:  # type: ignore[operator]
            out.append(Melding(WAARSCHUWING, veld, zin(
                f"preventieve meerzorg is bedoeld voor een tijdelijke periode van 3 tot {prev.waarde} maanden "
                f"(beleidsdocument meerzorg {p.jaar}, par. 7); aangevraagd is {c.maanden} maanden.")))  # fmt: skip
    if zp is not None and p.max_maanden_per_zorgprofiel and zp.naam in p.max_maanden_per_zorgprofiel:
        limiet = p.max_maanden_per_zorgprofiel[zp.naam]
        if c.maanden > limiet:
            out.append(Melding(FOUT, veld, f"{wie}: voor {zp.naam} is de maximale termijn {limiet} maanden; aangevraagd is {c.maanden}."))


VOORBLAD_LABELS = {
    "nieuw_her": "Nieuwe aanvraag of heraanvraag",
    "sector": "De sector (GHZ, VVT of GGZ)",
    "nza_nummer": "Het registratienummer NZa",
    "agb_code": "De AGB-code",
    "ondertekenaar": "De naam van de ondertekenaar",
    "datum_ondertekening": "De datum van ondertekening",
}


def _voorblad(p: Parameters, a: Aanvraag, out: list[Melding]) -> None:
    """The aanvraag fields of the official Voorblad: missing ones make the form incomplete."""
    for key, label in VOORBLAD_LABELS.items():
        if getattr(a, key) in (None, "") and _gevraagd(a, key):
            out.append(_onvolledig(a, key, f"{label} ontbreekt; het formulier is niet volledig ingevuld."))
    lijsten = p.lijsten
    if lijsten is not None:
        if a.nieuw_her and a.nieuw_her not in lijsten.nieuw_her:
            out.append(Melding(WAARSCHUWING, a.plek("nieuw_her"), f"Onbekende keuze {toon(a.nieuw_her)} bij nieuwe aanvraag/heraanvraag; kies {' of '.join(lijsten.nieuw_her)}."))
        if a.sector and a.sector not in lijsten.sectoren:
            out.append(Melding(WAARSCHUWING, a.plek("sector"), f"Onbekende sector {toon(a.sector)}; kies {', '.join(lijsten.sectoren[:-1])} of {lijsten.sectoren[-1]}."))
    if a.nza_categorie is not None and a.nza_categorie != 300:
        out.append(Melding(WAARSCHUWING, a.plek("nza_categorie"), f"De categorie van het NZa-registratienummer is {a.nza_categorie}; voor Wlz-zorgaanbieders is dat 300."))
    if a.nza_nummer and not a.nza_nummer.isdigit():
        out.append(Melding(WAARSCHUWING, a.plek("nza_nummer"), f"Het registratienummer NZa {toon(a.nza_nummer)} is geen nummer (alleen cijfers, zonder categorie 300)."))
    if a.agb_code and not (a.agb_code.isdigit() and len(a.agb_code) == 8):
        out.append(Melding(WAARSCHUWING, a.plek("agb_code"), f"De AGB-code {toon(a.agb_code)} bestaat niet uit 8 cijfers."))
    f = p.formulier
    d = a.datum_ondertekening
    if d is not None and f is not None and f.ondertekening_van is not None and not f.ondertekening_van <= d <= f.ondertekening_tot:  # type: ignore[operator]
        out.append(Melding(WAARSCHUWING, a.plek("datum_ondertekening"), f"De datum van ondertekening {d:%d-%m-%Y} ligt buiten de periode die het formulier {p.jaar} toestaat ({f.ondertekening_van:%d-%m-%Y} tot en met {f.ondertekening_tot:%d-%m-%Y})."))  # type: ignore[union-attr]
    if a.soort == GROEP and a.nieuw_her == "Heraanvraag":
        out.append(Melding(WAARSCHUWING, a.plek("nieuw_her"),
            "Heraanvraag groepsmeerzorg: de rekentool verdeelt de context-uren en het deel van de contextgebonden middelen "
            "boven de drempel over alle cliënten van de groep; komt of gaat er een cliënt, dan veranderen ook de bedragen van "
            "de andere cliënten. Het beleid (mutaties in de groep) gaat ervan uit dat de rest van de groep gelijk blijft: "
            "het zorgkantoor beoordeelt dit."))  # fmt: skip


def valideer(aanvraag: Aanvraag, parameters: Parameters | None = None) -> list[Melding]:
    """All messages for ``aanvraag``: what reading found plus every rule below."""
    out = list(aanvraag.invoer_meldingen)
    a = aanvraag
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
        out.append(Melding(FOUT, a.plek("tariefpercentage"), "Het afgesproken tariefpercentage ontbreekt."))
    elif not math.isnan(t):
        if t > 1:
            out.append(Melding(FOUT, a.plek("tariefpercentage"), f"Het tariefpercentage {procent_nl(t)} (ingevuld: {getal_nl(t)}) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in."))
        elif t <= 0:
            out.append(Melding(FOUT, a.plek("tariefpercentage"), f"Het tariefpercentage {procent_nl(t)} moet groter dan 0% zijn."))
    n = len(aanvraag.clienten)
    if aanvraag.soort == GROEP and n < 2:
        out.append(Melding(FOUT, "clienten", f"Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er {n}."))
    if aanvraag.soort in (INDIVIDUEEL, PREVENTIEF) and n != 1:
        out.append(Melding(FOUT, "clienten", f"Een individuele aanvraag is voor precies één cliënt; deze aanvraag heeft er {n}. Gebruik soort 'groep' voor 2 of meer cliënten."))
    if aanvraag.soort != GROEP and (aanvraag.groep_context_uren_jaar or any(aanvraag.groep_context_euros)):
        out.append(Melding(WAARSCHUWING, "groep", "De contextgegevens van de groep tellen alleen mee bij groepsmeerzorg."))
    if aanvraag.soort == GROEP:
        gu = a.plek("groep.context_uren_jaar")
        if not math.isnan(aanvraag.groep_context_uren_jaar) and aanvraag.groep_context_uren_jaar < 0:
            out.append(Melding(FOUT, gu, "De context-uren van de groep mogen niet negatief zijn."))
        if not math.isnan(aanvraag.groep_context_uren_jaar) and aanvraag.groep_context_uren_jaar * 24 > MAX_UREN:
            out.append(Melding(FOUT, gu, f"De context-uren van de groep zijn onrealistisch groot (meer dan {getal_nl(MAX_UREN)} uur)."))
        for j, e in enumerate(aanvraag.groep_context_euros):
            ge = a.plek(f"groep.context_euros[{j}]")
            if not math.isnan(e) and e < 0:
                out.append(Melding(FOUT, ge, "Contextgebonden middelen van de groep mogen niet negatief zijn."))
            elif not math.isnan(e) and e > MAX_EUROS:
                out.append(Melding(FOUT, ge, "Contextgebonden middelen van de groep zijn onrealistisch hoog (meer dan € 1.000.000.000)."))
        if len(aanvraag.groep_context_euros) > 2:
            out.append(Melding(FOUT, a.plek("groep.context_euros"), f"Vul voor de groep hoogstens twee bedragen contextgebonden middelen in (onderwerp a en b); er zijn er {len(aanvraag.groep_context_euros)}."))
        if n > MAX_CLIENTEN_FORMULIER:
            out.append(Melding(WAARSCHUWING, "clienten", f"Het aanvraagformulier heeft ruimte voor {MAX_CLIENTEN_FORMULIER} cliënten; deze groep heeft er {n}. Verdeel de groep over meer formulieren."))
    _voorblad(p, a, out)
    for i, c in enumerate(aanvraag.clienten):
        out.extend(valideer_client(p, aanvraag, c, i))
    return out
