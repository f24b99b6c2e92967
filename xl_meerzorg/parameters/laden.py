"""Load and validate a yearly parameter set (``jaarYYYY.toml`` beside this module).

There is no fallback to another year: asking for a year without a file raises
OnbekendJaar naming the years that exist. A file that is incomplete, has unknown keys,
bands that are not contiguous and increasing, or non-positive amounts raises
OngeldigeParameters naming the key.
"""

from __future__ import annotations

import datetime as dt

import functools
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..model import toon

# All zorgprofielen of the meerzorgsystematiek; VG7+ exists from 2026.
ZORGPROFIELEN = (
    "VG5", "VG7", "VG8", "VV7", "VV8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7",
    "ZG3AUD", "ZG5VIS", "GGZ6B", "GGZ7B", "GGZ4W", "GGZ5W",
)  # fmt: skip
ZORGPROFIELEN_VANAF = {"VG7+": 2026}
UITKOMST_NMW = "Niet meerzorg waardig"
UITKOMST_MAATWERK = "Maatwerk"
_PROFIEL = re.compile(r"^Meerzorgprofiel [1-6]$")
MAX_BAND_GAP_DAYS = 2 / 86400  # the official bands leave gaps of at most ~1.5 s


class OnbekendJaar(LookupError):
    """No parameter set for the requested year."""


class OngeldigeParameters(ValueError):
    """A parameter file that is incomplete or inconsistent."""


@dataclass(frozen=True, slots=True)
class Band:
    van: float  # lower bound of meerzorguren, Excel days (inclusive)
    tot: float | None  # upper bound as in the official table (None: open)
    label: str  # the official label ("Meerzorgprofiel 7" for a maatwerk band)
    uitkomst: str  # "Niet meerzorg waardig", "Meerzorgprofiel n" or "Maatwerk"
    bedrag: float | None  # NZa berekend (geïndexeerd) gemiddeld bedrag; None unless a profile
    bron: str


@dataclass(frozen=True, slots=True)
class Zorgprofiel:
    naam: str
    uren_per_week: float  # Excel days
    indirect_fractie: float
    maatwerk_uurbudget: float
    banden: tuple[Band, ...]
    bron: str

    @property
    def indirecte_uren(self) -> float:
        """Indirect basis hours per week (days), as the tool's column G: B * E."""
        return self.uren_per_week * self.indirect_fractie


@dataclass(frozen=True, slots=True)
class Prestatiecode:
    code: str
    zorgprofiel: str
    behandeling: bool
    dagbesteding: bool
    omschrijving: str
    uren_per_week: float  # Excel days deducted
    bron: str


@dataclass(frozen=True, slots=True)
class Waarde:
    waarde: float
    bron: str


@dataclass(frozen=True, slots=True)
class Regel:
    """A policy rule's value (a number, text or list) and the policy text it comes from."""

    waarde: object
    bron: str


@dataclass(frozen=True, slots=True)
class Lijsten:
    """The official form's dropdown lists of a year, each with its source cells."""

    types_aanvraag: tuple[str, ...]
    nieuw_her: tuple[str, ...]
    sectoren: tuple[str, ...]
    doelgroepen: tuple[str, ...]  # LVHC doelgroepen (2026 on; empty before)
    lvhc_zorgprofielen: tuple[str, ...]  # the profiles the form asks LVHC for
    bronnen: dict[str, str]


@dataclass(frozen=True, slots=True)
class Formulier:
    """Input limits the official form itself enforces (its data validations); None where
    that year's form has none."""

    maanden_min: int | None
    maanden_max: int | None
    ondertekening_van: dt.date | None
    ondertekening_tot: dt.date | None
    ingang_van: dt.date | None
    ingang_tot: dt.date | None
    bronnen: dict[str, str]


