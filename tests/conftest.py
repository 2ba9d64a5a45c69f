"""Fixtures for every test; shared helpers are in tests/support/."""

import os

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page cached by another test
    (whose rows were rolled back without a signal) is served to it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Password hashing at test speed; real hashers are Django's defaults."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def stored_files(_media_root):
    """A function listing every file under MEDIA_ROOT (relative paths)."""

    def walk():
        found = []
        for folder, _dirs, files in os.walk(_media_root):
            for name in files:
                path = os.path.join(folder, name)
                found.append(os.path.relpath(path, _media_root))
        return sorted(found)

    return walk


@pytest.fixture
def newsroom():
    """Two agencies with a contributor each, an editor and an administrator."""
    from tests.support.newsroom import Newsroom

    return Newsroom()
