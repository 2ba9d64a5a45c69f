"""A story's photo rows: uploads land in the library, captions live in one
place, and a library photo changes only for someone allowed to change it."""

import re

import pytest
from django.core.exceptions import ValidationError

from articles.models import ArticlePhoto
from articles.photos import article_photo_save
from articles.workflow import article_publish, publish_problems
from media_library.models import Photo
from media_library.services import photo_update
from tests.support.admin_forms import change_url, form_data
from tests.support.factories import ArticleFactory
from tests.support.newsroom import ready_story
from tests.support.photos import PhotoFactory, image_bytes, jpeg_upload, upload

pytestmark = pytest.mark.django_db

THEIRS = "Petugas kesehatan memeriksa balita di posyandu."


@pytest.fixture
def draft(newsroom):
    """A draft of agency A, with no photo yet."""
    return ArticleFactory(
        contributing_agency=newsroom.agency_a, author=newsroom.contributor_a
    )


@pytest.fixture
def their_photo(newsroom):
    """A photo agency B uploaded, public in B's published story (so others may
    use it; tests/security/test_photo_rights.py covers unpublished ones), and
    the bytes it was stored from."""
    data = image_bytes(640, 480, "JPEG", seq=9)
    photo = PhotoFactory(
        file=upload(data), uploaded_by=newsroom.contributor_b, alt_text=THEIRS
    )
    ready_story(photo=photo, contributing_agency=newsroom.agency_b, published=True)
    return photo, data


def new_row(article, **fields):
    return ArticlePhoto(article=article, role=ArticlePhoto.Role.FEATURED, **fields)


def row_post(client, article, **row):
    """The story form posted back with one new photo row."""
    fields = {"role": "gallery", "order": "1", "caption": "", "alt_text": "", **row}
    return form_data(
        client,
        article,
        **{"photos-TOTAL_FORMS": "1"},
        **{f"photos-0-{name}": value for name, value in fields.items()},
    )


def existing_row_post(client, row, **changes):
    """The story form posted back with its one photo row, as drawn, plus changes."""
    fields = {
        "id": row.pk,
        "article": row.article_id,
        "photo": row.photo_id,
        "role": row.role,
        "order": row.order,
        "caption": row.caption,
        "alt_text": row.photo.alt_text,
        **changes,
    }
    return form_data(
        client,
        row.article,
        **{"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1"},
        **{f"photos-0-{name}": value for name, value in fields.items()},
    )


# --- a new upload ------------------------------------------------------------


def test_new_upload_is_stored_in_the_library_as_the_writers(newsroom, draft):
    row = article_photo_save(
        row=new_row(draft, caption="Pj. Bupati (tengah) membuka rapat."),
        by=newsroom.contributor_a,
        upload=jpeg_upload(seq=1),
        alt_text="Pejabat di meja rapat.",
    )

    photo = Photo.objects.get()
    assert row.photo == photo and row.pk
    assert photo.uploaded_by == newsroom.contributor_a
    assert photo.caption == "Pj. Bupati (tengah) membuka rapat."
    assert photo.alt_text == "Pejabat di meja rapat."


def test_new_uploads_caption_lives_in_the_library_only(newsroom, draft):
    article_photo_save(
        row=new_row(draft, caption="Pj. Bupati (tengah) membuka rapat."),
        by=newsroom.contributor_a,
        upload=jpeg_upload(seq=1),
        alt_text="Pejabat di meja rapat.",
    )

    row = ArticlePhoto.objects.get()
    assert row.caption == ""
    assert row.effective_caption == "Pj. Bupati (tengah) membuka rapat."


def test_a_later_library_caption_edit_shows_on_the_story(newsroom, draft, client):
    article_photo_save(
        row=new_row(draft, caption="Keterangan pertama."),
        by=newsroom.contributor_a,
        upload=jpeg_upload(seq=1),
        alt_text="Pejabat di meja rapat.",
    )
    article_publish(article=draft, by=newsroom.editor, notify=False)

    photo_update(photo=Photo.objects.get(), caption="Keterangan yang dibetulkan.")

    assert ArticlePhoto.objects.get().effective_caption == (
        "Keterangan yang dibetulkan."
    )
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Keterangan yang dibetulkan." in page
    assert "Keterangan pertama." not in page


