"""Check one received form: recognise it, read it, recompute it, compare, validate.

``controleer_bestand(pad)`` never raises: it returns a JSON-ready dict with the status
("OK", "afwijkingen", "fouten", "onleesbaar"), the per-client results of the engine and
every finding (niveau, soort, cel, tekst, formulier value, engine value).

Values are read with python-calamine (values only, fast); formulas only for the integrity
check, from the sheet XML (xl_meerzorg.workbook.vingerafdruk). The file is read once, read-only.

"Saved without recalculation" is only claimed from evidence: formula cells without a
cached value, or outputs that differ from the engine for inputs the form could use. An
input the official rekentool cannot use (invoer.py) or this project's form saying on its
Voorblad that it did not calculate is reported as such instead. With a fout the engine's
results are left out (nothing is calculated); what the form shows is kept ("formulier").
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
from pathlib import Path

from xl_meerzorg.workbook import officieel as off
from xl_meerzorg.workbook.cellen import Cellen, Werkmap
from xl_meerzorg.workbook.ooxml import Pakket, bijzonder, lees_rijen, pakket
from xl_meerzorg.workbook.veilig import MAX_BLAD, OnveiligBestand, controleer_afmeting, open_xlsx
from xl_meerzorg.workbook.vingerafdruk import Blad, hash_formule, lees_blad, lees_blad_deel, vergelijk_bladen
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.berekening import bereken
from xl_meerzorg.excelwaarden import OngeldigeWaarde, excel_dagen, excel_tekst
from xl_meerzorg.model import FOUT, GROEP, VALT_BINNEN, WAARSCHUWING, Resultaat
from xl_meerzorg.tijd import format_uren_minuten
from xl_meerzorg.uitvoer import euro

from xl_meerzorg.excelwaarden import excel_tijdstip, leeg as _leeg_waarde
from xl_meerzorg.workbook.koppel.lezen import CONF_BLAD, PYTHON_BLAD

from .welgevormd import controleer_xml

OK = "OK"
AFWIJKINGEN = "afwijkingen"
FOUTEN = "fouten"
ONLEESBAAR = "onleesbaar"
AFWIJKING = "afwijking"

OFFICIEEL = "officieel"
EIGEN = "eigen"

# The engine's results per client: empty when the file has a fout (nothing is calculated)
HERBEREKEND = ("prestatiecode", "uitkomst", "uitkomst_label", "meerzorguren", "meerzorguren_tekst", "jaarbedrag", "etmaalbedrag")
# This project's form: its own verdict on the Voorblad (xl_meerzorg.workbook.formules: mz_status and the
# messages under it). Recognised by phrases that every version of the form has used.
EIGEN_STATUS = "B44"  # xl_meerzorg.workbook.layout.STATUS_CEL
EIGEN_MELDINGEN = ("B45", "B46", "B47", "B48", "B49")  # layout.MELDING_CELLEN[:5]

CLIENT_VELD_KOLOM = {
    "naam": "D", "geboortedatum": "F", "bsn": "H", "zorgprofiel": "J", "dagbesteding": "L",
    "behandeling": "N", "opname": "R", "ingang": "T",
}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _rc(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]{1,3})(\d+)", ref)
    if not m:
        raise ValueError(ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class Waarden:
    """Cell values of a workbook by (sheet, "A1"), in python-calamine's types: the usual
    serialisation is cut out fast (``cellen.Cellen``, equal to the package reader); any
    other sheet is read as before, by python-calamine, or, for a sheet calamine cannot
    read as it is (a number that fits no date or duration: INF, NaN, 1E+300), by the
    package reader (``ooxml.lees_rijen``). calamine is lenient where the package reader
    is strict (malformed XML is read; ``--xml`` reports it on its cell)."""

    def __init__(self, p: Pakket):
        self.p, self.delen = p, p.werkbladen()
        self._werkmap = Werkmap(p)  # shared strings and styles, read when a cell needs them
        self._cache: dict[str, Cellen | None] = {}
        self._wb = None
        self._bladnamen: dict[str, str] = {}

    def _calamine(self, p: Pakket, deel: str) -> tuple[list, tuple[int, int]]:
        if bijzonder(p.lees_utf8(deel)):
            return lees_rijen(p, deel)
        if self._wb is None:
            import python_calamine

            self._wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(p.calamine_bytes()))
            self._bladnamen = {d: n for n, d in self.delen.items()}
        naam = self._bladnamen.get(deel)
        if naam not in self._wb.sheet_names:
            return lees_rijen(p, deel)
        try:
            s = self._wb.get_sheet_by_name(naam)
            return s.to_python(), s.start or (0, 0)
        except BaseException as exc:  # calamine raises (or panics) on values it cannot convert
            if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
                raise
            return lees_rijen(p, deel)

    def cellen(self, naam: str) -> Cellen | None:
        if naam not in self._cache:
            deel = self.delen.get(naam)
            self._cache[naam] = None if deel is None else Cellen(self.p, deel, self._werkmap, self._calamine)
        return self._cache[naam]

    def blad(self, naam: str) -> tuple[list[list[object]], tuple[int, int]]:
        c = self.cellen(naam)
        return c.rijen() if c is not None else ([], (0, 0))

    def get(self, blad: str, ref: str) -> object:
        c = self._cache[blad] if blad in self._cache else self.cellen(blad)
        return None if c is None else c.get(ref)


def _ongeldig_getal(v: object) -> bool:
    """A number no form field can hold: NaN, infinite, or beyond any date, duration or
    amount a form can use (Excel's dates end at 2958465)."""
    return isinstance(v, float) and not (math.isfinite(v) and abs(v) < 1e10)


def _leeg(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _getal(v: object) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    return None


def _dagen(v: object) -> float | None:
    if v is None or isinstance(v, (str, bool)):
        return None
    try:
        return excel_dagen(v)
    except OngeldigeWaarde:
        return None


def _toon(v: object) -> str | None:
    """A form value as text for a report."""
    if v is None:
        return None
    if isinstance(v, dt.timedelta):
        return format_uren_minuten(excel_dagen(v))
    if isinstance(v, float):
        return f"{v:.10g}".replace(".", ",")
    return str(v)


class _Bevindingen(list):
    def voeg(self, niveau: str, soort: str, tekst: str, cel: str | None = None, formulier=None, motor=None) -> None:
        self.append({"niveau": niveau, "soort": soort, "cel": cel, "tekst": tekst, "formulier": formulier, "motor": motor})


def _namen(p: Pakket, canoniek) -> dict[str, str] | None:
    """Canonical sheet name -> the form's own name (compared without case, as Excel
    does); None when one is missing."""
    uit = {}
    for n in canoniek:
        echt = p.blad(n)
        if echt is None:
            return None
        uit[n] = echt
    return uit


def herken(p: Pakket, waarden_versie) -> dict:
    """{"formulier": "officieel"|"eigen"|None, "jaar", "versie", "variant", "namen"}:
    ``namen`` maps the canonical sheet names to the form's own (e.g. "VOORBLAD")."""
    props = p.eigenschappen()
    eigen = _namen(p, off.EIGEN_BLADEN.values())
    mz_namen = [n for n in p.gedefinieerde_namen() if n.lower().startswith("mz_")]
    if "xl_meerzorg_jaar" in props or (mz_namen and eigen is not None):
        try:
            jaar = int(float(props.get("xl_meerzorg_jaar", "")))
        except ValueError:
            jaar = None
        return {"formulier": EIGEN, "jaar": jaar, "versie": None, "variant": props.get("xl_meerzorg_variant") or None, "namen": eigen or {}}
    officieel = _namen(p, off.SHEETS)
    if officieel is not None:
        versie_tekst = waarden_versie(officieel[off.VOORBLAD])
        jaar = off.jaar_uit_versie(versie_tekst)
        m = re.search(r"(20\d\d\.\d+)", versie_tekst) if isinstance(versie_tekst, str) else None
        return {"formulier": OFFICIEEL, "jaar": jaar, "versie": m.group(1) if m else None, "variant": None, "namen": officieel}
    return {"formulier": None, "jaar": None, "versie": None, "variant": None, "namen": {}}


def voorbereid() -> None:
    """Load once per process what every check needs: the stored formula
    fingerprints and the parameters of every year (initializer of the worker processes)."""
    from xl_meerzorg.workbook.vingerafdruk import laad_alle
    from xl_meerzorg.parameters import laad_parameters
    from xl_meerzorg.parameters.laden import beschikbare_jaren

    laad_alle()
    for jaar in beschikbare_jaren():
        try:
            laad_parameters(jaar)
        except Exception:  # reported per form when that year is checked
            pass


def controleer_bestand(pad: str | Path, anoniem: bool = False, xml: bool = False) -> dict:
    """Check one file; never raises. ``xml``: also parse every XML part completely
    (well-formedness; see welgevormd.py for why this is not the default)."""
    pad = Path(pad)
    try:
        uitslag = _controleer(pad, xml)
    except OnveiligBestand as exc:
        uitslag = _onleesbaar(pad, str(exc))
    except RecursionError:
        uitslag = _onleesbaar(pad, "bestand is te diep genest")
    except MemoryError:
        uitslag = _onleesbaar(pad, "bestand is te groot om te lezen")
    except Exception as exc:  # a broken file must never stop the batch
        uitslag = _onleesbaar(pad, f"bestand kan niet worden gelezen ({type(exc).__name__}: {exc})"[:300])
    if anoniem:
        anonimiseer(uitslag)
    return uitslag


def _waardebladen(p: Pakket, w: Waarden, bladen: dict[str, str]) -> set[str]:
    """The sheets whose values the check reads (Voorblad, Clientgegevens and the
    individual or the group sheets, by the type of aanvraag on the Voorblad)."""
    echt = {}
    for k in off.OFFICIELE_BLADEN:
        naam = p.blad(off.OFFICIELE_BLADEN[k]) or p.blad(off.EIGEN_BLADEN[k])
        if naam is not None and naam in bladen:
            echt[k] = naam
    vb = echt.get("voorblad")
    if vb is None:
        return set()
    controleer_afmeting(p.lees_utf8(bladen[vb]), bladen[vb])
    soort = w.get(vb, off.VOORBLAD_VELDEN["type"])
    groep = isinstance(soort, str) and "groep" in soort.lower()
    keys = ("voorblad", "clientgegevens") + (("groep",) if groep else ("aanvraag_individueel", "overzicht_individueel"))
    return {echt[k] for k in keys if k in echt}


def _onleesbaar(pad: Path, reden: str) -> dict:
    return {
        "bestand": str(pad), "status": ONLEESBAAR, "reden": reden, "formulier": None, "jaar": None,
        "versie": None, "soort": None, "zorgaanbieder": None, "nza": None, "clienten": [], "totaal": None,
        "bevindingen": [{"niveau": FOUT, "soort": "onleesbaar", "cel": None, "tekst": reden, "formulier": None, "motor": None}],
    }  # fmt: skip


def _controleer(pad: Path, xml: bool = False) -> dict:
    x = open_xlsx(pad)
    p = pakket(x)
    bladen = p.werkbladen()
    for blad, deel in bladen.items():
        if x.zip.getinfo(deel).file_size > MAX_BLAD:
            raise OnveiligBestand(f"werkblad {blad} is te groot")
    # The formulas of every sheet (this also checks every sheet's XML prolog and dimension);
    # with ``xml`` the sheets are kept for the well-formedness check.
    fs: dict[str, Blad] = {}
    uitgepakt: dict[str, bytes] = {}
    w = Waarden(p)
    vooraf = set() if xml else _waardebladen(p, w, bladen)
    for blad, deel in bladen.items():
        if xml:
            data = p.lees_utf8(deel)
            fs[blad] = lees_blad(data, deel)
            uitgepakt[deel] = data
        elif blad in vooraf:  # its values are read: one pass gives the values and the formulas
            data = p.lees_utf8(deel)
            controleer_afmeting(data, deel)
            c = w.cellen(blad)
            fs[blad] = lees_blad(data, deel, c.formules if c is not None else None)
        else:  # a part seen before in this process is not read again (vingerafdruk._DELEN)
            fs[blad] = lees_blad_deel(p, deel)
    info = herken(p, lambda vb: w.get(vb, off.VERSIE_CEL))
    if info["formulier"] is None:
        raise OnveiligBestand("onbekend formulier (geen officieel aanvraagformulier meerzorg van ZN en geen formulier van xl-meerzorg)")
    basis = off.OFFICIELE_BLADEN if info["formulier"] == OFFICIEEL else off.EIGEN_BLADEN
    b = {k: info["namen"].get(v, v) for k, v in basis.items()}  # the form's own sheet names
    jaar = info["jaar"]
    bev = _Bevindingen()
    if jaar is None:
        raise OnveiligBestand("het jaar van het formulier is onbekend (geen versie op Voorblad G6 of eigenschap xl_meerzorg_jaar)")
    # A koppel copy: its sheets Python-controle and xlwings.conf are koppel's output
    koppel = {n: p.blad(n) for n in (PYTHON_BLAD, CONF_BLAD)}
    is_kopie = koppel[PYTHON_BLAD] is not None
    koppel_fs = {}
    if is_kopie:
        koppel_fs = {echt: fs.pop(echt) for echt in koppel.values() if echt is not None and echt in fs}

    # 1. Formula integrity and recalculation state
    _controleer_formules(info, fs, bev)
    if is_kopie:
        _controleer_koppel(info, b, w, koppel, koppel_fs, bev)
    if x.heeft_vba:
        bev.voeg(WAARSCHUWING, "macro", "Het bestand bevat macro's (VBA). Deze zijn niet uitgevoerd; beoordeel of dit formulier is toegestaan.")

    # 2. Read the inputs and recompute. A number no field can hold (NaN, INF, 1E+300) is a
    # fout on its cell and is not given to the engine (NaN is never read as 0).
    ongeldig: dict[tuple[str, str], object] = {}

    def get(blad: str, ref: str) -> object:
        v = w.get(blad, ref)
        if _ongeldig_getal(v):
            ongeldig[(blad, ref)] = v
            return None
        return v

    aanvraag, rijen = off.lees_officieel(get, jaar, bladen=b)
    for (blad, ref), v in ongeldig.items():
        bev.voeg(FOUT, "invoer", f"Ongeldig getal {_toon_getal(v)}: de cel bevat geen bruikbare waarde (NaN, oneindig of veel te groot). Vul een geldige waarde in.", f"{blad}!{ref}", _toon_getal(v))
    resultaat = bereken(aanvraag)
    groep = aanvraag.soort == GROEP
    vb = b["voorblad"]

    # 3. Form-level completeness
    _volledigheid(w, b, groep, rijen, bev)
    if info["formulier"] == OFFICIEEL:
        # no budget for anyone (niet meerzorg waardig): the official total G37 stays empty and its
        # own check K9 says FOUT, though the form is complete
        geen_budget = not resultaat.heeft_fout and all(c.jaarbedrag is None for c in resultaat.clienten)
        _status_officieel(w, vb, bev, geen_budget)
    dagcellen = _dag_rijen(get, b["aanvraag_individueel"]) if not groep else {}
    for m in resultaat.meldingen:
        if m.onvolledig:  # a required field is empty: the aanvraag is not complete (a finding)
            bev.voeg(FOUT, "volledigheid", m.tekst, _cel_van(m.veld, b, rijen, groep, dagcellen))
        else:
            bev.voeg(m.niveau, "validatie", m.tekst, _cel_van(m.veld, b, rijen, groep, dagcellen))

    # 4. What the form itself could not use or refused: then its results are not the
    # engine's for the same inputs, and a difference is not a missing recalculation.
    if info["formulier"] == OFFICIEEL:
        from xl_meerzorg.parameters import laad_parameters

        from .invoer import controleer_invoer

        al_fout = {f["cel"] for f in bev if f["niveau"] == FOUT and f["cel"]}
        onbruikbaar = controleer_invoer(get, b, aanvraag, rijen, groep, al_fout, bev.voeg, laad_parameters(jaar).zorgprofiel)
    else:
        onbruikbaar = _status_eigen(w, vb, bev)

    # 5. Compare the form's outputs with the engine, where both calculated
    onbruikbaar = onbruikbaar or bool(ongeldig)  # the form computed with a value the engine did not get
    herberekend = not any(f["soort"] == "herberekening" for f in bev)
    clienten = _vergelijk(w, b, aanvraag, resultaat, rijen, groep, bev, herberekend and not onbruikbaar)

    # 6. Saved without recalculation? Only claimed from outputs that differ from the engine
    # for inputs the form could use (step 4 found nothing), with unchanged formulas.
    afw_uitkomst = [f for f in bev if f["soort"] == "vergelijking" and f["niveau"] == AFWIJKING]
    leeg = [f for f in afw_uitkomst if f["formulier"] is None]
    if afw_uitkomst and len(leeg) == len(afw_uitkomst):
        bev.voeg(AFWIJKING, "herberekening", "De uitkomsten op het formulier zijn leeg terwijl de gegevens zijn ingevuld: het formulier is opgeslagen zonder herberekening.")
    elif afw_uitkomst and formule_ok_voorlopig(bev) and not resultaat.heeft_fout:
        bev.voeg(AFWIJKING, "herberekening", "De opgeslagen uitkomsten passen niet bij de ingevulde gegevens terwijl de formules ongewijzigd zijn: het formulier is waarschijnlijk gewijzigd zonder herberekening. Laat de aanvrager het formulier opnieuw berekenen en opslaan.")

    # 7. Optionally: malformed XML that Excel would have to repair
    for wat, cel, reden in controleer_xml(x, bladen, uitgepakt) if xml else ():
        bev.voeg(FOUT, "bestand", f"{wat} is geen geldige XML ({reden}). Excel opent het bestand alleen na herstel en toont dan mogelijk andere gegevens dan hier zijn gelezen; vraag de aanvrager om een onbeschadigd formulier.", cel)

    niveaus = {f["niveau"] for f in bev}
    status = AFWIJKINGEN if AFWIJKING in niveaus else FOUTEN if FOUT in niveaus else OK
    totaal = {"jaarbedrag": resultaat.totaal_jaarbedrag, "etmaalbedrag": resultaat.totaal_etmaalbedrag}
    if FOUT in niveaus:  # nothing is calculated when there is a fout (the form's values stay)
        for c in clienten:
            c.update(dict.fromkeys(HERBEREKEND))
        totaal = dict.fromkeys(totaal)
    return {
        "bestand": str(pad),
        "status": status,
        "reden": None,
        "formulier": info["formulier"],
        "jaar": jaar,
        "versie": info["versie"],
        "variant": info["variant"],
        "soort": aanvraag.soort or None,
        "zorgaanbieder": excel_tekst(w.get(vb, off.VOORBLAD_VELDEN["zorgaanbieder"])),
        "nza": excel_tekst(w.get(vb, off.VOORBLAD_VELDEN["nza_nummer"])),
        "agb": excel_tekst(w.get(vb, off.VOORBLAD_VELDEN["agb_code"])),
        "clienten": clienten,
        "totaal": totaal,
        "bevindingen": list(bev),
        "koppel_kopie": is_kopie,
    }


def formule_ok_voorlopig(bev) -> bool:
    return not any(f["soort"] == "formule" and f["niveau"] == AFWIJKING for f in bev)


def _controleer_formules(info: dict, fs: dict[str, Blad], bev: _Bevindingen) -> None:
    zonder_waarde = sorted(f"{blad}!{ref}" for blad, b in fs.items() for ref in b.zonder_waarde)
    if zonder_waarde:
        voorbeeld = ", ".join(zonder_waarde[:5]) + (" …" if len(zonder_waarde) > 5 else "")
        bev.voeg(AFWIJKING, "herberekening", f"{len(zonder_waarde)} formulecel(len) zonder opgeslagen uitkomst ({voorbeeld}): het formulier is opgeslagen zonder herberekening.", zonder_waarde[0])
    if info["formulier"] == OFFICIEEL:
        # the fingerprint names the official sheets canonically; the form may spell them in other case
        canoniek = {echt: n for n, echt in info["namen"].items()}
        echt_van = {n: echt for echt, n in canoniek.items()}
        fs_c = {canoniek.get(blad, blad): b for blad, b in fs.items()}
        verschil = vergelijk_bladen(info["versie"], fs_c) if info["versie"] else None
        if verschil is None:
            bev.voeg(WAARSCHUWING, "formule", f"Geen vingerafdruk van de formules voor versie {info['versie'] or '?'}; de formules zijn niet gecontroleerd.")
            return
        for cel, soort in verschil:
            blad, ref = cel.rsplit("!", 1)
            blad = echt_van.get(blad, blad)
            f = _tekst(fs, blad, ref)
            tekst = {
                "gewijzigd": "De formule wijkt af van de officiële rekentool",
                "verwijderd": "De formule van de officiële rekentool is overschreven of verwijderd",
                "toegevoegd": "Formule die niet in de officiële rekentool staat",
            }[soort]
            bev.voeg(AFWIJKING, "formule", f"{tekst} ({info['versie']}).", f"{blad}!{ref}", ("=" + f) if f is not None else None, None)
        return
    try:
        from xl_meerzorg.workbook.bouw import formules as bouw_formules  # the staff/providers' form builder
    except ImportError:
        bev.voeg(WAARSCHUWING, "formule", "De formules van het eigen formulier zijn niet gecontroleerd: de bouwmodule (xl_meerzorg.workbook.bouw) is niet beschikbaar.")
        return
    try:
        verwacht_f = bouw_formules(info["jaar"], info["variant"])
    except Exception as exc:
        bev.voeg(WAARSCHUWING, "formule", f"De formules van het eigen formulier zijn niet gecontroleerd ({exc}).")
        return
    for (blad, ref), formule in sorted(verwacht_f.items()):
        b = fs.get(blad)
        h = b.formules.hashes.get(ref) if b is not None else None
        if h is None:
            bev.voeg(AFWIJKING, "formule", "De formule van het formulier is overschreven of verwijderd.", f"{blad}!{ref}", None, formule)
        elif h != hash_formule(str(formule)):
            bev.voeg(AFWIJKING, "formule", "De formule wijkt af van het formulier van xl-meerzorg.", f"{blad}!{ref}", "=" + b.formules.teksten[ref], formule)


def _tekst(fs: dict[str, Blad], blad: str, ref: str) -> str | None:
    b = fs.get(blad)
    return b.formules.teksten.get(ref) if b is not None else None


_DAG_VELD = re.compile(r"clienten\[\d+\]\.dagprogramma(?:\.(ma_vr|za_zo)(?:\[(\d+)\](?:\.(\w+))?)?)?$")


def _dag_rijen(get, ai: str) -> dict[str, list[int]]:
    """Per day ("ma_vr", "za_zo") the row of each tijdvak the engine reads from the day
    programme (``xl_meerzorg.formulier``: a row with an end time that is a time and not
    directly under an empty row), so a message on tijdvak i names its own row."""
    uit = {}
    for dag, (tot, _functie, _ratio) in (("ma_vr", off.DAG_MA_VR), ("za_zo", off.DAG_ZA_ZO)):
        rijen = []
        vorige_leeg = False
        for r in off.DAG_RIJEN:
            tv = get(ai, f"{tot}{r}")
            if _leeg_waarde(tv):
                vorige_leeg = True
                continue
            try:
                excel_tijdstip(tv)
            except Exception:
                continue
            if vorige_leeg:
                vorige_leeg = False
                continue
            rijen.append(r)
        uit[dag] = rijen
    return uit


def _dag_cel(veld: str, ai: str, dagcellen: dict[str, list[int]]) -> str | None:
    m = _DAG_VELD.match(veld)
    if not m:
        return None
    dag, i, key = m.groups()
    if dag is None:
        return f"{ai}!{off.DAG_MA_VR[0]}{off.DAG_RIJEN.start}"
    tot, functie, ratio = off.DAG_MA_VR if dag == "ma_vr" else off.DAG_ZA_ZO
    rijen = dagcellen.get(dag, [])
    if i is None or int(i) >= len(rijen):
        return f"{ai}!{tot}{rijen[0] if rijen else off.DAG_RIJEN.start}"
    rij = rijen[int(i)]
    if key == "van":  # the start of a row is the end time of the row above
        return f"{ai}!{tot}{rij - 1}" if rij > off.DAG_RIJEN.start else f"{ai}!{tot}{rij}"
    kolom = {"functie": functie, "begeleider_op": ratio}.get(key or "", tot)
    return f"{ai}!{kolom}{rij}"


def _cel_van(veld: str, b: dict, rijen: list[int], groep: bool, dagcellen: dict[str, list[int]] | None = None) -> str | None:
    if "!" in veld:
        return veld
    if veld == "tariefpercentage":
        return f"{b['voorblad']}!C17"
    if veld in ("clienten", "type"):
        return f"{b['voorblad']}!C23"
    if veld.startswith("groep.context_euros"):
        return f"{b['groep']}!C11"
    if veld.startswith("groep.context_uren"):
        return f"{b['groep']}!C8"
    if not groep and ".dagprogramma" in veld:
        cel = _dag_cel(veld, b["aanvraag_individueel"], dagcellen or {})
        if cel:
            return cel
    m = re.match(r"clienten\[(\d+)\]\.(\w+)", veld)
    if m:
        i, key = int(m.group(1)), m.group(2)
        rij = rijen[i] if i < len(rijen) else off.CLIENT_RIJEN.start
        if key == "maanden":
            return f"{b['voorblad']}!G41"
        if key in CLIENT_VELD_KOLOM:
            return f"{b['clientgegevens']}!{CLIENT_VELD_KOLOM[key]}{rij}"
        if groep and key in off.GROEP_KOLOMMEN:
            return f"{b['groep']}!{off.GROEP_KOLOMMEN[key]}{rij + off.GROEP_RIJ_OFFSET}"
        if not groep:
            return {
                "nachtzorg": f"{b['aanvraag_individueel']}!I5", "behandelaren": f"{b['aanvraag_individueel']}!I6",
                "min_uren": f"{b['aanvraag_individueel']}!I7", "context_uren_jaar": f"{b['aanvraag_individueel']}!I8",
                "context_euros": f"{b['aanvraag_individueel']}!V5", "dagprogramma": f"{b['aanvraag_individueel']}!D16",
            }.get(key)  # fmt: skip
    return None


def _toon_getal(v: object) -> str:
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "oneindig" if v > 0 else "min oneindig"
        return f"{v:.6g}".replace(".", ",").upper()
    return str(v)


# The official form's own completeness check (Voorblad I3:K11, 2025.01 and 2026.01):
# K4:K9 say "GOED" or "FOUT" per field, J10 counts the FOUTs, I11 gives the verdict.
OFFICIELE_CONTROLES = (
    ("K4", "E4", "het registratienummer NZa"),
    ("K5", "C17", "het tariefpercentage"),
    ("K6", "C20", "nieuwe aanvraag of heraanvraag"),
    ("K7", "C23", "het type aanvraag"),
    ("K8", "G17", "de sector"),
    ("K9", "G37", "de uren: er is geen totaal jaarbedrag"),
)
OFFICIEEL_OORDEEL = "I11"
OFFICIEEL_TOTAAL = "J10"


def _status_officieel(w: Waarden, vb: str, bev: _Bevindingen, geen_budget: bool = False) -> None:
    """The official form's own verdict: a form that its own check calls incomplete is
    onvolledig (a fout), whatever the engine computes. Only cached values are read: a
    form saved without recalculation has none (reported as such elsewhere)."""
    gemeld = False
    alleen_uren = geen_budget and [r for r, _, _ in OFFICIELE_CONTROLES if str(w.get(vb, r) or "").strip().casefold() == "fout"] == ["K9"]
    if alleen_uren:
        return
    for ref, veld, wat in OFFICIELE_CONTROLES:
        v = w.get(vb, ref)
        if isinstance(v, str) and v.strip().casefold() == "fout":
            gemeld = True
            bev.voeg(FOUT, "onvolledig", f"Het formulier is niet volledig gevuld: de controle van het formulier zelf meldt FOUT bij {wat} (Voorblad {veld}).", f"{vb}!{ref}", v.strip())
    if gemeld:
        return
    oordeel = w.get(vb, OFFICIEEL_OORDEEL)
    totaal = _getal(w.get(vb, OFFICIEEL_TOTAAL))
    if isinstance(oordeel, str) and "niet volledig" in oordeel.casefold():
        bev.voeg(FOUT, "onvolledig", f"Het formulier meldt zelf: {oordeel.strip()}.", f"{vb}!{OFFICIEEL_OORDEEL}", oordeel.strip())
    elif totaal is not None and totaal > 0:
        bev.voeg(FOUT, "onvolledig", f"Het formulier is niet volledig gevuld: de controle van het formulier zelf telt {totaal:g} fout(en).", f"{vb}!{OFFICIEEL_TOTAAL}", _toon(totaal))


def _controleer_koppel(info: dict, b: dict, w: Waarden, koppel: dict[str, str | None], fs: dict[str, Blad], bev: _Bevindingen) -> None:
    """A koppel copy: the sheet Python-controle must hold exactly the formulas koppel
    writes for this form (UDF calls on the form's own cells), xlwings.conf koppel's
    setting. The official sheets are checked against the fingerprint as for any form."""
    import importlib

    from xl_meerzorg.workbook.koppel.blad import UDF_MODULE, bouw_cellen
    from xl_meerzorg.workbook.koppel.lezen import Formulier

    pc, conf = koppel[PYTHON_BLAD], koppel[CONF_BLAD]
    blad = fs.get(pc)
    hashes = blad.formules.hashes if blad is not None else {}
    if any(n.casefold().startswith("xl/webextensions/") for n in w.p.x.namen):
        # koppel --lite: the script's report as values, no formulas and no xlwings.conf
        for ref in sorted(hashes, key=_rc):
            bev.voeg(AFWIJKING, "koppel", "Formule die koppel niet schrijft.", f"{pc}!{ref}", "=" + blad.formules.teksten[ref], None)
        return
    if conf is None:
        bev.voeg(AFWIJKING, "koppel", f"Het blad {CONF_BLAD} van koppel ontbreekt: Excel vindt de rekenkern dan niet.", None)
    elif w.get(conf, "A1") != "UDF Modules" or w.get(conf, "B1") != UDF_MODULE:
        bev.voeg(AFWIJKING, "koppel", f"Het blad {conf} wijkt af van wat koppel schrijft (A1 'UDF Modules', B1 '{UDF_MODULE}').", f"{conf}!B1", excel_tekst(w.get(conf, "B1")), UDF_MODULE)
    rijen = {}
    for naam in b.values():
        rows, (r0, c0) = w.blad(naam)
        rijen[naam] = [[""] * c0 + list(r) for r in ([[]] * r0 + rows)] if rows else []
    f = Formulier(str(w.p.x.pad), info["formulier"], info["jaar"], dict(b), [bl.naam for bl in w.p.bladen], rijen)
    try:
        verwacht = {c.ref: c.formule for c in bouw_cellen(f, importlib.import_module(UDF_MODULE)).cellen if c.formule}
    except Exception as exc:  # noqa: BLE001 - reported, the rest of the check goes on
        bev.voeg(WAARSCHUWING, "koppel", f"Het blad {pc} van koppel is niet gecontroleerd ({type(exc).__name__}).", None)
        return
    for ref, formule in sorted(verwacht.items(), key=lambda kv: _rc(kv[0])):
        h = hashes.get(ref)
        if h is None:
            bev.voeg(AFWIJKING, "koppel", "De formule van koppel is overschreven of verwijderd.", f"{pc}!{ref}", None, "=" + formule)
        elif h != hash_formule(formule):
            bev.voeg(AFWIJKING, "koppel", "De formule wijkt af van wat koppel voor dit formulier schrijft.", f"{pc}!{ref}", "=" + blad.formules.teksten[ref], "=" + formule)
    for ref in sorted(set(hashes) - set(verwacht), key=_rc):
        bev.voeg(AFWIJKING, "koppel", "Formule die koppel niet schrijft.", f"{pc}!{ref}", "=" + blad.formules.teksten[ref], None)


def _volledigheid(w: Waarden, b: dict, groep: bool, rijen: list[int], bev: _Bevindingen) -> None:
    vb, cg = b["voorblad"], b["clientgegevens"]
    # NZa number, AGB code and the other Voorblad fields: the engine's completeness check
    for key, cel, tekst in (("maanden", "G41", "De aangevraagde periode in maanden ontbreekt."),):
        if _leeg(w.get(vb, cel)):
            bev.voeg(FOUT, "volledigheid", tekst, f"{vb}!{cel}")
    gevuld = [r for r in off.CLIENT_RIJEN if off.client_rij_gevuld(w.get, r, cg)]
    if groep and gevuld:
        for r in range(off.CLIENT_RIJEN.start, gevuld[-1]):
            if r not in gevuld:
                bev.voeg(FOUT, "volledigheid", f"Lege regel tussen de cliënten: rij {r} is leeg, maar rij {gevuld[-1]} is ingevuld. Vul de cliënten aaneengesloten in vanaf rij 7; de rekentool telt lege regels niet goed mee.", f"{cg}!D{r}")
    if not groep:
        for r in gevuld:
            if r != off.CLIENT_RIJEN.start:
                bev.voeg(WAARSCHUWING, "volledigheid", f"Bij een individuele aanvraag telt alleen de cliënt op rij 7; rij {r} is ook ingevuld en telt niet mee.", f"{cg}!D{r}")
    for r in rijen:
        if _leeg(w.get(cg, f"H{r}")):
            bev.voeg(FOUT, "volledigheid", f"Het BSN van de cliënt op rij {r} ontbreekt.", f"{cg}!H{r}")
        if _leeg(w.get(cg, f"D{r}")):
            bev.voeg(FOUT, "volledigheid", f"De naam van de cliënt op rij {r} ontbreekt.", f"{cg}!D{r}")


def _status_eigen(w: Waarden, vb: str, bev: _Bevindingen) -> bool:
    """This project's form says on its Voorblad whether it is complete and calculated.
    When it is not, its own messages are fouten (soort "formulier"). True when it refused
    to calculate: then there is nothing to compare. A status without a cached value (saved
    without recalculation) or an unknown text changes nothing."""
    status = w.get(vb, EIGEN_STATUS)
    if not isinstance(status, str):
        return False
    s = status.casefold()
    geweigerd = "geen bedragen" in s  # "... Er worden geen bedragen berekend."
    if not geweigerd and "niet volledig" not in s:
        return False
    meldingen = []
    for ref in EIGEN_MELDINGEN:
        m = w.get(vb, ref)
        if isinstance(m, str) and m.strip() and not m.strip().casefold().startswith("let op"):
            meldingen.append((ref, m.strip()))
    for ref, m in meldingen or [(EIGEN_STATUS, status.strip())]:
        bev.voeg(FOUT, "formulier", f"Melding van het formulier: {m}", f"{vb}!{ref}")
    return geweigerd


def _formulier_waarden(w: Waarden, blad: str, cel_uren: str, cel_label: str, jaar_cellen: tuple[str, str], cel_etmaal: str, cg: str, rij: int) -> dict:
    """What the form itself shows for one client (its cached values)."""
    uren = w.get(blad, cel_uren)
    dagen = _dagen(uren)
    jaar = None
    for cel in jaar_cellen:
        jaar = _getal(w.get(blad, cel))
        if jaar is not None:
            break
    label = excel_tekst(w.get(blad, cel_label))
    return {
        "prestatiecode": excel_tekst(w.get(cg, f"P{rij}")),
        "uitkomst": label or (excel_tekst(uren) if isinstance(uren, str) else None),
        "meerzorguren": None if dagen is None else dagen * 24,
        "meerzorguren_tekst": None if dagen is None else format_uren_minuten(dagen),
        "jaarbedrag": jaar,
        "etmaalbedrag": _getal(w.get(blad, cel_etmaal)),
    }


def _bekend_verschil(aanvraag, i: int, groep: bool) -> str | None:
    """A documented difference between the engine and the official tool (docs/verschillen.md)."""
    c = aanvraag.clienten[i]
    if groep and c.behandeling and c.dagbesteding is False and c.behandelaren and not math.isnan(c.behandelaren):
        return "behandeling Ja en dagbesteding Nee bij groepsmeerzorg: de officiële rekentool telt de uren behandelaren ongewogen mee"
    return None


def _vergelijk(w: Waarden, b: dict, aanvraag, resultaat: Resultaat, rijen: list[int], groep: bool, bev: _Bevindingen, vergelijken: bool = True) -> list[dict]:
    u = off.UITVOER
    cg = b["clientgegevens"]
    clienten = []
    bekend_totaal = None
    for i, r in enumerate(resultaat.clienten):
        rij = rijen[i] if i < len(rijen) else off.CLIENT_RIJEN.start
        c = aanvraag.clienten[i] if i < len(aanvraag.clienten) else None
        if groep:
            blad, g = b["groep"], rij + off.GROEP_RIJ_OFFSET
            cel_uren, cel_label = f"{u.groep_meerzorguren}{g}", f"{u.groep_label}{g}"
            jaar_cellen = (f"{u.groep_jaarbedrag_profiel}{g}", f"{u.groep_jaarbedrag_maatwerk}{g}")
            cel_etmaal = f"{u.groep_etmaalbedrag}{g}"
        else:
            blad = b["overzicht_individueel"]
            cel_uren, cel_label = u.meerzorguren, u.label
            jaar_cellen = (u.jaarbedrag_profiel, u.jaarbedrag_maatwerk)
            cel_etmaal = u.etmaalbedrag
        clienten.append({
            "rij": rij,
            "naam": c.naam if c else None,
            "bsn": c.bsn if c else None,
            "zorgprofiel": r.zorgprofiel,
            "prestatiecode": r.prestatiecode,
            "uitkomst": r.uitkomst,
            "uitkomst_label": r.uitkomst_label,
            "meerzorguren": None if r.meerzorguren is None else r.meerzorguren * 24,
            "meerzorguren_tekst": None if r.meerzorguren is None else format_uren_minuten(r.meerzorguren),
            "jaarbedrag": r.jaarbedrag,
            "etmaalbedrag": r.etmaalbedrag,
            "maanden": c.maanden if c else None,
            "ingang": c.ingang.isoformat() if c and c.ingang else None,
            "cce": None if c is None or c.cce is None else ("Ja" if c.cce else "Nee"),
            "lvhc": None if c is None or c.lvhc is None else ("Ja" if c.lvhc else "Nee"),
            "doelgroep": c.doelgroep if c else None,
            "formulier": _formulier_waarden(w, blad, cel_uren, cel_label, jaar_cellen, cel_etmaal, cg, rij),
        })  # fmt: skip
        if resultaat.heeft_fout or not vergelijken:
            continue
        bekend = _bekend_verschil(aanvraag, i, groep) if c else None
        niveau = AFWIJKING
        if bekend:
            niveau = WAARSCHUWING
            bekend_totaal = bekend
        wie = f"Cliënt {i + 1}" + (f" ({c.naam})" if c and c.naam else "")
        extra = f" Bekend verschil: {bekend}." if bekend else ""

        def afw(cel: str, wat: str, fv, mv, _blad=blad) -> None:
            werkwoord = "wijken" if wat == "de meerzorguren" else "wijkt"
            bev.voeg(niveau, "vergelijking", f"{wie}: {wat} op het formulier {werkwoord} af van de herberekening.{extra}", f"{_blad}!{cel}", fv, mv)

        # meerzorguren
        fv = w.get(blad, cel_uren)
        if r.uitkomst == VALT_BINNEN:
            if not (isinstance(fv, str) and fv.strip() == VALT_BINNEN):
                afw(cel_uren, "de meerzorguren", _toon(fv), VALT_BINNEN)
        elif r.meerzorguren is not None:
            fd = _dagen(fv)
            if fd is None or seconds(fd) != seconds(r.meerzorguren):
                afw(cel_uren, "de meerzorguren", _toon(fv), format_uren_minuten(r.meerzorguren))
        # outcome label
        fl = excel_tekst(w.get(blad, cel_label))
        ml = r.uitkomst_label or None
        if (fl or None) != ml:
            afw(cel_label, "de uitkomst", fl, ml)
        # year amount
        fj, fj_cel = None, jaar_cellen[0]
        for cel in jaar_cellen:
            n = _getal(w.get(blad, cel))
            if n is not None:
                fj, fj_cel = n, cel
                break
        if (fj is None) != (r.jaarbedrag is None) or (fj is not None and cents(fj) != cents(r.jaarbedrag)):  # type: ignore[arg-type]
            afw(fj_cel, "het jaarbedrag", None if fj is None else euro(fj), None if r.jaarbedrag is None else euro(r.jaarbedrag))
        fe = _getal(w.get(blad, cel_etmaal))
        if (fe is None) != (r.etmaalbedrag is None) or (fe is not None and cents(fe) != cents(r.etmaalbedrag)):  # type: ignore[arg-type]
            afw(cel_etmaal, "het etmaalbedrag", None if fe is None else euro(fe), None if r.etmaalbedrag is None else euro(r.etmaalbedrag))
        # prestatiecode (Clientgegevens P, a formula)
        fp = excel_tekst(w.get(cg, f"P{rij}"))
        if r.prestatiecode and fp != r.prestatiecode:
            afw(f"P{rij}", "de prestatiecode", fp, r.prestatiecode, _blad=cg)
    if not resultaat.heeft_fout and vergelijken:
        vb = b["voorblad"]
        niveau = WAARSCHUWING if bekend_totaal else AFWIJKING
        for cel, wat, mv in ((u.totaal_jaarbedrag, "het totale jaarbedrag", resultaat.totaal_jaarbedrag), (u.totaal_etmaalbedrag, "het totale etmaalbedrag", resultaat.totaal_etmaalbedrag)):
            fv = _getal(w.get(vb, cel))
            if fv is None and mv == 0 and all(c.jaarbedrag is None for c in resultaat.clienten):
                continue  # no budget: the official Voorblad shows the outcome's text, the engine 0
            if mv is not None and (fv is None or cents(fv) != cents(mv)):
                bev.voeg(niveau, "vergelijking", f"Voorblad: {wat} op het formulier wijkt af van de herberekening." + (f" Bekend verschil: {bekend_totaal}." if bekend_totaal else ""), f"{vb}!{cel}", _toon(w.get(vb, cel)) if fv is None else euro(fv), euro(mv))
    return clienten


# ----------------------------------------------------------------------- anonymising


# Names and BSNs are replaced as values, never as substrings (workbook/controle/anoniem.py).
from .anoniem import anonimiseer, masker_bsn  # noqa: E402,F401


__all__ = ["AFWIJKINGEN", "FOUTEN", "OK", "ONLEESBAAR", "anonimiseer", "controleer_bestand"]
