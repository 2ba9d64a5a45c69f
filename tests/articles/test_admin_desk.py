"""The humas desk's endpoints on the story form (articles/admin/desk.py):
photos uploaded before the story is saved, the people in a photo, autosave
and presence — each checked for who may use it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Article,
    ArticleEditSession,
    ArticlePhoto,
    ArticleRevision,
    PhotoSubject,
)
from articles.revisions import latest_revision_id, revision_record
from media_library.models import Photo
from tests.support.admin_forms import change_url, form_data, story_in
from tests.support.factories import OfficialFactory, PositionFactory
from tests.support.newsroom import agency_story
from tests.support.photos import PhotoFactory, image_bytes, jpeg_upload, upload

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("admin:articles_article_desk_upload")
HTMX = {"HTTP_HX_REQUEST": "true"}


def people_url(photo):
    return reverse("admin:articles_article_desk_people", args=[photo.pk])


def autosave_url(story):
    return reverse("admin:articles_article_desk_autosave", args=[story.pk])


def presence_url(story):
    return reverse("admin:articles_article_desk_presence", args=[story.pk])


# --- uploads ------------------------------------------------------------------


def test_upload_stores_a_library_photo_without_any_story(client, newsroom):
    client.force_login(newsroom.contributor_a)
    response = client.post(
        UPLOAD_URL, {"file": jpeg_upload(seq=3), "title": "Rakor Pilkada"}
    )
    assert response.status_code == 200
    photo = Photo.objects.get(pk=response.json()["id"])
    assert photo.uploaded_by == newsroom.contributor_a
    assert photo.title == "Rakor Pilkada"
    assert response.json()["thumbnail"]
    assert response.json()["people_url"] == people_url(photo)
    assert not Article.objects.exists()
    assert not ArticlePhoto.objects.exists()


def test_upload_of_a_file_that_is_no_photo_is_refused_in_indonesian(client, newsroom):
    client.force_login(newsroom.contributor_a)
    fake = upload(b"%PDF-1.4 bukan foto", name="foto.jpg")
    response = client.post(UPLOAD_URL, {"file": fake})
    assert response.status_code == 400
    assert "JPEG" in response.json()["error"] or "foto" in response.json()["error"]
    assert not Photo.objects.exists()


def test_upload_without_a_file_says_what_to_do(client, newsroom):
    client.force_login(newsroom.contributor_a)
    response = client.post(UPLOAD_URL, {})
    assert response.status_code == 400
    assert response.json()["error"] == "Pilih berkas foto untuk diunggah."


def test_uploading_another_agencys_unpublished_photo_gives_nothing_away(
    client, newsroom
):
    data = image_bytes(640, 480, "JPEG", seq=11)
    theirs = PhotoFactory(file=upload(data), uploaded_by=newsroom.contributor_b)
    client.force_login(newsroom.contributor_a)
    response = client.post(UPLOAD_URL, {"file": upload(data)})
    assert response.status_code == 400
    assert "instansi lain" in response.json()["error"]
    assert str(theirs.pk) not in response.content.decode()


def test_upload_needs_a_signed_in_writer(client, newsroom):
    response = client.post(UPLOAD_URL, {"file": jpeg_upload(seq=4)})
    assert response.status_code == 302
    assert not Photo.objects.exists()
    client.force_login(newsroom.stranger)
    assert client.get(UPLOAD_URL).status_code == 405


# --- the people in a photo ----------------------------------------------------


@pytest.fixture
def officials():
    people = []
    for name, title in [("Yusfandi Usman", "Kapolres Kobar"), ("Budi Santosa", "")]:
        official = OfficialFactory(name=name)
        if title:
            PositionFactory(
                official=official,
                short_title=title,
                start_date=datetime.date(2023, 1, 1),
            )
        people.append(official)
    return people


def own_photo(newsroom):
    return PhotoFactory(uploaded_by=newsroom.contributor_a)


def test_placing_officials_shows_the_proposed_caption(client, newsroom, officials):
    photo = own_photo(newsroom)
    client.force_login(newsroom.contributor_a)
    prefix = f"desk-{photo.pk}"
    for official, place in zip(officials, ["kiri", "kanan"], strict=True):
        response = client.post(
            people_url(photo),
            {f"{prefix}-official": official.pk, f"{prefix}-place": place},
            **HTMX,
        )
        assert response.status_code == 200
    page = response.content.decode()
    assert "Kapolres Kobar Yusfandi Usman (kiri) dan Budi Santosa (kanan)" in page
    assert "Pakai keterangan usulan" in page
    assert list(
        PhotoSubject.objects.filter(photo=photo).values_list("place", "order")
    ) == [("kiri", 0), ("kanan", 1)]


def test_placing_an_official_twice_is_refused_with_a_message(
    client, newsroom, officials
):
    photo = own_photo(newsroom)
    PhotoSubject.objects.create(photo=photo, official=officials[0], place="kiri")
    client.force_login(newsroom.contributor_a)
    prefix = f"desk-{photo.pk}"
    response = client.post(
        people_url(photo),
        {f"{prefix}-official": officials[0].pk, f"{prefix}-place": "kanan"},
        **HTMX,
    )
    assert "Pejabat ini sudah ada di foto tersebut." in response.content.decode()
    assert PhotoSubject.objects.filter(photo=photo).count() == 1


def test_people_of_a_photo_one_may_not_change_are_shown_but_not_changeable(
    client, newsroom, officials
):
    photo = PhotoFactory(uploaded_by=newsroom.contributor_b)
    ready_published = story_in(newsroom, "published")
    ArticlePhoto.objects.create(article=ready_published, photo=photo, role="gallery")
    subject = PhotoSubject.objects.create(photo=photo, official=officials[0])
    client.force_login(newsroom.contributor_a)
    page = client.get(people_url(photo), **HTMX).content.decode()
    assert "Yusfandi Usman" in page
    assert "Tandai di foto" not in page
    prefix = f"desk-{photo.pk}"
    response = client.post(
        people_url(photo), {f"{prefix}-official": officials[1].pk}, **HTMX
    )
    assert response.status_code == 403
    remove = reverse(
        "admin:articles_article_desk_people_remove", args=[photo.pk, subject.pk]
    )
    assert client.post(remove, **HTMX).status_code == 403
    assert PhotoSubject.objects.filter(photo=photo).count() == 1


def test_another_agencys_unpublished_photo_has_no_people_panel(client, newsroom):
    photo = PhotoFactory(uploaded_by=newsroom.contributor_b)
    client.force_login(newsroom.contributor_a)
    assert client.get(people_url(photo), **HTMX).status_code == 404


def test_the_people_panel_opened_on_its_own_leads_to_the_photo_page(client, newsroom):
    photo = own_photo(newsroom)
    client.force_login(newsroom.contributor_a)
    response = client.get(people_url(photo))
    assert response.status_code == 302
    assert response.url == reverse("admin:media_library_photo_change", args=[photo.pk])


def test_removing_a_person_from_ones_own_photo(client, newsroom, officials):
    photo = own_photo(newsroom)
    subject = PhotoSubject.objects.create(photo=photo, official=officials[0])
    client.force_login(newsroom.contributor_a)
    remove = reverse(
        "admin:articles_article_desk_people_remove", args=[photo.pk, subject.pk]
    )
    response = client.post(remove, **HTMX)
    assert response.status_code == 200
    assert not PhotoSubject.objects.filter(photo=photo).exists()


# --- photo rows: credit and caption into the library --------------------------


def test_a_fresh_uploads_caption_and_credit_go_to_the_library(client, newsroom):
    story = agency_story(newsroom)
    photo = PhotoFactory(uploaded_by=newsroom.contributor_a, caption="", credit="")
    client.force_login(newsroom.contributor_a)
    data = form_data(
        client,
        story,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-photo": str(photo.pk),
            "photos-0-role": "gallery",
            "photos-0-order": "2",
            "photos-0-caption": "Peserta rakor di aula.",
            "photos-0-credit": "Foto: Humas Kesbangpol Kobar",
            "photos-0-alt_text": "Peserta duduk berderet.",
        },
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Peserta rakor di aula."
    assert photo.credit == "Foto: Humas Kesbangpol Kobar"
    row = ArticlePhoto.objects.get(article=story, photo=photo)
    assert row.caption == ""
    assert row.effective_caption == "Peserta rakor di aula."


def test_a_credit_on_a_photo_one_may_not_change_is_refused(client, newsroom):
    story = agency_story(newsroom)
    theirs = PhotoFactory(uploaded_by=newsroom.contributor_b, credit="Foto: Dinkes")
    published = story_in(newsroom, "published")
    ArticlePhoto.objects.create(article=published, photo=theirs, role="gallery")
    client.force_login(newsroom.contributor_a)
    data = form_data(
        client,
        story,
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-photo": str(theirs.pk),
            "photos-0-role": "gallery",
            "photos-0-order": "2",
            "photos-0-credit": "Foto: Kesbangpol",
        },
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Anda tidak bisa mengubah kredit foto ini" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.credit == "Foto: Dinkes"


# --- autosave -----------------------------------------------------------------


def test_autosave_keeps_the_text_without_changing_the_story(client, newsroom):
    story = agency_story(newsroom)
    token = latest_revision_id(story)
    saves = story.revisions.count()
    client.force_login(newsroom.contributor_a)
    response = client.post(
        autosave_url(story),
        {
            "title": "Judul baru\x00",
            "body": '<p>Teks baru</p><script>alert("x")</script>',
        },
    )
    assert response.status_code == 200
    assert "saved_at" in response.json()
    autosave = ArticleRevision.autosaves.get(article=story)
    assert autosave.author == newsroom.contributor_a
    assert autosave.content["title"] == "Judul baru"
    assert "<script" not in autosave.content["body"]
    story.refresh_from_db()
    assert story.title == "Rakor Pilkada"
    assert story.status == Article.Status.DRAFT
    assert latest_revision_id(story) == token
    assert story.revisions.count() == saves


def test_autosaving_again_replaces_the_writers_autosave(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.post(autosave_url(story), {"title": "Satu"})
    client.post(autosave_url(story), {"title": "Dua"})
    assert [a.content["title"] for a in ArticleRevision.autosaves.all()] == ["Dua"]


def test_reopening_the_story_offers_the_autosave(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.post(autosave_url(story), {"title": "Judul yang belum disimpan"})
    page = client.get(change_url(story)).content.decode()
    assert 'id="desk-autosave"' in page
    assert "Judul yang belum disimpan" in page
    assert "Ada teks yang belum disimpan" in page


def test_saving_the_story_drops_the_autosave(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.post(autosave_url(story), {"title": "Sementara"})
    response = client.post(change_url(story), form_data(client, story, title="Akhir"))
    assert response.status_code == 302
    assert not ArticleRevision.autosaves.exists()


def test_autosave_is_refused_to_who_may_only_view_the_story(client, newsroom):
    story = story_in(newsroom, "in_review")
    client.force_login(newsroom.contributor_a)
    assert client.post(autosave_url(story), {"title": "x"}).status_code == 403
    client.force_login(newsroom.contributor_b)
    assert client.post(autosave_url(story), {"title": "x"}).status_code == 404
    assert not ArticleRevision.autosaves.exists()


# --- presence -----------------------------------------------------------------


def test_presence_names_who_else_has_the_story_open(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.post(presence_url(story))
    client.force_login(newsroom.editor)
    page = client.post(presence_url(story)).content.decode()
    assert "Sedang dibuka juga oleh:" in page
    assert "humas.a" in page


def test_someone_who_left_is_gone_within_a_minute(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.post(presence_url(story))
    ArticleEditSession.objects.update(
        seen_at=timezone.now() - datetime.timedelta(seconds=61)
    )
    client.force_login(newsroom.editor)
    assert "humas.a" not in client.post(presence_url(story)).content.decode()


def test_presence_says_who_saved_since_the_form_was_opened(client, newsroom):
    story = agency_story(newsroom)
    token = latest_revision_id(story)
    revision_record(article=story, by=newsroom.contributor_a)
    client.force_login(newsroom.editor)
    page = client.post(
        presence_url(story), {"revision_token": str(token)}
    ).content.decode()
    assert "humas.a menyimpan perubahan pukul" in page


def test_the_warning_is_shown_once_and_never_as_stacked_messages(client, newsroom):
    story = agency_story(newsroom)
    client.force_login(newsroom.contributor_a)
    client.get(change_url(story))
    client.force_login(newsroom.editor)
    client.get(change_url(story))
    page = client.get(change_url(story)).content.decode()
    assert page.count("Sedang dibuka juga oleh:") == 1
    assert "messagelist" not in page


def test_who_may_only_view_gets_no_presence_and_is_not_counted(client, newsroom):
    story = story_in(newsroom, "in_review")
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(story)).content.decode()
    assert 'id="desk-presence"' not in page
    assert client.post(presence_url(story)).status_code == 403
    assert not ArticleEditSession.objects.filter(user=newsroom.contributor_a).exists()
