"""Policy checks and completeness (issue 'Beleid compleet'): exact Dutch texts, both sides of every limit.

Where the official rekentool computes a number the engine computes it too; a policy concern
is a waarschuwing naming its source, a missing required form field a waarschuwing marked
``onvolledig``.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from xl_meerzorg import bereken, lees_aanvraag
from xl_meerzorg.formulier import ClientVelden, Veld, aanvraag_uit_velden

ROOT = Path(__file__).resolve().parents[1]
VOORBEELD = json.loads((ROOT / "examples" / "individueel-vg7.json").read_text(encoding="utf-8"))
VOORBEELD["clienten"][0]["nachtzorg"] = "2:00"  # the standard: no nachtzorg note
GROEP = json.loads((ROOT / "examples" / "groep-vg7.json").read_text(encoding="utf-8"))
WIE = "Cliënt 1 (Voorbeeld Cliënt)"
NACHT = (
    "onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; "
    "toetsingskader meerzorg, nachtzorg)."
)


def _c(d):
    return d["clienten"][0]


def _ma_vr(d, i):
    return _c(d)["dagprogramma"]["ma_vr"][i]


def meldingen(d) -> list[tuple[str, str, str]]:
    r = bereken(lees_aanvraag(d))
    return [(m.niveau, m.veld, m.tekst) for m in r.meldingen]


# (name, change to the example, exact messages); every case is computed (no fout)
GEVALLEN = [
    ("pauze: alleen tijden", lambda d: _ma_vr(d, 1).update(functie=None, begeleider_op=None), []),
    ("pauze: velden weggelaten", lambda d: [_ma_vr(d, 1).pop(k) for k in ("functie", "begeleider_op")], []),
    ("ratio 0", lambda d: _ma_vr(d, 1).update(begeleider_op=0), []),
    ("functie zonder ratio", lambda d: _ma_vr(d, 2).pop("begeleider_op"), [
        ("waarschuwing", "clienten[0].dagprogramma.ma_vr[2].begeleider_op", f"{WIE}, dagprogramma maandag-vrijdag, regel 3 (16:00–23:00): functie ingevuld maar geen begeleider-ratio; telt als 0 uur."),
    ]),
    ("ratio zonder functie", lambda d: _ma_vr(d, 0).pop("functie"), [
        ("waarschuwing", "clienten[0].dagprogramma.ma_vr[0].functie", f"{WIE}, dagprogramma maandag-vrijdag, regel 1 (7:00–9:00): begeleider-ratio ingevuld maar geen functie; telt als 0 uur."),
    ]),
    ("onbekende functie", lambda d: _ma_vr(d, 0).update(functie="Slapen"), [
        ("waarschuwing", "clienten[0].dagprogramma.ma_vr[0].functie", f"{WIE}, dagprogramma maandag-vrijdag, regel 1 (7:00–9:00): functie ‘Slapen’ is geen Wonen of Dagbesteding; telt als 0 uur."),
    ]),
    ("nachtzorg 2:00 is de standaard", lambda d: _c(d).update(nachtzorg="2:00"), []),
    ("nachtzorg 2:01", lambda d: _c(d).update(nachtzorg="2:01"), [
        ("waarschuwing", "clienten[0].nachtzorg", f"{WIE}: nachtzorg 2:01 per week is meer dan de standaard van 2:00 per week; {NACHT}"),
    ]),
    ("preventief 6 maanden", lambda d: (d.update(soort="preventief"), _c(d).update(maanden=6)), []),
    ("preventief 7 maanden", lambda d: (d.update(soort="preventief"), _c(d).update(maanden=7)), [
        ("waarschuwing", "clienten[0].maanden", f"{WIE}: preventieve meerzorg is bedoeld voor een tijdelijke periode van 3 tot 6 maanden (beleidsdocument meerzorg 2026, par. 7); aangevraagd is 7 maanden."),
    ]),
    ("periode 36 maanden", lambda d: _c(d).update(maanden=36), []),
    ("periode 37 maanden", lambda d: _c(d).update(maanden=37), [
        ("waarschuwing", "clienten[0].maanden", f"{WIE}: de aangevraagde periode van 37 maanden is langer dan de maximale termijn van 36 maanden (toetsingskader meerzorg)."),
    ]),
    ("2025: 0 maanden, het formulier controleert dat niet", lambda d: (d.update(jaar=2025), _c(d).update(maanden=0)), [
        ("waarschuwing", "clienten[0].maanden", f"{WIE}: de aangevraagde periode van 0 maanden is geen geldige periode (het formulier 2025 controleert dit niet)."),
    ]),
    ("2025: 49 maanden", lambda d: (d.update(jaar=2025), _c(d).update(maanden=49)), [
        ("waarschuwing", "clienten[0].maanden", f"{WIE}: de aangevraagde periode van 49 maanden is langer dan de maximale termijn van 36 maanden (toetsingskader meerzorg)."),
    ]),
    ("VG7+ heraanvraag", lambda d: (d.update(nieuw_her="Heraanvraag"), _c(d).update(zorgprofiel="VG7+")), [
        ("waarschuwing", "clienten[0].zorgprofiel", f"{WIE}: dit is een heraanvraag voor VG7+; volgens het beleidsdocument meerzorg 2026 (par. 9 Termijnen) is er voor VG7 plus in principe geen verlenging mogelijk."),
    ]),
    ("VG7+ nieuwe aanvraag", lambda d: (d.update(nieuw_her="nieuw"), _c(d).update(zorgprofiel="VG7+")), []),
    ("ingang op de eerste dag van het venster", lambda d: _c(d).update(opname="2024-01-01", ingang="2025-01-01"), []),
    ("ingang een dag ervoor", lambda d: _c(d).update(opname="2024-01-01", ingang="2024-12-31"), [
        ("waarschuwing", "clienten[0].ingang", f"{WIE}: de beoogde ingangsdatum 31-12-2024 ligt buiten de periode die het formulier 2026 toestaat (01-01-2025 tot en met 01-07-2027)."),
    ]),
    ("ingang op de laatste dag", lambda d: _c(d).update(ingang="2027-07-01"), []),
    ("ingang een dag erna", lambda d: _c(d).update(ingang="2027-07-02"), [
        ("waarschuwing", "clienten[0].ingang", f"{WIE}: de beoogde ingangsdatum 02-07-2027 ligt buiten de periode die het formulier 2026 toestaat (01-01-2025 tot en met 01-07-2027)."),
    ]),
    ("2025 heeft geen venster", lambda d: (d.update(jaar=2025), _c(d).update(ingang="2030-01-01")), []),
    ("CCE betrokken", lambda d: _c(d).update(cce="Ja"), []),
    ("CCE niet betrokken", lambda d: _c(d).update(cce=False), [
        ("waarschuwing", "clienten[0].cce", f"{WIE}: het CCE is de afgelopen 3 jaar niet betrokken geweest; volgens het beleidsdocument meerzorg 2026 is het CCE bij iedere cliënt met meerzorg minimaal eens per 3 jaar betrokken (ontwikkeltraject)."),
    ]),
    ("VV7 met LVHC en doelgroep", lambda d: _c(d).update(zorgprofiel="VV7", lvhc="Ja", doelgroep="Korsakov geleverd in DEC"), []),
    ("doelgroep in andere schrijfwijze", lambda d: _c(d).update(zorgprofiel="VV7", lvhc=True, doelgroep="korsakov geleverd in dec"), []),
    ("LVHC Ja zonder doelgroep", lambda d: _c(d).update(zorgprofiel="LG6", lvhc="Ja"), [
        ("waarschuwing", "clienten[0].doelgroep", f"{WIE}: LVHC is van toepassing, maar de doelgroep ontbreekt."),
    ]),
    ("onbekende doelgroep", lambda d: _c(d).update(zorgprofiel="VV8", lvhc="Ja", doelgroep="Dementie"), [
        ("waarschuwing", "clienten[0].doelgroep", f"{WIE}: onbekende doelgroep ‘Dementie’; kies uit de lijst van het formulier (Korsakov geleverd in DEC, Korsakov geleverd in REC, Huntington geleverd in DEC, Huntington geleverd in REC, LBS geleverd in DEC, LBS geleverd in REC, GP+ geleverd in DEC, GP+ geleverd in REC, D-zep geleverd in DEC, D-zep geleverd in REC, MS+ geleverd in DEC, MS+ geleverd in REC, NAH+ geleverd in DEC, NAH+ geleverd in REC)."),
    ]),
    ("LVHC bij een zorgprofiel zonder LVHC", lambda d: _c(d).update(lvhc="Ja", doelgroep="LBS geleverd in REC"), [
        ("waarschuwing", "clienten[0].doelgroep", f"{WIE}: LVHC en een doelgroep horen bij de zorgprofielen VV7, VV8, LG6, LG7, GGZ4W, GGZ5W, niet bij VG7."),
    ]),
    ("LVHC Nee met doelgroep", lambda d: _c(d).update(zorgprofiel="GGZ5W", dagbesteding=True, behandeling=True, lvhc="Nee", doelgroep="LBS geleverd in REC"), [
        ("waarschuwing", "clienten[0].doelgroep", f"{WIE}: LVHC is niet van toepassing, maar er is een doelgroep ingevuld."),
    ]),
    ("2025 kent geen LVHC", lambda d: (d.update(jaar=2025), _c(d).update(lvhc="Nee")), [
        ("waarschuwing", "clienten[0].lvhc", f"{WIE}: het formulier 2025 vraagt niet naar LVHC en doelgroep; deze gegevens worden genegeerd."),
    ]),
    ("onbekende sector", lambda d: d.update(sector="ZVW"), [
        ("waarschuwing", "sector", "Onbekende sector ‘ZVW’; kies GHZ, VVT of GGZ."),
    ]),
    ("sector in kleine letters", lambda d: d.update(sector="ghz"), []),
    ("NZa-categorie 301", lambda d: d.update(nza_categorie=301, nza_nummer="1234"), [
        ("waarschuwing", "nza_categorie", "De categorie van het NZa-registratienummer is 301; voor Wlz-zorgaanbieders is dat 300."),
    ]),
    ("NZa-nummer met streepje", lambda d: d.update(nza_nummer="300-1234"), [
        ("waarschuwing", "nza_nummer", "Het registratienummer NZa ‘300-1234’ is geen nummer (alleen cijfers, zonder categorie 300)."),
    ]),
    ("AGB-code van 8 cijfers", lambda d: d.update(agb_code="73730123"), []),
    ("AGB-code van 7 cijfers", lambda d: d.update(agb_code=7373012), [
        ("waarschuwing", "agb_code", "De AGB-code ‘7373012’ bestaat niet uit 8 cijfers."),
    ]),
    ("ondertekend op de laatste dag", lambda d: d.update(datum_ondertekening="2027-07-01"), []),
    ("ondertekend een dag later", lambda d: d.update(datum_ondertekening="2027-07-02"), [
        ("waarschuwing", "datum_ondertekening", "De datum van ondertekening 02-07-2027 ligt buiten de periode die het formulier 2026 toestaat (01-01-2025 tot en met 01-07-2027)."),
    ]),
    ("tijd buiten het kwartier wordt meegerekend", lambda d: (_ma_vr(d, 0).update(tot="09:10"), _ma_vr(d, 1).update(van="09:10")), [
        ("waarschuwing", "clienten[0].dagprogramma.ma_vr[0].tot", f"{WIE}, dagprogramma maandag-vrijdag, regel 1: 9:10 valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van 15 minuten); er wordt mee gerekend."),
        ("waarschuwing", "clienten[0].dagprogramma.ma_vr[1].van", f"{WIE}, dagprogramma maandag-vrijdag, regel 2: 9:10 valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van 15 minuten); er wordt mee gerekend."),
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("naam", "wijziging", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_beleid(naam, wijziging, verwacht):
    """The exact messages; a policy concern never blocks the calculation."""
    d = copy.deepcopy(VOORBEELD)
    wijziging(d)
    r = bereken(lees_aanvraag(d))
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == verwacht
    assert not r.heeft_fout and r.totaal_jaarbedrag is not None
    assert r.onvolledig == (naam == "LVHC Ja zonder doelgroep")  # the form asks for the doelgroep then


def test_pauze_telt_0_uur():
    """A pause, ratio 0 and a functie without ratio add no hours (IFERROR(F/J,0), SUMIF on functie)."""
    basis = bereken(lees_aanvraag(VOORBEELD)).clienten[0]
    for wijziging in (lambda s: s.update(functie=None, begeleider_op=None), lambda s: s.update(begeleider_op=0), lambda s: s.pop("begeleider_op")):
        d = copy.deepcopy(VOORBEELD)
        wijziging(_ma_vr(d, 1))  # 09:00-16:00 Dagbesteding at 1 on 2: 3:30 x 5 = 17:30 per week
        c = bereken(lees_aanvraag(d)).clienten[0]
        assert round((basis.dagbesteding - c.dagbesteding) * 24, 9) == 17.5
        assert round((basis.meerzorguren - c.meerzorguren) * 24, 9) == 17.5


def test_groep_heraanvraag_waarschuwt_voor_mutaties():
    """A group heraanvraag: the other clients' amounts change with the composition (seed 002 vs the tool)."""
    d = copy.deepcopy(GROEP)
    d["nieuw_her"] = "Heraanvraag"
    assert ("waarschuwing", "nieuw_her", (
        "Heraanvraag groepsmeerzorg: de rekentool verdeelt de context-uren en het deel van de contextgebonden middelen "
        "boven de drempel over alle cliënten van de groep; komt of gaat er een cliënt, dan veranderen ook de bedragen van "
        "de andere cliënten. Het beleid (mutaties in de groep) gaat ervan uit dat de rest van de groep gelijk blijft: "
        "het zorgkantoor beoordeelt dit."
    )) in meldingen(d)  # fmt: skip
    d["nieuw_her"] = "Nieuwe aanvraag"
    assert all(v != "nieuw_her" for _, v, _ in meldingen(d))


