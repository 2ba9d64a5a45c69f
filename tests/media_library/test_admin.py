import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from media_library.models import Photo
from tests.support.photos import (
    PhotoFactory,
    UserFactory,
    committed,
    image_bytes,
    jpeg_upload,
    upload,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/media_library/photo/add/"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def form_data(file, **extra):
    return {
        "file": file,
        "title": "Apel pagi",
        "caption": "Pj. Bupati Kobar (tengah) memimpin apel pagi.",
        "alt_text": "Barisan pegawai apel di halaman kantor",
        "credit": "Foto: Humas Kesbangpol",
        "taken_on": "2024-05-02",
        "place": "Halaman Kantor Bupati",
        **extra,
    }


def inline_data(response):
    """Every inline's fields as the browser posts them back unchanged.

    Other apps may add inlines to the photo page (articles adds the people in
    the photo), so all of them are included, not only the renditions.
    """
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for form in [formset.management_form, *formset.forms]:
            for field in form:
                value = field.value()
                if value is not None and value is not False:
                    data[field.html_name] = value
    return data


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            upload(b"bukan foto", "foto.jpg"),
            "Berkas ini bukan foto JPEG, PNG, atau WebP.",
        ),
        (upload(image_bytes(40, 30, "GIF", mode="P"), "a.gif"), "GIF tidak diterima"),
    ],
    ids=["text", "gif"],
)
def test_bad_upload_shows_indonesian_error_and_stores_nothing(
    admin_client, stored_files, file, message
):
    response = admin_client.post(ADD_URL, form_data(file))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["adminform"].form.errors["file"]
    assert not Photo.objects.exists()
    assert stored_files() == []


def test_add_page_offers_photo_upload(admin_client):
    response = admin_client.get(ADD_URL)

    assert response.status_code == 200
    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()


def test_upload_through_admin_stores_photo_for_the_user(admin_client):
    with committed():
        response = admin_client.post(ADD_URL, form_data(jpeg_upload(1000, 800)))

    photo = Photo.objects.get()
    assert response.status_code == 302
    assert photo.uploaded_by.is_superuser
    assert photo.credit == "Foto: Humas Kesbangpol"
    assert str(photo.taken_on) == "2024-05-02"
    assert photo.renditions.count() == 6
    assert LogEntry.objects.filter(object_id=str(photo.pk)).count() == 1


def test_duplicate_upload_links_to_the_existing_photo(admin_client):
    data = image_bytes(700, 500, "JPEG")
    admin_client.post(ADD_URL, form_data(upload(data)))
    first = Photo.objects.get()

    response = admin_client.post(
        ADD_URL, form_data(upload(data, "lagi.jpg"), title="Kedua"), follow=True
    )

    change_url = reverse("admin:media_library_photo_change", args=[first.pk])
    assert response.redirect_chain[-1][0] == change_url
    assert Photo.objects.count() == 1
    assert Photo.objects.get().title == "Apel pagi"
    text = response.content.decode()
    assert "Foto yang sama sudah ada di pustaka" in text
    assert f'href="{change_url}"' in text
    assert LogEntry.objects.filter(object_id=str(first.pk)).count() == 1


def test_changelist_shows_thumbnails_and_searches_captions(admin_client):
    PhotoFactory(caption="Kapolres Kobar (kiri) menyerahkan bantuan.")
    PhotoFactory(caption="Rapat paripurna DPRD.")

    response = admin_client.get(
        reverse("admin:media_library_photo_changelist"), {"q": "Kapolres"}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Kapolres Kobar (kiri)" in text
    assert "Rapat paripurna" not in text
    assert '<img src="/media/renditions/' in text


def test_change_page_shows_renditions_and_keeps_the_file(admin_client):
    photo = PhotoFactory(title="<script>alert(1)</script>", alt_text='"><b>x')
    url = reverse("admin:media_library_photo_change", args=[photo.pk])

    response = admin_client.get(url)

    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("/media/renditions/") >= 4
    assert "<script>alert(1)</script>" not in text
    assert '"><b>x' not in text

    response = admin_client.post(
        url, {**inline_data(response), "title": "Judul baru", "caption": "Baru"}
    )
    photo.refresh_from_db()
    assert response.status_code == 302
    assert photo.title == "Judul baru"


def test_duplicate_upload_message_names_the_stored_photo_not_the_typed_title(
    admin_client,
):
    data = image_bytes(700, 500, "JPEG")
    PhotoFactory(file=upload(data), title="Apel pagi di halaman kantor")

    response = admin_client.post(
        ADD_URL, form_data(upload(data, "lagi.jpg"), title="Judul lain"), follow=True
    )

    text = response.content.decode()
    assert "Apel pagi di halaman kantor</a>" in text
    assert "Judul lain" not in text
