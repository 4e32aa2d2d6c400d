from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_tools(sender, using="default", **kwargs):
    """The tools are reference data: a data migration loads them, and this handler puts them
    back after anything that empties the tables and then emits post_migrate, such as the
    flush that ends a transactional test."""
    from practices.domain.tools import TOOLS, load_tools
    from practices.models import ParticipationTool

    if ParticipationTool.objects.using(using).count() < len(TOOLS):
        load_tools(ParticipationTool)


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Participation cases")

    def ready(self):
        post_migrate.connect(ensure_tools, sender=self, dispatch_uid="practices.ensure_tools")
        # Writes to cases, tools and the register invalidate the cached data version.
        from practices import caching

        caching.connect_signals()
