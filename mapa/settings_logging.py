"""The site's logging (a block of mapa/settings.py, kept in its own module for size): one JSON
object a line on stderr, read from the environment through mapa/env.py."""
from django.core.exceptions import ImproperlyConfigured

from mapa.env import env_bool, env_int, env_str

# Logs: one JSON object a line on stderr (journald or the container collects it), each with
# the request id of the request it belongs to. `mapa.requests` writes one line per request
# (status, duration, request id); `mapa.db` one per statement slower than MAPA_SLOW_QUERY_MS.
LOG_LEVEL = env_str("MAPA_LOG_LEVEL", "WARNING").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(
        f"MAPA_LOG_LEVEL={LOG_LEVEL!r}: use DEBUG, INFO, WARNING, ERROR or CRITICAL."
    )
MAPA_REQUEST_LOG = env_bool("MAPA_REQUEST_LOG", True)
MAPA_SLOW_QUERY_MS = env_int("MAPA_SLOW_QUERY_MS", 500, minimum=0)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "practices.pages.requestlog.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "mapa.requests": {
            "handlers": ["console"], "propagate": False,
            "level": "INFO" if MAPA_REQUEST_LOG else "WARNING",
        },
        "mapa.db": {"handlers": ["console"], "propagate": False, "level": "WARNING"},
    },
}
