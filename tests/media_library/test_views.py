import os

import pytest
from django.test import Client
from django.urls import resolve, reverse

from media_library.models import Photo
from media_library.views import editor_upload
from tests.support.photos import UserFactory, image_bytes, jpeg_upload, upload

pytestmark = pytest.mark.django_db

URL = reverse("ck_editor_5_upload_file")


def post(client, file):
    return client.post(URL, {"upload": file})


@pytest.fixture
def editor():
    return UserFactory(is_staff=True, permissions=["media_library.add_photo"])


def test_the_widget_url_reaches_our_view_not_the_admin():
    assert resolve(URL).func is editor_upload


def test_anonymous_user_gets_json_403(client):
    response = post(client, jpeg_upload())

    assert response.status_code == 403
    assert response.json() == {
        "error": {"message": "Sesi Anda telah berakhir. Silakan masuk lagi."}
    }
    assert not Photo.objects.exists()


def test_non_staff_user_is_refused(client):
    client.force_login(UserFactory(permissions=["media_library.add_photo"]))

    response = post(client, jpeg_upload())

    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Anda tidak berhak mengunggah foto."
    assert not Photo.objects.exists()


def test_staff_without_add_photo_permission_is_refused(client):
    client.force_login(UserFactory(is_staff=True))

    response = post(client, jpeg_upload())

    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_inactive_editor_is_refused(client, editor):
    client.force_login(editor)
    editor.is_active = False
    editor.save()

    response = post(client, jpeg_upload())

    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_allowed_editor_gets_url_of_a_stored_rendition(
    client, editor, settings, django_capture_on_commit_callbacks
):
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=False) as commit:
        response = post(
            client, jpeg_upload(1500, 1000, name="Apel_Pagi-Kesbangpol.jpg")
        )

    assert response.status_code == 200
    photo = Photo.objects.get()
    # The story's text keeps this address: that one size is made at once,
    # the others by the worker after the upload commits.
    assert [(r.width, r.format) for r in photo.renditions.all()] == [(1200, "jpeg")]
    for callback in commit:
        callback()
    assert photo.renditions.count() == 8
    assert photo.uploaded_by == editor
    assert photo.title == "Apel Pagi Kesbangpol"
    url = response.json()["url"]
    assert url == photo.rendition(1200, "jpeg").file.url
    assert url.startswith(settings.MEDIA_URL)
    path = os.path.join(settings.MEDIA_ROOT, url.removeprefix(settings.MEDIA_URL))
    assert os.path.isfile(path)


def test_small_image_gets_its_largest_rendition(client, editor):
    client.force_login(editor)

    response = post(client, jpeg_upload(500, 400))

    assert response.json()["url"] == Photo.objects.get().rendition(500).file.url


def test_rejected_upload_gets_400_with_message_and_stores_nothing(
    client, editor, stored_files
):
    client.force_login(editor)

    response = post(client, upload(image_bytes(40, 30, "GIF", mode="P"), "a.gif"))

    assert response.status_code == 400
    assert "GIF tidak diterima" in response.json()["error"]["message"]
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_missing_file_gets_400(client, editor):
    client.force_login(editor)

    response = client.post(URL, {})

    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Tidak ada berkas foto yang diunggah."


def test_get_is_not_allowed(client, editor):
    client.force_login(editor)

    assert client.get(URL).status_code == 405


def test_csrf_token_is_required(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = post(client, jpeg_upload())

    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_csrf_token_in_header_is_accepted(editor):
    # As django-ckeditor-5's app.js sends it: X-CSRFToken from the cookie.
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get(reverse("admin:index"))
    token = client.cookies["csrftoken"].value

    response = client.post(
        URL, {"upload": jpeg_upload()}, headers={"X-CSRFToken": token}
    )

    assert response.status_code == 200
    assert Photo.objects.count() == 1
