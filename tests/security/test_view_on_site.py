"""The admin's "view on site" address (/admin/r/<type>/<id>/) reveals no story
readers may not see, and checks the same right as opening the story."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.models import Article, ArticleInReview
from tests.support.factories import CategoryFactory
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(newsroom):
    return ready_story(
        photo=bare_photo(),
        title="Rahasia pergantian kepala dinas",
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )


@pytest.fixture
def visible(newsroom):
    return ready_story(
        photo=bare_photo(),
        title="Rakor terbit",
        contributing_agency=newsroom.agency_a,
        published=True,
    )


def shortcut(article, model=Article):
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return reverse("admin:view_on_site", args=[content_type.pk, article.pk])


@pytest.mark.parametrize("who", ["stranger", "contributor_b"])
@pytest.mark.parametrize("model", [Article, ArticleInReview])
def test_a_draft_has_no_address_for_who_may_not_open_it(
    client, newsroom, draft, who, model
):
    client.force_login(getattr(newsroom, who))

    response = client.get(shortcut(draft, model))

    assert response.status_code == 404
    assert draft.slug not in response.get("Location", "")
    assert draft.slug not in response.content.decode()


@pytest.mark.parametrize("who", ["editor", "contributor_a"])
def test_a_draft_sends_who_may_open_it_to_the_preview_not_a_public_address(
    client, newsroom, draft, who
):
    client.force_login(getattr(newsroom, who))

    response = client.get(shortcut(draft))

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:preview", args=[draft.pk])


def test_a_scheduled_story_has_no_public_address_yet(client, newsroom, draft):
    import datetime

    from django.utils import timezone

    Article.objects.filter(pk=draft.pk).update(
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    client.force_login(newsroom.contributor_b)
    assert client.get(shortcut(draft)).status_code == 404
    client.force_login(newsroom.editor)
    assert draft.slug not in client.get(shortcut(draft))["Location"]


def test_a_visible_story_still_goes_to_its_public_page(client, newsroom, visible):
    client.force_login(newsroom.editor)

    response = client.get(shortcut(visible))

    assert response.status_code == 302
    assert response["Location"].endswith(visible.get_absolute_url())


def test_a_visible_story_is_refused_to_who_may_not_open_it(client, newsroom, visible):
    client.force_login(newsroom.contributor_b)

    assert client.get(shortcut(visible)).status_code == 404


def test_the_story_form_offers_a_public_address_only_for_a_visible_story(
    client, newsroom, draft, visible
):
    client.force_login(newsroom.editor)

    def site_url(article):
        page = client.get(reverse("admin:articles_article_change", args=[article.pk]))
        return page.context["has_absolute_url"]

    assert site_url(draft) is False
    assert site_url(visible) is True


def test_other_models_keep_their_view_on_site(client, newsroom):
    category = CategoryFactory()
    client.force_login(newsroom.editor)
    content_type = ContentType.objects.get_for_model(category)

    response = client.get(
        reverse("admin:view_on_site", args=[content_type.pk, category.pk])
    )

    assert response.status_code == 302
    assert response["Location"].endswith(category.get_absolute_url())


@pytest.mark.parametrize(
    "path",
    ["/admin/r/99999999999999999999/1/", "/admin/r/1/99999999999999999999/"],
)
def test_hostile_ids_are_not_found(client, newsroom, path):
    client.force_login(newsroom.editor)

    assert client.get(path).status_code == 404
