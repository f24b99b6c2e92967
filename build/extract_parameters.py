"""Extract a yearly parameter set from the official ZN rekentool workbook.

Usage (maintainers, once a year)::

    python build/extract_parameters.py ../shared/reference/Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx \
        --jaar 2026 > xl_meerzorg/parameters/jaar2026.toml

The official workbook is reference material and is never committed; this script
reads the hidden sheet *Data en informatie* (and two constants that live in
formulas of *Overzicht individueel*) straight from the sheet XML, so every
number is the exact IEEE double Excel stored, and writes a TOML file in which
every value names the cell it came from. Review the diff before committing.
"""

from __future__ import annotations

import argparse
import re
import sys
import zipfile
from xml.etree import ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
SECONDS_PER_DAY = 86400


def _col_row(ref: str) -> tuple[str, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m, ref
    return m.group(1), int(m.group(2))


class RawWorkbook:
    """Cell values (raw doubles / strings) and formulas of a trusted xlsx."""

    def __init__(self, path: str) -> None:
        self.zip = zipfile.ZipFile(path)
        wb = ET.fromstring(self.zip.read("xl/workbook.xml"))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        self.sheet_paths = {
            s.get("name"): "xl/" + targets[s.get(R_ID)].lstrip("/").removeprefix("xl/")
            for s in wb.find("m:sheets", NS)
        }
        try:
            sst = ET.fromstring(self.zip.read("xl/sharedStrings.xml"))
            self.strings = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])) for si in sst]
        except KeyError:
            self.strings = []
        self._cache: dict[str, dict[str, tuple[object, str | None]]] = {}

    def sheet(self, name: str) -> dict[str, tuple[object, str | None]]:
        if name not in self._cache:
            root = ET.fromstring(self.zip.read(self.sheet_paths[name]))
            cells: dict[str, tuple[object, str | None]] = {}
            for c in root.iter("{%s}c" % NS["m"]):
                v = c.find("m:v", NS)
                f = c.find("m:f", NS)
                t = c.get("t")
                value: object = None
                if v is not None and v.text is not None:
                    if t == "s":
                        value = self.strings[int(v.text)]
                    elif t in ("str", "inlineStr", "e"):
                        value = v.text
                    elif t == "b":
                        value = v.text == "1"
                    else:
                        value = float(v.text)
                cells[c.get("r")] = (value, f.text if f is not None else None)
            self._cache[name] = cells
        return self._cache[name]

    def value(self, sheet: str, ref: str) -> object:
        return self.sheet(sheet).get(ref, (None, None))[0]

    def validaties(self, sheet: str) -> list[tuple[str, str, str | None, str | None]]:
        """(sqref, type, formula1, formula2) of every data validation of a sheet, also the
        x14 extension ones (lists on another sheet) that openpyxl drops."""
        root = ET.fromstring(self.zip.read(self.sheet_paths[sheet]))
        out = []
        for dv in root.iter():
            if not dv.tag.endswith("}dataValidation"):
                continue
            sqref = dv.get("sqref")
            formulas: list[str | None] = [None, None]
            for child in dv.iter():
                name = child.tag.rsplit("}", 1)[-1]
                if name == "sqref" and child.text:
                    sqref = child.text
                elif name in ("formula1", "formula2"):
                    text = child.text
                    if text is None:
                        inner = [x for x in child.iter() if x is not child and x.text]
                        text = inner[0].text if inner else None
                    formulas[name == "formula2"] = text
            out.append((sqref or "", dv.get("type") or "", formulas[0], formulas[1]))
        return out

    def formula(self, sheet: str, ref: str) -> str | None:
        return self.sheet(sheet).get(ref, (None, None))[1]


def hms(days: float) -> str:
    """Readable h:mm:ss(.fff) of an Excel duration (for humans; the float is authoritative)."""
    ms = round(days * SECONDS_PER_DAY * 1000)
    s, ms = divmod(ms, 1000)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    text = f"{h}:{m:02d}:{s:02d}"
    return text + (f".{ms:03d}" if ms else "")


