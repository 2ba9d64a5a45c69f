"""A story's admin change form, posted back as a browser would post it."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.support.newsroom import bare_photo, ready_story


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(client, article, **overrides):
    """The change form's own data as the browser would post it back."""
    form = client.get(change_url(article)).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
        else:
            data[name] = value
    data["tags"] = "pilkada 2024"
    data.update(
        {
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(overrides)
    return data


def story_in(newsroom, state, **kwargs):
    published_at = (
        timezone.now() - datetime.timedelta(hours=1)
        if state in ("published", "unpublished")
        else None
    )
    return ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
        status=state,
        published_at=published_at,
        **kwargs,
    )
