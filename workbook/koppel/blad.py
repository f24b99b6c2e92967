"""The sheet "Python-controle": every engine cell is ONE UDF call on the form's own cells.

``bouw_cellen`` lays out the sheet as data (a list of ``Cel``); the formula text and the
cached value of a UDF cell come from the same ``Udf`` description, and the cached value is
computed by calling the very function of ``xl_meerzorg.udfs.meerzorg`` with the referenced cells as
xlwings passes them. ``blad_xml`` writes the cells as minimal SpreadsheetML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from xl_meerzorg.workbook import officieel
from xl_meerzorg.workbook.lite.controle import _is_getal, _tekst
from xl_meerzorg.workbook.lite.controle import verschil as verschil_waarde  # one rule for koppel and the Lite script
from xl_meerzorg.workbook.ooxml import ooxml_tekst, xml_escape

from .lezen import EPOCH, Formulier, kolom_index, kolom_letters
from .stijlen import kies_stijlen, opmaak_melding  # noqa: F401 - kies_stijlen re-exported

UDF_MODULE = "xl_meerzorg.udfs.meerzorg"
TOLERANTIE_EURO = 0.005  # half a cent
TOLERANTIE_DAGEN = 0.5 / 86400  # half a second
MELDING_RIJEN_MIN = 1


@dataclass(frozen=True)
class Ref:
    """A reference into the form: sheet name and an absolute cell or range ("$D$16:$D$74")."""

    blad: str
    ref: str

    def tekst(self) -> str:
        naam = self.blad.replace("'", "''")
        return f"'{naam}'!{self.ref}" if not naam.isalnum() else f"{naam}!{self.ref}"


@dataclass(frozen=True)
class Udf:
    naam: str
    args: tuple

    def tekst(self) -> str:
        return f"{self.naam}({','.join(_literal(a) for a in self.args)})"


def _literal(a: object) -> str:
    if isinstance(a, Ref):
        return a.tekst()
    if isinstance(a, str):
        return '"' + a.replace('"', '""') + '"'
    if isinstance(a, bool):
        return "TRUE" if a else "FALSE"
    if isinstance(a, (int, float)):
        return str(int(a)) if float(a).is_integer() else repr(float(a))
    raise TypeError(a)


@dataclass
class Cel:
    ref: str  # "B8"
    waarde: object = None  # static value or cached value
    formule: str | None = None
    stijl: str | None = None  # "kop", "tijd", "euro" (stijlen.kies_stijlen); None: the default
    array_ref: str | None = None  # spilling formula: the range of the cached rows
    soort: str = "tekst"  # tekst, verwijzing, udf, verschil, spill


@dataclass
class Blad:
    cellen: list[Cel] = field(default_factory=list)
    verschillen: list[tuple[str, str]] = field(default_factory=list)  # (cell ref, "euro"/"tijd"/"tekst")
    breedtes: dict[int, float] = field(default_factory=dict)


def excel_cache(v: object) -> object:
    """A calamine value as the cached value of a plain reference to it."""
    if isinstance(v, dt.timedelta):
        return v.total_seconds() / 86400
    if isinstance(v, dt.time):
        return (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
    if isinstance(v, dt.datetime):
        d = v - EPOCH
        return d.days + d.seconds / 86400 + d.microseconds / 86400e6
    if isinstance(v, dt.date):
        return float((v - EPOCH.date()).days)
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        return v
    return ""


def verschil_formule(f: str, p: str, soort: str) -> str:
    both = f"AND(ISNUMBER({f}),ISNUMBER({p}))"
    if soort == "euro":
        return f'IF({both},{p}-{f},IF(ISNUMBER({f})=ISNUMBER({p}),"gelijk","verschil"))'
    return f'IF({both},{p}-{f},IF({f}&""={p}&"","gelijk","verschil"))'


def markeer_formule(cel: str, soort: str) -> str:
    tol = {"euro": "0.005", "tijd": "0.5/86400"}.get(soort, "0")
    return f'OR({cel}="verschil",AND(ISNUMBER({cel}),ABS({cel})>{tol}))'


# --------------------------------------------------------------------------- layout

KOLOMMEN = {
    "nr": "A", "naam": "B", "zorgprofiel": "C", "prestatiecode": "D",
    "uitkomst": ("E", "F", "G"), "meerzorguren": ("H", "I", "J"), "jaarbedrag": ("K", "L", "M"),
    "etmaalbedrag": ("N", "O", "P"), "beleid": "Q",
}  # fmt: skip
UITVOER_SOORT = {"uitkomst": "tekst", "meerzorguren": "tijd", "jaarbedrag": "euro", "etmaalbedrag": "euro"}
UITVOER_UDF = {"uitkomst": "uitkomst_label", "meerzorguren": "meerzorguren", "jaarbedrag": "jaarbedrag", "etmaalbedrag": "etmaalbedrag"}
KOPTEKSTEN = {
    "uitkomst": "Uitkomst", "meerzorguren": "Meerzorguren (week)", "jaarbedrag": "Jaarbedrag", "etmaalbedrag": "Etmaalbedrag",
}  # fmt: skip
BREEDTES = {0: 8, 1: 22, 2: 12, 3: 13, 4: 24, 5: 24, 6: 10, 7: 14, 8: 14, 9: 12, 10: 14, 11: 14, 12: 12, 13: 13, 14: 13, 15: 12, 16: 40}

UITLEG = (
    "Dit blad rekent het formulier na met de Python-rekenkern (xl-meerzorg) via xlwings. Per uitkomst staan "
    "naast elkaar: de waarde van het formulier, de waarde van Python en het verschil (Python min formulier). "
    "Een verschil van meer dan een halve cent of een halve seconde is rood gemarkeerd "
    "(een negatief urenverschil toont Excel als ####; LibreOffice toont het met een minteken)."
)
UITLEG_2 = (
    "Zonder xlwings toont Excel de waarden van het moment van koppelen; na herberekenen staat er #NAAM?. "
    "Zie docs/koppel.md."
)


class Bouwer:
    """Builds the cells; ``udf`` resolves the arguments and calls the UDF for the cached value."""

    def __init__(self, f: Formulier, module) -> None:
        self.f = f
        self.module = module
        self.blad = Blad(breedtes=dict(BREEDTES))

    # values -------------------------------------------------------------
    def arg_waarde(self, a: object) -> object:
        if isinstance(a, Ref):
            return self.f.waarde(a.blad, a.ref.replace("$", ""))
        if isinstance(a, bool) or isinstance(a, str):
            return a
        if isinstance(a, (int, float)):
            return float(a)
        raise TypeError(a)

    def roep(self, u: Udf) -> object:
        func: Callable = getattr(self.module, u.naam)
        return func(*(self.arg_waarde(a) for a in u.args))

    # cells --------------------------------------------------------------
    def tekst(self, ref: str, tekst: object, stijl: str | None = None) -> None:
        self.blad.cellen.append(Cel(ref, tekst, stijl=stijl))

    def verwijzing(self, ref: str, doel: Ref, stijl: str | None = None) -> object:
        waarde = excel_cache(self.f.ruw(doel.blad, doel.ref.replace("$", "")))
        self.blad.cellen.append(Cel(ref, waarde, doel.tekst(), stijl, soort="verwijzing"))
        return waarde

    def udf(self, ref: str, u: Udf, stijl: str | None = None) -> object:
        waarde = self.roep(u)
        self.blad.cellen.append(Cel(ref, waarde, u.tekst(), stijl, soort="udf"))
        return waarde

    def spill(self, rij: int, u: Udf) -> int:
        """A spilling call at column A of ``rij`` with its cached rows; returns the rows used."""
        rijen = self.roep(u)
        if not isinstance(rijen, list) or not rijen:
            rijen = [[rijen]]
        rijen = [r if isinstance(r, list) else [r] for r in rijen]
        breedte = max(len(r) for r in rijen)
        eind = f"{kolom_letters(breedte - 1)}{rij + len(rijen) - 1}"
        for i, r in enumerate(rijen):
            for j in range(breedte):
                v = r[j] if j < len(r) else ""
                ref = f"{kolom_letters(j)}{rij + i}"
                if i == 0 and j == 0:
                    self.blad.cellen.append(Cel(ref, v, u.tekst(), None, array_ref=f"A{rij}:{eind}", soort="spill"))
                else:
                    self.blad.cellen.append(Cel(ref, v, soort="spill-waarde"))
        return len(rijen)

    def uitvoer(self, rij: int, naam: str, formulier_ref: Ref, u: Udf) -> None:
        kf, kp, kv = KOLOMMEN[naam]
        soort = UITVOER_SOORT[naam]
        stijl = {"tijd": "tijd", "euro": "euro"}.get(soort)
        fw = self.verwijzing(f"{kf}{rij}", formulier_ref, stijl)
        pw = self.udf(f"{kp}{rij}", u, stijl)
        vw = verschil_waarde(fw, pw, soort)
        formule = verschil_formule(f"{kf}{rij}", f"{kp}{rij}", soort)
        self.blad.cellen.append(Cel(f"{kv}{rij}", vw, formule, stijl, soort="verschil"))
        self.blad.verschillen.append((f"{kv}{rij}", soort))

    def kopregel(self, rij: int) -> None:
        self.tekst(f"A{rij}", "Cliënt", "kop")
        self.tekst(f"B{rij}", "Naam", "kop")
        self.tekst(f"C{rij}", "Zorgprofiel", "kop")
        self.tekst(f"D{rij}", "Prestatiecode", "kop")
        for naam, (kf, kp, kv) in ((k, v) for k, v in KOLOMMEN.items() if isinstance(v, tuple)):
            self.tekst(f"{kf}{rij}", f"{KOPTEKSTEN[naam]} formulier", "kop")
            self.tekst(f"{kp}{rij}", f"{KOPTEKSTEN[naam]} Python", "kop")
            self.tekst(f"{kv}{rij}", "Verschil", "kop")
        self.tekst(f"Q{rij}", "Uitkomst Python (beleid)", "kop")


def _heeft_lvhc(f: Formulier, jaar: int) -> bool:
    """The LVHC and doelgroep columns (2026 on), recognised as lees_officieel does."""
    return jaar >= officieel.LVHC_VANAF and "doelgroep" in str(f.ruw(f.bladen["clientgegevens"], "Z6") or "").lower()


def _ind_args(f: Formulier, jaar: int) -> tuple:
    """The arguments of MZ_INDIVIDUEEL for the form's cells, in the UDF's order (the
    client fields and the Voorblad's nieuw/heraanvraag too, so the live check reports
    what the engine reports; "" where the form has no such field)."""
    b = f.bladen
    vb, cg, ai = b["voorblad"], b["clientgegevens"], b["aanvraag_individueel"]
    kol = lambda blad, c: Ref(blad, f"${c}${officieel.DAG_RIJEN[0]}:${c}${officieel.DAG_RIJEN[-1]}")  # noqa: E731
    lvhc = (Ref(cg, "$X$7"), Ref(cg, "$Z$7")) if _heeft_lvhc(f, jaar) else ("", "")
    return (
        jaar, Ref(vb, "$C$23"), Ref(vb, "$C$17"), Ref(cg, "$J$7"), Ref(cg, "$L$7"), Ref(cg, "$N$7"),
        *(kol(ai, c) for c in officieel.DAG_MA_VR), *(kol(ai, c) for c in officieel.DAG_ZA_ZO),
        Ref(ai, "$I$5"), Ref(ai, "$I$6"), Ref(ai, "$I$7"), Ref(ai, "$I$8"), Ref(ai, "$V$5:$V$6"), Ref(vb, "$G$41"),
        Ref(cg, "$D$7"), Ref(cg, "$H$7"), Ref(cg, "$F$7"), Ref(cg, "$R$7"), Ref(cg, "$T$7"), Ref(cg, "$V$7"), *lvhc,
        Ref(vb, "$C$20"),
    )  # fmt: skip


def _groep_args(f: Formulier, jaar: int) -> tuple:
    b = f.bladen
    vb, cg, gr = b["voorblad"], b["clientgegevens"], b["groep"]
    c1, c2 = officieel.CLIENT_RIJEN[0], officieel.CLIENT_RIJEN[-1]
    g1, g2 = c1 + officieel.GROEP_RIJ_OFFSET, c2 + officieel.GROEP_RIJ_OFFSET
    kol = lambda c: Ref(cg, f"${c}${c1}:${c}${c2}")  # noqa: E731
    lvhc = (kol("X"), kol("Z")) if _heeft_lvhc(f, jaar) else ("", "")
    return (
        jaar, Ref(vb, "$C$17"),
        *(kol(c) for c in ("D", "J", "L", "N")),
        *(Ref(gr, f"${c}${g1}:${c}${g2}") for c in officieel.GROEP_KOLOMMEN.values()),
        Ref(gr, "$C$8"), Ref(gr, "$C$11:$C$12"), Ref(vb, "$G$41"),
        kol("H"), kol("F"), kol("R"), kol("T"), kol("V"), *lvhc, Ref(vb, "$C$20"),
    )  # fmt: skip


def _individueel(b: Bouwer, rij: int) -> int:
    f = b.f
    bl = f.bladen
    args = _ind_args(f, f.jaar)
    b.tekst(f"A{rij}", "Individuele of preventieve aanvraag", "kop")
    rij += 1
    b.kopregel(rij)
    rij += 1
    b.tekst(f"A{rij}", 1)
    cg, oi, vb = bl["clientgegevens"], bl["overzicht_individueel"], bl["voorblad"]
    b.verwijzing(f"B{rij}", Ref(cg, "$D$7"))
    b.verwijzing(f"C{rij}", Ref(cg, "$J$7"))
    b.verwijzing(f"D{rij}", Ref(cg, "$P$7"))
    u = officieel.UITVOER
    bron = {
        "uitkomst": Ref(oi, f"${u.label[0]}${u.label[1:]}"),
        "meerzorguren": Ref(oi, f"${u.meerzorguren[0]}${u.meerzorguren[1:]}"),
        "jaarbedrag": Ref(vb, "$G$37"),
        "etmaalbedrag": Ref(oi, f"${u.etmaalbedrag[0]}${u.etmaalbedrag[1:]}"),
    }
    for naam, ref in bron.items():
        b.uitvoer(rij, naam, ref, Udf("MZ_INDIVIDUEEL", (UITVOER_UDF[naam], *args)))
    b.udf(f"Q{rij}", Udf("MZ_INDIVIDUEEL", ("uitkomst", *args)))
    rij += 1
    b.tekst(f"A{rij}", "Totaal", "kop")
    b.uitvoer(rij, "jaarbedrag", Ref(vb, "$G$37"), Udf("MZ_INDIVIDUEEL", ("jaarbedrag", *args)))
    b.uitvoer(rij, "etmaalbedrag", Ref(vb, "$G$39"), Udf("MZ_INDIVIDUEEL", ("etmaalbedrag", *args)))
    rij += 2
    b.tekst(f"A{rij}", "Meldingen (niveau, veld, tekst)", "kop")
    rij += 1
    rij += b.spill(rij, Udf("MZ_MELDINGEN", args))
    return rij + 1


def _groep(b: Bouwer, rij: int) -> int:
    f = b.f
    bl = f.bladen
    args = _groep_args(f, f.jaar)
    cg, gr, vb = bl["clientgegevens"], bl["groep"], bl["voorblad"]
    u = officieel.UITVOER
    b.tekst(f"A{rij}", "Groepsaanvraag", "kop")
    rij += 1
    b.kopregel(rij)
    rij += 1
    for nr, crij in enumerate(officieel.CLIENT_RIJEN, start=1):
        grij = crij + officieel.GROEP_RIJ_OFFSET
        b.tekst(f"A{rij}", nr)
        b.verwijzing(f"B{rij}", Ref(cg, f"$D${crij}"))
        b.verwijzing(f"C{rij}", Ref(cg, f"$J${crij}"))
        b.verwijzing(f"D{rij}", Ref(cg, f"$P${crij}"))
        # Q holds the profile amount or the text "Maatwerk"; then S holds the maatwerk amount.
        q = f.ruw(gr, f"{u.groep_jaarbedrag_profiel}{grij}")
        jb_kol = u.groep_jaarbedrag_maatwerk if isinstance(q, str) and q.strip().lower() == "maatwerk" else u.groep_jaarbedrag_profiel
        bron = {
            "uitkomst": Ref(gr, f"${u.groep_label}${grij}"),
            "meerzorguren": Ref(gr, f"${u.groep_meerzorguren}${grij}"),
            "jaarbedrag": Ref(gr, f"${jb_kol}${grij}"),
            "etmaalbedrag": Ref(gr, f"${u.groep_etmaalbedrag}${grij}"),
        }
        for naam, ref in bron.items():
            b.uitvoer(rij, naam, ref, Udf("MZ_GROEP", (UITVOER_UDF[naam], nr, *args)))
        b.udf(f"Q{rij}", Udf("MZ_GROEP", ("uitkomst", nr, *args)))
        rij += 1
    b.tekst(f"A{rij}", "Totaal", "kop")
    b.uitvoer(rij, "jaarbedrag", Ref(vb, "$G$37"), Udf("MZ_GROEP", ("totaal_jaarbedrag", 1, *args)))
    b.uitvoer(rij, "etmaalbedrag", Ref(vb, "$G$39"), Udf("MZ_GROEP", ("totaal_etmaalbedrag", 1, *args)))
    rij += 2
    b.tekst(f"A{rij}", "Meldingen groep (niveau, veld, tekst)", "kop")
    rij += 1
    rij += b.spill(rij, Udf("MZ_GROEP_MELDINGEN", args))
    return rij + 1


def bouw_cellen(f: Formulier, module) -> Blad:
    """All cells of the Python-controle sheet for form ``f``."""
    b = Bouwer(f, module)
    b.tekst("A1", "Python-controle", "kop")
    b.tekst("A2", UITLEG)
    b.tekst("A3", UITLEG_2)
    b.tekst("A4", "Rekenkern", "kop")
    b.udf("B4", Udf("MZ_VERSIE", (f.jaar,)))
    b.tekst("A5", "Formulier", "kop")
    b.verwijzing("B5", Ref(f.bladen["voorblad"], "$" + officieel.VERSIE_CEL[0] + "$" + officieel.VERSIE_CEL[1:]))
    rij = 7
    type_ = f.type_tekst.lower()
    if "groep" in type_:
        rij = _groep(b, rij)
    elif type_:
        rij = _individueel(b, rij)
    else:  # type not chosen yet: both layouts
        rij = _individueel(b, rij)
        rij = _groep(b, rij + 1)
    return b.blad


# --------------------------------------------------------------------------- XML

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _xml_tekst(s: str) -> str:
    """A cell text as XML: control characters (a client name with ESC or NUL) as OOXML
    ``_xHHHH_``, which Excel and calamine read back as the character."""
    return xml_escape(ooxml_tekst(s))


def _cel_xml(c: Cel, stijlen: dict[str, int], cm: bool) -> str:
    s = stijlen.get(c.stijl or "standaard")
    attrs = f' r="{c.ref}"' + (f' s="{s}"' if s is not None else "")
    v = c.waarde
    if c.formule is None and c.soort in ("tekst",):
        if isinstance(v, str):
            return f'<c{attrs} t="inlineStr"><is><t xml:space="preserve">{_xml_tekst(v)}</t></is></c>'
        if v is None:
            return ""
    f = ""
    if c.formule is not None:
        if c.array_ref:
            if cm:
                attrs += ' cm="1"'
            f = f'<f t="array" ref="{c.array_ref}">{xml_escape(c.formule)}</f>'
        else:
            f = f"<f>{xml_escape(c.formule)}</f>"
    if isinstance(v, bool):
        return f'<c{attrs} t="b">{f}<v>{int(v)}</v></c>'
    if _is_getal(v):
        return f"<c{attrs}>{f}<v>{repr(float(v))}</v></c>"
    if c.formule is None and c.soort == "spill-waarde":
        return f'<c{attrs} t="str"><v>{_xml_tekst(_tekst(v))}</v></c>'
    return f'<c{attrs} t="str">{f}<v>{_xml_tekst(_tekst(v))}</v></c>'


def blad_xml(blad: Blad, stijlen: dict[str, int], dxf_id: int | None, cm: bool, beveiligd: bool = True) -> bytes:
    rijen: dict[int, list[Cel]] = {}
    maxrij, maxkol = 1, 0
    for c in blad.cellen:
        letters = c.ref.rstrip("0123456789")
        r = int(c.ref[len(letters):])
        rijen.setdefault(r, []).append(c)
        maxrij, maxkol = max(maxrij, r), max(maxkol, kolom_index(letters))
    delen = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<worksheet xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
        '<sheetPr><tabColor rgb="FF2E75B6"/></sheetPr>',
        f'<dimension ref="A1:{kolom_letters(maxkol)}{maxrij}"/>',
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
        '<sheetFormatPr defaultRowHeight="15"/>',
        "<cols>",
        *(f'<col min="{k + 1}" max="{k + 1}" width="{w}" customWidth="1"/>' for k, w in sorted(blad.breedtes.items())),
        "</cols><sheetData>",
    ]
    for r in sorted(rijen):
        cellen = sorted(rijen[r], key=lambda c: kolom_index(c.ref.rstrip("0123456789")))
        delen.append(f'<row r="{r}">' + "".join(_cel_xml(c, stijlen, cm) for c in cellen) + "</row>")
    delen.append("</sheetData>")
    if beveiligd:  # the -lite copy's sheet is written by the script: not protected
        delen.append('<sheetProtection sheet="1" objects="1" scenarios="1"/>')
    if dxf_id is not None:
        for prio, (ref, soort) in enumerate(blad.verschillen, start=1):
            delen.append(
                f'<conditionalFormatting sqref="{ref}"><cfRule type="expression" dxfId="{dxf_id}" priority="{prio}">'
                f"<formula>{xml_escape(markeer_formule(ref, soort))}</formula></cfRule></conditionalFormatting>"
            )
    delen.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    delen.append("</worksheet>")
    return "".join(delen).encode("utf-8")


def conf_xml() -> bytes:
    """The xlwings.conf sheet: A1 "UDF Modules", B1 the module."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{NS}"><dimension ref="A1:B1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="2" width="20" customWidth="1"/></cols><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>UDF Modules</t></is></c>'
        f'<c r="B1" t="inlineStr"><is><t>{UDF_MODULE}</t></is></c>'
        '</row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
    ).encode("utf-8")
