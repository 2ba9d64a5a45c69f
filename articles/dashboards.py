"""The admin's front page by role: what a contributor's stories wait for, and
what an editor has to review, has scheduled and published today.

Reads only (selectors), each a fixed number of queries whatever the archive
holds; drawn by ``templatetags/workflow_admin.py`` on ``admin/index.html``.
"""

import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rights
from .models import Article, ArticleEvent

Status = Article.Status

# What a contributor must act on comes first.
CONTRIBUTOR_STATES = [
    (Status.CHANGES_REQUESTED, _("Perlu revisi")),
    (Status.DRAFT, _("Draf")),
    (Status.IN_REVIEW, _("Menunggu review")),
    ("scheduled", _("Terjadwal")),
    ("visible", _("Terbit")),
    (Status.UNPUBLISHED, _("Diturunkan")),
]
PER_STATE = 10
CALENDAR_DAYS = 7


def _latest_event(action, field):
    return Subquery(
        ArticleEvent.objects.filter(article=OuterRef("pk"), action=action)
        .order_by("-created_at", "-pk")
        .values(field)[:1]
    )


def _state_queryset(stories, state):
    if state == "scheduled":
        return stories.scheduled()
    if state == "visible":
        return stories.visible()
    return stories.filter(status=state)


def contributor_board(user, *, per_state=PER_STATE):
    """``user``'s agency's stories by state, "Perlu revisi" first with the
    editor's note; each state with its count and newest ``per_state``."""
    stories = rights.stories_for(user).select_related("author")
    groups = []
    for state, label in CONTRIBUTOR_STATES:
        queryset = _state_queryset(stories, state)
        if state == Status.CHANGES_REQUESTED:
            queryset = queryset.annotate(
                note=_latest_event(ArticleEvent.Action.REQUEST_CHANGES, "comment"),
                noted_at=_latest_event(
                    ArticleEvent.Action.REQUEST_CHANGES, "created_at"
                ),
            )
        items = list(queryset.order_by("-updated_at", "-pk")[: per_state + 1])
        groups.append(
            {
                "state": state,
                "label": label,
                "items": items[:per_state],
                "more": len(items) > per_state,
            }
        )
    return {"groups": groups, "empty": not any(g["items"] for g in groups)}


def editor_board(*, now=None, days=CALENDAR_DAYS, limit=PER_STATE):
    """The review queue (oldest submission first), the coming ``days`` of
    scheduled stories day by day, and what was published today."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    queue = (
        Article.objects.filter(status=Status.IN_REVIEW)
        .select_related("contributing_agency", "author")
        .annotate(submitted_at=_latest_event(ArticleEvent.Action.SUBMIT, "created_at"))
        .order_by("submitted_at", "pk")
    )
    queue_count = queue.count()
    end = _day_start(today + datetime.timedelta(days=days))
    scheduled = list(
        Article.objects.scheduled()
        .filter(published_at__lt=end)
        .select_related("contributing_agency")
        .order_by("published_at", "pk")
    )
    calendar = [
        {
            "day": today + datetime.timedelta(days=offset),
            "items": [
                a
                for a in scheduled
                if timezone.localdate(a.published_at)
                == today + datetime.timedelta(days=offset)
            ],
        }
        for offset in range(days)
    ]
    published_today = list(
        Article.objects.visible()
        .filter(published_at__gte=_day_start(today))
        .select_related("contributing_agency")
        .order_by("-published_at", "-pk")
    )
    return {
        "queue": list(queue[:limit]),
        "queue_count": queue_count,
        "calendar": calendar,
        "scheduled_count": len(scheduled),
        "published_today": published_today,
        "today": today,
    }


def _day_start(day):
    """Midnight at the start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
