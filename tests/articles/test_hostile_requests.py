"""Odd, stale and crafted requests found in review: each ends in a page or a
message, never a server error, a half-saved record or a reach across
agencies."""

import pytest
from django.urls import reverse

from articles.models import ArticlePhoto, PhotoSubject
from tests.support.admin_forms import change_url, form_data
from tests.support.factories import ArticleFactory, OfficialFactory
from tests.support.newsroom import bare_photo, ready_story
from tests.support.photos import PhotoFactory

pytestmark = pytest.mark.django_db


# --- 1. server errors on public pages ------------------------------------------


@pytest.mark.parametrize(
    "query", ["q=rapat&dari=0001-01-01", "q=rapat&sampai=9999-12-31"]
)
def test_search_with_extreme_but_valid_dates_is_not_a_server_error(client, query):
    """A reader typing year 1 or 9999 into the date filter gets a result page
    (empty or with the filter ignored/refused), not a 500 (OverflowError)."""
    ArticleFactory(published=True, title="Rapat koordinasi")
    response = client.get("/cari/?" + query)
    assert response.status_code in (200, 400)


def test_archive_of_december_9999_is_not_a_server_error(client):
    """/arsip/9999/12/ passes the year/month check, then computes January of
    year 10000 (OverflowError): it must be a 404 (or an empty month)."""
    response = client.get("/arsip/9999/12/")
    assert response.status_code in (200, 404)


def test_story_with_a_tag_whose_slug_is_empty_still_renders(client):
    """A tag typed as "!!!" (or in a non-Latin script) gets an empty slug; the
    story page then fails to reverse portal:tag and answers 500."""
    article = ready_story(photo=bare_photo(), published=True)
    article.tags.add("!!!")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200


# --- 1. server errors and half-written records in the admin --------------------


def test_swapping_the_featured_photo_in_one_save_is_not_a_server_error(
    client, newsroom
):
    """An editor makes the first gallery photo featured and the old featured
    photo a gallery one, in one save (as the form allows). The rows are saved
    in display order, so the new featured row hits the one-featured-photo
    constraint before the old one is demoted: IntegrityError, 500."""
    article = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    old = ArticlePhoto.objects.get(article=article)
    old.order = 1
    old.save()
    new = ArticlePhoto.objects.create(
        article=article, photo=bare_photo(), role="gallery", order=0
    )
    client.force_login(newsroom.editor)
    rows = {
        "photos-TOTAL_FORMS": "2",
        "photos-INITIAL_FORMS": "2",
        "photos-0-id": str(new.pk),
        "photos-0-article": str(article.pk),
        "photos-0-photo": str(new.photo_id),
        "photos-0-role": "featured",
        "photos-0-order": "0",
        "photos-0-caption": "Foto baru.",
        "photos-0-alt_text": "Teks alternatif baru",
        "photos-1-id": str(old.pk),
        "photos-1-article": str(article.pk),
        "photos-1-photo": str(old.photo_id),
        "photos-1-role": "gallery",
        "photos-1-order": "1",
        "photos-1-caption": "Foto lama.",
        "photos-1-alt_text": "Teks alternatif lama",
    }
    response = client.post(change_url(article), form_data(client, article, **rows))
    assert response.status_code == 302
    new.refresh_from_db()
    old.refresh_from_db()
    assert (new.role, old.role) == ("featured", "gallery")


def test_second_featured_photo_against_the_database_gets_a_message(client, newsroom):
    """A photo row posted as new (INITIAL_FORMS=0) with role featured while the
    story already has one in the database: a form error, not IntegrityError."""
    article = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    client.force_login(newsroom.editor)
    rows = {
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-0-photo": str(bare_photo().pk),
        "photos-0-role": "featured",
        "photos-0-order": "1",
        "photos-0-caption": "Keterangan.",
        "photos-0-alt_text": "Teks alternatif.",
    }
    response = client.post(change_url(article), form_data(client, article, **rows))
    assert response.status_code == 200
    assert "satu foto utama" in response.content.decode()
    assert ArticlePhoto.objects.filter(article=article).count() == 1


