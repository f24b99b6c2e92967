"""Plain Excel formulas of the form, generated from the engine's rules.

Every computed cell follows the operation order of ``xl_meerzorg.berekening`` (chained
``+`` instead of SUM so that the sums are the same IEEE doubles as the engine's
sequential sums). Parameters come from the hidden sheet *Parameters* through defined
names (``mzp_*``). Only functions that Excel 2010+ and LibreOffice both compute are used
(IF, AND, OR, INDEX, MATCH, COUNTIF, SUMPRODUCT, MID, TEXT, ...): no dynamic arrays, LET or
XLOOKUP.

Inputs are read by hidden helper cells (``lees_*``) that accept exactly what the engine's
coercion accepts (``xl_meerzorg.excelwaarden``: "4:30", "4,5", "09:00", "95%", "1,5",
"€ 5.000,00", "17-05-1990", WAAR/ONWAAR ...) with locale-independent text functions; every
calculation and check reads those helpers, never the raw input.

``formules(p, variant)`` returns {(sheet, cell): "=..."} for every formula cell.
"""

from __future__ import annotations

from xl_meerzorg.parameters import Parameters
from xl_meerzorg.parameters.laden import UITKOMST_MAATWERK, UITKOMST_NMW
from xl_meerzorg.model import VALT_BINNEN, getal_nl
from xl_meerzorg.tijd import format_uren_minuten
from xl_meerzorg.validatie import MAX_EUROS, MAX_MAANDEN_REKENTOOL, MAX_UREN

from .layout import (
    AANBIEDER,
    AANVRAAG_IND,
    CLIENTGEGEVENS,
    GROEP,
    LEES_DATUM,
    LEES_DUUR,
    LEES_GETAL,
    LEES_TIJDSTIP,
    AI_DAG_KETEN,
    AI_DAG_LET_OP,
    AI_DAG_LET_OP_AANTAL,
    AI_DAG_LET_OP_EERSTE,
    AI_LET_OP,
    CG_CCE_WAARDE,
    CG_CONTROLE,
    CG_JA_NEE,
    CG_LET_OP,
    CG_LET_OP_EXTRA,
    CG_LVHC,
    CG_LVHC_WAARDE,
    CG_VV,
    CG_WAARDE,
    heeft_lvhc,
    NIEUW_HER,
    ondertekening,
    SECTOREN,
    STATUS_RIJ,
    GR_LET_OP,
    LEZERS,
    OVERZICHT_IND,
    kolom_plus,
    PARAMETERS,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    VOORBLAD,
    ZORGKANTOOR_UDF,
)
from .officieel import CLIENT_RIJEN, DAG_RIJEN, GROEP_RIJ_OFFSET

V = VOORBLAD
CG = f"'{CLIENTGEGEVENS}'"
AI = f"'{AANVRAAG_IND}'"
AI_BLAD = AANVRAAG_IND
OI = f"'{OVERZICHT_IND}'"
GR = f"'{GROEP}'"

# Parameters sheet geometry
ZP_START = 20  # first zorgprofiel row
PC_START = 60  # first prestatiecode row
LIJST_KOL_RATIO = "BA"
LIJST_KOL_TIJD = "BB"
LIJST_KOL_TEKST = "BD"  # BD:BE: code -> text of the messages (mzp_teksten)
LIJST_KOL_NZA = "BG"  # BG:BI: the NZa registrations of the year (mzp_nza: nr, name, zorgkantoor number)
LIJST_KOL_ZK = "BJ"  # BJ:BK: the zorgkantoren (mzp_zk: region, insurer)
LIJST_KOL_DOELGROEP = "BM"  # the doelgroepen (LVHC, 2026)
BAND_KOL = 8  # column H: first band lower bound
GROOT = "1E+300"  # padding for unused band bounds (MATCH never reaches it)

# Helper cells on the Voorblad (column L, outside the print area)
SOORT = f"{V}!$L$23"  # "individueel" / "preventief" / "groep" / "" / "?"
FOUT_ALG = f"{V}!$L$29"  # first general message
FOUT_IND = f"{V}!$L$96"  # 1 when the individual calculation has a fout
FOUT_GRP = f"{V}!$L$97"  # 1 when the group calculation has a fout
TARIEF = f"{V}!$L$17"  # the tariff as read (lees_getal of C17)

EPS = "1E-9"


def q(text: str) -> str:
    """A string literal in a formula."""
    return '"' + text.replace('"', '""') + '"'


# --------------------------------------------------------------------------- reading inputs
#
# Every input cell the calculation needs is read by hidden helper cells (``lees_*``,
# placed by ``layout.LEZERS``) that accept exactly what the engine's coercion accepts
# (``xl_meerzorg.excelwaarden``): numbers as they are, and text such as "4:30", "4,5 uur",
# "09:00", "95%", "€ 5.000,00", "1,5", "17-05-1990", "ja". Text is parsed with
# FIND/MID/SUBSTITUTE and arithmetic on digit strings only (VALUE of digits is the same in
# every locale), never with VALUE/DATEVALUE of text with separators, which depends on the
# locale of Excel or LibreOffice.
#
# The last helper cell of an input holds its value: a number, "" (empty) or a text code
# for a value the engine rejects (``REDENEN``). The calculation and the checks read that
# cell instead of the input.

NBSP = "\u00a0"
# code of an unreadable value -> the reason shown in the message (Parameters: mzp_teksten)
REDENEN = {
    "fout": "de cel bevat een foutwaarde",
    "logisch": "WAAR of ONWAAR is geen waarde voor dit veld",
    "minuten": "de minuten moeten 0 tot en met 59 zijn",
    "seconden": "de seconden moeten 0 tot en met 59 zijn",
    "uur": "het uur moet 0 tot en met 24 zijn",
    "bereik": "dit getal is geen datum",
    "datum": "deze datum bestaat niet",
}
# what to do, per kind of input (Parameters: mzp_teksten)
UITLEG = {
    "uitleg:duur": "vul uren:minuten in, bijvoorbeeld 4:30 of 40:00.",
    "uitleg:tijd": "kies een tijd uit de lijst of vul uu:mm in, bijvoorbeeld 09:30.",
    "uitleg:ratio": "kies een waarde uit de lijst.",
    "uitleg:euro": "vul een bedrag in euro in, bijvoorbeeld 5000 of € 5.000,00.",
    "uitleg:tarief": "vul een percentage in, bijvoorbeeld 95% of 0,95.",
    "uitleg:maanden": f"vul een aantal maanden in (1 tot en met {MAX_MAANDEN_REKENTOOL}).",
    "uitleg:datum": "vul een datum in als dd-mm-jjjj, bijvoorbeeld 17-05-1990.",
}
TEKSTEN = {**REDENEN, **UITLEG}


def _schoon(ref: str) -> str:
    """Text with tabs, line breaks and non-breaking spaces as spaces, TRIMmed."""
    return f'TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({ref},CHAR(9)," "),CHAR(10)," "),CHAR(13)," "),"{NBSP}"," "))'


def _zonder_cijfers(x: str) -> str:
    for d in "0123456789":
        x = f'SUBSTITUTE({x},"{d}","")'
    return x


def _vorm(x: str) -> str:
    """Every digit as "0": "17-05-1990" -> "00-00-0000"."""
    for d in "123456789":
        x = f'SUBSTITUTE({x},"{d}","0")'
    return x


def _soort_eerst(ref: str, getal: str, rest: str) -> str:
    """Errors, booleans and numbers first (LibreOffice also counts a boolean as a number)."""
    return f'IF(ISERROR({ref}),"fout",IF(ISLOGICAL({ref}),"logisch",IF(ISNUMBER({ref}),{getal},{rest})))'


def _a_cellen(a: str, S: str, P: str, R: str, A: str, tekst: str) -> dict[str, str]:
    """The first pattern of ``xl_meerzorg.tijd.parse_duur``: u:mm[:ss] or u.mm[:ss] with 1-6
    digits of hours and 1-2 of minutes and seconds, spaces around the separators allowed.
    a: the text without those spaces; S: its shape ("0" per digit, "." as ":"); P: the first
    separator; R: the shape after it; A: seconds, -1 no such text, -2 minutes > 59, -3
    seconds > 59."""
    q2 = f'FIND(":",{R})'

    def hms(m: str, s: str) -> str:
        return f"IF({m}>59,-2,IF({s}>59,-3,VALUE(LEFT({a},{P}-1))*3600+{m}*60+{s}))"

    een = ",".join(f'{R}="{x}"' for x in ("0", "00"))
    twee = ",".join(f'{R}="{x}"' for x in ("0:0", "0:00", "00:0", "00:00"))
    return {
        a: f'=SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({tekst}," :",":"),": ",":")," .","."),". ",".")',
        S: f'=SUBSTITUTE({_vorm(a)},".",":")',
        P: f'=FIND(":",{S}&":")',
        R: f"=MID({S},{P}+1,99)",
        A: (
            f'=IF(AND({P}>=2,{P}<=7,LEFT({S},{P}-1)=REPT("0",{P}-1)),'
            f"IF(OR({een}),{hms(f'VALUE(MID({a},{P}+1,2))', '0')},"
            f'IF(OR({twee}),IF(MID({a},{P}+{q2},1)=":",'
            f"{hms(f'VALUE(MID({a},{P}+1,{q2}-1))', f'VALUE(MID({a},{P}+{q2}+1,2))')},-1),-1)),-1)"
        ),
    }


def _b_uren(b: str) -> str:
    """Hours "12", "12,5", "12.5" (suffix and sign already removed) -> hours; -1 otherwise.
    The second pattern of ``parse_duur``; the value is digits / 10^decimals (one rounding,
    as Python's float() of the text)."""
    cijfers = f'SUBSTITUTE(SUBSTITUTE({b},".",""),",","")'
    c = f"(LEN({b})-LEN({cijfers}))"
    j = f'FIND(".",SUBSTITUTE({b},",","."))'
    vorm = f'IF({b}="",FALSE,IF({c}>1,FALSE,IF({_zonder_cijfers(cijfers)}<>"",FALSE,IF({c}=0,TRUE,AND({j}>=2,{j}<=LEN({b})-1)))))'
    return f"IF({vorm},VALUE({cijfers})/10^IF({c}=0,0,LEN({b})-{j}),-1)"


def lees_duur(ref: str, cellen: list[str]) -> dict[str, str]:
    """``excel_dagen``: a number (days), "u:mm[:ss]", "u.mm", hours "4", "4,5", "4.5 uur",
    with a sign. Empty -> "" (0 in the sums). Cells: t (clean text), u (without sign),
    a, S, P, R, A (u:mm), b, B (hours), value."""
    t, u, a, S, P, R, A, b, B, v = cellen
    neg = f'LEFT({t},1)="-"'
    return {
        t: f'=IF(ISTEXT({ref}),{_schoon(ref)},"")',
        u: f"=IF({neg},TRIM(MID({t},2,LEN({t}))),{t})",
        **_a_cellen(a, S, P, R, A, u),
        b: (f'=TRIM(IF(EXACT(RIGHT({u},3),"uur"),LEFT({u},LEN({u})-3),'
            f'IF(OR(EXACT(RIGHT({u},1),"u"),EXACT(RIGHT({u},1),"h")),LEFT({u},LEN({u})-1),{u})))'),
        B: "=" + _b_uren(b),
        v: "=" + _soort_eerst(ref, ref, (
            f'IF({t}="","",IF({A}>=0,IF({neg},-({A}/86400),{A}/86400),IF({A}=-2,"minuten",IF({A}=-3,"seconden",'
            f'IF({B}>=0,IF({neg},-{B},{B})/24,"vorm")))))'
        )),
    }


