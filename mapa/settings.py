"""Settings for Mapa Partycypacji.

Every value that differs between deployments comes from the environment (or from `.env`,
which `make setup` writes for the local cluster). Our own settings carry the MAPA_ prefix.
`.env.example` lists them all. A malformed value stops start-up with a message naming it.
"""
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

from mapa.env import (
    env_bool,
    env_database,
    env_database_options,
    env_float,
    env_float_list,
    env_folder,
    env_int,
    env_list,
    env_private_folder,
    env_redis_url,
    env_str,
    refuse_example_secrets,
    refuse_public_media,
)

BASE_DIR = Path(__file__).resolve().parent.parent
# Values already in the environment win over .env.
load_dotenv(BASE_DIR / ".env", override=False)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        # Only with DEBUG on, which is never a deployment (check --deploy refuses it).
        SECRET_KEY = "insecure-development-key-only-for-debug"  # nosec B105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: run `make setup` (it writes one to .env) or set it in the "
            "environment."
        )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    # Members' accounts (block below): e-mail sign-in, sign-up, confirmation, password reset.
    "allauth",
    "allauth.account",
    # Field-level versions of every case (practices.models.catalogue), for moderators.
    "simple_history",
    "geodata",
    "practices",
]

MIDDLEWARE = [
    # First: it names the request (X-Request-ID) and logs one line when the response is done,
    # whatever any layer below answered.
    "practices.pages.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's middleware with the site's rules (the embed's frame-ancestors, the tiles) and
    # Permissions-Policy; outside WhiteNoise, so static files carry them too.
    "practices.pages.framing.ContentSecurityPolicyMiddleware",
    # Drops the codings a client refuses (`gzip;q=0`) before gzip, WhiteNoise and Brotli read.
    "practices.pages.codings.RefusedCodingsMiddleware",
    # Outside everything that writes bodies, so API collections (streamed too: compressed
    # incrementally at full ratio), pages and static files served without a precompressed
    # variant all leave gzip-compressed for clients that accept it.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Answers to requests with the session cookie, or setting a cookie, are `Cache-Control:
    # private`; outside the session and CSRF layers, so it sees the cookies they set. Cookie-free
    # requests are left untouched (no session read: no `Vary: Cookie` on the map and the embed).
    "practices.accounts.middleware.PrivateForMembersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Names the signed-in user as the author of each version django-simple-history records.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mapa.urls"
WSGI_APPLICATION = "mapa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "practices.pages.site.site",
                "practices.accounts.context.signed_in",
            ],
        },
    },
]

