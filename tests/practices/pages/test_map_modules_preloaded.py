"""The map page preloads every module of static/js/map/, so that the browser fetches them
all at once instead of discovering them import by import."""
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_every_map_module_is_preloaded(client):
    html = client.get("/en/").content.decode()
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/static/js/map/([^"]+)">', html))
    modules = {path.name for path in (Path(settings.BASE_DIR) / "static/js/map").glob("*.js")}
    assert preloaded == modules