@dataclass(frozen=True)
class Parameters:
    jaar: int
    versie: str
    bron: str
    maximum_etmaalbedrag: Waarde
    behandelfactor: Waarde
    context_drempel_fractie: Waarde
    meerzorg_grens_fractie: Waarde
    max_maanden: Waarde
    dag_begin: float  # Excel days
    dag_eind: float
    stap_minuten: int
    begeleider_ratios: tuple[float, ...]
    bron_tijden: str
    bron_ratios: str
    zorgprofielen: dict[str, Zorgprofiel]
    prestatiecodes: dict[str, Prestatiecode]
    # Policy rules the official form does not enforce, each with its source.
    alleen_met_behandeling_en_dagbesteding: tuple[str, ...] = ()
    bron_alleen_met_behandeling_en_dagbesteding: str = ""
    max_maanden_per_zorgprofiel: dict[str, int] | None = None
    bron_max_maanden_per_zorgprofiel: str = ""
    preventief_max_maanden: Regel | None = None
    nachtzorg_standaard: Regel | None = None  # Excel days per week
    geen_verlenging: Regel | None = None  # tuple of zorgprofielen
    cce_termijn_jaren: Regel | None = None
    lijsten: Lijsten | None = None
    formulier: Formulier | None = None

    def __post_init__(self) -> None:
        by_key = {(p.zorgprofiel, p.behandeling, p.dagbesteding): p for p in self.prestatiecodes.values()}
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_names", {n.upper(): n for n in self.zorgprofielen})
        object.__setattr__(self, "_ratios", frozenset(round(r, 9) for r in self.begeleider_ratios))

    def ratio_toegestaan(self, ratio: float) -> bool:
        """Whether "1 begeleider op ratio cliënt(en)" is in the list of the form."""
        return round(ratio, 9) in self._ratios  # type: ignore[attr-defined]

    def zorgprofiel(self, naam: object) -> Zorgprofiel | None:
        """The zorgprofiel by name, case-insensitive and ignoring spaces (None if unknown)."""
        if not isinstance(naam, str):
            return None
        key = self._names.get(naam.replace(" ", "").upper())  # type: ignore[attr-defined]
        return self.zorgprofielen[key] if key else None

    def prestatiecode(self, zorgprofiel: str, behandeling: bool, dagbesteding: bool) -> Prestatiecode | None:
        return self._by_key.get((zorgprofiel, behandeling, dagbesteding))  # type: ignore[attr-defined]

    def combinaties(self, zorgprofiel: str) -> list[Prestatiecode]:
        return [p for p in self.prestatiecodes.values() if p.zorgprofiel == zorgprofiel]


def beschikbare_jaren() -> list[int]:
    jaren = []
    for entry in resources.files(__package__).iterdir():
        m = re.fullmatch(r"jaar(\d{4})\.toml", entry.name)
        if m:
            jaren.append(int(m.group(1)))
    return sorted(jaren)


def _take(table: dict, key: str, where: str, types: type | tuple[type, ...]):
    if key not in table:
        raise OngeldigeParameters(f"{where}: ontbrekende sleutel '{key}'")
    value = table[key]
    if isinstance(value, bool) and types is not bool or not isinstance(value, types):
        raise OngeldigeParameters(f"{where}.{key}: verkeerd type {type(value).__name__}")
    return value


