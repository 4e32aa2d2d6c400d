"""Members' mail: the console without EMAIL_HOST, SMTP from the environment with it; malformed
values stop start-up naming the variable."""
import os
import subprocess
import sys

import pytest

from tests.mapa.test_settings import ROOT

PRINT = (
    "import django; from django.conf import settings; django.setup(); "
    "print(settings.EMAIL_BACKEND, getattr(settings, 'EMAIL_HOST', ''), "
    "getattr(settings, 'EMAIL_PORT', ''), getattr(settings, 'EMAIL_USE_TLS', ''), "
    "settings.DEFAULT_FROM_EMAIL, sep='|')"
)


def mail_settings(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    return subprocess.run(
        [sys.executable, "-c", PRINT], cwd=ROOT,
        env={**environment, **env, "DJANGO_SETTINGS_MODULE": "mapa.settings"},
        capture_output=True, text=True,
    )


def test_without_an_smtp_host_mail_goes_to_the_console():
    result = mail_settings(EMAIL_HOST="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("|")[0] == "django.core.mail.backends.console.EmailBackend"


def test_an_smtp_host_from_the_environment_is_used():
    result = mail_settings(
        EMAIL_HOST="smtp.example.pl", EMAIL_PORT="465", EMAIL_USE_TLS="0",
        DEFAULT_FROM_EMAIL="Mapa <noreply@mapa.example.pl>",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "django.core.mail.backends.smtp.EmailBackend", "smtp.example.pl", "465", "False",
        "Mapa <noreply@mapa.example.pl>",
    ]


@pytest.mark.parametrize(("env", "message"), [
    ({"EMAIL_HOST": "smtp.example.pl", "EMAIL_PORT": "smtp"}, "EMAIL_PORT='smtp' is not a whole"),
    ({"EMAIL_HOST": "smtp.example.pl", "EMAIL_USE_TLS": "maybe"}, "EMAIL_USE_TLS='maybe'"),
    ({"DEFAULT_FROM_EMAIL": "Mapa Partycypacji"}, "DEFAULT_FROM_EMAIL='Mapa Partycypacji' is not"),
])
def test_a_malformed_mail_setting_stops_start_up(env, message):
    result = mail_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr
