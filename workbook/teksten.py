"""Texts of the form: Handleiding, Versiebeheer and the Vragenlijst (questions of the 2026
individual and group vragenlijst of ZN, with our own explanation around them)."""

from __future__ import annotations

from openpyxl.styles import Alignment, Protection

from xl_meerzorg.parameters import Parameters

from . import stijl
from .layout import AANBIEDER

MAX_WOORDEN = 250

# (section, question); the questions are those of the ZN vragenlijsten 2026.
VRAGEN_INDIVIDUEEL = [
    ("Cliënt", "Aanvraag somatisch of gedragsmatig?"),
    ("Cliënt", "Beschrijf in het kort wie de cliënt is en de complexiteit waarom Meerzorg nodig is?"),
    ("Cliënt", "Waarom kan de zorgvraag niet binnen het geïndiceerde zorgprofiel geleverd worden?"),
    ("Cliënt", "Ingrijpende gebeurtenissen in het leven van de cliënt die van invloed zijn op de zorgvraag en de inzet van zorg (life-events)."),
    ("Cliënt", "Beschrijf de intensieve zorgvraag: eventuele bijkomende psychische, psychiatrische en/of somatische problematiek (aard, ernst, gevolgen, waar, wanneer, hoe, oorzaak, frequentie)."),
    ("Cliënt", "Voor welke uitdaging staan zorgprofessionals bij het beantwoorden van de zorgvraag van de cliënt?"),
    ("Cliënt", "Wat gebeurt er met deze cliënt als er geen meerzorg geboden wordt? Wat voor invloed heeft dat op de betrokkenen rondom de cliënt?"),
    ("Doelen (SMART)", "Specifiek: wat wil je bereiken? Hoe wordt er aan de doelen gewerkt?"),
    ("Doelen (SMART)", "Meetbaar: hoe kunnen/gaan we dit doel meten?"),
    ("Doelen (SMART)", "Acceptabel/realistisch: is het doel haalbaar?"),
    ("Doelen (SMART)", "Tijdsgebonden: hoeveel tijd is er voor nodig om de doelen te behalen?"),
    ("Inzet", "Licht de inzet toe: wonen, dagbesteding, nachtzorg, inzet behandelaren, min-uren en extra contextgebonden middelen op jaarbasis."),
    ("Context", "Welke contextuele factoren zijn mogelijk van invloed op de complexe/intensieve zorgvraag?"),
    ("Context", "Wat doet de organisatie of het management om deze contextuele factoren te beïnvloeden?"),
    ("Context", "ZZP-mix/samenstelling en setting (groepswonen, groepsgrootte, appartementen, instellingsterrein, in de wijk, enz.)."),
    ("Context", "Wat wordt er in de basis al ingezet qua professionals/bezetting en wat is meerzorg? (vaste medewerkers, PNIL, CCE, externe expertise)"),
    ("Context", "Middelen/maatregelen (Wzd)."),
    ("Context", "Hoe zijn de familie/verwanten betrokken bij de zorg?"),
    ("Context", "Beschrijf de wenselijke context van de cliënt en licht eventuele contextgebonden middelen toe (scholing/expertise, aanpassingen/verbouwingen)."),
    ("Context", "Hoe staan de eventuele aangevraagde middelen in verhouding tot de gestelde Meerzorgdoelen?"),
    ("Resultaat", "Beschrijf wat meerzorg werkelijk oplevert voor zowel de cliënt als de omgeving. Beschrijf daarbij waar en wanneer afbouw mogelijk is en hoe dit wordt gerealiseerd."),
    ("Heraanvraag", "Beschrijf wat meerzorg tot nu toe heeft opgeleverd voor zowel de cliënt als de omgeving (context)."),
    ("Heraanvraag", "Welke doelen zijn er wel/niet gerealiseerd en aan welke doelen wordt er de komende periode gewerkt?"),
    ("Heraanvraag", "Welke extra inzet is er nog nodig qua intensiteit en duur en waarom?"),
    ("Heraanvraag", "Waarom moet meerzorg worden gecontinueerd en hoe wordt er naar afbouw gekeken?"),
    ("Heraanvraag", "In welke mate is er gebruik gemaakt van externe expertise?"),
]
VRAGEN_GROEP = [
    ("Groep", "Aanvraag somatisch of gedragsmatig?"),
    ("Groep", "Waarom kan de zorgvraag niet binnen het geïndiceerde zorgprofiel geleverd worden?"),
    ("Groep", "Wat gebeurt er met deze cliënten als er geen meerzorg geboden wordt? Wat voor invloed heeft dat op de betrokkenen rondom de cliënten?"),
    ("Groep", "Wat is er in de basis al ingezet qua professionals/bezetting en wat is meerzorg (vaste medewerkers, PNIL, CCE, externe expertise)?"),
    ("Doelen (SMART)", "Wat wil je bereiken?"),
    ("Doelen (SMART)", "Hoe wordt er aan de doelen gewerkt?"),
    ("Doelen (SMART)", "Hoe kunnen/gaan we dit doel meten?"),
    ("Doelen (SMART)", "Is het doel haalbaar?"),
    ("Doelen (SMART)", "Hoeveel tijd is er voor nodig om de doelen te behalen?"),
    ("Heraanvraag", "Welke doelen zijn er wel/niet gerealiseerd en aan welke doelen wordt er de komende periode gewerkt?"),
    ("Heraanvraag", "Welke extra inzet is er nog nodig qua intensiteit en duur?"),
    ("Heraanvraag", "Waarom moet Meerzorg worden gecontinueerd en hoe wordt er naar afbouw gekeken?"),
    ("Heraanvraag", "In welke mate is er gebruik gemaakt van externe expertise?"),
    ("Per cliënt", "Beschrijf in het kort wie de cliënt is en de complexiteit waarom Meerzorg nodig is?"),
    ("Per cliënt", "Hoe zijn de familie/verwanten betrokken bij de zorg?"),
    ("Per cliënt", "Hoe staan de eventuele aangevraagde contextgebonden middelen in verhouding tot de gestelde doelen voor deze cliënt?"),
]