def test_vg7_plus_langer_dan_12_maanden_blijft_een_fout():
    d = copy.deepcopy(VOORBEELD)
    _c(d).update(zorgprofiel="VG7+", maanden=13)
    assert meldingen(d) == [("fout", "clienten[0].maanden", f"{WIE}: voor VG7+ is de maximale termijn 12 maanden; aangevraagd is 13.")]
    _c(d)["maanden"] = 12
    assert meldingen(d) == []


def test_json_velden_leeg_is_onvolledig():
    """In JSON the Voorblad fields are optional; given but empty they make the aanvraag incomplete."""
    d = copy.deepcopy(VOORBEELD)
    d.update(nieuw_her=None, sector="", agb_code=None)
    r = bereken(lees_aanvraag(d))
    assert [(m.veld, m.tekst, m.onvolledig) for m in r.meldingen] == [
        ("nieuw_her", "Nieuwe aanvraag of heraanvraag ontbreekt; het formulier is niet volledig ingevuld.", True),
        ("sector", "De sector (GHZ, VVT of GGZ) ontbreekt; het formulier is niet volledig ingevuld.", True),
        ("agb_code", "De AGB-code ontbreekt; het formulier is niet volledig ingevuld.", True),
    ]
    assert r.onvolledig and not r.heeft_fout and r.totaal_jaarbedrag is not None
    assert [m.als_dict() for m in r.meldingen][0] == {"niveau": "waarschuwing", "veld": "nieuw_her", "tekst": "Nieuwe aanvraag of heraanvraag ontbreekt; het formulier is niet volledig ingevuld.", "onvolledig": True}


