"""The open-data tests use the API's hand-made world and client (tests/practices/api)."""
from tests.practices.api.conftest import api, shared_world, world  # noqa: F401
