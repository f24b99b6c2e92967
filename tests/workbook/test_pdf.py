"""The form printed to PDF by headless LibreOffice, every sheet, both variants:

- at most as many pages as the official form of the same year (rendered the same way:
  ``soffice --headless --convert-to pdf`` of the official rekentool, see OFFICIELE_PAGINAS);
- no blank page and no "###" (``pdftotext``), also with the largest values a cell shows
  (€ 9.999.999,99 and 999:59 hours in every amount and duration cell);
- the labels of a block on the same page as its cells;
- the Voorblad one A4 page.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pytest

from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook.bouw import AFDRUK, FMT_DUUR, FMT_EURO, bouw, exacte_getallen
from xl_meerzorg.workbook.layout import AANVRAAG_IND, CLIENTGEGEVENS, GROEP, OVERZICHT_IND, STATUS_RIJ, VOORBLAD, VARIANTEN
from xl_meerzorg import beschikbare_jaren

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None or shutil.which("pdftotext") is None, reason="LibreOffice of pdftotext ontbreekt"),
]

# Pages of the official rekentool printed with headless LibreOffice (soffice --convert-to pdf),
# measured on 1 December 2026: Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx and
# aanvraagformulier-meerzorg-rekentool-2025.xlsx.
OFFICIELE_PAGINAS = {2025: 41, 2026: 40}
JAREN = beschikbare_jaren()
GROOTSTE_BEDRAG = 9_999_999.99
GROOTSTE_DUUR = (999 + 59 / 60) / 24


def _pdf_paginas(pdf) -> list[str]:
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            for i in range(1, n + 1)]  # fmt: skip


def _grootst(pad, uit):
    """A copy where every amount and duration cell of the printed sheets shows the largest value."""
    wb = openpyxl.load_workbook(pad)
    for ws in wb.worksheets:
        if ws.title not in AFDRUK:
            continue
        for rij in ws.iter_rows():
            for c in rij:
                if c.number_format == FMT_EURO:
                    c.value = GROOTSTE_BEDRAG
                elif c.number_format == FMT_DUUR:
                    c.value = GROOTSTE_DUUR
    wb[VOORBLAD]["E4"] = 4  # an NZa number of the year's list: the name and the zorgkantoor are looked up
    with exacte_getallen():
        wb.save(uit)
    return uit


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """{(jaar, variant, soort): [text per page]} after ONE LibreOffice run."""
    tmp = tmp_path_factory.mktemp("pdf")
    paden, sleutels = [], []
    for jaar in JAREN:
        for pad, variant in zip(bouw(jaar, tmp / f"bouw{jaar}"), VARIANTEN):
            kopie = tmp / f"leeg-{jaar}-{variant}.xlsx"
            shutil.copy(pad, kopie)
            paden += [kopie, _grootst(pad, tmp / f"grootst-{jaar}-{variant}.xlsx")]
            sleutels += [(jaar, variant, "leeg"), (jaar, variant, "grootst")]
    uit = recalculate(paden, tmp / "uit", fmt="pdf")
    PDF_PADEN.update(zip(sleutels, uit))
    return {k: _pdf_paginas(p) for k, p in zip(sleutels, uit)}


PDF_PADEN: dict = {}


@pytest.mark.parametrize("jaar", JAREN)
@pytest.mark.parametrize("variant", VARIANTEN)
def test_paginas_en_geen_lege_pagina(pdfs, jaar, variant):
    for soort in ("leeg", "grootst"):
        paginas = pdfs[(jaar, variant, soort)]
        assert 8 <= len(paginas) <= OFFICIELE_PAGINAS[jaar], (soort, len(paginas))
        leeg = [i + 1 for i, t in enumerate(paginas) if not t.strip()]
        assert leeg == [], soort
        hekjes = [i + 1 for i, t in enumerate(paginas) if "###" in t]
        assert hekjes == [], soort


GROOTSTE_TEKST = ("9.999.999,99", "9,999,999.99")  # the amount in a Dutch or an English LibreOffice


def _pagina(paginas: list[str], *teksten) -> list[set[int]]:
    """The pages that hold each text (one set per text; a tuple: one of its texts)."""
    return [{i for i, t in enumerate(paginas) if any(x in " ".join(t.split()) for x in ((tekst,) if isinstance(tekst, str) else tekst))}
            for tekst in teksten]  # fmt: skip


@pytest.mark.parametrize("jaar", JAREN)
def test_labels_op_dezelfde_pagina_als_hun_cellen(pdfs, jaar):
    paginas = pdfs[(jaar, VARIANTEN[0], "grootst")]
    blokken = [
        # Voorblad: from the NZa number to the signature and the totals, one page
        ("Registratienummer NZa", "Geef aan om welk type aanvraag het gaat", "Totaal jaarbedrag meerzorg", GROOTSTE_TEKST, "(handtekening)",
         "Controle van het formulier"),
        # Aanvraag individueel: the hours and their values, the context euros and the amounts
        ("Totaal uren (per week):", "Nachtzorg", "Min-uren", "999:59", "Extra contextgebonden middelen in euro's", "Bedrag per jaar"),
        # the day programme: its header with the times of its rows
        ("Dagprogramma maandag-vrijdag", "Tijd van", "Tijd tot", "Formatie-uren"),
        # Overzicht individueel: client on top, the blocks and the outcome
        ("Overzicht meerzorgaanvraag individueel", "Naam cliënt", "Subtotaal uren:minuten zorg", "Berekend etmaalbedrag", "Uitkomst volgens het beleid"),
        # Aanvraag-overzicht groep: the header row and the totals
        ("Aanvraag groepsmeerzorg", "Meerzorguren", "Meerzorgprofiel", "Uren per week", "Totaal"),
        ("Cliëntgegevens", "Naam cliënt", "Beoogde", "Controle"),
    ]
    for blok in blokken:
        gevonden = _pagina(paginas, *blok)
        assert all(gevonden), (blok, gevonden)
        assert set.intersection(*gevonden), (blok, gevonden)


@pytest.mark.parametrize("jaar", JAREN)
def test_naam_en_zorgkantoor_bij_het_nza_nummer(pdfs, jaar):
    """LibreOffice looks up NZa number 4 in the year's list (Voorblad C10, G10, G11)."""
    voorblad = next(t for t in pdfs[(jaar, VARIANTEN[0], "grootst")] if f"Aanvraagformulier (preventieve) meerzorg {jaar}" in t)
    tekst = " ".join(voorblad.split())
    assert "Woonzorgcentrum Het Hooge Heem" in tekst and "Zorgkantoor Groningen" in tekst and "Menzis" in tekst
    leeg = next(t for t in pdfs[(jaar, VARIANTEN[0], "leeg")] if f"Aanvraagformulier (preventieve) meerzorg {jaar}" in t)
    assert "Hooge Heem" not in leeg


