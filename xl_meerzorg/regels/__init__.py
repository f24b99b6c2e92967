"""The rules of the meerzorg calculation, one pure function per rule.

Every duration is an Excel day fraction and every formula keeps the operation order of
the official rekentool (sheets *Aanvraag individueel*, *Overzicht individueel* and
*Aanvraag-overzicht groep*), so that results agree with it in IEEE doubles. The cell each
rule reproduces is named in its docstring.
"""