DATABASES = {"default": env_database()}
# Per-connection settings of PostgreSQL: statement and idle-transaction limits, JIT off and
# the planner's cost of a random read (mapa/env.py, env_database_options).
DATABASES["default"]["OPTIONS"] = {"options": env_database_options()}
refuse_example_secrets(SECRET_KEY, DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache (practices/caching.py): local memory by default, one copy per process. With
# REDIS_URL every app server shares one Redis, so a change made through one is seen by all at
# once, and sessions live in the cache backed by the database (no state on the app servers).
# When Redis is down (docs/scaling.md) nothing answers 500:
# - the backend (practices/redis_cache.py) turns every Redis error into a miss or a skipped
#   write, logs one warning, asks Redis again every few seconds, and on its return first
#   deletes the keys written meanwhile, so no stale session or data version comes back;
# - sessions (`cached_db`) are therefore read from and written to the database: a signed-in
#   user stays signed in through the outage and after it;
# - django-axes keeps its lock-outs in the database (below) and never needs the cache;
# - django-ratelimit's counters are in this cache. RATELIMIT_FAIL_OPEN: while they cannot be
#   counted, requests are let through rather than all refused. Refusing would lock every
#   member out of log-in, sign-up and submissions for the whole outage; letting them through
#   leaves password guessing limited by django-axes, which counts in the database.
REDIS_URL = env_redis_url("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "practices.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mapa",
            # An unreachable Redis costs a request at most this long, then is not asked for
            # a few seconds.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The vector tiles' bytes, built once per data version for all workers: in Redis (above), or
# else in the folder MAPA_TILE_CACHE_DIR (practices/file_cache.py: the workers of a machine
# share it, a restart keeps it; keys hold the data version and the database's name).
# mapa/gunicorn_conf.py defaults it; empty, each process keeps its own in the default cache.
MAPA_TILE_CACHE_DIR = env_str("MAPA_TILE_CACHE_DIR")
if MAPA_TILE_CACHE_DIR and not REDIS_URL:
    CACHES["tiles"] = {
        "BACKEND": "practices.file_cache.SharedFileCache",
        "LOCATION": str(env_private_folder("MAPA_TILE_CACHE_DIR", MAPA_TILE_CACHE_DIR)),
        "KEY_PREFIX": "tiles:" + DATABASES["default"]["NAME"], "TIMEOUT": 24 * 3600,
        # About 20,000 tiles of a few KB; past that a quarter of the files are removed.
        "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
    }
RATELIMIT_FAIL_OPEN = True

# django-axes first: it refuses a locked-out login before the password is even checked.
# allauth's backend signs members in by e-mail address; ModelBackend keeps the admin's user
# names.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Polish first, English second.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Third-party front-end code comes from npm (package-lock.json) at set-up, never from a commit
# or a CDN; only each package's distribution folder is exposed.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/leaflet", BASE_DIR / "node_modules/leaflet/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {},
}
MANIFEST_STATIC = env_bool("MAPA_MANIFEST_STATIC", False)
STORAGES["staticfiles"]["BACKEND"] = (
    "mapa.storage.StaticStorage" if MANIFEST_STATIC
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Production (MAPA_MANIFEST_STATIC=1, `make serve`) serves only what collectstatic wrote: the
# hashed, precompressed files, cached for a year. Development reads the source folders.
WHITENOISE_USE_FINDERS = not MANIFEST_STATIC
# Uploaded files (none yet; member submissions will add them). Checked at start-up: it must be
# a writable folder, so a misconfigured server fails now rather than at the first upload.
MEDIA_URL = "/media/"
MEDIA_ROOT = env_folder("MAPA_MEDIA_ROOT", BASE_DIR / "media")
# Until `collectstatic` fills STATIC_ROOT (production), WhiteNoise serves from the finders and
# would warn on every start that the folder is missing.
warnings.filterwarnings("ignore", message="No directory at: .*staticfiles", category=UserWarning)

# Every page refuses framing; the embed views opt out explicitly.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Browser features no page of ours uses, refused for us and for anything we might frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Content Security Policy (django-csp): only our own scripts, no inline script, no plugins.
# practices.pages.framing adds per response the tile server to img-src and the embed's
# frame-ancestors. Inline styles stay allowed: Leaflet and Swagger UI write style attributes,
# and a style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# HTTPS: declared by an https MAPA_SITE_URL. The site then sits behind a TLS proxy that sets
# X-Forwarded-Proto (docs/deploy.md), so request.is_secure() and every absolute URL built from
# the request say https; plain http is redirected, browsers are told to stay on https (HSTS)
# and cookies are sent over https only. /healthz is exempt from the redirect: load balancers
# probe the app server directly over http.
MAPA_SITE_URL = env_str("MAPA_SITE_URL", "").rstrip("/")
if MAPA_SITE_URL and urlsplit(MAPA_SITE_URL).scheme not in ("http", "https"):
    raise ImproperlyConfigured(
        f"MAPA_SITE_URL={MAPA_SITE_URL!r} must start with https:// (or http:// for a test "
        "server), e.g. https://mapa.example.pl"
    )
HTTPS = MAPA_SITE_URL.startswith("https://")
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("MAPA_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("MAPA_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("MAPA_HSTS_INCLUDE_SUBDOMAINS", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The read-only API may be read from any origin, without credentials.
CORS_URLS_REGEX = r"^/(api|tiles)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The API is anonymous and read-only: no Basic or session authentication anywhere,
    # the schema and its docs page included.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Mapa Partycypacji API",
    "DESCRIPTION": "Read-only public API of local civic participation cases in Polish gminy.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No badge fetched from validator.swagger.io: the docs page makes no outside request.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # GeoJSON `type` members are one-value enums; name them instead of numbering collisions.
    "ENUM_NAME_OVERRIDES": {
        "FeatureTypeEnum": ["Feature"],
        "FeatureCollectionTypeEnum": ["FeatureCollection"],
        "PointTypeEnum": ["Point"],
        "MultiPolygonTypeEnum": ["MultiPolygon"],
        "MunicipalityTypeEnum": ["urban", "rural", "urban-rural"],
    },
}

# GDAL 3.6 cannot block file and network access while parsing a spatial reference. No CRS
# string from a web request ever reaches GDAL: the API accepts EPSG codes from an allow-list,
# and only the import command (run by an operator) reads a source file's CRS.
# security.W021 (HSTS preload): being added to browsers' preload list is a commitment for the
# whole domain that its owner makes deliberately (MAPA_HSTS_PRELOAD=1), not a default.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]
if HTTPS:
    SECURE_HSTS_PRELOAD = env_bool("MAPA_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS.append("security.W021")

# Members: accounts (django-allauth), log-in lock-out (django-axes), mail, the case form and
# uploads: mapa/settings_members.py, kept apart for size (ACCOUNT_*, AXES_*, EMAIL_*, LOGIN_*,
# MAPA_INVITATION_DAYS, MAPA_SUBMIT_RATE, MAPA_IMAGE_*, FILE_UPLOAD_*...).
# Logs (one JSON object a line on stderr): mapa/settings_logging.py.
from mapa.settings_logging import *  # noqa: E402, F403
from mapa.settings_members import *  # noqa: E402, F403

# --- Our own settings -------------------------------------------------------------------
# Voivodeships (2-digit TERYT) the site shows by default: podlaskie and warmińsko-mazurskie.
MAPA_DEFAULT_REGION = env_list("MAPA_DEFAULT_REGION", ["20", "28"])
for _code in MAPA_DEFAULT_REGION:
    if not (len(_code) == 2 and _code.isdigit()):
        raise ImproperlyConfigured(
            f"MAPA_DEFAULT_REGION contains {_code!r}: list 2-digit voivodeship TERYT codes, "
            "e.g. 20,28"
        )
# Map centre as lat,lon and the initial zoom.
MAPA_MAP_CENTER = env_float_list("MAPA_MAP_CENTER", [53.6, 22.1], 2)
if not (-90 <= MAPA_MAP_CENTER[0] <= 90 and -180 <= MAPA_MAP_CENTER[1] <= 180):
    raise ImproperlyConfigured("MAPA_MAP_CENTER must be lat,lon within -90..90, -180..180")
MAPA_MAP_ZOOM = env_int("MAPA_MAP_ZOOM", 7, minimum=0, maximum=19)
# Above this many cases in a selection, the map draws them from vector tiles
# (/tiles/practices/...) instead of markers.
MAPA_TILES_THRESHOLD = env_int("MAPA_TILES_THRESHOLD", 20000, minimum=0)
MAPA_TILE_URL = env_str("MAPA_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
if MAPA_TILE_URL and not all(part in MAPA_TILE_URL for part in ("{z}", "{x}", "{y}")):
    raise ImproperlyConfigured(
        "MAPA_TILE_URL must contain {z}, {x} and {y} (or be empty for no base map)"
    )
MAPA_TILE_ATTRIBUTION = env_str(
    "MAPA_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAPA_TILE_MAX_ZOOM = env_int("MAPA_TILE_MAX_ZOOM", 18, minimum=1, maximum=22)
# Tolerance of the shared-border-preserving simplification of display boundaries, in metres.
MAPA_DISPLAY_TOLERANCE_M = env_float("MAPA_DISPLAY_TOLERANCE_M", 1200.0, minimum=0, maximum=5000)
# Origins allowed to frame /embed/; empty means any origin.
MAPA_EMBED_ALLOWED_ORIGINS = env_list("MAPA_EMBED_ALLOWED_ORIGINS", [])
# MAPA_SITE_URL (above, with HTTPS): public base URL of links that leave the site (oEmbed,
# feeds); empty: from the request.
# Address of the "report an error" links and the footer's contact link; empty hides them.
MAPA_CONTACT_EMAIL = env_str("MAPA_CONTACT_EMAIL", "")

# Uploads (settings in mapa/settings_members.py) are served only by practices.media.files,
# which checks who may see each file: start-up refuses a media folder inside WhiteNoise's.
refuse_public_media(MEDIA_ROOT, [STATIC_ROOT, *(p[-1] if isinstance(p, tuple) else p
                                                for p in STATICFILES_DIRS)])
# `{% load media_widget %}`: the upload widget's configuration tag, kept beside its views.
# `{% load inline_assets %}`: the map's styles and scripts written into its HTML.
TEMPLATES[0]["OPTIONS"]["libraries"] = {"media_widget": "practices.media.widget",
                                        "inline_assets": "practices.pages.inline_assets"}
# Who publishes the data (the foundation running the site): named in every export's
# attribution and as the publisher of the DCAT-AP metadata on the data page (/dane/).
MAPA_PUBLISHER_NAME = env_str("MAPA_PUBLISHER_NAME", "Mapa Partycypacji")
MAPA_PUBLISHER_URL = env_str("MAPA_PUBLISHER_URL", "").strip()
if MAPA_PUBLISHER_URL and urlsplit(MAPA_PUBLISHER_URL).scheme not in ("http", "https"):
    raise ImproperlyConfigured(
        f"MAPA_PUBLISHER_URL={MAPA_PUBLISHER_URL!r} must be an http(s):// address (or empty "
        "for the site's own)."
    )
