"""The admin's front page by role (articles/dashboards.py): a contributor's
stories by state with the editor's note; the editor's queue, calendar of the
coming days and what was published today."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.dashboards import contributor_board, editor_board
from tests.support.admin_forms import story_in
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db


def front_page(client, user):
    client.force_login(user)
    return client.get(reverse("admin:index")).content.decode()


def test_contributor_sees_stories_sent_back_first_with_the_editors_note(
    client, newsroom
):
    story_in(newsroom, "draft", title="Draf posyandu")
    sent_back = story_in(newsroom, "in_review", title="Rakor Pilkada")
    workflow.article_request_changes(
        article=sent_back, by=newsroom.editor, comment="Sebut nama Kapolres."
    )
    story_in(newsroom, "in_review", title="Vaksinasi di puskesmas")
    page = front_page(client, newsroom.contributor_a)
    board = page[page.index('id="contributor-board"') :]
    order = [board.index(t) for t in ("Perlu revisi", "Draf", "Menunggu review")]
    assert order == sorted(order)
    revise = board[: board.index('id="board-draft"')]
    assert "Rakor Pilkada" in revise and "Sebut nama Kapolres." in revise
    assert "Draf posyandu" in board and "Vaksinasi di puskesmas" in board


def test_contributor_board_holds_only_their_agencys_stories(client, newsroom):
    story_in(newsroom, "draft", title="Milik instansi A")
    ready_story(
        photo=bare_photo(),
        title="Milik instansi B",
        contributing_agency=newsroom.agency_b,
        author=newsroom.contributor_b,
    )
    page = front_page(client, newsroom.contributor_a)
    assert "Milik instansi A" in page
    assert "Milik instansi B" not in page
    assert 'id="editor-board"' not in page


def board_queries(user):
    with CaptureQueriesContext(connection) as queries:
        board = contributor_board(user)
        for group in board["groups"]:
            for item in group["items"]:
                (item.note, item.author) if group["state"] == "changes_requested" else (
                    item.author
                )
    return len(queries), board


def test_contributor_board_costs_the_same_queries_with_more_stories(newsroom):
    def sent_back(title):
        story = story_in(newsroom, "in_review", title=title)
        workflow.article_request_changes(
            article=story, by=newsroom.editor, comment="Perbaiki."
        )

    sent_back("Berita 0")
    story_in(newsroom, "draft")
    board_queries(newsroom.contributor_a)  # the user's role and agency, cached
    before, _board = board_queries(newsroom.contributor_a)
    for i in range(1, 4):
        sent_back(f"Berita {i}")
        story_in(newsroom, "draft")
        story_in(newsroom, "published")
    after, board = board_queries(newsroom.contributor_a)
    assert after == before
    assert [i.note for i in board["groups"][0]["items"]] == ["Perbaiki."] * 4


def test_editor_sees_queue_calendar_and_published_today(client, newsroom):
    waiting = story_in(newsroom, "draft", title="Menunggu di antrean")
    workflow.article_submit(article=waiting, by=newsroom.contributor_a)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    story_in(newsroom, "draft", title="Terbit besok").__class__.objects.filter(
        title="Terbit besok"
    ).update(status="published", published_at=tomorrow)
    story_in(newsroom, "draft", title="Terbit bulan depan").__class__.objects.filter(
        title="Terbit bulan depan"
    ).update(status="published", published_at=tomorrow + datetime.timedelta(days=30))
    today = story_in(newsroom, "draft", title="Terbit tadi")
    workflow.article_publish(article=today, by=newsroom.editor)

    page = front_page(client, newsroom.editor)
    queue = page[page.index('id="board-queue"') : page.index('id="board-calendar"')]
    calendar = page[page.index('id="board-calendar"') : page.index('id="board-today"')]
    published = page[page.index('id="board-today"') :]
    assert "Antrean redaksi (1)" in queue and "Menunggu di antrean" in queue
    assert "Terbit besok" in calendar and "Terbit bulan depan" not in calendar
    days = calendar.split('class="day"')[1:]
    assert len(days) == 7 and "Terbit besok" in days[1]
    assert "Terbit tadi" in published and "Terbit besok" not in published


def test_editor_board_puts_a_late_evening_story_on_its_local_day(newsroom):
    now = timezone.now()
    local_tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    late = timezone.make_aware(
        datetime.datetime.combine(local_tomorrow, datetime.time(23, 30))
    )
    story = story_in(newsroom, "draft", title="Malam hari")
    story.__class__.objects.filter(pk=story.pk).update(
        status="published", published_at=late
    )
    board = editor_board(now=now)
    assert [a.title for a in board["calendar"][1]["items"]] == ["Malam hari"]


def test_review_queue_page_says_what_it_is(client, newsroom):
    client.force_login(newsroom.editor)
    page = client.get(
        reverse("admin:articles_articleinreview_changelist")
    ).content.decode()
    assert "Pilih antrean redaksi" not in page
    assert "Antrean redaksi: berita menunggu review" in page
