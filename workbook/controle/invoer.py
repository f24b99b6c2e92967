"""Inputs of the official form that the engine reads but the official rekentool cannot use.

The engine (xl_meerzorg.formulier) deliberately accepts what Excel may hand a UDF: text
such as "4:00" or "95%" in number fields, "vg7 " or "ja" for a zorgprofiel or Ja/Nee.
The official ZN rekentool does not. What its formulas do with such input (read from the
2025.01 and 2026.01 templates; both have the same formulas for these cells):

- Text in a number, time or duration field: a sum skips it (``SUM``/``SUMIF``: nachtzorg
  in *Overzicht individueel* E11, wonen/dagbesteding/nachtzorg in *Aanvraag-overzicht
  groep* G, contextgebonden middelen in C33 and C13); arithmetic (``D17-B17``, ``F16/J16``,
  ``H42*C17``) converts it only when Excel recognises it as a number or time in the
  language settings of that computer ("4,5" is 4,5 *days* in Dutch Excel); a comparison
  counts text as larger than any number (``C17>1`` on Voorblad K5: the form then says it
  is not complete). The result therefore depends on the field, the branch of the formula
  and the computer: a fout for every field the formulas compute with.
- Dates (Clientgegevens F, R, T) and the months (Voorblad G41) are not used by any formula
  of the rekentool (they are only copied to *Totaal overzicht meerzorg*): text there is
  a waarschuwing.
- Text fields are matched exactly, except for case: ``VLOOKUP(J7&N7&L7, ..., FALSE)`` for
  the prestatiecode and ``VLOOKUP(C5, ...)`` for the profile tables (zorgprofiel),
  ``L7="Nee"`` and ``COUNTIF`` (Ja/Nee), ``SUMIF(H16:H74,"Wonen",...)`` (functie in the
  day programme), ``C23="Meervoudige aanvraag (groepsmeerzorg)"`` (type). Excel's text
  comparisons ignore case but not spaces: "VG7 " or " Ja" is not recognised, "vg7" and
  "ja" are. What the engine accepts and the form does not is a fout naming the cell.

Only for official forms: this project's own form shows on its Voorblad whether it
calculated (see ``controleer._status_eigen``).
"""

from __future__ import annotations

from collections.abc import Callable

from xl_meerzorg.workbook import officieel as off
from xl_meerzorg.formulier import OFFICIELE_TYPES
from xl_meerzorg.model import FOUT, WAARSCHUWING, toon

UREN, TIJD, BEGELEIDER, BEDRAG, PERCENTAGE = "uren", "tijd", "begeleider", "bedrag", "percentage"
DATUM, MAANDEN = "datum", "maanden"

# kind -> (what the field is, what the rekentool does with text there, how to fill it)
_SOM = "de rekentool rekent niet betrouwbaar met tekst (een som telt tekst niet mee)"
_OMZETTEN = "de rekentool rekent niet betrouwbaar met tekst (Excel rekent er alleen mee als het de tekst herkent, en dat hangt af van de taalinstellingen)"
_VELD = {
    UREN: ("een urenveld", _SOM, "Typ de tijdsduur als tijd, bijvoorbeeld 4:00, niet als tekst."),
    BEDRAG: ("een bedragveld", "de rekentool telt tekst hier niet mee", "Typ het bedrag als getal, niet als tekst."),
    TIJD: ("een tijdveld van het dagprogramma", _OMZETTEN, "Typ de tijd als tijd, bijvoorbeeld 16:00, niet als tekst."),
    BEGELEIDER: ("het veld '1 begeleider op … cliënt(en)'", _OMZETTEN, "Typ het aantal als getal, niet als tekst."),
    PERCENTAGE: ("het tariefpercentage", "de rekentool meldt het formulier dan als niet volledig gevuld", "Typ het percentage als getal, bijvoorbeeld 95%, niet als tekst."),
    DATUM: ("een datumveld", "de rekentool rekent niet met dit veld", "typ de datum als datum, bijvoorbeeld 1-2-2026, niet als tekst."),
    MAANDEN: ("het veld maanden", "de rekentool rekent niet met dit veld", "typ het aantal maanden als getal, niet als tekst."),
}
_FUNCTIES = ("wonen", "dagbesteding")
_JA_NEE = ("ja", "nee")
_TYPES = {t.casefold() for t in OFFICIELE_TYPES.values()}

Voeg = Callable[..., None]


def _excel_toon(v: object) -> str:
    if isinstance(v, bool):
        return "WAAR" if v else "ONWAAR"
    return toon(v)


def _spatie(v: object) -> str:
    return " (spatie)" if isinstance(v, str) and any(ch.isspace() for ch in v) else ""


def tekst_melding(soort: str, waarde: str) -> tuple[str, str]:
    """(niveau, tekst) for text in a number/time/date field of the official form."""
    veld, gevolg, advies = _VELD[soort]
    if soort in (DATUM, MAANDEN):
        return WAARSCHUWING, f"Tekst {toon(waarde)} in {veld}; {gevolg}, maar {advies}"
    return FOUT, f"Tekst {toon(waarde)} in {veld}: {gevolg}. {advies}"


