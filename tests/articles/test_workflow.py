"""The workflow services: each transition, its event, its mail, its refusals."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from articles import workflow
from articles.errors import WorkflowError
from articles.models import Article, ArticleEvent, ArticlePhoto
from tests.support.newsroom import ready_story

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def story(newsroom):
    return ready_story(
        contributing_agency=newsroom.agency_a, author=newsroom.contributor_a
    )


def test_submit_puts_the_story_in_review_records_and_mails_the_editors(
    newsroom, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        event = workflow.article_submit(article=story, by=newsroom.contributor_a)
    story.refresh_from_db()
    assert story.status == Status.IN_REVIEW
    assert (event.action, event.from_status, event.to_status) == (
        "submit",
        "draft",
        "in_review",
    )
    assert event.actor == newsroom.contributor_a
    assert event.revision is not None
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([newsroom.editor.email, newsroom.superuser.email])
    assert story.title in mail.outbox[0].subject
    assert "/admin/articles/article/" in mail.outbox[0].body


def test_no_mail_is_sent_when_the_transaction_does_not_commit(newsroom, story):
    # Without running on_commit callbacks nothing may go out.
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    assert mail.outbox == []


def test_request_changes_needs_a_comment_and_mails_it_to_the_author(
    newsroom, story, django_capture_on_commit_callbacks
):
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    with pytest.raises(WorkflowError, match="catatan"):
        workflow.article_request_changes(article=story, by=newsroom.editor, comment=" ")
    story.refresh_from_db()
    assert story.status == Status.IN_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_request_changes(
            article=story,
            by=newsroom.editor,
            comment='Nama "Kapolres" & Pj. salah eja.',
        )
    story.refresh_from_db()
    assert story.status == Status.CHANGES_REQUESTED
    assert story.events.first().comment == 'Nama "Kapolres" & Pj. salah eja.'
    assert [m.to for m in mail.outbox] == [[newsroom.contributor_a.email]]
    # A plain-text mail: the editor's words arrive as typed, not HTML-escaped.
    assert 'Nama "Kapolres" & Pj. salah eja.' in mail.outbox[0].body
    assert "perlu revisi" in mail.outbox[0].subject


def test_publish_now_makes_the_story_visible_and_tells_the_author(
    newsroom, story, django_capture_on_commit_callbacks
):
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    with django_capture_on_commit_callbacks(execute=True):
        event = workflow.article_publish(article=story, by=newsroom.editor)
    assert event.action == "publish"
    assert Article.objects.visible().filter(pk=story.pk).exists()
    assert [m.to for m in mail.outbox] == [[newsroom.contributor_a.email]]
    assert "terbit" in mail.outbox[0].subject


def test_publish_at_a_future_time_schedules(newsroom, story):
    at = timezone.now() + datetime.timedelta(hours=3)
    event = workflow.article_publish(article=story, by=newsroom.editor, at=at)
    story.refresh_from_db()
    assert event.action == "schedule"
    assert story.status == Status.PUBLISHED and story.published_at == at
    assert story.is_scheduled
    assert Article.objects.scheduled().filter(pk=story.pk).exists()
    assert not Article.objects.visible().filter(pk=story.pk).exists()


def test_a_scheduled_story_can_be_published_now_but_a_visible_one_not_again(
    newsroom, story
):
    workflow.article_publish(
        article=story, by=newsroom.editor, at=timezone.now() + datetime.timedelta(1)
    )
    workflow.article_publish(article=story, by=newsroom.editor)
    assert Article.objects.visible().filter(pk=story.pk).exists()
    with pytest.raises(WorkflowError, match="sudah terbit"):
        workflow.article_publish(article=story, by=newsroom.editor)
    assert story.events.filter(action="publish").count() == 1


def test_unpublish_needs_a_reason_and_takes_the_story_off(
    newsroom, story, django_capture_on_commit_callbacks
):
    workflow.article_publish(article=story, by=newsroom.editor)
    with pytest.raises(WorkflowError, match="alasan"):
        workflow.article_unpublish(article=story, by=newsroom.editor, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_unpublish(
            article=story,
            by=newsroom.editor,
            reason="Data peserta keliru.",
            cause="dewan_pers",
            public=False,
        )
    story.refresh_from_db()
    assert story.status == Status.UNPUBLISHED
    assert not Article.objects.visible().filter(pk=story.pk).exists()
    assert "Data peserta keliru." in mail.outbox[-1].body
    takedown = story.takedowns.get()
    assert (takedown.reason, takedown.public_notice) == ("dewan_pers", False)


def test_withdraw_takes_a_story_back_to_draft(newsroom, story):
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    event = workflow.article_withdraw(article=story, by=newsroom.contributor_a)
    assert (event.from_status, event.to_status) == ("in_review", "draft")
    story.refresh_from_db()
    assert story.status == Status.DRAFT


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ({"summary": ""}, "ringkasan"),
        ({"category": None}, "rubrik"),
        ("no_photo", "foto utama"),
        ("no_alt", "teks alternatif foto utama"),
        ("no_caption", "keterangan foto utama"),
    ],
)
def test_an_incomplete_story_cannot_be_submitted_or_published(
    newsroom, story, missing, expected
):
    featured = story.photos.get()
    if missing == "no_photo":
        featured.delete()
    elif missing == "no_alt":
        featured.photo.alt_text = ""
        featured.photo.save()
    elif missing == "no_caption":
        featured.caption = ""
        featured.save()
        featured.photo.caption = ""
        featured.photo.save()
    else:
        for field, value in missing.items():
            setattr(story, field, value)
        story.save()
    for service, user in (
        (workflow.article_submit, newsroom.contributor_a),
        (workflow.article_publish, newsroom.editor),
    ):
        with pytest.raises(WorkflowError, match=expected):
            service(article=story, by=user)
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    assert not ArticleEvent.objects.exists()


def home_page(client):
    """The public home page as an anonymous reader gets it (cached after once)."""
    response = client.get("/")
    assert response.status_code == 200
    return response


def test_publishing_shows_the_story_on_the_already_cached_home_page(
    client, newsroom, story, django_capture_on_commit_callbacks
):
    home_page(client)
    assert home_page(client)["X-Warta-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_publish(article=story, by=newsroom.editor)
    assert story.title in home_page(client).content.decode()


def test_unpublishing_takes_the_story_off_the_already_cached_home_page(
    client, newsroom, story, django_capture_on_commit_callbacks
):
    workflow.article_publish(article=story, by=newsroom.editor)
    home_page(client)
    cached = home_page(client)
    assert cached["X-Warta-Cache"] == "hit"
    assert story.title in cached.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_unpublish(article=story, by=newsroom.editor, reason="Keliru.")
    assert story.title not in home_page(client).content.decode()


def test_a_featured_photo_is_found_even_among_gallery_photos(newsroom, story):
    ArticlePhoto.objects.create(
        article=story, photo=story.photos.get().photo, role="gallery", order=2
    )
    assert workflow.publish_problems(story) == []


def test_a_scheduled_story_can_be_taken_down_before_its_time(newsroom, story):
    at = timezone.now() + datetime.timedelta(hours=3)
    workflow.article_publish(article=story, by=newsroom.editor, at=at)
    workflow.article_unpublish(article=story, by=newsroom.editor, reason="Batal.")
    story.refresh_from_db()
    assert story.status == Status.UNPUBLISHED
    assert not Article.objects.scheduled().filter(pk=story.pk).exists()


def test_a_story_not_saved_yet_is_treated_as_the_users_own_draft(newsroom):
    names = [t.name for t in workflow.available_transitions(newsroom.editor, None)]
    assert names == ["submit", "publish", "schedule"]
    mine = workflow.available_transitions(newsroom.contributor_a, Article())
    assert [t.name for t in mine] == ["submit"]
