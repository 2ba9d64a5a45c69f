"""No lost update: two editors publishing at once give one publish; a form
opened before someone else's save is refused with its text shown back."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from articles import workflow
from articles.errors import WorkflowError
from articles.models import Article, ArticleEvent
from tests.support.admin_forms import form_data
from tests.support.newsroom import Newsroom, bare_photo, editor, ready_story


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "needs row locks: SQLite has no SELECT ... FOR UPDATE and serializes "
        "writers on the whole file, so two threads cannot race there; run "
        "with DATABASE_URL=postgres://... (the CI does)"
    ),
)
def test_two_editors_publishing_at_once_give_one_publish_and_one_event():
    newsroom = Newsroom()
    second = editor("redaktur2")
    story = ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_a,
        status=Article.Status.IN_REVIEW,
    )
    barrier = threading.Barrier(2)
    outcomes = []

    def publish(user):
        try:
            barrier.wait(timeout=10)
            workflow.article_publish(article=Article.objects.get(pk=story.pk), by=user)
            outcomes.append("published")
        except WorkflowError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [
        threading.Thread(target=publish, args=(u,)) for u in (newsroom.editor, second)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["Berita ini sudah terbit.", "published"]
    assert ArticleEvent.objects.filter(article=story, action="publish").count() == 1
    story.refresh_from_db()
    assert Article.objects.visible().filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_second_publish_of_the_same_story_is_refused_and_records_nothing():
    newsroom = Newsroom()
    story = ready_story(photo=bare_photo(), status=Article.Status.IN_REVIEW)
    workflow.article_publish(
        article=Article.objects.get(pk=story.pk), by=newsroom.editor
    )
    stale_copy = Article.objects.get(pk=story.pk)
    with pytest.raises(WorkflowError, match="sudah terbit"):
        workflow.article_publish(article=stale_copy, by=newsroom.superuser)
    assert ArticleEvent.objects.filter(action="publish").count() == 1


@pytest.mark.django_db
def test_a_stale_save_is_refused_and_its_text_is_shown_back(client):
    newsroom = Newsroom()
    other_editor = editor("redaktur2", first_name="Sari")
    story = ready_story(photo=bare_photo(), title="Rakor Pilkada")
    url = reverse("admin:articles_article_change", args=[story.pk])

    client.force_login(newsroom.editor)
    mine = form_data(client, story)
    from django.test import Client

    theirs_client = Client()
    theirs_client.force_login(other_editor)
    theirs = form_data(theirs_client, story)

    # Sari saves first.
    theirs["title"] = "Rakor Pilkada versi Sari"
    assert theirs_client.post(url, theirs).status_code == 302
    # The first editor's form still carries the version it was opened on.
    mine["title"] = "Rakor Pilkada versi saya"
    mine["body"] = "<p>Paragraf panjang yang saya ketik dengan susah payah.</p>"
    response = client.post(url, mine)
    assert response.status_code == 200
    page = response.content.decode()
    assert "sudah diubah oleh Sari" in page
    assert "TIDAK diterapkan" in page
    assert "Rakor Pilkada versi saya" in page
    assert "Paragraf panjang yang saya ketik dengan susah payah." in page
    assert "Lihat apa yang diubah orang lain" in page
    story.refresh_from_db()
    assert story.title == "Rakor Pilkada versi Sari"


@pytest.mark.django_db
def test_opening_a_story_someone_else_has_open_says_so(client):
    newsroom = Newsroom()
    story = ready_story(photo=bare_photo(), contributing_agency=newsroom.agency_a)
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.force_login(newsroom.contributor_a)
    client.get(url)
    client.force_login(newsroom.editor)
    page = client.get(url).content.decode()
    assert "sedang dibuka juga oleh:</strong>\n    humas.a" in page.lower()


@pytest.mark.django_db
def test_a_form_without_its_version_is_refused(client):
    newsroom = Newsroom()
    story = ready_story(photo=bare_photo(), title="Asli")
    client.force_login(newsroom.editor)
    url = reverse("admin:articles_article_change", args=[story.pk])
    data = form_data(client, story, title="Tanpa versi")
    data.pop("revision_token")
    assert client.post(url, data).status_code == 200
    story.refresh_from_db()
    assert story.title == "Asli"
