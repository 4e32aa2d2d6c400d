"""Settings of members: accounts (django-allauth), log-in lock-out (django-axes), mail, the case
form and uploads; blocks of mapa/settings.py, kept in their own module for size. settings.py
imports everything from here after it has read `.env`; the values come from the environment
through mapa/env.py like the others."""
import re
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

from mapa.env import env_bool, env_int, env_str

# Members' accounts (django-allauth, practices/accounts/): members sign in with their e-mail
# address and a password (user names exist only inside Django and are never shown), confirm
# their address before they can sign in, and reset a forgotten password by e-mail. A person who
# signs up waits for a moderator's approval; one invited by a moderator is approved when the
# address is confirmed (practices.accounts.adapter). Abuse: every form carries CSRF and a
# honeypot field; sign-up, log-in and password reset are rate-limited per address (HTTP 429,
# templates/429.html), and failed logins lock out through django-axes (below), on the site as
# in the admin, so allauth's own failed-login counter is off.
ACCOUNT_ADAPTER = "practices.accounts.adapter.AccountAdapter"
# bandit reads the "password" in these keys as secrets: they are form classes and rate limits.
ACCOUNT_FORMS = {
    "login": "practices.accounts.forms.LoginForm",
    "signup": "practices.accounts.forms.SignupForm",
    "reset_password": "practices.accounts.forms.ResetPasswordForm",  # nosec B105
    "reset_password_from_key": "practices.accounts.forms.ResetPasswordKeyForm",  # nosec B105
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mapa Partycypacji] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
# A password reset asked for an address without an account sends nothing (the page says the
# same either way): the form cannot be used to mail strangers.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGOUT_REDIRECT_URL = "map"
ACCOUNT_RATE_LIMITS = {
    "signup": "5/m/ip,20/h/ip",
    "login": "20/m/ip",
    "reset_password": "5/m/ip,3/h/key",  # nosec B105
    "reset_password_from_key": "20/m/ip",  # nosec B105
    # django-axes counts failed logins (per address and account) for the site and the admin.
    "login_failed": None,
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:cases"
# Invitations sent by moderators stay valid this many days.
MAPA_INVITATION_DAYS = env_int("MAPA_INVITATION_DAYS", 14, minimum=1, maximum=365)

# Mail: with EMAIL_HOST set, through that SMTP server; without it every message is written to
# the console (development). A production server sets EMAIL_HOST (docs/deploy.md).
EMAIL_HOST = env_str("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1, maximum=65535)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Mapa Partycypacji <noreply@localhost>")
if "@" not in DEFAULT_FROM_EMAIL:
    raise ImproperlyConfigured(
        f"DEFAULT_FROM_EMAIL={DEFAULT_FROM_EMAIL!r} is not an e-mail address, e.g. "
        "'Mapa Partycypacji <noreply@mapa.example.pl>'"
    )
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The members' case form (practices.members): at most this many open submissions (drafts,
# changes asked for, waiting for review) per member, and at most MAPA_SUBMIT_RATE submissions
# to moderation per member (django-ratelimit's "count/period", e.g. 10/h).
MAPA_MAX_OPEN_SUBMISSIONS = env_int("MAPA_MAX_OPEN_SUBMISSIONS", 20, minimum=1, maximum=1000)
MAPA_SUBMIT_RATE = env_str("MAPA_SUBMIT_RATE", "10/h")
if not re.fullmatch(r"[0-9]+/[0-9]*[smhd]", MAPA_SUBMIT_RATE):
    raise ImproperlyConfigured(
        f"MAPA_SUBMIT_RATE={MAPA_SUBMIT_RATE!r}: give a count per period, e.g. 10/h or 3/m"
    )
# --- Uploaded images and documents of submissions (practices/uploads.py) ----------------
# Checked by content, re-encoded, and served only by practices.media.files, which checks who
# may see each file: MEDIA_ROOT is never served directly (no static route, not under
# WhiteNoise's folders). A larger request is refused before its body is read (HTTP 400).
MAPA_IMAGE_MAX_BYTES = env_int("MAPA_IMAGE_MAX_BYTES", 10 * 1024 * 1024, minimum=1)
MAPA_IMAGE_MAX_PIXELS = env_int("MAPA_IMAGE_MAX_PIXELS", 40_000_000, minimum=1)
MAPA_ATTACHMENT_MAX_BYTES = env_int("MAPA_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
MAPA_THUMBNAIL_WIDTH = env_int("MAPA_THUMBNAIL_WIDTH", 480, minimum=16, maximum=2000)
# Images, and separately documents, one submission may hold.
MAPA_MEDIA_MAX_PER_KIND = env_int("MAPA_MEDIA_MAX_PER_KIND", 30, minimum=1, maximum=500)
# Room for the multipart framing and the form fields beside the largest file.
MAPA_UPLOAD_MAX_REQUEST_BYTES = max(MAPA_IMAGE_MAX_BYTES, MAPA_ATTACHMENT_MAX_BYTES) + 256 * 1024
# Form fields (not files) held in memory per request: the wizard's autosave stays well under it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# An uploaded file over this goes to a temporary file on disk instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# One file per upload request; a few more leave room for a form that sends both kinds.
DATA_UPLOAD_MAX_NUMBER_FILES = 5
# Read-only for the web server's other users: uploads are private until their case is public.
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# Admin and site login: django-axes counts failures in the database (shared by every app
# server), so after MAPA_LOGIN_FAILURE_LIMIT failures for one account from one address, that
# pair is refused (HTTP 429) for MAPA_LOGIN_COOLOFF_MINUTES, whichever server it tries.
AXES_FAILURE_LIMIT = env_int("MAPA_LOGIN_FAILURE_LIMIT", 5, minimum=1, maximum=100)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("MAPA_LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The "user name" axes counts is the account's e-mail address, whether the site's form (e-mail)
# or the admin's (user name) was used: failures on either add up for the same account.
AXES_USERNAME_CALLABLE = "practices.accounts.lockout.account_key"
AXES_RESET_ON_SUCCESS = True
# Behind the proxy of docs/deploy.md the client's address is the last X-Forwarded-For entry.
AXES_IPWARE_PROXY_COUNT = env_int("MAPA_PROXY_COUNT", 0, minimum=0, maximum=5) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
