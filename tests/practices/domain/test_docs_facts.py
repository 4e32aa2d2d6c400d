"""docs/catalogue.md lists every fact of every tool, so the documentation cannot fall behind
the schemas."""
import pytest
from django.conf import settings

from practices.domain.fact_schemas import SCHEMAS

DOC = (settings.BASE_DIR / "docs" / "catalogue.md").read_text()


@pytest.mark.parametrize("tool", list(SCHEMAS))
def test_the_catalogue_documentation_lists_every_fact_of_the_tool(tool):
    row = next(line for line in DOC.splitlines() if line.startswith(f"| `{tool}` |"))
    for field in SCHEMAS[tool].fields:
        assert f"`{field.key}`" in row, field.key
