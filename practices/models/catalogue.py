"""The case catalogue: participation tools (as data), cases of their use in gminy, and their
links."""
import re

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from practices.domain import slugs
from practices.domain.choices import (  # noqa: F401 -- Status and the years are part of the models' API
    LICENCE_URLS,
    MAX_YEAR,
    MIN_YEAR,
    Licence,
    OrganiserType,
    Status,
)
from practices.domain.facts import display_facts, enrich, validate_facts
from practices.domain.markdown import link_href, render_markdown
from practices.domain.querysets import PracticeManager

# Anything that looks like an HTML tag: the summary is plain text (shown in lists, popups,
# feeds and exports as is).
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")


class ParticipationTool(models.Model):
    """A legal instrument or method of local participation. Loaded by a data migration; the
    slug is used in URLs and the API and is never renamed. `rules` holds legal thresholds
    (e.g. the turnout that makes a referendum valid) so that they are data, not code."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name_pl = models.CharField(_("name (Polish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    description_pl = models.TextField(_("description (Polish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    color = models.CharField(
        _("map colour"), max_length=7, help_text="#rrggbb",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))],
    )
    icon = models.CharField(_("icon"), max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    rules = models.JSONField(_("legal thresholds"), default=dict, blank=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("participation tool")
        verbose_name_plural = _("participation tools")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "pl").startswith("en") else self.name_pl

    @property
    def description(self):
        if (get_language() or "pl").startswith("en"):
            return self.description_en or self.description_pl
        return self.description_pl

    def get_absolute_url(self):
        return reverse("tool-detail", kwargs={"slug": self.slug})


class Practice(models.Model):
    """A case of participation: one use of a tool in a gmina, in a year (or an edition)."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=220, unique=True, blank=True,
        help_text=_("Part of the case's address. Made from the title, gmina and year when "
                    "empty; never changes afterwards."),
    )
    tool = models.ForeignKey(
        ParticipationTool, on_delete=models.PROTECT, related_name="practices",
        verbose_name=_("tool"),
    )
    municipality = models.ForeignKey(
        "geodata.Municipality", on_delete=models.PROTECT, related_name="practices",
        verbose_name=_("gmina"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        help_text=_("The edition or start year."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    location = models.PointField(
        _("location"), srid=4326, null=True, blank=True,
        help_text=_("A point inside the gmina; the gmina's representative point when empty."),
    )
    summary = models.CharField(
        _("summary"), max_length=500, blank=True, help_text=_("Plain text, at most 500 characters.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    organiser_type = models.CharField(
        _("organiser type"), max_length=20, choices=OrganiserType.choices, blank=True
    )
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    facts = models.JSONField(
        _("tool-specific facts"), default=dict, blank=True,
        help_text=_("Validated against the schema of the case's tool."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="practices", verbose_name=_("author"),
    )
    is_sample = models.BooleanField(
        _("sample"), default=False,
        help_text=_("Sample data for demonstration, not a real record."),
    )
    # Set by the bulk imports (practices.imports): a re-import finds the case it made by
    # (import_source, external_id) and updates it instead of adding another.
    external_id = models.CharField(_("external id"), max_length=100, blank=True)
    import_source = models.CharField(
        _("import source"), max_length=100, blank=True,
        help_text=_("The label of the file or register the case was imported from."),
    )
    # Maintained by a database trigger (see the migration), so bulk writes keep it current.
    search_vector = SearchVectorField(null=True, editable=False)
    # The case's feature as the list sends it, written by database triggers
    # (practices/feature_store.py) on every write; read only by the list's SQL.
    feature = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    # When the case was first published (feeds list new cases by it); set on the first save
    # with status `published`, kept if the case is unpublished and published again.
    published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False, db_index=True
    )

    # Set through practices.moderation only: a moderator checked the case against an official
    # source (a resolution, a BIP page, a protocol), named here; the case shows a badge.
    verified_source = models.CharField(
        _("verified against"), max_length=500, blank=True,
        help_text=_("The official source the case was checked against (a URL or a document)."),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", editable=False, verbose_name=_("verified by"),
    )

    objects = PracticeManager()
    # Every save writes a field-level version (django-simple-history); moderators compare and
    # restore them. The search vector and the feature are derived by triggers, so they are not
    # versioned.
    history = HistoricalRecords(excluded_fields=["search_vector", "feature"],
                                cascade_delete_history=False)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [("moderate_practice", _("Can review and publish cases"))]
        indexes = [
            # The map's commonest filters: published cases by tool and year. It holds what a
            # marker draws (practices.points), so a tool and year's points are read from the
            # index alone, not from 700 pages of the table (0.4 ms of a 5 ms request).
            models.Index(fields=["status", "tool", "year"], name="practice_status_tool_year",
                         include=["id", "is_sample", "location", "municipality"]),
            # The list twin's first order (practices.filters.Page.ordering for -year): the
            # newest published cases, read in order from the index, so the first page of
            # 100,000 cases takes a tenth of a millisecond instead of sorting them all.
            models.Index(fields=["status", "-year", "title", "id"], name="practice_list_newest"),
            GinIndex(fields=["search_vector"], name="practice_search"),
            # Cases without their own location, by gmina: the vector tiles place them at
            # their gmina's point (practices.opendata.tiles), found through the gminy's
            # spatial index. Small: most cases have a location.
            models.Index(fields=["municipality"], name="practice_unplaced_gmina",
                         condition=models.Q(location__isnull=True)),
            # The published cases of some gminy counted per gmina and tool (the choropleth's
            # counts of a region, practices.stat_counts.counts_sql) from the index alone: 234 gminy
            # of 100,000 cases in 10 ms instead of a scan of the table in 85.
            models.Index(fields=["municipality", "tool"], include=["is_sample"],
                         name="practice_published_gmina_tool",
                         condition=models.Q(status="published")),
        ]
        constraints = [
            # The upsert key of the imports; cases entered by hand have neither value.
            models.UniqueConstraint(
                fields=["import_source", "external_id"], name="practice_import_key",
                condition=~models.Q(external_id=""),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practice-detail", kwargs={"slug": self.slug})

    @property
    def verified_href(self):
        """The verification source as a link target, through the one allow-list of link
        schemes (empty when it is a document's name or any other scheme)."""
        return link_href(self.verified_source)

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def description_html(self):
        """The description rendered from Markdown through the allow-list sanitiser."""
        return render_markdown(self.description)

    @cached_property
    def enriched_facts(self):
        """The stored facts plus the computed ones (turnout, validity...)."""
        return enrich(self)

    @cached_property
    def fact_items(self):
        """(key, label, formatted value) of each fact, in the tool's order, for pages."""
        return display_facts(self)

    def clean(self):
        """Rules: end year not before the year, end date not before the start date, the summary
        is plain text, the location lies inside the gmina (on its border counts as inside),
        and the facts fit the tool's schema (they are replaced by their cleaned form)."""
        errors = {}
        if self.end_year and self.year and self.end_year < self.year:
            errors["end_year"] = _("The end year cannot be before the year.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.summary and HTML_TAG.search(self.summary):
            errors["summary"] = _(
                "The summary is plain text: remove the HTML tags (formatting belongs in the "
                "description)."
            )
        if self.location is not None and self.municipality_id:
            location = self.location
            if location.srid and location.srid != 4326:
                location = location.transform(4326, clone=True)
            if not self.municipality.boundary.intersects(location):
                errors["location"] = _(
                    "The location lies outside the gmina %(name)s: put the point inside it or "
                    "leave it empty to use the gmina's centre."
                ) % {"name": self.municipality.name}
        if self.tool_id:
            try:
                self.facts = validate_facts(self.tool.slug, self.facts)
            except ValidationError as error:
                errors["facts"] = error.messages
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """An empty location becomes the gmina's representative point; an empty slug is
        generated (see practices.domain.slugs), retried with the next suffix if a concurrent save
        took it first."""
        if self.location is None and self.municipality_id:
            self.location = self.municipality.point
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if self.slug:
            return super().save(*args, **kwargs)
        base = slugs.base_slug(
            self.title, self.municipality.name if self.municipality_id else "", self.year
        )
        taken = Practice.objects.exclude(pk=self.pk).filter
        for _attempt in range(5):
            self.slug = slugs.unique_slug(base, lambda slug: taken(slug=slug).exists())
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not taken(slug=self.slug).exists():
                    raise
        raise IntegrityError(f"Could not find a free slug for {base!r}")


class PracticeLink(models.Model):
    """A source (e.g. the resolution in the BIP) or a further link of a case."""

    class Kind(models.TextChoices):
        SOURCE = "source", _("source")
        LINK = "link", _("link")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SOURCE)
    url = models.URLField(_("URL"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.label or self.url