def test_voorblad_is_een_a4(pdfs, tmp_path):
    jaar = JAREN[-1]
    pad = bouw(jaar, tmp_path / "bouw")[0]
    wb = openpyxl.load_workbook(pad)
    vb = wb[VOORBLAD]
    assert str(vb.print_area).endswith(f"$A$1:$H${STATUS_RIJ + 7}")
    assert int(vb.page_setup.paperSize) == 9 and vb.sheet_properties.pageSetUpPr.fitToPage
    assert (vb.page_setup.fitToWidth, vb.page_setup.fitToHeight) == (1, 1)
    for blad in (CLIENTGEGEVENS, AANVRAAG_IND, OVERZICHT_IND, GROEP):
        assert wb[blad].print_area and wb[blad].page_setup.fitToWidth == 1, blad
    assert wb[AANVRAAG_IND].print_title_rows == "$15:$15"
    # in the PDF of the whole form: the Voorblad is one page (its title and its last block on
    # it, the next page is Clientgegevens), A4 portrait
    paginas = pdfs[(jaar, VARIANTEN[0], "leeg")]
    [titel] = [i for i, t in enumerate(paginas) if f"Aanvraagformulier (preventieve) meerzorg {jaar}" in t]
    assert "Controle van het formulier" in paginas[titel] and "Door ondertekening van dit formulier" in paginas[titel]
    assert paginas[titel + 1].lstrip().startswith("Cliëntgegevens")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(PDF_PADEN[(jaar, VARIANTEN[0], "leeg")])], capture_output=True, text=True).stdout
    grootte = re.search(rf"Page\s+{titel + 1} size:\s+([\d.]+) x ([\d.]+)", info)
    assert grootte and (round(float(grootte.group(1))), round(float(grootte.group(2)))) == (595, 842)
