"""Reading settings from the environment: ``env()`` and ``database_from_url()``.

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
