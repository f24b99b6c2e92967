"""Build an engine Aanvraag from form-shaped values (cells of a form, UDF arguments).

The official form and this project's form hold the same inputs: Voorblad (tarief, type),
Clientgegevens (one row per client), a day programme as columns (tot, functie, ratio; the
start of a row is the end of the row above, the first starts at 07:00) or weekly hours,
and context hours/euros. Every value arrives as the spreadsheet gives it; each is coerced
with ``excelwaarden`` and a value that cannot be read becomes a "fout" Melding whose
``veld`` is the label the caller gives (a cell reference such as "Voorblad!C17").

Pure Python: used by the UDFs, the form reader (checker) and koppel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .excelwaarden import (
    OngeldigeWaarde,
    excel_dagen,
    excel_datum,
    excel_getal,
    excel_ja_nee,
    excel_tekst,
    excel_tijdstip,
    leeg,
)
from .model import FOUT, GROEP, INDIVIDUEEL, PREVENTIEF, WAARSCHUWING, Aanvraag, Client, Dagprogramma, Melding, Slot, toon

TYPE_TEKSTEN = {
    "preventieve meerzorg": PREVENTIEF,
    "enkelvoudige aanvraag (individueel)": INDIVIDUEEL,
    "meervoudige aanvraag (groepsmeerzorg)": GROEP,
    "preventief": PREVENTIEF,
    "individueel": INDIVIDUEEL,
    "groep": GROEP,
}
OFFICIELE_TYPES = {
    PREVENTIEF: "Preventieve Meerzorg",
    INDIVIDUEEL: "Enkelvoudige aanvraag (individueel)",
    GROEP: "Meervoudige aanvraag (groepsmeerzorg)",
}
DAG_BEGIN = 7 / 24  # the first row of the day programme starts at 07:00
CLIENT_SLEUTELS = (
    "naam", "bsn", "geboortedatum", "zorgprofiel", "dagbesteding", "behandeling", "opname", "ingang", "maanden",
    "cce", "lvhc", "doelgroep", "wonen", "dagbesteding_uren", "nachtzorg", "behandelaren", "min_uren", "context_uren_jaar",
)  # fmt: skip


@dataclass
class Veld:
    """A raw value and the label that names it in messages (e.g. "Voorblad!C17")."""

    waarde: object
    naam: str


@dataclass
class ClientVelden:
    naam: Veld | None = None
    bsn: Veld | None = None
    geboortedatum: Veld | None = None
    zorgprofiel: Veld | None = None
    dagbesteding: Veld | None = None
    behandeling: Veld | None = None
    opname: Veld | None = None
    ingang: Veld | None = None
    maanden: Veld | None = None
    cce: Veld | None = None
    lvhc: Veld | None = None
    doelgroep: Veld | None = None
    # Either a day programme as columns ...
    ma_vr: tuple[Sequence[Veld], Sequence[Veld], Sequence[Veld]] | None = None  # tot, functie, ratio
    za_zo: tuple[Sequence[Veld], Sequence[Veld], Sequence[Veld]] | None = None
    # ... or weekly hours
    wonen: Veld | None = None
    dagbesteding_uren: Veld | None = None
    nachtzorg: Veld | None = None
    behandelaren: Veld | None = None
    min_uren: Veld | None = None
    context_uren_jaar: Veld | None = None
    context_euros: list[Veld] = field(default_factory=list)


class _Omzetter:
    def __init__(self) -> None:
        self.meldingen: list[Melding] = []

    def fout(self, veld: str, tekst: str) -> None:
        self.meldingen.append(Melding(FOUT, veld, tekst))

    def dagen(self, v: Veld | None, wat: str) -> float:
        if v is None:
            return 0.0
        try:
            return excel_dagen(v.waarde)
        except OngeldigeWaarde:
            self.fout(v.naam, f"{wat}: geen geldige tijdsduur {toon(v.waarde)}; gebruik u:mm, bijvoorbeeld 4:30.")
            return math.nan

    def getal(self, v: Veld | None, wat: str) -> float | None:
        if v is None:
            return None
        try:
            return excel_getal(v.waarde)
        except OngeldigeWaarde:
            self.fout(v.naam, f"{wat}: geen getal {toon(v.waarde)}.")
            return math.nan

    def ja_nee(self, v: Veld | None, wat: str, niveau: str = FOUT) -> bool | None:
        if v is None:
            return None
        try:
            return excel_ja_nee(v.waarde)
        except OngeldigeWaarde:
            self.meldingen.append(Melding(niveau, v.naam, f"{wat}: vul Ja of Nee in, niet {toon(v.waarde)}."))
            return None

    def datum(self, v: Veld | None, wat: str):
        if v is None:
            return None
        try:
            return excel_datum(v.waarde)
        except OngeldigeWaarde:
            self.fout(v.naam, f"{wat}: geen geldige datum {toon(v.waarde)}.")
            return None

    def slots(self, kolommen, wie: str, dag: str) -> list[Slot]:
        """Rows of (tot, functie, ratio); the start of a row is the end of the row above."""
        tot_col, functie_col, ratio_col = kolommen
        slots: list[Slot] = []
        vorige_tot: float | None = DAG_BEGIN
        vorige_leeg = False
        n = max(len(tot_col), len(functie_col), len(ratio_col))
        for i in range(n):
            t = tot_col[i] if i < len(tot_col) else None
            f = functie_col[i] if i < len(functie_col) else None
            r = ratio_col[i] if i < len(ratio_col) else None
            tv = None if t is None else t.waarde
            cellen = tuple(x.naam if x is not None else "" for x in (t, f, r))
            if leeg(tv):
                if not (f is None or leeg(f.waarde)) or not (r is None or leeg(r.waarde)):
                    naam = (t or f or r).naam  # type: ignore[union-attr]
                    self.meldingen.append(Melding(WAARSCHUWING, naam, f"{wie}, dagprogramma {dag}, regel {i + 1}: functie of begeleider-ratio ingevuld maar de eindtijd ('Tijd tot') ontbreekt; telt als 0 uur."))
                vorige_tot = None
                vorige_leeg = True
                continue
            try:
                tot = excel_tijdstip(tv)
            except OngeldigeWaarde:
                self.fout(t.naam, f"{wie}, dagprogramma {dag}, regel {i + 1}: geen geldige tijd {toon(tv)}.")  # type: ignore[union-attr]
                vorige_tot = None
                continue
            if vorige_leeg:
                self.fout(t.naam, f"{wie}, dagprogramma {dag}, regel {i + 1}: lege regel erboven; de begintijd van deze regel is de eindtijd van de regel erboven, vul het dagprogramma zonder lege regels in.")  # type: ignore[union-attr]
                vorige_leeg = False
                vorige_tot = tot
                continue
            functie = excel_tekst(None if f is None else f.waarde)
            ratio: float | None
            try:
                ratio = excel_getal(None if r is None else r.waarde)
            except OngeldigeWaarde:
                self.fout(r.naam, f"{wie}, dagprogramma {dag}, regel {i + 1}: '1 begeleider op … cliënt(en)' is geen getal: {toon(r.waarde)}.")  # type: ignore[union-attr]
                ratio = math.nan
            slots.append(Slot(vorige_tot, tot, functie, ratio, regel=i + 1, cellen=cellen))  # type: ignore[arg-type]
            vorige_tot = tot
        return slots


def aanvraag_uit_velden(
    jaar: int,
    type_: Veld | None,
    tarief: Veld | None,
    clienten: list[ClientVelden],
    groep_context_uren_jaar: Veld | None = None,
    groep_context_euros: Sequence[Veld] = (),
    *,
    nieuw_her: Veld | None = None,
    sector: Veld | None = None,
    nza_categorie: Veld | None = None,
    nza_nummer: Veld | None = None,
    agb_code: Veld | None = None,
    ondertekenaar: Veld | None = None,
    datum_ondertekening: Veld | None = None,
    peildatum=None,
) -> Aanvraag:
    """The engine Aanvraag of a form; unreadable values are fouten in ``invoer_meldingen``.

    Every field given as a Veld is "asked": its cell names it in messages, and an empty
    required one makes the aanvraag incomplete (validation)."""
    o = _Omzetter()
    velden: dict[str, str] = {}
    if tarief is not None:
        velden["tariefpercentage"] = tarief.naam
    if type_ is not None:
        velden["soort"] = type_.naam
    soort = ""
    if type_ is None or leeg(type_.waarde):
        o.fout(type_.naam if type_ else "type", "Het type aanvraag ontbreekt (preventief, individueel of groep).")
    else:
        soort = TYPE_TEKSTEN.get(str(type_.waarde).strip().lower(), "")
        if not soort:
            o.fout(type_.naam, f"Onbekend type aanvraag {toon(type_.waarde)}.")
    t = o.getal(tarief, "Tariefpercentage")
    result: list[Client] = []
    onleesbaar: set[str] = set()
    for i, cv in enumerate(clienten):
        wie = f"Cliënt {i + 1}"
        c = Client()
        c.naam = excel_tekst(cv.naam.waarde) if cv.naam else None
        if c.naam:
            wie += f" ({c.naam})"
        c.bsn = excel_tekst(cv.bsn.waarde) if cv.bsn else None
        if c.bsn and c.bsn.isdigit() and len(c.bsn) < 9:
            c.bsn = c.bsn.zfill(9)
        c.zorgprofiel = excel_tekst(cv.zorgprofiel.waarde) if cv.zorgprofiel else None
        for key in CLIENT_SLEUTELS:
            v = getattr(cv, key)
            if isinstance(v, Veld):
                velden[f"clienten[{i}].{key}"] = v.naam
        if cv.context_euros:
            velden[f"clienten[{i}].context_euros"] = cv.context_euros[0].naam
            for j, v in enumerate(cv.context_euros):
                velden[f"clienten[{i}].context_euros[{j}]"] = v.naam
        for key, label in (("dagbesteding", "dagbesteding van toepassing"), ("behandeling", "behandeling van toepassing"),
                           ("cce", "CCE betrokken in de afgelopen 3 jaar"), ("lvhc", "LVHC van toepassing")):  # fmt: skip
            v = getattr(cv, key)
            n = len(o.meldingen)
            setattr(c, key, o.ja_nee(v, f"{wie}, {label}", FOUT if key in ("dagbesteding", "behandeling") else WAARSCHUWING))
            if len(o.meldingen) > n:
                onleesbaar.add(f"clienten[{i}].{key}")
        c.doelgroep = excel_tekst(cv.doelgroep.waarde) if cv.doelgroep else None
        c.geboortedatum = o.datum(cv.geboortedatum, f"{wie}, geboortedatum")
        c.opname = o.datum(cv.opname, f"{wie}, datum opname")
        c.ingang = o.datum(cv.ingang, f"{wie}, beoogde ingang")
        if cv.maanden is not None and not leeg(cv.maanden.waarde):
            m = o.getal(cv.maanden, "Aangevraagde periode in maanden")
            if m is not None and not math.isnan(m):
                if m != int(m):
                    o.fout(cv.maanden.naam, f"Aangevraagde periode: geen geheel aantal maanden ({m:g}).")
                else:
                    c.maanden = int(m)
        if cv.ma_vr is not None or cv.za_zo is not None:
            c.dagprogramma = Dagprogramma(
                o.slots(cv.ma_vr, wie, "maandag-vrijdag") if cv.ma_vr else [],
                o.slots(cv.za_zo, wie, "zaterdag-zondag") if cv.za_zo else [],
            )
        c.wonen = o.dagen(cv.wonen, f"{wie}, woonzorg")
        c.dagbesteding_uren = o.dagen(cv.dagbesteding_uren, f"{wie}, dagbesteding")
        c.nachtzorg = o.dagen(cv.nachtzorg, f"{wie}, nachtzorg")
        c.behandelaren = o.dagen(cv.behandelaren, f"{wie}, inzet behandelaren")
        c.min_uren = o.dagen(cv.min_uren, f"{wie}, min uren")
        c.context_uren_jaar = o.dagen(cv.context_uren_jaar, f"{wie}, context-uren per jaar")
        euros = []
        for v in cv.context_euros:
            e = o.getal(v, f"{wie}, contextgebonden middelen")
            euros.append(0.0 if e is None else e)
        c.context_euros = tuple(euros)
        result.append(c)
    g_uren = o.dagen(groep_context_uren_jaar, "Groep, context-uren per jaar")
    if groep_context_uren_jaar is not None:
        velden["groep.context_uren_jaar"] = groep_context_uren_jaar.naam
    if groep_context_euros:
        velden["groep.context_euros"] = groep_context_euros[0].naam
        for j, v in enumerate(groep_context_euros):
            velden[f"groep.context_euros[{j}]"] = v.naam
    g_euros = []
    for v in groep_context_euros:
        e = o.getal(v, "Groep, contextgebonden middelen")
        g_euros.append(0.0 if e is None else e)
    a = Aanvraag(jaar, soort, t, result, g_uren, tuple(g_euros), o.meldingen, frozenset(onleesbaar), velden=velden, peildatum=peildatum)
    for key, v in (("nieuw_her", nieuw_her), ("sector", sector), ("nza_categorie", nza_categorie), ("nza_nummer", nza_nummer),
                   ("agb_code", agb_code), ("ondertekenaar", ondertekenaar)):  # fmt: skip
        if v is None:
            continue
        velden[key] = v.naam
        waarde = v.waarde
        if isinstance(waarde, float) and waarde.is_integer():
            waarde = int(waarde)
        text = excel_tekst(waarde)
        if key == "nza_categorie":
            if text is not None:
                try:
                    cat = excel_getal(text)
                    a.nza_categorie = int(cat) if cat is not None and cat == int(cat) else None
                except (OngeldigeWaarde, OverflowError, ValueError):
                    a.nza_categorie = None
                if a.nza_categorie is None:
                    o.meldingen.append(Melding(WAARSCHUWING, v.naam, f"De categorie van het NZa-registratienummer is geen getal: {toon(v.waarde)}."))
        else:
            setattr(a, key, text)
    if datum_ondertekening is not None:
        velden["datum_ondertekening"] = datum_ondertekening.naam
        n = len(o.meldingen)
        a.datum_ondertekening = o.datum(datum_ondertekening, "Datum ondertekening")
        for m in o.meldingen[n:]:
            o.meldingen[o.meldingen.index(m)] = Melding(WAARSCHUWING, m.veld, m.tekst)
    for key in ("agb_code", "nza_nummer"):
        value = getattr(a, key)
        if value and value.endswith(".0") and value[:-2].isdigit():
            setattr(a, key, value[:-2])
    return a
