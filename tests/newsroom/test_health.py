"""``/healthz`` (newsroom/health.py): 200 only when every part answers."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

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


def test_it_tells_how_long_the_oldest_task_has_waited_for_the_worker(
    client, settings
):
    from django_tasks_db.models import DBTaskResult

    from media_library.tasks import photo_renditions_make

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/healthz").json()["queue"] == {
        "ok": True,
        "waiting": 0,
        "oldest_seconds": 0,
    }
    photo_renditions_make.enqueue(1)
    photo_renditions_make.enqueue(2)

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/healthz")

    assert response.status_code == 200  # a late worker is not an unhealthy server
    assert response.json()["queue"]["waiting"] == 2
    assert 299 <= response.json()["queue"]["oldest_seconds"] <= 330
