"""An acknowledged edit is what the next reader gets (issue 9): a reader who
renders a page while the save's transaction is still open stores the old
text, and the invalidation after the commit must make it unreachable."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from articles import workflow
from articles.models import Article
from tests.support.newsroom import Newsroom

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "needs a reader that is not blocked by an open write transaction: "
            "SQLite locks the whole file; run with DATABASE_URL=postgres://... "
            "(the CI does)"
        ),
    ),
]


def read_during_open_save(save, path):
    """Run ``save`` in a transaction on another connection; while it is open,
    an anonymous reader requests ``path``; then the save commits. Returns the
    reader's response during the save and the next one after it."""
    reader = Client()
    saved, read = threading.Event(), threading.Event()
    errors = []

    def editor():
        try:
            with transaction.atomic():
                save()
                saved.set()
                assert read.wait(timeout=20), "the reader never came"
        except Exception as error:  # shown by the test below
            errors.append(error)
            saved.set()
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=editor)
    thread.start()
    assert saved.wait(timeout=20)
    during = reader.get(path)
    read.set()
    thread.join(timeout=20)
    assert not thread.is_alive() and not errors, errors
    return during, reader.get(path)


def published_story(newsroom, title, summary):
    return Article.objects.create(
        title=title,
        summary=summary,
        status=Article.Status.PUBLISHED,
        published_at="2026-01-05T09:00:00+07:00",
        contributing_agency=newsroom.agency_a,
    )


def test_the_next_read_after_a_save_shows_the_new_text():
    newsroom = Newsroom()
    story = published_story(
        newsroom, "Rapat koordinasi pilkada", "Ringkasan lama sebelum diperbaiki."
    )
    path = story.get_absolute_url()

    def correct_the_summary():
        editing = Article.objects.get(pk=story.pk)
        editing.summary = "Ringkasan baru yang sudah diperbaiki."
        editing.save()

    during, after = read_during_open_save(correct_the_summary, path)
    # While the save is open the reader renders the old text and stores it:
    # the race the invalidation after the commit must win.
    assert during["X-Warta-Cache"] == "miss"
    assert "Ringkasan lama" in during.content.decode()
    assert after.status_code == 200
    assert "Ringkasan baru yang sudah diperbaiki." in after.content.decode()
    assert "Ringkasan lama" not in after.content.decode()


def test_the_next_read_after_a_takedown_is_gone():
    newsroom = Newsroom()
    story = published_story(
        newsroom, "Berita yang akan dicabut", "Teks yang harus hilang dari publik."
    )
    path = story.get_absolute_url()

    def take_down():
        workflow.article_unpublish(
            article=Article.objects.get(pk=story.pk),
            by=newsroom.editor,
            reason="Melanggar pedoman.",
            cause="sara",
        )

    during, after = read_during_open_save(take_down, path)
    assert during.status_code == 200
    assert during["X-Warta-Cache"] == "miss"
    assert after.status_code == 410
    assert "Teks yang harus hilang" not in after.content.decode()
    assert "Berita yang akan dicabut" not in Client().get("/").content.decode()