def _formulier(**over):
    """An official-form-shaped aanvraag (cells as the official 2026 form has them)."""
    v = lambda waarde, cel: Veld(waarde, cel)  # noqa: E731
    velden = {
        "nieuw_her": v("Nieuwe aanvraag", "Voorblad!C20"), "sector": v("VVT", "Voorblad!G17"),
        "nza_categorie": v(300, "Voorblad!D4"), "nza_nummer": v(1234.0, "Voorblad!E4"), "agb_code": v(73730123.0, "Voorblad!E6"),
        "ondertekenaar": v("M. de Boer", "Voorblad!C40"), "datum_ondertekening": v(dt.datetime(2026, 1, 15), "Voorblad!C41"),
    }  # fmt: skip
    client = {
        "naam": v("Jan", "Clientgegevens!D7"), "zorgprofiel": v("VV7", "Clientgegevens!J7"),
        "dagbesteding": v("Ja", "Clientgegevens!L7"), "behandeling": v("Ja", "Clientgegevens!N7"),
        "cce": v("Ja", "Clientgegevens!V7"), "lvhc": v("Nee", "Clientgegevens!X7"), "doelgroep": v(None, "Clientgegevens!Z7"),
        "wonen": v(60 / 24, "Aanvraag individueel!I3"), "nachtzorg": v(2 / 24, "Aanvraag individueel!I5"),
    }  # fmt: skip
    for key, waarde in over.items():
        (velden if key in velden else client)[key] = Veld(waarde, (velden | client)[key].naam)
    return aanvraag_uit_velden(2026, Veld("Enkelvoudige aanvraag (individueel)", "Voorblad!C23"), Veld(1.0, "Voorblad!C17"),
                               [ClientVelden(**client)], **velden, peildatum=dt.date(2026, 1, 15))  # fmt: skip


