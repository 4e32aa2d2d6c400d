"""Settings for Mapa Partycypacji.

Every value that differs between deployments comes from the environment (or from `.env`,
which `make setup` writes for the local cluster). Our own settings carry the MAPA_ prefix.
`.env.example` lists them all. A malformed value stops start-up with a message naming it.
"""
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from dotenv import load_dotenv

from mapa.env import (
    env_bool,
    env_database,
    env_float,
    env_float_list,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
# Values already in the environment win over .env.
load_dotenv(BASE_DIR / ".env", override=False)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-only-for-debug"
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
    "geodata",
    "practices",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that writes bodies, so API collections (streamed too: compressed
    # incrementally at full ratio), pages and static files served without a precompressed
    # variant all leave gzip-compressed for clients that accept it.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "practices.pages.framing.FramingPolicyMiddleware",
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
            ],
        },
    },
]

DATABASES = {"default": env_database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
    ("vendor/leaflet.markercluster", BASE_DIR / "node_modules/leaflet.markercluster/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "mapa.storage.StaticStorage"
            if env_bool("MAPA_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True
# Until `collectstatic` fills STATIC_ROOT (production), WhiteNoise serves from the finders and
# would warn on every start that the folder is missing.
warnings.filterwarnings("ignore", message="No directory at: .*staticfiles", category=UserWarning)

# Every page refuses framing; the embed views opt out explicitly.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# The read-only API may be read from any origin, without credentials.
CORS_URLS_REGEX = r"^/(api|tiles)/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
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
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("MAPA_LOG_LEVEL", "WARNING").upper()},
}

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
# Public base URL used in links that leave the site (oEmbed, feeds); empty: from the request.
MAPA_SITE_URL = env_str("MAPA_SITE_URL", "").rstrip("/")
# Address of the "report an error" links and the footer's contact link; empty hides them.
MAPA_CONTACT_EMAIL = env_str("MAPA_CONTACT_EMAIL", "")
