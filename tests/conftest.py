"""The fixed cast of users and shared fixtures.

Cast: anonymous (no user), member (alice), other_member (bob), moderator (charlie).
"""
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

ROOT = Path(__file__).resolve().parents[1]
# The parallel workers' groups (`make test` runs two).
pytest_plugins = ["tests.fixed_ports"]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django makes the test database only for tests that declare a database (the `db`
    fixtures, `live_server`, the `django_db` mark); a test that reaches it only through a
    module fixture (shared data) declares none. Run alone, such a module would have written
    to the development database (and the browser modules' shared data empties every table at
    the end). Those tests are marked: the test database is made, and each test runs in a
    transaction rolled back after it, as a `db` test does."""
    declared = {"db", "transactional_db", "live_server"}
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if ("django_db_setup" in names and not names & declared
                and not item.get_closest_marker("django_db")):
            item.add_marker(pytest.mark.django_db)


def pytest_sessionstart(session):
    """The pages load static/build/ (bin/build-js bundles static/js/): built from the current
    sources at the start of every run, so no test ever sees an older bundle. Built once, by
    the process that starts the run: the parallel workers (pytest-xdist, `workerinput`)
    start later and only read the bundles."""
    if not hasattr(session.config, "workerinput"):
        subprocess.run([str(ROOT / "bin" / "build-js")], check=True, cwd=ROOT)


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.org", "alice-password")


@pytest.fixture
def other_member(django_user_model):
    return django_user_model.objects.create_user("bob", "bob@example.org", "bob-password")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "charlie", "charlie@example.org", "charlie-password"
    )
    user.user_permissions.add(Permission.objects.get(codename="moderate_practice"))
    return django_user_model.objects.get(pk=user.pk)


# --- Real boundaries of the default region ----------------------------------------------
# The NE files from ../shared/geodata, imported with the real importer once per test process;
# later uses restore the rows that import produced, in milliseconds instead of the import's
# fraction of a second.
NE_VOIVODESHIPS = ("20", "28")
NE_GMINY = 234
_ne_rows = {}


def shared_geodata():
    """../shared/geodata beside the repository, where the real boundary files live."""
    from django.conf import settings

    return settings.BASE_DIR.parent / "shared" / "geodata"


def _import_ne():
    from geodata.importers import import_boundaries

    for name in ("wojewodztwa_pl", "powiaty_pl", "gminy_20_28"):
        import_boundaries(shared_geodata() / f"{name}.geojson", voivodeships=NE_VOIVODESHIPS)


def _snapshot_ne():
    """Field values of the NE rows, parents first."""
    from geodata.models import County, Municipality, Voivodeship

    return {
        Voivodeship: list(Voivodeship.objects.filter(teryt__in=NE_VOIVODESHIPS).values()),
        County: list(County.objects.filter(voivodeship_id__in=NE_VOIVODESHIPS).values()),
        Municipality: list(
            Municipality.objects.filter(voivodeship_id__in=NE_VOIVODESHIPS).values()
        ),
    }


def _restore_ne(snapshot):
    from geodata.display import refresh_display_boundaries
    from geodata.models import Municipality

    for model, rows in snapshot.items():
        fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        model.objects.bulk_create(
            [model(**row) for row in rows], update_conflicts=True,
            unique_fields=["teryt"], update_fields=fields,
        )
    if Municipality.objects.exclude(voivodeship_id__in=NE_VOIVODESHIPS).exists():
        # Other gminy share the coverage: display boundaries follow the importer's policy.
        refresh_display_boundaries()


@pytest.fixture
def ne_boundaries(db):
    """The real boundaries of voivodeships 20 and 28 (234 gminy, their counties and
    voivodeships, display boundaries and points) in the test database, as the importer makes
    them from ../shared/geodata. Cheap when they are already there; re-created after a
    transactional test flushed them. Returns the QuerySet of those gminy, by TERYT."""
    return load_ne_boundaries()


def load_ne_boundaries():
    """What the ne_boundaries fixture does, for fixtures of a wider scope that hold database
    access themselves (django_db_blocker)."""
    from geodata.models import Municipality

    gminy = Municipality.objects.filter(voivodeship_id__in=NE_VOIVODESHIPS)
    if gminy.exclude(display_boundary=None).count() != NE_GMINY:
        if _ne_rows:
            _restore_ne(_ne_rows)
        else:
            _import_ne()
            _ne_rows.update(_snapshot_ne())
    return gminy.order_by("teryt")


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """The cast's passwords need no strength in tests; the default hasher costs ~1 s a user."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's default language (Polish), whatever the test before it
    in this process left active: a request leaves its language active in the thread that
    served it (the test client's is the test's own), so a URL reversed after a request to an
    English page came out English in whichever test ran next."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_caches():
    """Cached aggregations and the API's data version start afresh in every test, as after a
    deploy: a result kept from another test's data would hide what this test changes (the
    tiles' folder too, where the environment names one)."""
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()