def test_formulier_volledig():
    r = bereken(_formulier())
    assert r.meldingen == [] and not r.onvolledig


@pytest.mark.parametrize(("veld", "cel", "tekst"), [
    ("nieuw_her", "Voorblad!C20", "Nieuwe aanvraag of heraanvraag ontbreekt; het formulier is niet volledig ingevuld."),
    ("sector", "Voorblad!G17", "De sector (GHZ, VVT of GGZ) ontbreekt; het formulier is niet volledig ingevuld."),
    ("nza_nummer", "Voorblad!E4", "Het registratienummer NZa ontbreekt; het formulier is niet volledig ingevuld."),
    ("agb_code", "Voorblad!E6", "De AGB-code ontbreekt; het formulier is niet volledig ingevuld."),
    ("ondertekenaar", "Voorblad!C40", "De naam van de ondertekenaar ontbreekt; het formulier is niet volledig ingevuld."),
    ("datum_ondertekening", "Voorblad!C41", "De datum van ondertekening ontbreekt; het formulier is niet volledig ingevuld."),
    ("cce", "Clientgegevens!V7", "Cliënt 1 (Jan): of het CCE de afgelopen 3 jaar betrokken is geweest (Ja/Nee) ontbreekt."),
    ("lvhc", "Clientgegevens!X7", "Cliënt 1 (Jan): bij VV7 vraagt het formulier of LVHC van toepassing is (Ja/Nee); dat ontbreekt."),
])  # fmt: skip
def test_formulier_leeg_veld_is_onvolledig(veld, cel, tekst):
    """An empty required field of the form: one waarschuwing on its cell; still computed."""
    r = bereken(_formulier(**{veld: None}))
    assert [(m.niveau, m.veld, m.tekst, m.onvolledig) for m in r.meldingen] == [("waarschuwing", cel, tekst, True)]
    assert r.onvolledig and r.totaal_jaarbedrag is not None


