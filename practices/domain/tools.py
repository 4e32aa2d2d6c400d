"""The participation tools, as data. Loaded by a data migration (and by `load_tools()` where a
test flushed the table). Slugs are used in URLs and the API and are never renamed.

`rules` keeps legal thresholds as data: the code that computes, e.g., whether a referendum was
valid reads them from here, so a change in the law is a data change.
"""

TOOLS = [
    {
        "slug": "konsultacje",
        "name_pl": "Konsultacje społeczne",
        "name_en": "Public consultations",
        "legal_basis": "art. 5a ustawy o samorządzie gminnym",
        "description_pl": (
            "Gmina pyta mieszkańców o zdanie w ważnych dla nich sprawach, np. planu "
            "zagospodarowania, budżetu czy przebudowy ulicy. Zasady i tryb konsultacji określa "
            "uchwała rady gminy (art. 5a ustawy o samorządzie gminnym). Wynik nie jest wiążący, "
            "ale gmina powinna go opublikować i wyjaśnić, co z uwag przyjęła."
        ),
        "description_en": (
            "The gmina asks residents for their views on matters that concern them, such as a "
            "local plan, the budget or a street redesign. The council sets the rules in a "
            "resolution (art. 5a of the Act on Municipal Self-Government). The result is not "
            "binding, but the gmina should publish it and explain which comments it accepted."
        ),
        "color": "#1f77b4",
        "icon": "speech",
        "rules": {},
    },
    {
        "slug": "budzet-obywatelski",
        "name_pl": "Budżet obywatelski",
        "name_en": "Participatory budget",
        "legal_basis": "art. 5a ust. 3–7 ustawy o samorządzie gminnym",
        "description_pl": (
            "Mieszkańcy co roku zgłaszają projekty i w głosowaniu decydują, które z nich gmina "
            "zrealizuje z wydzielonej części budżetu. W miastach na prawach powiatu jest "
            "obowiązkowy i wynosi co najmniej 0,5% wydatków gminy (art. 5a ustawy o samorządzie "
            "gminnym)."
        ),
        "description_en": (
            "Each year residents propose projects and vote on which ones the gmina carries out "
            "from a set part of its budget. In cities with county rights it is mandatory and "
            "takes at least 0.5% of the gmina's spending (art. 5a of the Act on Municipal "
            "Self-Government)."
        ),
        "color": "#d62728",
        "icon": "coins",
        "rules": {"city_min_share_of_spending_percent": 0.5},
    },
    {
        "slug": "fundusz-solecki",
        "name_pl": "Fundusz sołecki",
        "name_en": "Village fund",
        "legal_basis": "ustawa z dnia 21 lutego 2014 r. o funduszu sołeckim",
        "description_pl": (
            "Pieniądze z budżetu gminy przeznaczone dla sołectwa. O ich wydaniu decyduje zebranie "
            "wiejskie, które uchwala wniosek z przedsięwzięciami na rzecz mieszkańców (ustawa z "
            "21 lutego 2014 r. o funduszu sołeckim). Gmina odzyskuje część wydatków z budżetu "
            "państwa."
        ),
        "description_en": (
            "Money from the gmina budget set aside for a village (sołectwo). The village meeting "
            "decides how to spend it by adopting a proposal of projects for residents (Act of 21 "
            "February 2014 on the village fund). The state refunds part of the spending."
        ),
        "color": "#2ca02c",
        "icon": "village",
        "rules": {},
    },
    {
        "slug": "inicjatywa-uchwalodawcza",
        "name_pl": "Obywatelska inicjatywa uchwałodawcza",
        "name_en": "Citizens' resolution initiative",
        "legal_basis": "art. 41a ustawy o samorządzie gminnym",
        "description_pl": (
            "Grupa mieszkańców może złożyć w radzie gminy własny projekt uchwały. Potrzeba "
            "podpisów co najmniej 100 mieszkańców w gminie do 5 tys. mieszkańców, 200 do 20 tys. "
            "i 300 w większych; rada rozpatruje projekt najpóźniej na drugiej sesji (art. 41a "
            "ustawy o samorządzie gminnym)."
        ),
        "description_en": (
            "A group of residents may table its own draft resolution in the gmina council. It "
            "needs the signatures of at least 100 residents in a gmina of up to 5,000 people, 200 "
            "up to 20,000 and 300 in larger ones; the council must consider it at its second "
            "session at the latest (art. 41a of the Act on Municipal Self-Government)."
        ),
        "color": "#9467bd",
        "icon": "document",
        "rules": {"signatures_required": [
            {"population_up_to": 5000, "signatures": 100},
            {"population_up_to": 20000, "signatures": 200},
            {"population_up_to": None, "signatures": 300},
        ]},
    },
    {
        "slug": "referendum",
        "name_pl": "Referendum lokalne",
        "name_en": "Local referendum",
        "legal_basis": "ustawa z dnia 15 września 2000 r. o referendum lokalnym",
        "description_pl": (
            "Mieszkańcy rozstrzygają w głosowaniu o sprawie gminy, o samoopodatkowaniu albo o "
            "odwołaniu rady lub wójta (burmistrza, prezydenta miasta). Referendum jest ważne, gdy "
            "weźmie w nim udział co najmniej 30% uprawnionych; w sprawie odwołania organu co "
            "najmniej 3/5 liczby głosujących w jego wyborze (ustawa z 15 września 2000 r.)."
        ),
        "description_en": (
            "Residents decide by vote on a gmina matter, on self-taxation, or on recalling the "
            "council or the mayor. It is valid when at least 30% of those eligible take part; a "
            "recall needs at least 3/5 of the number who voted in that body's election (Act of "
            "15 September 2000 on local referendums)."
        ),
        "color": "#ff7f0e",
        "icon": "ballot",
        "rules": {"valid_turnout_percent": 30, "recall_turnout_share_of_election": 0.6},
    },
    {
        "slug": "mlodziezowa-rada",
        "name_pl": "Młodzieżowa rada gminy",
        "name_en": "Youth council",
        "legal_basis": "art. 5b ustawy o samorządzie gminnym",
        "description_pl": (
            "Rada złożona z młodych mieszkańców, która opiniuje sprawy gminy dotyczące młodzieży "
            "i może występować z własnymi inicjatywami. Gmina tworzy ją z własnej inicjatywy lub "
            "na wniosek środowisk młodzieżowych (art. 5b ustawy o samorządzie gminnym)."
        ),
        "description_en": (
            "A council of young residents that gives opinions on gmina matters concerning young "
            "people and may put forward its own initiatives. The gmina sets it up on its own "
            "initiative or at the request of youth groups (art. 5b of the Act on Municipal "
            "Self-Government)."
        ),
        "color": "#17becf",
        "icon": "youth",
        "rules": {},
    },
    {
        "slug": "rada-seniorow",
        "name_pl": "Gminna rada seniorów",
        "name_en": "Senior citizens' council",
        "legal_basis": "art. 5c ustawy o samorządzie gminnym",
        "description_pl": (
            "Ciało doradcze i inicjatywne złożone z przedstawicieli osób starszych i organizacji "
            "działających na ich rzecz; opiniuje sprawy gminy ważne dla seniorów (art. 5c ustawy "
            "o samorządzie gminnym)."
        ),
        "description_en": (
            "An advisory and initiating body of representatives of older people and of the "
            "organisations working for them; it gives opinions on gmina matters that concern "
            "seniors (art. 5c of the Act on Municipal Self-Government)."
        ),
        "color": "#8c564b",
        "icon": "senior",
        "rules": {},
    },
    {
        "slug": "inicjatywa-lokalna",
        "name_pl": "Inicjatywa lokalna",
        "name_en": "Local initiative",
        "legal_basis": "art. 19b–19h ustawy o działalności pożytku publicznego i o wolontariacie",
        "description_pl": (
            "Mieszkańcy wspólnie z gminą realizują zadanie publiczne, np. remont placu zabaw, "
            "wnosząc pracę społeczną, świadczenia rzeczowe lub pieniądze (art. 19b–19h ustawy o "
            "działalności pożytku publicznego i o wolontariacie)."
        ),
        "description_en": (
            "Residents carry out a public task together with the gmina, such as renovating a "
            "playground, contributing voluntary work, goods or money (arts. 19b–19h of the Act "
            "on Public Benefit and Volunteer Work)."
        ),
        "color": "#bcbd22",
        "icon": "hands",
        "rules": {},
    },
    {
        "slug": "panel-obywatelski",
        "name_pl": "Panel obywatelski",
        "name_en": "Citizens' panel",
        "legal_basis": "",
        "description_pl": (
            "Losowo wybrana, zróżnicowana grupa mieszkańców poznaje opinie ekspertów i stron, "
            "dyskutuje i wydaje rekomendacje w sprawie ważnej dla gminy. Nie ma odrębnej "
            "podstawy ustawowej; gminy prowadzą go najczęściej w trybie konsultacji społecznych."
        ),
        "description_en": (
            "A randomly selected, diverse group of residents hears experts and stakeholders, "
            "deliberates and makes recommendations on an issue that matters to the gmina. It has "
            "no statute of its own; gminy usually run it as a form of public consultation."
        ),
        "color": "#e377c2",
        "icon": "circle",
        "rules": {"recommendation_binding_threshold_percent": 80},
    },
    {
        "slug": "inne",
        "name_pl": "Inne",
        "name_en": "Other",
        "legal_basis": "",
        "description_pl": (
            "Inne formy udziału mieszkańców w decyzjach lokalnych: zespoły robocze, spacery "
            "badawcze, rady dzielnic i osiedli, debaty, warsztaty przyszłościowe."
        ),
        "description_en": (
            "Other ways residents take part in local decisions: working groups, research walks, "
            "district and neighbourhood councils, debates, future workshops."
        ),
        "color": "#7f7f7f",
        "icon": "dot",
        "rules": {},
    },
]


def load_tools(model):
    """Create or update the tool rows of `model` (ParticipationTool, or its historical version
    in a migration) from TOOLS; returns how many exist. Idempotent."""
    for position, data in enumerate(TOOLS, start=1):
        model.objects.update_or_create(
            slug=data["slug"], defaults={**data, "position": position}
        )
    return model.objects.count()
