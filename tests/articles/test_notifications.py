"""Workflow mail (articles/notifications.py): who hears of a transition, and a
mail server that fails never undoes or hides one."""

import logging

import pytest
from django.core import mail

from articles import workflow
from articles.models import Article
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(newsroom):
    return ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )


def test_the_editor_who_submits_is_not_mailed_about_it(
    newsroom, story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_submit(article=story, by=newsroom.editor)
    assert [m.to for m in mail.outbox] == [[newsroom.superuser.email]]


def test_an_author_without_an_email_address_gets_no_mail(
    newsroom, story, django_capture_on_commit_callbacks
):
    newsroom.contributor_a.email = ""
    newsroom.contributor_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_publish(article=story, by=newsroom.editor)
    assert mail.outbox == []


def test_withdrawing_mails_nobody(newsroom, story, django_capture_on_commit_callbacks):
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.article_withdraw(article=story, by=newsroom.contributor_a)
    assert mail.outbox == []


def test_a_failing_mail_server_is_logged_and_the_story_stays_published(
    newsroom, story, django_capture_on_commit_callbacks, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.articles.test_notifications.BrokenBackend"
    with (
        caplog.at_level(logging.ERROR, logger="articles.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        workflow.article_publish(article=story, by=newsroom.editor)
    assert Article.objects.visible().filter(pk=story.pk).exists()
    assert "could not be sent" in caplog.text


class BrokenBackend:
    """A mail server that is down."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")
