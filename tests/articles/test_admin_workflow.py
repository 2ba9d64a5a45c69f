"""The workflow in the story admin (articles/admin/workflow.py): buttons drawn
and dispatched from the table of transitions, their inputs, bulk actions."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from articles import rights, workflow
from articles.models import Article, ArticleEvent
from articles.transitions import Input
from tests.support.admin_forms import change_url, form_data, story_in

pytestmark = pytest.mark.django_db
Status = Article.Status


@pytest.fixture
def archive(monkeypatch):
    """A transition that exists only in this test: one table entry and one
    service, nothing else. Returns the calls its service received."""
    calls = []

    def article_archive(*, article, by, note):
        calls.append({"article": article.pk, "by": by.pk, "note": note})

    monkeypatch.setitem(
        workflow.TRANSITIONS,
        "archive",
        workflow.Transition(
            name="archive",
            service=article_archive,
            label="Arsipkan",
            done="Berita masuk arsip.",
            may=lambda user, article: rights.is_editor(user),
            from_states=(Status.UNPUBLISHED,),
            verb="diarsipkan",
            comment_arg="note",
        ),
    )
    return calls


def test_a_transition_added_to_the_table_gets_its_button_where_its_rule_allows(
    client, newsroom, archive
):
    taken_down = story_in(newsroom, "unpublished")
    draft = story_in(newsroom, "draft")
    client.force_login(newsroom.editor)
    page = client.get(change_url(taken_down)).content.decode()
    assert 'value="archive" class="wf-archive">Arsipkan</button>' in page
    assert 'name="_workflow_comment"' in page  # the note it needs
    assert "Wajib diisi untuk Arsipkan;" in page
    assert ">Arsipkan</button>" not in client.get(change_url(draft)).content.decode()
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(taken_down)).content.decode()
    assert ">Arsipkan</button>" not in page


def test_a_transition_added_to_the_table_is_dispatched_to_its_service(
    client, newsroom, archive
):
    story = story_in(newsroom, "unpublished")
    client.force_login(newsroom.editor)
    data = form_data(client, story, _transition="archive", _workflow_comment="Usang.")
    response = client.post(change_url(story), data, follow=True)
    expected = {"article": story.pk, "by": newsroom.editor.pk, "note": "Usang."}
    assert archive == [expected]
    assert "Berita masuk arsip." in response.content.decode()


def test_a_transition_added_to_the_table_has_its_note_checked_by_the_form(
    client, newsroom, archive
):
    story = story_in(newsroom, "unpublished", title="Asli")
    client.force_login(newsroom.editor)
    data = form_data(client, story, title="Diubah", _transition="archive")
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Tulis catatan atau alasan" in response.content.decode()
    assert archive == []
    story.refresh_from_db()
    assert story.title == "Asli"


def test_schedule_button_publishes_at_the_typed_time_and_says_when(client, newsroom):
    story = story_in(newsroom, "in_review")
    at = (timezone.localtime() + datetime.timedelta(days=2)).replace(
        second=0, microsecond=0
    )
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        story,
        _transition="schedule",
        _workflow_at=at.strftime("%Y-%m-%dT%H:%M"),
    )
    response = client.post(change_url(story), data, follow=True)
    story.refresh_from_db()
    assert story.published_at == at
    assert Article.objects.scheduled().filter(pk=story.pk).exists()
    page = response.content.decode()
    assert "Berita dijadwalkan terbit" in page
    with translation.override(settings.LANGUAGE_CODE):
        assert date_format(at, "DATETIME_FORMAT") in page


def test_schedule_without_a_future_time_saves_nothing_and_says_why(client, newsroom):
    story = story_in(newsroom, "in_review", title="Asli")
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        story,
        title="Diubah",
        _transition="schedule",
        _workflow_at="2001-01-01T08:00",
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Isi waktu terbit yang akan datang" in response.content.decode()
    story.refresh_from_db()
    assert (story.title, story.status) == ("Asli", Status.IN_REVIEW)


def test_an_unknown_button_on_a_read_only_story_is_refused_with_a_message(
    client, newsroom
):
    story = story_in(newsroom, "in_review")
    client.force_login(newsroom.contributor_a)
    response = client.post(change_url(story), {"_transition": "hapus"}, follow=True)
    assert "Tindakan tidak dikenal." in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.IN_REVIEW
    assert not ArticleEvent.objects.exists()


def test_a_scheduled_story_offers_publish_now_reschedule_and_take_down(
    client, newsroom
):
    story = story_in(newsroom, "draft")
    workflow.article_publish(
        article=story,
        by=newsroom.editor,
        at=timezone.now() + datetime.timedelta(hours=3),
    )
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    for label in ("Terbitkan", "Jadwalkan", "Turunkan"):
        assert f">{label}</button>" in page
    assert ">Minta revisi</button>" not in page


def test_a_new_story_offers_a_contributor_only_to_submit_it(client, newsroom):
    client.force_login(newsroom.contributor_a)
    page = client.get(reverse("admin:articles_article_add")).content.decode()
    assert 'value="submit"' in page
    for name in (
        "publish",
        "schedule",
        "withdraw",
        "request_changes",
        "unpublish",
        "restore",
    ):
        assert f'value="{name}"' not in page


def test_bulk_submit_names_the_transition_in_its_message(client, newsroom):
    story = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_selected", "_selected_action": [story.pk]},
        follow=True,
    )
    assert "1 berita: Ajukan ke redaksi" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.IN_REVIEW


@pytest.fixture
def flag(monkeypatch):
    """A made-up transition with a list and a checkbox (``Transition.inputs``):
    nothing in the admin knows it. Returns the calls its service received."""
    calls = []

    def article_flag(*, article, by, level, loud):
        calls.append({"level": level, "loud": loud})

    monkeypatch.setitem(
        workflow.TRANSITIONS,
        "flag",
        workflow.Transition(
            name="flag",
            service=article_flag,
            label="Tandai",
            done="Berita ditandai.",
            may=lambda user, article: rights.is_editor(user),
            from_states=(Status.PUBLISHED,),
            inputs=(
                Input(
                    arg="level",
                    label="Tingkat",
                    choices=(("rendah", "Rendah"), ("tinggi", "Tinggi")),
                    required="Pilih tingkatnya.",
                ),
                Input(arg="loud", label="Umumkan"),
            ),
        ),
    )
    return calls


def test_a_transitions_list_and_checkbox_are_drawn_from_the_table(
    client, newsroom, flag
):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    assert '<select name="_workflow_level" id="id_workflow_level">' in page
    assert '<option value="tinggi">Tinggi</option>' in page
    assert 'name="_workflow_loud" id="id_workflow_loud" value="1">' in page


def test_a_transitions_list_and_checkbox_reach_its_service(client, newsroom, flag):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    data = form_data(
        client, story, _transition="flag", _workflow_level="tinggi", _workflow_loud="1"
    )
    response = client.post(change_url(story), data, follow=True)
    assert "Berita ditandai." in response.content.decode()
    data = form_data(client, story, _transition="flag", _workflow_level="rendah")
    client.post(change_url(story), data, follow=True)
    assert flag == [
        {"level": "tinggi", "loud": True},
        {"level": "rendah", "loud": False},
    ]


def test_a_transitions_list_is_checked_by_the_form(client, newsroom, flag):
    story = story_in(newsroom, "published")
    client.force_login(newsroom.editor)
    for level in ("", "sedang"):
        data = form_data(client, story, _transition="flag", _workflow_level=level)
        response = client.post(change_url(story), data)
        assert response.status_code == 200
        assert "Pilih tingkatnya." in response.content.decode()
    assert flag == []
