"""/api/docs/ renders the schema with assets from our own static files."""
import re


def test_the_documentation_page_loads_nothing_from_another_site(api, db):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(not re.match(r"(https?:)?//", asset) for asset in assets), assets
    # The start-up script is a file of its own (no inline script under the CSP).
    assert '<script src="/api/docs/?script="></script>' in html
    assert "/api/schema/" in start_up_script(api)


def test_the_swagger_ui_assets_are_served(api, db):
    html = api.get("/api/docs/").content.decode()
    script = next(a for a in re.findall(r'src="([^"]+)"', html) if "swagger-ui" in a)
    response = api.get(script)
    assert response.status_code == 200


def test_the_swagger_ui_fetches_no_validator_badge(api, db):
    assert '"validatorUrl": null' in start_up_script(api)


def start_up_script(api):
    response = api.get("/api/docs/?script=")
    assert response.status_code == 200
    return response.content.decode()
