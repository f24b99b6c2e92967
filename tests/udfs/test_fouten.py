"""Bad input returns the exact Dutch text and never raises."""

from __future__ import annotations

import pytest

from xl_meerzorg.udfs import meerzorg as mz

from .voorbeelden import individueel, kolom, tijd

ZORGPROFIELEN_2026 = "VG5, VG7, VG7+, VG8, VV7, VV8, LVG4, LVG5, SGLVG1, LG5, LG6, LG7, ZG3AUD, ZG5VIS, GGZ6B, GGZ7B, GGZ4W, GGZ5W"

# (arguments changed from the worked example, exact MZ_UITKOMST text)
FOUTEN = [
    pytest.param({"zorgprofiel": "VG9"},
                 f"Fout: Cliënt 1: onbekend zorgprofiel ‘VG9’ voor 2026; kies uit {ZORGPROFIELEN_2026}.", id="onbekend-zzp"),
    pytest.param({"nachtzorg": "vier uur"},
                 "Fout: Cliënt 1, nachtzorg: geen geldige tijdsduur ‘vier uur’; gebruik u:mm, bijvoorbeeld 4:30.", id="vier-uur"),
    pytest.param({"nachtzorg": True},
                 "Fout: Cliënt 1, nachtzorg: geen geldige tijdsduur Ja; gebruik u:mm, bijvoorbeeld 4:30.", id="bool-uren"),
    pytest.param({"tarief": 1.5},
                 "Fout: Het tariefpercentage 150% (ingevuld: 1,5) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in.", id="tarief-1.5"),
    pytest.param({"tarief": 0.0}, "Fout: Het tariefpercentage 0% moet groter dan 0% zijn.", id="tarief-0"),
    pytest.param({"tarief": None}, "Fout: Het afgesproken tariefpercentage ontbreekt.", id="tarief-leeg"),
    pytest.param({"tarief": "veel"}, "Fout: Tariefpercentage: geen getal ‘veel’.", id="tarief-tekst"),
    pytest.param({"dagbesteding": "misschien"},
                 "Fout: Cliënt 1, dagbesteding van toepassing: vul Ja of Nee in, niet ‘misschien’.", id="ja-nee"),
    pytest.param({"type": None},
                 "Fout: Het type aanvraag ontbreekt (preventief, individueel of groep).", id="type-leeg"),
    pytest.param({"type": "Anders"}, "Fout: Onbekend type aanvraag ‘Anders’.", id="type-onbekend"),
    pytest.param({"jaar": None}, "Fout: het jaar ontbreekt; beschikbaar: 2025, 2026.", id="jaar-leeg"),
    pytest.param({"jaar": 2024.0}, "Fout: Geen parameterset voor 2024; beschikbaar: 2025, 2026.", id="jaar-onbekend"),
    pytest.param({"jaar": "twintig"}, "Fout: ongeldig jaar ‘twintig’; beschikbaar: 2025, 2026.", id="jaar-tekst"),
    pytest.param({"jaar": 2026.5}, "Fout: ongeldig jaar 2026,5; beschikbaar: 2025, 2026.", id="jaar-breuk"),
    pytest.param({"zorgprofiel": [["VG7"], ["VG8"]]},
                 "Fout: zorgprofiel: verwacht één cel, niet een bereik van 2 cellen.", id="bereik-als-cel"),
    pytest.param({"nachtzorg": -4 / 24}, "Fout: Cliënt 1: uren nachtzorg per week mag niet negatief zijn (-4:00).",
                 id="negatief"),
    pytest.param({"dag_tot": kolom(tijd(9), None, tijd(23))},
                 "Fout: Cliënt 1, dagprogramma maandag-vrijdag, regel 3: lege regel erboven; de begintijd van deze "
                 "regel is de eindtijd van de regel erboven, vul het dagprogramma zonder lege regels in.", id="gat-in-dagprogramma"),
    pytest.param({"dag_tot": kolom(tijd(9), "zestien uur", tijd(23))},
                 "Fout: Cliënt 1, dagprogramma maandag-vrijdag, regel 2: geen geldige tijd ‘zestien uur’.", id="tijd-tekst"),
    pytest.param({"dag_ratio": kolom(1.0, "twee", 1.0)},
                 "Fout: Cliënt 1, dagprogramma maandag-vrijdag, regel 2: '1 begeleider op … cliënt(en)' is geen getal: ‘twee’.",
                 id="ratio-tekst"),
    pytest.param({"maanden": 12.5}, "Fout: Aangevraagde periode: geen geheel aantal maanden (12.5).", id="maanden"),
]  # fmt: skip


