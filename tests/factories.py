"""Test data builders. Geometry is real (squares in EPSG:4326) but tiny and hand-made, so a
test can say exactly which gmina a point lies in."""
import itertools

from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.utils.text import slugify

from geodata.models import County, Municipality, Voivodeship
from practices.models import ParticipationTool, Practice, Status

_counter = itertools.count(1)

VOIVODESHIP_NAMES = {"20": "podlaskie", "28": "warmińsko-mazurskie", "14": "mazowieckie"}


def square(lon, lat, size=0.1):
    ring = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]
    return MultiPolygon(Polygon(ring), srid=4326)


def make_voivodeship(teryt="20", name=None):
    voivodeship, _ = Voivodeship.objects.get_or_create(
        teryt=teryt, defaults={"name": name or VOIVODESHIP_NAMES.get(teryt, f"woj {teryt}")}
    )
    return voivodeship


def make_county(teryt="2061", name=None):
    voivodeship = make_voivodeship(teryt[:2])
    county, _ = County.objects.get_or_create(
        teryt=teryt, defaults={"name": name or f"powiat {teryt}", "voivodeship": voivodeship}
    )
    return county


def make_municipality(teryt="2061011", name="Białystok", lon=23.1, lat=53.1, size=0.1,
                      **fields):
    """A square gmina with its south-west corner at (lon, lat); `fields` sets others
    (e.g. eligible_voters)."""
    county = make_county(teryt[:4])
    boundary = square(lon, lat, size)
    return Municipality.objects.create(
        teryt=teryt,
        name=name,
        type=teryt[6],
        county=county,
        voivodeship=county.voivodeship,
        boundary=boundary,
        display_boundary=boundary,
        point=Point(lon + size / 2, lat + size / 2, srid=4326),
        area_km2=round(boundary.transform(2180, clone=True).area / 1e6, 3),
        **fields,
    )


def tool(slug="budzet-obywatelski"):
    """Tools are loaded by a data migration; tests use the real rows."""
    return ParticipationTool.objects.get(slug=slug)


def make_practice(municipality, tool_slug="budzet-obywatelski", year=2024, title=None,
                  status=Status.PUBLISHED, **fields):
    title = title or f"Case {next(_counter)}"
    fields.setdefault("slug", slugify(f"{title}-{next(_counter)}"))
    return Practice.objects.create(
        title=title, tool=tool(tool_slug), municipality=municipality, year=year, status=status,
        **fields,
    )
