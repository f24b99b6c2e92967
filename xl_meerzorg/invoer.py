"""Read an aanvraag from its JSON form (a dict) into the model.

Nothing here raises on bad data: every field that cannot be read becomes a Melding
(niveau "fout") naming the field, and the field is left empty so the validator and the
calculation know it is missing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from .model import FOUT, SOORTEN, WAARSCHUWING, Aanvraag, Client, Dagprogramma, Melding, Slot, toon
from .tijd import OngeldigeDuur, parse_duur, parse_tijdstip
from .validatie import UUR_VELDEN, VELD_NAMEN

CLIENT_VELDEN = {
    "naam", "bsn", "geboortedatum", "opname", "ingang", "maanden", "zorgprofiel", "dagbesteding",
    "behandeling", "dagprogramma", "wonen", "dagbesteding_uren", "nachtzorg", "behandelaren",
    "min_uren", "context_uren_jaar", "context_euros", "cce", "lvhc", "doelgroep",
}  # fmt: skip
# Voorblad fields: optional; given as null or "" they count as missing (incomplete).
AANVRAAG_VELDEN = {"nieuw_her", "sector", "nza_categorie", "nza_nummer", "agb_code", "ondertekenaar", "datum_ondertekening"}
NIEUW_HER_ALIASSEN = {"nieuw": "Nieuwe aanvraag", "nieuwe aanvraag": "Nieuwe aanvraag", "her": "Heraanvraag", "heraanvraag": "Heraanvraag"}
SOORT_ALIASSEN = {
    "individueel": "individueel",
    "enkelvoudige aanvraag (individueel)": "individueel",
    "enkelvoudig": "individueel",
    "preventief": "preventief",
    "preventieve meerzorg": "preventief",
    "groep": "groep",
    "groepsmeerzorg": "groep",
    "meervoudige aanvraag (groepsmeerzorg)": "groep",
}
_DATUM_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_DATUM_NL = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")


class _Lezer:
    def __init__(self) -> None:
        self.meldingen: list[Melding] = []

    def fout(self, veld: str, tekst: str) -> None:
        self.meldingen.append(Melding(FOUT, veld, tekst))


def lees_getal(value: Any) -> float | None:
    """A number from JSON or Excel: int/float, or text like "0,95", "95%", "€ 5.000,00"."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the double range
            return None
        return number if math.isfinite(number) else None
    if isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
        pct = text.endswith("%")
        if pct:
            text = text[:-1]
        if re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?", text):  # Dutch thousands separators ("0.950" is 0.95)
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+,\d+", text):
            text = text.replace(",", ".")
        if not re.fullmatch(r"-?\d+(\.\d+)?", text):
            return None
        number = float(text)
        return number / 100 if pct else number
    return None


