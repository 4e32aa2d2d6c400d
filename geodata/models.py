"""The register of Polish administrative units the catalogue hangs on, keyed by TERYT."""
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _


class Voivodeship(models.Model):
    teryt = models.CharField(_("TERYT code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    boundary = models.MultiPolygonField(_("boundary"), srid=4326, null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["teryt"]
        verbose_name = _("voivodeship")
        verbose_name_plural = _("voivodeships")

    def __str__(self):
        return self.name


class County(models.Model):
    """A powiat, or a city with powiat rights."""

    teryt = models.CharField(_("TERYT code"), max_length=4, primary_key=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    voivodeship = models.ForeignKey(
        Voivodeship, on_delete=models.PROTECT, related_name="counties",
        verbose_name=_("voivodeship"),
    )
    boundary = models.MultiPolygonField(_("boundary"), srid=4326, null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["teryt"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self):
        return self.name or self.teryt


class MunicipalityType(models.TextChoices):
    """The last digit of a gmina's TERYT code."""

    URBAN = "1", _("urban gmina")
    RURAL = "2", _("rural gmina")
    URBAN_RURAL = "3", _("urban-rural gmina")


class Municipality(models.Model):
    """A gmina. `boundary` is the imported one; `display_boundary` is simplified for the map
    with shared borders kept identical between neighbours; `point` always lies inside."""

    teryt = models.CharField(_("TERYT code"), max_length=7, primary_key=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    type = models.CharField(_("type"), max_length=1, choices=MunicipalityType.choices)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    voivodeship = models.ForeignKey(
        Voivodeship, on_delete=models.PROTECT, related_name="municipalities",
        verbose_name=_("voivodeship"),
    )
    boundary = models.MultiPolygonField(_("boundary"), srid=4326)
    display_boundary = models.MultiPolygonField(
        _("display boundary"), srid=4326, null=True, blank=True
    )
    point = models.PointField(_("representative point"), srid=4326)
    area_km2 = models.FloatField(_("area (km²)"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    # The denominator of every per-capita figure about participation (turnout, cases per
    # 10,000 voters): the official count of residents entitled to vote, from one election.
    # Imported by `manage.py import_voters` (geodata.voters); all three are null/empty until then.
    eligible_voters = models.PositiveIntegerField(_("eligible voters"), null=True, blank=True)
    eligible_voters_year = models.PositiveSmallIntegerField(
        _("year of the eligible voters count"), null=True, blank=True
    )
    eligible_voters_source = models.CharField(
        _("source of the eligible voters count"), max_length=200, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["teryt"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("municipality-detail", kwargs={"teryt": self.teryt})
