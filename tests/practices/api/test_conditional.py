"""ETag/Last-Modified: revalidation answers 304 while the published data is unchanged, and
the ETag changes whenever it changes (publish, unpublish, edit, delete, gmina rename)."""
import pytest
from django.utils.http import http_date

from practices import caching
from practices.models import Status

URLS = [
    "/api/practices/",
    "/api/practices/?limit=2",
    "/api/practices/bo-bialystok-2019/",
    "/api/municipalities/",
    "/api/municipalities/2061011/",
    "/api/tools/",
    "/api/stats/",
]


@pytest.mark.parametrize("url", URLS)
def test_a_current_etag_gets_a_304_with_the_validators(api, world, url):
    first = api.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"')
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again["Last-Modified"] == first["Last-Modified"]
    assert again.content == b""


@pytest.mark.parametrize("url", URLS)
def test_if_modified_since_the_last_change_gets_a_304(api, world, url):
    first = api.get(url)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_last_modified_is_the_time_of_the_latest_change(api, world):
    latest = max(case.updated_at for case in world["cases"].values())
    assert api.get("/api/practices/")["Last-Modified"] == http_date(latest.timestamp())


def test_a_stale_etag_gets_the_data(api, world):
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH='W/"stale"').status_code == 200


def test_responses_must_be_revalidated(api, world):
    response = api.get("/api/practices/")
    assert response["Cache-Control"] == "public, no-cache"
    assert "Accept-Encoding" in response["Vary"]


def publish(world):
    case = world["cases"]["draft-bialystok"]
    case.status = Status.PUBLISHED
    case.save()


def unpublish(world):
    case = world["cases"]["bo-bialystok-2019"]
    case.status = Status.ARCHIVED
    case.save()


def edit(world):
    case = world["cases"]["bo-bialystok-2019"]
    case.title = "Budżet obywatelski Białegostoku 2019 (poprawiony)"
    case.save()


def delete(world):
    world["cases"]["panel-warszawa-2022"].delete()


def rename_gmina(world):
    gmina = world["gminy"]["elk"]
    gmina.name = "Ełk (miasto)"
    gmina.save()


@pytest.mark.parametrize("change", [publish, unpublish, edit, delete, rename_gmina])
@pytest.mark.parametrize("url", ["/api/practices/", "/api/municipalities/", "/api/stats/"])
def test_a_change_of_published_data_changes_the_etag(api, world, change, url):
    etag = api.get(url)["ETag"]
    change(world)
    response = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_etag_differs_between_languages(api, world):
    polish = api.get("/api/practices/", HTTP_ACCEPT_LANGUAGE="pl")["ETag"]
    english = api.get("/api/practices/", HTTP_ACCEPT_LANGUAGE="en")["ETag"]
    assert polish != english


def test_a_bad_request_is_refused_before_revalidation(api, world):
    etag = api.get("/api/practices/")["ETag"]
    response = api.get("/api/practices/", {"year": "1"}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 400
    assert not response.has_header("ETag")


@pytest.mark.parametrize("change", [delete, rename_gmina])
def test_rare_changes_reach_the_etag_within_the_recheck_interval(api, world, monkeypatch,
                                                                  change):

    monkeypatch.setattr(caching, "RECHECK_SECONDS", 5.0)
    clock = [1000.0]
    monkeypatch.setattr(caching, "clock", lambda: clock[0])
    etag = api.get("/api/practices/")["ETag"]
    change(world)
    clock[0] += 4.0
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    clock[0] += 1.5
    response = api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


@pytest.mark.parametrize("change", [publish, unpublish, edit])
def test_case_changes_reach_the_etag_at_once_whatever_the_interval(api, world, monkeypatch,
                                                                   change):

    monkeypatch.setattr(caching, "RECHECK_SECONDS", 5.0)
    monkeypatch.setattr(caching, "clock", lambda: 1000.0)
    etag = api.get("/api/practices/")["ETag"]
    change(world)
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag).status_code == 200
