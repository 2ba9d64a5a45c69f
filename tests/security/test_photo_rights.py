"""A library photo changes only for whom ``rights.can_change_photo`` allows, on
every route; a contributor sees (and attaches) only their own agency's photos
and photos already public in a visible story (``rights.photos_for``)."""

import pytest
from django.urls import reverse

from articles.models import ArticlePhoto, PhotoSubject
from articles.revisions import revision_record, revision_restore
from articles.workflow import article_publish
from media_library.models import Photo
from tests.support.admin_forms import change_url, form_data
from tests.support.factories import ArticleFactory, OfficialFactory
from tests.support.newsroom import ready_story
from tests.support.photos import PhotoFactory, image_bytes, jpeg_upload, upload

pytestmark = pytest.mark.django_db

THEIRS = "Petugas kesehatan memeriksa balita di posyandu."
PHOTO_ADD = "/admin/media_library/photo/add/"


@pytest.fixture
def their_photo(newsroom):
    """An unpublished photo agency B uploaded, and the bytes it was stored from."""
    data = image_bytes(640, 480, "JPEG", seq=21)
    photo = PhotoFactory(
        file=upload(data),
        uploaded_by=newsroom.contributor_b,
        title="Posyandu rahasia",
        alt_text=THEIRS,
    )
    return photo, data


@pytest.fixture
def public_photo(newsroom):
    """Agency B's photo, shown in a story readers can see."""
    photo = PhotoFactory(uploaded_by=newsroom.contributor_b, title="Posyandu terbit")
    ready_story(photo=photo, contributing_agency=newsroom.agency_b, published=True)
    return photo


@pytest.fixture
def own_photo(newsroom):
    """A photo a colleague at agency A uploaded (not the contributor in the tests)."""
    from tests.support.newsroom import contributor

    colleague = contributor(newsroom.agency_a, "humas.a2")
    return PhotoFactory(uploaded_by=colleague, title="Apel kesbangpol")


@pytest.fixture
def draft(newsroom):
    return ArticleFactory(
        contributing_agency=newsroom.agency_a, author=newsroom.contributor_a
    )


def photo_change_url(photo):
    return reverse("admin:media_library_photo_change", args=[photo.pk])


def photo_add_post(data, **extra):
    return {
        "file": upload(data, "salinan.jpg"),
        "title": "Judul palsu",
        "caption": "Keterangan palsu",
        "alt_text": "palsu",
        "credit": "",
        "place": "",
        "subjects-TOTAL_FORMS": "0",
        "subjects-INITIAL_FORMS": "0",
        "subjects-MIN_NUM_FORMS": "0",
        "subjects-MAX_NUM_FORMS": "1000",
        "renditions-TOTAL_FORMS": "0",
        "renditions-INITIAL_FORMS": "0",
        "renditions-MIN_NUM_FORMS": "0",
        "renditions-MAX_NUM_FORMS": "1000",
        **extra,
    }


def row_post(client, article, **row):
    fields = {"role": "gallery", "order": "1", "caption": "", "alt_text": "", **row}
    return form_data(
        client,
        article,
        **{"photos-TOTAL_FORMS": "1"},
        **{f"photos-0-{name}": value for name, value in fields.items()},
    )


def autocomplete(client, model_name, field_name, term=""):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": term,
            "app_label": "articles",
            "model_name": model_name,
            "field_name": field_name,
        },
    )
    assert response.status_code == 200
    return {int(r["id"]) for r in response.json()["results"]}


def assert_untouched(photo):
    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    assert photo.title == "Posyandu rahasia"
    assert not photo.subjects.exists()


# --- defect 1: every route that changes a library photo ----------------------


def test_photo_change_form_post_by_another_agencys_contributor_changes_nothing(
    client, newsroom, their_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        photo_change_url(photo),
        {"title": "Diubah", "caption": "x", "alt_text": "palsu"},
    )

    assert response.status_code in (403, 404)
    assert_untouched(photo)


def test_people_inline_post_on_a_public_photo_of_another_agency_is_refused(
    client, newsroom, public_photo
):
    client.force_login(newsroom.contributor_a)
    official = OfficialFactory()

    response = client.post(
        photo_change_url(public_photo),
        {
            "title": public_photo.title,
            "alt_text": "palsu",
            "subjects-TOTAL_FORMS": "1",
            "subjects-INITIAL_FORMS": "0",
            "subjects-0-official": official.pk,
            "subjects-0-place": "tengah",
            "subjects-0-order": "0",
        },
    )

    assert response.status_code == 403
    public_photo.refresh_from_db()
    assert public_photo.alt_text != "palsu"
    assert not PhotoSubject.objects.exists()


def test_photo_add_form_with_another_agencys_bytes_adds_no_people_to_it(
    client, newsroom, their_photo
):
    photo, data = their_photo
    client.force_login(newsroom.contributor_a)
    official = OfficialFactory()

    client.post(
        PHOTO_ADD,
        photo_add_post(
            data,
            **{
                "subjects-TOTAL_FORMS": "1",
                "subjects-0-official": official.pk,
                "subjects-0-place": "kiri",
                "subjects-0-order": "0",
            },
        ),
    )

    assert_untouched(photo)
    assert Photo.objects.count() == 1


def test_photo_add_form_with_another_agencys_bytes_is_refused_without_naming_it(
    client, newsroom, their_photo
):
    photo, data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(PHOTO_ADD, photo_add_post(data), follow=True)

    page = response.content.decode()
    assert "sudah ada di pustaka" in page
    assert "Posyandu rahasia" not in page
    assert photo_change_url(photo) not in page
    assert_untouched(photo)


