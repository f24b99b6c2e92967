"""xlwings user-defined functions (UDFs) over the meerzorg engine.

Thin wrappers: the arguments are the cells of the form exactly as xlwings passes them
(floats, None, datetimes counted from 1899-12-30, text, 1-D or 2-D lists); they become an
engine Aanvraag through ``xl_meerzorg.formulier.aanvraag_uit_velden`` and are computed with
``xl_meerzorg.bereken``. Nothing is cached across calls except the engine's parameter
cache (``laad_parameters``).

A UDF never raises: bad input returns a short Dutch text ("Fout: <eerste fout> (+n)"),
"not applicable" returns "". Durations are returned as Excel day fractions (format the
cell as ``[u]:mm``); amounts unrounded (format as currency).

xlwings is optional: without it the decorators are no-ops, so the form builder, koppel and
the tests call the very same functions as plain Python. The docstrings (Dutch) become the
help text in Excel's function wizard.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from xl_meerzorg import __version__, bereken
from xl_meerzorg.excelwaarden import leeg
from xl_meerzorg.formulier import ClientVelden, Veld, aanvraag_uit_velden
from xl_meerzorg.model import FOUT, GROEP, VALT_BINNEN, ClientResultaat, Resultaat, toon
from xl_meerzorg.parameters import beschikbare_jaren, laad_parameters
from xl_meerzorg.parameters.laden import OnbekendJaar, Parameters

try:  # pragma: no cover - xlwings is only installed on staff PCs with Excel
    import xlwings as xw
except ImportError:  # pragma: no cover - exercised in the venv without xlwings

    class _GeenXlwings:
        """No-op stand-ins for ``@xw.func``, ``@xw.arg`` and ``@xw.ret``."""

        @staticmethod
        def func(f: Callable | None = None, **_opties: Any):
            if f is not None and callable(f):
                return f
            return lambda g: g

        @staticmethod
        def arg(*_args: Any, **_opties: Any):
            return lambda g: g

        @staticmethod
        def ret(*_args: Any, **_opties: Any):
            return lambda g: g

    xw = _GeenXlwings()  # type: ignore[assignment]

__all__ = [
    "MZ_ETMAALBEDRAG",
    "MZ_GROEP",
    "MZ_GROEP_MELDINGEN",
    "MZ_INDIVIDUEEL",
    "MZ_JAARBEDRAG",
    "MZ_MEERZORGUREN",
    "MZ_MELDINGEN",
    "MZ_PARAMETER",
    "MZ_RESULTAAT",
    "MZ_UITKOMST",
    "MZ_VERSIE",
    "UITVOER_CLIENT",
    "UITVOER_GROEP",
]

# Per-client outputs (uitvoer) and their labels in MZ_RESULTAAT.
UITVOER_CLIENT = (
    "uitkomst", "uitkomst_label", "meerzorguren", "jaarbedrag", "etmaalbedrag", "prestatiecode", "budget_100",
    "context_drempel", "context_boven_drempel", "context_binnen_profiel", "totaal_uren", "zzp_uren",
)  # fmt: skip
# Group outputs on top of the per-client ones (client_nr ignored).
UITVOER_GROEP_TOTAAL = (
    "totaal_jaarbedrag", "totaal_etmaalbedrag", "groep_context_drempel", "groep_context_boven_drempel",
    "groep_context_binnen_profiel", "groep_totaal_budget_100", "aantal_clienten",
)  # fmt: skip
UITVOER_GROEP = UITVOER_CLIENT + UITVOER_GROEP_TOTAAL

RESULTAAT_RIJEN = (
    ("Zorgprofiel", "zorgprofiel"),
    ("Prestatiecode", "prestatiecode"),
    ("Woonzorg (weekbasis)", "wonen"),
    ("Dagbesteding (weekbasis)", "dagbesteding"),
    ("Nachtzorg (weekbasis)", "nachtzorg"),
    ("Inzet behandelaren (gewogen)", "behandeling"),
    ("Min uren", "min_uren"),
    ("Indirecte basis uren zorgprofiel", "indirecte_uren"),
    ("Context-uren (weekbasis)", "context_uren"),
    ("Totale uren (weekbasis)", "totaal_uren"),
    ("Reguliere zorgprofiel-uren", "zzp_uren"),
    ("Meerzorguren (weekbasis)", "meerzorguren"),
    ("Uitkomst", "uitkomst"),
    ("Uitkomst (label rekentool)", "uitkomst_label"),
    ("100% budget", "budget_100"),
    ("Contextgebonden middelen", "context_euros"),
    ("Drempel contextgebonden middelen", "context_drempel"),
    ("Context boven drempel", "context_boven_drempel"),
    ("Context binnen profiel", "context_binnen_profiel"),
    ("Jaarbedrag", "jaarbedrag"),
    ("Etmaalbedrag", "etmaalbedrag"),
)
GEEN_MELDINGEN = [["Geen meldingen", "", ""]]
KATEGORIE = "Meerzorg"  # the function wizard category
GROEP_RIJEN = 17  # Clientgegevens D7:D23 / Aanvraag-overzicht groep rows 19..35

# The parameters MZ_PARAMETER knows: general values, per zorgprofiel, per prestatiecode.
PARAMETERS_ALGEMEEN = (
    "maximum_etmaalbedrag", "behandelfactor", "context_drempel_fractie", "meerzorg_grens_fractie", "max_maanden",
)  # fmt: skip
PARAMETERS_ZORGPROFIEL = ("zzp_uren", "maatwerk_uurbudget", "indirect_fractie", "indirecte_uren")
PARAMETERS_PRESTATIECODE = ("prestatiecode_uren", "prestatiecode_omschrijving")
PARAMETERS = PARAMETERS_ALGEMEEN + PARAMETERS_ZORGPROFIEL + PARAMETERS_PRESTATIECODE + ("versie",)


class _Invoerfout(Exception):
    """An argument the UDF itself cannot use; the text is returned as "Fout: ..."."""


# --------------------------------------------------------------------------- helpers


def _fout(tekst: str) -> str:
    return f"Fout: {tekst}"


def _gewoon(x: object) -> object:
    """NumPy arrays and scalars (a formula evaluator may pass them) as plain Python values."""
    tolist = getattr(x, "tolist", None)
    return tolist() if callable(tolist) else x


def _cellen(x: object) -> list:
    """All cells of an argument, row by row: a scalar, a 1-D or a 2-D list (what xlwings passes).

    Deeper nesting is not flattened: such a "cell" is a list, which no field accepts (a fout)."""
    x = _gewoon(x)
    if not isinstance(x, (list, tuple)):
        return [x]
    out: list = []
    for v in x:
        if isinstance(v, (list, tuple)):
            out.extend(v)
        else:
            out.append(v)
    return out


def _lengte(cellen: list) -> int:
    """The number of cells up to and including the last filled one."""
    for i in range(len(cellen) - 1, -1, -1):
        v = cellen[i]
        if v is not None and not leeg(v):
            return i + 1
    return 0


def _een(x: object, naam: str) -> object:
    """The value of an argument that must be one cell ([[v]] from ndim=2 is one cell)."""
    x = _gewoon(x)
    if isinstance(x, (list, tuple)):
        cellen = _cellen(x)
        if len(cellen) == 1:
            return cellen[0]
        if not cellen:
            return None
        raise _Invoerfout(f"{naam}: verwacht één cel, niet een bereik van {len(cellen)} cellen.")
    return x


def _uitvoer(x: object, toegestaan: Sequence[str]) -> str:
    u = _een(x, "uitvoer")
    sleutel = u.strip().lower() if isinstance(u, str) else u
    if sleutel not in toegestaan:
        raise _Invoerfout(f"onbekende uitvoer {toon(u)}; kies uit {', '.join(toegestaan)}.")
    return sleutel  # type: ignore[return-value]


def _jaar(x: object) -> int:
    j = _een(x, "jaar")
    if isinstance(j, float) and math.isfinite(j) and j.is_integer():
        return int(j)
    if isinstance(j, int) and not isinstance(j, bool):
        return j
    if isinstance(j, str) and j.strip().isdigit():
        return int(j.strip())
    jaren = ", ".join(map(str, beschikbare_jaren()))
    if leeg(j):
        raise _Invoerfout(f"het jaar ontbreekt; beschikbaar: {jaren}.")
    raise _Invoerfout(f"ongeldig jaar {toon(j)}; beschikbaar: {jaren}.")


def _parameters(jaar: int) -> Parameters:
    try:
        return laad_parameters(jaar)  # the engine's own cache
    except OnbekendJaar as exc:
        raise _Invoerfout(f"{exc}.") from None


def _veld(x: object, pad: str, argument: str | None = None) -> Veld:
    """A one-cell argument as a Veld named by its engine field path (as the engine's messages are);
    a range where one cell belongs is reported under the Excel argument name."""
    return Veld(_een(x, argument or pad.rsplit(".", 1)[-1]), pad)


def _kolommen(tot: object, functie: object, ratio: object, naam: str) -> tuple[list[Veld], list[Veld], list[Veld]]:
    """The day-programme columns as Velden, without the empty rows at the end."""
    t, f, r = _cellen(tot), _cellen(functie), _cellen(ratio)
    n = max(_lengte(t), _lengte(f), _lengte(r))
    return (
        [Veld(t[i] if i < len(t) else None, f"{naam}[{i}].tot") for i in range(n)],
        [Veld(f[i] if i < len(f) else None, f"{naam}[{i}].functie") for i in range(n)],
        [Veld(r[i] if i < len(r) else None, f"{naam}[{i}].begeleider_op") for i in range(n)],
    )


def _fouttekst(res: Resultaat) -> str | None:
    fouten = [m for m in res.meldingen if m.niveau == FOUT]
    if not fouten:
        return None
    extra = f" (+{len(fouten) - 1})" if len(fouten) > 1 else ""
    return _fout(fouten[0].tekst + extra)


def _meldingen(res: Resultaat) -> list[list[str]]:
    return [[m.niveau, m.veld, m.tekst] for m in res.meldingen] or [row[:] for row in GEEN_MELDINGEN]


def _client_waarde(r: ClientResultaat, uitvoer: str) -> object:
    if uitvoer == "meerzorguren" and r.meerzorguren is None:
        return VALT_BINNEN if r.uitkomst == VALT_BINNEN else ""
    v = getattr(r, uitvoer)
    return "" if v is None else v


def _individueel(
    jaar, type_, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
) -> Resultaat:  # fmt: skip
    j = _jaar(jaar)
    p = _parameters(j)
    c = "clienten[0]"  # Velden are named by the engine's field paths, like its own messages
    cv = ClientVelden(
        zorgprofiel=_veld(zorgprofiel, f"{c}.zorgprofiel"),
        dagbesteding=_veld(dagbesteding, f"{c}.dagbesteding"),
        behandeling=_veld(behandeling, f"{c}.behandeling"),
        maanden=None if maanden is None else _veld(maanden, f"{c}.maanden"),
        ma_vr=_kolommen(dag_tot, dag_functie, dag_ratio, f"{c}.dagprogramma.ma_vr"),
        za_zo=_kolommen(weekend_tot, weekend_functie, weekend_ratio, f"{c}.dagprogramma.za_zo"),
        nachtzorg=_veld(nachtzorg, f"{c}.nachtzorg"),
        behandelaren=_veld(behandelaren, f"{c}.behandelaren"),
        min_uren=_veld(min_uren, f"{c}.min_uren"),
        context_uren_jaar=_veld(context_uren_jaar, f"{c}.context_uren_jaar"),
        context_euros=[Veld(v, f"{c}.context_euros[{i}]") for i, v in enumerate(_cellen(context_euros))],
    )
    # optional identity fields: checked like the form (BSN 11-proef, dates in order)
    for key, waarde in (("naam", naam), ("bsn", bsn), ("geboortedatum", geboortedatum), ("opname", opname), ("ingang", ingang),
                        ("cce", cce), ("lvhc", lvhc), ("doelgroep", doelgroep)):  # fmt: skip
        if waarde is not None:
            setattr(cv, key, _veld(waarde, f"{c}.{key}"))
    extra = {} if nieuw_her is None else {"nieuw_her": _veld(nieuw_her, "nieuw_her")}
    aanvraag = aanvraag_uit_velden(j, _veld(type_, "soort", "type"), _veld(tarief, "tariefpercentage", "tarief"), [cv], **extra)
    return bereken(aanvraag, p)


def _groep(
    jaar, tarief, namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren, nachtzorg,
    behandelaren, min_uren, context_uren_jaar, context_euros, maanden, bsns=None, geboortedata=None,
    opnames=None, ingangen=None, cces=None, lvhcs=None, doelgroepen=None, nieuw_her=None,
    kolommen: dict[str, list] | None = None,
) -> tuple[Resultaat, dict[int, int]]:  # fmt: skip
    """The group result and the mapping form row (1..17) -> engine client index."""
    if kolommen is None:
        kolommen = _groep_kolommen(
            namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren, nachtzorg,
            behandelaren, min_uren, bsns, geboortedata, opnames, ingangen, cces, lvhcs, doelgroepen,
        )  # fmt: skip
    j = _jaar(jaar)
    p = _parameters(j)
    maanden_cellen = None if maanden is None else _cellen(maanden)
    per_client_maanden = maanden_cellen is not None and len(maanden_cellen) > 1
    n = _aantal_rijen(kolommen)
    clienten: list[ClientVelden] = []
    rij_naar_index: dict[int, int] = {}
    for i in range(n):
        if not _rij_gevuld(kolommen, i):
            continue
        waarden = {k: (c[i] if i < len(c) else None) for k, c in kolommen.items()}
        rij = i + 1
        c = f"clienten[{len(clienten)}]"
        cv = ClientVelden(**{k: Veld(v, f"{c}.{k}") for k, v in waarden.items()})
        if maanden_cellen is not None:
            if per_client_maanden:
                cv.maanden = Veld(maanden_cellen[i] if i < len(maanden_cellen) else None, f"{c}.maanden")
            else:
                cv.maanden = Veld(maanden_cellen[0] if maanden_cellen else None, "maanden")  # one cell for all
        rij_naar_index[rij] = len(clienten)
        clienten.append(cv)
    aanvraag = aanvraag_uit_velden(
        j,
        Veld(GROEP, "soort"),
        _veld(tarief, "tariefpercentage", "tarief"),
        clienten,
        _veld(context_uren_jaar, "groep.context_uren_jaar"),
        [Veld(v, f"groep.context_euros[{i}]") for i, v in enumerate(_cellen(context_euros))],
        **({} if nieuw_her is None else {"nieuw_her": _veld(nieuw_her, "nieuw_her")}),
    )
    return bereken(aanvraag, p), rij_naar_index


def _groep_kolommen(
    namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren, nachtzorg, behandelaren, min_uren,
    bsns=None, geboortedata=None, opnames=None, ingangen=None, cces=None, lvhcs=None, doelgroepen=None,
) -> dict[str, list]:  # fmt: skip
    """The client columns of a group request (ClientVelden field -> cells); identity columns only when given."""
    identiteit = {"bsn": bsns, "geboortedatum": geboortedata, "opname": opnames, "ingang": ingangen,
                  "cce": cces, "lvhc": lvhcs, "doelgroep": doelgroepen}  # fmt: skip
    return {k: _cellen(v) for k, v in identiteit.items() if v is not None} | {
        "naam": _cellen(namen),
        "zorgprofiel": _cellen(zorgprofielen),
        "dagbesteding": _cellen(dagbestedingen),
        "behandeling": _cellen(behandelingen),
        "wonen": _cellen(wonen),
        "dagbesteding_uren": _cellen(dagbesteding_uren),
        "nachtzorg": _cellen(nachtzorg),
        "behandelaren": _cellen(behandelaren),
        "min_uren": _cellen(min_uren),
    }


def _aantal_rijen(kolommen: dict[str, list]) -> int:
    return max(_lengte(c) for c in kolommen.values())


_GEEN_CLIENT = {"cce", "lvhc", "doelgroep"}  # answers on a row do not make it a client (as the official form counts)


def _rij_gevuld(kolommen: dict[str, list], i: int) -> bool:
    """A client is a row (0-based i) with any of its cells filled (the CCE/LVHC answers aside)."""
    return any(i < len(c) and not leeg(c[i]) for k, c in kolommen.items() if k not in _GEEN_CLIENT)


def _client_nr(x: object) -> int:
    c = _een(x, "client_nr")
    if isinstance(c, str) and c.strip().isdigit():
        c = int(c.strip())
    if isinstance(c, float) and c.is_integer():
        c = int(c)
    if isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= GROEP_RIJEN:
        raise _Invoerfout(f"client_nr moet een rijnummer van 1 tot en met {GROEP_RIJEN} zijn, niet {toon(c)}.")
    return c


def _veilig(f: Callable[[], object], bij_fout: Callable[[str], object] = lambda t: t) -> object:
    """Run a UDF body; any problem becomes the Dutch "Fout: ..." text (shaped by bij_fout)."""
    try:
        return f()
    except _Invoerfout as exc:
        return bij_fout(_fout(str(exc)))
    except Exception as exc:  # noqa: BLE001 - a UDF never raises
        return bij_fout(_fout(f"interne fout bij het rekenen ({type(exc).__name__}: {exc})."))


def _fout_rij2(tekst: str) -> list[list[str]]:
    return [[tekst, ""]]


def _fout_rij3(tekst: str) -> list[list[str]]:
    return [[FOUT, "", tekst.removeprefix("Fout: ")]]


# --------------------------------------------------------------------------- individual

_ARG_DOCS_INDIVIDUEEL = (
    ("jaar", "Jaar van de parameterset, bijvoorbeeld 2026."),
    ("type", "Type aanvraag (Voorblad C23): 'Enkelvoudige aanvraag (individueel)' of 'Preventieve Meerzorg'."),
    ("tarief", "Afgesproken tariefpercentage (Voorblad C17), bijvoorbeeld 0,95."),
    ("zorgprofiel", "Zorgprofiel (zorgzwaartepakket), bijvoorbeeld VG7."),
    ("dagbesteding", "Dagbesteding van toepassing: Ja of Nee."),
    ("behandeling", "Behandeling van toepassing: Ja of Nee."),
    ("dag_tot", "Maandag-vrijdag: kolom 'Tijd tot' (de eerste regel begint om 07:00)."),
    ("dag_functie", "Maandag-vrijdag: kolom functie (Wonen of Dagbesteding)."),
    ("dag_ratio", "Maandag-vrijdag: kolom '1 begeleider op ... cliënt(en)'."),
    ("weekend_tot", "Zaterdag-zondag: kolom 'Tijd tot'."),
    ("weekend_functie", "Zaterdag-zondag: kolom functie."),
    ("weekend_ratio", "Zaterdag-zondag: kolom '1 begeleider op ... cliënt(en)'."),
    ("nachtzorg", "Uren nachtzorg per week (u:mm)."),
    ("behandelaren", "Uren inzet behandelaren per week (u:mm)."),
    ("min_uren", "Min-uren per week (u:mm)."),
    ("context_uren_jaar", "Context-uren per jaar (u:mm)."),
    ("context_euros", "Contextgebonden middelen: het bereik van 2 cellen (euro's)."),
    ("maanden", "Optioneel: aangevraagde periode in maanden."),
    ("naam", "Optioneel: naam van de cliënt (in de meldingen)."),
    ("bsn", "Optioneel: BSN; een BSN dat niet aan de 11-proef voldoet is een fout."),
    ("geboortedatum", "Optioneel: geboortedatum."),
    ("opname", "Optioneel: datum opname (niet na de beoogde ingang)."),
    ("ingang", "Optioneel: beoogde ingangsdatum."),
    ("cce", "Optioneel: is het CCE de afgelopen 3 jaar betrokken geweest (Ja/Nee; Clientgegevens V7)."),
    ("lvhc", "Optioneel (2026): is LVHC van toepassing (Ja/Nee; Clientgegevens X7)."),
    ("doelgroep", "Optioneel (2026): de LVHC-doelgroep (Clientgegevens Z7)."),
    ("nieuw_her", "Optioneel: 'Nieuwe aanvraag' of 'Heraanvraag' (Voorblad C20)."),
)
_BEREIK_ARGS = {
    "dag_tot", "dag_functie", "dag_ratio", "weekend_tot", "weekend_functie", "weekend_ratio", "context_euros",
}  # fmt: skip


def _individuele_decorators(f: Callable) -> Callable:
    """@xw.func plus an @xw.arg (Dutch help; ranges as 2-D) for every argument."""
    for naam, doc in reversed(_ARG_DOCS_INDIVIDUEEL):
        if naam in _BEREIK_ARGS:
            f = xw.arg(naam, ndim=2, doc=doc)(f)
        else:
            f = xw.arg(naam, doc=doc)(f)
    return f


@xw.func(category=KATEGORIE)
@xw.arg("uitvoer", doc="Wat u wilt zien: " + ", ".join(UITVOER_CLIENT) + ".")
@_individuele_decorators
def MZ_INDIVIDUEEL(
    uitvoer, jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Meerzorg van één cliënt (individueel of preventief), zoals het aanvraagformulier rekent. Uitvoer
    bijvoorbeeld uitkomst, meerzorguren (opmaak [u]:mm), jaarbedrag of etmaalbedrag. Bij een fout: de tekst
    'Fout: ...'."""

    def body():
        u = _uitvoer(uitvoer, UITVOER_CLIENT)
        res = _individueel(
            jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
            weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
            context_euros, maanden, naam, bsn, geboortedatum, opname, ingang, cce, lvhc, doelgroep, nieuw_her,
        )  # fmt: skip
        fout = _fouttekst(res)
        if fout:
            return fout
        return _client_waarde(res.clienten[0], u)

    return _veilig(body)


def _individueel_uitvoer(uitvoer: str, args: tuple) -> object:
    return MZ_INDIVIDUEEL(uitvoer, *args)


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_MEERZORGUREN(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Meerzorguren per week van één cliënt (dagdeel; opmaak [u]:mm), of 'Valt binnen het reguliere
    zorgzwaartepakket'. Bij een fout: de tekst 'Fout: ...'."""
    return _individueel_uitvoer("meerzorguren", tuple(locals().values()))


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_UITKOMST(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Uitkomst van één cliënt: 'Meerzorgprofiel n', 'Maatwerk', 'Niet meerzorg waardig' of 'Valt binnen het
    reguliere zorgzwaartepakket'. Bij een fout: de tekst 'Fout: ...'."""
    return _individueel_uitvoer("uitkomst", tuple(locals().values()))


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_JAARBEDRAG(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Jaarbedrag meerzorg van één cliënt (na maximum en tariefpercentage); leeg als er geen budget is.
    Bij een fout: de tekst 'Fout: ...'."""
    return _individueel_uitvoer("jaarbedrag", tuple(locals().values()))


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_ETMAALBEDRAG(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Etmaalbedrag meerzorg van één cliënt (jaarbedrag / 365); leeg als er geen budget is.
    Bij een fout: de tekst 'Fout: ...'."""
    return _individueel_uitvoer("etmaalbedrag", tuple(locals().values()))


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_RESULTAAT(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Het hele overzicht van één cliënt als tabel van 2 kolommen (omschrijving, waarde) die uitloopt
    (spill). Uren als dagdeel (opmaak [u]:mm). Bij een fout één regel met de tekst 'Fout: ...'."""
    args = tuple(locals().values())

    def body():
        res = _individueel(*args)
        fout = _fouttekst(res)
        if fout:
            return _fout_rij2(fout)
        r = res.clienten[0]
        return [[label, _client_waarde(r, key)] for label, key in RESULTAAT_RIJEN]

    return _veilig(body, _fout_rij2)


@xw.func(category=KATEGORIE)
@_individuele_decorators
def MZ_MELDINGEN(
    jaar, type, tarief, zorgprofiel, dagbesteding, behandeling, dag_tot, dag_functie, dag_ratio,
    weekend_tot, weekend_functie, weekend_ratio, nachtzorg, behandelaren, min_uren, context_uren_jaar,
    context_euros, maanden=None, naam=None, bsn=None, geboortedatum=None, opname=None, ingang=None,
    cce=None, lvhc=None, doelgroep=None, nieuw_her=None,
):  # fmt: skip
    """Alle meldingen (fouten en waarschuwingen) van één aanvraag als tabel van 3 kolommen: niveau, veld,
    tekst; 'Geen meldingen' als alles in orde is."""
    args = tuple(locals().values())
    return _veilig(lambda: _meldingen(_individueel(*args)), _fout_rij3)


# --------------------------------------------------------------------------- group

_ARG_DOCS_GROEP = (
    ("jaar", "Jaar van de parameterset, bijvoorbeeld 2026."),
    ("tarief", "Afgesproken tariefpercentage (Voorblad C17), bijvoorbeeld 0,95."),
    ("namen", "Namen van de cliënten (Clientgegevens D7:D23)."),
    ("zorgprofielen", "Zorgprofielen (Clientgegevens J7:J23)."),
    ("dagbestedingen", "Dagbesteding van toepassing, Ja/Nee (Clientgegevens L7:L23)."),
    ("behandelingen", "Behandeling van toepassing, Ja/Nee (Clientgegevens N7:N23)."),
    ("wonen", "Uren wonen per week (Aanvraag-overzicht groep D19:D35)."),
    ("dagbesteding_uren", "Uren dagbesteding per week (E19:E35)."),
    ("nachtzorg", "Uren nachtzorg per week (F19:F35)."),
    ("behandelaren", "Uren inzet behandelaren per week (H19:H35)."),
    ("min_uren", "Min-uren per week (J19:J35)."),
    ("context_uren_jaar", "Context-uren van de groep per jaar (C8)."),
    ("context_euros", "Contextgebonden middelen van de groep (C11:C12)."),
    ("maanden", "Optioneel: aangevraagde periode in maanden (Voorblad G41)."),
    ("bsns", "Optioneel: BSN's (Clientgegevens H7:H23); een BSN dat niet aan de 11-proef voldoet is een fout."),
    ("geboortedata", "Optioneel: geboortedata (Clientgegevens F7:F23)."),
    ("opnames", "Optioneel: data opname (Clientgegevens R7:R23), niet na de beoogde ingang."),
    ("ingangen", "Optioneel: beoogde ingangsdata (Clientgegevens T7:T23)."),
    ("cces", "Optioneel: CCE de afgelopen 3 jaar betrokken, Ja/Nee (Clientgegevens V7:V23)."),
    ("lvhcs", "Optioneel (2026): LVHC van toepassing, Ja/Nee (Clientgegevens X7:X23)."),
    ("doelgroepen", "Optioneel (2026): LVHC-doelgroepen (Clientgegevens Z7:Z23)."),
    ("nieuw_her", "Optioneel: 'Nieuwe aanvraag' of 'Heraanvraag' (Voorblad C20)."),
)
_GROEP_BEREIK_ARGS = {
    "namen", "zorgprofielen", "dagbestedingen", "behandelingen", "wonen", "dagbesteding_uren", "nachtzorg",
    "behandelaren", "min_uren", "context_euros", "maanden", "bsns", "geboortedata", "opnames", "ingangen",
    "cces", "lvhcs", "doelgroepen",
}  # fmt: skip


def _groep_decorators(f: Callable) -> Callable:
    for naam, doc in reversed(_ARG_DOCS_GROEP):
        if naam in _GROEP_BEREIK_ARGS:
            f = xw.arg(naam, ndim=2, doc=doc)(f)
        else:
            f = xw.arg(naam, doc=doc)(f)
    return f


@xw.func(category=KATEGORIE)
@xw.arg("uitvoer", doc="Per cliënt als bij MZ_INDIVIDUEEL (uitkomst, jaarbedrag, ...), of voor de groep: "
        + ", ".join(UITVOER_GROEP_TOTAAL) + ".")  # fmt: skip
@xw.arg("client_nr", doc="Rij van de cliënt in de bereiken: 1 tot en met 17.")
@_groep_decorators
def MZ_GROEP(
    uitvoer, client_nr, jaar, tarief, namen, zorgprofielen, dagbestedingen, behandelingen, wonen,
    dagbesteding_uren, nachtzorg, behandelaren, min_uren, context_uren_jaar, context_euros, maanden=None,
    bsns=None, geboortedata=None, opnames=None, ingangen=None, cces=None, lvhcs=None, doelgroepen=None,
    nieuw_her=None,
):  # fmt: skip
    """Groepsmeerzorg: de uitkomst van één cliënt (client_nr = rij 1..17 van de bereiken) of van de groep
    (totaal_jaarbedrag, totaal_etmaalbedrag). Een lege rij geeft een lege cel. Bij een fout: 'Fout: ...'."""

    def body():
        u = _uitvoer(uitvoer, UITVOER_GROEP)
        nr = None if u in UITVOER_GROEP_TOTAAL else _client_nr(client_nr)
        kolommen = _groep_kolommen(
            namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren, nachtzorg,
            behandelaren, min_uren, bsns, geboortedata, opnames, ingangen, cces, lvhcs, doelgroepen,
        )  # fmt: skip
        if nr is not None and not _rij_gevuld(kolommen, nr - 1):
            return ""  # an empty row of the form shows nothing
        if u == "aantal_clienten":  # like the official B5 (a count, also while the form is incomplete)
            return float(sum(_rij_gevuld(kolommen, i) for i in range(_aantal_rijen(kolommen))))
        res, rijen = _groep(
            jaar, tarief, namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren,
            nachtzorg, behandelaren, min_uren, context_uren_jaar, context_euros, maanden, nieuw_her=nieuw_her,
            kolommen=kolommen,
        )  # fmt: skip
        fout = _fouttekst(res)
        if fout:
            return fout
        if nr is not None:
            return _client_waarde(res.clienten[rijen[nr]], u)
        v = getattr(res, u)
        return "" if v is None else v

    return _veilig(body)


@xw.func(category=KATEGORIE)
@_groep_decorators
def MZ_GROEP_MELDINGEN(
    jaar, tarief, namen, zorgprofielen, dagbestedingen, behandelingen, wonen, dagbesteding_uren, nachtzorg,
    behandelaren, min_uren, context_uren_jaar, context_euros, maanden=None, bsns=None, geboortedata=None,
    opnames=None, ingangen=None, cces=None, lvhcs=None, doelgroepen=None, nieuw_her=None,
):  # fmt: skip
    """Alle meldingen van een groepsaanvraag als tabel van 3 kolommen: niveau, veld, tekst;
    'Geen meldingen' als alles in orde is."""
    args = tuple(locals().values())
    return _veilig(lambda: _meldingen(_groep(*args)[0]), _fout_rij3)


# --------------------------------------------------------------------------- parameters


@xw.func(category=KATEGORIE)
@xw.arg("jaar", doc="Jaar van de parameterset, bijvoorbeeld 2026.")
@xw.arg("naam", doc="Naam van de parameter: " + ", ".join(PARAMETERS) + ".")
@xw.arg("sleutel", doc="Zorgprofiel (bijvoorbeeld VG7) of prestatiecode (bijvoorbeeld Z473), waar nodig.")
def MZ_PARAMETER(jaar, naam, sleutel=None):
    """Een waarde uit de parameterset van een jaar, bijvoorbeeld maximum_etmaalbedrag, of zzp_uren met
    sleutel VG7 (uren als dagdeel; opmaak [u]:mm)."""

    def body():
        p = _parameters(_jaar(jaar))
        n = _een(naam, "naam")
        key = n.strip().lower() if isinstance(n, str) else n
        if key not in PARAMETERS:
            raise _Invoerfout(f"onbekende parameter {toon(n)}; kies uit {', '.join(PARAMETERS)}.")
        if key == "versie":
            return p.versie
        if key in PARAMETERS_ALGEMEEN:
            return getattr(p, key).waarde
        s = _een(sleutel, "sleutel")
        s = s.strip() if isinstance(s, str) else s
        if key in PARAMETERS_ZORGPROFIEL:
            if leeg(s):
                raise _Invoerfout(f"parameter {key} vraagt een zorgprofiel als sleutel, bijvoorbeeld VG7.")
            zp = p.zorgprofiel(s)
            if zp is None:
                raise _Invoerfout(f"onbekend zorgprofiel {toon(s)} voor {p.jaar}; kies uit {', '.join(p.zorgprofielen)}.")
            attr = {"zzp_uren": "uren_per_week"}.get(key, key)
            return getattr(zp, attr)
        if leeg(s):
            raise _Invoerfout(f"parameter {key} vraagt een prestatiecode als sleutel, bijvoorbeeld Z473.")
        pc = p.prestatiecodes.get(str(s).upper())
        if pc is None:
            raise _Invoerfout(f"onbekende prestatiecode {toon(s)} voor {p.jaar}.")
        return pc.uren_per_week if key == "prestatiecode_uren" else pc.omschrijving

    return _veilig(body)


@xw.func(category=KATEGORIE)
@xw.arg("jaar", doc="Optioneel: jaar van de parameterset (standaard het laatste jaar).")
def MZ_VERSIE(jaar=None):
    """Versie van xl-meerzorg en van de parameterset, bijvoorbeeld 'xl-meerzorg 0.1.0; parameterset 2026.01'."""

    def body():
        j = max(beschikbare_jaren()) if leeg(_een(jaar, "jaar")) else _jaar(jaar)
        return f"xl-meerzorg {__version__}; parameterset {_parameters(j).versie}"

    return _veilig(body)
