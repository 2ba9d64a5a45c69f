"""Warta's settings, read from the environment.

Every value that differs between a laptop and a server comes from an
environment variable through ``env()``; the defaults are safe for development
(SQLite file in the project folder, local-memory cache, DEBUG off unless set).
With DEBUG off a missing or default ``SECRET_KEY`` stops start-up.
"""

import datetime
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from newsroom.editor import editor_config
from newsroom.environment import database_from_url, env, s3_media_storage
from newsroom.requestlog import logging_settings
from newsroom.templating import inline_style_hashes, template_engines

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env("DEBUG", False, cast=bool)

_INSECURE_KEY = "django-insecure-warta-development-only"
SECRET_KEY = env("SECRET_KEY", "") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY in the environment "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true for development."
        )
    SECRET_KEY = _INSECURE_KEY
elif not DEBUG and (SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY is insecure (a development key or shorter than 32 characters). "
        "Set a long random SECRET_KEY for production."
    )

ALLOWED_HOSTS = env(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [], cast=list
)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [], cast=list)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "taggit",
    "django_ckeditor_5",
    "django_tasks",
    "newsroom.apps.TaskQueueConfig",  # django_tasks_db
    "django_htmx",
    "newsroom",
    "portal",
    "articles",
    "media_library",
]

MIDDLEWARE = [
    # First, so the request id and log line cover every answer (requestlog.py).
    "newsroom.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte or an impossible admin date in the address: 400 at once.
    "newsroom.middleware.UnreadableRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous readers' pages from the cache before any middleware
    # that only a rendered page needs (CSP, sessions, locale, CSRF, users,
    # 2FA): a hit is one cache round trip. It checks a session cookie itself
    # (see portal/caching.py). Pages it stores have been through them all,
    # and keep the headers they added: a hit replays the page's
    # Content-Security-Policy rather than building it again (the policy has
    # hashes, no per-request nonce).
    "portal.caching.PublicPageCacheMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # A password-only session of someone who needs a second factor reaches
    # only the step that asks for it (newsroom/twofactor.py).
    "newsroom.twofactor.SecondFactorMiddleware",
    # Before anything reads the body (the CSRF check reads POST data), and
    # once the user is known: only a fully signed-in user may send a photo.
    "newsroom.security.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.htmx: the story desk's fragments (articles/admin/desk.py).
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its page.
    "axes.middleware.AxesMiddleware",
]

# make bench only: server time and query count in each response's headers,
# and the framework's ceiling page (newsroom/benchmark.py). Never in production.
WARTA_BENCH = env("WARTA_BENCH", False, cast=bool)
if WARTA_BENCH:
    MIDDLEWARE.insert(0, "newsroom.benchmark.ServerTimingMiddleware")

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = template_engines(BASE_DIR)

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The story page's statements (compiled once, portal/relations.py) are
# prepared on PostgreSQL: planned once per connection, not on every page.
# Behind PgBouncer in transaction mode older than 1.21 (or with
# max_prepared_statements = 0), set WARTA_DB_PREPARED=false.
WARTA_DB_PREPARED = env("WARTA_DB_PREPARED", True, cast=bool)

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "warta"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "warta",
        }
    }

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before the password
    # is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
# Source strings are written in Indonesian and wrapped in gettext, so another
# language can be added later under locale/ without touching the code.
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as the public site writes them, in the admin too (newsroom/formats/).
FORMAT_MODULE_PATH = ["newsroom.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Background tasks (django-tasks): photo renditions are made off the upload
# request by `manage.py db_worker`. Tests run tasks at once (pyproject.toml).
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}
}

# Media shared by app servers: an S3-compatible bucket (django-storages).
if env("WARTA_S3_BUCKET", ""):
    STORAGES["default"], MEDIA_URL = s3_media_storage(env("WARTA_S3_BUCKET"))

PHOTO_MAX_UPLOAD_BYTES = env("PHOTO_MAX_UPLOAD_BYTES", 15 * 1024 * 1024, cast=int)
PHOTO_MAX_PIXELS = env("PHOTO_MAX_PIXELS", 40_000_000, cast=int)

# Readers' right-of-reply attachments: kept outside MEDIA_ROOT (never served
# by the web server), downloaded by editors through the admin only.
WARTA_PRIVATE_MEDIA_ROOT = Path(
    env("WARTA_PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private"))
)
WARTA_REPLY_ATTACHMENT_MAX_BYTES = env(
    "WARTA_REPLY_ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024, cast=int
)

# Request size caps, checked on Content-Length before the body is read
# (newsroom/security.py): a signed-in user may send a photo at its cap plus
# the form around it; anyone else only a login form or a read beacon. nginx's
# client_max_body_size is set to the same (docs/deployment.md).
WARTA_MAX_REQUEST_BYTES = env(
    "WARTA_MAX_REQUEST_BYTES", PHOTO_MAX_UPLOAD_BYTES + 1024 * 1024, cast=int
)
WARTA_MAX_ANONYMOUS_REQUEST_BYTES = env(
    "WARTA_MAX_ANONYMOUS_REQUEST_BYTES", 64 * 1024, cast=int
)
# The one anonymous form that carries a file: the right-of-reply request.
WARTA_MAX_REPLY_REQUEST_BYTES = WARTA_REPLY_ATTACHMENT_MAX_BYTES + 64 * 1024
# Form fields other than files (a story's text, its photo rows); files over
# FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to a temporary file, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env("EMAIL_PORT", 25, cast=int)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", False, cast=bool)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Warta <warta@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WARTA_SITE_NAME = env("WARTA_SITE_NAME", "MMC Kotawaringin Barat")
# The public address, for canonical links, feeds, sitemaps and mail. In
# production it must be set: links to 127.0.0.1 in shared stories and
# sitemaps would send readers and search engines nowhere.
WARTA_SITE_URL = (env("WARTA_SITE_URL", "") or "").rstrip("/")
if not WARTA_SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "WARTA_SITE_URL is not set. Set the public address of the portal, "
            "e.g. WARTA_SITE_URL=https://mmc.kotawaringinbaratkab.go.id"
        )
    WARTA_SITE_URL = "http://127.0.0.1:8000"
