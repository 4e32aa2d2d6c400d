"""The case page: a case's fields, facts, sources, map, citation and "report an error" link.

Visibility: the page shows what `Practice.objects.visible_to(user)` allows (others 404): the
public sees published cases, an author their own, moderators every case.
"""
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from geodata.basemap import geometry_json
from practices.domain.facts import display_facts
from practices.domain.markdown import link_href, render_markdown
from practices.domain.search import fold
from practices.models import BudgetProject, Practice, PracticeLink, Status
from practices.pages.site import site_root
from practices.pages.small_map import small_map_config


class PracticeDetailView(DetailView):
    template_name = "practices/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return (
            Practice.objects.visible_to(self.request.user)
            .select_related(
                "tool", "municipality", "municipality__county", "municipality__voivodeship"
            )
            # The full-resolution boundary is not drawn here; the display boundary is.
            .defer("municipality__boundary", "search_vector")
            .prefetch_related("links")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice = self.object
        municipality = practice.municipality
        absolute_url = site_root(self.request) + practice.get_absolute_url()
        links = list(practice.links.all())
        for link in links:
            link.href = link_href(link.url)  # "" for a scheme that is not a web or mail link
        point = practice.location or municipality.point
        context.update({
            "page_title": practice.title,
            "page_description": practice.summary or _(
                "%(tool)s in %(municipality)s, %(year)s: a case of local participation."
            ) % {"tool": practice.tool.name, "municipality": municipality.name,
                 "year": practice.year},
            "facts": display_facts(practice),
            "description_html": render_markdown(practice.description),
            "sources": [link for link in links if link.kind == PracticeLink.Kind.SOURCE],
            "other_links": [link for link in links if link.kind == PracticeLink.Kind.LINK],
            "is_public": practice.status == Status.PUBLISHED,
            "absolute_url": absolute_url,
            "citation": self.citation(practice, absolute_url),
            "report_error_mailto": self.report_error_mailto(practice, absolute_url),
            "budget_projects": budget_projects(practice, self.request.GET.get("sort", "")),
            "page_map": {
                **small_map_config(),
                # The imported boundary: the display one is generalised for the national choropleth
                # and would look coarse at a single gmina's zoom.
                "boundary": geometry_json(municipality.boundary),
                "points": [{
                    "lon": point.x, "lat": point.y, "title": practice.title,
                    "color": practice.tool.color, "tool": practice.tool.slug,
                    "sample": practice.is_sample,
                }],
                "label": _("Map of the case's location in %(municipality)s")
                % {"municipality": municipality.name},
            },
        })
        return context

    @staticmethod
    def citation(practice, absolute_url):
        """A suggested citation: title, gmina, year, the site, the address, the access date."""
        return _(
            "%(title)s. %(municipality)s, %(year)s. Participation Map, %(url)s "
            "(accessed %(date)s). Licence: %(licence)s."
        ) % {
            "title": practice.title,
            "municipality": practice.municipality.name,
            "year": practice.year,
            "url": absolute_url,
            "date": timezone.localdate().isoformat(),
            "licence": practice.get_licence_display(),
        }

    @staticmethod
    def report_error_mailto(practice, absolute_url):
        """A mailto: link to MAPA_CONTACT_EMAIL, or "" (no button) when none is set."""
        address = getattr(settings, "MAPA_CONTACT_EMAIL", "")
        if not address:
            return ""
        subject = _("Error in the case: %(url)s") % {"url": absolute_url}
        body = _("What is wrong, and where can we check the correct information?")
        return f"mailto:{address}?" + urlencode(
            {"subject": subject, "body": body + "\n\n"}, quote_via=quote
        )


# The projects table of an imported participatory budget: sortable by any column through the
# `sort` parameter (a column, "-" first for descending), links in the headers, so it sorts
# without JavaScript. Unknown values fall back to the default order.
PROJECT_COLUMNS = ("name", "district", "cost", "votes", "selected")
DEFAULT_PROJECT_SORT = "-votes"


def budget_projects(practice, sort):
    """None for a case without projects; else the rows in the requested order, the header
    cells (label, link, aria-sort) and the parts with their totals."""
    projects = list(BudgetProject.objects.filter(practice=practice))
    if not projects:
        return None
    column = sort.removeprefix("-")
    if column not in PROJECT_COLUMNS:
        sort, column = DEFAULT_PROJECT_SORT, DEFAULT_PROJECT_SORT.removeprefix("-")
    descending = sort.startswith("-")

    def order(project):
        value = getattr(project, column)
        if isinstance(value, str):
            value = fold(value).casefold()  # "Ławki" between "Droga" and "Park"
        # Unknown values (no votes, selection not known) sort last either way.
        return (value is None) != descending, value if value is not None else 0

    projects.sort(key=lambda project: fold(project.name).casefold())
    projects.sort(key=order, reverse=descending)
    labels = {"name": _("Project"), "district": _("District"), "cost": _("Cost"),
              "votes": _("Votes"), "selected": _("Selected")}
    headers = []
    for name in PROJECT_COLUMNS:
        current = name == column
        next_sort = name if current and descending else f"-{name}"
        if not current:
            next_sort = name if name in ("name", "district") else f"-{name}"
        headers.append({
            "key": name, "label": labels[name], "url": f"?sort={next_sort}#h-projects",
            "aria_sort": ("descending" if descending else "ascending") if current else "",
        })
    return {"rows": projects, "headers": headers,
            "parts": list(practice.budget_parts.all())}
