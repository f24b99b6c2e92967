"""Fixtures shared by the test folders."""

from __future__ import annotations

import signal

import pytest


@pytest.fixture
def wekker():
    """Fail instead of hanging: an alarm after 60 s (FIFOs, devices, blocked writes)."""

    def af(*_a):
        raise TimeoutError("blijft hangen")

    oud = signal.signal(signal.SIGALRM, af)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, oud)


@pytest.fixture(scope="module")
def eigen_formulier_2026(tmp_path_factory):
    """This project's empty form for 2026, built by ``bouw`` (no LibreOffice needed)."""
    from xl_meerzorg.workbook.bouw import bouw

    return bouw(2026, tmp_path_factory.mktemp("bouw"))[0]