@pytest.mark.parametrize("over, tekst", FOUTEN)
def test_fout_text(over, tekst):
    a = individueel(**over)
    assert mz.MZ_UITKOMST(**a) == tekst
    # every output of the same request gives the same text; tables carry it too
    assert mz.MZ_JAARBEDRAG(**a) == tekst
    assert mz.MZ_MEERZORGUREN(**a) == tekst
    assert mz.MZ_INDIVIDUEEL("prestatiecode", **a) == tekst
    assert mz.MZ_RESULTAAT(**a) == [[tekst, ""]]
    meldingen = mz.MZ_MELDINGEN(**a)
    assert "fout" in [m[0] for m in meldingen]
    assert all(len(m) == 3 for m in meldingen)


def test_meldingen_name_the_field():
    meldingen = mz.MZ_MELDINGEN(**individueel(nachtzorg="vier uur", tarief=1.5))
    assert meldingen == [
        ["fout", "clienten[0].nachtzorg", "Cliënt 1, nachtzorg: geen geldige tijdsduur ‘vier uur’; gebruik u:mm, bijvoorbeeld 4:30."],
        ["fout", "tariefpercentage", "Het tariefpercentage 150% (ingevuld: 1,5) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in."],
    ]
    assert mz.MZ_UITKOMST(**individueel(nachtzorg="vier uur", tarief=1.5)) == (
        "Fout: Cliënt 1, nachtzorg: geen geldige tijdsduur ‘vier uur’; gebruik u:mm, bijvoorbeeld 4:30. (+1)"
    )


def test_empty_everything():
    leeg = dict.fromkeys(individueel(), None)
    assert mz.MZ_UITKOMST(**leeg) == "Fout: het jaar ontbreekt; beschikbaar: 2025, 2026."
    assert mz.MZ_MELDINGEN(**leeg) == [["fout", "", "het jaar ontbreekt; beschikbaar: 2025, 2026."]]
    assert mz.MZ_RESULTAAT(**leeg) == [["Fout: het jaar ontbreekt; beschikbaar: 2025, 2026.", ""]]
    leeg["jaar"] = 2026.0
    assert mz.MZ_UITKOMST(**leeg) == "Fout: Het type aanvraag ontbreekt (preventief, individueel of groep). (+4)"
    assert mz.MZ_MELDINGEN(**leeg) == [
        ["fout", "soort", "Het type aanvraag ontbreekt (preventief, individueel of groep)."],
        ["fout", "tariefpercentage", "Het afgesproken tariefpercentage ontbreekt."],
        ["fout", "clienten[0].zorgprofiel", "Cliënt 1: het zorgprofiel (zorgzwaartepakket) ontbreekt."],
        ["fout", "clienten[0].dagbesteding", "Cliënt 1: 'Dagbesteding van toepassing' (Ja/Nee) ontbreekt."],
        ["fout", "clienten[0].behandeling", "Cliënt 1: 'Behandeling van toepassing' (Ja/Nee) ontbreekt."],
    ]


def test_unknown_uitvoer():
    assert mz.MZ_INDIVIDUEEL("bedrag", **individueel()) == (
        "Fout: onbekende uitvoer ‘bedrag’; kies uit uitkomst, uitkomst_label, meerzorguren, jaarbedrag, etmaalbedrag, "
        "prestatiecode, budget_100, context_drempel, context_boven_drempel, context_binnen_profiel, totaal_uren, zzp_uren."
    )
    assert mz.MZ_INDIVIDUEEL(" Jaarbedrag ", **individueel()) == mz.MZ_JAARBEDRAG(**individueel())


def test_vv8_with_behandeling_nee_is_computed_with_a_warning():
    """VV8 with behandeling Nee: computed with Z081 like the official tool, plus the instruction."""
    from .voorbeelden import vv8

    a = vv8(behandeling="Nee")
    assert mz.MZ_INDIVIDUEEL("prestatiecode", **a) == "Z081"
    assert not str(mz.MZ_UITKOMST(**a)).startswith("Fout")
    assert ["waarschuwing", "clienten[0].behandeling",
            "Cliënt 1: VV8 met behandeling Nee is berekend met prestatiecode Z081. Volgens de instructie (webinar "
            "administratie meerzorg, ZN oktober 2025) vult u bij VV8 altijd Ja in bij behandeling en dagbesteding; "
            "is er geen behandeling of dagbesteding, vul dan 0 uur in. Met Nee kan het bedrag te hoog uitvallen."] in mz.MZ_MELDINGEN(**a)  # fmt: skip


def test_internal_error_becomes_text(monkeypatch):
    def kapot(*_args, **_kwargs):
        raise ZeroDivisionError("deling door nul")

    monkeypatch.setattr(mz, "bereken", kapot)
    a = individueel()
    tekst = "Fout: interne fout bij het rekenen (ZeroDivisionError: deling door nul)."
    assert mz.MZ_UITKOMST(**a) == tekst
    assert mz.MZ_RESULTAAT(**a) == [[tekst, ""]]
    assert mz.MZ_MELDINGEN(**a) == [["fout", "", tekst.removeprefix("Fout: ")]]
