"""Plain Excel formulas of the form, generated from the engine's rules.

Every computed cell follows the operation order of ``xl_meerzorg.berekening`` (chained
``+`` instead of SUM so that the sums are the same IEEE doubles as the engine's
sequential sums). Parameters come from the hidden sheet *Parameters* through defined
names (``mzp_*``). Only functions that Excel 2010+ and LibreOffice both compute are used
(IF, AND, OR, INDEX, MATCH, COUNTIF, SUMPRODUCT, MID, TEXT, ...): no dynamic arrays, LET or
XLOOKUP.

``formules(p, variant)`` returns {(sheet, cell): "=..."} for every formula cell.
"""

from __future__ import annotations

from xl_meerzorg.parameters import Parameters
from xl_meerzorg.parameters.laden import UITKOMST_MAATWERK, UITKOMST_NMW
from xl_meerzorg.model import VALT_BINNEN

from .layout import (
    AANBIEDER,
    AANVRAAG_IND,
    CLIENTGEGEVENS,
    GROEP,
    OVERZICHT_IND,
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
OI = f"'{OVERZICHT_IND}'"
GR = f"'{GROEP}'"

# Parameters sheet geometry
ZP_START = 20  # first zorgprofiel row
PC_START = 60  # first prestatiecode row
LIJST_KOL_RATIO = "BA"
LIJST_KOL_TIJD = "BB"
BAND_KOL = 8  # column H: first band lower bound
GROOT = "1E+300"  # padding for unused band bounds (MATCH never reaches it)

# Helper cells on the Voorblad (column L, outside the print area)
SOORT = f"{V}!$L$23"  # "individueel" / "preventief" / "groep" / "" / "?"
FOUT_ALG = f"{V}!$L$29"  # first general message
FOUT_IND = f"{V}!$L$31"  # 1 when the individual calculation has a fout
FOUT_GRP = f"{V}!$L$32"  # 1 when the group calculation has a fout
TARIEF = f"{V}!$C$17"

EPS = "1E-9"


def q(text: str) -> str:
    """A string literal in a formula."""
    return '"' + text.replace('"', '""') + '"'


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
    }


def tijden(p: Parameters) -> list[float]:
    stap = p.stap_minuten
    begin = round(p.dag_begin * 1440)
    eind = round(p.dag_eind * 1440)
    return [m / 1440 for m in range(begin, eind + 1, stap)]


def pc_rijen(p: Parameters):
    """Allowed prestatiecodes (VV7/VV8 only with behandeling and dagbesteding)."""
    out = []
    for pc in p.prestatiecodes.values():
        if pc.zorgprofiel in p.alleen_met_behandeling_en_dagbesteding and not (pc.behandeling and pc.dagbesteding):
            continue
        key = f"{pc.zorgprofiel}|{'Ja' if pc.behandeling else 'Nee'}|{'Ja' if pc.dagbesteding else 'Nee'}"
        out.append((key, pc))
    return out


def _jn(ref: str) -> str:
    return f'IF(TRIM({ref})="Ja","Ja",IF(TRIM({ref})="Nee","Nee",""))'


def _keten(cellen: list[str]) -> str:
    """0+N(a)+N(b)+...: the engine's sequential sum (text and empty count as 0)."""
    return "0+" + "+".join(f"N({c})" for c in cellen)


def _duur_fout(ref: str, wat: str) -> tuple[str, str]:
    return (
        f'IF(AND({ref}<>"",NOT(ISNUMBER({ref}))),{q(wat + ": geen geldige tijdsduur; vul uren:minuten in, bijvoorbeeld 4:30.")},'
        f'IF(N({ref})<0,{q(wat + ": mag niet negatief zijn.")},',
        "))",
    )


