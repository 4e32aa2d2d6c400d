"""A selection larger than the first read is streamed (not built in memory), in chunks; a
smaller one is answered whole, with its length. Both are valid JSON."""
import json

from django.http import StreamingHttpResponse

from practices import geojson
from tests.practices.api.factories_bulk import add_cases


def test_an_unpaged_list_larger_than_the_first_read_is_a_streaming_response(
    api, world, monkeypatch
):
    monkeypatch.setattr(geojson, "FIRST_CHUNK_ROWS", 2)
    response = api.get("/api/practices/")
    assert isinstance(response, StreamingHttpResponse)
    assert "Content-Length" not in response


def test_a_page_is_not_streamed(api, world):
    assert not api.get("/api/practices/", {"limit": 2}).streaming


def test_a_selection_larger_than_a_chunk_arrives_in_several_chunks(api, world, monkeypatch):
    monkeypatch.setattr(geojson, "FIRST_CHUNK_ROWS", 2)
    monkeypatch.setattr(geojson, "CHUNK_ROWS", 3)
    add_cases(world["gminy"]["bialystok"], 10)
    response = api.get("/api/practices/")
    chunks = list(response.streaming_content)
    collection = json.loads(b"".join(chunks))
    assert len(collection["features"]) == 17
    # 2 rows read first, then 3 + 3 + 3 + 3 + 3 from the cursor, then the closing chunk.
    assert len(chunks) == 7
    assert [f["id"] for f in collection["features"]] == sorted(
        f["id"] for f in collection["features"]
    )


def test_a_bbox_selection_larger_than_the_first_read_arrives_whole_in_id_order(
    api, world, monkeypatch
):
    """The first read is cut from the selected cases before their text is written; the
    cursor continues after it, so every case in the box comes once."""
    monkeypatch.setattr(geojson, "FIRST_CHUNK_ROWS", 2)
    monkeypatch.setattr(geojson, "CHUNK_ROWS", 3)
    added = add_cases(world["gminy"]["bialystok"], 6)
    box = {"bbox": "23.1,53.1,23.2,53.2"}  # Białystok's square only
    published = ("bo-bialystok-2019", "bo-bialystok-2020", "konsultacje-bialystok-2020")
    expected = sorted([case.pk for case in added]
                      + [world["cases"][slug].pk for slug in published])
    chunks = list(api.get("/api/practices/", box).streaming_content)
    ids = [f["id"] for f in json.loads(b"".join(chunks))["features"]]
    assert ids == expected
    assert len(chunks) == 5  # 2 first, then 3 + 3 + 1 from the cursor, then the closing


def test_a_head_request_sends_the_headers_without_a_body(api, world):
    response = api.head("/api/practices/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["ETag"]
    assert api.body(response) == b""


def test_a_selection_smaller_than_the_first_read_is_answered_whole_with_its_length(api, world):
    response = api.get("/api/practices/", {"municipality": "2061011"})
    assert not response.streaming
    assert int(response["Content-Length"]) == len(response.content)
    assert len(json.loads(response.content)["features"]) == 3


def test_a_selection_exactly_the_size_of_the_first_read_is_streamed_whole(
    api, world, monkeypatch
):
    """A full first read might be followed by more: the cursor is asked, finds nothing."""
    monkeypatch.setattr(geojson, "FIRST_CHUNK_ROWS", 3)
    response = api.get("/api/practices/", {"municipality": "2061011"})
    chunks = list(response.streaming_content)
    assert len(chunks) == 2  # the first read, then the closing
    assert len(json.loads(b"".join(chunks))["features"]) == 3


def test_an_empty_selection_is_an_empty_collection(api, world):
    response = api.get("/api/practices/", {"year": "1995"})
    assert response.content == b'{"type":"FeatureCollection","features":[]}'


def test_the_continuation_neither_repeats_nor_skips_a_case_changed_in_between(
    api, world, monkeypatch
):
    """Between the first read and the cursor, the first case is deleted and a new one
    published: continuing by id, every case is sent once."""
    from tests.factories import make_practice

    monkeypatch.setattr(geojson, "FIRST_CHUNK_ROWS", 2)
    first_ids = sorted(case.pk for case in world["cases"].values() if case.status == "published")
    original_rest = geojson._rest

    def rest_after_a_change(*args, **kwargs):
        world["cases"]["bo-bialystok-2019"].delete()
        make_practice(world["gminy"]["elk"], "inne", 2024, title="Nowy", slug="nowy")
        yield from original_rest(*args, **kwargs)

    monkeypatch.setattr(geojson, "_rest", rest_after_a_change)
    ids = [f["id"] for f in json.loads(api.body(api.get("/api/practices/")))["features"]]
    assert len(ids) == len(set(ids)) == 8
    assert ids[:2] == first_ids[:2]