def _no_unknown(table: dict, allowed: set[str], where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise OngeldigeParameters(f"{where}: onbekende sleutel(s) {', '.join(extra)}")


def _positive(value: float, where: str) -> float:
    if not math.isfinite(value) or value <= 0:
        raise OngeldigeParameters(f"{where}: moet positief zijn, is {value!r}")
    return float(value)


def _clock(text: str, where: str) -> float:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", text)
    if not m:
        raise OngeldigeParameters(f"{where}: geen tijd '{text}'")
    h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    return (h * 3600 + mi * 60 + s) / 86400


def _waarde(table: dict, key: str) -> Waarde:
    where = f"algemeen.{key}"
    t = _take(table, key, "algemeen", dict)
    _no_unknown(t, {"waarde", "bron"}, where)
    return Waarde(_positive(_take(t, "waarde", where, (int, float)), where), _take(t, "bron", where, str))


def _banden(naam: str, raw: list, where: str) -> tuple[Band, ...]:
    if not raw:
        raise OngeldigeParameters(f"{where}: geen banden")
    banden = []
    for i, b in enumerate(raw):
        w = f"{where}.banden[{i}]"
        _no_unknown(b, {"van", "tot", "label", "uitkomst", "bedrag", "bron"}, w)
        van = float(_take(b, "van", w, (int, float)))
        tot = b.get("tot")
        if tot is not None and (isinstance(tot, bool) or not isinstance(tot, (int, float))):
            raise OngeldigeParameters(f"{w}.tot: verkeerd type")
        uitkomst = _take(b, "uitkomst", w, str)
        label = _take(b, "label", w, str)
        bedrag = b.get("bedrag")
        if uitkomst == UITKOMST_NMW or uitkomst == UITKOMST_MAATWERK:
            if bedrag is not None:
                raise OngeldigeParameters(f"{w}.bedrag: geen bedrag bij '{uitkomst}'")
        elif _PROFIEL.match(uitkomst):
            if bedrag is None or isinstance(bedrag, bool) or not isinstance(bedrag, (int, float)):
                raise OngeldigeParameters(f"{w}.bedrag: ontbreekt bij '{uitkomst}'")
            _positive(bedrag, f"{w}.bedrag")
        else:
            raise OngeldigeParameters(f"{w}.uitkomst: onbekende uitkomst '{uitkomst}'")
        if van < 0:
            raise OngeldigeParameters(f"{w}.van: negatief")
        banden.append(
            Band(van, None if tot is None else float(tot), label, uitkomst,
                 None if bedrag is None else float(bedrag), _take(b, "bron", w, str))
        )  # fmt: skip
    if banden[0].uitkomst != UITKOMST_NMW:
        raise OngeldigeParameters(f"{where}: de eerste band moet '{UITKOMST_NMW}' zijn")
    if banden[-1].uitkomst != UITKOMST_MAATWERK or banden[-1].tot is not None:
        raise OngeldigeParameters(f"{where}: de laatste band moet een open band 'Maatwerk' zijn")
    for i in range(1, len(banden)):
        prev, cur = banden[i - 1], banden[i]
        w = f"{where}.banden[{i}]"
        if cur.uitkomst == UITKOMST_NMW:
            raise OngeldigeParameters(f"{w}: '{UITKOMST_NMW}' mag alleen de eerste band zijn")
        if prev.tot is None or not (prev.van < prev.tot < cur.van):
            raise OngeldigeParameters(f"{w}.van: banden niet oplopend")
        if cur.van - prev.tot > MAX_BAND_GAP_DAYS:
            raise OngeldigeParameters(f"{w}.van: gat tussen banden groter dan 2 seconden")
    profielen = [b.bedrag for b in banden if b.bedrag is not None]
    if any(b <= a for a, b in zip(profielen, profielen[1:])):
        raise OngeldigeParameters(f"{where}: bedragen van de meerzorgprofielen niet oplopend")
    return tuple(banden)


def _parse(data: dict, jaar: int) -> Parameters:
    top = {"jaar", "versie", "bron", "algemeen", "beleid", "dagprogramma", "zorgprofielen", "prestatiecodes", "lijsten", "formulier"}
    _no_unknown(data, top, f"jaar{jaar}")
    if _take(data, "jaar", "", int) != jaar:
        raise OngeldigeParameters(f"jaar: bestand jaar{jaar}.toml bevat jaar {data['jaar']}")
    alg = _take(data, "algemeen", "", dict)
    keys = {"maximum_etmaalbedrag", "behandelfactor", "context_drempel_fractie", "meerzorg_grens_fractie", "max_maanden"}
    _no_unknown(alg, keys, "algemeen")
    dp = _take(data, "dagprogramma", "", dict)
    _no_unknown(dp, {"begin", "eind", "stap_minuten", "bron_tijden", "begeleider_ratios", "bron_ratios"}, "dagprogramma")
    ratios = _take(dp, "begeleider_ratios", "dagprogramma", list)
    if not ratios or any(isinstance(r, bool) or not isinstance(r, (int, float)) or r < 0 for r in ratios):
        raise OngeldigeParameters("dagprogramma.begeleider_ratios: ongeldige lijst")
    if sorted(ratios) != ratios or len(set(ratios)) != len(ratios):
        raise OngeldigeParameters("dagprogramma.begeleider_ratios: niet oplopend")

    zp_raw = _take(data, "zorgprofielen", "", dict)
    expected = set(ZORGPROFIELEN) | {z for z, y in ZORGPROFIELEN_VANAF.items() if jaar >= y}
    missing = sorted(expected - set(zp_raw))
    if missing:
        raise OngeldigeParameters(f"zorgprofielen: ontbrekend {', '.join(missing)}")
    _no_unknown(zp_raw, expected, "zorgprofielen")
    zorgprofielen = {}
    for naam, z in zp_raw.items():
        w = f"zorgprofielen.{naam}"
        _no_unknown(z, {"uren_per_week", "indirect_fractie", "maatwerk_uurbudget", "bron", "banden"}, w)
        indirect = _take(z, "indirect_fractie", w, float)
        if not 0 < indirect < 1:
            raise OngeldigeParameters(f"{w}.indirect_fractie: moet tussen 0 en 1 liggen")
        zorgprofielen[naam] = Zorgprofiel(
            naam,
            _positive(_take(z, "uren_per_week", w, (int, float)), f"{w}.uren_per_week"),
            indirect,
            _positive(_take(z, "maatwerk_uurbudget", w, (int, float)), f"{w}.maatwerk_uurbudget"),
            _banden(naam, _take(z, "banden", w, list), w),
            _take(z, "bron", w, str),
        )
    pc_raw = _take(data, "prestatiecodes", "", dict)
    prestatiecodes = {}
    seen = set()
    for code, p in pc_raw.items():
        w = f"prestatiecodes.{code}"
        _no_unknown(p, {"zorgprofiel", "behandeling", "dagbesteding", "omschrijving", "uren_per_week", "bron"}, w)
        zzp = _take(p, "zorgprofiel", w, str)
        if zzp not in zorgprofielen:
            raise OngeldigeParameters(f"{w}.zorgprofiel: onbekend zorgprofiel '{zzp}'")
        key = (zzp, _take(p, "behandeling", w, bool), _take(p, "dagbesteding", w, bool))
        if key in seen:
            raise OngeldigeParameters(f"{w}: dubbele combinatie {key}")
        seen.add(key)
        prestatiecodes[code] = Prestatiecode(
            code, zzp, key[1], key[2], _take(p, "omschrijving", w, str),
            _positive(_take(p, "uren_per_week", w, (int, float)), f"{w}.uren_per_week"),
            _take(p, "bron", w, str),
        )  # fmt: skip
    without = sorted(z for z in zorgprofielen if not any(k[0] == z for k in seen))
    if without:
        raise OngeldigeParameters(f"prestatiecodes: geen prestatiecode voor {', '.join(without)}")
    beleid = data.get("beleid", {})
    if not isinstance(beleid, dict):
        raise OngeldigeParameters("beleid: verkeerd type")
    _no_unknown(beleid, {"alleen_met_behandeling_en_dagbesteding", "max_maanden_per_zorgprofiel", *_BELEID_REGELS}, "beleid")
    alleen, bron_alleen = (), ""
    if "alleen_met_behandeling_en_dagbesteding" in beleid:
        t = beleid["alleen_met_behandeling_en_dagbesteding"]
        w = "beleid.alleen_met_behandeling_en_dagbesteding"
        _no_unknown(t, {"waarde", "bron"}, w)
        alleen = tuple(_take(t, "waarde", w, list))
        bron_alleen = _take(t, "bron", w, str)
        unknown = [z for z in alleen if z not in zorgprofielen]
        if unknown:
            raise OngeldigeParameters(f"{w}: onbekend zorgprofiel {', '.join(map(str, unknown))}")
    max_per, bron_max = {}, ""
    if "max_maanden_per_zorgprofiel" in beleid:
        t = beleid["max_maanden_per_zorgprofiel"]
        w = "beleid.max_maanden_per_zorgprofiel"
        _no_unknown(t, {"waarde", "bron"}, w)
        max_per = dict(_take(t, "waarde", w, dict))
        bron_max = _take(t, "bron", w, str)
        for z, v in max_per.items():
            if z not in zorgprofielen or isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise OngeldigeParameters(f"{w}.{z}: ongeldig")
    regels = {naam: _regel(beleid, naam, check, zorgprofielen) for naam, check in _BELEID_REGELS.items()}
    return Parameters(
        **regels,
        lijsten=_lijsten(_take(data, "lijsten", "", dict), zorgprofielen),
        formulier=_formulier(_take(data, "formulier", "", dict)),
        alleen_met_behandeling_en_dagbesteding=alleen,
        bron_alleen_met_behandeling_en_dagbesteding=bron_alleen,
        max_maanden_per_zorgprofiel=max_per,
        bron_max_maanden_per_zorgprofiel=bron_max,
        jaar=jaar,
        versie=_take(data, "versie", "", str),
        bron=_take(data, "bron", "", str),
        maximum_etmaalbedrag=_waarde(alg, "maximum_etmaalbedrag"),
        behandelfactor=_waarde(alg, "behandelfactor"),
        context_drempel_fractie=_waarde(alg, "context_drempel_fractie"),
        meerzorg_grens_fractie=_waarde(alg, "meerzorg_grens_fractie"),
        max_maanden=_waarde(alg, "max_maanden"),
        dag_begin=_clock(_take(dp, "begin", "dagprogramma", str), "dagprogramma.begin"),
        dag_eind=_clock(_take(dp, "eind", "dagprogramma", str), "dagprogramma.eind"),
        stap_minuten=_take(dp, "stap_minuten", "dagprogramma", int),
        begeleider_ratios=tuple(float(r) for r in ratios),
        bron_tijden=_take(dp, "bron_tijden", "dagprogramma", str),
        bron_ratios=_take(dp, "bron_ratios", "dagprogramma", str),
        zorgprofielen=zorgprofielen,
        prestatiecodes=prestatiecodes,
    )


def _positief_geheel(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


_BELEID_REGELS = {
    "preventief_max_maanden": _positief_geheel,
    "nachtzorg_standaard": lambda v: isinstance(v, str),
    "geen_verlenging": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "cce_termijn_jaren": _positief_geheel,
}


def _regel(beleid: dict, naam: str, check, zorgprofielen: dict) -> Regel:
    w = f"beleid.{naam}"
    t = _take(beleid, naam, "beleid", dict)
    _no_unknown(t, {"waarde", "bron"}, w)
    if "waarde" not in t or not check(t["waarde"]):
        raise OngeldigeParameters(f"{w}.waarde: ontbreekt of ongeldig")
    waarde = t["waarde"]
    if naam == "nachtzorg_standaard":
        waarde = _clock(waarde, f"{w}.waarde")
    elif isinstance(waarde, list):
        unknown = [z for z in waarde if z not in zorgprofielen]
        if unknown:
            raise OngeldigeParameters(f"{w}: onbekend zorgprofiel {', '.join(unknown)}")
        waarde = tuple(waarde)
    return Regel(waarde, _take(t, "bron", w, str))


_LIJSTEN = ("types_aanvraag", "nieuw_her", "sectoren", "doelgroepen", "lvhc_zorgprofielen")


def _lijsten(t: dict, zorgprofielen: dict) -> Lijsten:
    _no_unknown(t, {*_LIJSTEN, *(f"bron_{n}" for n in _LIJSTEN)}, "lijsten")
    waarden = {}
    for naam in _LIJSTEN:
        items = _take(t, naam, "lijsten", list)
        if any(not isinstance(x, str) or not x for x in items) or len(set(items)) != len(items):
            raise OngeldigeParameters(f"lijsten.{naam}: ongeldige of dubbele waarden")
        if naam in ("types_aanvraag", "nieuw_her", "sectoren") and not items:
            raise OngeldigeParameters(f"lijsten.{naam}: leeg")
        waarden[naam] = tuple(items)
    unknown = [z for z in waarden["lvhc_zorgprofielen"] if z not in zorgprofielen]
    if unknown:
        raise OngeldigeParameters(f"lijsten.lvhc_zorgprofielen: onbekend zorgprofiel {', '.join(unknown)}")
    if bool(waarden["doelgroepen"]) != bool(waarden["lvhc_zorgprofielen"]):
        raise OngeldigeParameters("lijsten: doelgroepen en lvhc_zorgprofielen horen samen")
    bronnen = {naam: _take(t, f"bron_{naam}", "lijsten", str) for naam in _LIJSTEN}
    return Lijsten(**waarden, bronnen=bronnen)


def _datum(t: dict, key: str) -> dt.date | None:
    if key not in t:
        return None
    try:
        return dt.date.fromisoformat(_take(t, key, "formulier", str))
    except ValueError:
        raise OngeldigeParameters(f"formulier.{key}: geen datum JJJJ-MM-DD") from None


def _formulier(t: dict) -> Formulier:
    groepen = {"maanden": ("maanden_min", "maanden_max"), "ondertekening": ("ondertekening_van", "ondertekening_tot"),
               "ingang": ("ingang_van", "ingang_tot")}  # fmt: skip
    _no_unknown(t, {k for pair in groepen.values() for k in pair} | {f"bron_{g}" for g in groepen}, "formulier")
    bronnen = {}
    for g, (a, b) in groepen.items():
        present = [k in t for k in (a, b, f"bron_{g}")]
        if any(present) and not all(present):
            raise OngeldigeParameters(f"formulier.{g}: {a}, {b} en bron_{g} horen samen")
        if all(present):
            bronnen[g] = _take(t, f"bron_{g}", "formulier", str)
    mn, mx = t.get("maanden_min"), t.get("maanden_max")
    if mn is not None and (not _positief_geheel(mn) or not _positief_geheel(mx) or mx < mn):
        raise OngeldigeParameters("formulier.maanden: ongeldige grenzen")
    f = Formulier(mn, mx, _datum(t, "ondertekening_van"), _datum(t, "ondertekening_tot"),
                  _datum(t, "ingang_van"), _datum(t, "ingang_tot"), bronnen)  # fmt: skip
    for a, b in ((f.ondertekening_van, f.ondertekening_tot), (f.ingang_van, f.ingang_tot)):
        if a is not None and b is not None and b < a:
            raise OngeldigeParameters("formulier: einddatum ligt voor de begindatum")
    return f


def parse_parameters(text: str, jaar: int) -> Parameters:
    """Parse and validate parameter TOML text (used by the loader and by tests)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OngeldigeParameters(f"jaar{jaar}.toml: geen geldige TOML ({exc})") from exc
    return _parse(data, jaar)


@functools.lru_cache(maxsize=None)
def laad_parameters(jaar: int) -> Parameters:
    """The validated parameter set of ``jaar``; loaded once per process."""
    if isinstance(jaar, bool) or not isinstance(jaar, int):
        raise OnbekendJaar(f"Ongeldig jaar {toon(jaar)}; beschikbaar: {', '.join(map(str, beschikbare_jaren()))}")
    if jaar not in beschikbare_jaren():
        jaren = ", ".join(str(j) for j in beschikbare_jaren())
        raise OnbekendJaar(f"Geen parameterset voor {jaar if abs(jaar) < 10**6 else 'dat jaar'}; beschikbaar: {jaren}")
    path = resources.files(__package__) / f"jaar{jaar}.toml"
    return parse_parameters(path.read_text(encoding="utf-8"), jaar)