def test_a_featured_upload_with_its_caption_in_the_library_may_be_published(
    newsroom, draft
):
    article_photo_save(
        row=new_row(draft, caption="Pj. Bupati (tengah) membuka rapat."),
        by=newsroom.contributor_a,
        upload=jpeg_upload(seq=1),
        alt_text="Pejabat di meja rapat.",
    )

    assert publish_problems(draft) == []


def test_story_form_shows_an_uploads_caption_as_from_the_library(
    client, newsroom, draft
):
    client.force_login(newsroom.contributor_a)
    client.post(
        change_url(draft),
        row_post(
            client,
            draft,
            upload=jpeg_upload(seq=1),
            caption="Pj. Bupati (tengah) membuka rapat.",
            alt_text="Pejabat di meja rapat.",
        ),
    )

    page = client.get(change_url(draft)).content.decode()
    assert 'placeholder="Dari pustaka: Pj. Bupati (tengah) membuka rapat."' in page
    # The box itself is empty: the caption is the library's, not this story's.
    assert not re.search(r">\s*Pj\. Bupati[^<]*</textarea>", page)


# --- a photo from the library, or an upload already in it ---------------------


def test_a_reupload_uses_the_stored_photo_and_keeps_a_different_caption_here(
    newsroom, draft
):
    data = image_bytes(640, 480, "JPEG", seq=3)
    stored = PhotoFactory(
        file=upload(data), uploaded_by=newsroom.contributor_a, caption="Di pustaka."
    )

    row = article_photo_save(
        row=new_row(draft, caption="Untuk berita ini."),
        by=newsroom.contributor_a,
        upload=upload(data, "lagi.jpg"),
    )

    assert Photo.objects.get() == stored
    assert (row.photo, row.caption) == (stored, "Untuk berita ini.")
    stored.refresh_from_db()
    assert stored.caption == "Di pustaka."


def test_a_row_caption_equal_to_the_librarys_is_not_stored_twice(newsroom, draft):
    photo = PhotoFactory(caption="Rapat di aula.", uploaded_by=newsroom.contributor_a)

    row = article_photo_save(
        row=new_row(draft, photo=photo, caption="Rapat di aula."),
        by=newsroom.contributor_a,
    )

    assert row.caption == ""


def test_contributor_changes_their_own_photos_alt_text_from_the_story(newsroom, draft):
    photo = PhotoFactory(uploaded_by=newsroom.contributor_a)

    article_photo_save(
        row=new_row(draft, photo=photo),
        by=newsroom.contributor_a,
        alt_text="Teks alternatif yang lebih jelas.",
    )

    photo.refresh_from_db()
    assert photo.alt_text == "Teks alternatif yang lebih jelas."


def test_editor_changes_any_photos_alt_text_from_the_story(
    newsroom, draft, their_photo
):
    photo, _data = their_photo

    article_photo_save(
        row=new_row(draft, photo=photo),
        by=newsroom.editor,
        alt_text="Teks alternatif dari redaktur.",
    )

    photo.refresh_from_db()
    assert photo.alt_text == "Teks alternatif dari redaktur."


def test_an_empty_alt_text_leaves_the_librarys(newsroom, draft):
    photo = PhotoFactory(uploaded_by=newsroom.contributor_a)

    article_photo_save(row=new_row(draft, photo=photo), by=newsroom.contributor_a)

    photo.refresh_from_db()
    assert photo.alt_text == "Pejabat duduk di meja rapat di aula"


# --- refused: another agency's photo -----------------------------------------


def test_contributor_cannot_change_another_agencys_alt_text_by_reuploading_it(
    newsroom, draft, their_photo
):
    photo, data = their_photo

    with pytest.raises(ValidationError) as refused:
        article_photo_save(
            row=new_row(draft, caption="Keterangan."),
            by=newsroom.contributor_a,
            upload=upload(data, "salinan.jpg"),
            alt_text="palsu",
        )

    assert "tidak bisa mengubah teks alternatif foto ini" in str(refused.value)
    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    assert not ArticlePhoto.objects.filter(article=draft).exists()
    assert Photo.objects.count() == 1


