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


def admin_page_data(response, **overrides):
    """Any admin change page's form and inline rows, as the browser would post
    them back unchanged (``response`` is the page's GET), with ``overrides``."""
    context = response.context
    forms = [context["adminform"].form]
    data = {}
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management.initial.get(name, "")
        data[management.add_prefix("TOTAL_FORMS")] = formset.initial_form_count()
        forms += formset.initial_forms
    for form in forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                value = [getattr(v, "pk", v) for v in value]
            elif hasattr(value, "pk"):
                value = value.pk
            data[form.add_prefix(name)] = value
    data.update(overrides)
    return data
