"""Warta's settings, read from the environment.

Every value that differs between a laptop and a server comes from an
environment variable through ``env()``; the defaults are safe for development
(SQLite file in the project folder, local-memory cache, DEBUG off unless set).
With DEBUG off a missing or default ``SECRET_KEY`` stops start-up.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_SUPPORTED_ENGINES = {
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
}


def env(name, default=None, *, cast=str):
    """Return environment variable ``name`` converted by ``cast``.

    ``cast=bool`` understands 1/0, true/false, yes/no, on/off; ``cast=list``
    splits on commas. A value that cannot be read raises ImproperlyConfigured
    naming the variable, rather than starting with a wrong setting.
    """
    raw = os.environ.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if cast is bool:
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    if cast is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    try:
        return cast(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value {raw!r}.") from exc


def database_from_url(url):
    """Django's database settings for ``DATABASE_URL`` (dj-database-url).

    PostgreSQL (production) and SQLite (the embedded default) are supported;
    any other engine stops start-up with a message naming the variable.
    """
    try:
        config = dj_database_url.parse(
            url,
            conn_max_age=env("DB_CONN_MAX_AGE", 60, cast=int),
            conn_health_checks=True,
            test_options={"NAME": env("TEST_DATABASE_NAME", None)},
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {exc}") from exc
    if config["ENGINE"] not in _SUPPORTED_ENGINES:
        raise ImproperlyConfigured(
            f"DATABASE_URL engine {config['ENGINE']!r} is not supported; "
            "use postgres:// or sqlite:///."
        )
    if config["ENGINE"].endswith("sqlite3"):
        # One file, one process: persistent connections buy nothing.
        config["CONN_MAX_AGE"] = 0
        config.pop("TEST", None)
    return config


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
    "taggit",
    "django_ckeditor_5",
    "newsroom",
    "portal",
    "articles",
    "media_library",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte or an impossible admin date in the address: 400 at once.
    "newsroom.middleware.UnreadableRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After sessions and auth, before messages: serves anonymous readers' pages
    # from the cache without touching the session (see portal/caching.py).
    "portal.caching.PublicPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
    {
        # Plain-text mail bodies: nothing there is HTML, so nothing is
        # HTML-escaped. Used only by name (``using="text"``).
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates" / "text"],
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
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

# Uploads: Django keeps requests under this size in memory; larger ones are
# spooled to a temporary file. The photo library applies its own caps.
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

PHOTO_MAX_UPLOAD_BYTES = env("PHOTO_MAX_UPLOAD_BYTES", 15 * 1024 * 1024, cast=int)
PHOTO_MAX_PIXELS = env("PHOTO_MAX_PIXELS", 40_000_000, cast=int)

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
# Lifetime of a cached public page (and of a CDN's copy); publishing, editing
# and unpublishing invalidate at once, and a scheduled story's time shortens
# it (portal/caching.py).
WARTA_PAGE_CACHE_SECONDS = env("WARTA_PAGE_CACHE_SECONDS", 300, cast=int)
# Behind a reverse proxy: take the reader's address for read counting from the
# last X-Forwarded-For entry, the one the proxy added (portal/popularity.py).
WARTA_TRUST_X_FORWARDED_FOR = env("WARTA_TRUST_X_FORWARDED_FOR", False, cast=bool)

if not DEBUG:
    SESSION_COOKIE_SECURE = env("SESSION_COOKIE_SECURE", True, cast=bool)
    CSRF_COOKIE_SECURE = env("CSRF_COOKIE_SECURE", True, cast=bool)
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
    SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https")
        if env("BEHIND_TLS_PROXY", False, cast=bool)
        else None
    )
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# django-taggit: tags are case-insensitive ("Pilkada" and "pilkada" are one).
TAGGIT_CASE_INSENSITIVE = True

CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp"]
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "id",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {
                    "model": "paragraph",
                    "title": "Paragraf",
                    "class": "ck-heading_paragraph",
                },
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Subjudul",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Subjudul kecil",
                    "class": "ck-heading_heading3",
                },
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:alignLeft",
                "imageStyle:alignCenter",
                "imageStyle:alignRight",
            ],
            "styles": ["alignLeft", "alignCenter", "alignRight"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    },
}
TAGGIT_TAGS_FROM_STRING = "articles.tagging.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tagging.edit_string_for_tags"
