"""The site's URLs plus one page that holds the upload widget inside a form, as the
submission form's "sources and media" step will (the widget's browser test needs a page)."""
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import path

from mapa.urls import urlpatterns as site_urlpatterns
from practices.models import Submission

PAGE = """{% extends "base.html" %}{% block content %}
<form class="wrap" method="post" data-test-form>{% csrf_token %}
<h2>Źródła i media</h2>
{% include "media/upload_widget.html" with submission=submission %}
</form>{% endblock %}"""


def widget_page(request, pk):
    submission = get_object_or_404(Submission, pk=pk, author=request.user.pk)
    template = engines["django"].from_string(PAGE)
    return HttpResponse(template.render({"submission": submission}, request))


urlpatterns = [
    path("test-media-widget/<int:pk>/", widget_page),
    *site_urlpatterns,
]
