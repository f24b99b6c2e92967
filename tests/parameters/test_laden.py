"""Parameter sets: complete, sourced, validated on load, no fallback between years."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from xl_meerzorg.parameters import OnbekendJaar, OngeldigeParameters, beschikbare_jaren, laad_parameters
from xl_meerzorg.parameters.laden import ZORGPROFIELEN, parse_parameters


def _tekst(jaar: int) -> str:
    return (resources.files("xl_meerzorg.parameters") / f"jaar{jaar}.toml").read_text(encoding="utf-8")


def test_beschikbare_jaren():
    """2025 and 2026 are shipped."""
    assert beschikbare_jaren() == [2025, 2026]


def test_onbekend_jaar_noemt_beschikbare_jaren():
    """Asking for 2027 names the years that exist; no fallback."""
    with pytest.raises(OnbekendJaar, match=r"^Geen parameterset voor 2027; beschikbaar: 2025, 2026$"):
        laad_parameters(2027)


def test_cache():
    """A year is loaded once per process."""
    assert laad_parameters(2026) is laad_parameters(2026)


@pytest.mark.parametrize(
    ("jaar", "maximum", "profielen", "codes"),
    [(2025, 1601.96, 17, 51), (2026, 1683.05, 18, 52)],
)
def test_kerngetallen(jaar, maximum, profielen, codes):
    """Maximum etmaalbedrag, zorgprofielen and prestatiecodes per year."""
    p = laad_parameters(jaar)
    assert p.maximum_etmaalbedrag.waarde == maximum
    assert p.behandelfactor.waarde == 1.91979969484762
    assert p.context_drempel_fractie.waarde == 0.071177715
    assert p.meerzorg_grens_fractie.waarde == 0.25
    assert len(p.zorgprofielen) == profielen
    assert len(p.prestatiecodes) == codes
    assert set(ZORGPROFIELEN) <= set(p.zorgprofielen)
    assert ("VG7+" in p.zorgprofielen) is (jaar >= 2026)


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_elke_waarde_heeft_een_bron(jaar):
    """Every table and value names where it comes from."""
    p = laad_parameters(jaar)
    bronnen = [p.maximum_etmaalbedrag.bron, p.behandelfactor.bron, p.context_drempel_fractie.bron, p.bron_tijden, p.bron_ratios]
    bronnen += [z.bron for z in p.zorgprofielen.values()]
    bronnen += [b.bron for z in p.zorgprofielen.values() for b in z.banden]
    bronnen += [c.bron for c in p.prestatiecodes.values()]
    assert all(f"rekentool {jaar}" in b or "Toetsingskader" in b or "Webinar" in b for b in bronnen)


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_banden_labels_bevatten_meerzorgprofiel(jaar):
    """The official group sheet counts clients with a budget by the label text
    'Meerzorgprofiel'; every band that is not 'Niet meerzorg waardig' carries it."""
    for z in laad_parameters(jaar).zorgprofielen.values():
        for b in z.banden[1:]:
            assert re.fullmatch(r"Meerzorgprofiel [1-7]", b.label), (z.naam, b.label)


def test_grens_van_25_procent():
    """The first band ends one second below 25% of the ZZP hours (VG7: 33:45 -> 8:26:15)."""
    vg7 = laad_parameters(2026).zorgprofielen["VG7"]
    assert round(vg7.banden[1].van * 86400) == round(vg7.uren_per_week * 0.25 * 86400) == 30375


def test_vg7_plus_en_maatwerkbanden_lg6_sglvg1():
    """VG7+ has only maatwerk; the first profile band of LG6 and SGLVG1 is maatwerk."""
    p = laad_parameters(2026)
    assert [b.uitkomst for b in p.zorgprofielen["VG7+"].banden] == ["Niet meerzorg waardig", "Maatwerk"]
    for naam in ("LG6", "SGLVG1"):
        b = p.zorgprofielen[naam].banden[1]
        assert (b.label, b.uitkomst, b.bedrag) == ("Meerzorgprofiel 1", "Maatwerk", None)


def _fout(tekst: str, match: str, jaar: int = 2026) -> None:
    with pytest.raises(OngeldigeParameters, match=match):
        parse_parameters(tekst, jaar)


def test_onbekende_sleutel():
    """An unknown key is refused."""
    _fout(_tekst(2026).replace("versie = ", 'extra = 1\nversie = ', 1), r"^jaar2026: onbekende sleutel\(s\) extra$")


def test_ontbrekend_zorgprofiel():
    """A missing zorgprofiel is refused."""
    tekst = re.sub(r'\[zorgprofielen\."GGZ5W"\].*?(?=\n\[prestatiecodes)', "", _tekst(2026), flags=re.S)
    tekst = re.sub(r'\[prestatiecodes\."Z25\dG"\][^\[]*', "", tekst)
    _fout(tekst, r"^zorgprofielen: ontbrekend GGZ5W$")


def test_banden_niet_oplopend():
    """Bands that do not increase are refused."""
    tekst = _tekst(2026).replace("van = 0.3515625  # 8:26:15", "van = 0.2  # kapot", 1)
    _fout(tekst, r"^zorgprofielen\.VG7\.banden\[1\]\.van: banden niet oplopend$")


def test_bedrag_niet_positief():
    """A non-positive amount is refused."""
    tekst = _tekst(2026).replace("bedrag = 15289.572528934112", "bedrag = -1.0", 1)
    _fout(tekst, r"^zorgprofielen\.VG7\.banden\[1\]\.bedrag: moet positief zijn, is -1\.0$")


def test_jaar_klopt_niet():
    """A file whose year does not match its name is refused."""
    _fout(_tekst(2025), r"^jaar: bestand jaar2026\.toml bevat jaar 2025$")


def test_geen_toml():
    """Broken TOML is refused with a clear message."""
    _fout("jaar = = 2026", r"^jaar2026\.toml: geen geldige TOML")


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_lijsten_en_formuliergrenzen(jaar):
    """The form's lists and input limits, each with the cells it comes from."""
    p = laad_parameters(jaar)
    assert p.lijsten.types_aanvraag == ("Preventieve Meerzorg", "Enkelvoudige aanvraag (individueel)", "Meervoudige aanvraag (groepsmeerzorg)")
    assert p.lijsten.nieuw_her == ("Nieuwe aanvraag", "Heraanvraag")
    assert p.lijsten.sectoren == ("GHZ", "VVT", "GGZ")
    assert len(p.lijsten.doelgroepen) == (14 if jaar >= 2026 else 0)
    assert p.lijsten.lvhc_zorgprofielen == (("VV7", "VV8", "LG6", "LG7", "GGZ4W", "GGZ5W") if jaar >= 2026 else ())
    assert all(f"rekentool {jaar}" in b for b in p.lijsten.bronnen.values())
    f = p.formulier
    if jaar == 2026:
        assert (f.maanden_min, f.maanden_max, f.ingang_van.isoformat(), f.ingang_tot.isoformat()) == (1, 48, "2025-01-01", "2027-07-01")
    else:  # the 2025 form validates neither the period nor the beoogde ingangsdatum
        assert (f.maanden_min, f.maanden_max, f.ingang_van, f.ingang_tot) == (None, None, None, None)
    assert all(f"rekentool {jaar}" in b for b in f.bronnen.values())
    assert p.nachtzorg_standaard.waarde == 2 / 24 and "Toetsingskader" in p.nachtzorg_standaard.bron
    assert p.preventief_max_maanden.waarde == 6 and "par. 7" in p.preventief_max_maanden.bron
    assert p.cce_termijn_jaren.waarde == 3
    assert p.geen_verlenging.waarde == (("VG7+",) if jaar >= 2026 else ())