def lees_ja_nee(value: Any) -> bool | None:
    """True/False from a bool or "Ja"/"Nee" (any case, stray spaces)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        v = value.strip().lower()
        if v in ("ja", "j", "yes", "true", "1"):
            return True
        if v in ("nee", "n", "no", "false", "0"):
            return False
    return None


def lees_datum(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATUM_ISO.match(value)
        try:
            if m:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            m = _DATUM_NL.match(value)
            if m:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def _duur(lezer: _Lezer, raw: dict, key: str, veld: str, label: str) -> float:
    value = raw.get(key)
    if value is None or value == "":
        return 0.0
    try:
        return parse_duur(value)
    except OngeldigeDuur:
        lezer.fout(veld, f"{label}: geen geldige tijdsduur {toon(value)}. Gebruik u:mm, bijvoorbeeld 4:30.")
        return math.nan


def _slots(lezer: _Lezer, raw: Any, veld: str, dag: str) -> list[Slot]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        lezer.fout(veld, f"Het dagprogramma {dag} moet een lijst van tijdvakken zijn.")
        return []
    slots = []
    for i, item in enumerate(raw):
        v = f"{veld}[{i}]"
        if not isinstance(item, dict):
            lezer.fout(v, f"Tijdvak {i + 1} van het dagprogramma {dag} is geen object met van/tot/functie.")
            continue
        tijden = []
        for key in ("van", "tot"):
            value = item.get(key)
            if value is None or value == "":
                lezer.fout(f"{v}.{key}", f"Tijdvak {i + 1} van het dagprogramma {dag}: de {'begintijd' if key == 'van' else 'eindtijd'} ({key}) ontbreekt.")
                tijden.append(math.nan)
                continue
            try:
                tijden.append(parse_tijdstip(value))
            except OngeldigeDuur:
                lezer.fout(f"{v}.{key}", f"Tijdvak {i + 1} van het dagprogramma {dag}: geen geldige tijd {toon(value)} bij '{key}'.")
                tijden.append(math.nan)
        for key in sorted(set(item) - {"van", "tot", "functie", "begeleider_op"}):
            lezer.fout(f"{v}.{key}", f"Tijdvak {i + 1} van het dagprogramma {dag}: onbekend onderdeel {toon(key)}.")
        functie = item.get("functie")
        if functie is not None and not isinstance(functie, str):
            functie = str(functie)
        ratio_raw = item.get("begeleider_op")
        ratio = lees_getal(ratio_raw)
        if ratio is None and ratio_raw not in (None, ""):
            lezer.fout(f"{v}.begeleider_op", f"Tijdvak {i + 1} van het dagprogramma {dag}: '1 begeleider op … cliënt(en)' is geen getal: {toon(ratio_raw)}.")
            ratio = math.nan
        slots.append(Slot(tijden[0], tijden[1], (functie.strip() or None) if functie else None, ratio, regel=i + 1))
    return slots


def lees_client(lezer: _Lezer, raw: Any, index: int) -> Client:
    base = f"clienten[{index}]"
    client = Client()
    if not isinstance(raw, dict):
        lezer.fout(base, f"Cliënt {index + 1} is geen object.")
        client.zorgprofiel = None
        return client
    for key in sorted(set(raw) - CLIENT_VELDEN):
        lezer.fout(f"{base}.{key}", f"Onbekend veld '{key}' bij cliënt {index + 1}.")
    zp = raw.get("zorgprofiel")
    client.zorgprofiel = zp.strip() if isinstance(zp, str) else (None if zp is None else str(zp))
    for key, label in (("dagbesteding", "dagbesteding van toepassing"), ("behandeling", "behandeling van toepassing"),
                       ("cce", "CCE betrokken in de afgelopen 3 jaar"), ("lvhc", "LVHC van toepassing")):  # fmt: skip
        value = raw.get(key)
        parsed = lees_ja_nee(value)
        if parsed is None and value not in (None, ""):
            niveau = FOUT if key in ("dagbesteding", "behandeling") else WAARSCHUWING
            lezer.meldingen.append(Melding(niveau, f"{base}.{key}", f"Cliënt {index + 1}, {label}: vul Ja of Nee in, niet {toon(value)}."))
        setattr(client, key, parsed)
    doelgroep = raw.get("doelgroep")
    client.doelgroep = None if doelgroep in (None, "") else str(doelgroep).strip()
    for key in UUR_VELDEN:
        setattr(client, key, _duur(lezer, raw, key, f"{base}.{key}", f"Cliënt {index + 1}, {VELD_NAMEN[key]}"))
    dp = raw.get("dagprogramma")
    if dp is not None:
        if not isinstance(dp, dict):
            lezer.fout(f"{base}.dagprogramma", f"Het dagprogramma van cliënt {index + 1} moet ma_vr en za_zo bevatten.")
        else:
            for key in sorted(set(dp) - {"ma_vr", "za_zo"}):
                lezer.fout(f"{base}.dagprogramma.{key}", f"Onbekend onderdeel '{key}' in het dagprogramma van cliënt {index + 1}.")
            client.dagprogramma = Dagprogramma(
                _slots(lezer, dp.get("ma_vr"), f"{base}.dagprogramma.ma_vr", "maandag-vrijdag"),
                _slots(lezer, dp.get("za_zo"), f"{base}.dagprogramma.za_zo", "zaterdag-zondag"),
            )
    client.context_euros = _euros(lezer, raw.get("context_euros"), f"{base}.context_euros", f"cliënt {index + 1}")
    naam = raw.get("naam")
    client.naam = None if naam is None else str(naam)
    bsn = raw.get("bsn")
    client.bsn = None if bsn in (None, "") else (f"{bsn:09d}" if isinstance(bsn, int) and not isinstance(bsn, bool) else str(bsn).strip())
    for key in ("geboortedatum", "opname", "ingang"):
        value = raw.get(key)
        if value in (None, ""):
            continue
        parsed = lees_datum(value)
        if parsed is None:
            lezer.fout(f"{base}.{key}", f"Geen geldige datum bij '{key}' van cliënt {index + 1}: {toon(value)}. Gebruik JJJJ-MM-DD.")
        setattr(client, key, parsed)
    maanden = raw.get("maanden")
    if maanden not in (None, ""):
        number = lees_getal(maanden)
        if number is None or number != int(number):
            lezer.fout(f"{base}.maanden", f"Aangevraagde periode van cliënt {index + 1} moet een geheel aantal maanden zijn, niet {toon(maanden)}.")
        else:
            client.maanden = int(number)
    return client


def _euros(lezer: _Lezer, raw: Any, veld: str, wie: str) -> tuple[float, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    values = []
    for i, item in enumerate(items):
        if item is None or item == "":
            values.append(0.0)
            continue
        number = lees_getal(item)
        if number is None:
            lezer.fout(f"{veld}[{i}]", f"Contextgebonden middelen ({wie}) moeten een bedrag zijn, niet {toon(item)}.")
            values.append(math.nan)
        else:
            values.append(number)
    return tuple(values)


def lees_aanvraag(data: Any) -> Aanvraag:
    """The model of a JSON aanvraag; problems are in ``invoer_meldingen``."""
    lezer = _Lezer()
    if not isinstance(data, dict):
        lezer.fout("aanvraag", "Het bestand bevat geen aanvraag (verwacht een JSON-object).")
        return Aanvraag(0, "", None, [], invoer_meldingen=lezer.meldingen)
    for key in sorted(set(data) - {"jaar", "soort", "tariefpercentage", "clienten", "groep"} - AANVRAAG_VELDEN):
        lezer.fout(key, f"Onbekend veld {toon(key)} in de aanvraag.")
    jaar = data.get("jaar")
    if isinstance(jaar, str) and jaar.strip().isdigit():
        jaar = int(jaar.strip())
    if isinstance(jaar, bool) or not isinstance(jaar, int) or not 1000 <= jaar <= 9999:
        if jaar is None:
            lezer.fout("jaar", "Het jaar van de aanvraag ontbreekt.")
        else:
            lezer.fout("jaar", f"Het jaar van de aanvraag is geen jaartal: {toon(jaar)}.")
        jaar = 0
    soort_raw = data.get("soort")
    soort = SOORT_ALIASSEN.get(soort_raw.strip().lower(), "") if isinstance(soort_raw, str) else ""
    if soort not in SOORTEN:
        if soort_raw in (None, ""):
            lezer.fout("soort", "De soort aanvraag ontbreekt; kies individueel, preventief of groep.")
        else:
            lezer.fout("soort", f"Onbekende soort aanvraag {toon(soort_raw)}; kies individueel, preventief of groep.")
    tarief_raw = data.get("tariefpercentage")
    tarief = lees_getal(tarief_raw)
    if tarief is None and tarief_raw not in (None, ""):
        lezer.fout("tariefpercentage", f"Het tariefpercentage is geen getal: {toon(tarief_raw)}.")
        tarief = math.nan
    clienten_raw = data.get("clienten")
    clienten: list[Client] = []
    if clienten_raw is None:
        clienten_raw = []
    if not isinstance(clienten_raw, list):
        lezer.fout("clienten", "'clienten' moet een lijst van cliënten zijn.")
        clienten_raw = []
    for i, raw in enumerate(clienten_raw):
        clienten.append(lees_client(lezer, raw, i))
    groep_uren = 0.0
    groep_euros: tuple[float, ...] = ()
    groep = data.get("groep")
    if groep is not None:
        if not isinstance(groep, dict):
            lezer.fout("groep", "'groep' moet een object zijn met context_uren_jaar en context_euros.")
        else:
            for key in sorted(set(groep) - {"context_uren_jaar", "context_euros"}):
                lezer.fout(f"groep.{key}", f"Onbekend veld '{key}' bij de groep.")
            groep_uren = _duur(lezer, groep, "context_uren_jaar", "groep.context_uren_jaar", "Groep, context-uren per jaar")
            groep_euros = _euros(lezer, groep.get("context_euros"), "groep.context_euros", "groep")
    aanvraag = Aanvraag(jaar, soort, tarief, clienten, groep_uren, groep_euros, lezer.meldingen)
    _voorblad(lezer, data, aanvraag)
    return aanvraag


def _tekst(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _voorblad(lezer: _Lezer, data: dict, a: Aanvraag) -> None:
    """The optional Voorblad fields; a key that is present is asked (empty = missing)."""
    for key in AANVRAAG_VELDEN & set(data):
        a.velden[key] = key
    clienten_raw = data.get("clienten")
    if isinstance(clienten_raw, list):
        for i, raw in enumerate(clienten_raw):
            if isinstance(raw, dict):
                for key in ("cce", "lvhc", "doelgroep"):
                    if key in raw:
                        a.velden[f"clienten[{i}].{key}"] = f"clienten[{i}].{key}"
    nh = _tekst(data.get("nieuw_her"))
    a.nieuw_her = NIEUW_HER_ALIASSEN.get(nh.lower(), nh) if nh else None
    a.sector = _tekst(data.get("sector"))
    a.sector = a.sector.upper() if a.sector else None
    cat = data.get("nza_categorie")
    if cat not in (None, ""):
        number = lees_getal(cat)
        if number is None or number != int(number):
            lezer.meldingen.append(Melding(WAARSCHUWING, "nza_categorie", f"De categorie van het NZa-registratienummer is geen getal: {toon(cat)}."))
        else:
            a.nza_categorie = int(number)
    a.nza_nummer = _tekst(data.get("nza_nummer"))
    a.agb_code = _tekst(data.get("agb_code"))
    a.ondertekenaar = _tekst(data.get("ondertekenaar"))
    datum = data.get("datum_ondertekening")
    if datum not in (None, ""):
        a.datum_ondertekening = lees_datum(datum)
        if a.datum_ondertekening is None:
            lezer.meldingen.append(Melding(WAARSCHUWING, "datum_ondertekening", f"De datum van ondertekening is geen geldige datum: {toon(datum)}. Gebruik JJJJ-MM-DD."))
