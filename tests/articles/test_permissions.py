"""Who may do what, enforced by the server on every path: the services, the
change and add forms, bulk actions, the changelist, ids typed into URLs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.errors import WorkflowError
from articles.models import Article, ArticleEvent, ArticleTakedown
from tests.support.admin_forms import change_url, form_data, story_in
from tests.support.factories import AgencyFactory, CategoryFactory, UserFactory
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db
Status = Article.Status

ROLES = ["editor", "superuser", "contributor_own", "contributor_other", "stranger"]
STATES = [s.value for s in Status]
ACTIONS = ["submit", "withdraw", "request_changes", "publish", "unpublish", "restore"]
EDITORS = {"editor", "superuser"}

# The rules, written out independently of articles.rights: (role, state) pairs
# for which each action must succeed.
ALLOWED = {
    "submit": lambda role, state: (
        state in ("draft", "changes_requested")
        and role in EDITORS | {"contributor_own"}
    ),
    "withdraw": lambda role, state: (
        state == "in_review" and role in EDITORS | {"contributor_own"}
    ),
    "request_changes": lambda role, state: state == "in_review" and role in EDITORS,
    "publish": lambda role, state: state != "published" and role in EDITORS,
    "unpublish": lambda role, state: state == "published" and role in EDITORS,
    # The matrix's unpublished stories carry a takedown in force (see below).
    "restore": lambda role, state: state == "unpublished" and role in EDITORS,
}


def user_for(newsroom, role):
    return {
        "editor": newsroom.editor,
        "superuser": newsroom.superuser,
        "contributor_own": newsroom.contributor_a,
        "contributor_other": newsroom.contributor_b,
        "stranger": newsroom.stranger,
    }[role]


def act(action, article, user):
    kwargs = {"article": article, "by": user}
    if action == "request_changes":
        kwargs["comment"] = "Perbaiki judul."
    if action == "unpublish":
        kwargs.update(reason="Salah data.", cause="sara", public=True)
    return getattr(workflow, f"article_{action}")(**kwargs)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_of_the_workflow_services(newsroom, role, action, state):
    article = story_in(newsroom, state)
    if state == "unpublished":
        ArticleTakedown.objects.create(
            article=article, reason="sara", reason_text="x", created_at=timezone.now()
        )
    user = user_for(newsroom, role)
    before = (article.status, article.published_at)
    if ALLOWED[action](role, state):
        event = act(action, article, user)
        article.refresh_from_db()
        assert event.from_status == state
        assert article.status == event.to_status
        assert ArticleEvent.objects.count() == 1
    else:
        with pytest.raises(WorkflowError) as caught:
            act(action, article, user)
        assert caught.value.message  # a sentence fit to show
        article.refresh_from_db()
        assert (article.status, article.published_at) == before
        assert not ArticleEvent.objects.exists()


# --- the admin ----------------------------------------------------------------


FORBIDDEN_FIELDS = {
    "status": "published",
    "published_at_0": "01/01/2024",
    "published_at_1": "08:00:00",
    "is_headline": "on",
    "slug": "alamat-pilihan-penulis",
}


def test_contributor_crafted_add_post_cannot_set_state_author_agency_or_time(
    client, newsroom
):
    client.force_login(newsroom.contributor_a)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Berita humas",
            "summary": "Ringkas.",
            "dateline": "MMC Kobar",
            "body": "<p>Isi.</p>",
            "category": CategoryFactory().pk,
            "author": newsroom.editor.pk,
            "contributing_agency": newsroom.agency_b.pk,
            **FORBIDDEN_FIELDS,
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert article.author == newsroom.contributor_a
    assert article.contributing_agency == newsroom.agency_a
    assert article.published_at is None
    assert article.is_headline is False
    assert article.slug == "berita-humas"


def test_contributor_crafted_change_post_cannot_set_state_author_agency_or_time(
    client, newsroom
):
    article = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    data = form_data(
        client,
        article,
        title="Judul baru",
        author=newsroom.editor.pk,
        contributing_agency=newsroom.agency_b.pk,
        **FORBIDDEN_FIELDS,
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Judul baru"
    assert article.status == Status.DRAFT
    assert article.author == newsroom.contributor_a
    assert article.contributing_agency == newsroom.agency_a
    assert article.published_at is None
    assert not article.is_headline


def test_contributor_cannot_publish_by_crafted_workflow_button(client, newsroom):
    article = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    for action in ("publish", "schedule", "unpublish", "request_changes", "restore"):
        data = form_data(
            client,
            article,
            _transition=action,
            _workflow_comment="x",
            _workflow_cause="sara",
            _workflow_public="1",
            _workflow_at="2030-01-01T08:00",
        )
        client.post(change_url(article), data, follow=True)
        article.refresh_from_db()
        assert article.status == Status.DRAFT
    assert not ArticleEvent.objects.exists()


def test_editor_may_set_headline_author_and_agency(client, newsroom):
    article = story_in(newsroom, "in_review")
    client.force_login(newsroom.editor)
    data = form_data(
        client,
        article,
        is_headline="on",
        author=newsroom.editor.pk,
        contributing_agency=newsroom.agency_b.pk,
        status="published",
    )
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.is_headline
    assert article.author == newsroom.editor
    assert article.contributing_agency == newsroom.agency_b
    assert article.status == Status.IN_REVIEW  # state only through the buttons


@pytest.mark.parametrize(
    "url_name", ["change", "history", "delete", "compare", "preview_link"]
)
def test_contributor_of_another_agency_gets_404_for_a_story_by_id(
    client, newsroom, url_name
):
    article = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_b)
    response = client.get(
        reverse(f"admin:articles_article_{url_name}", args=[article.pk])
    )
    assert response.status_code == 404


def test_contributor_of_another_agency_cannot_edit_delete_or_preview_by_id(
    client, newsroom
):
    article = story_in(newsroom, "draft", title="Asli")
    client.force_login(newsroom.contributor_b)
    response = client.post(change_url(article), {"title": "Dibajak"})
    assert response.status_code == 404
    response = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 404
    response = client.post(
        change_url(article), {"_transition": "submit", "title": "Dibajak"}
    )
    assert response.status_code == 404
    assert client.get(reverse("portal:preview", args=[article.pk])).status_code == 404
    article.refresh_from_db()
    assert article.title == "Asli" and article.status == Status.DRAFT


@pytest.mark.parametrize("action", ["submit_selected", "delete_selected"])
def test_contributor_bulk_actions_on_another_agencys_story_change_nothing(
    client, newsroom, action
):
    article = story_in(newsroom, "draft", title="Asli")
    client.force_login(newsroom.contributor_b)
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [article.pk], "post": "yes"},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert not ArticleEvent.objects.exists()


def test_contributor_changelist_shows_only_their_agency(client, newsroom):
    own = story_in(newsroom, "draft", title="Berita Kesbangpol")
    ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_b,
        title="Berita Dinkes",
    )
    client.force_login(newsroom.contributor_a)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert own.title in page
    assert "Berita Dinkes" not in page


def test_a_contributor_without_an_agency_sees_and_adds_nothing(client, newsroom):
    story_in(newsroom, "draft", title="Berita Kesbangpol")
    client.force_login(newsroom.stranger)
    page = client.get(reverse("admin:articles_article_changelist"))
    assert "Berita Kesbangpol" not in page.content.decode()
    assert client.get(reverse("admin:articles_article_add")).status_code == 403


@pytest.mark.parametrize("state", ["in_review", "published", "unpublished"])
def test_contributor_cannot_edit_own_story_outside_draft_and_changes_requested(
    client, newsroom, state
):
    article = story_in(newsroom, state, title="Asli")
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(article))
    assert page.status_code == 200  # may read it
    assert 'name="title"' not in page.content.decode()
    response = client.post(change_url(article), {"title": "Diubah", "_save": "1"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Asli" and article.status == state


def test_contributor_withdraws_from_the_read_only_form(client, newsroom):
    article = story_in(newsroom, "in_review")
    client.force_login(newsroom.contributor_a)
    assert "Tarik kembali" in client.get(change_url(article)).content.decode()
    client.post(change_url(article), {"_transition": "withdraw"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT


@pytest.mark.parametrize(
    ("state", "published_before", "may_delete"),
    [
        ("draft", False, True),
        ("changes_requested", False, True),
        ("draft", True, False),  # published once, withdrawn to draft since
        ("in_review", False, False),
        ("published", True, False),
        ("unpublished", True, False),
    ],
)
def test_contributor_deletes_only_never_published_own_drafts(
    client, newsroom, state, published_before, may_delete
):
    article = story_in(newsroom, state)
    if published_before and state == "draft":
        ArticleEvent.objects.create(
            article=article,
            action="publish",
            from_status="in_review",
            to_status="published",
        )
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == (302 if may_delete else 403)
    assert Article.objects.filter(pk=article.pk).exists() is not may_delete


def test_bulk_delete_refuses_everything_when_one_story_was_published(client, newsroom):
    draft = story_in(newsroom, "draft")
    published = story_in(newsroom, "published")
    client.force_login(newsroom.contributor_a)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [draft.pk, published.pk],
            "post": "yes",
        },
        follow=True,
    )
    assert "Tidak ada yang dihapus" in response.content.decode()
    assert Article.objects.filter(pk__in=[draft.pk, published.pk]).count() == 2


def test_editor_bulk_publish_goes_through_the_service(client, newsroom):
    ready = story_in(newsroom, "in_review")
    incomplete = story_in(newsroom, "in_review")
    incomplete.photos.all().delete()
    client.force_login(newsroom.editor)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, incomplete.pk]},
        follow=True,
    )
    ready.refresh_from_db()
    incomplete.refresh_from_db()
    assert Article.objects.visible().filter(pk=ready.pk).exists()
    assert incomplete.status == Status.IN_REVIEW
    assert "foto utama" in response.content.decode()


def test_contributor_has_no_bulk_publish_action(client, newsroom):
    article = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "publish_selected" not in page
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_changelist_has_no_editable_columns_and_ignores_crafted_ones(client, newsroom):
    article = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": article.pk,
            "form-0-status": "published",
            "form-0-is_headline": "on",
            "_save": "Simpan",
        },
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.status == Status.DRAFT and not article.is_headline


@pytest.mark.parametrize(
    "state", ["draft", "in_review", "changes_requested", "unpublished"]
)
def test_anonymous_request_for_an_unpublished_story_is_404(client, newsroom, state):
    article = story_in(newsroom, state)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_anonymous_request_for_a_scheduled_story_is_404(client, newsroom):
    article = story_in(newsroom, "draft")
    workflow.article_publish(
        article=article,
        by=newsroom.editor,
        at=timezone.now() + datetime.timedelta(hours=2),
    )
    assert client.get(article.get_absolute_url()).status_code == 404


def test_memberships_are_assigned_by_administrators_only(client, newsroom):
    user = UserFactory(username="baru", is_staff=True)
    client.force_login(newsroom.editor)
    url = reverse("admin:auth_user_change", args=[user.pk])
    assert client.get(url).status_code == 403
    client.force_login(newsroom.superuser)
    page = client.get(url).content.decode()
    assert "agency_membership-0-agency" in page
    other = AgencyFactory()
    assert other.pk


def test_review_queue_is_for_editors_with_its_count_on_the_index(client, newsroom):
    story_in(newsroom, "in_review", title="Menunggu satu")
    story_in(newsroom, "in_review", title="Menunggu dua")
    story_in(newsroom, "draft", title="Masih draf")
    client.force_login(newsroom.editor)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Antrean redaksi" in index and "2 berita menunggu review" in index
    queue = client.get(reverse("admin:articles_articleinreview_changelist"))
    page = queue.content.decode()
    assert "Menunggu satu" in page and "Menunggu dua" in page
    assert "Masih draf" not in page
    client.force_login(newsroom.contributor_a)
    assert (
        "berita menunggu review"
        not in client.get(reverse("admin:index")).content.decode()
    )
    queue = client.get(reverse("admin:articles_articleinreview_changelist"))
    assert queue.status_code == 403


def test_form_shows_only_the_buttons_the_user_may_press(client, newsroom):
    article = story_in(newsroom, "in_review")
    client.force_login(newsroom.editor)
    page = client.get(change_url(article)).content.decode()
    for label in ("Minta revisi", "Terbitkan", "Jadwalkan", "Tarik kembali"):
        assert f">{label}</button>" in page
    assert ">Turunkan</button>" not in page
    draft = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(draft)).content.decode()
    assert ">Ajukan ke redaksi</button>" in page
    for label in ("Minta revisi", "Terbitkan", "Jadwalkan", "Turunkan"):
        assert f">{label}</button>" not in page
