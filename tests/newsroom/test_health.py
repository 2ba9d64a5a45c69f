"""``/healthz`` (newsroom/health.py): 200 only when every part answers."""

from unittest import mock

import pytest
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_healthy_server_answers_200_with_each_part_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert {name: part["ok"] for name, part in response.json().items()} == {
        "database": True,
        "cache": True,
        "media": True,
    }
    assert "no-store" in response["Cache-Control"]


def test_media_storage_that_cannot_write_makes_it_503(client):
    with mock.patch.object(default_storage, "save", side_effect=PermissionError):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["media"] == {
        "ok": False,
        "error": "PermissionError",
        "ms": response.json()["media"]["ms"],
    }
    assert response.json()["database"]["ok"]


def test_a_cache_that_loses_values_makes_it_503(client):
    with mock.patch("newsroom.health.cache") as broken:
        broken.get.return_value = None
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"]["ok"] is False


def test_the_probe_file_does_not_stay_in_the_media_folder(client, stored_files):
    client.get("/healthz")

    assert stored_files() == []
