"""A small API answer costs the database two statements once the process is warm: the data
version's latest change (for the ETag) and the selection itself; one, when the request has no
condition and one statement answers it (the map's points, counts and gminy read the latest
change within it: practices.revalidation). The tool filter is checked
against the tools kept for the current version, and the selection's SQL is compiled once per
process; neither may hide a change to the tools."""
import pytest

from practices.models import ParticipationTool

WARM_REQUESTS = [
    ("/api/practices/", {"tool": "budzet-obywatelski", "year": "2020"}),
    ("/api/points/", {"tool": "budzet-obywatelski,konsultacje", "voivodeship": "20"}),
    ("/api/stats/", {"by": "tool", "tool": "referendum"}),
    ("/api/municipalities/", {"voivodeship": "20"}),
]
ONE_STATEMENT = {"/api/points/", "/api/stats/", "/api/municipalities/"}


@pytest.fixture(scope="module")
def world(shared_world):
    return shared_world


@pytest.mark.parametrize("path, params", WARM_REQUESTS)
def test_a_repeated_small_request_sends_only_the_version_and_the_selection(
    api, world, django_assert_num_queries, path, params
):
    assert api.body(api.get(path, params))  # warms the version, the tools, the statement
    with django_assert_num_queries(1 if path in ONE_STATEMENT else 2):
        response = api.get(path, params)
        assert response.status_code == 200
        api.body(response)


@pytest.mark.parametrize("path, params", WARM_REQUESTS)
def test_a_revalidation_reads_the_version_first(api, world, django_assert_num_queries, path,
                                                params):
    etag = api.get(path, params)["ETag"]
    with django_assert_num_queries(1):  # the version only
        assert api.get(path, params, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_num_queries(2):
        response = api.get(path, params, HTTP_IF_NONE_MATCH='W/"stale"')
        assert response.status_code == 200
        api.body(response)


def test_a_new_tool_is_accepted_by_the_next_request(api, world, db):
    assert api.get("/api/points/", {"tool": "budzet-obywatelski"}).status_code == 200
    assert api.get("/api/points/", {"tool": "hackathon"}).status_code == 400
    ParticipationTool.objects.create(
        slug="hackathon", name_pl="Hackaton", name_en="Hackathon", color="#123456", position=99
    )
    assert api.get("/api/points/", {"tool": "hackathon"}).status_code == 200


def test_a_deleted_tool_is_refused_by_the_next_request(api, world, db):
    tool = ParticipationTool.objects.create(
        slug="hackathon", name_pl="Hackaton", name_en="Hackathon", color="#123456", position=99
    )
    assert api.get("/api/points/", {"tool": "hackathon"}).status_code == 200
    tool.delete()
    answer = api.get("/api/points/", {"tool": "hackathon"})
    assert answer.status_code == 400
    assert answer.json()["errors"]["tool"][0].startswith("Unknown tool 'hackathon'.")