def test_contributor_cannot_change_another_agencys_alt_text_by_picking_it(
    newsroom, draft, their_photo
):
    photo, _data = their_photo

    with pytest.raises(ValidationError):
        article_photo_save(
            row=new_row(draft, photo=photo), by=newsroom.contributor_a, alt_text="palsu"
        )

    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    assert not ArticlePhoto.objects.filter(article=draft).exists()


def test_contributor_may_use_another_agencys_photo_as_it_is(
    newsroom, draft, their_photo
):
    photo, data = their_photo

    row = article_photo_save(
        row=new_row(draft, caption="Untuk berita ini."),
        by=newsroom.contributor_a,
        upload=upload(data, "salinan.jpg"),
        alt_text=THEIRS,
    )

    assert row.photo == photo and row.pk


# --- the same, posted through the story form ---------------------------------


def test_crafted_post_of_another_agencys_photo_id_with_an_upload_leaves_it_alone(
    client, newsroom, draft, their_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        row_post(
            client, draft, photo=photo.pk, upload=jpeg_upload(seq=5), alt_text="palsu"
        ),
    )

    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    # The upload is what the row shows: a new photo of the writer's own.
    row = ArticlePhoto.objects.get(article=draft)
    assert row.photo != photo
    assert row.photo.uploaded_by == newsroom.contributor_a


def test_reuploading_another_agencys_photo_with_new_alt_text_is_refused_on_the_form(
    client, newsroom, draft, their_photo
):
    photo, data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        row_post(
            client,
            draft,
            upload=upload(data, "salinan.jpg"),
            alt_text="palsu",
            caption="Keterangan palsu",
        ),
    )

    assert response.status_code == 200
    assert "tidak bisa mengubah teks alternatif foto ini" in response.content.decode()
    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    assert not ArticlePhoto.objects.filter(article=draft).exists()
    assert Photo.objects.count() == 1


def test_picking_another_agencys_photo_with_new_alt_text_is_refused_on_the_form(
    client, newsroom, draft, their_photo
):
    photo, _data = their_photo
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft), row_post(client, draft, photo=photo.pk, alt_text="palsu")
    )

    assert response.status_code == 200
    assert "tidak bisa mengubah teks alternatif foto ini" in response.content.decode()
    photo.refresh_from_db()
    assert photo.alt_text == THEIRS
    assert not ArticlePhoto.objects.filter(article=draft).exists()


def test_picking_another_photo_for_a_row_keeps_that_photos_alt_text(
    client, newsroom, draft
):
    row = article_photo_save(
        row=new_row(draft, photo=PhotoFactory(uploaded_by=newsroom.contributor_a)),
        by=newsroom.contributor_a,
    )
    other = PhotoFactory(alt_text="Peserta rapat di aula.")
    client.force_login(newsroom.editor)

    response = client.post(
        change_url(draft), existing_row_post(client, row, photo=other.pk)
    )

    assert response.status_code == 302
    row.refresh_from_db()
    other.refresh_from_db()
    assert row.photo == other
    assert other.alt_text == "Peserta rapat di aula."


def test_an_upload_on_a_row_replaces_its_photo_and_leaves_the_old_one(
    client, newsroom, draft
):
    old = PhotoFactory(uploaded_by=newsroom.contributor_a, caption="Foto lama.")
    row = article_photo_save(row=new_row(draft, photo=old), by=newsroom.contributor_a)
    client.force_login(newsroom.contributor_a)

    response = client.post(
        change_url(draft),
        existing_row_post(client, row, upload=jpeg_upload(seq=6), caption="Foto baru."),
    )

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.photo != old
    assert row.effective_caption == "Foto baru."
    old.refresh_from_db()
    assert (old.caption, old.alt_text) == (
        "Foto lama.",
        "Pejabat duduk di meja rapat di aula",
    )