WARTA_CONTACT = env(
    "WARTA_CONTACT",
    "Media Center Kabupaten Kotawaringin Barat, Jl. Sutan Syahrir No. 2, Pangkalan Bun",
)
WARTA_PHONE = env("WARTA_PHONE", "")
WARTA_EMAIL = env("WARTA_EMAIL", "")
# Lifetime of a cached public page (and of a CDN's copy). Publishing,
# unpublishing, corrections, takedowns and deletions make every cached page
# unreachable once they commit, and a scheduled story's time shortens it. An
# edit of a story that stays published refreshes its own page at once and the
# other pages within WARTA_PAGE_CACHE_STALE_SECONDS, which is also how long an
# expired page is still served while one request rebuilds it
# (portal/caching.py, portal/invalidation.py).
WARTA_PAGE_CACHE_SECONDS = env("WARTA_PAGE_CACHE_SECONDS", 300, cast=int)
WARTA_PAGE_CACHE_STALE_SECONDS = env("WARTA_PAGE_CACHE_STALE_SECONDS", 30, cast=int)
# The media center's own link-guard patterns, added to
# articles/data/link_guard.toml (see docs/configuration.md).
WARTA_LINK_GUARD_FILE = env("WARTA_LINK_GUARD_FILE", "")

# Login throttling (django-axes): after WARTA_LOGIN_FAILURE_LIMIT wrong
# passwords for one username from one address, that pair is locked out for
# WARTA_LOGIN_COOLOFF_MINUTES, the right password included. An administrator
# unlocks it sooner by deleting the attempt under "Axes" in the admin.
BEHIND_TLS_PROXY = env("BEHIND_TLS_PROXY", False, cast=bool)
AXES_FAILURE_LIMIT = env("WARTA_LOGIN_FAILURE_LIMIT", 5, cast=int)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=env("WARTA_LOGIN_COOLOFF_MINUTES", 30, cast=int)
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
AXES_LOCKOUT_CALLABLE = "newsroom.security.login_locked_out"
AXES_VERBOSE = False

# Two-factor login (django-otp, newsroom/twofactor.py): required for editors
# and superusers unless turned off; on by default with DEBUG off.
WARTA_REQUIRE_2FA = env("WARTA_REQUIRE_2FA", not DEBUG, cast=bool)
OTP_TOTP_ISSUER = WARTA_SITE_NAME

if not DEBUG:
    SESSION_COOKIE_SECURE = env("SESSION_COOKIE_SECURE", True, cast=bool)
    CSRF_COOKIE_SECURE = env("CSRF_COOKIE_SECURE", True, cast=bool)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
    SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
    )
    # TLS: redirect plain HTTP, and tell browsers to use only HTTPS for a
    # year (HSTS). Both from the environment; on unless turned off.
    SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True, cast=bool)
    SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 365 * 24 * 3600, cast=int)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", True, cast=bool
    )
    SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", False, cast=bool)
# No page of Warta is meant to be shown inside another site's frame.
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp, newsroom/security.py). Public pages:
# only this site's own scripts, styles, images and fonts; no inline script or
# style, no plugins, no frames. Photos under an absolute MEDIA_URL (a CDN) are
# allowed from its origin.
_MEDIA_ORIGIN = (
    "/".join(MEDIA_URL.split("/")[:3]) if MEDIA_URL.startswith("http") else None
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": [
            "'self'",
            *inline_style_hashes(BASE_DIR, "500.html", "portal/preview_error.html"),
        ],
        "img-src": ["'self'", *filter(None, [_MEDIA_ORIGIN])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Under /admin/ (and the editor's upload endpoint) these replace the public
# directives: CKEditor 5 and the admin's own templates set styles inline, and
# the editor shows images it reads from the clipboard or a file as data:/blob:
# addresses. Scripts stay the site's own there too.
CONTENT_SECURITY_POLICY_ADMIN = {
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "data:", "blob:"],
}

# Logs: stdout, one line per event with the request id (newsroom/requestlog.py).
WARTA_SLOW_REQUEST_MS = env("WARTA_SLOW_REQUEST_MS", 1000, cast=int)
_LOG_LEVELS = env("LOG_LEVEL", "WARNING"), env("WARTA_REQUEST_LOG_LEVEL", "INFO")
LOGGING = logging_settings(*_LOG_LEVELS)

# django-taggit: tags are case-insensitive ("Pilkada" and "pilkada" are one).
TAGGIT_CASE_INSENSITIVE = True

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp"]
# The toolbar, headings and image styles: newsroom/editor.py.
CKEDITOR_5_CONFIGS = {"default": editor_config()}
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.edit_string_for_tags"
