"""An http(s) URL is downloaded and imported; a failed download is refused cleanly.
The server is a local one on 127.0.0.1: tests never reach outside."""
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geodata.models import Municipality
from tests.geodata.conftest import features, register_fingerprint, run_import, write_geojson

pytestmark = pytest.mark.django_db


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    write_geojson(tmp_path / "gminy.geojson", features(prefixes=("2061", "2805")))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=tmp_path))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_it_imports_a_file_served_over_http(server):
    run = run_import(f"{server}/gminy.geojson")

    assert run.code == 0, run.err
    assert "Created: 6" in run.out
    assert Municipality.objects.get(teryt="2805011").name == "Ełk"


def test_a_missing_url_is_refused_with_the_servers_answer(server, bialystok_area):
    before = register_fingerprint()

    run = run_import(f"{server}/nothing.geojson")

    assert run.code == 1
    assert f"{server}/nothing.geojson answered HTTP 404 (File not found)" in run.err
    assert register_fingerprint() == before
