"""Settings of members' accounts (django-allauth) and of mail: one block of mapa/settings.py,
kept in its own module for size. settings.py imports everything from here after it has read
`.env`; the values come from the environment through mapa/env.py like the others."""
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
ACCOUNT_FORMS = {
    "login": "practices.accounts.forms.LoginForm",
    "signup": "practices.accounts.forms.SignupForm",
    "reset_password": "practices.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "practices.accounts.forms.ResetPasswordKeyForm",
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
    "reset_password": "5/m/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
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