def getalvelden(b: dict[str, str], groep: bool, rijen: list[int]) -> list[tuple[str, str, str]]:
    """(sheet, cell, kind) of every number, time or date input the engine reads."""
    vb, cg, ai, gr = b["voorblad"], b["clientgegevens"], b["aanvraag_individueel"], b["groep"]
    out = [(vb, off.VOORBLAD_VELDEN["tariefpercentage"], PERCENTAGE), (vb, off.VOORBLAD_VELDEN["maanden"], MAANDEN)]
    for r in rijen:
        out += [(cg, f"{col}{r}", DATUM) for col in ("F", "R", "T")]
    if groep:
        for r in rijen:
            out += [(gr, f"{col}{r + off.GROEP_RIJ_OFFSET}", UREN) for col in off.GROEP_KOLOMMEN.values()]
        out.append((gr, off.GROEP_CONTEXT_UREN, UREN))
        out += [(gr, ref, BEDRAG) for ref in off.GROEP_CONTEXT_EUROS]
    else:
        out += [(ai, ref, UREN) for ref in (off.IND_NACHTZORG, off.IND_BEHANDELAREN, off.IND_MIN_UREN, off.IND_CONTEXT_UREN)]
        out += [(ai, ref, BEDRAG) for ref in off.IND_CONTEXT_EUROS]
        for tot, _, ratio in (off.DAG_MA_VR, off.DAG_ZA_ZO):
            for r in off.DAG_RIJEN:
                out += [(ai, f"{tot}{r}", TIJD), (ai, f"{ratio}{r}", BEGELEIDER)]
    return out


def controleer_invoer(get, b: dict[str, str], aanvraag, rijen: list[int], groep: bool, al_fout: set[str], voeg: Voeg, zorgprofiel) -> bool:
    """Report the inputs of an official form that the engine read but the rekentool
    cannot use; a cell the engine already reported as a fout is skipped. ``zorgprofiel``
    is the engine's lookup (name -> Zorgprofiel or None). True when a fout was reported:
    then the form's results cannot be compared with the engine's."""
    fout = False

    def meld(niveau: str, blad: str, ref: str, tekst: str, waarde: object) -> None:
        nonlocal fout
        cel = f"{blad.strip()}!{ref}"
        if cel in al_fout:
            return
        voeg(niveau, "invoer", tekst, cel, waarde if isinstance(waarde, str) else _excel_toon(waarde), None)
        fout = fout or niveau == FOUT

    for blad, ref, soort in getalvelden(b, groep, rijen):
        v = get(blad, ref)
        # "" is an empty cell (None). Only spaces: text to Excel, which breaks arithmetic
        # ("#VALUE!"); harmless where the rekentool only sums or does not compute.
        if isinstance(v, str) and (v.strip() or soort not in (BEDRAG, DATUM, MAANDEN)):
            niveau, tekst = tekst_melding(soort, v)
            meld(niveau, blad, ref, tekst, v)

    vb, cg, ai = b["voorblad"], b["clientgegevens"], b["aanvraag_individueel"]
    ref = off.VOORBLAD_VELDEN["type"]
    v = get(vb, ref)
    if aanvraag.soort and not (isinstance(v, str) and v.casefold() in _TYPES):
        *eerst, laatste = OFFICIELE_TYPES.values()
        keuzes = ", ".join(eerst) + " of " + laatste
        meld(FOUT, vb, ref, f"Type aanvraag {_excel_toon(v)} wordt door de rekentool niet herkend{_spatie(v)}; kies in de lijst: {keuzes}.", v)
    for r in rijen:
        v = get(cg, f"J{r}")
        zp = zorgprofiel(v) if isinstance(v, str) else None
        if zp is not None and v.casefold() != zp.naam.casefold():
            meld(FOUT, cg, f"J{r}", f"Zorgprofiel {toon(v)} wordt door de rekentool niet herkend{_spatie(v)}; vul {zp.naam} in.", v)
        for col, wat in (("L", "Dagbesteding"), ("N", "Behandeling")):
            v = get(cg, f"{col}{r}")
            if v is not None and not (isinstance(v, str) and v.casefold() in _JA_NEE):
                meld(FOUT, cg, f"{col}{r}", f"{wat} van toepassing: {_excel_toon(v)} wordt door de rekentool niet herkend{_spatie(v)}; vul Ja of Nee in.", v)
    if not groep:
        for _, functie, _ in (off.DAG_MA_VR, off.DAG_ZA_ZO):
            for r in off.DAG_RIJEN:
                v = get(ai, f"{functie}{r}")
                if isinstance(v, str) and v.strip().casefold() in _FUNCTIES and v.casefold() not in _FUNCTIES:
                    meld(FOUT, ai, f"{functie}{r}", f"Functie {toon(v)} wordt door de rekentool niet herkend{_spatie(v)}: de uren van deze regel tellen daar niet mee. Kies Wonen of Dagbesteding.", v)
    return fout
