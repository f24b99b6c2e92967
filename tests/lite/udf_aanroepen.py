"""UDF calls on a form's cells (as in koppel's sheet), with ranges as lists of lists."""

from __future__ import annotations

from xl_meerzorg.workbook import officieel as off


def _kolom(cellen: dict, blad: str, kol: str, rijen: range) -> list[list]:
    return [[cellen.get(blad, {}).get(f"{kol}{r}")] for r in rijen]


def _jaar(cellen: dict) -> int:
    return off.jaar_uit_versie(cellen.get("Voorblad", {}).get("G6")) or 2026


def ind_args(cellen: dict) -> list:
    vb, cg, ai = off.VOORBLAD, off.CLIENTGEGEVENS, off.AANVRAAG_IND
    c = lambda blad, ref: cellen.get(blad, {}).get(ref)  # noqa: E731
    return [
        _jaar(cellen), c(vb, "C23"), c(vb, "C17"), c(cg, "J7"), c(cg, "L7"), c(cg, "N7"),
        *(_kolom(cellen, ai, k, off.DAG_RIJEN) for k in off.DAG_MA_VR),
        *(_kolom(cellen, ai, k, off.DAG_RIJEN) for k in off.DAG_ZA_ZO),
        c(ai, "I5"), c(ai, "I6"), c(ai, "I7"), c(ai, "I8"), [[c(ai, "V5")], [c(ai, "V6")]], c(vb, "G41"),
    ]  # fmt: skip


def groep_args(cellen: dict) -> list:
    vb, cg, gr = off.VOORBLAD, off.CLIENTGEGEVENS, off.GROEP
    g = range(off.CLIENT_RIJEN[0] + off.GROEP_RIJ_OFFSET, off.CLIENT_RIJEN[-1] + off.GROEP_RIJ_OFFSET + 1)
    return [
        _jaar(cellen), cellen.get(vb, {}).get("C17"),
        *(_kolom(cellen, cg, k, off.CLIENT_RIJEN) for k in ("D", "J", "L", "N")),
        *(_kolom(cellen, gr, k, g) for k in off.GROEP_KOLOMMEN.values()),
        cellen.get(gr, {}).get("C8"), [[cellen.get(gr, {}).get("C11")], [cellen.get(gr, {}).get("C12")]],
        cellen.get(vb, {}).get("G41"),
    ]  # fmt: skip


def aanroepen(cellen: dict) -> list[list]:
    """[name, args] of the calls koppel's sheet makes, plus MZ_PARAMETER, MZ_VERSIE and MZ_RESULTAAT."""
    ind, groep = ind_args(cellen), groep_args(cellen)
    uit = [["MZ_INDIVIDUEEL", [u, *ind]] for u in ("uitkomst", "uitkomst_label", "meerzorguren", "jaarbedrag", "etmaalbedrag")]
    uit += [[n, ind] for n in ("MZ_UITKOMST", "MZ_MEERZORGUREN", "MZ_JAARBEDRAG", "MZ_ETMAALBEDRAG", "MZ_RESULTAAT", "MZ_MELDINGEN")]
    uit += [["MZ_GROEP", [u, nr, *groep]] for nr in range(1, 18) for u in ("uitkomst_label", "meerzorguren", "jaarbedrag", "etmaalbedrag")]
    uit += [["MZ_GROEP", [u, 1, *groep]] for u in ("totaal_jaarbedrag", "totaal_etmaalbedrag", "aantal_clienten")]
    uit += [["MZ_GROEP_MELDINGEN", groep]]
    uit += [["MZ_PARAMETER", [_jaar(cellen), "zzp_uren", "VG7"]], ["MZ_PARAMETER", [_jaar(cellen), "maximum_etmaalbedrag"]]]
    uit += [["MZ_VERSIE", [_jaar(cellen)]], ["MZ_VERSIE", []]]
    return uit
