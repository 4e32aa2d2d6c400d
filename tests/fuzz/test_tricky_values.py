"""Every hostile value of the fuzz strategies, tried deterministically: each value in every
parameter of a route at once (once and repeated), on the API, oEmbed, the exports and one page
of each view; in each free path segment; and as the URL oEmbed is asked about. The answer is
2xx, 3xx, 400 or 404, never a 5xx."""
import pytest

from tests.fuzz.routes import ALLOWED, DATA, EXTRA, PAGES, PATH_ROUTES, ROUTES, segment, url
from tests.fuzz.strategies import NEAR_VALID, TRICKY

OEMBED_BASES = (
    "http://testserver/", "http://testserver/gminy/", "http://testserver/praktyki/",
    "http://testserver/en/municipalities/", "http://testserver/embed/?lang=",
    "http://testserver/?municipality=", "http://[", "http://", "",
)


def answers(client, address, allowed=ALLOWED):
    response = client.get(address, HTTP_ACCEPT_LANGUAGE="en")
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code in allowed, (address, response.status_code)


@pytest.mark.parametrize("path", DATA)
def test_every_hostile_value_in_every_parameter_is_answered(fuzz_client, path):
    failures = []
    for value in TRICKY + NEAR_VALID:
        for pairs in ([(name, value) for name in ROUTES[path]],
                      [(name, value) for name in ROUTES[path] for _ in range(2)]):
            ok, detail = answers(fuzz_client, url(path, pairs), ALLOWED | EXTRA.get(path, set()))
            if not ok:
                failures.append(detail)
    assert not failures, failures[:10]


@pytest.mark.parametrize("path", PAGES)
def test_every_hostile_value_in_every_parameter_of_a_page_is_answered(fuzz_client, path):
    failures = []
    for value in TRICKY:
        ok, detail = answers(fuzz_client, url(path, [(name, value) for name in ROUTES[path]]))
        if not ok:
            failures.append(detail)
    assert not failures, failures[:10]


@pytest.mark.parametrize("template", PATH_ROUTES)
def test_every_hostile_path_segment_is_answered(fuzz_client, template):
    failures = []
    for value in filter(None, TRICKY + NEAR_VALID):
        ok, detail = answers(fuzz_client, template.format(segment(value)))
        if not ok:
            failures.append(detail)
    assert not failures, failures[:10]


def test_every_hostile_url_given_to_oembed_is_answered(fuzz_client):
    failures = []
    for base in OEMBED_BASES:
        for value in TRICKY:
            for target in (base + value, base + segment(value) + "/"):
                ok, detail = answers(fuzz_client, url("/oembed/", [("url", target)]))
                if not ok:
                    failures.append(detail)
    assert not failures, failures[:10]