def lees_tijdstip(ref: str, cellen: list[str]) -> dict[str, str]:
    """``excel_tijdstip``: a number (day fraction) or "u:mm[:ss]"/"u.mm" up to 24 hours.
    Empty -> "". Cells: c (clean text), a, S, P, R, A, value."""
    c, a, S, P, R, A, v = cellen
    return {
        c: f'=IF(ISTEXT({ref}),{_schoon(ref)},"")',
        **_a_cellen(a, S, P, R, A, c),
        v: "=" + _soort_eerst(ref, ref, (
            f'IF({c}="","",IF({A}>=0,IF({A}>=90000,"uur",{A}/86400),IF({A}=-2,"minuten",IF({A}=-3,"seconden","vorm"))))'
        )),
    }


def lees_getal(ref: str, cellen: list[str]) -> dict[str, str]:
    """``excel_getal`` (``invoer.lees_getal``): a number, or text "0,95", "95%", "1.5",
    "€ 5.000,00", "-3". Empty -> "". Cells: w (without spaces and €), x (without sign and
    %), S (shape), C (commas * 1000 + dots), F (number of decimals, -1 not a number), value."""
    w, x, S, C, F, v = cellen
    p = f'IF(RIGHT({w},1)="%",LEFT({w},LEN({w})-1),{w})'
    n = f"LEN({S})"
    c = f"INT({C}/1000)"
    d = f"MOD({C},1000)"
    k = f'FIND(",",{S})'
    j = f'FIND(".",{S})'

    def duizend(z: str) -> str:  # 1-3 digits (the first not 0), then groups ".ddd"
        return f'AND({j}-1>=1,{j}-1<=3,LEFT({x},1)<>"0",{z}=REPT("0",{j}-1)&REPT(".000",{d}))'

    komma = (
        f'IF(AND({n}-{k}>=1,MID({S},{k}+1,{n})=REPT("0",{n}-{k})),'
        f'IF({d}=0,IF(AND({k}>=2,LEFT({S},{k}-1)=REPT("0",{k}-1)),{n}-{k},-1),IF({duizend(f"LEFT({S},{k}-1)")},{n}-{k},-1)),-1)'
    )
    geen_komma = (
        f'IF({d}=0,IF({S}=REPT("0",{n}),0,-1),'
        f'IF({d}=1,IF(AND({j}>=2,{j}<={n}-1,{S}=REPT("0",{j}-1)&"."&REPT("0",{n}-{j})),IF(AND({j}<=4,{n}-{j}=3,LEFT({x},1)<>"0"),0,{n}-{j}),-1),'
        f"IF({duizend(S)},0,-1)))"
    )
    schoon = ref
    for teken in ("CHAR(9)", "CHAR(10)", "CHAR(13)", f'"{NBSP}"', '" "', '"€"'):
        schoon = f'SUBSTITUTE({schoon},{teken},"")'
    getal = f'VALUE(SUBSTITUTE(SUBSTITUTE({x},".",""),",",""))/10^{F}'
    return {
        w: f'=IF(ISTEXT({ref}),{schoon},"")',
        x: f'=IF(LEFT({p},1)="-",MID({p},2,LEN({p})),{p})',
        S: "=" + _vorm(x),
        C: f'=({n}-LEN(SUBSTITUTE({S},",","")))*1000+{n}-LEN(SUBSTITUTE({S},".",""))',
        F: f"=IF({n}=0,-1,IF({c}>1,-1,IF({c}=1,{komma},{geen_komma})))",
        v: "=" + _soort_eerst(ref, ref, (
            f'IF({_schoon(ref)}="","",IF({F}<0,"vorm",IF(LEFT({w},1)="-",-({getal}),{getal})/IF(RIGHT({w},1)="%",100,1)))'
        )),
    }


def lees_datum(ref: str, cellen: list[str]) -> dict[str, str]:
    """``excel_datum``: a serial number 1..2958465, or text "jjjj-mm-dd", "dd-mm-jjjj"
    (also with / or .). Value: days since 30-12-1899 (computed, so also before 1900; not
    DATE). Empty -> "". Cells: t, S (shape), Y (jjjjmmdd, -1 no date text), value."""
    t, S, Y, v = cellen
    S2 = f'SUBSTITUTE(SUBSTITUTE({S},"/","-"),".","-")'
    t2 = f'SUBSTITUTE(SUBSTITUTE({t},"/","-"),".","-")'
    iso = ",".join(f'{S}="{s}"' for s in ("0000-0-0", "0000-00-0", "0000-0-00", "0000-00-00"))
    nl = ",".join(f'{S2}="{s}"' for s in ("0-0-0000", "00-0-0000", "0-00-0000", "00-00-0000"))
    q1 = f'FIND("-",{t2})'
    q2 = f'FIND("-",{t2},{q1}+1)'
    jj, mm, dd = f"INT({Y}/10000)", f"MOD(INT({Y}/100),100)", f"MOD({Y},100)"
    schrikkel = f"IF(OR(AND(MOD({jj},4)=0,MOD({jj},100)<>0),MOD({jj},400)=0),1,0)"
    bestaat = f"IF(OR({jj}<1,{mm}<1,{mm}>12,{dd}<1),FALSE,{dd}<=CHOOSE({mm},31,28+{schrikkel},31,30,31,30,31,31,30,31,30,31))"
    j2 = f"({jj}-IF({mm}<=2,1,0))"
    serieel = f"365*{j2}+INT({j2}/4)-INT({j2}/100)+INT({j2}/400)+INT((153*MOD({mm}+9,12)+2)/5)+{dd}-693900"
    return {
        t: f'=IF(ISTEXT({ref}),{_schoon(ref)},"")',
        S: "=" + _vorm(t),
        Y: (f'=IF(OR({iso}),VALUE(LEFT({t},4))*10000+VALUE(MID({t},6,FIND("-",{t},6)-6))*100+VALUE(MID({t},FIND("-",{t},6)+1,2)),'
            f"IF(OR({nl}),VALUE(RIGHT({t},4))*10000+VALUE(MID({t2},{q1}+1,{q2}-{q1}-1))*100+VALUE(LEFT({t2},{q1}-1)),-1))"),
        v: "=" + _soort_eerst(ref, f'IF(AND({ref}>=1,{ref}<2958466),INT({ref}),"bereik")', (
            f'IF({t}="","",IF({Y}<0,"vorm",IF({bestaat},{serieel},"datum")))'
        )),
    }


def lees_ja_nee(ref: str, schoon: str) -> dict[str, str]:
    """``excel_ja_nee`` into the cell ``schoon`` (clean text) and a value "Ja", "Nee", ""
    (empty) or "?" (unreadable); WAAR/ONWAAR count. Returns the two formulas (clean, value)."""
    t = schoon
    ja = ",".join(f'{t}="{w}"' for w in ("ja", "j", "yes", "true", "1"))
    nee = ",".join(f'{t}="{w}"' for w in ("nee", "n", "no", "false", "0"))
    return {
        "schoon": f'=IF(ISTEXT({ref}),{_schoon(ref)},"")',
        "waarde": (
            f'=IF(ISERROR({ref}),"?",IF(ISLOGICAL({ref}),IF({ref},"Ja","Nee"),IF(ISNUMBER({ref}),"?",'
            f'IF({t}="","",IF(OR({ja}),"Ja",IF(OR({nee}),"Nee","?"))))))'
        ),
    }


def waarde(blad: str, cel: str, van: str | None = None) -> str:
    """The value helper of an input, as seen from sheet ``van`` (absolute from elsewhere)."""
    w = LEZERS[(blad, cel)].waarde
    if van == blad:
        return w
    col = w.rstrip("0123456789")
    return f"'{blad}'!${col}${w[len(col):]}" if blad != V else f"{V}!${col}${w[len(col):]}"


def lezers(f: dict) -> None:
    """The helper cells of every input."""
    for lz in LEZERS.values():
        maak = {LEES_DUUR: lees_duur, LEES_TIJDSTIP: lees_tijdstip, LEES_GETAL: lees_getal, LEES_DATUM: lees_datum}[lz.soort]
        for cel, formule in maak(lz.cel, list(lz.cellen)).items():
            f[(lz.blad, cel)] = formule


def _toon(ref: str) -> str:
    """What the provider typed, for a message (WAAR/ONWAAR for a boolean)."""
    return f'IF(ISERROR({ref}),"#FOUT",IF(ISLOGICAL({ref}),IF({ref},"WAAR","ONWAAR"),{ref}))'


def _onleesbaar(ref: str, v: str, voor: str, wat: str, uitleg: str, voor_formule: bool = False) -> str:
    """Message for an input the engine rejects: what was typed, why (when known), what to do:
    ``voor`` + ': "4:75" is ' + ``wat`` + ' (de minuten ...); ' + the text ``uitleg`` (a key of
    UITLEG). ``voor`` is text, or a formula expression with ``voor_formule``."""
    kop = voor if voor_formule else q(voor)
    assert uitleg in UITLEG
    return (
        f'{kop}&": """&{_toon(ref)}&""" is {wat}"&IFERROR(" ("&VLOOKUP({v},mzp_teksten,2,FALSE)&")","")'
        f'&"; "&VLOOKUP("{uitleg}",mzp_teksten,2,FALSE)'
    )


def _ongeldig(v: str) -> str:
    return f'AND({v}<>"",NOT(ISNUMBER({v})))'


def _uren_tekst(x: str) -> str:
    """[h]:mm of a duration (rounded to the minute), without TEXT (its format codes depend on the locale)."""
    m = f"ROUND(ABS({x})*1440,0)"
    return f'IF({x}<0,"-","")&INT({m}/60)&":"&IF(MOD({m},60)<10,"0","")&MOD({m},60)'


