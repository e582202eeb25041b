"""Django settings for Cohesio: SQLite by default, PostgreSQL through DATABASE_URL, secure in production."""

from datetime import timedelta
from pathlib import Path

import csp.constants as csp
import environ
import structlog

from cohesio.audit.keys import audit_keys

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent

env = environ.Env()
environ.Env.read_env(PROJECT_DIR / ".env", overwrite=False)

COHESIO_ENV = env.str("COHESIO_ENV", default="development")
PRODUCTION = COHESIO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else "dev-only-insecure-key-change-me")
if PRODUCTION and not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY when COHESIO_ENV=production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

VAR_DIR = Path(env.str("COHESIO_VAR_DIR", default=str(PROJECT_DIR / "var")))

INSTALLED_APPS = [
    "cohesio.core",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "django_htmx",
    "ninja",  # the API docs page uses django-ninja's own copy of Swagger UI, not a CDN
    "simple_history",
    "cohesio.audit",
    "cohesio.plans",
    "cohesio.analysis",
    "cohesio.network",
    "cohesio.sharing",
    "cohesio.interventions",
    "cohesio.review",
    "cohesio.cocreation",
    "cohesio.exports",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "cohesio.core.session_limits.SessionLifetimeMiddleware",
    "cohesio.core.mfa.RequireMFAMiddleware",
    "cohesio.core.middleware.PermissionsPolicyMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "cohesio.urls"
WSGI_APPLICATION = "cohesio.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cohesio.core.context_processors.cohesio",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'cohesio.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
# A worker keeps its connection between requests (opening one, with SQLite's set-up, cost more than a kept page
# itself); one that broke is noticed before a request uses it. DATABASE_CONN_MAX_AGE=0 opens one per request.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker (allauth's rate limits, used TOTP codes): the database by default
# (its table is made by `migrate`, see core/apps.py), Redis through CACHE_URL=redis://...
CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://cohesio_cache"),
    # plan documents and reviews, kept per plan revision in each process (cohesio.document.selectors)
    "plans": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cohesio-plans",
        "OPTIONS": {"MAX_ENTRIES": 64},
    },
    # parts of pages (an element page's body, findings, comments) per reader and locality state, in each process
    # (cohesio.core.kept); at most about 200 KB an entry for a plan ten times the demo
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cohesio-pages",
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in before any password check
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: e-mail + password, no self sign-up (people join through an invitation).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# An address counts only once its owner has confirmed it from their mailbox: invitations are accepted only
# by an account that has verified the invited address, and addresses added later are verified first.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "cohesio.core.accounts.InvitationOnlyAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"

# Login protection (see cohesio/core/login_protection.py, README "Security"). Failed sign-ins are counted
# in the database by django-axes, the same for every worker and for the site's and the admin's sign-in,
# per account AND client address: after COHESIO_LOGIN_FAILURE_LIMIT wrong passwords that account is paused
# from that address for COHESIO_LOGIN_COOLOFF_MINUTES (from the last try); from anywhere else it still
# signs in, so a stranger cannot lock its owner out, and a password reset lifts the pause.
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("COHESIO_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("COHESIO_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "cohesio.core.login_protection.username_for_lockout"
AXES_CLIENT_IP_CALLABLE = "cohesio.core.login_protection.client_ip"
AXES_LOCKOUT_CALLABLE = "cohesio.core.login_protection.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of every sign-in with address and browser (personal data)
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login", "email"]
AXES_VERBOSE = False
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use the connection's address).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("COHESIO_TRUSTED_PROXY_COUNT", default=0)
# allauth's own limit per account ("5 failures per 5 minutes for this e-mail address, from anywhere") refused
# the right password too, so anyone could lock anyone out; the per-account limit is axes' (per address).
# allauth keeps its per-address limit, now shared by all workers through the cache.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip"}

# Two-step sign-in: an authenticator app (TOTP) with recovery codes, offered to everyone, required for the
# roles in COHESIO_MFA_REQUIRED_ROLES (coordinator and data-protection officer in production; none in
# development so `make run` stays a one-step try-out). COHESIO_REQUIRE_MFA=true/false overrides.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("COHESIO_MFA_ISSUER", default="Cohesio")
COHESIO_MFA_REQUIRED_ROLES = ["coordinator", "dpo"] if env.bool("COHESIO_REQUIRE_MFA", default=PRODUCTION) else []

# Sign-ins end after COHESIO_SESSION_IDLE_MINUTES without a request, and COHESIO_SESSION_MAX_HOURS after
# they began however busy (cohesio/core/session_limits.py).
COHESIO_SESSION_IDLE_MINUTES = env.int("COHESIO_SESSION_IDLE_MINUTES", default=30)
COHESIO_SESSION_MAX_HOURS = env.int("COHESIO_SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_AGE = COHESIO_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False  # renewed at most once a minute (cohesio/core/session_limits.py)
SESSION_ENGINE = "cohesio.core.sessions"  # the database, read as Django does, in one statement of ours

# E-mail goes out through EMAIL_HOST. Without it development prints e-mail to the console; production
# refuses to start, because invitation and reset links would land in the server log, unless the console
# is asked for on purpose (COHESIO_EMAIL_BACKEND=console, or a full EMAIL_BACKEND path).
EMAIL_HOST = env.str("EMAIL_HOST", default="")
_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}
_email_choice = env.str("COHESIO_EMAIL_BACKEND", default="")
if _email_choice and _email_choice not in _EMAIL_BACKENDS:
    raise environ.ImproperlyConfigured("COHESIO_EMAIL_BACKEND is smtp or console.")
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="") or _EMAIL_BACKENDS[
    _email_choice or ("smtp" if EMAIL_HOST else "console")
]
if PRODUCTION and not EMAIL_HOST and not (_email_choice or env.str("EMAIL_BACKEND", default="")):
    raise environ.ImproperlyConfigured(
        "Set EMAIL_HOST when COHESIO_ENV=production (or COHESIO_EMAIL_BACKEND=console to write e-mail, "
        "invitation links included, to the server log on purpose)."
    )
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Cohesio <no-reply@cohesio.invalid>")

