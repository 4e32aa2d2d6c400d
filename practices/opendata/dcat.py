"""DCAT-AP metadata of the open data, as JSON-LD, for the Polish open-data portal
(dane.gov.pl harvests DCAT-AP): one dcat:Catalog holding one dcat:Dataset, the published
cases, with one dcat:Distribution per download format and the OGC API and feed as access
services.

Rules:
- Titles, descriptions and keywords are given in Polish and English (language-tagged
  literals), whatever the page's language: the document is the same at /dane/dcat.jsonld and
  /en/data/dcat.jsonld.
- The publisher is MAPA_PUBLISHER_NAME (MAPA_PUBLISHER_URL, or the site); the licence CC BY
  4.0; issued, modified and the temporal coverage come from the published cases themselves.
- Vocabularies: the EU Publications Office's authority tables for file types, data themes,
  languages and the country; IANA media types.
"""
from django.conf import settings
from django.contrib.gis.db.models import Extent
from django.db.models import Max, Min
from django.db.models.functions import Coalesce, Greatest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from practices.models import Practice
from practices.opendata import files

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "locn": "http://www.w3.org/ns/locn#",
    "gsp": "http://www.opengis.net/ont/geosparql#",
}
# (path, EU file type, media type, title)
DISTRIBUTIONS = [
    ("/export/practices.csv", "CSV", "text/csv", _("Cases, CSV")),
    ("/export/practices.xlsx", "XLSX",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _("Cases, XLSX")),
    ("/export/practices.geojson", "GEOJSON", "application/geo+json", _("Cases, GeoJSON")),
    ("/export/practices.gpkg", "GPKG", "application/geopackage+sqlite3",
     _("Cases, GeoPackage")),
    ("/export/municipalities.csv", "CSV", "text/csv", _("Gminy with counts of cases, CSV")),
    ("/export/municipalities.geojson", "GEOJSON", "application/geo+json",
     _("Gminy with counts of cases, GeoJSON")),
    ("/export/municipalities.gpkg", "GPKG", "application/geopackage+sqlite3",
     _("Gminy with counts of cases, GeoPackage")),
]
# (path, EU file type, media type, title, conforms to)
SERVICES = [
    ("/ogc/", "JSON", "application/json", _("OGC API – Features"),
     "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"),
    ("/api/practices/", "GEOJSON", "application/geo+json", _("JSON API of the cases"), ""),
    ("/feeds/practices.atom", "ATOM", "application/atom+xml", _("Feed of new cases (Atom)"),
     ""),
]
TITLE = _("Local civic participation in Polish gminy")
DESCRIPTION = _(
    "Cases of local civic participation in Polish gminy: participatory budgets, "
    "consultations, referendums, village funds, local initiatives and other tools, with "
    "where and when they took place, who organised them and their facts (amounts, votes, "
    "turnout)."
)
KEYWORDS = [_("civic participation"), _("participatory budget"), _("public consultations"),
            _("local referendum"), _("gmina"), _("local government")]


def _both(text):
    """A literal in each of the site's languages."""
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@value": str(text), "@language": code})
    return values


def _date(value):
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def _dates():
    """Issued, modified, first and last year, and the extent of the published cases."""
    return Practice.objects.published().aggregate(
        issued=Min("published_at"), modified=Max("updated_at"), first=Min("year"),
        last=Max(Greatest("year", Coalesce("end_year", "year"))), extent=Extent("location"),
    )


def _distribution(root, path, file_type, media_type, title, licence):
    url = root + path
    return {
        "@id": url + "#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _both(title),
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": IANA + media_type},
        "dct:format": {"@id": EU + "file-type/" + file_type},
        "dct:license": licence,
    }


def _service(root, path, file_type, media_type, title, conforms, licence):
    url = root + path
    distribution = {
        "@id": url + "#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _both(title),
        "dcat:accessURL": {"@id": url},
        "dcat:mediaType": {"@id": IANA + media_type},
        "dct:format": {"@id": EU + "file-type/" + file_type},
        "dct:license": licence,
        "dcat:accessService": {
            "@id": url + "#service", "@type": "dcat:DataService",
            "dct:title": _both(title), "dcat:endpointURL": {"@id": url},
        },
    }
    if conforms:
        distribution["dct:conformsTo"] = {"@id": conforms}
        distribution["dcat:accessService"]["dct:conformsTo"] = {"@id": conforms}
    return distribution


def catalog(root):
    """The DCAT-AP document (a dict ready for json.dumps) of the site at `root`."""
    facts = _dates()
    licence = {"@id": files.LICENCE_URL, "@type": "dct:LicenseDocument"}
    publisher = {"@id": files.publisher_url(root), "@type": "foaf:Agent",
                 "foaf:name": files.publisher_name()}
    page = files.data_page_url(root)
    dataset = {
        "@id": root + "/#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": root + "/#dataset",
        "dct:title": _both(TITLE),
        "dct:description": _both(DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:accessRights": {"@id": EU + "access-right/PUBLIC"},
        "dcat:keyword": [literal for keyword in KEYWORDS for literal in _both(keyword)],
        "dcat:theme": [{"@id": EU + "data-theme/GOVE"}, {"@id": EU + "data-theme/SOCI"}],
        "dct:language": [{"@id": EU + "language/POL"}, {"@id": EU + "language/ENG"}],
        "dcat:landingPage": {"@id": page},
        "foaf:page": {"@id": page},
        "dct:spatial": [{"@id": EU + "country/POL"}],
        "dcat:distribution": [
            *(_distribution(root, *entry, licence) for entry in DISTRIBUTIONS),
            *(_service(root, *entry, licence) for entry in SERVICES),
        ],
    }
    if getattr(settings, "MAPA_CONTACT_EMAIL", ""):
        dataset["dcat:contactPoint"] = {
            "@type": "vcard:Organization", "vcard:fn": files.publisher_name(),
            "vcard:hasEmail": {"@id": "mailto:" + settings.MAPA_CONTACT_EMAIL},
        }
    if facts["modified"]:
        dataset["dct:issued"] = _date((facts["issued"] or facts["modified"]).date())
        dataset["dct:modified"] = _date(facts["modified"].date())
    if facts["first"]:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": f"{facts['first']}-01-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{facts['last']}-12-31", "@type": "xsd:date"},
        }
    if facts["extent"]:
        west, south, east, north = (round(value, 4) for value in facts["extent"])
        dataset["dct:spatial"].append({
            "@type": "dct:Location",
            "dcat:bbox": {
                "@value": f"POLYGON(({west} {south},{east} {south},{east} {north},"
                          f"{west} {north},{west} {south}))",
                "@type": "gsp:wktLiteral",
            },
        })
    return {
        "@context": CONTEXT,
        "@id": root + "/#catalog",
        "@type": "dcat:Catalog",
        "dct:title": _both(_("Participation Map")),
        "dct:description": _both(DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:language": [{"@id": EU + "language/POL"}, {"@id": EU + "language/ENG"}],
        "foaf:homepage": {"@id": root + "/"},
        "dcat:dataset": [dataset],
        **({"dct:modified": dataset["dct:modified"]} if "dct:modified" in dataset else {}),
    }
