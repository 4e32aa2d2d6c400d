"""ETag/Last-Modified: revalidation answers 304 while the published data is unchanged, and
the ETag changes at once whenever it changes (publish, unpublish, edit, delete, a link, a gmina
or a tool renamed, a boundary import), though the slow parts of the version are cached."""
import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date

from geodata.models import Municipality
from geodata.signals import register_changed
from practices.models import ParticipationTool, PracticeLink, Status

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


def rename_tool(world):
    tool = ParticipationTool.objects.get(slug="referendum")
    tool.name_en = "Local referendum (renamed)"
    tool.save()


def add_link(world):
    PracticeLink.objects.create(
        practice=world["cases"]["bo-bialystok-2019"], url="https://bip.example.org/x"
    )


@pytest.mark.parametrize(
    "change", [publish, unpublish, edit, delete, rename_gmina, rename_tool, add_link]
)
def test_every_change_reaches_the_etag_at_once_even_with_the_version_cached(api, world,
                                                                            change):
    etag = api.get("/api/practices/")["ETag"]
    # The slow parts of the version are in the cache now; only invalidation can retire them.
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    change(world)
    response = api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_a_boundary_import_changes_the_etag_though_it_bypasses_save(api, world):
    etag = api.get("/api/municipalities/")["ETag"]
    # What the importer does to a gmina: a bulk write (no post_save), then its signal.
    Municipality.objects.filter(pk=world["gminy"]["elk"].pk).update(
        name="Ełk (miasto)", updated_at=timezone.now()
    )
    assert api.get("/api/municipalities/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    register_changed.send(sender=Municipality, using="default")
    assert api.get("/api/municipalities/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_etag_is_the_same_after_the_cache_is_emptied(api, world):
    etag = api.get("/api/practices/")["ETag"]
    cache.clear()
    assert api.get("/api/practices/", HTTP_IF_NONE_MATCH=etag).status_code == 304


# Answers of one statement read the cases' latest change within it when the request has no
# condition (practices.revalidation): their validators must be the ones a revalidation sees.
FOLDED_URLS = [
    "/api/points/?tool=budzet-obywatelski",
    "/api/stats/?by=municipality,tool",
    "/api/municipalities/?voivodeship=20",
]


def bulk_edit(world):
    # No signal: only the cases' latest change, read on every request, can see it.
    case = world["cases"]["bo-bialystok-2019"]
    type(case).objects.filter(pk=case.pk).update(title="Poprawiony", updated_at=timezone.now())


@pytest.mark.parametrize("change", [None, edit, bulk_edit, publish, rename_gmina])
@pytest.mark.parametrize("url", FOLDED_URLS)
def test_an_unconditional_answer_carries_the_validators_a_revalidation_sees(api, world, url,
                                                                           change):
    before = api.get(url)["ETag"]
    if change:
        change(world)
    plain = api.get(url)
    revalidated = api.get(url, HTTP_IF_NONE_MATCH='W/"stale"')
    assert plain.status_code == revalidated.status_code == 200
    assert plain["ETag"] == revalidated["ETag"]
    assert plain["Last-Modified"] == revalidated["Last-Modified"]
    assert (plain["ETag"] != before) == (change is not None)
    assert api.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


@pytest.mark.parametrize("url", FOLDED_URLS)
def test_a_head_request_carries_the_same_validators(api, world, url):
    head = api.head(url)
    assert head.status_code == 200
    assert head["ETag"] == api.get(url)["ETag"]