INVITATION_DAYS = env.int("COHESIO_INVITATION_DAYS", default=14)
# Where people reach this installation, for links made outside a request (the command line).
COHESIO_BASE_URL = env.str("COHESIO_BASE_URL", default="http://127.0.0.1:8000")
# A municipality's own Word template for exports (docs/exports.md); empty: the one that comes with Cohesio.
COHESIO_DOCX_TEMPLATE = env.str("COHESIO_DOCX_TEMPLATE", default="")
# Background work (exports of large plans) through django-tasks: at once, inside the request, by default, so
# `make run` stays one command; in production COHESIO_TASKS_BACKEND=django_tasks_db.DatabaseBackend with
# `manage.py db_worker` running beside the web server.
TASKS = {
    "default": {"BACKEND": env.str("COHESIO_TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}
}
# Files the app makes (prepared exports); on several servers, object storage (django-storages) instead.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Prepared export files are kept this many hours; `cohesio clean-exports` (daily from cron) removes older ones.
COHESIO_EXPORT_FILE_HOURS = env.int("COHESIO_EXPORT_FILE_HOURS", default=24)
# The largest plan file (JSON) that is read, in bytes; bigger files are refused with a message (10 MB).
COHESIO_PLAN_FILE_MAX_BYTES = env.int("COHESIO_PLAN_FILE_MAX_BYTES", default=10 * 1024 * 1024)
# The audit chain's HMAC keys by key id, the current one first (see cohesio/audit/keys.py). Required in
# production and never SECRET_KEY, so rotating SECRET_KEY leaves the audit history verifiable.
try:
    AUDIT_KEYS = audit_keys(
        env.str("COHESIO_AUDIT_KEYS", default=""),
        env.str("COHESIO_AUDIT_KEY", default=""),
        env.str("COHESIO_AUDIT_KEY_ID", default="k1"),
    )
except ValueError as malformed:
    raise environ.ImproperlyConfigured(str(malformed)) from None
if PRODUCTION and (not AUDIT_KEYS or SECRET_KEY in AUDIT_KEYS.values()):
    raise environ.ImproperlyConfigured(
        "Set COHESIO_AUDIT_KEY (a secret of its own, not SECRET_KEY) when COHESIO_ENV=production."
    )
AUDIT_KEYS = AUDIT_KEYS or {"dev": "dev-only-insecure-audit-key"}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns on every request when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Outside production WhiteNoise serves straight from the apps' static folders (no collectstatic needed,
# also under the test live server); production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# A strict Content Security Policy (django-csp): only this site's own scripts, styles, fonts and images, no
# inline scripts, on every page including the API docs (Swagger UI served from our static files). Only the
# Django admin, which brings inline scripts and styles of its own, goes without.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
    },
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The header only allows the domain onto the browsers' preload list; it goes on it when submitted.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Structured JSON logs. Never log personal data: log ids and actions, not names or e-mail addresses.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": structlog.processors.JSONRenderer(),
            "foreign_pre_chain": [
                structlog.stdlib.add_log_level,
                structlog.stdlib.add_logger_name,
                structlog.processors.TimeStamper(fmt="iso"),
            ],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},  # a line per sign-in at INFO
        # the document libraries of the exports report each step at INFO
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "matplotlib": {"level": "WARNING"},
    },
}
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
