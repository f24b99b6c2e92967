from __future__ import annotations

import json

import pytest

from tests.controle.formulieren import REFERENCE, TEMPLATES
from workbook.veilig import open_xlsx
from workbook.vingerafdruk import DATA, formules, hash_formule, laad, normaliseer, vergelijk, vingerafdruk

NORMALISATIE = [
    ("IF(A1=1,TRUE(),FALSE())", "IF(A1=1,TRUE,FALSE)"),
    (" COUNTIF(L7:L23,\"Nee\")", 'COUNTIF(L7:L23,"Nee")'),
    ("_xlfn.IFS(a1>0, \"a b\",TRUE,\"C  d\")", 'IFS(A1>0,"a b",TRUE,"C  d")'),
    ("=sum( A1 : A2 )", "SUM(A1:A2)"),
    ('"x""y " & b1', '"x""y "&B1'),
    ("IF(A1<0.000000001,1.50,A$1:B2)+SUM(1:1)+LOG10(2)", "IF(A1<1E-09,1.5,A$1:B2)+SUM(1:1)+LOG10(2)"),
    ("'Clientgegevens'!$AD$7+'Data en informatie'!A1", "CLIENTGEGEVENS!$AD$7+DATAENINFORMATIE!A1"),
]


@pytest.mark.parametrize(("formule", "verwacht"), NORMALISATIE)
def test_normaliseer(formule, verwacht):
    assert normaliseer(formule) == verwacht


def test_hash_is_16_hex():
    h = hash_formule("SUM(A1:A2)")
    assert len(h) == 16 and int(h, 16) >= 0
    assert h == hash_formule(" sum(a1:a2)")
    assert h != hash_formule("SUM(A1:A3)")


def test_vergelijk():
    assert vergelijk({"a!A1": "1", "a!A2": "2"}, {"a!A1": "1", "a!A2": "3", "a!A3": "4"}) == [("a!A2", "gewijzigd"), ("a!A3", "toegevoegd")]
    assert vergelijk({"a!A1": "1"}, {}) == [("a!A1", "verwijderd")]


@pytest.mark.parametrize(("jaar", "versie", "aantal"), [(2025, "2025.01", 1448), (2026, "2026.01", 1471)])
def test_opgeslagen_vingerafdruk(jaar, versie, aantal):
    doc = json.loads((DATA / f"vingerafdruk-{versie}.json").read_text(encoding="utf-8"))
    assert doc["versie"] == versie and doc["aantal"] == aantal == len(doc["formules"])
    assert laad(versie) == doc["formules"]
    if not TEMPLATES[jaar].exists():
        pytest.skip(f"officiële rekentool ontbreekt in {REFERENCE}")
    assert vingerafdruk(formules(open_xlsx(TEMPLATES[jaar]))) == doc["formules"]
