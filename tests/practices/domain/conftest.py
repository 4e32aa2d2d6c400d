"""The domain's tests read messages in English, the msgid language."""
import pytest


@pytest.fixture(autouse=True)
def in_english(english):
    yield
