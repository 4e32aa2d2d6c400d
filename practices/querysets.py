"""Who can see which cases: the one rule every endpoint, page, export and feed uses."""
from django.contrib.gis.db import models


class PracticeQuerySet(models.QuerySet):
    def published(self):
        """Cases the public may see: status `published`, nothing else."""
        from practices.models import Status

        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Published cases for everyone; moderators also see every status; a member also
        sees their own cases whatever their status."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.published()
        if user.is_staff or user.has_perm("practices.moderate_practice"):
            return self.all()
        return self.filter(models.Q(pk__in=self.published().values("pk")) | models.Q(author=user))

    def search(self, text):
        """Full-text search over title, summary, description and gmina name.
        (Placeholder until the Polish search configuration lands.)"""
        return self.filter(title__icontains=text)