def _col(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def max_banden(p: Parameters) -> int:
    return max(len(z.banden) for z in p.zorgprofielen.values())


def parameter_namen(p: Parameters) -> dict[str, str]:
    """Defined names of the Parameters sheet -> reference."""
    nz = len(p.zorgprofielen)
    npc = len(pc_rijen(p))
    nb = max_banden(p)
    z0, z1 = ZP_START, ZP_START + nz - 1
    b = BAND_KOL

    def blok(k: int) -> str:
        return f"'{PARAMETERS}'!${_col(b + k * nb)}${z0}:${_col(b + k * nb + nb - 1)}${z1}"

    return {
        "mzp_jaar": f"'{PARAMETERS}'!$B$3",
        "mzp_versie": f"'{PARAMETERS}'!$B$4",
        "mzp_max": f"'{PARAMETERS}'!$B$5",
        "mzp_factor": f"'{PARAMETERS}'!$B$6",
        "mzp_ctx": f"'{PARAMETERS}'!$B$7",
        "mzp_begin": f"'{PARAMETERS}'!$B$8",
        "mzp_eind": f"'{PARAMETERS}'!$B$9",
        "mzp_stap": f"'{PARAMETERS}'!$B$10",
        "mzp_max_maanden": f"'{PARAMETERS}'!$B$11",
        "mzp_zp": f"'{PARAMETERS}'!$A${z0}:$A${z1}",
        "mzp_zp_uren": f"'{PARAMETERS}'!$B${z0}:$B${z1}",
        "mzp_zp_indirect": f"'{PARAMETERS}'!$D${z0}:$D${z1}",
        "mzp_zp_uurbudget": f"'{PARAMETERS}'!$E${z0}:$E${z1}",
        "mzp_zp_max_maanden": f"'{PARAMETERS}'!$F${z0}:$F${z1}",
        "mzp_band_van": blok(0),
        "mzp_band_label": blok(1),
        "mzp_band_uitkomst": blok(2),
        "mzp_band_bedrag": blok(3),
        "mzp_pc_key": f"'{PARAMETERS}'!$A${PC_START}:$A${PC_START + npc - 1}",
        "mzp_pc_code": f"'{PARAMETERS}'!$B${PC_START}:$B${PC_START + npc - 1}",
        "mzp_pc_uren": f"'{PARAMETERS}'!$C${PC_START}:$C${PC_START + npc - 1}",
        "mzp_ratios": f"'{PARAMETERS}'!${LIJST_KOL_RATIO}$2:${LIJST_KOL_RATIO}${1 + len(p.begeleider_ratios)}",
        "mzp_tijden": f"'{PARAMETERS}'!${LIJST_KOL_TIJD}$2:${LIJST_KOL_TIJD}${1 + len(tijden(p))}",
        "mzp_teksten": f"'{PARAMETERS}'!${LIJST_KOL_TEKST}$2:${kolom_plus(LIJST_KOL_TEKST, 1)}${1 + len(TEKSTEN)}",
        **{naam: f"'{PARAMETERS}'!${kol}$2:${kol}${1 + len(w)}" for naam, (kol, _k, w) in lijst_kolommen(p).items()},
        **({"mzp_nza": f"'{PARAMETERS}'!${LIJST_KOL_NZA}$2:${kolom_plus(LIJST_KOL_NZA, 2)}${1 + len(za.registraties)}",
            "mzp_zk": f"'{PARAMETERS}'!${LIJST_KOL_ZK}$2:${kolom_plus(LIJST_KOL_ZK, 1)}${1 + len(za.zorgkantoren)}"} if (za := _zorgaanbieders(p.jaar)) else {}),
    }


def lijst_kolommen(p: Parameters) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Lists on the Parameters sheet: defined name -> (column, header, values)."""
    return {"mzp_doelgroepen": (LIJST_KOL_DOELGROEP, "doelgroepen (LVHC)", lijst(p, "doelgroepen") or ("",))}


def _zorgaanbieders(jaar: int):
    from . import zorgaanbieders

    return zorgaanbieders.laad(jaar)


def tijden(p: Parameters) -> list[float]:
    stap = p.stap_minuten
    begin = round(p.dag_begin * 1440)
    eind = round(p.dag_eind * 1440)
    return [m / 1440 for m in range(begin, eind + 1, stap)]


def pc_rijen(p: Parameters):
    """Every prestatiecode of the year (VV7/VV8 with a Nee too: computed like the official tool, with a "Let op")."""
    out = []
    for pc in p.prestatiecodes.values():
        key = f"{pc.zorgprofiel}|{'Ja' if pc.behandeling else 'Nee'}|{'Ja' if pc.dagbesteding else 'Nee'}"
        out.append((key, pc))
    return out


GROEP_HERAANVRAAG = (
    "Heraanvraag groepsmeerzorg: de rekentool verdeelt de context-uren en het deel van de contextgebonden middelen "
    "boven de drempel over alle cliënten van de groep; komt of gaat er een cliënt, dan veranderen ook de bedragen van "
    "de andere cliënten. Het beleid (mutaties in de groep) gaat ervan uit dat de rest van de groep gelijk blijft: "
    "het zorgkantoor beoordeelt dit."
)
# VV7/VV8 with a Nee: the instruction (ZN webinar administratie meerzorg, oktober 2025) and its consequence
VV_NEE = (
    "volgens de instructie van ZN (webinar administratie meerzorg, oktober 2025) vult u bij VV7 en VV8 altijd Ja in, "
    "en zonder behandeling 0 uur inzet behandelaren; het bedrag kan nu te hoog zijn."
)
# Lists of the official 2026 form (Data en informatie A46:A59 and B46:B51), used until the
# parameter file carries them (p.lijsten, issue 10)
_LIJSTEN_2026 = {
    "doelgroepen": tuple(f"{d} geleverd in {w}" for d in ("Korsakov", "Huntington", "LBS", "GP+", "D-zep", "MS+", "NAH+") for w in ("DEC", "REC")),
    "lvhc_zorgprofielen": ("VV7", "VV8", "LG6", "LG7", "GGZ4W", "GGZ5W"),
}


def lijst(p: Parameters, naam: str) -> tuple[str, ...]:
    """A list of the year's parameter file (``p.lijsten``), else the official 2026 form's (2026 on)."""
    lijsten = getattr(p, "lijsten", None)
    waarde = getattr(lijsten, naam, None) if lijsten is not None and not isinstance(lijsten, dict) else (lijsten or {}).get(naam)
    if waarde is not None:
        return tuple(waarde)
    return _LIJSTEN_2026.get(naam, ()) if p.jaar >= 2026 else ()


def _serieel(d) -> int:
    """A date as Excel's serial number."""
    import datetime as dt

    return (d - dt.date(1899, 12, 30)).days


def _datum_tekst(x: str) -> str:
    """dd-mm-jjjj of a serial date (DAY/MONTH/YEAR: the same in every locale, unlike TEXT)."""
    return f'IF(DAY({x})<10,"0","")&DAY({x})&"-"&IF(MONTH({x})<10,"0","")&MONTH({x})&"-"&YEAR({x})'


def _in_lijst(x: str, waarden) -> str:
    """x equals one of the texts (case-insensitive, as Excel compares)."""
    return "OR(" + ",".join(f"{x}={q(w)}" for w in waarden) + ")" if waarden else "FALSE"


def _opsomming(waarden) -> str:
    w = list(waarden)
    return ", ".join(w[:-1]) + " en " + w[-1] if len(w) > 1 else "".join(w)


def _keten(cellen: list[str]) -> str:
    """0+N(a)+N(b)+...: the engine's sequential sum (text and empty count as 0)."""
    return "0+" + "+".join(f"N({c})" for c in cellen)


def _duur_fout(ref: str, v: str, wat: str) -> tuple[str, str]:
    """Checks of a duration input ``ref`` read into ``v`` (as the engine: unreadable, negative, too large)."""
    return (
        f"IF({_ongeldig(v)},{_onleesbaar(ref, v, wat, 'geen geldige tijdsduur', 'uitleg:duur')},"
        f'IF(N({v})<0,{q(wat + ": mag niet negatief zijn.")},'
        f'IF(N({v})*24>{MAX_UREN},{q(wat + f": onrealistisch groot (meer dan {MAX_UREN:,} uur).".replace(",", "."))},',
        ")))",
    )


def _euro_fout(ref: str, v: str, wat: str) -> tuple[str, str]:
    return (
        f"IF({_ongeldig(v)},{_onleesbaar(ref, v, wat, 'geen bedrag', 'uitleg:euro')},"
        f'IF(N({v})<0,{q(wat + ": mogen niet negatief zijn.")},'
        f'IF(N({v})>{MAX_EUROS},{q(wat + ": onrealistisch hoog (meer dan € 1.000.000.000).")},',
        ")))",
    )


def _ketting(delen: list[tuple[str, str]], slot: str = '""') -> str:
    """Nested IF chain: the first failing check gives its message."""
    return "".join(a for a, _ in delen) + slot + "".join(b for _, b in delen)


def _totaal(w, d, n, b, m, i, c, db, beh) -> str:
    """E28 / group M in the engine's operation order (regels.uren.totaal_uren)."""
    return (
        f'IF(AND({db}="Nee",{beh}="Nee"),{w}+{n}-{m}+{i}+{c},'
        f'IF(AND({db}="Ja",{beh}="Nee"),(({w}+{d})+{n})-{m}+{i}+{c},'
        f'IF(AND({db}="Nee",{beh}="Ja"),{w}+{n}+{b}-{m}+{i}+{c},'
        f"(({w}+{d})+{n})+{b}-{m}+{i}+{c})))"
    )


def _band_idx(mz: str, zprow: str) -> str:
    return f'IF({mz}="","",IF({mz}<INDEX(mzp_band_van,{zprow},1),1,MATCH({mz},INDEX(mzp_band_van,{zprow},0),1)))'


VOLLEDIG = "Het formulier is volledig ingevuld; de uitkomst en de bedragen zijn berekend."
FOUTSTATUS = "Het formulier is nog niet volledig of bevat een fout; zie de melding hieronder. Er worden geen bedragen berekend."
ONVOLLEDIG = "Het formulier is niet volledig gevuld; de uitkomst en de bedragen zijn wel berekend. Zie de melding hieronder."
NIET_VOLLEDIG_OFFICIEEL = "Het formulier is niet volledig gevuld"  # the official Voorblad I11
# Voorblad helper rows (column L): warnings ("Let op") from L50 with running counts in M,
# missing data (what the checker reports as "volledigheid") in L80:L84.
LET_OP_START = 200


def voorblad(f: dict, p: Parameters) -> None:
    t = f"TRIM({V}!$C$23)"
    f[(V, "L23")] = (
        f'=IF({t}="","",IF(OR({t}={q(TYPE_PREVENTIEF)},{t}="preventief"),"preventief",'
        f'IF(OR({t}={q(TYPE_INDIVIDUEEL)},{t}="individueel"),"individueel",'
        f'IF(OR({t}={q(TYPE_GROEP)},{t}="groep"),"groep","?"))))'
    )
    c17 = "$L$17"  # the tariff as read
    g41 = "$L$41"  # the months as read
    f[(V, "L29")] = "=" + _ketting(
        [
            (f'IF($L$23="",{q("Kies op het Voorblad (C23) het type aanvraag.")},', ")"),
            (f'IF($L$23="?",{q("Onbekend type aanvraag op het Voorblad (C23); kies uit de lijst.")},', ")"),
            (f'IF({c17}="",{q("Het afgesproken tariefpercentage (Voorblad C17) ontbreekt.")},', ")"),
            (f"IF(NOT(ISNUMBER({c17})),{_onleesbaar('$C$17', c17, 'Het tariefpercentage (Voorblad C17)', 'geen getal', 'uitleg:tarief')},", ")"),
            (f"IF({c17}>1,{q('Het tariefpercentage (Voorblad C17) ligt boven 100% (vul bijvoorbeeld 95% in).')},", ")"),
            (f"IF({c17}<=0,{q('Het tariefpercentage (Voorblad C17) moet groter dan 0 zijn.')},", ")"),
            (f"IF({_ongeldig(g41)},{_onleesbaar('$G$41', g41, 'De aangevraagde periode (Voorblad G41)', 'geen getal', 'uitleg:maanden')},", ")"),
            (f'IF(AND({g41}<>"",N({g41})<>INT(N({g41}))),{q("De aangevraagde periode (Voorblad G41) is geen geheel aantal maanden.")},', ")"),
            *(
                [(
                    f'IF(AND({g41}<>"",OR(N({g41})<{p.formulier.maanden_min},N({g41})>{p.formulier.maanden_max})),'
                    f'{q(f"De aangevraagde periode (Voorblad G41) ligt buiten {p.formulier.maanden_min}–{p.formulier.maanden_max} maanden.")},',
                    ")",
                )]
                if p.formulier is not None and p.formulier.maanden_min is not None else []
            ),
        ]
    )
    # first messages per part (shown on the form)
    f[(V, f"B{STATUS_RIJ + 1}")] = (
        '=IF($L$29<>"","Algemeen: "&$L$29,IF(AND($L$95=0,$L$80<>""),'
        '"Nog niet volledig: "&$L$80&IF($M$80>2," (en nog "&($M$80-1)&" ontbrekende gegevens)",IF($M$80=2," (en nog 1 ontbrekend gegeven)","")),""))'
    )
    f[(V, f"B{STATUS_RIJ + 2}")] = f'=IF($L$29<>"","",IF({CG}!$AK$7="","","Cliëntgegevens: "&{CG}!$AK$7))'
    f[(V, f"B{STATUS_RIJ + 3}")] = (
        f'=IF(OR($L$29<>"",$L$23="groep"),"",IF({AI}!$Z$5<>"","Uren: "&{AI}!$Z$5,'
        f'IF({AI}!$AB$16<>"",{AI}!$AB$16,IF({AI}!$AC$16<>"",{AI}!$AC$16,""))))'
    )
    f[(V, f"B{STATUS_RIJ + 4}")] = f'=IF(OR($L$29<>"",$L$23<>"groep"),"",IF({GR}!$M$15<>"","Groep: "&{GR}!$M$15,""))'
    f[(V, "L96")] = f'=IF(OR($L$29<>"",{CG}!$AK$7<>"",{AI}!$Z$5<>"",{AI}!$AB$16<>"",{AI}!$AC$16<>""),1,0)'
    f[(V, "L97")] = f'=IF(OR($L$29<>"",{CG}!$AK$7<>"",{GR}!$M$15<>""),1,0)'
    f[(V, "L95")] = '=IF($L$29<>"",1,IF(OR($L$23="individueel",$L$23="preventief"),$L$96,IF($L$23="groep",$L$97,1)))'
    f[(V, f"B{STATUS_RIJ + 0}")] = f'=IF($L$95=1,{q(FOUTSTATUS)},IF($L$80<>"",{q(ONVOLLEDIG)},{q(VOLLEDIG)}))'
    # "Let op": warnings of the engine (validatie.py, berekening.py) and the checker; they do
    # not block the amounts. One per cell in L50:L73 (a group client's together), running count in M.
    ind = '$L$96=0,OR($L$23="individueel",$L$23="preventief")'
    ai0, ai1 = AI_LET_OP, kolom_plus(AI_LET_OP, 1)
    d0 = DAG_RIJEN.start
    vorm = p.formulier
    maanden_min = vorm.maanden_min if vorm is not None else None
    actief_maanden = 'OR($L$23="individueel",$L$23="preventief",AND($L$23="groep",' + GR + '!$M$5>0))'
    geldig = f"AND({g41}=INT({g41}),{g41}>={maanden_min},{g41}<={vorm.maanden_max})" if maanden_min is not None else f"AND({g41}=INT({g41}),{g41}>=1)"
    met_maanden = f"{actief_maanden},IF(ISNUMBER({g41}),{geldig},FALSE)"  # IF: AND computes every argument
    lijsten = p.lijsten
    nieuw_her = tuple(lijsten.nieuw_her) if lijsten is not None else NIEUW_HER
    sectoren = tuple(lijsten.sectoren) if lijsten is not None else SECTOREN
    datum_ref = "$" + ondertekening(p.jaar)[1][0] + "$" + ondertekening(p.jaar)[1][1:]
    let_op = [
        f'=IF(AND($L$23="groep",$L$97=0,{GR}!$M$12="Nee"),"Let op: de contextgebonden middelen van de groep liggen boven de drempel; het deel erboven is bij de budgetten opgeteld. Het zorgkantoor beoordeelt dit.",'
        f'IF(AND({ind},{OI}!$K$31="Nee"),"Let op: de contextgebonden middelen liggen boven de drempel; het deel erboven is bij het budget opgeteld. Het zorgkantoor beoordeelt dit.",""))',
        f'=IF(AND({met_maanden},{g41}>mzp_max_maanden),'
        f'"Let op: De aangevraagde periode van "&{g41}&" maanden is langer dan de maximale termijn van "&mzp_max_maanden&'
        f'" maanden (toetsingskader meerzorg).","")',
        *(
            [f'=IF(AND({met_maanden},$L$23="preventief",{g41}>{p.preventief_max_maanden.waarde:g}),"Let op: Preventieve meerzorg is bedoeld voor een tijdelijke periode '
             f'van 3 tot {p.preventief_max_maanden.waarde:g} maanden (beleidsdocument meerzorg {p.jaar}, par. 7); aangevraagd is "&{g41}&" maanden.","")']
            if p.preventief_max_maanden is not None else []
        ),
        *(
            [f'=IF(AND({actief_maanden},IF(ISNUMBER({g41}),AND({g41}=INT({g41}),{g41}<1),FALSE)),"Let op: De aangevraagde periode van "&{g41}&" maanden is geen geldige periode '
             f'(het formulier {p.jaar} controleert dit niet).","")']
            if maanden_min is None else []
        ),
        # the Voorblad fields (validatie._voorblad)
        f'=IF(OR($L$23="",$L$23="?",TRIM($C$20)="",{_in_lijst("TRIM($C$20)", nieuw_her)}),"","Let op: Onbekende keuze ‘"&TRIM($C$20)&"’ bij nieuwe aanvraag/heraanvraag; kies {" of ".join(nieuw_her)}.")',
        f'=IF(OR($L$23="",$L$23="?",TRIM($G$17)="",{_in_lijst("TRIM($G$17)", sectoren)}),"","Let op: Onbekende sector ‘"&TRIM($G$17)&"’; kies {", ".join(sectoren[:-1])} of {sectoren[-1]}.")',
        f'=IF(OR($L$23="",$L$23="?",TRIM($E$4)="",{_zonder_cijfers("TRIM($E$4)")}=""),"","Let op: Het registratienummer NZa ‘"&TRIM($E$4)&"’ is geen nummer (alleen cijfers, zonder categorie 300).")',
        f'=IF(OR($L$23="",$L$23="?",TRIM($E$6)=""),"",IF(OR({_zonder_cijfers("TRIM($E$6)")}<>"",LEN(TRIM($E$6))<>8),"Let op: De AGB-code ‘"&TRIM($E$6)&"’ bestaat niet uit 8 cijfers.",""))',
        *(
            [f'=IF(OR($L$23="",$L$23="?",NOT(ISNUMBER({datum_ref}))),"",IF(OR({datum_ref}<{_serieel(vorm.ondertekening_van)},{datum_ref}>{_serieel(vorm.ondertekening_tot)}),'
             f'"Let op: De datum van ondertekening "&{_datum_tekst(datum_ref)}&" ligt buiten de periode die het formulier {p.jaar} toestaat '
             f'({vorm.ondertekening_van:%d-%m-%Y} tot en met {vorm.ondertekening_tot:%d-%m-%Y}).",""))']
            if vorm is not None and vorm.ondertekening_van is not None else []
        ),
        f'=IF(AND($L$23="groep",TRIM($C$20)="Heraanvraag"),"Let op: {GROEP_HERAANVRAAG}","")',
        f'=IF(AND(OR($L$23="individueel",$L$23="preventief"),SUM({CG}!$AD$8:$AD$23)>0),'
        f'"Let op: bij een individuele aanvraag telt alleen de cliënt op rij 7; rij "&(7+MATCH(1,{CG}!$AD$8:$AD$23,0))&" is ook ingevuld en telt niet mee.","")',
        *(f'=IF(OR($L$23="individueel",$L$23="preventief"),{AI}!${k}${r},"")' for k, r in ((ai0, 6), (ai1, 6), (ai0, 7), (ai0, 8))),
        # every row of the day programme (the engine has a waarschuwing per row)
        *(f'=IF(OR($L$23="individueel",$L$23="preventief"),{AI}!${k}${r},"")' for k in AI_DAG_LET_OP for r in DAG_RIJEN),
        *(f'=IF(OR($L$23="individueel",$L$23="preventief"),{CG}!${k}$7,"")' for k in CG_LET_OP),
    ]
    for r in CLIENT_RIJEN:
        g = r + GROEP_RIJ_OFFSET
        deel = '&" "&'.join([f"{GR}!${kolom_plus(GR_LET_OP, i)}${g}" for i in range(3)] + [f"{CG}!${k}${r}" for k in CG_LET_OP])
        let_op.append(f'=IF($L$23="groep",TRIM({deel}),"")')
    l0 = LET_OP_START
    l1 = l0 + len(let_op) - 1
    for r, formule in enumerate(let_op, start=l0):
        f[(V, f"L{r}")] = formule
        vorige = f"$M${r - 1}+" if r > l0 else ""
        f[(V, f"M{r}")] = f'={vorige}IF($L${r}<>"",1,0)'
    zie = ": zie de kolom Controle op het blad Clientgegevens)"
    for k, r in enumerate(range(STATUS_RIJ + 5, STATUS_RIJ + 8), start=1):
        meer = f'&IF($M${l1}>{k + 1}," (en nog "&($M${l1}-{k})&" meldingen{zie}",IF($M${l1}={k + 1}," (en nog 1 melding{zie}",""))' if k == 3 else ""
        f[(V, f"B{r}")] = f'=IF($M${l1}<{k},"",INDEX($L${l0}:$L${l1},MATCH({k},$M${l0}:$M${l1},0)){meer})'
    # missing data: the checker's "volledigheid" (xl_meerzorg.workbook.controle) and the fields the
    # official Voorblad requires (its "Het formulier is niet volledig gevuld"); the amounts are computed.
    # L80 = the first missing item of L81:L8x, M80 = how many.
    naam_cel, datum_cel, _box = ondertekening(p.jaar)
    geen_type = 'OR($L$23="",$L$23="?")'
    velden = [
        ("$E$4", "het registratienummer NZa (Voorblad E4) ontbreekt."),
        ("$E$6", "de AGB-code (Voorblad E6) ontbreekt."),
        ("$G$41", "de aangevraagde periode in maanden (Voorblad G41) ontbreekt."),
        ("$C$20", "nieuwe aanvraag of heraanvraag (Voorblad C20) ontbreekt."),
        ("$G$17", "de sector (Voorblad G17) ontbreekt."),
        (f"${naam_cel[0]}${naam_cel[1:]}", f"de naam van de ondertekenaar (Voorblad {naam_cel}) ontbreekt."),
        (f"${datum_cel[0]}${datum_cel[1:]}", f"de datum van ondertekening (Voorblad {datum_cel}) ontbreekt."),
    ]
    ontbreekt = [f'=IF({geen_type},"",IF(TRIM({cel})="",{q(tekst)},""))' for cel, tekst in velden] + [f"={CG}!$AX$7"]
    eerste = 81
    laatste = eerste + len(ontbreekt) - 1
    for r, formule in enumerate(ontbreekt, start=eerste):
        f[(V, f"L{r}")] = formule
    f[(V, "L80")] = "=" + "".join(f'IF($L${r}<>"",$L${r},' for r in range(eerste, laatste)) + f"$L${laatste}" + ")" * (laatste - eerste)
    f[(V, "M80")] = "=" + "+".join(f'IF($L${r}<>"",1,0)' for r in range(eerste, laatste)) + f"+{CG}!$AY$7"
    # as the official Voorblad I11 (hidden there too)
    f[(V, "I11")] = f'=IF(OR($L$95=1,$L$80<>""),{q(NIET_VOLLEDIG_OFFICIEEL)},"Formulier volledig gevuld")'
    # the block of flags (official F19:G28), for every request with a type
    act = f"{CG}!$AE$7:$AE$23"
    def bij(voorwaarde: str) -> str:
        n = f"SUMPRODUCT(({act}=1)*({voorwaarde}))"
        return f'=IF(OR($L$23="",$L$23="?"),"",IF({n}>0,"Ja, bij "&{n}&" cliënt(en)","Nee"))'
    f[(V, "G20")] = bij(f'{CG}!${CG_CCE_WAARDE[1]}$7:${CG_CCE_WAARDE[1]}$23="Ja"')
    f[(V, "G22")] = bij(f'{CG}!$BB$7:$BB$23="Nee"')
    f[(V, "G24")] = bij(f'{CG}!$BC$7:$BC$23="Nee"')
    f[(V, "G26")] = (
        f'=IF(OR($L$23="",$L$23="?",$L$95=1),"",IF(OR(AND($L$23="groep",{GR}!$M$12="Nee"),AND($L$23<>"groep",{OI}!$K$31="Nee")),"Ja","Nee"))'
    )
    f[(V, "F27")] = '=IF($L$23="groep","Aantal cliënten dat in aanmerking komt voor meerzorg binnen de groep","")'
    f[(V, "G28")] = f'=IF(AND($L$23="groep",$L$95=0),{GR}!$M$6,"")'
    f[(V, "B24")] = f'=IF($L$23="groep","Locatie / groep","Locatie / afdeling")'
    f[(V, "B27")] = f'=IF($L$23="groep","Totaal aantal cliënten in de groep","")'
    f[(V, "G37")] = (
        f'=IF(OR($L$23="individueel",$L$23="preventief"),IF($L$96=1,"",IF(ISNUMBER({OI}!$K$34),{OI}!$K$34,0)),'
        f'IF($L$23="groep",IF($L$97=1,"",{GR}!$Q$36+{GR}!$S$36),""))'
    )
    f[(V, "G39")] = (
        f'=IF(OR($L$23="individueel",$L$23="preventief"),IF($L$96=1,"",IF(ISNUMBER({OI}!$K$35),{OI}!$K$35,0)),'
        f'IF($L$23="groep",IF($L$97=1,"",{GR}!$V$36),""))'
    )


def clientgegevens(f: dict, p: Parameters) -> None:
    S = CLIENTGEGEVENS
    rijen = list(CLIENT_RIJEN)
    for r in rijen:
        i = r - 6
        jokers = f'OR(ISNUMBER(FIND("*",J{r})),ISNUMBER(FIND("?",J{r})),ISNUMBER(FIND("~",J{r})))'  # MATCH wildcards
        f[(S, f"Y{r}")] = f'=IF(TRIM(J{r})="",0,IF({jokers},0,IFERROR(MATCH(SUBSTITUTE(J{r}," ",""),mzp_zp,0),0)))'
        for invoer, schoon, cel in (("L", CG_JA_NEE[0], CG_WAARDE[0]), ("N", CG_JA_NEE[1], CG_WAARDE[1]), ("V", *CG_CCE_WAARDE),
                                    *((("X", *CG_LVHC_WAARDE),) if heeft_lvhc(p.jaar) else ())):
            jn = lees_ja_nee(f"{invoer}{r}", f"{schoon}{r}")
            f[(S, f"{schoon}{r}")], f[(S, f"{cel}{r}")] = jn["schoon"], jn["waarde"]
        f[(S, f"AB{r}")] = f'=IF(OR(Y{r}=0,BB{r}="",BC{r}="",BB{r}="?",BC{r}="?"),0,IFERROR(MATCH(INDEX(mzp_zp,Y{r})&"|"&BC{r}&"|"&BB{r},mzp_pc_key,0),0))'
        f[(S, f"P{r}")] = f'=IF(AB{r}=0,"",INDEX(mzp_pc_code,AB{r}))'
        f[(S, f"AC{r}")] = f'=IF(AB{r}=0,"",INDEX(mzp_pc_uren,AB{r}))'
        f[(S, f"AD{r}")] = f'=IF(OR(D{r}<>"",F{r}<>"",H{r}<>"",J{r}<>"",L{r}<>"",N{r}<>"",R{r}<>"",T{r}<>""),1,0)'
        if r == 7:
            f[(S, f"AE{r}")] = f'=IF(OR({SOORT}="individueel",{SOORT}="preventief"),1,IF({SOORT}="groep",AD{r},0))'
        else:
            f[(S, f"AE{r}")] = f'=IF({SOORT}="groep",AD{r},0)'
        # BSN: text of 9 digits (a whole number gets leading zeros) and the 11-proef
        h = f"TRIM(H{r})"
        f[(S, f"AF{r}")] = (
            f'=IF(ISNUMBER(H{r}),IF(MOD(H{r},1)=0,TEXT(H{r},"000000000"),"x"),'
            f'IF(AND(LEN({h})<9,LEN({h})>0,{_zonder_cijfers(h)}=""),REPT("0",9-LEN({h}))&{h},{h}))'
        )
        f[(S, f"AG{r}")] = (
            f'=IF(TRIM(H{r})="",1,IF(LEN(AF{r})<>9,0,IF({_zonder_cijfers(f"AF{r}")}<>"",0,'
            f"IF(AND(MOD(SUMPRODUCT(--MID(AF{r},{{1,2,3,4,5,6,7,8}},1),{{9,8,7,6,5,4,3,2}})-RIGHT(AF{r},1),11)=0,"
            f"SUMPRODUCT(--MID(AF{r},{{1,2,3,4,5,6,7,8}},1),{{9,8,7,6,5,4,3,2}})-RIGHT(AF{r},1)<>0),1,0))))"
        )
        wie = f'"Cliënt {i}"&IF(D{r}="",""," ("&D{r}&")")&": "'
        maanden = f"{V}!$L$41"
        dat = {col: waarde(S, f"{col}{r}", S) for col in ("F", "R", "T")}

        def datum_fout(col: str, wat: str) -> tuple[str, str]:
            v = dat[col]
            kop = f'"Cliënt {i}"&IF(D{r}="",""," ("&D{r}&")")&", {wat}"'
            bericht = _onleesbaar(f"{col}{r}", v, kop, "geen geldige datum", "uitleg:datum", voor_formule=True)
            return (f"IF({_ongeldig(v)},{bericht},", ")")

        delen = [
            (f'IF(AE{r}=0,"",', ")"),
            (f'IF(TRIM(J{r})="",{wie}&"het zorgprofiel ontbreekt.",', ")"),
            (f'IF(Y{r}=0,{wie}&"onbekend zorgprofiel \'"&J{r}&"\'; kies uit de lijst.",', ")"),
            (f'IF(BB{r}="",{wie}&"\'Dagbesteding van toepassing\' (Ja/Nee) ontbreekt.",', ")"),
            (f'IF(BB{r}="?",{wie}&"dagbesteding: vul Ja of Nee in, niet """&{_toon(f"L{r}")}&""".",', ")"),
            (f'IF(BC{r}="",{wie}&"\'Behandeling van toepassing\' (Ja/Nee) ontbreekt.",', ")"),
            (f'IF(BC{r}="?",{wie}&"behandeling: vul Ja of Nee in, niet """&{_toon(f"N{r}")}&""".",', ")"),
            (f'IF(AB{r}=0,{wie}&INDEX(mzp_zp,Y{r})&" met behandeling "&BC{r}&" en dagbesteding "&BB{r}&" heeft geen prestatiecode.",', ")"),
            (f'IF(AG{r}=0,{wie}&"BSN "&H{r}&" is ongeldig (voldoet niet aan de 11-proef).",', ")"),
            datum_fout("F", "geboortedatum"),
            datum_fout("R", "datum opname"),
            datum_fout("T", "beoogde ingang"),
            (f'IF(AND(ISNUMBER({dat["R"]}),ISNUMBER({dat["T"]}),{dat["R"]}>{dat["T"]}),{wie}&"de datum opname ligt na de beoogde ingangsdatum.",', ")"),
            (f'IF(AND(ISNUMBER({dat["F"]}),ISNUMBER({dat["R"]}),{dat["F"]}>{dat["R"]}),{wie}&"de geboortedatum ligt na de datum opname.",', ")"),
            (
                f'IF(AND(ISNUMBER({maanden}),INDEX(mzp_zp_max_maanden,Y{r})<>"",N({maanden})>N(INDEX(mzp_zp_max_maanden,Y{r}))),'
                f'{wie}&"voor "&INDEX(mzp_zp,Y{r})&" is de maximale termijn "&INDEX(mzp_zp_max_maanden,Y{r})&" maanden.",',
                ")",
            ),
        ]
        f[(S, f"AJ{r}")] = "=" + _ketting(delen)
        # missing data the checker requires (BSN, name, CCE; 2026: LVHC for the profiles the form
        # asks it for, the doelgroep when LVHC is Ja; no empty rows between group clients)
        gat = f'AND({SOORT}="groep",AD{r}=0,SUM(AD{r + 1}:AD{rijen[-1]})>0)' if r < rijen[-1] else "FALSE"
        cce = f"{CG_CCE_WAARDE[1]}{r}"
        ontbreekt = [
            (f'TRIM(H{r})=""', f"het BSN van cliënt {i} (Clientgegevens H{r}) ontbreekt."),
            (f'TRIM(D{r})=""', f"de naam van cliënt {i} (Clientgegevens D{r}) ontbreekt."),
            (f'{cce}=""', f"'CCE betrokken' (Ja/Nee) van cliënt {i} (Clientgegevens V{r}) ontbreekt."),
            (f'{cce}="?"', f"'CCE betrokken' van cliënt {i} (Clientgegevens V{r}): vul Ja of Nee in."),
        ]
        if heeft_lvhc(p.jaar):
            lv = f"{CG_LVHC_WAARDE[1]}{r}"
            lvhc_zp = _in_lijst(f"INDEX(mzp_zp,Y{r})", lijst(p, "lvhc_zorgprofielen"))
            ontbreekt += [
                (f'AND(IF(Y{r}>0,{lvhc_zp},FALSE),{lv}="")', f"'Is LVHC van toepassing?' van cliënt {i} (Clientgegevens X{r}) ontbreekt."),
                (f'AND({lv}="Ja",TRIM(Z{r})="")', f"de doelgroep van cliënt {i} (Clientgegevens Z{r}) ontbreekt (LVHC is Ja)."),
            ]
        eerste = "".join(f"IF({a},{q(t)}," for a, t in ontbreekt) + '""' + ")" * len(ontbreekt)
        f[(S, f"AH{r}")] = (
            f'=IF({gat},"rij {r} van Clientgegevens is leeg, maar er staan cliënten onder; vul de cliënten aaneengesloten in vanaf rij 7.",'
            f'IF(AE{r}=0,"",{eerste}))'
        )
        f[(S, f"AI{r}")] = f'=IF({gat},1,IF(AE{r}=0,0,' + "+".join(f"IF({a},1,0)" for a, _ in ontbreekt) + "))"
        # "Let op" per client, with the engine's texts (validatie.valideer_client)
        lo = f'IF(OR(AE{r}=0,Y{r}=0),"","Let op: "&{wie}&'
        zpn = f"INDEX(mzp_zp,Y{r})"
        # VV7/VV8 with behandeling Nee: computed with its own prestatiecode (Z071, Z081)
        vv = _in_lijst(zpn, p.alleen_met_behandeling_en_dagbesteding)
        f[(S, f"{CG_VV}{r}")] = (
            f'=IF(OR(AE{r}=0,AB{r}=0),"",IF(AND({vv},OR(BB{r}="Nee",BC{r}="Nee")),"Let op: "&{wie}&{zpn}&" met "'
            f'&IF(AND(BB{r}="Nee",BC{r}="Nee"),"behandeling en dagbesteding",IF(BC{r}="Nee","behandeling","dagbesteding"))'
            f'&" Nee is berekend met prestatiecode "&P{r}&". Volgens de instructie (webinar administratie meerzorg, ZN oktober 2025) vult u bij "'
            f'&{zpn}&" altijd Ja in bij behandeling en dagbesteding; is er geen behandeling of dagbesteding, vul dan 0 uur in. Met Nee kan het bedrag te hoog uitvallen.",""))'
        )
        if heeft_lvhc(p.jaar):
            doelgroepen = lijst(p, "doelgroepen")
            dg = _in_lijst(f"TRIM(Z{r})", doelgroepen)
            delen = [
                f'IF({lv}="?",{wie}&"\'Is LVHC van toepassing?\': vul Ja of Nee in, niet ‘"&{_toon(f"X{r}")}&"’.","")',
                f'IF(AND(TRIM(Z{r})<>"",NOT({dg})),{wie}&"onbekende doelgroep ‘"&TRIM(Z{r})&"’; kies uit de lijst van het formulier ({", ".join(doelgroepen)}).","")',
                f'IF(AND(NOT({lvhc_zp}),OR({lv}="Ja",TRIM(Z{r})<>"")),{wie}&"LVHC en een doelgroep horen bij de zorgprofielen '
                f'{", ".join(lijst(p, "lvhc_zorgprofielen"))}, niet bij "&{zpn}&".",IF(AND({lv}="Nee",TRIM(Z{r})<>""),{wie}&"LVHC is niet van toepassing, maar er is een doelgroep ingevuld.",""))',
            ]
            f[(S, f"{CG_LVHC}{r}")] = f'=IF(OR(AE{r}=0,Y{r}=0),"",TRIM(' + '&" "&'.join(f'IF({d}="","","Let op: "&{d})' for d in delen) + "))"
        else:
            f[(S, f"{CG_LVHC}{r}")] = '=""'
        cce_k, nacht_k, opname_k, ingang_k, verlenging_k = CG_LET_OP_EXTRA
        jaren = p.cce_termijn_jaren.waarde if p.cce_termijn_jaren is not None else None
        f[(S, f"{cce_k}{r}")] = (
            f'={lo}"het CCE is de afgelopen {jaren:g} jaar niet betrokken geweest; volgens het beleidsdocument meerzorg {p.jaar} '
            f'is het CCE bij iedere cliënt met meerzorg minimaal eens per {jaren:g} jaar betrokken (ontwikkeltraject).")'
            if jaren is not None else '=""'
        ).replace(f'={lo}', f'=IF(OR(AE{r}=0,{cce}<>"Nee"),"","Let op: "&{wie}&')
        if p.nachtzorg_standaard is not None:
            nacht = waarde(AANVRAAG_IND, "I5") if r == 7 else None
            groep_nacht = waarde(GROEP, f"F{r + GROEP_RIJ_OFFSET}")
            x = f'IF({SOORT}="groep",{groep_nacht},{nacht})' if nacht else groep_nacht
            std = p.nachtzorg_standaard.waarde
            f[(S, f"{nacht_k}{r}")] = (
                f'=IF(AE{r}=0,"",IF(AND(ISNUMBER({x}),N({x})>{std!r}+{EPS}),"Let op: "&{wie}&"nachtzorg "&{_uren_tekst(f"N({x})")}&" per week is meer dan de standaard van '
                f'{format_uren_minuten(std)} per week; onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; toetsingskader meerzorg, nachtzorg).",""))'
            )
        else:
            f[(S, f"{nacht_k}{r}")] = '=""'
        f[(S, f"{opname_k}{r}")] = (
            f'=IF(AE{r}=0,"",IF(AND(ISNUMBER({dat["R"]}),{dat["R"]}>TODAY()),"Let op: "&{wie}&"de datum opname ("&{_datum_tekst(dat["R"])}&") ligt in de toekomst (na "&{_datum_tekst("TODAY()")}&").",""))'
        )
        vorm = p.formulier
        if vorm is not None and vorm.ingang_van is not None:
            van, tot = _serieel(vorm.ingang_van), _serieel(vorm.ingang_tot)
            f[(S, f"{ingang_k}{r}")] = (
                f'=IF(AE{r}=0,"",IF(AND(ISNUMBER({dat["T"]}),OR({dat["T"]}<{van},{dat["T"]}>{tot})),"Let op: "&{wie}&"de beoogde ingangsdatum "&{_datum_tekst(dat["T"])}&'
                f'" ligt buiten de periode die het formulier {p.jaar} toestaat ({vorm.ingang_van:%d-%m-%Y} tot en met {vorm.ingang_tot:%d-%m-%Y}).",""))'
            )
        else:
            f[(S, f"{ingang_k}{r}")] = '=""'
        geen = tuple(p.geen_verlenging.waarde) if p.geen_verlenging is not None else ()
        f[(S, f"{verlenging_k}{r}")] = (
            f'=IF(OR(AE{r}=0,Y{r}=0),"",IF(AND({_in_lijst(zpn, geen)},TRIM({V}!$C$20)="Heraanvraag"),"Let op: "&{wie}&"dit is een heraanvraag voor "&{zpn}&'
            f'"; volgens het beleidsdocument meerzorg {p.jaar} (par. 9 Termijnen) is er voor VG7 plus in principe geen verlenging mogelijk.",""))'
            if geen else '=""'
        )
    # first message over all rows (chain from the bottom)
    last = rijen[-1]
    f[(S, f"AK{last}")] = f"=AJ{last}"
    f[(S, f"AX{last}")] = f"=AH{last}"
    for r in reversed(rijen[:-1]):
        f[(S, f"AK{r}")] = f'=IF(AJ{r}<>"",AJ{r},AK{r + 1})'
        f[(S, f"AX{r}")] = f'=IF(AH{r}<>"",AH{r},AX{r + 1})'
    f[(S, "AY7")] = f"=SUM(AI7:AI{last})"
    # Controle column: the fout of the row, else its "Let op" messages
    spatie = '&" "&'
    k0, k1 = AI_LET_OP, kolom_plus(AI_LET_OP, 1)
    ind = spatie.join(f"{AI}!${k}${r}" for k, r in ((k0, 6), (k1, 6), (k0, 7), (k0, 8)))
    ind += spatie + spatie.join(f"{AI}!${k}${DAG_RIJEN.start}" for k in AI_DAG_LET_OP_EERSTE)
    for r in rijen:
        grp = spatie.join(f"{GR}!${kolom_plus(GR_LET_OP, i)}${r + GROEP_RIJ_OFFSET}" for i in range(3))
        eigen = f'IF(OR({SOORT}="individueel",{SOORT}="preventief"),{ind},"")' if r == 7 else '""'
        f[(S, f"{CG_CONTROLE}{r}")] = (
            f'=IF(AJ{r}<>"",AJ{r},TRIM(IF({SOORT}="groep",{grp},{eigen}){spatie}' + spatie.join(f"{k}{r}" for k in CG_LET_OP) + "))"
        )


def _tijd_tekst(x: str) -> str:
    """hh:mm of a time of day (rounded to the minute), without TEXT (its codes depend on the locale)."""
    m = f"ROUND({x}*1440,0)"
    return f'IF(INT({m}/60)<10,"0","")&INT({m}/60)&":"&IF(MOD({m},60)<10,"0","")&MOD({m},60)'


RATIO_LIJST = ""  # set by formules(p, ...): the ratios of the year as the engine lists them


def _dag_rij(f: dict, S: str, rij: int, van: str, tot: str, uren: str, functie: str, ratio: str, formatie: str, msg: str, dag: str, keten: str,
             let_op: str) -> None:
    n = rij - DAG_RIJEN.start + 1
    TV, RV = waarde(S, f"{tot}{rij}", S), waarde(S, f"{ratio}{rij}", S)  # tot and ratio as read
    if rij == DAG_RIJEN.start:
        f[(S, f"{van}{rij}")] = "=mzp_begin"
    else:
        vorige = waarde(S, f"{tot}{rij - 1}", S)
        f[(S, f"{van}{rij}")] = f'=IF(ISNUMBER({vorige}),{vorige},"")'
    f[(S, f"{uren}{rij}")] = f"=IF(OR(NOT(ISNUMBER({TV})),NOT(ISNUMBER({van}{rij}))),0,{TV}-{van}{rij})"
    f[(S, f"{formatie}{rij}")] = f"=IF(AND(ISNUMBER({RV}),N({RV})<>0),{uren}{rij}/{RV},0)"
    T, H, J, B = f"{tot}{rij}", f"{functie}{rij}", f"{ratio}{rij}", f"{van}{rij}"
    # the message without the prefix "Dagprogramma <dag>, regel <n>: " in a hidden cell
    delen = [
        (f'IF({TV}="","",', ")"),  # no time: a functie or ratio alone is a "Let op" (below)
        (f'IF(NOT(ISNUMBER({TV})),{_onleesbaar(T, TV, "Tijd tot", "geen geldige tijd", "uitleg:tijd")},', ")"),
        (f'IF(OR({TV}<mzp_begin-{EPS},{TV}>mzp_eind+{EPS}),"de tijd ligt buiten 07:00–23:00.",', ")"),
    ]
    if rij != DAG_RIJEN.start:
        delen.append((f'IF({waarde(S, f"{tot}{rij - 1}", S)}="","lege regel erboven; vul het dagprogramma zonder lege regels in.",', ")"))
    delen += [
        (f'IF({TV}<={B},"de eindtijd ligt niet na de begintijd.",', ")"),
        # a pause (no functie and no ratio, or ratio 0) counts 0 hours, like the official tool; a time
        # off the quarter hours, a ratio outside the list or another functie: computed, with a "Let op"
        (f'IF(AND({RV}<>"",NOT(ISNUMBER({RV}))),{_onleesbaar(J, RV, "1 begeleider op … cliënt(en)", "geen getal", "uitleg:ratio")},', ")"),
    ]
    f[(S, f"{keten}{rij}")] = "=" + _ketting(delen)
    f[(S, f"{msg}{rij}")] = f'=IF({keten}{rij}="","",{q(f"Dagprogramma {dag}, regel {n}: ")}&{keten}{rij})'
    # "Let op" (the engine's waarschuwingen of validatie._valideer_slots): a time off the quarter
    # hours, another functie, a functie without a ratio, a ratio (not 0) without a functie, a
    # ratio outside the list; the row is computed (0 hours without a functie or a ratio)
    naam = f'"Let op: Cliënt 1"&IF({CG}!$D$7="",""," ("&{CG}!$D$7&")")&", dagprogramma {dag}, regel {n}'
    tijden = f'{naam} ("&{_uren_tekst(B)}&"–"&{_uren_tekst(TV)}&"): "'
    buiten_kwartier = lambda t: f"ABS({t}*1440/mzp_stap-ROUND({t}*1440/mzp_stap,0))>1E-6"  # noqa: E731
    kwartier = f'{naam}: "&{{t}}&" valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van "&mzp_stap&" minuten); er wordt mee gerekend."'
    heeft_ratio = f"AND(ISNUMBER({RV}),N({RV})<>0)"
    delen = [
        f'IF(AND({rij}>{DAG_RIJEN.start},{buiten_kwartier(B)}),{kwartier.format(t=_uren_tekst(B))},"")',
        f'IF({buiten_kwartier(TV)},{kwartier.format(t=_uren_tekst(TV))},"")',
        f'IF(AND(TRIM({H})<>"",TRIM({H})<>"Wonen",TRIM({H})<>"Dagbesteding"),{tijden}&"functie ‘"&TRIM({H})&"’ is geen Wonen of Dagbesteding; telt als 0 uur.",'
        f'IF(AND(TRIM({H})<>"",{RV}=""),{tijden}&"functie ingevuld maar geen begeleider-ratio; telt als 0 uur.",'
        f'IF(AND(TRIM({H})="",{heeft_ratio}),{tijden}&"begeleider-ratio ingevuld maar geen functie; telt als 0 uur.","")))',
        f'IF(AND({heeft_ratio},COUNTIF(mzp_ratios,ROUND(N({RV}),9))=0),{tijden}&"1 begeleider op "&SUBSTITUTE({RV}&"",".",",")&" cliënt(en) staat niet in de keuzelijst van het formulier ({RATIO_LIJST}); er wordt mee gerekend.","")',
    ]
    samen = '&" "&'.join(delen)
    zonder_tijd = f'{naam}: functie of begeleider-ratio ingevuld maar de eindtijd (\'Tijd tot\') ontbreekt; telt als 0 uur."'
    f[(S, f"{let_op}{rij}")] = (
        f'=IF(AND({TV}="",OR(TRIM({H})<>"",{RV}<>"")),{zonder_tijd},'
        f'IF(OR({keten}{rij}<>"",NOT(ISNUMBER({TV})),NOT(ISNUMBER({B}))),"",TRIM({samen})))'
    )


def aanvraag_individueel(f: dict) -> None:
    S = AANVRAAG_IND
    for rij in DAG_RIJEN:
        _dag_rij(f, S, rij, "B", "D", "F", "H", "J", "L", "Z", "maandag-vrijdag", AI_DAG_KETEN[0], AI_DAG_LET_OP[0])
        _dag_rij(f, S, rij, "N", "P", "R", "T", "V", "X", "AA", "zaterdag-zondag", AI_DAG_KETEN[1], AI_DAG_LET_OP[1])
    # the first "Let op" of a day column from each row down, and how many
    for let_op, eerste, aantal in zip(AI_DAG_LET_OP, AI_DAG_LET_OP_EERSTE, AI_DAG_LET_OP_AANTAL):
        laatste = DAG_RIJEN[-1]
        f[(S, f"{eerste}{laatste}")] = f"={let_op}{laatste}"
        f[(S, f"{aantal}{laatste}")] = f'=IF({let_op}{laatste}<>"",1,0)'
        for r in reversed(list(DAG_RIJEN)[:-1]):
            f[(S, f"{eerste}{r}")] = f'=IF({let_op}{r}<>"",{let_op}{r},{eerste}{r + 1})'
            f[(S, f"{aantal}{r}")] = f'=IF({let_op}{r}<>"",1,0)+{aantal}{r + 1}'

    for cel, functie, kol_f, kol_l in (("G12", "Wonen", "H", "L"), ("G13", "Dagbesteding", "H", "L"),
                                       ("T12", "Wonen", "T", "X"), ("T13", "Dagbesteding", "T", "X")):  # fmt: skip
        delen = [f'IF(TRIM({kol_f}{r})="{functie}",{kol_l}{r},0)' for r in DAG_RIJEN]
        f[(S, cel)] = "=0+" + "+".join(delen)
    f[(S, "I3")] = "=(G12*5)+(T12*2)"
    f[(S, "I4")] = "=(G13*5)+(T13*2)"
    # first message of each day column (chain from the bottom)
    last = DAG_RIJEN[-1]
    for msg, first in (("Z", "AB"), ("AA", "AC")):
        f[(S, f"{first}{last}")] = f"={msg}{last}"
        for r in reversed(list(DAG_RIJEN)[:-1]):
            f[(S, f"{first}{r}")] = f'=IF({msg}{r}<>"",{msg}{r},{first}{r + 1})'
    v = {cel: waarde(S, cel, S) for cel in ("I5", "I6", "I7", "I8", "V5", "V6")}
    f[(S, "Z5")] = "=" + _ketting(
        [
            _duur_fout("I5", v["I5"], "Nachtzorg (I5)"),
            _duur_fout("I6", v["I6"], "Inzet behandelaren (I6)"),
            _duur_fout("I7", v["I7"], "Min-uren (I7)"),
            _duur_fout("I8", v["I8"], "Contextgebonden uren per jaar (I8)"),
            _euro_fout("V5", v["V5"], "Contextgebonden middelen (V5)"),
            _euro_fout("V6", v["V6"], "Contextgebonden middelen (V6)"),
        ]
    )
    # "Let op" of the engine (validatie.valideer_client) for the individual request
    wie = f'"Let op: Cliënt 1"&IF({CG}!$D$7="",""," ("&{CG}!$D$7&")")&": "'
    te_groot = " ".join(f"N({v[c]})*24>{MAX_UREN}," for c in ("I5", "I6", "I7", "I8")).replace(" ", "").rstrip(",")
    k0, k1 = AI_LET_OP, kolom_plus(AI_LET_OP, 1)
    for som, kol, bericht, dag in ((f"{k0}5", "L", f"{k0}6", "maandag-vrijdag"), (f"{k1}5", "X", f"{k1}6", "zaterdag-zondag")):
        f[(S, som)] = "=" + _keten([f"{kol}{r}" for r in DAG_RIJEN]) + f"+N({v['I5']})/7"  # formatie per day + nachtzorg / 7
        f[(S, bericht)] = (
            f'=IF(AND({som}>1+{EPS},NOT(OR({te_groot}))),{wie}&"meer dan 24 uur zorg op een dag ({dag}: "&{_uren_tekst(som)}&'
            f'" inclusief nachtzorg); controleer de begeleidingsratio\'s.","")'
        )
    d0, d1 = DAG_RIJEN.start, DAG_RIJEN[-1]

    def kolom(cel: str) -> str:
        return waarde(S, cel, S).rstrip("0123456789")

    dagbesteding = "+".join(
        f'SUMPRODUCT((TRIM(${functie}${d0}:${functie}${d1})="Dagbesteding")*ISNUMBER(${kolom(f"{tot}{d0}")}${d0}:${kolom(f"{tot}{d0}")}${d1}))'
        for tot, functie in (("D", "H"), ("P", "T"))
    )
    f[(S, f"{k0}7")] = f'=IF(AND({CG}!$BB$7="Nee",{dagbesteding}>0),{wie}&"dagbesteding is Nee, de dagbesteding in het dagprogramma telt niet mee.","")'
    f[(S, f"{k0}8")] = f'=IF(AND({CG}!$BC$7="Nee",ISNUMBER({v["I6"]}),N({v["I6"]})<>0),{wie}&"behandeling is Nee, de uren inzet behandelaren tellen niet mee.","")'


def overzicht_individueel(f: dict, variant: str, jaar: int) -> None:
    S = OVERZICHT_IND
    r = 7
    K = {}
    # K9 = 0 (no or an unknown zorgprofiel): the chain stays empty instead of #VALUE!
    K[8] = f'=IF({CG}!$Y${r}=0,"",INDEX(mzp_zp,{CG}!$Y${r}))'
    K[9] = f"={CG}!$Y${r}"
    K[10] = f"={CG}!$BB${r}"
    K[11] = f"={CG}!$BC${r}"
    K[12] = f"={CG}!$P${r}"
    K[13] = f"={CG}!$AC${r}"
    K[14] = f"={AI}!$I$3"
    K[15] = f"={AI}!$I$4"
    K[16] = f"=N({waarde(AI_BLAD, 'I5')})"
    K[17] = f"=mzp_factor*N({waarde(AI_BLAD, 'I6')})"
    K[18] = f"=N({waarde(AI_BLAD, 'I7')})"
    K[19] = "=IF(K9=0,0,INDEX(mzp_zp_indirect,K9))"
    K[20] = f"=N({waarde(AI_BLAD, 'I8')})/365*7"
    K[21] = "=" + _totaal("K14", "K15", "K16", "K17", "K18", "K19", "K20", "K10", "K11")
    K[22] = '=IF(OR(K9=0,K21<K13),"",K21-K13)'
    K[23] = "=" + _band_idx("K22", "K9")
    K[24] = '=IF(K23="","",INDEX(mzp_band_label,K9,K23))'
    K[25] = f'=IF(K9=0,"",IF(K22="",{q(VALT_BINNEN)},INDEX(mzp_band_uitkomst,K9,K23)))'
    K[26] = (
        f'=IF(K25={q(UITKOMST_MAATWERK)},(K22*24)/7*365*INDEX(mzp_zp_uurbudget,K9),'
        f'IF(OR(K22="",K25={q(UITKOMST_NMW)}),"",INDEX(mzp_band_bedrag,K9,K23)))'
    )
    K[27] = f"=0+N({waarde(AI_BLAD, 'V5')})+N({waarde(AI_BLAD, 'V6')})"
    K[28] = f'=IF(K26="","",IF(K25={q(UITKOMST_MAATWERK)},MIN(mzp_max*365,K26),K26))'
    K[29] = '=IF(K28="","",K28*mzp_ctx)'
    K[30] = '=IF(K29="","",IF(K27-K29<0,0,K27-K29))'
    K[31] = '=IF(K29="","",IF(K27=0,"Niet van toepassing",IF(K27>K29,"Nee","Ja")))'
    K[32] = '=IF(K26="","",(K26+K30)/365)'
    K[33] = '=IF(K26="","",IF(K32>=mzp_max,mzp_max*365,K26+K30))'
    K[34] = f'=IF(K26="","",K33*N({TARIEF}))'
    K[35] = '=IF(K34="","",K34/365)'
    for row, formula in K.items():
        f[(S, f"K{row}")] = formula
    actief = f'OR({SOORT}="individueel",{SOORT}="preventief")'
    blok = f"OR(NOT({actief}),{V}!$L$96=1)"
    # the sheet as the official one: client and zorgprofiel, the blocks with subtotals (from the steps in K)
    toon = {
        "C8": "K14", "E8": "K14", "C9": "K15", "E9": 'IF(K10="Ja",K15,0)', "C10": "K16", "E10": "K16",
        "E11": 'E8+IF(ISNUMBER(E9),E9,0)+E10', "C14": f"N({waarde(AI_BLAD, 'I6')})", "E14": 'IF(K11="Ja",K17,0)', "E15": "E14",
        "C18": "K18", "E18": "K18", "C21": "K19", "E21": "K19", "C24": f"N({waarde(AI_BLAD, 'I8')})", "E24": "K20", "E25": "E24",
        "C28": "K14+K15+K16+K17-K18+K19+K20", "E28": "K21",
        "B31": f'IF({AI}!$N$5="","a.",{AI}!$N$5)', "C31": f"N({waarde(AI_BLAD, 'V5')})",
        "B32": f'IF({AI}!$N$6="","b.",{AI}!$N$6)', "C32": f"N({waarde(AI_BLAD, 'V6')})", "C33": "K27", "C34": "K31",
    }  # fmt: skip
    for cel, x in toon.items():
        f[(S, cel)] = f'=IF({blok},"",{x})'
    f[(S, "C4")] = f'=IF(NOT({actief}),"",IF({CG}!$D$7="","Cliënt 1",{CG}!$D$7))'
    f[(S, "C5")] = f'=IF(NOT({actief}),"",IF(K8="",{CG}!$J$7,K8&IF(K12="",""," (prestatiecode "&K12&")")))'
    if variant == AANBIEDER:
        f[(S, "E37")] = f'=IF({blok},"",K13)'
        f[(S, "E38")] = f'=IF({blok},"",IF(K22="",{q(VALT_BINNEN)},K22))'
        f[(S, "C39")] = f'=IF({blok},"",K24)'
        f[(S, "E39")] = f'=IF({blok},"",IF(K25={q(UITKOMST_MAATWERK)},"Maatwerk",K34))'
        f[(S, "E40")] = f'=IF({blok},"",IF(K25={q(UITKOMST_MAATWERK)},K34,""))'
        f[(S, "E41")] = f'=IF({blok},"",K35)'
        f[(S, "E42")] = f'=IF({blok},"",K25)'
    else:
        def udf(uitvoer: str) -> str:
            args = ", ".join([
                q(uitvoer), str(jaar), f"{V}!$C$23", f"{V}!$C$17", f"{CG}!$J$7", f"{CG}!$L$7", f"{CG}!$N$7",
                f"{AI}!$D$16:$D$74", f"{AI}!$H$16:$H$74", f"{AI}!$J$16:$J$74",
                f"{AI}!$P$16:$P$74", f"{AI}!$T$16:$T$74", f"{AI}!$V$16:$V$74",
                f"{AI}!$I$5", f"{AI}!$I$6", f"{AI}!$I$7", f"{AI}!$I$8", f"{AI}!$V$5:$V$6", f"{V}!$G$41",
                # naam, bsn, geboortedatum, opname, ingang: checked like the providers' form
                f"{CG}!$D$7", f"{CG}!$H$7", f"{CG}!$F$7", f"{CG}!$R$7", f"{CG}!$T$7",
            ])  # fmt: skip
            return f"MZ_INDIVIDUEEL({args})".replace(", ", ",")

        niet = f'NOT({actief})'
        f[(S, "E37")] = f'=IF({niet},"",{udf("zzp_uren")})'
        f[(S, "E38")] = f'=IF({niet},"",{udf("meerzorguren")})'
        f[(S, "C39")] = f'=IF({niet},"",{udf("uitkomst_label")})'
        f[(S, "E42")] = f'=IF({niet},"",{udf("uitkomst")})'
        f[(S, "E39")] = f'=IF({niet},"",IF(E42="Maatwerk","Maatwerk",{udf("jaarbedrag")}))'
        f[(S, "E40")] = f'=IF({niet},"",IF(E42="Maatwerk",{udf("jaarbedrag")},""))'
        f[(S, "E41")] = f'=IF({niet},"",{udf("etmaalbedrag")})'


def groep(f: dict, variant: str, jaar: int) -> None:
    S = GROEP
    rijen = [r + GROEP_RIJ_OFFSET for r in CLIENT_RIJEN]
    g0, g1 = rijen[0], rijen[-1]
    for g in rijen:
        c = g - GROEP_RIJ_OFFSET
        f[(S, f"AA{g}")] = f"=IF({SOORT}=\"groep\",{CG}!$AD${c},0)"
        f[(S, f"B{g}")] = f'=IF(AA{g}=0,"",IF({CG}!$D${c}="","Cliënt {c - 6}",{CG}!$D${c}))'
        f[(S, f"C{g}")] = f'=IF(AA{g}=0,"",IF({CG}!$Y${c}=0,{CG}!$J${c},INDEX(mzp_zp,{CG}!$Y${c})))'
        gv = {col: waarde(S, f"{col}{g}", S) for col in "DEFHJ"}  # the hours as read
        f[(S, f"G{g}")] = f'=IF(AA{g}=0,"",mzp_factor*N({gv["H"]}))'
        f[(S, f"K{g}")] = f'=IF(AA{g}=0,"",$M$7)'
        f[(S, f"L{g}")] = f'=IF(OR(AA{g}=0,{CG}!$Y${c}=0),"",INDEX(mzp_zp_indirect,{CG}!$Y${c}))'
        tot = _totaal(f"N({gv['D']})", f"N({gv['E']})", f"N({gv['F']})", f"G{g}", f"N({gv['J']})", f"L{g}", f"K{g}", f"{CG}!$BB${c}", f"{CG}!$BC${c}")
        f[(S, f"M{g}")] = f'=IF(OR(AA{g}=0,$M$14=1),"",{tot})'
        f[(S, f"N{g}")] = f'=IF(OR(AA{g}=0,$M$14=1),"",{CG}!$AC${c})'
        f[(S, f"AC{g}")] = f'=IF(M{g}="","",IF(M{g}<N{g},"",M{g}-N{g}))'
        f[(S, f"AD{g}")] = "=" + _band_idx(f"AC{g}", f"{CG}!$Y${c}")
        f[(S, f"T{g}")] = f'=IF(M{g}="","",IF(AC{g}="",{q(VALT_BINNEN)},INDEX(mzp_band_uitkomst,{CG}!$Y${c},AD{g})))'
        f[(S, f"AE{g}")] = (
            f'=IF(OR(T{g}="",AC{g}=""),"",IF(T{g}={q(UITKOMST_MAATWERK)},(AC{g}*24)/7*365*INDEX(mzp_zp_uurbudget,{CG}!$Y${c}),'
            f'IF(T{g}={q(UITKOMST_NMW)},"",INDEX(mzp_band_bedrag,{CG}!$Y${c},AD{g}))))'
        )
        f[(S, f"R{g}")] = f'=IF(AND(AE{g}<>"",T{g}<>{q(UITKOMST_MAATWERK)}),AE{g},"")'
        f[(S, f"U{g}")] = f'=IF(AND(AE{g}<>"",T{g}={q(UITKOMST_MAATWERK)}),MIN(mzp_max*365,AE{g}),"")'
        f[(S, f"W{g}")] = f'=IF(AE{g}="","",(AE{g}+$M$13)/365)'
        f[(S, f"X{g}")] = f'=IF(AE{g}="","",IF(W{g}>=mzp_max,mzp_max*365,AE{g}+$M$13))'
        f[(S, f"AF{g}")] = f'=IF(X{g}="","",X{g}*N({TARIEF}))'
        delen = [(f'IF(AA{g}=0,"",', ")")]
        wie = f"Cliënt {c - 6}"
        for col, wat in (("D", "wonen"), ("E", "dagbesteding"), ("F", "nachtzorg"), ("H", "inzet behandelaren"), ("J", "min-uren")):
            delen.append(_duur_fout(f"{col}{g}", gv[col], f"{wie}, {wat} ({col}{g})"))
        f[(S, f"AG{g}")] = "=" + _ketting(delen)
        # "Let op" of the engine for a group client (validatie.valideer_client, weekly hours)
        let_op = f'"Let op: {wie}"&IF({CG}!$D${c}="",""," ("&{CG}!$D${c}&")")&": "'
        te_groot = ",".join(f"N({gv[col]})*24>{MAX_UREN}" for col in "DEFHJ")
        week = f"0+N({gv['D']})+N({gv['E']})+N({gv['F']})"
        waarschuwingen = [
            f'IF(AND({week}>7+{EPS},NOT(OR({te_groot}))),{let_op}&"meer dan 24 uur zorg per dag ("&{_uren_tekst(week)}&" per week aan wonen, dagbesteding en nachtzorg).","")',
            f'IF(AND({CG}!$BB${c}="Nee",ISNUMBER({gv["E"]}),N({gv["E"]})<>0),{let_op}&"dagbesteding is Nee, de uren dagbesteding tellen niet mee.","")',
            f'IF(AND({CG}!$BC${c}="Nee",ISNUMBER({gv["H"]}),N({gv["H"]})<>0),{let_op}&"behandeling is Nee, de uren inzet behandelaren tellen niet mee.","")',
        ]
        for i, w in enumerate(waarschuwingen):
            f[(S, f"{kolom_plus(GR_LET_OP, i)}{g}")] = f'=IF(AA{g}=0,"",{w})'
        if variant == AANBIEDER:
            f[(S, f"O{g}")] = f'=IF(M{g}="","",IF(AC{g}="",{q(VALT_BINNEN)},AC{g}))'
            f[(S, f"P{g}")] = f'=IF(AC{g}="","",INDEX(mzp_band_label,{CG}!$Y${c},AD{g}))'
            f[(S, f"Q{g}")] = f'=IF(T{g}={q(UITKOMST_MAATWERK)},"Maatwerk",AF{g})'
            f[(S, f"S{g}")] = f'=IF(T{g}={q(UITKOMST_MAATWERK)},AF{g},"")'
            f[(S, f"V{g}")] = f'=IF(AF{g}="","",AF{g}/365)'
    last = rijen[-1]
    f[(S, f"AH{last}")] = f"=AG{last}"
    for g in reversed(rijen[:-1]):
        f[(S, f"AH{g}")] = f'=IF(AG{g}<>"",AG{g},AH{g + 1})'
    # group level (engine bereken_groep)
    f[(S, "M5")] = f"=SUM(AA{g0}:AA{g1})"
    f[(S, "M6")] = f"=COUNT(AE{g0}:AE{g1})"
    c8, c11, c12 = (waarde(S, cel, S) for cel in ("C8", "C11", "C12"))
    f[(S, "M7")] = f"=IF(M5=0,0,(N({c8})/365*7)/M5)"
    f[(S, "M8")] = f"=({_keten([f'R{g}' for g in rijen])})+({_keten([f'U{g}' for g in rijen])})"
    f[(S, "M9")] = f"=0+N({c11})+N({c12})"
    f[(S, "M10")] = "=M8*mzp_ctx"
    f[(S, "M11")] = "=IF(M9-M10<0,0,M9-M10)"
    f[(S, "M12")] = '=IF(M9=0,"Niet van toepassing",IF(M9>M10,"Nee","Ja"))'
    f[(S, "M13")] = "=IF(M6=0,0,M11/M6)"
    f[(S, "M15")] = "=" + _ketting(
        [
            (f'IF({SOORT}<>"groep","",', ")"),
            (f'IF(M5<2,"Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er "&M5&".",', ")"),
            _duur_fout("C8", c8, "Contextgebonden uren groep (C8)"),
            _euro_fout("C11", c11, "Contextgebonden middelen groep (C11)"),
            _euro_fout("C12", c12, "Contextgebonden middelen groep (C12)"),
            (f'IF(AH{g0}<>"",AH{g0},', ")"),
        ]
    )
    f[(S, "M14")] = f'=IF(OR(M15<>"",{V}!$L$29<>"",{CG}!$AK$7<>""),1,0)'
    if variant == AANBIEDER:
        f[(S, "Q36")] = "=" + _keten([f"Q{g}" for g in rijen])
        f[(S, "S36")] = "=" + _keten([f"S{g}" for g in rijen])
        f[(S, "V36")] = "=" + _keten([f"V{g}" for g in rijen])
    else:
        def udf(uitvoer: str, nr: int | str) -> str:
            args = ",".join([
                q(uitvoer), str(nr), str(jaar), f"{V}!$C$17",
                f"{CG}!$D$7:$D$23", f"{CG}!$J$7:$J$23", f"{CG}!$L$7:$L$23", f"{CG}!$N$7:$N$23",
                f"$D${g0}:$D${g1}", f"$E${g0}:$E${g1}", f"$F${g0}:$F${g1}", f"$H${g0}:$H${g1}", f"$J${g0}:$J${g1}",
                "$C$8", "$C$11:$C$12", f"{V}!$G$41",
                # bsns, geboortedata, opnames, ingangen: checked like the providers' form
                f"{CG}!$H$7:$H$23", f"{CG}!$F$7:$F$23", f"{CG}!$R$7:$R$23", f"{CG}!$T$7:$T$23",
            ])  # fmt: skip
            return f"MZ_GROEP({args})"

        niet = f'{SOORT}<>"groep"'
        for g in rijen:
            nr = g - g0 + 1
            f[(S, f"O{g}")] = f'=IF({niet},"",{udf("meerzorguren", nr)})'
            f[(S, f"P{g}")] = f'=IF({niet},"",{udf("uitkomst_label", nr)})'
            f[(S, f"T{g}")] = f'=IF({niet},"",{udf("uitkomst", nr)})'
            f[(S, f"Q{g}")] = f'=IF({niet},"",IF(T{g}="Maatwerk","Maatwerk",{udf("jaarbedrag", nr)}))'
            f[(S, f"S{g}")] = f'=IF({niet},"",IF(T{g}="Maatwerk",{udf("jaarbedrag", nr)},""))'
            f[(S, f"V{g}")] = f'=IF({niet},"",{udf("etmaalbedrag", nr)})'
        f[(S, "Q36")] = f'=IF({niet},"",{udf("totaal_jaarbedrag", 1)})'
        f[(S, "S36")] = '=""'
        f[(S, "V36")] = f'=IF({niet},"",{udf("totaal_etmaalbedrag", 1)})'


def formules(p: Parameters, variant: str) -> dict[tuple[str, str], str]:
    if variant not in (AANBIEDER, ZORGKANTOOR_UDF):
        raise ValueError(f"Onbekende variant {variant!r}; kies {AANBIEDER} of {ZORGKANTOOR_UDF}")
    f: dict[tuple[str, str], str] = {}
    global RATIO_LIJST
    RATIO_LIJST = ", ".join(getal_nl(r) for r in p.begeleider_ratios)
    lezers(f)
    voorblad(f, p)
    clientgegevens(f, p)
    aanvraag_individueel(f)
    overzicht_individueel(f, variant, p.jaar)
    groep(f, variant, p.jaar)
    from . import totaal, verhuis  # the extra sheets (their own modules)

    f.update(verhuis.formules(p, variant))
    f.update(totaal.formules(p, variant))
    if variant == ZORGKANTOOR_UDF:
        # totals on the Voorblad from the UDF cells
        f[(V, "G37")] = (
            f'=IF(OR($L$23="individueel",$L$23="preventief"),IF(ISNUMBER({OI}!$E$40),{OI}!$E$40,IF(ISNUMBER({OI}!$E$39),{OI}!$E$39,IF({OI}!$E$39="",0,{OI}!$E$39))),'
            f'IF($L$23="groep",{GR}!$Q$36,""))'
        )
        # no budget (E41 empty): 0,00 like the engine and the providers' form
        f[(V, "G39")] = f'=IF(OR($L$23="individueel",$L$23="preventief"),IF({OI}!$E$41="",0,{OI}!$E$41),IF($L$23="groep",{GR}!$V$36,""))'
    return f
