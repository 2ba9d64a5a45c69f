"""Media on an S3-compatible bucket (WARTA_S3_BUCKET, django-storages), tested
against a real S3 server in another process: ``.ci/run`` starts moto's server
and sets WARTA_TEST_S3_ENDPOINT. Without it these tests fail in CI and are
skipped on a laptop, saying how to run them."""

import hashlib
import os
import tarfile
import urllib.request
import uuid

import boto3
import pytest
from django.core.management import call_command
from django.urls import reverse

from media_library.models import Photo, Rendition
from media_library.services import photo_create
from newsroom.environment import s3_media_storage
from tests.newsroom.test_backups import (
    restore_in_a_fresh_process,
    stories_in_every_state,
)
from tests.support.newsroom import Newsroom
from tests.support.photos import UserFactory, jpeg_upload, upload

pytestmark = [pytest.mark.s3, pytest.mark.django_db(transaction=True)]

ENDPOINT = os.environ.get("WARTA_TEST_S3_ENDPOINT", "")
KEYS = {"AWS_ACCESS_KEY_ID": "warta-test", "AWS_SECRET_ACCESS_KEY": "warta-test"}


def s3_client():
    return boto3.client(
        "s3",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    )


def bucket_keys(bucket):
    pages = s3_client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


def new_bucket():
    name = f"warta-test-{uuid.uuid4().hex[:12]}"
    s3_client().create_bucket(Bucket=name)
    return name


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        return response.read(), response.headers


@pytest.fixture
def bucket(settings, monkeypatch):
    """A new empty bucket on the S3 server, set as Warta's media storage the
    way the settings set it from the environment."""
    if not ENDPOINT:
        message = (
            "WARTA_TEST_S3_ENDPOINT is not set: start an S3 server "
            "(.venv/bin/moto_server -p 8451) and set it to its address."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("WARTA_S3_ENDPOINT_URL", ENDPOINT)
    # Readers fetch photos without keys: each object is public-read.
    monkeypatch.setenv("WARTA_S3_ACL", "public-read")
    name = new_bucket()
    storage, media_url = s3_media_storage(name)
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    settings.MEDIA_URL = media_url
    return name


def test_an_upload_and_its_renditions_are_stored_in_the_bucket(bucket):
    photo = photo_create(file=jpeg_upload(1300, 900), title="Rapat")

    names = {photo.file.name, *(r.file.name for r in photo.renditions.all())}
    assert photo.renditions.count() == 4 * 2  # 320 to 1200, in WebP and JPEG
    assert sorted(names) == bucket_keys(bucket)


def test_a_rendition_is_served_from_its_url_with_a_long_lifetime(bucket):
    photo = photo_create(file=jpeg_upload(700, 500))
    rendition = photo.rendition(640, "jpeg")

    body, headers = fetch(rendition.file.url)

    assert rendition.file.url.startswith(f"{ENDPOINT}/{bucket}/renditions/")
    assert body[:3] == b"\xff\xd8\xff"
    assert body == s3_client().get_object(Bucket=bucket, Key=rendition.file.name)[
        "Body"
    ].read()
    assert "immutable" in headers["Cache-Control"]


def test_a_refused_upload_leaves_nothing_in_the_bucket(bucket):
    with pytest.raises(Exception, match="bukan foto JPEG, PNG, atau WebP"):
        photo_create(file=upload(b"%PDF-1.4 bukan foto", name="surat.jpg"))

    assert bucket_keys(bucket) == []
    assert not Photo.objects.exists()


def test_the_editors_image_upload_answers_with_a_url_in_the_bucket(bucket, client):
    # A superuser: a transactional test elsewhere may have flushed the
    # permission rows a role would be granted from.
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("ck_editor_5_upload_file"), {"upload": jpeg_upload(1400, 900)}
    )

    assert response.status_code == 200
    url = response.json()["url"]
    rendition = Rendition.objects.get(width=1200, format="jpeg")
    assert url == f"{ENDPOINT}/{bucket}/{rendition.file.name}"
    assert fetch(url)[0][:3] == b"\xff\xd8\xff"


def test_health_check_writes_reads_and_deletes_in_the_bucket(bucket, client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["media"]["ok"] is True
    assert bucket_keys(bucket) == []


def test_health_check_answers_503_when_the_bucket_is_gone(bucket, client):
    s3_client().delete_bucket(Bucket=bucket)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["media"]["ok"] is False


def test_backup_holds_the_buckets_files_and_restore_puts_them_in_a_new_one(
    bucket, tmp_path, empty_target, settings, monkeypatch
):
    stories_in_every_state(Newsroom())
    settings.WARTA_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    originals = {
        key: hashlib.sha256(
            s3_client().get_object(Bucket=bucket, Key=key)["Body"].read()
        ).hexdigest()
        for key in bucket_keys(bucket)
    }
    assert len(originals) == Rendition.objects.count() + Photo.objects.count()
    archive = tmp_path / "cadangan.tar.gz"

    call_command("backup", output=str(archive))
    with tarfile.open(archive) as opened:
        in_archive = {
            name.removeprefix("media/") for name in opened.getnames()
        } & set(originals)
    target = new_bucket()
    database_url, _restored, _original = empty_target
    monkeypatch.setenv("WARTA_S3_BUCKET", target)
    result = restore_in_a_fresh_process(
        archive, database_url, tmp_path / "unused-media", tmp_path / "p2"
    )

    assert in_archive == set(originals)
    assert result.returncode == 0, result.stderr
    restored = {
        key: hashlib.sha256(
            s3_client().get_object(Bucket=target, Key=key)["Body"].read()
        ).hexdigest()
        for key in bucket_keys(target)
    }
    assert restored == originals
