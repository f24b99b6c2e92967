"""xl-meerzorg: the rekenkern of the Dutch aanvraagformulier meerzorg (Wlz).

Pure Python, no Excel: parameters per year as data, one function per rule, validation
with Dutch messages. See README.md.
"""

from .berekening import bereken
from .invoer import lees_aanvraag
from .model import Aanvraag, Client, ClientResultaat, Dagprogramma, Melding, Resultaat, Slot
from .parameters import beschikbare_jaren, laad_parameters
from .validatie import valideer

__version__ = "0.1.0"

__all__ = [
    "Aanvraag",
    "Client",
    "ClientResultaat",
    "Dagprogramma",
    "Melding",
    "Resultaat",
    "Slot",
    "__version__",
    "bereken",
    "beschikbare_jaren",
    "laad_parameters",
    "lees_aanvraag",
    "valideer",
]
