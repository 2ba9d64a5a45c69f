"""Reading settings from the environment: ``env()``, ``database_from_url()``
and ``s3_media_storage()``.

Used by ``newsroom/settings.py`` only; kept apart so the settings module
reads as the list of settings it is.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

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
    if config["ENGINE"].endswith("postgresql"):
        # JIT compilation pays off for long analytic queries, never for a
        # page's short ones: it added ~50 ms to a story page at 100,000
        # stories. Off for Warta's connections unless the URL's own
        # ``?options=`` sets it.
        options = config.setdefault("OPTIONS", {})
        given = options.get("options", "")
        if "jit" not in given:
            options["options"] = f"{given} -c jit=off".strip()
    if config["ENGINE"].endswith("sqlite3"):
        # One file, one process: persistent connections buy nothing.
        config["CONN_MAX_AGE"] = 0
        config.pop("TEST", None)
    return config


def s3_media_storage(bucket):
    """The ``STORAGES["default"]`` entry and ``MEDIA_URL`` for media in an
    S3-compatible bucket (django-storages' S3Storage).

    Readers fetch photos at ``WARTA_S3_PUBLIC_URL`` (a CDN, or nginx in front
    of the bucket) when it is set, else at the bucket's own address. The keys
    are ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY``, read by boto3.
    """
    endpoint = (env("WARTA_S3_ENDPOINT_URL", "") or "").rstrip("/") or None
    public = (env("WARTA_S3_PUBLIC_URL", "") or "").rstrip("/")
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": env("WARTA_S3_REGION", "") or None,
        # Path-style addresses (endpoint/bucket/key) work with every
        # S3-compatible server (MinIO, Ceph, a data center's own).
        "addressing_style": env("WARTA_S3_ADDRESSING_STYLE", "path"),
        # Photos are public and their names random: plain, cacheable URLs.
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": env("WARTA_S3_ACL", "") or None,
        "object_parameters": {"CacheControl": "public, max-age=2592000, immutable"},
    }
    if public:
        scheme, _, rest = public.partition("://")
        if not rest:
            raise ImproperlyConfigured(
                f"WARTA_S3_PUBLIC_URL must be an address like "
                f"https://cdn.example.go.id/media, not {public!r}."
            )
        options |= {"custom_domain": rest, "url_protocol": f"{scheme}:"}
        media_url = f"{public}/"
    elif endpoint:
        media_url = f"{endpoint}/{bucket}/"
    else:
        media_url = f"https://{bucket}.s3.amazonaws.com/"
    backend = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return backend, media_url
