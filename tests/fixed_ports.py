"""How `make test` splits the suite between its two pytest-xdist workers (`-n 2 --dist
loadgroup`): each test module is a group of its own, run whole by one worker, so that a
module's shared fixtures (a browser module's committed data, a world of cases) are built once
and not once per worker. Tests that listen on fixed ports (app servers, Redis, a TCP proxy)
or start servers that would collide with another copy of themselves are marked FIXED_PORTS
and form one group: one worker runs them one after the other while the other worker goes on
with the rest."""
import pytest

FIXED_PORTS = pytest.mark.xdist_group("fixed-ports")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Before xdist's own hook, which reads the marks."""
    for item in items:
        if not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
