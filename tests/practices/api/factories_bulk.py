"""More published cases when a test needs volume rather than hand-made detail."""
from tests.factories import make_practice


def add_cases(gmina, count, tool_slug="inne", year=2023):
    return [
        make_practice(gmina, tool_slug, year, title=f"Extra case {number}")
        for number in range(count)
    ]
