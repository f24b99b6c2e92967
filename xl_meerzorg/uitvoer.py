"""Results as JSON-ready dicts (unrounded) and as a readable Dutch overview."""

from __future__ import annotations

from .afronding import cents
from .model import ClientResultaat, Resultaat, toon_tekst
from .tijd import dagen_naar_uren, format_uren_minuten

UREN_VELDEN = (
    "wonen", "dagbesteding", "nachtzorg", "behandeling", "min_uren", "indirecte_uren", "context_uren",
    "totaal_uren", "zzp_uren", "meerzorguren",
)  # fmt: skip
BEDRAG_VELDEN = (
    "budget_100", "context_euros", "context_drempel", "context_boven_drempel", "etmaal_100",
    "budget_na_maximum", "jaarbedrag", "etmaalbedrag",
)  # fmt: skip


def client_als_dict(r: ClientResultaat) -> dict:
    d: dict = {"zorgprofiel": r.zorgprofiel, "prestatiecode": r.prestatiecode}
    for key in UREN_VELDEN:
        value = getattr(r, key)
        d[key] = None if value is None else dagen_naar_uren(value)
    d["uitkomst"] = r.uitkomst
    d["uitkomst_label"] = r.uitkomst_label
    for key in BEDRAG_VELDEN:
        d[key] = getattr(r, key)
    d["context_binnen_profiel"] = r.context_binnen_profiel
    d["gemaximeerd"] = r.gemaximeerd
    return d


def resultaat_als_dict(r: Resultaat) -> dict:
    d: dict = {
        "jaar": r.jaar,
        "soort": r.soort,
        "clienten": [client_als_dict(c) for c in r.clienten],
        "totaal": {"jaarbedrag": r.totaal_jaarbedrag, "etmaalbedrag": r.totaal_etmaalbedrag},
    }
    if r.soort == "groep":
        d["groep"] = {
            "totaal_budget_100": r.groep_totaal_budget_100,
            "context_drempel": r.groep_context_drempel,
            "context_boven_drempel": r.groep_context_boven_drempel,
            "context_binnen_profiel": r.groep_context_binnen_profiel,
            "aantal_met_budget": r.aantal_met_budget,
        }
    d["meldingen"] = [m.als_dict() for m in r.meldingen]
    return d


def euro(value: float | None) -> str:
    if value is None:
        return "-"
    text = f"{cents(value):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {text}"


def uren(value: float | None) -> str:
    return "-" if value is None else format_uren_minuten(value)


def tekst_overzicht(r: Resultaat, naam: str = "") -> str:
    """A readable Dutch summary like the sheet *Overzicht individueel*."""
    lines = []
    kop = {"individueel": "Enkelvoudige aanvraag (individueel)", "preventief": "Preventieve meerzorg", "groep": "Meervoudige aanvraag (groepsmeerzorg)"}
    lines.append(f"Aanvraag meerzorg {r.jaar} — {kop.get(r.soort, r.soort)}" + (f" — {naam}" if naam else ""))
    for i, c in enumerate(r.clienten):
        lines.append("")
        lines.append(f"Cliënt {i + 1}: {c.zorgprofiel or '?'} ({c.prestatiecode or 'geen prestatiecode'})")
        if c.totaal_uren is None:
            continue
        rijen = [
            ("Woonzorg", c.wonen), ("Dagbesteding", c.dagbesteding), ("Nachtzorg", c.nachtzorg),
            ("Inzet behandelaren (gewogen)", c.behandeling), ("Min uren", c.min_uren),
            ("Indirecte basis uren zorgprofiel", c.indirecte_uren), ("Context-uren (weekbasis)", c.context_uren),
            ("Totale uren (weekbasis)", c.totaal_uren), ("Reguliere zorgprofiel-uren", c.zzp_uren),
            ("Meerzorguren (weekbasis)", c.meerzorguren),
        ]  # fmt: skip
        for label, value in rijen:
            lines.append(f"  {label:<38} {uren(value):>10}")
        lines.append(f"  {'Uitkomst':<38} {c.uitkomst}")
        if c.budget_100 is not None:
            lines.append(f"  {'100% budget':<38} {euro(c.budget_100):>14}")
            lines.append(f"  {'Context boven drempel':<38} {euro(c.context_boven_drempel):>14}")
            if c.gemaximeerd:
                lines.append(f"  {'Gemaximeerd op maximaal etmaalbedrag':<38} {euro(c.budget_na_maximum):>14}")
            lines.append(f"  {'Jaarbedrag':<38} {euro(c.jaarbedrag):>14}")
            lines.append(f"  {'Etmaalbedrag':<38} {euro(c.etmaalbedrag):>14}")
    lines.append("")
    if r.totaal_jaarbedrag is not None:
        lines.append(f"Totaal jaarbedrag meerzorg {r.jaar}: {euro(r.totaal_jaarbedrag)}")
        lines.append(f"Berekend etmaalbedrag: {euro(r.totaal_etmaalbedrag)}")
    else:
        lines.append("Geen bedragen: los eerst de fouten op.")
    for m in r.meldingen:
        # the text names the client and the field; a form's cell is added, an engine path is not
        plek = f" (cel {toon_tekst(m.veld)})" if "!" in m.veld else ""
        onvolledig = " [onvolledig]" if m.onvolledig else ""
        lines.append(f"{m.niveau.upper()}{onvolledig}: {toon_tekst(m.tekst)}{plek}")
    return "\n".join(lines)
