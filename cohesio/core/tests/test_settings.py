"""Production settings are secure by default; development works without configuration."""

import os
import subprocess
import sys

SHOW = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
)


def _settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "COHESIO_ENV"}}
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", f"import django; django.setup(); {SHOW}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cohesio.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings({"COHESIO_ENV": "production"})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_switches_on_secure_defaults():
    result = _settings(
        {
            "COHESIO_ENV": "production",
            "SECRET_KEY": "x" * 50,
            "COHESIO_AUDIT_KEY": "a" * 50,
            "ALLOWED_HOSTS": "plan.example.org",
            "EMAIL_HOST": "smtp.example.org",
        }
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "31536000"]


def test_development_needs_no_configuration():
    result = _settings({})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"


def _database_settings(env: dict) -> list[str]:
    show = "from django.conf import settings as s; d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    clean = {k: v for k, v in os.environ.items() if k != "DATABASE_CONN_MAX_AGE"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", f"import django; django.setup(); {show}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cohesio.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_a_worker_keeps_its_database_connection_between_requests_unless_told_not_to():
    assert _database_settings({}) == ["60", "True"]  # checked before reuse, so a broken one is not handed on
    assert _database_settings({"DATABASE_CONN_MAX_AGE": "0"}) == ["0", "True"]
