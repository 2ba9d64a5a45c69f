"""The story admin (articles/admin/story.py) and the newsroom's admin pages:
lists, the story form with its photos, saving, old addresses."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from articles import workflow
from articles.models import Article
from media_library.models import Photo
from tests.support.admin_forms import form_data
from tests.support.factories import (
    AgencyFactory,
    ArticleFactory,
    CategoryFactory,
    OfficialFactory,
    PositionFactory,
    UserFactory,
)
from tests.support.newsroom import bare_photo, ready_story
from tests.support.photos import committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model",
    [
        "article",
        "category",
        "agency",
        "official",
        "position",
        "articleslugredirect",
    ],
)
def test_every_newsroom_model_has_an_indonesian_list_and_add_page(admin_client, model):
    PositionFactory()
    ArticleFactory(published=True)
    changelist = admin_client.get(reverse(f"admin:articles_{model}_changelist"))
    assert changelist.status_code == 200
    assert 'lang="id"' in changelist.content.decode()
    assert admin_client.get(reverse(f"admin:articles_{model}_add")).status_code == 200


def test_story_list_shows_state_category_agency_author_and_time(admin_client):
    ArticleFactory(
        published=True,
        title="Rakor Pilkada",
        category=CategoryFactory(name="Politik"),
        contributing_agency=AgencyFactory(short_name="Kesbangpol Kobar"),
    )
    page = admin_client.get(
        reverse("admin:articles_article_changelist")
    ).content.decode()
    for text in [
        "Rakor Pilkada",
        "Terbit",
        "Politik",
        "Kesbangpol Kobar",
        "Status",
        "Rubrik",
        "Instansi penulis",
        "Penulis",
        "Waktu terbit",
    ]:
        assert text in page


def test_autocomplete_finds_officials_by_name(admin_client):
    OfficialFactory(name="Yusfandi Usman", rank="AKBP")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "yusfandi",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "officials",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["AKBP Yusfandi Usman"]


def jpeg_bytes(size=(640, 480), color=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def article_form_data(**overrides):
    data = {
        "title": "Rakor Pengamanan Pilkada",
        "summary": "Ringkasan.",
        "dateline": "MMC Kobar",
        "body": "<p>Isi<script>x()</script></p>",
        "tags": "pilkada 2024, keamanan",
        "credit_line": "humas kesbangpol",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-role": "featured",
        "photos-0-order": "0",
        "photos-0-caption": "Kapolres (kiri) dan Pj. Bupati (tengah)",
        "photos-0-alt_text": "Dua pejabat memberi arahan di aula.",
    }
    data.update(overrides)
    return data


def test_writer_uploads_a_photo_straight_from_the_story_form(admin_client):
    data = article_form_data()
    data["photos-0-upload"] = SimpleUploadedFile(
        "DSC_0042.JPG", jpeg_bytes(), content_type="image/jpeg"
    )
    # The renditions follow once the story's save commits.
    with committed():
        response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, (
        response.context["errors"] if response.context else ""
    )
    article = Article.objects.get()
    assert article.body == "<p>Isi</p>"
    assert sorted(t.name for t in article.tags.all()) == ["keamanan", "pilkada 2024"]
    item = article.photos.get()
    assert item.role == "featured"
    assert item.photo.caption == "Kapolres (kiri) dan Pj. Bupati (tengah)"
    assert item.photo.alt_text == "Dua pejabat memberi arahan di aula."
    assert item.photo.renditions.exists()


def test_a_bad_upload_in_the_story_form_is_refused_and_nothing_is_kept(
    admin_client, settings
):
    data = article_form_data()
    data["photos-0-upload"] = SimpleUploadedFile(
        "foto.jpg", b"bukan foto", content_type="image/jpeg"
    )
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert not Article.objects.exists()
    assert not Photo.objects.exists()
    # What the writer typed is shown back.
    assert "Rakor Pengamanan Pilkada" in response.content.decode()


def test_changing_a_slug_keeps_the_old_address(admin_client, client):
    article = ArticleFactory(published=True, title="Judul lama")
    url = reverse("admin:articles_article_change", args=[article.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        article_form_data(
            title="Judul lama",
            slug="judul-baru",
            category=article.category_id,
            contributing_agency=article.contributing_agency_id,
            status=article.status,
            published_at_0=article.published_at.strftime("%d/%m/%Y"),
            published_at_1=article.published_at.strftime("%H:%M:%S"),
            **{"photos-TOTAL_FORMS": "0"},
        )
    )
    for key in ("agencies", "officials", "related", "author"):
        data.pop(key, None)
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert client.get("/berita/judul-lama/")["Location"] == "/berita/judul-baru/"


def test_two_featured_photos_are_refused_with_a_message_not_an_error(admin_client):
    from tests.support.photos import PhotoFactory

    first, second = PhotoFactory(), PhotoFactory()
    data = article_form_data(
        **{
            "photos-TOTAL_FORMS": "2",
            "photos-0-photo": first.pk,
            "photos-1-photo": second.pk,
            "photos-1-role": "featured",
            "photos-1-order": "1",
        }
    )
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "hanya boleh punya satu foto utama" in response.content.decode()
    assert not Article.objects.exists()


def test_every_admin_save_records_a_revision(client, newsroom):
    story = ready_story(
        photo=bare_photo(),
        contributing_agency=newsroom.agency_a,
        author=newsroom.contributor_a,
    )
    client.force_login(newsroom.contributor_a)
    url = reverse("admin:articles_article_change", args=[story.pk])
    client.post(url, form_data(client, story, title="Rakor Pilkada 2024"))
    client.post(url, form_data(client, story, title="Rakor Pilkada Serentak 2024"))
    titles = [r.content["title"] for r in story.revisions.order_by("pk")]
    assert titles == ["Rakor Pilkada 2024", "Rakor Pilkada Serentak 2024"]
    assert story.revisions.first().author == newsroom.contributor_a


def test_status_filter_offers_every_status_with_published_split_in_two(admin_client):
    page = admin_client.get(reverse("admin:articles_article_changelist"))
    links = re.findall(r'href="\?status=(\w+)"[^>]*>([^<]+)</a>', page.content.decode())
    assert links == [
        ("draft", "Draf"),
        ("in_review", "Menunggu review"),
        ("changes_requested", "Perlu revisi"),
        ("visible", "Terbit (tayang)"),
        ("scheduled", "Terjadwal"),
        ("unpublished", "Diturunkan"),
    ]


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("visible", "Sudah tayang"),
        ("scheduled", "Nanti tayang"),
        ("draft", "Draf saja"),
    ],
)
def test_status_filter_lists_only_the_stories_in_that_state(
    admin_client, newsroom, status, shown
):
    titles = ["Sudah tayang", "Nanti tayang", "Draf saja"]
    stories = [ready_story(photo=bare_photo(), title=t) for t in titles]
    workflow.article_publish(article=stories[0], by=newsroom.editor)
    workflow.article_publish(
        article=stories[1],
        by=newsroom.editor,
        at=timezone.now() + datetime.timedelta(hours=3),
    )
    page = admin_client.get(
        reverse("admin:articles_article_changelist"), {"status": status}
    ).content.decode()
    assert [t for t in titles if t in page] == [shown]
