"""Every validation message, exact: niveau, veld and Dutch text. A fout means no numbers."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from xl_meerzorg import bereken, lees_aanvraag

VOORBEELD = json.loads((Path(__file__).resolve().parents[1] / "examples" / "individueel-vg7.json").read_text(encoding="utf-8"))
WIE = "Cliënt 1 (Voorbeeld Cliënt)"
# The cases below change one thing each; with the standard 2:00 nachtzorg (instead of the
# example's 4:00) no nachtzorg waarschuwing runs through every case.
BASIS = copy.deepcopy(VOORBEELD)
BASIS["clienten"][0]["nachtzorg"] = "2:00"
NACHTZORG = ("waarschuwing", "clienten[0].nachtzorg", f"{WIE}: nachtzorg 4:00 per week is meer dan de standaard van 2:00 per week; onderbouw de extra uren op cliëntniveau in de vragenlijst (alleen directe zorghandelingen; toetsingskader meerzorg, nachtzorg).")


def _c(d):
    return d["clienten"][0]


GEVALLEN = [
    ("onbekend zorgprofiel", lambda d: _c(d).update(zorgprofiel="XX9"), [
        ('fout', 'clienten[0].zorgprofiel', f'{WIE}: onbekend zorgprofiel ‘XX9’ voor 2026; kies uit VG5, VG7, VG7+, VG8, VV7, VV8, LVG4, LVG5, SGLVG1, LG5, LG6, LG7, ZG3AUD, ZG5VIS, GGZ6B, GGZ7B, GGZ4W, GGZ5W.'),
    ]),
    ("VV7 alleen met behandeling en dagbesteding", lambda d: _c(d).update(zorgprofiel="VV7", behandeling=False), [
        ('waarschuwing', 'clienten[0].behandeling', f'{WIE}: VV7 met behandeling Nee is berekend met prestatiecode Z071. Volgens de instructie (webinar administratie meerzorg, ZN oktober 2025) vult u bij VV7 altijd Ja in bij behandeling en dagbesteding; is er geen behandeling of dagbesteding, vul dan 0 uur in. Met Nee kan het bedrag te hoog uitvallen.'),
        ('waarschuwing', 'clienten[0].behandelaren', f'{WIE}: behandeling is Nee, de uren inzet behandelaren tellen niet mee.'),
    ]),
    ("combinatie zonder prestatiecode", lambda d: _c(d).update(zorgprofiel="LVG4", dagbesteding=False), [
        ('fout', 'clienten[0].behandeling', f'{WIE}: LVG4 met behandeling Ja en dagbesteding Nee heeft geen prestatiecode; mogelijk is: behandeling Ja en dagbesteding Ja (Z543).'),
        ('waarschuwing', 'clienten[0].dagbesteding', f'{WIE}: dagbesteding is Nee, de dagbesteding in het dagprogramma telt niet mee.'),
    ]),
    ("tekst in een urenveld", lambda d: _c(d).update(nachtzorg="vier uur"), [
        ('fout', 'clienten[0].nachtzorg', 'Cliënt 1, uren nachtzorg per week: geen geldige tijdsduur ‘vier uur’. Gebruik u:mm, bijvoorbeeld 4:30.'),
    ]),
    ("negatieve uren", lambda d: _c(d).update(behandelaren=-2), [
        ('fout', 'clienten[0].behandelaren', f'{WIE}: uren inzet behandelaren per week mag niet negatief zijn (-2:00).'),
    ]),
    ("tijd buiten 07:00-23:00", lambda d: _c(d)["dagprogramma"]["ma_vr"][0].update(van="06:00"), [
        ('fout', 'clienten[0].dagprogramma.ma_vr[0].van', f'{WIE}, dagprogramma maandag-vrijdag, regel 1: 6:00 ligt buiten 7:00–23:00.'),
    ]),
    ("geen kwartier", lambda d: _c(d)["dagprogramma"]["ma_vr"][0].update(tot="09:10"), [
        ('waarschuwing', 'clienten[0].dagprogramma.ma_vr[0].tot', f'{WIE}, dagprogramma maandag-vrijdag, regel 1: 9:10 valt niet op een kwartier (de keuzelijst van het formulier heeft stappen van 15 minuten); er wordt mee gerekend.'),
        ('fout', 'clienten[0].dagprogramma.ma_vr[1].van', f'{WIE}, dagprogramma maandag-vrijdag: regel 2 (9:00–16:00) overlapt met regel 1 (7:00–9:10).'),
    ]),
    ("overlap", lambda d: _c(d)["dagprogramma"]["ma_vr"][1].update(van="08:00"), [
        ('fout', 'clienten[0].dagprogramma.ma_vr[1].van', f'{WIE}, dagprogramma maandag-vrijdag: regel 2 (8:00–16:00) overlapt met regel 1 (7:00–9:00).'),
    ]),
    ("onbekende begeleidingsratio", lambda d: _c(d)["dagprogramma"]["ma_vr"][1].update(begeleider_op=2.2), [
        ('waarschuwing', 'clienten[0].dagprogramma.ma_vr[1].begeleider_op', f'{WIE}, dagprogramma maandag-vrijdag, regel 2 (9:00–16:00): 1 begeleider op 2,2 cliënt(en) staat niet in de keuzelijst van het formulier (0, 0,2, 0,25, 0,33, 0,4, 0,5, 0,6, 0,7, 0,75, 0,8, 0,9, 1, 1,11, 1,33, 1,5, 2, 2,5, 3, 3,5, 4, 4,5, 5, 5,5, 6, 6,5, 7, 7,5, 8, 8,5, 9, 9,5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20); er wordt mee gerekend.'),
    ]),
    ("meer dan 24 uur op een dag", lambda d: _c(d)["dagprogramma"]["za_zo"][0].update(begeleider_op=0.5), [
        ('waarschuwing', 'clienten[0].dagprogramma.za_zo', f"{WIE}: meer dan 24 uur zorg op een dag (zaterdag-zondag: 32:17 inclusief nachtzorg); controleer de begeleidingsratio's."),
    ]),
    ("tariefpercentage ontbreekt", lambda d: d.pop("tariefpercentage"), [
        ('fout', 'tariefpercentage', 'Het afgesproken tariefpercentage ontbreekt.'),
    ]),
    ("tariefpercentage boven 1", lambda d: d.update(tariefpercentage=95), [
        ('fout', 'tariefpercentage', 'Het tariefpercentage 9500% (ingevuld: 95) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in.'),
    ]),
    ("tariefpercentage 0", lambda d: d.update(tariefpercentage=0), [
        ('fout', 'tariefpercentage', 'Het tariefpercentage 0% moet groter dan 0% zijn.'),
    ]),
    ("BSN 11-proef", lambda d: _c(d).update(bsn="123456789"), [
        ('fout', 'clienten[0].bsn', f'{WIE}: BSN 123456789 is ongeldig (voldoet niet aan de 11-proef).'),
    ]),
    ("opname na ingang", lambda d: _c(d).update(opname="2026-02-01"), [
        ('fout', 'clienten[0].opname', f'{WIE}: de datum opname (01-02-2026) ligt na de beoogde ingangsdatum (01-01-2026).'),
    ]),
    ("periode 0 maanden", lambda d: _c(d).update(maanden=0), [
        ('fout', 'clienten[0].maanden', f'{WIE}: de aangevraagde periode van 0 maanden ligt buiten 1–48 maanden, wat het formulier 2026 toestaat (de maximale termijn is 36 maanden).'),
    ]),
    ("periode 49 maanden", lambda d: _c(d).update(maanden=49), [
        ('fout', 'clienten[0].maanden', f'{WIE}: de aangevraagde periode van 49 maanden ligt buiten 1–48 maanden, wat het formulier 2026 toestaat (de maximale termijn is 36 maanden).'),
    ]),
    ("onrealistisch veel uren", lambda d: _c(d).update(nachtzorg=1e300), [
        ('fout', 'clienten[0].nachtzorg', f'{WIE}: uren nachtzorg per week is onrealistisch groot (meer dan 100.000 uur).'),
    ]),
    ("100.000 uur is nog toegestaan", lambda d: _c(d).update(context_uren_jaar=100_000), []),
    ("onrealistisch hoog bedrag", lambda d: _c(d).update(context_euros=[1e308, 0]), [
        ('fout', 'clienten[0].context_euros[0]', f'{WIE}: contextgebonden middelen zijn onrealistisch hoog (meer dan € 1.000.000.000).'),
    ]),
    ("drie bedragen context", lambda d: _c(d).update(context_euros=[1, 2, 3]), [
        ('fout', 'clienten[0].context_euros', f'{WIE}: vul hoogstens twee bedragen contextgebonden middelen in (onderwerp a en b); er zijn er 3.'),
    ]),
    ("getal buiten het bereik van een double", lambda d: _c(d).update(maanden=10**400), [
        ('fout', 'clienten[0].maanden', 'Aangevraagde periode van cliënt 1 moet een geheel aantal maanden zijn, niet 100000000000000000000000000000000000000….'),
    ]),
    ("jaar buiten 1000-9999", lambda d: d.update(jaar=10**400), [
        ('fout', 'jaar', 'Het jaar van de aanvraag is geen jaartal: 100000000000000000000000000000000000000….'),
    ]),
    ("VG7+ langer dan 12 maanden", lambda d: _c(d).update(zorgprofiel="VG7+", maanden=18), [
        ('fout', 'clienten[0].maanden', f'{WIE}: voor VG7+ is de maximale termijn 12 maanden; aangevraagd is 18.'),
    ]),
    ("groep met 1 cliënt", lambda d: d.update(soort="groep"), [
        ('fout', 'clienten', 'Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er 1.'),
        ('waarschuwing', 'clienten[0].context_uren_jaar', f"{WIE}: bij groepsmeerzorg gelden de context-uren en -euro's van de groep; die van de cliënt tellen niet mee."),
    ]),
    ("onbekend jaar", lambda d: d.update(jaar=2027), [
        ('fout', 'jaar', 'Geen parameterset voor 2027; beschikbaar: 2025, 2026.'),
    ]),
    ("dagprogramma en weekuren", lambda d: _c(d).update(wonen="40:00"), [
        ('fout', 'clienten[0].dagprogramma', f'{WIE}: vul óf een dagprogramma óf de weekuren wonen/dagbesteding in, niet beide.'),
    ]),
    ("onbekend veld", lambda d: _c(d).update(kleur="blauw"), [
        ('fout', 'clienten[0].kleur', "Onbekend veld 'kleur' bij cliënt 1."),
    ]),
]


@pytest.mark.parametrize(("naam", "wijziging", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_melding(naam, wijziging, verwacht):
    """The exact messages; with a fout there are no amounts."""
    d = copy.deepcopy(BASIS)
    wijziging(d)
    r = bereken(lees_aanvraag(d))
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == verwacht
    if any(n == "fout" for n, _, _ in verwacht):
        assert r.totaal_jaarbedrag is None
        assert all(c.jaarbedrag is None and c.meerzorguren is None for c in r.clienten)
    else:
        assert r.totaal_jaarbedrag is not None


def test_periode_37_tot_48_is_een_waarschuwing():
    """36 < months <= 48: the official tool allows it, the policy maximum is 36: warn, compute."""
    d = copy.deepcopy(VOORBEELD)
    _c(d)["maanden"] = 40
    r = bereken(lees_aanvraag(d))
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == [
        NACHTZORG,
        ("waarschuwing", "clienten[0].maanden", f"{WIE}: de aangevraagde periode van 40 maanden is langer dan de maximale termijn van 36 maanden (toetsingskader meerzorg)."),
    ]
    assert f"{r.totaal_jaarbedrag:.2f}" == "184407.75"


def test_context_boven_drempel_is_een_waarschuwing_voor_het_zorgkantoor():
    """Context euros above 7.1% of the profile: computed, and flagged for the zorgkantoor."""
    d = copy.deepcopy(VOORBEELD)
    _c(d)["context_euros"] = [30000]
    r = bereken(lees_aanvraag(d))
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == [
        NACHTZORG,
        ("waarschuwing", "clienten[0].context_euros[0]", f"{WIE}: de contextgebonden middelen (€ 30.000,00) liggen boven de drempel van € 13.125,72; € 16.874,28 wordt bij het budget opgeteld. Het zorgkantoor beoordeelt dit."),
    ]
    # 184,407.75 + (30,000 - 184,407.75 x 0.071177715) = 201,282.03
    assert f"{r.totaal_jaarbedrag:.2f}" == "201282.03"


@pytest.mark.parametrize("data", [None, [], "tekst", 3, {"clienten": "x"}, {"clienten": [None]}, {"jaar": "abc", "soort": 5}])
def test_onzin_geeft_meldingen_geen_traceback(data):
    """Any JSON value yields messages, never an exception and never a number."""
    r = bereken(lees_aanvraag(data))
    assert r.heeft_fout
    assert r.totaal_jaarbedrag is None


def test_onleesbaar_ja_nee_op_formulier_geeft_een_melding():
    """An unreadable Ja/Nee cell is reported once, by its cell, not also as missing."""
    from xl_meerzorg.formulier import ClientVelden, Veld, aanvraag_uit_velden

    cv = ClientVelden(zorgprofiel=Veld("VG7", "Clientgegevens!J7"), dagbesteding=Veld("Misschien", "Clientgegevens!L7"),
                      behandeling=Veld(None, "Clientgegevens!N7"), wonen=Veld(40 / 24, "Aanvraag individueel!I3"))  # fmt: skip
    a = aanvraag_uit_velden(2026, Veld("individueel", "Voorblad!C23"), Veld(1.0, "Voorblad!C17"), [cv])
    r = bereken(a)
    assert [(m.niveau, m.veld, m.tekst) for m in r.meldingen] == [
        ("fout", "Clientgegevens!L7", "Cliënt 1, dagbesteding van toepassing: vul Ja of Nee in, niet ‘Misschien’."),
        ("fout", "Clientgegevens!N7", "Cliënt 1: 'Behandeling van toepassing' (Ja/Nee) ontbreekt."),
    ]
    assert r.totaal_jaarbedrag is None


def test_groep_van_18_krijgt_een_waarschuwing():
    """More clients than the form's 17 rows: computed, with a warning."""
    d = json.loads((Path(__file__).resolve().parents[1] / "examples" / "groep-vg7.json").read_text(encoding="utf-8"))
    d["clienten"] = [copy.deepcopy(d["clienten"][i % len(d["clienten"])]) for i in range(18)]
    r = bereken(lees_aanvraag(d))
    assert ("waarschuwing", "clienten", "Het aanvraagformulier heeft ruimte voor 17 cliënten; deze groep heeft er 18. Verdeel de groep over meer formulieren.") in [
        (m.niveau, m.veld, m.tekst) for m in r.meldingen
    ]
    assert not r.heeft_fout and len(r.clienten) == 18


