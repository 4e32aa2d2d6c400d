from django.apps import AppConfig
from django.core.signals import setting_changed
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


def ensure_roles(sender, using="default", **kwargs):
    """The groups of practices.domain.roles, put back (with every permission that exists now)
    after a flush empties them; the migration 0008_accounts_roles first made them. Groups an
    administrator has since changed are left as they are."""
    from django.contrib.auth.models import Group, Permission

    from practices.domain.roles import Role, load_roles

    if Group.objects.using(using).filter(name__in=Role.values).count() < len(Role.values):
        load_roles(Group, Permission)


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Participation cases")

    def ready(self):
        post_migrate.connect(ensure_tools, sender=self, dispatch_uid="practices.ensure_tools")
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="practices.ensure_roles")
        # The triggers that keep every case's feature written are generated from the code.
        from practices import feature_store

        post_migrate.connect(feature_store.install_after_migrate, sender=self,
                             dispatch_uid="practices.feature_store")
        setting_changed.connect(feature_store.forget, dispatch_uid="practices.feature_store")
        # Writes to cases, tools and the register invalidate the cached data version.
        from practices import caching

        caching.connect_signals()
        # Deleted images and documents take their files with them.
        from practices import uploads

        uploads.connect_signals()
