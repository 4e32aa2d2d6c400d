"""The importer tells its caller how far it got."""
import pytest

from geodata.importers import import_boundaries
from tests.conftest import shared_geodata


@pytest.mark.django_db
def test_it_reports_reading_writing_and_the_display_refresh():
    calls = []

    import_boundaries(shared_geodata() / "gminy_20_28.geojson",
                      progress=lambda *call: calls.append(call))

    assert calls[0] == ("read", 234, 234)
    assert ("write", 234, 234) in calls
    assert calls[-2:] == [("display", 0, 1), ("display", 1, 1)]
