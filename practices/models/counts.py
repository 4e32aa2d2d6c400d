"""How many published cases each gmina has of each tool, kept counted by the database."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedCount(models.Model):
    """The published cases of one gmina and one tool: how many, and how many of them are
    samples. Written only by triggers on the cases (migration 0014), on every insert, update
    and delete however it is made, so it always agrees with the cases; rows that fall to zero
    stay, with `cases` 0. The gminy's counts and the counts per gmina and tool of a selection
    without years, a bbox or a text search are read from here (practices.stat_counts
    .kept_counts) instead of counting the cases: a region's 2,303 rows instead of its 9,360
    cases, the country's 24,000 instead of 100,000."""

    municipality = models.ForeignKey(
        "geodata.Municipality", on_delete=models.CASCADE, related_name="+", db_index=False,
        verbose_name=_("gmina"),
    )
    tool = models.ForeignKey(
        "practices.ParticipationTool", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("participation tool"),
    )
    cases = models.PositiveIntegerField(_("published cases"), default=0)
    samples = models.PositiveIntegerField(_("of them samples"), default=0)

    class Meta:
        verbose_name = _("count of published cases")
        verbose_name_plural = _("counts of published cases")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "tool"],
                                    name="published_count_gmina_tool"),
        ]

    def __str__(self):
        return f"{self.municipality_id} {self.tool_id}: {self.cases}"
