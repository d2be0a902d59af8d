"""Kith's settings. Behaviour that differs between places is switched by ``config.env``."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from config import env
from kith.platform.database.embedded import EmbeddedServer

BASE_DIR = env.BASE_DIR
VAR_DIR = env.VAR_DIR


def _secret_key() -> str:
    if env.SECRET_KEY:
        return env.SECRET_KEY
    # Without KITH_SECRET_KEY a key is generated once and kept under var/, so sessions
    # survive a restart of the demo. Production sets KITH_SECRET_KEY (see README).
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
SECRET_KEY_FROM_ENVIRONMENT = env.SECRET_KEY is not None
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
KITH_DEMO = env.DEMO
KITH_DEMO_SIZE = env.DEMO_SIZE
KITH_REQUIRE_MFA = env.REQUIRE_MFA
# The council Kith serves: inspection reports that name it start an improvement plan (kith.inspection).
KITH_AUTHORITY_NAME = env.AUTHORITY_NAME

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",
    "pgtrigger",
    "pghistory",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "kith.platform.access",
    "kith.platform.chronology",
    "kith.platform.calendar",
    "kith.platform.timescales",
    "kith.platform.ui",
    "kith.platform.drafts",
    "kith.people",
    "kith.workforce",
    "kith.quality",
    "kith.front_door",
    "kith.assessments",
    "kith.plans",
    "kith.visits",
    "kith.child_in_need",
    "kith.child_protection",
    "kith.legal",
    "kith.registers",
    "kith.lado",
    "kith.inspection",
    "kith.children_in_care",
    "kith.care_planning",
    "kith.care_reviews",
    "kith.health",
    "kith.education",
    "kith.missing",
    "kith.youth_justice",
    "kith.uasc",
    "kith.adoption",
    "kith.fostering",
    "kith.care_leavers",
    "kith.returns",
    "kith.synthetic",
    "kith.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kith.platform.access.middleware.SessionLifetimeMiddleware",
    "kith.platform.access.middleware.RequireSignInMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "kith.platform.access.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kith.platform.ui.context_processors.service",
                "kith.people.context_processors.navigation",
            ],
        },
    },
]

if env.DATABASE_URL:
    from urllib.parse import unquote, urlsplit

    _url = urlsplit(env.DATABASE_URL)
    if _url.scheme not in {"postgres", "postgresql"}:
        raise ValueError("DATABASE_URL must be a postgres:// URL: Kith runs on PostgreSQL only.")
    DATABASES: dict[str, dict[str, Any]] = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(_url.path.lstrip("/")),
            "USER": unquote(_url.username or ""),
            "PASSWORD": unquote(_url.password or ""),
            "HOST": _url.hostname or "",
            "PORT": str(_url.port or ""),
        }
    }
    EMBEDDED_DATABASE = None
else:
    EMBEDDED_DATABASE = EmbeddedServer.under(VAR_DIR)
    DATABASES = {"default": dict(EMBEDDED_DATABASE.django_settings())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "access.User"

# --- authentication (OWASP ASVS V6) ------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "kith.platform.access.backends.StaffModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "access:sign_in"
LOGIN_REDIRECT_URL = "ui:home"
LOGOUT_REDIRECT_URL = "access:sign_in"

# Brute force: a temporary cool-off on username + address, never a permanent lock-out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "kith.platform.access.views.locked_out"
AXES_VERBOSE = False

# --- sessions (ASVS V7) ---------------------------------------------------------------------
KITH_SESSION_IDLE = timedelta(minutes=env.SESSION_IDLE_MINUTES)
KITH_SESSION_ABSOLUTE = timedelta(hours=env.SESSION_ABSOLUTE_HOURS)
KITH_SESSION_WARNING = timedelta(minutes=2)
SESSION_COOKIE_AGE = int(KITH_SESSION_ABSOLUTE.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.SECURE_COOKIES
CSRF_COOKIE_SECURE = env.SECURE_COOKIES
CSRF_COOKIE_HTTPONLY = True

# --- headers (CSP with no unsafe-inline or unsafe-eval) -------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# Behind HTTPS (wherever cookies are marked Secure), browsers are told to use nothing else.
SECURE_HSTS_SECONDS = 31_536_000 if env.SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.SECURE_COOKIES
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

# --- static files: GOV.UK Frontend and MOJ Frontend from npm, built by `make assets` ------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "assets" / "build"]
# The demo and development serve assets straight from assets/build, with no collectstatic step.
WHITENOISE_USE_FINDERS = DEBUG or KITH_DEMO
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- API --------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "kith.api.permissions.RequireVerifiedSession",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "kith.api.pagination.KithPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kith API",
    "DESCRIPTION": "Read access to children's and people's records, scoped exactly as the pages are.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# --- logging: no personal data in logs --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Mail: the nightly reminders (``kith remind``). Without a server, mail goes to the console.
if env.SMTP_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env.SMTP_HOST
    EMAIL_PORT = env.SMTP_PORT
    EMAIL_HOST_USER = env.SMTP_USER
    EMAIL_HOST_PASSWORD = env.SMTP_PASSWORD
    EMAIL_USE_TLS = True
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.MAIL_FROM
KITH_BASE_URL = env.BASE_URL