def test_editor_upload_of_another_agencys_bytes_changes_nothing(
    client, newsroom, their_photo
):
    photo, data = their_photo
    client.force_login(newsroom.contributor_a)

    client.post(
        reverse("ck_editor_5_upload_file"), {"upload": upload(data, "palsu.jpg")}
    )

    assert_untouched(photo)
    photo.refresh_from_db()
    assert photo.uploaded_by == newsroom.contributor_b
    assert Photo.objects.count() == 1


def test_restoring_a_revision_changes_no_library_photo(newsroom, draft):
    photo = PhotoFactory(uploaded_by=newsroom.contributor_a, alt_text="Yang pertama")
    ArticlePhoto.objects.create(article=draft, photo=photo, role="featured")
    old = revision_record(article=draft, by=newsroom.contributor_a)
    Photo.objects.filter(pk=photo.pk).update(alt_text="Yang dibetulkan")

    revision_restore(revision=old, by=newsroom.contributor_a)

    photo.refresh_from_db()
    assert photo.alt_text == "Yang dibetulkan"


def test_contributor_cannot_delete_another_agencys_photo(client, newsroom, their_photo):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    delete = client.post(
        reverse("admin:media_library_photo_delete", args=[photo.pk]), {"post": "yes"}
    )
    bulk = client.post(
        reverse("admin:media_library_photo_changelist"),
        {"action": "delete_selected", "_selected_action": [photo.pk], "post": "yes"},
    )

    assert delete.status_code in (403, 404)
    assert bulk.status_code in (200, 302, 403)
    assert Photo.objects.filter(pk=photo.pk).exists()


# --- defect 3: which photos a contributor sees ---------------------------------


def test_photo_library_lists_own_agencys_and_public_photos_only(
    client, newsroom, their_photo, public_photo, own_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.get(reverse("admin:media_library_photo_changelist"))

    listed = {p.pk for p in response.context["cl"].result_list}
    assert listed == {public_photo.pk, own_photo.pk}
    assert "Posyandu rahasia" not in response.content.decode()


def test_editor_sees_every_photo_in_the_library(
    client, newsroom, their_photo, public_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.editor)

    response = client.get(reverse("admin:media_library_photo_changelist"))

    assert {p.pk for p in response.context["cl"].result_list} == {
        photo.pk,
        public_photo.pk,
    }


def test_another_agencys_unpublished_photo_page_is_not_found(
    client, newsroom, their_photo, public_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    assert client.get(photo_change_url(photo)).status_code == 404
    assert client.get(photo_change_url(public_photo)).status_code == 200


@pytest.mark.parametrize(
    ("model_name", "field_name"),
    [("articlephoto", "photo"), ("official", "portrait")],
)
def test_photo_autocomplete_offers_own_agencys_and_public_photos_only(
    client, newsroom, their_photo, public_photo, own_photo, model_name, field_name
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    found = autocomplete(client, model_name, field_name)

    assert found == {public_photo.pk, own_photo.pk}
    assert autocomplete(client, model_name, field_name, term="rahasia") == set()


def test_crafted_post_attaching_another_agencys_unpublished_photo_is_refused(
    client, newsroom, draft, their_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft), row_post(client, draft, photo=photo.pk, alt_text="palsu")
    )

    assert response.status_code == 200
    assert not ArticlePhoto.objects.filter(article=draft).exists()
    assert_untouched(photo)


def test_reuploading_another_agencys_unpublished_photo_does_not_attach_it(
    client, newsroom, draft, their_photo
):
    photo, data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        row_post(client, draft, upload=upload(data, "salinan.jpg"), alt_text="palsu"),
    )

    assert response.status_code == 200
    assert "sudah ada di pustaka" in response.content.decode()
    assert not ArticlePhoto.objects.filter(article=draft).exists()
    assert_untouched(photo)


def test_contributor_attaches_a_public_photo_of_another_agency(
    client, newsroom, draft, public_photo
):
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft), row_post(client, draft, photo=public_photo.pk)
    )

    assert response.status_code == 302
    assert ArticlePhoto.objects.get(article=draft).photo == public_photo


def test_a_story_keeps_a_photo_an_editor_attached_when_its_contributor_saves(
    client, newsroom, draft
):
    editors_photo = PhotoFactory(uploaded_by=newsroom.editor)
    row = ArticlePhoto.objects.create(
        article=draft, photo=editors_photo, role="featured"
    )
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        form_data(
            client,
            draft,
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-INITIAL_FORMS": "1",
                "photos-0-id": row.pk,
                "photos-0-article": draft.pk,
                "photos-0-photo": editors_photo.pk,
                "photos-0-role": "featured",
                "photos-0-order": "0",
                "photos-0-caption": "",
                "photos-0-alt_text": editors_photo.alt_text,
            },
        ),
    )

    assert response.status_code == 302
    assert ArticlePhoto.objects.get(article=draft).photo == editors_photo


def test_a_photo_becomes_visible_to_everyone_once_its_story_is_public(
    client, newsroom, their_photo
):
    photo, _data = their_photo
    story = ready_story(photo=photo, contributing_agency=newsroom.agency_b)
    client.force_login(newsroom.contributor_a)
    assert client.get(photo_change_url(photo)).status_code == 404

    article_publish(article=story, by=newsroom.editor, notify=False)

    assert client.get(photo_change_url(photo)).status_code == 200


def test_new_upload_from_a_story_row_is_still_the_writers(client, newsroom, draft):
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        row_post(client, draft, upload=jpeg_upload(seq=33), caption="Apel pagi."),
    )

    assert response.status_code == 302
    assert ArticlePhoto.objects.get(article=draft).photo.uploaded_by == (
        newsroom.contributor_a
    )
