"""Typed readers for settings that come from the environment.

Each reader refuses a malformed value with ImproperlyConfigured naming the variable and
saying how to fix it, so a typo stops start-up instead of silently changing behaviour.
"""
import json
import math
import os
from pathlib import Path
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
# Placeholders shipped in .env.example: a deployment that copied the file without changing
# them would run with a key and a password that anyone can read in the repository.
EXAMPLE_SECRET_KEYS = {"change-me-to-a-long-random-string"}
EXAMPLE_DATABASE_PASSWORDS = {"CHANGE-ME"}


def refuse_example_secrets(secret_key, database):
    """ImproperlyConfigured if the SECRET_KEY or the database password is still the example's
    placeholder."""
    if secret_key in EXAMPLE_SECRET_KEYS:
        raise ImproperlyConfigured(
            "SECRET_KEY is the placeholder from .env.example: set a long random one, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    if database.get("PASSWORD") in EXAMPLE_DATABASE_PASSWORDS:
        raise ImproperlyConfigured(
            "DATABASE_URL uses the placeholder password from .env.example: give the database "
            "role a real password (`make db` does it for the local cluster)."
        )


def env_seconds_option(name, default, maximum=86400):
    """A PostgreSQL time setting in whole seconds, written as PostgreSQL reads it ('30s');
    0 turns the limit off ('0')."""
    seconds = env_int(name, default, minimum=0, maximum=maximum)
    return f"{seconds}s" if seconds else "0"


def env_database_options():
    """The `options` PostgreSQL applies to each of the site's connections.

    - Bounds on what one request can hold (whole seconds; 0 = no limit): a statement running
      longer is cancelled, and a transaction left idle longer (a GeoJSON stream whose client
      stopped reading) is ended by the server, which frees its connection and its snapshot.
      Commands run by an operator (the boundary import) get the same limits.
    - JIT compilation is off: PostGIS's function costs push the map's queries over
      jit_above_cost, and compiling then costs 50-100 ms before the first row, more than it
      saves on any query the site sends (bench/api.py: a bbox over 100,000 cases took 128 ms
      with JIT, 67 ms without).
    - A random read costs the planner 1.1 sequential reads, not PostgreSQL's default 4, which
      assumes spinning disks: the catalogue is small enough to stay in memory, and on SSDs a
      random read costs little more. With the default, the region's counts per gmina and tool
      scan all the country's counts instead of looking up the region's gminy (5.0 ms against
      3.7 ms at 100,000 cases). MAPA_DB_RANDOM_PAGE_COST sets another (4 on spinning disks).
    """
    random_read = env_float("MAPA_DB_RANDOM_PAGE_COST", 1.1, minimum=0.1, maximum=100)
    return " ".join([
        "-c jit=off",
        f"-c random_page_cost={random_read:g}",
        "-c statement_timeout=" + env_seconds_option("MAPA_DB_STATEMENT_TIMEOUT", 30),
        "-c idle_in_transaction_session_timeout="
        + env_seconds_option("MAPA_DB_IDLE_IN_TRANSACTION_TIMEOUT", 60),
    ])


def env_folder(name, default):
    """A folder the application writes to: it must be a writable directory, or not exist yet
    under a writable parent (Django creates it on the first write)."""
    path = Path(_raw(name, str(default)) or default).resolve()
    if path.exists():
        if not path.is_dir():
            raise ImproperlyConfigured(f"{name}={str(path)!r} is not a directory.")
        if not os.access(path, os.W_OK | os.X_OK):
            raise ImproperlyConfigured(
                f"{name}={str(path)!r} is not writable by this process: fix its owner or "
                "permissions, or point the variable at another folder."
            )
    elif not os.access(path.parent, os.W_OK | os.X_OK):
        raise ImproperlyConfigured(
            f"{name}={str(path)!r} does not exist and its parent folder is not writable: "
            "create it for the application's user."
        )
    return path


def env_private_folder(name, default):
    """A folder as env_folder, that no other user may write to: what it holds is loaded as
    Python objects (a cache's pickles), so a file another user put there would run as this
    application. An existing folder writable by its group or by everyone (/tmp) is refused."""
    path = env_folder(name, default)
    if path.exists() and path.stat().st_mode & 0o022:
        raise ImproperlyConfigured(
            f"{name}={str(path)!r} is writable by other users, and its files are loaded as "
            "Python objects: use a folder only this application's user may write "
            "(chmod go-w), or a new one."
        )
    return path


def refuse_public_media(media_root, public_folders):
    """Uploads are private until their case is public: a media folder inside a folder served
    to everyone (WhiteNoise's static folders), or holding one, would publish them at once."""
    for folder in public_folders:
        folder = Path(folder).resolve()
        if media_root == folder or folder in media_root.parents or media_root in folder.parents:
            raise ImproperlyConfigured(
                f"MAPA_MEDIA_ROOT={str(media_root)!r} overlaps the static files' folder "
                f"{str(folder)!r}, which is served to everyone: give uploads a folder of their "
                "own."
            )