def test_same_official_added_twice_to_a_photo_from_a_stale_form(client, newsroom):
    """Two editors tag the same official in the same photo; the second save
    (its form opened before the first save) hits photo_subject_unique: 500.
    It should be refused with the model's message."""
    photo = bare_photo()
    official = OfficialFactory()
    url = reverse("admin:media_library_photo_change", args=[photo.pk])
    client.force_login(newsroom.superuser)
    client.get(url)  # the form is opened with no people in the photo ...
    PhotoSubject.objects.create(photo=photo, official=official, place="kiri")
    data = {  # ... and posted after someone else added the same official
        "title": photo.title,
        "caption": photo.caption,
        "alt_text": photo.alt_text,
        "subjects-TOTAL_FORMS": "1",
        "subjects-INITIAL_FORMS": "0",
        "subjects-0-official": str(official.pk),
        "subjects-0-place": "kanan",
        "subjects-0-order": "1",
        "renditions-TOTAL_FORMS": "0",
        "renditions-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "sudah ada di foto" in response.content.decode()
    assert PhotoSubject.objects.filter(photo=photo).count() == 1


def test_schedule_time_past_year_9999_in_utc_is_refused_with_a_message(
    client, newsroom
):
    """'9999-12-31T23:59:59-12:00' is a valid future ISO time, but in UTC (and in
    Jakarta) it is year 10000: saving it raises OverflowError (500)."""
    article = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        article,
        _transition="schedule",
        _workflow_at="9999-12-31T23:59:59-12:00",
    )
    response = client.post(change_url(article), data)
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.status == "draft"


def test_compare_with_a_unicode_digit_revision_id_is_not_a_server_error(
    client, newsroom
):
    """'²'.isdigit() is True but int('²') raises ValueError: ?a=² gives a 500."""
    article = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    client.force_login(newsroom.editor)
    url = reverse("admin:articles_article_compare", args=[article.pk])
    response = client.get(url + "?a=%C2%B2&b=1")
    assert response.status_code in (302, 400, 404)


# --- 2. rights ---------------------------------------------------------------------


def test_contributor_cannot_link_or_read_another_agencys_draft_as_related(
    client, newsroom
):
    """The autocomplete hides other agencies' stories, but a posted id is
    accepted for "related"; the change form then shows that draft's title."""
    secret = ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_b,
        title="Rahasia instansi B belum terbit",
    )
    own = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    client.force_login(newsroom.contributor_a)
    client.post(change_url(own), form_data(client, own, related=[secret.pk]))
    assert not own.related.filter(pk=secret.pk).exists()
    page = client.get(change_url(own))
    assert "Rahasia instansi B" not in page.content.decode()


def test_contributor_cannot_rewrite_the_photo_of_another_agencys_published_story(
    client, newsroom
):
    """Kontributor has media_library.change_photo on every photo: humas B can
    change the caption shown under agency A's published featured photo, with
    no editor involved."""
    photo = PhotoFactory(
        caption="Rapat koordinasi di aula.", uploaded_by=newsroom.contributor_a
    )
    ready_story(photo=photo, contributing_agency=newsroom.agency_a, published=True)
    client.force_login(newsroom.contributor_b)
    url = reverse("admin:media_library_photo_change", args=[photo.pk])
    client.post(
        url,
        {
            "title": photo.title,
            "caption": "Keterangan palsu",
            "alt_text": "palsu",
            "subjects-TOTAL_FORMS": "0",
            "subjects-INITIAL_FORMS": "0",
            "renditions-TOTAL_FORMS": "0",
            "renditions-INITIAL_FORMS": "0",
        },
    )
    photo.refresh_from_db()
    assert photo.caption == "Rapat koordinasi di aula."


def test_contributor_still_captions_the_photo_of_their_own_draft(client, newsroom):
    photo = PhotoFactory(caption="Lama.", uploaded_by=newsroom.contributor_a)
    ready_story(photo=photo, contributing_agency=newsroom.agency_a)
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:media_library_photo_change", args=[photo.pk])
    response = client.post(
        url,
        {
            "title": photo.title,
            "caption": "Keterangan baru",
            "alt_text": "Teks alternatif",
            "subjects-TOTAL_FORMS": "0",
            "subjects-INITIAL_FORMS": "0",
            "renditions-TOTAL_FORMS": "0",
            "renditions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "Keterangan baru"


def test_tags_without_a_letter_or_digit_are_dropped():
    from articles.tagging import parse_tags

    assert parse_tags("!!!, pilkada, ???") == ["pilkada"]