def test_formulier_lvhc_niet_gevraagd_bij_vg7():
    r = bereken(_formulier(zorgprofiel="VG7", lvhc=None))
    assert r.meldingen == []


def test_opname_in_de_toekomst():
    """Measured from the peildatum (the form's signature date, or today)."""
    cv = lambda opname: ClientVelden(zorgprofiel=Veld("VG7", "Clientgegevens!J7"), dagbesteding=Veld("Ja", "L7"), behandeling=Veld("Ja", "N7"),  # noqa: E731
                                     opname=Veld(opname, "Clientgegevens!R7"), wonen=Veld(2.5, "I3"))  # fmt: skip
    peil = dt.date(2026, 1, 15)
    a = aanvraag_uit_velden(2026, Veld("individueel", "C23"), Veld(1.0, "C17"), [cv(dt.datetime(2026, 1, 15))], peildatum=peil)
    assert bereken(a).meldingen == []
    a = aanvraag_uit_velden(2026, Veld("individueel", "C23"), Veld(1.0, "C17"), [cv(dt.datetime(2026, 1, 16))], peildatum=peil)
    assert [(m.niveau, m.veld, m.tekst) for m in bereken(a).meldingen] == [
        ("waarschuwing", "Clientgegevens!R7", "Cliënt 1: de datum opname (16-01-2026) ligt in de toekomst (na 15-01-2026)."),
    ]


def test_formulier_regel_zonder_eindtijd_telt_0_uur():
    """A form row with a functie but no "Tijd tot" (the last one): 0 hours and a waarschuwing on its cell."""
    kolommen = lambda *rijen: tuple([Veld(x, f"Aanvraag individueel!{k}{16 + i}") for i, x in enumerate(col)] for k, col in zip("DHJ", zip(*rijen)))  # noqa: E731
    cv = ClientVelden(zorgprofiel=Veld("VG7", "J7"), dagbesteding=Veld("Ja", "L7"), behandeling=Veld("Ja", "N7"),
                      ma_vr=kolommen((12 / 24, "Wonen", 1.0), (None, "Wonen", None)))  # fmt: skip
    a = aanvraag_uit_velden(2026, Veld("individueel", "C23"), Veld(1.0, "C17"), [cv])
    r = bereken(a)
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == [
        ("waarschuwing", "Aanvraag individueel!D17", "Cliënt 1, dagprogramma maandag-vrijdag, regel 2: functie of begeleider-ratio ingevuld maar de eindtijd ('Tijd tot') ontbreekt; telt als 0 uur."),
    ]
    assert round(r.clienten[0].wonen * 24, 9) == 25.0  # 07:00-12:00 at 1:1, five days
