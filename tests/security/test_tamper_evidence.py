"""Item 17, tamper evidence (articles/fingerprints.py): Warta records a
fingerprint of what readers see at each publish, schedule and edit of a
published story; ``manage.py verify_content`` lists the published stories
changed outside Warta and the admin's front page shows its last run."""

import datetime
import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles import fingerprints, workflow
from articles.models import (
    Article,
    ArticleFingerprint,
    ArticlePhoto,
    Category,
    ContentVerification,
)
from articles.revisions import revision_record, revision_restore
from media_library.models import Photo
from media_library.services import photo_update
from tests.support.admin_forms import change_url, form_data, story_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(newsroom):
    """A story published through the workflow, with its fingerprint."""
    story = story_in(newsroom, "in_review", title="Rakor Kewaspadaan Dini")
    workflow.article_publish(article=story, by=newsroom.editor)
    return story


def verify(*args):
    out = io.StringIO()
    try:
        call_command("verify_content", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_publishing_and_scheduling_record_a_fingerprint(newsroom, published):
    recorded = ArticleFingerprint.objects.get(article=published)
    assert recorded.reason == "publish"
    assert recorded.recorded_by == newsroom.editor
    assert recorded.digest == fingerprints.fingerprint(published.pk)
    later = story_in(newsroom, "in_review")
    at = timezone.now() + datetime.timedelta(days=2)
    workflow.article_publish(article=later, by=newsroom.editor, at=at)
    assert ArticleFingerprint.objects.get(article=later).reason == "schedule"


def test_published_stories_as_warta_left_them_verify_clean(published):
    out, failure = verify()
    assert failure is None
    assert "1 berita terbit diperiksa; semuanya cocok." in out
    run = ContentVerification.objects.get()
    assert (run.checked, run.mismatches) == (1, [])


def test_a_body_changed_by_queryset_update_is_reported(published):
    Article.objects.filter(pk=published.pk).update(
        body='<p>Situs <a href="https://bit.ly/x">slot gacor</a></p>'
    )
    out, failure = verify()
    assert failure == (
        "1 dari 1 berita terbit tidak cocok dengan sidik isi yang dicatat Warta."
    )
    assert (
        f"Berita #{published.pk} “Rakor Kewaspadaan Dini” "
        f"(http://127.0.0.1:8000/berita/{published.slug}/): isi berbeda dari "
        "rekaman terakhir (berubah: isi berita)"
    ) in out
    run = ContentVerification.objects.get()
    assert [m["id"] for m in run.mismatches] == [published.pk]


def test_a_body_changed_by_raw_sql_is_reported(published):
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET body = %s WHERE id = %s",  # noqa: S608
            ["<p>togel</p>", published.pk],
        )
    _out, failure = verify()
    assert failure and failure.startswith("1 dari 1 berita terbit tidak cocok")


def test_a_caption_changed_behind_warta_is_reported(published):
    photo_id = published.photos.get().photo_id
    Photo.objects.filter(pk=photo_id).update(caption="Info maxwin")
    ArticlePhoto.objects.filter(article=published).update(caption="")
    Article.objects.filter(pk=published.pk).update(title="Info maxwin")
    out, failure = verify()
    assert failure is not None
    assert "(berubah: judul, foto)" in out


def test_a_taken_down_story_put_back_by_sql_is_reported(newsroom, published):
    workflow.article_unpublish(article=published, by=newsroom.editor, reason="Salah")
    Article.objects.filter(pk=published.pk).update(status=Article.Status.PUBLISHED)
    assert verify()[1] is not None


def test_a_fingerprint_forged_in_the_database_does_not_match(published):
    # Someone with only the database cannot make a matching fingerprint: the
    # hash is keyed with SECRET_KEY.
    Article.objects.filter(pk=published.pk).update(body="<p>togel</p>")
    content = json.dumps(
        fingerprints.reader_content(published.pk), sort_keys=True, ensure_ascii=False
    )
    ArticleFingerprint.objects.filter(article=published).update(
        digest=hashlib.sha256(content.encode()).hexdigest()
    )
    assert verify()[1] is not None


def test_a_missing_fingerprint_is_reported_until_recorded_once(newsroom, published):
    ArticleFingerprint.objects.filter(article=published).delete()
    out, failure = verify()
    assert failure is not None and "belum pernah direkam" in out
    out, failure = verify("--record-missing")
    assert failure is None
    assert ArticleFingerprint.objects.get(article=published).reason == "baseline"
    assert verify()[1] is None


def test_an_edit_saved_in_the_admin_is_not_reported(client, newsroom, published):
    client.force_login(newsroom.editor)
    data = form_data(
        client, published, title="Rakor Kewaspadaan Dini 2026", body="<p>Baru.</p>"
    )
    response = client.post(change_url(published), data)
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.body == "<p>Baru.</p>"
    assert ArticleFingerprint.objects.filter(article=published).count() == 2
    assert ArticleFingerprint.objects.first().reason == "edit"
    assert verify()[1] is None


def test_changes_made_in_warta_elsewhere_are_not_reported(newsroom, published):
    photo = published.photos.get().photo
    ArticlePhoto.objects.filter(article=published).update(caption="")
    fingerprints.fingerprint_record(article=published)
    photo_update(photo=photo, caption="Keterangan baru dari pustaka.")
    category = Category.objects.get(pk=published.category_id)
    category.name = "Pemerintahan"
    category.save()
    published.tags.add("rakor")
    tag = published.tags.get()
    tag.name = "rapat koordinasi"
    tag.save()
    assert verify()[1] is None
    tag.delete()
    assert verify()[1] is None


def test_the_admin_front_page_shows_the_last_run_to_editors(client, newsroom):
    client.force_login(newsroom.editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert 'id="content-verification"><li class="warning">' in page
    assert "pemeriksaan belum pernah dijalankan" in page
    story = story_in(newsroom, "in_review", title="Rakor Kewaspadaan Dini")
    workflow.article_publish(article=story, by=newsroom.editor)
    verify()
    page = client.get(reverse("admin:index")).content.decode()
    assert '<li class="success">' in page
    assert "1 berita terbit diperiksa, semuanya cocok dengan rekaman Warta." in page
    Article.objects.filter(pk=story.pk).update(body="<p>togel</p>")
    verify()
    page = client.get(reverse("admin:index")).content.decode()
    assert 'id="content-verification"><li class="error">' in page
    assert "1 dari 1 berita terbit berubah di luar Warta:" in page
    assert f'href="{change_url(story)}">Rakor Kewaspadaan Dini</a>' in page


def test_the_last_run_is_not_shown_to_contributors(client, newsroom):
    ContentVerification.objects.create(checked=3, mismatches=[])
    client.force_login(newsroom.contributor_a)
    page = client.get(reverse("admin:index")).content.decode()
    assert "content-verification" not in page


def test_restoring_a_revision_of_a_published_story_is_not_reported(newsroom, published):
    first = revision_record(article=published, by=newsroom.editor)
    published.title = "Judul lain"
    published.save()
    fingerprints.fingerprint_saved(article=published, by=newsroom.editor)
    revision_restore(revision=first, by=newsroom.editor)
    published.refresh_from_db()
    assert published.title == "Rakor Kewaspadaan Dini"
    assert verify()[1] is None