def woorden_formule(cel: str) -> str:
    """Number of words in a text cell (spaces + 1; 0 when empty)."""
    t = f"TRIM({cel})"
    return f'=IF(LEN({t})=0,0,LEN({t})-LEN(SUBSTITUTE({t}," ",""))+1)'


def vragenlijst(ws, vul, rand) -> None:
    ws["B1"] = "Vragenlijst meerzorg"
    stijl.titel(ws["B1"])
    ws["B2"] = (
        "Beantwoord de vragen die bij uw aanvraag horen (individueel/preventief: deel A; groepsmeerzorg: deel B). "
        f"Houd elk antwoord kort en feitelijk: richtlijn maximaal {MAX_WOORDEN} woorden. Kolom E telt de woorden."
    )
    ws["B2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("B2:F2")  # the introduction under the title, not over it
    ws.row_dimensions[1].height = 34
    ws.row_dimensions[2].height = 32
    for col, kop in (("B", "Onderwerp"), ("C", "Vraag"), ("D", "Antwoord"), ("E", "Woorden"), ("F", "Controle")):
        ws[f"{col}4"] = kop
        stijl.kolomkop(ws[f"{col}4"])
    rij = 5
    for titel, vragen in (("A. Individuele of preventieve aanvraag", VRAGEN_INDIVIDUEEL), ("B. Groepsmeerzorg", VRAGEN_GROEP)):
        ws[f"B{rij}"] = titel
        stijl.kopbalk(ws, f"B{rij}:F{rij}")
        rij += 1
        for onderwerp, vraag in vragen:
            ws[f"B{rij}"] = onderwerp
            ws[f"C{rij}"] = vraag
            ws[f"C{rij}"].alignment = Alignment(wrap_text=True, vertical="top")
            c = ws[f"D{rij}"]
            c.protection = Protection(locked=False)
            stijl.invoer(c, ws.title)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            ws[f"E{rij}"] = woorden_formule(f"D{rij}")
            ws[f"F{rij}"] = f'=IF(E{rij}>{MAX_WOORDEN},"Meer dan {MAX_WOORDEN} woorden: kort het antwoord in.","")'
            ws.row_dimensions[rij].height = 60
            rij += 1
        rij += 1
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 80
    ws.column_dimensions["E"].width = 9
    ws.column_dimensions["F"].width = 40


def handleiding(p: Parameters, variant: str) -> list[str]:
    regels = [
        f"Handleiding aanvraagformulier meerzorg {p.jaar}",
        "",
        "Waarvoor is dit formulier",
        "Met dit formulier vraagt een zorgaanbieder bij het zorgkantoor meerzorg aan voor een cliënt (individueel of preventief) "
        "of voor een groep cliënten (groepsmeerzorg). Het formulier berekent de meerzorguren, het meerzorgprofiel of maatwerk, "
        "het jaarbedrag en het etmaalbedrag met de parameters van " + str(p.jaar) + f" (parameterset {p.versie}).",
        "",
        "Zo vult u het formulier in",
        "- De invoervelden hebben de kleuren van het officiële formulier (perzik, op het Voorblad en bij de groep lichtblauw) en staan op dezelfde plaats; "
        "alle andere cellen zijn beveiligd. Uitkomsten zijn lichtblauw en vergrendeld.",
        "- Voorblad: het registratienummer NZa (nr., E4; de naam van de zorgaanbieder en het zorgkantoor worden erbij opgezocht), de AGB-code (E6), "
        "de gegevens van de zorgaanbieder en het zorgkantoor, het afgesproken tariefpercentage (C17), de sector (G17), nieuwe aanvraag of heraanvraag (C20), "
        "het type aanvraag (C23), de periode in maanden (G41) en naam en datum van de ondertekenaar. Lees de verklaring en onderteken in het vak.",
        "- Clientgegevens: bij een individuele of preventieve aanvraag alleen regel 1; bij groepsmeerzorg één regel per cliënt. "
        "Vul ook in of het CCE de afgelopen 3 jaar betrokken is geweest" + (" en, bij VV7, VV8, LG6, LG7, GGZ4W en GGZ5W, of LVHC van toepassing is en zo ja de doelgroep." if p.jaar >= 2026 else "."),
        "- Aanvraag individueel: het dagprogramma van een werkdag en een weekenddag. Kies per regel de eindtijd, de functie (Wonen of Dagbesteding) "
        "en het aantal cliënten per begeleider. De begintijd is de eindtijd van de regel erboven; de eerste regel begint om 07:00. Laat geen lege regels tussen. "
        "Een pauze (de cliënt is op school, thuis of slaapt) vult u in met alleen de eindtijd: die regel telt als 0 uur.",
        "- Vul daarnaast nachtzorg, inzet behandelaren en min-uren per week in (uren:minuten) en de contextgebonden uren per jaar en middelen.",
        "- Aanvraag-overzicht groep: per cliënt de uren per week voor wonen, dagbesteding, nachtzorg, inzet behandelaren en min-uren, en de context van de groep.",
        "- Vragenlijst: beantwoord de vragen in maximaal 250 woorden per antwoord.",
        "",
        "Controle",
        "Het Voorblad toont of het formulier volledig en juist is ingevuld. Zolang er een fout is (een waarde die niet te lezen is, "
        "een onbekend zorgprofiel, een onmogelijke combinatie van behandeling en dagbesteding, een ongeldig BSN, ...), berekent het formulier "
        "geen bedragen; de melding noemt wat er is ingevuld en wat er wel mag.",
        "Ontbreken alleen gegevens die het zorgkantoor nodig heeft (NZa-nummer, AGB-code, sector, nieuwe aanvraag of heraanvraag, periode in maanden, "
        "ondertekenaar en datum, naam, BSN of CCE van een cliënt" + (", LVHC en doelgroep" if p.jaar >= 2026 else "") + "), "
        "dan zegt het Voorblad 'Het formulier is niet volledig gevuld'; de bedragen staan er wel, met de melding wat er nog ontbreekt.",
        "Meldingen die beginnen met 'Let op' zijn waarschuwingen: de bedragen blijven staan, het zorgkantoor kijkt ernaar.",
        "- Uren vult u in als uren:minuten (4:30, 40:00), tijden als uu:mm (09:30), percentages als 95%, datums als dd-mm-jjjj. "
        "Ook als tekst geplakt worden ze gelezen zoals het zorgkantoor ze leest.",
        "",
        "Hoe wordt er gerekend",
        "- De uren per week (wonen, dagbesteding, nachtzorg, inzet behandelaren gewogen met de behandelfactor, min-uren, indirecte uren en context-uren) "
        "worden opgeteld; de uren van het zorgzwaartepakket (prestatiecode) gaan eraf. Dat zijn de meerzorguren.",
        "- De meerzorguren bepalen de uitkomst voor het zorgprofiel: niet meerzorgwaardig, een meerzorgprofiel (vast bedrag) of maatwerk (uren × uurbudget).",
        "- Overzicht individueel toont de berekening per blok; de berekening in stappen voor het zorgkantoor staat in het ingeklapte blok rechts (kolommen J en K).",
        "- Contextgebonden middelen boven de drempel worden bij het budget opgeteld; het etmaalbedrag is gemaximeerd.",
        "- Jaarbedrag = budget × tariefpercentage; etmaalbedrag = jaarbedrag / 365.",
        "- Alle parameters staan op het blad Parameteroverzicht.",
    ]
    if variant != AANBIEDER:
        regels += [
            "",
            "Variant voor het zorgkantoor",
            "In deze variant rekenen de uitkomstcellen met de functies MZ_INDIVIDUEEL en MZ_GROEP van xl-meerzorg (xlwings, module xl_meerzorg.udfs.meerzorg). "
            "Het blad xlwings.conf wijst de module aan. Zonder xlwings toont Excel de laatst berekende waarden.",
        ]
    return regels


def versiebeheer(p: Parameters, variant: str, engine: str) -> list[str]:
    return [
        "Versiebeheer",
        "",
        f"Formulier: aanvraagformulier meerzorg {p.jaar}",
        f"Parameterset: {p.versie}",
        f"Bron van de parameters: {p.bron}",
        f"Rekenkern: xl-meerzorg {engine}",
        f"Variant: {variant}",
        "",
        f"{p.versie}: eerste versie voor {p.jaar}, gemaakt met xl-meerzorg uit de parameterset van {p.jaar}.",
    ]
