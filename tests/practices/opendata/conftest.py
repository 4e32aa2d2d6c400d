"""The open-data tests use the API's hand-made world and client (tests/practices/api) and, to
open downloaded files, the browser fixtures (tests/practices/pages/browser)."""
from tests.practices.api.conftest import api, shared_world, world  # noqa: F401
from tests.practices.pages.browser.conftest import browser, context, watch  # noqa: F401
