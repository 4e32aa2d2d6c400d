"""Every page runs under the Content Security Policy with zero violations: the map, the embed,
the case, gmina, tool and statistics pages, the admin login and the API's Swagger UI. (The
other browser tests bypass the policy, because Playwright's own helpers evaluate strings.)"""
import pytest

from practices.pages.framing import directives
from tests.practices.pages.browser.conftest import attach, shared_cases, shared_site

pytestmark = pytest.mark.browser
# Its tests only read: the cases are loaded once for the module (shared.py).
site, cases = shared_site, shared_cases

# Collects violations from the first script on, through the DevTools protocol (which the
# policy does not govern).
COLLECT = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

PAGES = [
    ("/", "#map-app[data-status='ready']"),
    ("/embed/", "#map-app[data-status='ready']"),
    ("/praktyki/przypadek-01/", "h1"),
    ("/gminy/2061011/", "h1"),
    ("/narzedzia/", "h1"),
    ("/narzedzia/budzet-obywatelski/", "h1"),
    ("/statystyki/", "h1"),
    ("/en/", "#map-app[data-status='ready']"),
    ("/admin/login/", "#login-form"),
    ("/api/docs/", ".swagger-ui .info"),
]


@pytest.fixture
def strict_page(browser, watch, site):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(COLLECT)
    page = context.new_page()
    attach(page, watch)
    yield page
    context.close()


@pytest.mark.parametrize(("path", "ready"), PAGES)
def test_the_page_works_with_no_content_security_policy_violation(
    strict_page, watch, site, cases, path, ready
):
    if path.startswith("/admin/"):
        watch.allow("status of 404")  # Django's admin has no favicon link: /favicon.ico
    response = strict_page.goto(site.url + path)
    assert response.status == 200
    policy = response.headers["content-security-policy"]
    # Our own scripts, and on the map's pages those written into the HTML by their digests.
    scripts = directives(policy)["script-src"]
    assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:])
    assert "unsafe-eval" not in policy and "unsafe-inline" not in " ".join(scripts)
    strict_page.wait_for_selector(ready, state="attached")
    strict_page.wait_for_load_state("networkidle")
    assert strict_page.evaluate("window.__violations") == []
    assert watch.problems == []
