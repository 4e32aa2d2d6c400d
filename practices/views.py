from django.views.generic import DetailView

from practices.models import ParticipationTool, Practice


class PracticeDetailView(DetailView):
    template_name = "practices/practice_detail.html"
    context_object_name = "practice"

    def get_queryset(self):
        return Practice.objects.visible_to(self.request.user).select_related(
            "tool", "municipality"
        )


class ToolDetailView(DetailView):
    template_name = "practices/tool_detail.html"
    context_object_name = "tool"
    queryset = ParticipationTool.objects.all()