@pytest.mark.parametrize(("vervang", "melding"), [
    ('sectoren = ["GHZ", "VVT", "GGZ"]', "lijsten: ontbrekende sleutel 'sectoren'"),
    ('sectoren = ["GHZ", "VVT", "GGZ"]', "lijsten.sectoren: ongeldige of dubbele waarden"),
    ('lvhc_zorgprofielen = ["VV7"', "lijsten.lvhc_zorgprofielen: onbekend zorgprofiel VX7"),
    ("maanden_max = 48", "formulier.maanden: maanden_min, maanden_max en bron_maanden horen samen"),
    ('ingang_tot = "2027-07-01"', "formulier: einddatum ligt voor de begindatum"),
    ("[beleid.cce_termijn_jaren]\nwaarde = 3", "beleid.cce_termijn_jaren.waarde: ontbreekt of ongeldig"),
    ("[lijsten]", "lijsten: onbekende sleutel(s) kleur"),
])  # fmt: skip
def test_nieuwe_secties_gevalideerd(vervang, melding):
    """Lists, form limits and policy rules are checked on load like the rest."""
    tekst = _tekst(2026)
    assert vervang in tekst
    nieuw = {
        "lijsten: ontbrekende sleutel 'sectoren'": "",
        "lijsten.sectoren: ongeldige of dubbele waarden": 'sectoren = ["GHZ", "GHZ"]',
        "lijsten.lvhc_zorgprofielen: onbekend zorgprofiel VX7": 'lvhc_zorgprofielen = ["VX7"',
        "formulier.maanden: maanden_min, maanden_max en bron_maanden horen samen": "",
        "formulier: einddatum ligt voor de begindatum": 'ingang_tot = "2024-07-01"',
        "beleid.cce_termijn_jaren.waarde: ontbreekt of ongeldig": "[beleid.cce_termijn_jaren]\nwaarde = 0",
        "lijsten: onbekende sleutel(s) kleur": '[lijsten]\nkleur = "blauw"',
    }[melding]
    with pytest.raises(OngeldigeParameters) as exc:
        parse_parameters(tekst.replace(vervang, nieuw, 1), 2026)
    assert melding in str(exc.value)
