"""Production settings: `check --deploy` finds nothing, e-mail never goes to the log by accident, two-step
sign-in is required for coordinators and data-protection officers, failed logins are shared."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[3]
# what the test run sets for itself (DJANGO_ALLOW_ASYNC_UNSAFE comes from conftest.py) or a developer's shell
KEEP_OUT = ("COHESIO_", "EMAIL_", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "CACHE_URL", "DJANGO_")


def _production(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(KEEP_OUT)}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "cohesio.settings",
        "COHESIO_ENV": "production",
        "COHESIO_VAR_DIR": str(tmp_path),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "COHESIO_AUDIT_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "plan.example.org",
        "EMAIL_HOST": "smtp.example.org",
        **extra,
    }


def _python(env: dict, code: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_check_deploy_with_production_settings_gives_no_warnings(tmp_path):
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=_production(tmp_path),
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNINGS" not in output


def test_production_without_a_mail_server_refuses_to_start(tmp_path):
    env = _production(tmp_path)
    del env["EMAIL_HOST"]
    result = _python(env, "print('started')")
    assert result.returncode != 0
    assert "Set EMAIL_HOST" in result.stderr
    assert "started" not in result.stdout


def test_production_prints_e_mail_only_when_asked_to(tmp_path):
    env = _production(tmp_path)
    del env["EMAIL_HOST"]
    result = _python({**env, "COHESIO_EMAIL_BACKEND": "console"}, "from django.conf import settings as s; print(s.EMAIL_BACKEND)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
    result = _python(_production(tmp_path), "from django.conf import settings as s; print(s.EMAIL_BACKEND)")
    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_production_requires_two_step_sign_in_for_coordinators_and_data_protection_officers(tmp_path):
    show = "from django.conf import settings as s; print(','.join(s.COHESIO_MFA_REQUIRED_ROLES) or '-')"
    assert _python(_production(tmp_path), show).stdout.strip() == "coordinator,dpo"
    assert _python(_production(tmp_path, COHESIO_REQUIRE_MFA="false"), show).stdout.strip() == "-"
    development = {k: v for k, v in _production(tmp_path).items() if k != "COHESIO_ENV"}
    assert _python(development, show).stdout.strip() == "-"
    assert _python({**development, "COHESIO_REQUIRE_MFA": "true"}, show).stdout.strip() == "coordinator,dpo"


def test_failed_logins_and_the_cache_are_shared_by_all_workers(tmp_path):
    show = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.AXES_HANDLER, s.AXES_LOCKOUT_PARAMETERS, s.AXES_FAILURE_LIMIT)"
    )
    result = _python(_production(tmp_path), show)
    assert result.stdout.split(" ", 2) == [
        "django.core.cache.backends.db.DatabaseCache",
        "axes.handlers.database.AxesDatabaseHandler",
        "[['username', 'ip_address']] 5\n",
    ]
    redis = _python(_production(tmp_path, CACHE_URL="redis://127.0.0.1:6379/1"), show)
    assert redis.stdout.startswith("django.core.cache.backends.redis.RedisCache")
