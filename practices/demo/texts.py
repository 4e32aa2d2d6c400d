"""Polish wording and plausible numbers of the sample cases (see practices.demo.samples).

Every builder takes (rng, year, gmina) and returns the title, summary, description,
organiser, facts and the like of one made-up case. Numbers scale with the gmina's size; they
are invented, only their proportions are realistic.
"""
import datetime

SAMPLE_NOTE = (
    "_To jest przykładowy wpis wygenerowany do demonstracji Mapy Partycypacji. Nie opisuje "
    "rzeczywistego przypadku; liczby są zmyślone._"
)

# Genitive of the towns (urban gminy) of podlaskie and warmińsko-mazurskie.
GENITIVE = {
    "Augustów": "Augustowa", "Bartoszyce": "Bartoszyc", "Białystok": "Białegostoku",
    "Bielsk Podlaski": "Bielska Podlaskiego", "Braniewo": "Braniewa", "Brańsk": "Brańska",
    "Działdowo": "Działdowa", "Elbląg": "Elbląga", "Ełk": "Ełku", "Giżycko": "Giżycka",
    "Grajewo": "Grajewa", "Górowo Iławeckie": "Górowa Iławeckiego", "Hajnówka": "Hajnówki",
    "Iława": "Iławy", "Kolno": "Kolna", "Kętrzyn": "Kętrzyna",
    "Lidzbark Warmiński": "Lidzbarka Warmińskiego", "Lubawa": "Lubawy", "Mrągowo": "Mrągowa",
    "Nowe Miasto Lubawskie": "Nowego Miasta Lubawskiego", "Olsztyn": "Olsztyna",
    "Ostróda": "Ostródy", "Sejny": "Sejn", "Siemiatycze": "Siemiatycz", "Suwałki": "Suwałk",
    "Szczytno": "Szczytna", "Wysokie Mazowieckie": "Wysokiego Mazowieckiego",
    "Zambrów": "Zambrowa", "Łomża": "Łomży",
}


def is_city(gmina):
    """A city with powiat rights (county code 61 and above)."""
    return gmina.teryt[2:4] >= "61"


def of_place(gmina):
    """"Białegostoku", "miasta Kolno", "gminy Supraśl": the place in the genitive."""
    if gmina.type == "1":
        return GENITIVE.get(gmina.name) or f"miasta {gmina.name}"
    return f"gminy {gmina.name}"


def office(gmina):
    return {"1": "Urząd Miasta", "3": "Urząd Miasta i Gminy"}.get(gmina.type, "Urząd Gminy") + (
        f" {gmina.name}"
    )


def mayor(gmina):
    if is_city(gmina):
        return "prezydenta miasta"
    return "burmistrza" if gmina.type in ("1", "3") else "wójta"


def population(rng, gmina):
    if gmina.population:
        return gmina.population
    base = 150_000 if is_city(gmina) else {"1": 18_000, "3": 12_000}.get(gmina.type, 6_000)
    return int(base * rng.uniform(0.6, 1.4))


def pln(value):
    return f"{value:,}".replace(",", "\u00a0") + "\u00a0zł"


def day(rng, year, first=0, last=330):
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(first, last))


