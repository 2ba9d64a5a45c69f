"""Takedowns (articles/takedowns.py and the "unpublish"/"restore" rows of
articles/workflow.py): the guideline's reason, the public flag, the undoing,
and who may do either."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.errors import WorkflowError
from articles.models import Article, ArticleEvent, ArticleTakedown
from tests.support.admin_forms import change_url, form_data, story_in

pytestmark = pytest.mark.django_db
Status = Article.Status
PICK_A_REASON = "Pilih alasan menurunkan berita menurut Pedoman Pemberitaan"


def take_down(story, by, **kwargs):
    kwargs = {"reason": "Data korban terbuka.", "cause": "trauma", **kwargs}
    return workflow.article_unpublish(article=story, by=by, **kwargs)


def test_the_turunkan_button_asks_for_the_guidelines_reason_and_the_notice(
    client, newsroom
):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    assert '<select name="_workflow_cause"' in page
    for label in (
        "Menyangkut SARA",
        "Melanggar kesusilaan",
        "Menyangkut masa depan anak",
        "Menyangkut pengalaman traumatik korban",
        "Keputusan Dewan Pers",
        "Alasan lain",
    ):
        assert f">{label}</option>" in page
    assert 'name="_workflow_public" id="id_workflow_public" value="1" checked' in page


def test_the_editor_takes_a_story_down_with_reason_and_private_notice(client, newsroom):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        story,
        _transition="unpublish",
        _workflow_comment="Nama anak korban tersebut.",
        _workflow_cause="anak",
    )  # the notice box left unticked
    response = client.post(change_url(story), data, follow=True)
    assert "Berita diturunkan dari situs." in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.UNPUBLISHED
    takedown = ArticleTakedown.objects.get(article=story)
    assert (takedown.reason, takedown.reason_text, takedown.public_notice) == (
        "anak",
        "Nama anak korban tersebut.",
        False,
    )
    assert takedown.created_by == newsroom.editor
    assert takedown.undone_at is None


@pytest.mark.parametrize("cause", ["", "bosan"])
def test_the_reason_is_required_and_nothing_typed_is_lost(client, newsroom, cause):
    story = story_in(newsroom, "published", title="Judul asli")
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        story,
        title="Judul yang baru diketik",
        _transition="unpublish",
        _workflow_comment="Catatan yang sudah diketik.",
        _workflow_cause=cause,
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert PICK_A_REASON in page
    assert "Judul yang baru diketik" in page
    assert "Catatan yang sudah diketik." in page
    story.refresh_from_db()
    assert (story.status, story.title) == (Status.PUBLISHED, "Judul asli")
    assert not ArticleTakedown.objects.exists()


def test_the_service_refuses_a_reason_the_guideline_does_not_name(newsroom):
    story = story_in(newsroom, "published")
    with pytest.raises(WorkflowError, match="Pilih alasan"):
        take_down(story, newsroom.editor, cause="bosan")
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    assert not ArticleTakedown.objects.exists()


def test_undoing_publishes_again_at_the_original_time_and_keeps_the_record(
    client, newsroom
):
    story = story_in(newsroom, "published")
    published_at = story.published_at
    take_down(story, newsroom.editor)
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    assert 'value="restore" class="wf-restore">Batalkan penurunan</button>' in page
    data = form_data(client, story, _transition="restore")
    response = client.post(change_url(story), data, follow=True)
    assert "Penurunan dibatalkan; berita terbit lagi." in response.content.decode()
    story.refresh_from_db()
    assert (story.status, story.published_at) == (Status.PUBLISHED, published_at)
    takedown = ArticleTakedown.objects.get(article=story)
    assert takedown.undone_by == newsroom.editor
    assert takedown.undone_at is not None
    # Undone once: nothing more to undo.
    with pytest.raises(WorkflowError):
        workflow.article_restore(article=story, by=newsroom.editor)


def test_both_acts_are_in_the_history_with_the_reason(client, newsroom):
    story = story_in(newsroom, "published")
    take_down(story, newsroom.editor, cause="dewan_pers", reason="Putusan PPR.")
    workflow.article_restore(article=story, by=newsroom.editor)
    events = list(story.events.order_by("pk").values_list("action", "comment"))
    assert events == [
        ("unpublish", "Keputusan Dewan Pers: Putusan PPR."),
        ("restore", "Penurunan dibatalkan (alasan semula: Keputusan Dewan Pers)"),
    ]
    client.force_login(newsroom.contributor_a)  # the story's own contributor
    url = reverse("admin:articles_article_history", args=[story.pk])
    page = client.get(url).content.decode()
    assert "Keputusan Dewan Pers: Putusan PPR." in page
    assert "Penurunan dibatalkan (alasan semula: Keputusan Dewan Pers)" in page


def test_restore_is_not_offered_for_a_story_taken_off_without_a_takedown(
    client, newsroom
):
    story = story_in(newsroom, "unpublished")  # from before takedowns existed
    client.force_login(newsroom.editor)
    assert 'value="restore"' not in client.get(change_url(story)).content.decode()
    with pytest.raises(WorkflowError):
        workflow.article_restore(article=story, by=newsroom.editor)


@pytest.mark.parametrize("contributor", ["contributor_a", "contributor_b"])
def test_contributor_cannot_take_down_by_crafted_post(client, newsroom, contributor):
    story = story_in(newsroom, "published")
    client.force_login(getattr(newsroom, contributor))
    client.post(
        change_url(story),
        {
            "_transition": "unpublish",
            "_workflow_comment": "x",
            "_workflow_cause": "sara",
            "_workflow_public": "1",
        },
    )
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    assert not ArticleTakedown.objects.exists()
    assert not ArticleEvent.objects.exists()


@pytest.mark.parametrize("contributor", ["contributor_a", "contributor_b"])
def test_contributor_cannot_undo_a_takedown_by_crafted_post(
    client, newsroom, contributor
):
    story = story_in(newsroom, "published")
    take_down(story, newsroom.editor)
    client.force_login(getattr(newsroom, contributor))
    assert 'value="restore"' not in client.get(change_url(story)).content.decode()
    client.post(change_url(story), {"_transition": "restore"})
    story.refresh_from_db()
    assert story.status == Status.UNPUBLISHED
    assert ArticleTakedown.objects.get(article=story).undone_at is None
    with pytest.raises(WorkflowError, match="tidak berhak"):
        workflow.article_restore(article=story, by=getattr(newsroom, contributor))
