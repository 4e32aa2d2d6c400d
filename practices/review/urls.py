"""The moderation queue, mounted by practices/pages/urls.py at _("moderation/") (Polish
/moderacja/, English /en/moderation/), namespace `review`."""
from django.urls import path
from django.utils.translation import gettext_lazy as _

from practices.review import views

app_name = "review"

urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("<int:pk>/", views.SubmissionView.as_view(), name="submission"),
    path(_("<int:pk>/decision/"), views.DecideView.as_view(), name="decide"),
    path(_("cases/<int:pk>/history/"), views.HistoryView.as_view(), name="history"),
    path(_("cases/<int:pk>/history/<int:history_id>/restore/"), views.RestoreView.as_view(),
         name="restore"),
    path(_("cases/<int:pk>/verification/"), views.VerifyView.as_view(), name="verify"),
]