def q(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def serial_datum(serial: str) -> str:
    """ISO date of an Excel date serial (1900 system)."""
    import datetime as dt

    return (dt.date(1899, 12, 30) + dt.timedelta(days=int(float(serial)))).isoformat()


def lijst(wb: RawWorkbook, sheet: str, col: str, first: int, last: int) -> list[str]:
    values = [wb.value(sheet, f"{col}{r}") for r in range(first, last + 1)]
    return [str(v).strip() for v in values if v not in (None, "")]


def extract(path: str, jaar: int) -> str:
    wb = RawWorkbook(path)
    data = "Data en informatie"
    voorblad_versie = str(wb.value("Voorblad", "G6"))
    versie = voorblad_versie.replace("Versie", "").strip()
    doc = f"Aanvraagformulier meerzorg rekentool {jaar}, versie {versie}"
    src = lambda sheet, ref: f"{doc}, tabblad {sheet.strip()}, {ref}"  # noqa: E731

    out: list[str] = []
    w = out.append
    w(f"# Parameterset meerzorg {jaar}. Generated by build/extract_parameters.py from the official")
    w(f"# rekentool (versie {versie}); every value names its cell. Durations are Excel day fractions")
    w("# (the exact doubles the official workbook stores), with a readable h:mm:ss beside them.")
    w(f"jaar = {jaar}")
    w(f"versie = {q(versie)}")
    w(f"bron = {q(doc + ' (Zorgverzekeraars Nederland)')}")
    w("")

    # --- general constants -------------------------------------------------------------
    max_etmaal = wb.value(data, "Z40")
    assert isinstance(max_etmaal, float), max_etmaal
    factor_formula = wb.formula("Overzicht individueel ", "E14") or ""
    m = re.fullmatch(r"([0-9.]+)\*C14", factor_formula)
    assert m, factor_formula
    factor = float(m.group(1))
    fractie = wb.value("Overzicht individueel ", "G35")
    assert isinstance(fractie, float), fractie
    w("[algemeen.maximum_etmaalbedrag]")
    w(f"waarde = {max_etmaal!r}")
    w(f"bron = {q(src(data, 'cel Z40 (Maximaal etmaalbedrag)'))}")
    w("")
    w("[algemeen.behandelfactor]")
    w(f"waarde = {factor!r}")
    w(
        "bron = "
        + q(
            src("Overzicht individueel", "formule E14")
            + "; afgeleid uit de tarieven 2018 (verantwoording financiële keuzes, seed 001)"
        )
    )
    w("")
    w("[algemeen.context_drempel_fractie]")
    w(f"waarde = {fractie!r}")
    w(
        "bron = "
        + q(
            src("Overzicht individueel", "cel G35")
            + "; beleidstekst noemt 7,12%, de rekentool rekent met deze fractie"
        )
    )
    w("")
    w("[algemeen.meerzorg_grens_fractie]")
    w("waarde = 0.25")
    w(f"bron = {q(src(data, 'kolom D (25% uurgrens = B * 0.25)') + '; Beleidsregel meerzorg: 25% boven het zorgprofiel')}")
    w("")
    w("[algemeen.max_maanden]")
    w("waarde = 36")
    w(
        "bron = "
        + q(
            f"Toetsingskader meerzorg {jaar}: meerzorg wordt voor maximaal 36 maanden toegekend "
            f"(de rekentool staat op Voorblad G41 tot 48 maanden toe)"
        )
    )
    w("")

    # --- policy rules the form does not enforce (hand-curated; sources are the policy texts) ----
    w("[beleid.alleen_met_behandeling_en_dagbesteding]")
    w('waarde = ["VV7", "VV8"]')
    w(
        "bron = "
        + q(
            "Webinar administratie meerzorg (ZN, oktober 2025), dia 5: de profielen VV7 en VV8 hebben altijd "
            "de component dagbesteding en behandeling; op het sjabloon altijd Ja invullen"
        )
    )
    w("")
    if jaar >= 2026:
        w("[beleid.max_maanden_per_zorgprofiel]")
        w('waarde = { "VG7+" = 12 }')
        w(
            "bron = "
            + q(
                f"Beleidsdocument Samenwerken aan passende meerzorg {jaar}, par. 9 Termijnen: voor de doelgroep "
                "VG7 plus is de maximale termijn 1 jaar"
            )
        )
        w("")

    beleid_regels = [
        ("preventief_max_maanden", "6",
         f"Beleidsdocument Samenwerken aan passende meerzorg {jaar}, par. 7 Kortdurende meerzorg/preventieve "
         "meerzorg: uitbreiding van de zorg voor een tijdelijke periode van 3-6 maanden"),
        ("nachtzorg_standaard", q("2:00"),
         f"Toetsingskader meerzorg {jaar}, Nachtzorg: standaard mag de zorgaanbieder 2 uur nachtzorg per week "
         "opvoeren; als men meer dan 2 uur opvoert moet het waarom onderbouwd worden op cliëntniveau"),
        ("geen_verlenging", '["VG7+"]' if jaar >= 2026 else "[]",
         f"Beleidsdocument Samenwerken aan passende meerzorg {jaar}, par. 9 Termijnen: voor de doelgroep VG7 plus "
         "is er in principe geen verlenging mogelijk"),
        ("cce_termijn_jaren", "3",
         f"Beleidsdocument Samenwerken aan passende meerzorg {jaar}, Ontwikkeltrajecten: voor iedere cliënt met "
         "meerzorg geldt minimaal 1x per 3 jaar betrokkenheid van het CCE"),
    ]
    for naam, waarde, bron in beleid_regels:
        w(f"[beleid.{naam}]")
        w(f"waarde = {waarde}")
        w(f"bron = {q(bron)}")
        w("")

    # --- the form's own lists and input limits ---------------------------------------------
    def zoek(col: str, kop: str) -> int:
        for r in range(1, 200):
            if str(wb.value(data, f"{col}{r}") or "").strip() == kop:
                return r
        raise AssertionError(f"{kop} niet gevonden in kolom {col}")

    lijsten = [
        ("types_aanvraag", "Type aanvraag"),
        ("nieuw_her", "Nieuwe/Her"),
        ("sectoren", "Sector"),
    ]
    w("[lijsten]")
    for naam, kop in lijsten:
        r = zoek("Z", kop)
        items = []
        for rr in range(r + 1, r + 20):
            v = wb.value(data, f"Z{rr}")
            if v in (None, ""):
                break
            items.append(str(v).strip())
        w(f"{naam} = [" + ", ".join(q(x) for x in items) + "]")
        w(f"bron_{naam} = {q(src(data, f'Z{r + 1}:Z{r + len(items)} (lijst {kop})'))}")
    try:
        r = zoek("A", "Lijst LVHC")
    except AssertionError:
        w("doelgroepen = []")
        w(f"bron_doelgroepen = {q(doc + ': het formulier vraagt niet naar LVHC en doelgroep')}")
        w("lvhc_zorgprofielen = []")
        w(f"bron_lvhc_zorgprofielen = {q(doc + ': het formulier vraagt niet naar LVHC en doelgroep')}")
    else:
        doelgroepen = lijst(wb, data, "A", r + 1, r + 40)
        profielen_lvhc = lijst(wb, data, "B", r + 1, r + 40)
        w("doelgroepen = [" + ", ".join(q(x) for x in doelgroepen) + "]")
        w(f"bron_doelgroepen = {q(src(data, f'A{r + 1}:A{r + len(doelgroepen)} (Lijst LVHC; keuzelijst Clientgegevens Z7:Z23)'))}")
        w("lvhc_zorgprofielen = [" + ", ".join(q(x) for x in profielen_lvhc) + "]")
        w(f"bron_lvhc_zorgprofielen = {q(src(data, f'B{r + 1}:B{r + len(profielen_lvhc)} (Indicaties LVHC)'))}")
    w("")
    w("[formulier]")
    for sqref, typ, f1, f2 in wb.validaties("Voorblad"):
        if "G41" in sqref.split() and typ == "whole":
            w(f"maanden_min = {int(float(f1))}")
            w(f"maanden_max = {int(float(f2))}")
            w(f"bron_maanden = {q(src('Voorblad', 'gegevensvalidatie G41 (geheel getal)'))}")
        if typ == "date":
            w(f"ondertekening_van = {q(serial_datum(f1))}")
            w(f"ondertekening_tot = {q(serial_datum(f2))}")
            w(f"bron_ondertekening = {q(src('Voorblad', f'gegevensvalidatie {sqref} (datum ondertekening)'))}")
    for sqref, typ, f1, f2 in wb.validaties("Clientgegevens"):
        if typ == "date" and sqref.startswith("T7"):
            w(f"ingang_van = {q(serial_datum(f1))}")
            w(f"ingang_tot = {q(serial_datum(f2))}")
            w(f"bron_ingang = {q(src('Clientgegevens', f'gegevensvalidatie {sqref} (beoogde ingangsdatum)'))}")
    w("")

    # --- day programme ------------------------------------------------------------------
    tijden = []
    for r in range(2, 200):
        v = wb.value(data, f"AB{r}")
        if v is None:
            break
        tijden.append(v)
    ratios = []
    for r in range(2, 200):
        v = wb.value(data, f"AC{r}")
        if v is None:
            break
        ratios.append(v)
    w("[dagprogramma]")
    w(f"begin = {q(hms(tijden[0]))}")
    w(f"eind = {q(hms(tijden[-1]))}")
    stap = round((tijden[1] - tijden[0]) * 1440)
    w(f"stap_minuten = {stap}")
    w(f"bron_tijden = {q(src(data, f'AB2:AB{len(tijden) + 1} (lijst Tijden)'))}")
    w("begeleider_ratios = [" + ", ".join(repr(float(x)) for x in ratios) + "]")
    w(f"bron_ratios = {q(src(data, f'AC2:AC{len(ratios) + 1} (lijst Bezetting, 1 begeleider op … cliënt(en))'))}")
    w("")

    # --- zorgprofielen --------------------------------------------------------------------
    profielen = []
    for r in range(2, 40):
        name = wb.value(data, f"A{r}")
        if not name:
            break
        profielen.append((r, str(name)))
    index = {}
    for r in range(20, 60):
        name = wb.value(data, f"A{r}")
        rng = wb.value(data, f"B{r}")
        if isinstance(name, str) and isinstance(rng, str) and re.fullmatch(r"J\d+:M\d+", rng):
            index[name.upper()] = rng
    for r, name in profielen:
        uren = wb.value(data, f"B{r}")
        rate = wb.value(data, f"C{r}")
        pct = wb.value(data, f"E{r}")
        assert isinstance(uren, float) and isinstance(rate, float) and isinstance(pct, float), name
        w(f"[zorgprofielen.{q(name)}]")
        w(f"uren_per_week = {uren!r}  # {hms(uren)}")
        w(f"indirect_fractie = {pct!r}")
        w(f"maatwerk_uurbudget = {rate!r}")
        w(f"bron = {q(src(data, f'rij {r}: B{r} uren 2012, E{r} % indirecte uren, C{r} maatwerk rekenbudget'))}")
        w("")
        rng = index[name.upper()]
        m = re.fullmatch(r"J(\d+):M(\d+)", rng)
        first, last = int(m.group(1)), int(m.group(2))
        for br in range(first, last + 1):
            van = wb.value(data, f"J{br}")
            if van is None:
                continue  # the 2025 table leaves blank rows inside a range
            tot = wb.value(data, f"K{br}")
            label = str(wb.value(data, f"L{br}")).strip()
            bedrag = wb.value(data, f"M{br}")
            w(f"[[zorgprofielen.{q(name)}.banden]]")
            w(f"van = {van!r}  # {hms(van)}")
            if isinstance(tot, float):
                w(f"tot = {tot!r}  # {hms(tot)}")
            else:
                w("# tot: open (the official table has the text " + q(str(tot)) + ")")
            w(f"label = {q(label)}")
            if isinstance(bedrag, float):
                w(f"bedrag = {bedrag!r}")
                w('uitkomst = "' + label + '"')
            else:
                w(f"uitkomst = {q(str(bedrag).strip())}")
            w(f"bron = {q(src(data, f'J{br}:M{br} (index {rng})'))}")
            w("")

    # --- prestatiecodes -------------------------------------------------------------------
    names = {n.upper(): n for _, n in profielen}
    for r in range(2, 200):
        key = wb.value(data, f"O{r}")
        if not key:
            break
        code = str(wb.value(data, f"Q{r}"))
        oms = str(wb.value(data, f"P{r}")).strip()
        uren = wb.value(data, f"R{r}")
        m = re.fullmatch(r"(.+?)(Ja|Nee)(Ja|Nee)", str(key), flags=re.IGNORECASE)
        assert m, key
        zzp = names[m.group(1).upper()]
        behandeling = m.group(2).lower() == "ja"
        dagbesteding = m.group(3).lower() == "ja"
        w(f"[prestatiecodes.{q(code)}]")
        w(f"zorgprofiel = {q(zzp)}")
        w(f"behandeling = {'true' if behandeling else 'false'}")
        w(f"dagbesteding = {'true' if dagbesteding else 'false'}")
        w(f"omschrijving = {q(oms)}")
        w(f"uren_per_week = {uren!r}  # {hms(uren)}")
        w(f"bron = {q(src(data, f'rij {r}: O{r} sleutel {key}, Q{r} code, R{r} uren'))}")
        w("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("werkmap")
    p.add_argument("--jaar", type=int, required=True)
    a = p.parse_args(argv)
    sys.stdout.write(extract(a.werkmap, a.jaar))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
