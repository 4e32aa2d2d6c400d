"""Pabulib files the tests write: a district's vote with chosen META and projects."""


def pb_text(*, unit="Gdańsk", district="Oliwa", instance="2024", budget="300000",
            projects=(("1", "100000", "40", "Park", "1"), ("2", "250000", "30", "Droga", "0")),
            voters=3, extra_meta="", sections=("META", "PROJECTS", "VOTES")):
    parts = []
    if "META" in sections:
        parts.append(
            "META\nkey;value\ndescription;test\ncountry;Poland\n"
            f"unit;{unit}\ndistrict;{district}\nsubunit;{district}\ninstance;{instance}\n"
            f"num_projects;{len(projects)}\nnum_votes;{voters}\nbudget;{budget}\n"
            "vote_type;approval\nrule;greedy\ndate_begin;01.09.2023\ndate_end;15.09.2023\n"
            f"currency;PLN\n{extra_meta}")
    if "PROJECTS" in sections:
        parts.append("PROJECTS\nproject_id;cost;votes;name;selected\n"
                     + "".join(";".join(project) + "\n" for project in projects))
    if "VOTES" in sections:
        parts.append("VOTES\nvoter_id;vote\n"
                     + "".join(f"{number};1\n" for number in range(voters)))
    return "".join(parts)


def write_pb(path, **options):
    path.write_text(pb_text(**options), encoding="utf-8")
    return str(path)
