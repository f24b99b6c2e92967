"""``--anoniem``: client names and BSNs replaced as values, never as substrings.

A name is replaced where it is a whole value (the client's ``naam``, a finding's form or
recalculated value) and where a message quotes it in the forms the messages use:
``Cliënt 2 (naam)`` becomes ``Cliënt 2``, ``'naam'``/``"naam"``/``(naam)`` get the
pseudonym. A BSN is masked as a whole value, after "BSN " and as a number of its own
(never inside a longer number). Status words, levels, kinds, outcomes and file names are
never touched, so a client called "OK", "fouten" or "e" changes nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["anonimiseer", "masker_bsn"]

# Keys of a finding whose value is a value from the form or the engine (whole values).
_WAARDE_SLEUTELS = ("formulier", "motor")
_TEKST_SLEUTELS = ("tekst",)


def masker_bsn(bsn: str) -> str:
    bsn = str(bsn)
    return "*" * max(len(bsn) - 3, 0) + bsn[-3:] if len(bsn) > 3 else "***"


def _vervanger(namen: dict[str, str], bsns: dict[str, str]) -> tuple[Callable[[str], str], Callable[[object], object]]:
    """(in a message text, as a whole value) replacement functions."""
    delen: list[tuple[re.Pattern, Callable[[re.Match], str]]] = []
    for naam, pseudo in sorted(namen.items(), key=lambda kv: len(kv[0]), reverse=True):
        n = re.escape(naam)
        delen.append((re.compile(rf"Cliënt (\d+) \({n}\)"), lambda m: f"Cliënt {m.group(1)}"))
        for links, rechts in (("'", "'"), ('"', '"'), ("(", ")"), ("‘", "’"), ("“", "”")):
            delen.append((re.compile(re.escape(links) + n + re.escape(rechts)), lambda m, p=pseudo, a=links, b=rechts: f"{a}{p}{b}"))
    for bsn, masker in sorted(bsns.items(), key=lambda kv: len(kv[0]), reverse=True):
        b = re.escape(bsn)
        delen.append((re.compile(rf"BSN {b}(?![0-9A-Za-z])"), lambda m, p=masker: f"BSN {p}"))
        for links, rechts in (("'", "'"), ('"', '"'), ("(", ")")):
            delen.append((re.compile(re.escape(links) + b + re.escape(rechts)), lambda m, p=masker, a=links, z=rechts: f"{a}{p}{z}"))
        if bsn.isdigit() and len(bsn) >= 8:  # a number of its own, never part of a longer number
            delen.append((re.compile(rf"(?<![0-9]){b}(?![0-9])"), lambda m, p=masker: p))

    def in_tekst(s: str) -> str:
        for patroon, fn in delen:
            s = patroon.sub(fn, s)
        return s

    geheel = {**{k: v for k, v in namen.items()}, **bsns}
    geheel.update({k.strip(): v for k, v in list(geheel.items()) if k.strip()})

    def als_waarde(v: object) -> object:
        if isinstance(v, str):
            if v in geheel:
                return geheel[v]
            if v.strip() in geheel:
                return geheel[v.strip()]
            return in_tekst(v)
        return v

    return in_tekst, als_waarde


def anonimiseer(uitslag: dict) -> None:
    """Replace client names by "Cliënt n" and BSNs by "******782" (in place)."""
    namen: dict[str, str] = {}
    bsns: dict[str, str] = {}
    for k, c in enumerate(uitslag.get("clienten") or [], start=1):
        naam = c.get("naam")
        if naam is not None and str(naam).strip():
            namen.setdefault(str(naam), f"Cliënt {k}")
            c["naam"] = f"Cliënt {k}"
        bsn = c.get("bsn")
        if bsn is not None and str(bsn).strip():
            bsns.setdefault(str(bsn), masker_bsn(bsn))
            c["bsn"] = masker_bsn(bsn)
    uitslag["anoniem"] = True
    if not namen and not bsns:
        return
    in_tekst, als_waarde = _vervanger(namen, bsns)
    for f in uitslag.get("bevindingen") or []:
        for key in _TEKST_SLEUTELS:
            if isinstance(f.get(key), str):
                f[key] = in_tekst(f[key])
        for key in _WAARDE_SLEUTELS:
            if key in f:
                f[key] = als_waarde(f[key])
    if isinstance(uitslag.get("reden"), str):
        uitslag["reden"] = in_tekst(uitslag["reden"])
