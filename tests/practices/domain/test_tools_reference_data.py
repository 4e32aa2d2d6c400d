"""The ten tools are reference data: whatever empties the tables and then announces it the
way Django does (post_migrate), as the flush that ends every live-server test, finds them put
back, with their slugs and order."""
import pytest
from django.core.management import call_command

from practices.domain.tools import TOOLS
from practices.models import ParticipationTool


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_tools_in_place():
    ParticipationTool.objects.all().delete()
    call_command("flush", interactive=False, verbosity=0)
    assert list(ParticipationTool.objects.values_list("slug", flat=True)) == [
        tool["slug"] for tool in TOOLS
    ]
