"""Typed readers for settings that come from the environment.

Each reader refuses a malformed value with ImproperlyConfigured naming the variable and
saying how to fix it, so a typo stops start-up instead of silently changing behaviour.
"""
import json
import math
import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def _raw(name, default):
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_str(name, default=""):
    return _raw(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean: set it to one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name, default, minimum=None, maximum=None):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ImproperlyConfigured(f"{name}={number} is out of range: use {minimum}..{maximum}.")
    return number


def env_float(name, default, minimum=None, maximum=None):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = float(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a number.") from None
    if not math.isfinite(number) or (minimum is not None and number < minimum) or (
        maximum is not None and number > maximum
    ):
        raise ImproperlyConfigured(f"{name}={value!r} is out of range: use {minimum}..{maximum}.")
    return number


def env_list(name, default=()):
    """A comma- or space-separated list."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item for item in value.replace(",", " ").split() if item]


def env_float_list(name, default, length):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    items = env_list(name)
    try:
        numbers = [float(item) for item in items]
    except ValueError:
        numbers = []
    if len(numbers) != length or not all(math.isfinite(n) for n in numbers):
        raise ImproperlyConfigured(
            f"{name}={value!r} must be {length} comma-separated numbers, e.g. "
            + ",".join(str(d) for d in default)
        )
    return numbers


def env_json(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return json.loads(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {error}") from None


def env_database(name="DATABASE_URL"):
    value = os.environ.get(name, "").strip()
    example = "postgis://USER:PASSWORD@127.0.0.1:5432/mapa"
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set: run `make setup` (it writes one to .env) or set it, e.g. {example}"
        )
    if not value.startswith(("postgis://", "postgres://", "postgresql://")):
        raise ImproperlyConfigured(
            f"{name} must be a PostgreSQL URL starting with postgis://, e.g. {example}"
        )
    try:
        config = dj_database_url.parse(value, conn_max_age=600, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"{name} is malformed ({error}); e.g. {example}") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database; e.g. {example}")
    # GeoDjango needs the PostGIS backend whichever PostgreSQL scheme was given.
    config["ENGINE"] = "django.contrib.gis.db.backends.postgis"
    return config


def env_redis_url(name="REDIS_URL"):
    """A Redis URL (redis://, rediss:// or unix://), or "" when unset. The message never
    repeats the value, which may hold a password."""
    value = os.environ.get(name, "").strip()
    if not value:
        return ""
    example = "redis://127.0.0.1:6379/0"
    parts = urlsplit(value)
    try:
        port = parts.port
    except ValueError:
        port = None
        problem = "its port is not a number"
    else:
        problem = None
    if parts.scheme not in ("redis", "rediss", "unix"):
        problem = "it must start with redis://, rediss:// or unix://"
    elif parts.scheme == "unix" and not parts.path:
        problem = "it names no socket path"
    elif parts.scheme != "unix" and not parts.hostname:
        problem = "it names no host"
    elif parts.scheme != "unix" and parts.path.strip("/") and not (
        parts.path.strip("/").isascii() and parts.path.strip("/").isdecimal()
    ):
        problem = "the database after the host must be a number"
    if problem or (port is not None and not 0 < port < 65536):
        raise ImproperlyConfigured(
            f"{name} is malformed: {problem or 'its port is out of range'}; e.g. {example}, "
            "or leave it empty for the local-memory cache."
        )
    return value
