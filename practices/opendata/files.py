"""What every exported file says about itself: its name (what is in it), the licence and the
attribution, and the HTTP headers that carry them.

Rules:
- A file name says what the selection is, in ASCII: the kind (`praktyki`, `gminy`), the
  tools' slugs, the places (voivodeships, counties, gminy by name), the years, `szukaj-…`
  for a search and `obszar` for a bounding box, joined by `_`, e.g.
  `praktyki_budzet-obywatelski_podlaskie_2019-2024.csv`. It is sent both as `filename` and
  as RFC 5987 `filename*`.
- The data are under CC BY 4.0, attributed to the publisher (MAPA_PUBLISHER_NAME) and the
  site. Every export carries that: the HTTP `Link` header (rel="license", and
  rel="describedby" to the data page) for all, and inside the file where the format has a
  place for it (XLSX a metadata sheet, GeoJSON top-level members, GeoPackage its metadata).
  A comment row in a CSV would break CSV readers, so CSV has the header only.
"""
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from geodata.models import County, Municipality, Voivodeship
from practices.domain.slugs import ascii_slug

LICENCE_ID = "CC-BY-4.0"
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MAX_NAME = 150


def publisher_name():
    return settings.MAPA_PUBLISHER_NAME


def publisher_url(root):
    return settings.MAPA_PUBLISHER_URL or root + "/"


def data_page_url(root):
    """The data page, in the default language (the exports are language-neutral)."""
    with translation.override(settings.LANGUAGE_CODE):
        return root + reverse("data")


def attribution(root):
    """The attribution to give, in the active language."""
    return _("%(publisher)s, Participation Map (%(url)s), licence CC BY 4.0") % {
        "publisher": publisher_name(), "url": root + "/",
    }


def metadata(root):
    """Licence and attribution as members (GeoJSON, XLSX, GeoPackage)."""
    return {
        "license": LICENCE_URL,
        "license_name": LICENCE_NAME,
        "attribution": attribution(root),
        "publisher": publisher_name(),
        "source": root + "/",
        "documentation": data_page_url(root),
    }


def _names(model, codes):
    names = dict(model.objects.filter(teryt__in=codes).values_list("teryt", "name"))
    return [names.get(code, code) for code in codes]


def _years(filters):
    if filters.year is not None:
        return str(filters.year)
    if filters.year_from is not None and filters.year_to is not None:
        return f"{filters.year_from}-{filters.year_to}"
    if filters.year_from is not None:
        return f"od-{filters.year_from}"
    if filters.year_to is not None:
        return f"do-{filters.year_to}"
    return ""


def file_name(kind, filters, extension):
    """e.g. `praktyki_budzet-obywatelski_podlaskie_2019-2024.csv` (see the module's rules)."""
    parts = [kind, *filters.tool]
    parts += _names(Voivodeship, filters.voivodeship)
    parts += [name if name.startswith("powiat") else "powiat-" + name
              for name in _names(County, filters.county)]
    parts += _names(Municipality, filters.municipality)
    parts.append(_years(filters))
    if filters.q:
        parts.append("szukaj-" + ascii_slug(filters.q)[:30].strip("-"))
    if filters.bbox is not None:
        parts.append("obszar")
    name = "_".join(slug for slug in (ascii_slug(part) for part in parts) if slug)
    return f"{name[:MAX_NAME].rstrip('-_')}.{extension}"


def content_disposition(name):
    """An attachment named `name` (ASCII already), with its RFC 5987 form too."""
    return f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"


def label(response, name, root):
    """Name the file and attach the licence and documentation links to `response`."""
    response["Content-Disposition"] = content_disposition(name)
    response["Link"] = (
        f'<{LICENCE_URL}>; rel="license", <{data_page_url(root)}>; rel="describedby"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
