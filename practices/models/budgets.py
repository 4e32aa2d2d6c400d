"""Participatory budgets as Pabulib publishes them: the parts (votes) of a city's edition and
the projects put to the vote."""
from django.contrib.gis.db import models
from django.utils.translation import gettext_lazy as _

from practices.models.catalogue import Practice


class BudgetPart(models.Model):
    """One vote of a participatory budget as Pabulib publishes it: the city-wide pool or one
    district's (one .pb file). A city's edition is one case; its parts keep the per-district
    totals from which the case's facts are summed (practices.imports.budgets)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="budget_parts")
    subunit = models.CharField(
        _("subunit"), max_length=200, blank=True,
        help_text=_("The district or pool the vote was held in; empty for the whole city."),
    )
    district = models.CharField(_("district"), max_length=200, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=15, decimal_places=2)
    voters = models.PositiveIntegerField(_("voters"))
    vote_type = models.CharField(_("vote type"), max_length=40, blank=True)
    rule = models.CharField(_("selection rule"), max_length=60, blank=True)
    date_begin = models.DateField(_("voting from"), null=True, blank=True)
    date_end = models.DateField(_("voting until"), null=True, blank=True)
    file_name = models.CharField(_("file"), max_length=300)
    # SHA-256 of the file: importing the same file again changes nothing.
    checksum = models.CharField(max_length=64, editable=False)
    licence = models.CharField(
        _("licence of the file"), max_length=200, blank=True,
        help_text=_("As the file states it; empty when it states none."),
    )

    class Meta:
        ordering = ["practice", "subunit"]
        verbose_name = _("part of a participatory budget")
        verbose_name_plural = _("parts of a participatory budget")
        constraints = [
            models.UniqueConstraint(fields=["practice", "subunit"], name="budget_part_unique"),
        ]

    def __str__(self):
        return self.subunit or str(_("whole city"))


class BudgetProject(models.Model):
    """A project put to the vote in a participatory budget, as the imported file lists it."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="projects")
    part = models.ForeignKey(BudgetPart, on_delete=models.CASCADE, related_name="projects")
    project_id = models.CharField(_("project number"), max_length=100)
    name = models.CharField(_("name"), max_length=500, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=15, decimal_places=2)
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    selected = models.BooleanField(_("selected"), null=True, blank=True)
    district = models.CharField(_("district"), max_length=200, blank=True)

    class Meta:
        ordering = ["practice", "district", "-votes", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.name or self.project_id
