"""What a visitor gets when the database cannot answer: a 503 that says so, not a 500.

Policy:
- A request that fails because PostgreSQL is unreachable, refuses connections, or cancels a
  statement (statement timeout) answers 503 with `Retry-After`: pages with a friendly page in
  the visitor's language (templates/503.html, rendered without the database), the API
  (/api/) with JSON `{"errors": {"service": [message]}}`. Neither shows a traceback; the
  traceback goes to the log with the request id.
- Nothing needs restarting when the database is back: Django drops a connection that failed
  (settings CONN_HEALTH_CHECKS) and opens a new one for the next request.
- Any other unexpected error is the ordinary 500 (templates/500.html), JSON under /api/.

Django calls `server_error` (settings: mapa.urls.handler500) for every uncaught exception,
whichever middleware or view raised it, while the exception is being handled.
"""
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30
# Exceptions that mean "the database is not answering now", not "our code is wrong".
UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exception):
    return isinstance(exception, UNAVAILABLE)


def _is_api(request):
    return request.path_info.startswith("/api/")


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500: 503 while the database is unavailable, else 500 (see the module)."""
    unavailable = database_unavailable(sys.exc_info()[1])
    status = 503 if unavailable else 500
    if _is_api(request):
        translation.activate(translation.get_language_from_request(request))
        message = (
            _("The database is unavailable for a moment. Please try again shortly.")
            if unavailable else _("The server could not answer this request.")
        )
        response = JsonResponse({"errors": {"service": [message]}}, status=status)
    else:
        template = loader.get_template("503.html" if unavailable else template_name)
        response = HttpResponse(template.render(), status=status)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response