def budget(rng, year, gmina):
    people = population(rng, gmina)
    submitted = max(6, int(people / 1500 * rng.uniform(0.5, 1.5)))
    voted = submitted - rng.randint(0, submitted // 4)
    selected = rng.randint(max(1, voted // 8), max(1, voted // 3))
    voters = int(people * rng.uniform(0.04, 0.14))
    amount = int(round(people * rng.uniform(12, 40), -3))
    return {
        "title": f"Budżet obywatelski {of_place(gmina)} {year}",
        "summary": (
            f"Edycja {year}: pula {pln(amount)}, zgłoszone projekty: {submitted}, poddane pod "
            f"głosowanie: {voted}, wybrane do realizacji: {selected}, głosujący: {voters}."
        ),
        "description": (
            "Mieszkańcy zgłaszali projekty przez formularz internetowy i w punktach "
            "konsultacyjnych. Urząd sprawdził je pod względem formalnym i prawnym, a następnie "
            "odbyło się głosowanie.\n\n"
            "Harmonogram:\n\n- nabór projektów,\n- weryfikacja i spotkania z autorami,\n"
            "- głosowanie,\n- ogłoszenie wyników."
        ),
        "organiser": office(gmina),
        "organiser_type": "urzad",
        "participants": voters,
        "outcome": f"Liczba projektów wybranych do realizacji: {selected}.",
        "lessons": "Najwięcej głosów zebrały projekty zieleni i placów zabaw.",
        "facts": {
            "amount_pln": amount, "projects_submitted": submitted, "projects_voted": voted,
            "projects_selected": selected, "votes_cast": voters * rng.randint(1, 3),
            "voters": voters,
        },
    }


CONSULTATION_SUBJECTS = (
    "strategii rozwoju", "miejscowego planu zagospodarowania przestrzennego",
    "programu rewitalizacji", "przebudowy rynku", "programu współpracy z organizacjami "
    "pozarządowymi", "zmian w komunikacji publicznej", "regulaminu budżetu obywatelskiego",
    "projektu parku miejskiego", "planu gospodarki niskoemisyjnej",
)
METHODS = ("survey", "meeting", "workshop", "walk", "online", "consultation_point")


def consultation(rng, year, gmina):
    subject = rng.choice(CONSULTATION_SUBJECTS)
    start = day(rng, year, 0, 300)
    end = start + datetime.timedelta(days=rng.randint(14, 45))
    comments = rng.randint(5, 400)
    methods = rng.sample(METHODS, rng.randint(2, 4))
    return {
        "title": f"Konsultacje społeczne {subject} {of_place(gmina)} ({year})",
        "summary": (
            f"Konsultacje {subject} trwały od {start:%d.%m.%Y} do {end:%d.%m.%Y}; "
            f"liczba zgłoszonych uwag: {comments}."
        ),
        "description": (
            f"Gmina zaprosiła mieszkańców do wyrażenia opinii w sprawie {subject}. "
            "Uwagi można było zgłaszać na spotkaniach, w ankiecie i przez formularz.\n\n"
            "Raport z konsultacji opisuje, które uwagi przyjęto i dlaczego."
        ),
        "organiser": office(gmina),
        "organiser_type": "urzad",
        "participants": comments + rng.randint(10, 200),
        "start_date": start,
        "end_date": end,
        "outcome": "Część uwag uwzględniono w ostatecznej wersji dokumentu.",
        "facts": {
            "subject": subject, "methods": methods, "period_start": start.isoformat(),
            "period_end": end.isoformat(), "comments_received": comments,
        },
    }


def village_fund(rng, year, gmina):
    solectwa = rng.randint(8, 45)
    amount = int(round(solectwa * rng.uniform(15_000, 45_000), -2))
    projects = int(solectwa * rng.uniform(1.0, 2.0))
    return {
        "title": f"Fundusz sołecki {of_place(gmina)} {year}",
        "summary": (
            f"Edycja {year}: łączna kwota {pln(amount)}, liczba sołectw: {solectwa}, "
            f"przedsięwzięcia wybrane przez zebrania wiejskie: {projects}."
        ),
        "description": (
            "Zebrania wiejskie uchwaliły wnioski o przyznanie środków z funduszu sołeckiego. "
            "Najczęściej wybierano remonty świetlic, place zabaw i festyny."
        ),
        "organiser": office(gmina),
        "organiser_type": "urzad",
        "facts": {"amount_pln": amount, "solectwa_count": solectwa, "projects_count": projects},
    }


DRAFTS = (
    "w sprawie nadania nazwy skwerowi", "w sprawie zasad budżetu obywatelskiego",
    "w sprawie utworzenia młodzieżowej rady", "w sprawie ochrony drzew w mieście",
    "w sprawie transmisji obrad rady", "w sprawie programu in vitro",
)


def resolution_initiative(rng, year, gmina):
    draft = rng.choice(DRAFTS)
    outcome = rng.choice(("adopted", "rejected", "withdrawn", "pending"))
    signatures = rng.randint(150, 1500)
    return {
        "title": f"Obywatelski projekt uchwały {draft} – {gmina.name} {year}",
        "summary": f"Projekt uchwały {draft}; liczba podpisów mieszkańców: {signatures}.",
        "description": (
            "Komitet inicjatywy uchwałodawczej przygotował projekt, zebrał podpisy i złożył "
            "go w biurze rady. Rada rozpatrzyła projekt na sesji."
        ),
        "organiser": "Komitet inicjatywy uchwałodawczej",
        "organiser_type": "mieszkancy",
        "participants": signatures,
        "facts": {
            "draft_resolution": f"Projekt uchwały {draft}", "signatures_collected": signatures,
            "submitted_on": day(rng, year).isoformat(), "outcome": outcome,
        },
    }


def referendum(rng, year, gmina):
    kind = rng.choices(
        ("recall_mayor", "recall_council", "local_matter", "self_taxation"), (4, 2, 3, 1)
    )[0]
    eligible = int(population(rng, gmina) * 0.8)
    votes = int(eligible * rng.uniform(0.08, 0.45))
    yes = int(votes * rng.uniform(0.3, 0.9))
    no = int(votes * 0.97) - yes
    questions = {
        "recall_mayor": f"Czy jesteś za odwołaniem {mayor(gmina)} przed upływem kadencji?",
        "recall_council": "Czy jesteś za odwołaniem rady gminy przed upływem kadencji?",
        "local_matter": "Czy jesteś za budową spalarni odpadów na terenie gminy?",
        "self_taxation": "Czy jesteś za samoopodatkowaniem mieszkańców na budowę kanalizacji?",
    }
    facts = {
        "date": day(rng, year).isoformat(), "question": questions[kind], "type": kind,
        "eligible_voters": eligible, "votes_cast": votes, "votes_yes": yes, "votes_no": no,
        "result": "yes" if yes > no else "no",
    }
    if kind.startswith("recall"):
        facts["election_votes"] = int(eligible * rng.uniform(0.4, 0.6))
    what = {"recall_mayor": f"odwołania {mayor(gmina)}", "recall_council": "odwołania rady",
            "local_matter": "budowy spalarni odpadów",
            "self_taxation": "samoopodatkowania mieszkańców"}[kind]
    return {
        "title": f"Referendum lokalne w sprawie {what} {of_place(gmina)} ({year})",
        "summary": f"Referendum w sprawie {what}: głosujący {votes}, uprawnieni {eligible}.",
        "description": (
            "Referendum przeprowadzono z inicjatywy mieszkańców. Ważność zależy od frekwencji "
            "(próg zapisany w danych narzędzia)."
        ),
        "organiser": "Grupa inicjatywna mieszkańców",
        "organiser_type": "mieszkancy" if kind != "self_taxation" else "rada",
        "participants": votes,
        "facts": facts,
    }


def council(rng, year, gmina, youth):
    members = rng.randint(15, 25) if youth else rng.randint(9, 15)
    term = 2 if youth else 4
    name = "Młodzieżowa Rada" if youth else "Rada Seniorów"
    return {
        "title": f"{name} {of_place(gmina)} {year}–{year + term}",
        "summary": f"{name}: liczba członków {members}, kadencja {year}–{year + term}.",
        "description": (
            ("Radni młodzieżowi są wybierani w szkołach. " if youth else
             "W radzie zasiadają przedstawiciele klubów seniora i organizacji. ")
            + "Rada opiniuje projekty uchwał i zgłasza własne inicjatywy."
        ),
        "organiser": f"Rada {of_place(gmina)}" if not youth else office(gmina),
        "organiser_type": "rada" if not youth else "szkola",
        "participants": members,
        "end_year": year + term,
        "facts": {
            "members_count": members, "term": f"{year}–{year + term}",
            "opinions_issued": rng.randint(0, 15),
        },
    }


TASKS = (
    "remont placu zabaw", "budowa siłowni plenerowej", "oświetlenie boiska wiejskiego",
    "nasadzenia drzew na skwerze", "odnowienie kapliczki", "urządzenie ogrodu społecznego",
)


def local_initiative(rng, year, gmina):
    task = rng.choice(TASKS)
    volunteers = rng.randint(5, 60)
    amount = int(round(rng.uniform(5_000, 80_000), -2))
    return {
        "title": f"Inicjatywa lokalna: {task} ({gmina.name}, {year})",
        "summary": f"Mieszkańcy i gmina wspólnie: {task}. Liczba wolontariuszy: {volunteers}.",
        "description": (
            "Mieszkańcy złożyli wniosek o realizację zadania w trybie inicjatywy lokalnej i "
            "wnieśli pracę społeczną; gmina pokryła koszt materiałów."
        ),
        "organiser": "Stowarzyszenie mieszkańców",
        "organiser_type": "mieszkancy",
        "participants": volunteers,
        "facts": {
            "task": task, "contribution": rng.sample(("work", "goods", "money"),
                                                     rng.randint(1, 3)),
            "gmina_amount_pln": amount, "volunteers": volunteers,
        },
    }


PANEL_SUBJECTS = (
    "adaptacji do zmian klimatu", "jakości powietrza", "transportu publicznego",
    "zieleni miejskiej", "gospodarki odpadami",
)


def panel(rng, year, gmina):
    subject = rng.choice(PANEL_SUBJECTS)
    invited = rng.randint(3_000, 12_000)
    drawn = rng.randint(40, 90)
    recommendations = rng.randint(10, 40)
    adopted = rng.randint(recommendations // 2, recommendations)
    return {
        "title": f"Panel obywatelski {of_place(gmina)} o {subject} ({year})",
        "summary": (
            f"Panel losowo wybranych mieszkańców (liczba panelistów: {drawn}) przyjął "
            f"rekomendacje ({recommendations}); wdrożone: {adopted}."
        ),
        "description": (
            "Zaproszenia wysłano do losowo wybranych gospodarstw domowych; spośród chętnych "
            "wylosowano skład panelu odzwierciedlający strukturę mieszkańców.\n\n"
            "Panel wysłuchał ekspertów i stron, a następnie głosował nad rekomendacjami."
        ),
        "organiser": office(gmina),
        "organiser_type": "urzad",
        "participants": drawn,
        "facts": {
            "subject": subject, "invitations_sent": invited, "participants_drawn": drawn,
            "recommendations_count": recommendations, "recommendations_adopted": adopted,
        },
    }


OTHER_FORMS = (
    "Spacer badawczy", "Warsztaty przyszłościowe", "Debata oksfordzka",
    "Zespół roboczy do spraw rewitalizacji", "Rada osiedla",
)


def other(rng, year, gmina):
    form = rng.choice(OTHER_FORMS)
    people = rng.randint(10, 120)
    return {
        "title": f"{form} – {gmina.name} {year}",
        "summary": f"{form}; liczba uczestników: {people}.",
        "description": "Mieszkańcy wspólnie z urzędnikami omówili potrzeby okolicy.",
        "organiser": "Lokalna organizacja pozarządowa",
        "organiser_type": "ngo",
        "participants": people,
        "facts": {"form": form},
    }


BUILDERS = {
    "konsultacje": consultation,
    "budzet-obywatelski": budget,
    "fundusz-solecki": village_fund,
    "inicjatywa-uchwalodawcza": resolution_initiative,
    "referendum": referendum,
    "mlodziezowa-rada": lambda rng, year, gmina: council(rng, year, gmina, youth=True),
    "rada-seniorow": lambda rng, year, gmina: council(rng, year, gmina, youth=False),
    "inicjatywa-lokalna": local_initiative,
    "panel-obywatelski": panel,
    "inne": other,
}
