"""Who can see which cases (the one rule every endpoint, page, export and feed uses), and
full-text search."""
from django.contrib.gis.db import models

from practices.domain.choices import Status
from practices.domain.search import rank_expression, search_filter


class PracticeQuerySet(models.QuerySet):
    def published(self):
        """Cases the public may see: status `published`, nothing else (drafts, submitted,
        rejected and archived cases are never public)."""
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Policy: published cases for everyone; staff and moderators see every status; a
        member also sees their own cases whatever their status."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.published()
        if user.is_staff or user.has_perm("practices.moderate_practice"):
            return self.all()
        return self.filter(models.Q(status=Status.PUBLISHED) | models.Q(author=user))

    def search(self, text):
        """Cases whose title, summary, description or gmina name match `text`, Polish-aware
        and diacritics-insensitive (see practices.domain.search). Empty text filters nothing; text
        made only of function words ("w", "na") matches nothing. A filter only: combine it
        with any other filter; order with `by_relevance()`. Building it runs one small query
        per word (the gminy whose name the word resembles). Raises ValidationError when the
        text is over search.MAX_QUERY_LENGTH characters or MAX_QUERY_WORDS words."""
        if not (text or "").strip():
            return self.all()
        condition = search_filter(text)
        if condition is None:
            # Not .none(): callers compile querysets to SQL (GeoJSON built in PostGIS), and an
            # EmptyQuerySet has no SQL.
            return self.filter(models.Value(False, output_field=models.BooleanField()))
        return self.filter(condition)

    def by_relevance(self, text):
        """Ordered by how well each case matches `text` (best first, then by title); adds
        the annotation `relevance`."""
        return self.annotate(relevance=rank_expression(text)).order_by("-relevance", "title")


class PracticeManager(models.Manager.from_queryset(PracticeQuerySet)):
    def get_queryset(self):
        # The search vector (a few KB per case) and the stored feature are for the database's
        # own use: filtering, ranking and the list happen in SQL, so rows fetched into Python
        # leave them behind.
        return super().get_queryset().defer("search_vector", "feature")
