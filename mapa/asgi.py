"""ASGI is not supported: deploy with WSGI (gunicorn, mapa/gunicorn_conf.py, docs/deploy.md).

Why: the GeoJSON collections are streamed by synchronous generators that read a server-side
cursor (practices/geojson.py). Under ASGI, Django consumes such a generator in full before
sending it, so a national collection would sit in memory, the first byte would wait for the
last, and a slow client's stream would not be bounded by the send timeout. This module stays
only so that tools which look for it find a clear answer.
"""
from django.core.exceptions import ImproperlyConfigured

raise ImproperlyConfigured(
    "Mapa Partycypacji does not support ASGI: serve mapa.wsgi:application with gunicorn "
    "(`make serve`, docs/deploy.md)."
)