def _euro_fout(ref: str, wat: str) -> tuple[str, str]:
    return (
        f'IF(AND({ref}<>"",NOT(ISNUMBER({ref}))),{q(wat + ": geen getal.")},'
        f'IF(N({ref})<0,{q(wat + ": mogen niet negatief zijn.")},',
        "))",
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


def voorblad(f: dict) -> None:
    t = f"TRIM({V}!$C$23)"
    f[(V, "L23")] = (
        f'=IF({t}="","",IF(OR({t}={q(TYPE_PREVENTIEF)},{t}="preventief"),"preventief",'
        f'IF(OR({t}={q(TYPE_INDIVIDUEEL)},{t}="individueel"),"individueel",'
        f'IF(OR({t}={q(TYPE_GROEP)},{t}="groep"),"groep","?"))))'
    )
    c17 = "$C$17"
    g41 = "$G$41"
    f[(V, "L29")] = "=" + _ketting(
        [
            (f'IF($L$23="",{q("Kies op het Voorblad (C23) het type aanvraag.")},', ")"),
            (f'IF($L$23="?",{q("Onbekend type aanvraag op het Voorblad (C23); kies uit de lijst.")},', ")"),
            (f'IF({c17}="",{q("Het afgesproken tariefpercentage (Voorblad C17) ontbreekt.")},', ")"),
            (f"IF(NOT(ISNUMBER({c17})),{q('Het tariefpercentage (Voorblad C17) is geen getal.')},", ")"),
            (f"IF({c17}>1,{q('Het tariefpercentage (Voorblad C17) ligt boven 100% (vul bijvoorbeeld 95% in).')},", ")"),
            (f"IF({c17}<=0,{q('Het tariefpercentage (Voorblad C17) moet groter dan 0 zijn.')},", ")"),
            (f'IF(AND({g41}<>"",NOT(ISNUMBER({g41}))),{q("De aangevraagde periode (Voorblad G41) is geen getal.")},', ")"),
            (f'IF(AND({g41}<>"",N({g41})<>INT(N({g41}))),{q("De aangevraagde periode (Voorblad G41) is geen geheel aantal maanden.")},', ")"),
            (
                f'IF(AND({g41}<>"",OR(N({g41})<1,N({g41})>48)),"De aangevraagde periode (Voorblad G41) ligt buiten 1–48 maanden.",',
                ")",
            ),
        ]
    )
    # first messages per part (shown on the form)
    f[(V, "B29")] = f'=IF($L$29="","","Algemeen: "&$L$29)'
    f[(V, "B30")] = f'=IF($L$29<>"","",IF({CG}!$AK$7="","","Cliëntgegevens: "&{CG}!$AK$7))'
    f[(V, "B31")] = (
        f'=IF(OR($L$29<>"",$L$23="groep"),"",IF({AI}!$Z$5<>"","Uren: "&{AI}!$Z$5,'
        f'IF({AI}!$AB$16<>"",{AI}!$AB$16,IF({AI}!$AC$16<>"",{AI}!$AC$16,""))))'
    )
    f[(V, "B32")] = f'=IF(OR($L$29<>"",$L$23<>"groep"),"",IF({GR}!$M$15<>"","Groep: "&{GR}!$M$15,""))'
    f[(V, "B33")] = (
        f'=IF(AND($L$23="groep",$L$32=0,{GR}!$M$12="Nee"),"Let op: de contextgebonden middelen van de groep liggen boven de drempel; het deel erboven is bij de budgetten opgeteld. Het zorgkantoor beoordeelt dit.",'
        f'IF(AND(OR($L$23="individueel",$L$23="preventief"),$L$31=0,{OI}!$K$31="Nee"),"Let op: de contextgebonden middelen liggen boven de drempel; het deel erboven is bij het budget opgeteld. Het zorgkantoor beoordeelt dit.",""))'
    )
    f[(V, "L31")] = f'=IF(OR($L$29<>"",{CG}!$AK$7<>"",{AI}!$Z$5<>"",{AI}!$AB$16<>"",{AI}!$AC$16<>""),1,0)'
    f[(V, "L32")] = f'=IF(OR($L$29<>"",{CG}!$AK$7<>"",{GR}!$M$15<>""),1,0)'
    f[(V, "B28")] = (
        '=IF(B29&B30&B31&B32<>"","Het formulier is nog niet volledig of bevat een fout; zie de melding hieronder. Er worden geen bedragen berekend.",'
        '"Het formulier is volledig ingevuld; de uitkomst en de bedragen zijn berekend.")'
    )
    f[(V, "G37")] = (
        f'=IF(OR($L$23="individueel",$L$23="preventief"),IF($L$31=1,"",IF(ISNUMBER({OI}!$K$34),{OI}!$K$34,0)),'
        f'IF($L$23="groep",IF($L$32=1,"",{GR}!$Q$36+{GR}!$S$36),""))'
    )
    f[(V, "G39")] = (
        f'=IF(OR($L$23="individueel",$L$23="preventief"),IF($L$31=1,"",IF(ISNUMBER({OI}!$K$35),{OI}!$K$35,0)),'
        f'IF($L$23="groep",IF($L$32=1,"",{GR}!$V$36),""))'
    )


def clientgegevens(f: dict) -> None:
    S = CLIENTGEGEVENS
    rijen = list(CLIENT_RIJEN)
    for r in rijen:
        i = r - 6
        f[(S, f"Y{r}")] = f'=IF(TRIM(J{r})="",0,IFERROR(MATCH(SUBSTITUTE(J{r}," ",""),mzp_zp,0),0))'
        f[(S, f"Z{r}")] = "=" + _jn(f"L{r}")
        f[(S, f"AA{r}")] = "=" + _jn(f"N{r}")
        f[(S, f"AB{r}")] = f'=IF(OR(Y{r}=0,Z{r}="",AA{r}=""),0,IFERROR(MATCH(INDEX(mzp_zp,Y{r})&"|"&AA{r}&"|"&Z{r},mzp_pc_key,0),0))'
        f[(S, f"P{r}")] = f'=IF(AB{r}=0,"",INDEX(mzp_pc_code,AB{r}))'
        f[(S, f"AC{r}")] = f'=IF(AB{r}=0,"",INDEX(mzp_pc_uren,AB{r}))'
        f[(S, f"AD{r}")] = f'=IF(OR(D{r}<>"",F{r}<>"",H{r}<>"",J{r}<>"",L{r}<>"",N{r}<>"",R{r}<>"",T{r}<>""),1,0)'
        if r == 7:
            f[(S, f"AE{r}")] = f'=IF(OR({SOORT}="individueel",{SOORT}="preventief"),1,IF({SOORT}="groep",AD{r},0))'
        else:
            f[(S, f"AE{r}")] = f'=IF({SOORT}="groep",AD{r},0)'
        # BSN: text of 9 digits (a number gets leading zeros) and the 11-proef
        f[(S, f"AF{r}")] = f'=IF(ISNUMBER(H{r}),TEXT(H{r},"000000000"),IF(AND(LEN(TRIM(H{r}))<9,ISNUMBER(--TRIM(H{r}))),REPT("0",9-LEN(TRIM(H{r})))&TRIM(H{r}),TRIM(H{r})))'
        f[(S, f"AG{r}")] = (
            f'=IF(H{r}="",1,IF(LEN(AF{r})<>9,0,IF(SUMPRODUCT(--ISNUMBER(--MID(AF{r},{{1,2,3,4,5,6,7,8,9}},1)))<>9,0,'
            f"IF(AND(MOD(SUMPRODUCT(--MID(AF{r},{{1,2,3,4,5,6,7,8}},1),{{9,8,7,6,5,4,3,2}})-RIGHT(AF{r},1),11)=0,"
            f"SUMPRODUCT(--MID(AF{r},{{1,2,3,4,5,6,7,8}},1),{{9,8,7,6,5,4,3,2}})-RIGHT(AF{r},1)<>0),1,0))))"
        )
        wie = f'"Cliënt {i}"&IF(D{r}="",""," ("&D{r}&")")&": "'
        maanden = f"{V}!$G$41"
        delen = [
            (f'IF(AE{r}=0,"",', ")"),
            (f'IF(TRIM(J{r})="",{wie}&"het zorgprofiel ontbreekt.",', ")"),
            (f'IF(Y{r}=0,{wie}&"onbekend zorgprofiel \'"&J{r}&"\'; kies uit de lijst.",', ")"),
            (f'IF(L{r}="",{wie}&"\'Dagbesteding van toepassing\' (Ja/Nee) ontbreekt.",', ")"),
            (f'IF(Z{r}="",{wie}&"dagbesteding: vul Ja of Nee in.",', ")"),
            (f'IF(N{r}="",{wie}&"\'Behandeling van toepassing\' (Ja/Nee) ontbreekt.",', ")"),
            (f'IF(AA{r}="",{wie}&"behandeling: vul Ja of Nee in.",', ")"),
            (f'IF(AB{r}=0,{wie}&INDEX(mzp_zp,Y{r})&" met behandeling "&AA{r}&" en dagbesteding "&Z{r}&" heeft geen prestatiecode.",', ")"),
            (f'IF(AG{r}=0,{wie}&"BSN "&H{r}&" is ongeldig (voldoet niet aan de 11-proef).",', ")"),
            (f'IF(AND(F{r}<>"",NOT(ISNUMBER(F{r}))),{wie}&"geboortedatum: geen geldige datum.",', ")"),
            (f'IF(AND(R{r}<>"",NOT(ISNUMBER(R{r}))),{wie}&"datum opname: geen geldige datum.",', ")"),
            (f'IF(AND(T{r}<>"",NOT(ISNUMBER(T{r}))),{wie}&"beoogde ingang: geen geldige datum.",', ")"),
            (f'IF(AND(R{r}<>"",T{r}<>"",INT(N(R{r}))>INT(N(T{r}))),{wie}&"de datum opname ligt na de beoogde ingangsdatum.",', ")"),
            (f'IF(AND(F{r}<>"",R{r}<>"",INT(N(F{r}))>INT(N(R{r}))),{wie}&"de geboortedatum ligt na de datum opname.",', ")"),
            (
                f'IF(AND(ISNUMBER({maanden}),INDEX(mzp_zp_max_maanden,Y{r})<>"",N({maanden})>N(INDEX(mzp_zp_max_maanden,Y{r}))),'
                f'{wie}&"voor "&INDEX(mzp_zp,Y{r})&" is de maximale termijn "&INDEX(mzp_zp_max_maanden,Y{r})&" maanden.",',
                ")",
            ),
        ]
        f[(S, f"AJ{r}")] = "=" + _ketting(delen)
    # first message over all rows (chain from the bottom)
    last = rijen[-1]
    f[(S, f"AK{last}")] = f"=AJ{last}"
    for r in reversed(rijen[:-1]):
        f[(S, f"AK{r}")] = f'=IF(AJ{r}<>"",AJ{r},AK{r + 1})'
    for r in rijen:
        f[(S, f"X{r}")] = f"=AJ{r}"


def _dag_rij(f: dict, S: str, rij: int, van: str, tot: str, uren: str, functie: str, ratio: str, formatie: str, msg: str, dag: str) -> None:
    n = rij - DAG_RIJEN.start + 1
    if rij == DAG_RIJEN.start:
        f[(S, f"{van}{rij}")] = "=mzp_begin"
    else:
        f[(S, f"{van}{rij}")] = f'=IF({tot}{rij - 1}="","",{tot}{rij - 1})'
    f[(S, f"{uren}{rij}")] = f'=IF(OR({tot}{rij}="",NOT(ISNUMBER({tot}{rij})),NOT(ISNUMBER({van}{rij}))),0,{tot}{rij}-{van}{rij})'
    f[(S, f"{formatie}{rij}")] = f"=IF(AND(ISNUMBER({ratio}{rij}),N({ratio}{rij})<>0),{uren}{rij}/{ratio}{rij},0)"
    w = f"Dagprogramma {dag}, regel {n}: "
    T, H, J, B = f"{tot}{rij}", f"{functie}{rij}", f"{ratio}{rij}", f"{van}{rij}"
    delen = [
        (f'IF({T}="",IF(OR({H}<>"",{J}<>""),{q(w + "functie of begeleiding ingevuld maar de eindtijd (Tijd tot) ontbreekt.")},""),', ")"),
        (f"IF(NOT(ISNUMBER({T})),{q(w + 'geen geldige tijd; kies een tijd uit de lijst.')},", ")"),
        (f'IF(OR({T}<mzp_begin-{EPS},{T}>mzp_eind+{EPS}),{q(w + "de tijd ligt buiten 07:00–23:00.")},', ")"),
        (f"IF(ABS({T}*1440/mzp_stap-ROUND({T}*1440/mzp_stap,0))>1E-6,{q(w + 'de tijd valt niet op een kwartier.')},", ")"),
    ]
    if rij != DAG_RIJEN.start:
        delen.append((f'IF({tot}{rij - 1}="",{q(w + "lege regel erboven; vul het dagprogramma zonder lege regels in.")},', ")"))
    delen += [
        (f"IF({T}<={B},{q(w + 'de eindtijd ligt niet na de begintijd.')},", ")"),
        (f'IF(AND(TRIM({H})<>"Wonen",TRIM({H})<>"Dagbesteding"),{q(w + "de functie moet Wonen of Dagbesteding zijn.")},', ")"),
        (f'IF({J}="",{q(w + "1 begeleider op … cliënt(en) ontbreekt.")},', ")"),
        (f"IF(NOT(ISNUMBER({J})),{q(w + '1 begeleider op … cliënt(en) is geen getal.')},", ")"),
        (f"IF(COUNTIF(mzp_ratios,{J})=0,{q(w + '1 begeleider op … cliënt(en) staat niet in de lijst.')},", ")"),
    ]
    f[(S, f"{msg}{rij}")] = "=" + _ketting(delen)


def aanvraag_individueel(f: dict) -> None:
    S = AANVRAAG_IND
    for rij in DAG_RIJEN:
        _dag_rij(f, S, rij, "B", "D", "F", "H", "J", "L", "Z", "maandag-vrijdag")
        _dag_rij(f, S, rij, "N", "P", "R", "T", "V", "X", "AA", "zaterdag-zondag")
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
    f[(S, "Z5")] = "=" + _ketting(
        [
            _duur_fout("I5", "Nachtzorg (I5)"),
            _duur_fout("I6", "Inzet behandelaren (I6)"),
            _duur_fout("I7", "Min-uren (I7)"),
            _duur_fout("I8", "Contextgebonden uren per jaar (I8)"),
            _euro_fout("V5", "Contextgebonden middelen (V5)"),
            _euro_fout("V6", "Contextgebonden middelen (V6)"),
        ]
    )


def overzicht_individueel(f: dict, variant: str, jaar: int) -> None:
    S = OVERZICHT_IND
    r = 7
    K = {}
    # K9 = 0 (no or an unknown zorgprofiel): the chain stays empty instead of #VALUE!
    K[8] = f'=IF({CG}!$Y${r}=0,"",INDEX(mzp_zp,{CG}!$Y${r}))'
    K[9] = f"={CG}!$Y${r}"
    K[10] = f"={CG}!$Z${r}"
    K[11] = f"={CG}!$AA${r}"
    K[12] = f"={CG}!$P${r}"
    K[13] = f"={CG}!$AC${r}"
    K[14] = f"={AI}!$I$3"
    K[15] = f"={AI}!$I$4"
    K[16] = f"=N({AI}!$I$5)"
    K[17] = f"=mzp_factor*N({AI}!$I$6)"
    K[18] = f"=N({AI}!$I$7)"
    K[19] = "=IF(K9=0,0,INDEX(mzp_zp_indirect,K9))"
    K[20] = f"=N({AI}!$I$8)/365*7"
    K[21] = "=" + _totaal("K14", "K15", "K16", "K17", "K18", "K19", "K20", "K10", "K11")
    K[22] = '=IF(OR(K9=0,K21<K13),"",K21-K13)'
    K[23] = "=" + _band_idx("K22", "K9")
    K[24] = '=IF(K23="","",INDEX(mzp_band_label,K9,K23))'
    K[25] = f'=IF(K9=0,"",IF(K22="",{q(VALT_BINNEN)},INDEX(mzp_band_uitkomst,K9,K23)))'
    K[26] = (
        f'=IF(K25={q(UITKOMST_MAATWERK)},(K22*24)/7*365*INDEX(mzp_zp_uurbudget,K9),'
        f'IF(OR(K22="",K25={q(UITKOMST_NMW)}),"",INDEX(mzp_band_bedrag,K9,K23)))'
    )
    K[27] = f"=0+N({AI}!$V$5)+N({AI}!$V$6)"
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
    blok = f"OR(NOT({actief}),{V}!$L$31=1)"
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
        f[(S, f"G{g}")] = f'=IF(AA{g}=0,"",mzp_factor*N(H{g}))'
        f[(S, f"K{g}")] = f'=IF(AA{g}=0,"",$M$7)'
        f[(S, f"L{g}")] = f'=IF(OR(AA{g}=0,{CG}!$Y${c}=0),"",INDEX(mzp_zp_indirect,{CG}!$Y${c}))'
        tot = _totaal(f"N(D{g})", f"N(E{g})", f"N(F{g})", f"G{g}", f"N(J{g})", f"L{g}", f"K{g}", f"{CG}!$Z${c}", f"{CG}!$AA${c}")
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
            delen.append(_duur_fout(f"{col}{g}", f"{wie}, {wat} ({col}{g})"))
        f[(S, f"AG{g}")] = "=" + _ketting(delen)
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
    f[(S, "M7")] = "=IF(M5=0,0,(N(C8)/365*7)/M5)"
    f[(S, "M8")] = f"=({_keten([f'R{g}' for g in rijen])})+({_keten([f'U{g}' for g in rijen])})"
    f[(S, "M9")] = "=0+N(C11)+N(C12)"
    f[(S, "M10")] = "=M8*mzp_ctx"
    f[(S, "M11")] = "=IF(M9-M10<0,0,M9-M10)"
    f[(S, "M12")] = '=IF(M9=0,"Niet van toepassing",IF(M9>M10,"Nee","Ja"))'
    f[(S, "M13")] = "=IF(M6=0,0,M11/M6)"
    f[(S, "M15")] = "=" + _ketting(
        [
            (f'IF({SOORT}<>"groep","",', ")"),
            (f'IF(M5<2,"Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er "&M5&".",', ")"),
            _duur_fout("C8", "Contextgebonden uren groep (C8)"),
            _euro_fout("C11", "Contextgebonden middelen groep (C11)"),
            _euro_fout("C12", "Contextgebonden middelen groep (C12)"),
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
    voorblad(f)
    clientgegevens(f)
    aanvraag_individueel(f)
    overzicht_individueel(f, variant, p.jaar)
    groep(f, variant, p.jaar)
    if variant == ZORGKANTOOR_UDF:
        # totals on the Voorblad from the UDF cells
        f[(V, "G37")] = (
            f'=IF(OR($L$23="individueel",$L$23="preventief"),IF(ISNUMBER({OI}!$E$40),{OI}!$E$40,IF(ISNUMBER({OI}!$E$39),{OI}!$E$39,{OI}!$E$39)),'
            f'IF($L$23="groep",{GR}!$Q$36,""))'
        )
        f[(V, "G39")] = f'=IF(OR($L$23="individueel",$L$23="preventief"),{OI}!$E$41,IF($L$23="groep",{GR}!$V$36,""))'
    return f
