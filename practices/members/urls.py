"""The members' pages, under `my-cases/` (Polish `moje-praktyki/`); see practices.members."""
from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _

from practices.members import cases, endpoints, wizard
from practices.members.steps import SLUGS

app_name = "members"

urlpatterns = [
    path("", cases.my_cases, name="cases"),
    path(_("new/"), wizard.new, name="new"),
    path("gminy/", endpoints.gmina_search, name="gmina-search"),
    path("gminy/point/", endpoints.gmina_point, name="gmina-at"),
    path("<int:pk>/autosave/", endpoints.autosave, name="autosave"),
    path(_("<int:pk>/edit/"), cases.edit, name="edit"),
    path(_("<int:pk>/withdraw/"), cases.withdraw, name="withdraw"),
    # Only the step names, so other pages under a submission (its media) are not taken.
    re_path(rf"^(?P<pk>[0-9]+)/(?P<step>{'|'.join(SLUGS)})/$", wizard.step_view, name="step"),
]
