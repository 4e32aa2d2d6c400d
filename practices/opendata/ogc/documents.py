"""The metadata documents of the OGC API – Features service at /ogc/: the landing page, the
conformance declaration and the collections (the OpenAPI definition is openapi.py).

The two collections are `practices` (the published cases as points) and `municipalities` (the
gminy with their display boundaries and the number of matching cases). Their items take the
case filters of the public API; see docs/opendata.md.
"""
from django.contrib.gis.db.models import Extent
from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext as _

from geodata.models import Municipality
from practices.models import Practice
from practices.opendata.ogc.params import CRS, CRS84

GEOJSON = "application/geo+json"
JSON = "application/json"
HTML = "text/html"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
# The case filters each collection's items accept (besides bbox, datetime, limit, offset).
FILTERS = {
    "practices": ("tool", "voivodeship", "county", "municipality", "q"),
    "municipalities": ("tool", "voivodeship", "county", "municipality", "q"),
}
# Poland, for the spatial extent when the register is empty.
POLAND = [14.12, 49.0, 24.15, 54.84]


def collection_ids():
    return list(FILTERS)


def link(href, rel, media_type, title=None):
    item = {"href": href, "rel": rel, "type": media_type}
    if title:
        item["title"] = title
    return item


def landing(root):
    base = root + reverse("ogc-landing")
    return {
        "title": _("Participation Map: OGC API – Features"),
        "description": _("Cases of local participation in Polish gminy and the gminy with "
                         "their number of cases, for GIS software."),
        "links": [
            link(base + "?f=json", "self", JSON, _("This document")),
            link(base + "?f=html", "alternate", HTML, _("This document as HTML")),
            link(root + reverse("ogc-openapi"), "service-desc", OPENAPI,
                 _("The API definition (OpenAPI 3.0)")),
            link(root + reverse("ogc-openapi") + "?f=html", "service-doc", HTML,
                 _("The API documentation")),
            link(root + reverse("ogc-conformance"), "conformance", JSON,
                 _("Conformance classes")),
            link(root + reverse("ogc-collections"), "data", JSON, _("Collections")),
        ],
    }


def conformance():
    return {"conformsTo": CONFORMANCE}


def _extent(collection):
    if collection == "practices":
        cases = Practice.objects.published()
        years = cases.aggregate(first=Min("year"), last=Max("year"))
        box = cases.aggregate(box=Extent("location"))["box"]
    else:
        years = Practice.objects.published().aggregate(first=Min("year"), last=Max("year"))
        box = Municipality.objects.aggregate(box=Extent("display_boundary"))["box"]
    interval = [
        f"{years['first']}-01-01T00:00:00Z" if years["first"] else None,
        f"{years['last']}-12-31T23:59:59Z" if years["last"] else None,
    ]
    return {
        "spatial": {"bbox": [[round(v, 5) for v in box] if box else POLAND], "crs": CRS84},
        "temporal": {"interval": [interval],
                     "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"},
    }


def collection(root, collection_id):
    items = root + reverse("ogc-items", kwargs={"collection": collection_id})
    here = root + reverse("ogc-collection", kwargs={"collection": collection_id})
    titles = {
        "practices": (_("Cases of local participation"),
                      _("Published cases: one point per case, with its tool, year and gmina.")),
        "municipalities": (_("Gminy and their cases"),
                           _("Gminy with their boundaries (simplified for display) and the "
                             "number of published cases matching the filters.")),
    }
    title, description = titles[collection_id]
    return {
        "id": collection_id,
        "title": title,
        "description": description,
        "itemType": "feature",
        "crs": list(CRS),
        "storageCrs": CRS84,
        "extent": _extent(collection_id),
        "links": [
            link(here + "?f=json", "self", JSON, _("This collection")),
            link(here + "?f=html", "alternate", HTML, _("This collection as HTML")),
            link(items + "?f=json", "items", GEOJSON, _("The items")),
            link(items + "?f=html", "items", HTML, _("The items as HTML")),
            link("https://creativecommons.org/licenses/by/4.0/", "license", HTML, "CC BY 4.0"),
        ],
    }


def collections(root):
    base = root + reverse("ogc-collections")
    return {
        "links": [link(base + "?f=json", "self", JSON, _("This document")),
                  link(base + "?f=html", "alternate", HTML, _("This document as HTML"))],
        "collections": [collection(root, collection_id) for collection_id in collection_ids()],
        "crs": list(CRS),
    }
