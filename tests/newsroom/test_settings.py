"""Settings come from the environment and fail loudly when production is unsafe."""

import json
import os

import pytest

from newsroom.settings import database_from_url, env
from tests.support.processes import run_python

PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG, "
    "'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE}))"
)
GOOD_KEY = "k" * 20 + "-production-secret-0123456789"
SITE = "https://mmc.kotawaringinbaratkab.go.id"


def start(**environ):
    """Start Django in a fresh process with exactly these settings variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "REDIS_URL"}
        and not k.startswith("WARTA_")
    }
    clean.update(environ, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return run_python("-c", PRINT_SETTINGS, env=clean)


def test_production_without_secret_key_refuses_to_start():
    result = start(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "key", ["django-insecure-abcdefghijklmnopqrstuvwxyz0123", "short"]
)
def test_production_with_an_insecure_secret_key_refuses_to_start(key):
    result = start(DEBUG="false", SECRET_KEY=key)
    assert result.returncode != 0
    assert "SECRET_KEY is insecure" in result.stderr


def test_production_without_a_public_address_refuses_to_start():
    result = start(DEBUG="false", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "WARTA_SITE_URL is not set" in result.stderr


def test_defaults_are_sqlite_local_memory_indonesian_jakarta_and_debug_off():
    result = start(SECRET_KEY=GOOD_KEY, WARTA_SITE_URL=SITE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.sqlite3",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "debug": False,
        "lang": "id",
        "tz": "Asia/Jakarta",
    }


def test_database_and_redis_urls_switch_backends():
    result = start(
        SECRET_KEY=GOOD_KEY,
        WARTA_SITE_URL=SITE,
        DATABASE_URL="postgres://warta:pw@db.example:5433/berita",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    settings = json.loads(result.stdout)
    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["cache"] == "newsroom.cache.RedisCache"


def test_database_url_parts_are_read():
    db = database_from_url("postgres://warta:p%40ss@db.example:5433/berita")
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "warta",
        "p@ss",
        "db.example",
        5433,
        "berita",
    )
    assert database_from_url("sqlite:////tmp/warta.db")["NAME"] == "/tmp/warta.db"


def test_unknown_database_scheme_is_a_clear_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="not supported"):
        database_from_url("mysql://root@localhost/warta")


def test_env_reads_booleans_and_lists(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("WARTA_FLAG", "yes")
    monkeypatch.setenv("WARTA_HOSTS", "a.id, b.id,")
    assert env("WARTA_FLAG", cast=bool) is True
    assert env("WARTA_HOSTS", cast=list) == ["a.id", "b.id"]
    monkeypatch.setenv("WARTA_FLAG", "mungkin")
    with pytest.raises(ImproperlyConfigured, match="WARTA_FLAG"):
        env("WARTA_FLAG", cast=bool)


S3_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "s = settings.STORAGES['default']; "
    "print(json.dumps({'backend': s['BACKEND'], 'options': s.get('OPTIONS', {}), "
    "'media_url': settings.MEDIA_URL, "
    "'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
)


def test_a_bucket_in_the_environment_puts_media_in_it_at_its_public_address():
    result = run_python(
        "-c",
        S3_SETTINGS,
        env={
            **os.environ,
            "DEBUG": "true",
            "WARTA_S3_BUCKET": "warta-media",
            "WARTA_S3_ENDPOINT_URL": "https://s3.example.go.id/",
            "WARTA_S3_PUBLIC_URL": "https://media.example.go.id/foto",
        },
    )

    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["backend"] == "storages.backends.s3.S3Storage"
    assert loaded["options"]["bucket_name"] == "warta-media"
    assert loaded["options"]["endpoint_url"] == "https://s3.example.go.id"
    assert loaded["options"]["custom_domain"] == "media.example.go.id/foto"
    assert loaded["options"]["querystring_auth"] is False
    assert loaded["media_url"] == "https://media.example.go.id/foto/"
    assert "https://media.example.go.id" in loaded["img"]


def test_without_a_bucket_media_stay_on_disk():
    environ = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_S3")}
    result = run_python("-c", S3_SETTINGS, env={**environ, "DEBUG": "true"})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["backend"] == (
        "django.core.files.storage.FileSystemStorage"
    )