@pytest.mark.parametrize(("tekst", "waarde"), [("0.950", 0.95), ("0,95", 0.95), ("95%", 0.95), ("1.000", 1000.0), ("€ 5.000,00", 5000.0)])
def test_getal_als_tekst(tekst, waarde):
    """Text numbers: decimal comma or point, percent, Dutch thousands separators (not after a leading 0)."""
    from xl_meerzorg.invoer import lees_getal

    assert lees_getal(tekst) == waarde


@pytest.mark.parametrize(("data", "verwacht"), [
    ({"soort": "individueel"}, [("fout", "jaar", "Het jaar van de aanvraag ontbreekt.")]),
    ({"jaar": "abc", "soort": "individueel"}, [("fout", "jaar", "Het jaar van de aanvraag is geen jaartal: ‘abc’.")]),
    ({"jaar": 2026}, [("fout", "soort", "De soort aanvraag ontbreekt; kies individueel, preventief of groep.")]),
    ({"jaar": 2026, "soort": 5}, [("fout", "soort", "Onbekende soort aanvraag 5; kies individueel, preventief of groep.")]),
])  # fmt: skip
def test_meldingen_zonder_python_waarden(data, verwacht):
    """Missing or odd values are named the Dutch way: no None, no repr quotes."""
    r = lees_aanvraag(data)
    assert [(m.niveau, m.veld, m.tekst) for m in r.invoer_meldingen] == verwacht
