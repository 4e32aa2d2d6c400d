"""`/healthz`: whether this app server can serve, for load balancers and monitoring.

It answers 200 when PostgreSQL answers and has PostGIS, else 503, with JSON saying which part
failed (never the error's text: it may name hosts or users). Not cached, not language
prefixed, exempt from the HTTPS redirect (settings.SECURE_REDIRECT_EXEMPT). The checks run on
the request's own database connection, so a 200 means a real request would get through too.
"""
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from practices.pages.outage import RETRY_AFTER_SECONDS


@never_cache
@require_safe
def healthz(request):
    report = {"status": "ok", "database": "ok", "postgis": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT postgis_lib_version()")
            report["postgis"] = cursor.fetchone()[0]
    except DatabaseError as error:
        # The database answered but PostGIS did not (e.g. the extension is missing), or it
        # did not answer at all.
        reachable = connection.is_usable() if connection.connection is not None else False
        report.update(status="unavailable", database="ok" if reachable else "unavailable",
                      postgis="unavailable", error=type(error).__name__)
        response = JsonResponse(report, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse(report)


urlpatterns = [path("", healthz, name="healthz")]
