"""/api/docs/ renders the schema with assets from our own static files."""
import re


def test_the_documentation_page_loads_nothing_from_another_site(api, db):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(not re.match(r"(https?:)?//", asset) for asset in assets), assets
    assert "/api/schema/" in html


def test_the_swagger_ui_assets_are_served(api, db):
    html = api.get("/api/docs/").content.decode()
    script = next(a for a in re.findall(r'src="([^"]+)"', html) if "swagger-ui" in a)
    response = api.get(script)
    assert response.status_code == 200


def test_the_swagger_ui_fetches_no_validator_badge(api, db):
    assert '"validatorUrl": null' in api.get("/api/docs/").content.decode()
