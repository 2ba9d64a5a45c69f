"""The editors' queue of right-of-reply requests (articles/replies.py and
articles/admin/replies.py)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import ReplyRequest
from articles.replies import reply_request_create
from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/articles/replyrequest/"


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.WARTA_PRIVATE_MEDIA_ROOT = tmp_path / "private"


def make_request(*, hours_ago=0, text="Kutipan saya keliru.", name="Siti", **kw):
    reply = reply_request_create(
        article=kw.pop("article", None) or ArticleFactory(published=True),
        name=name,
        contact="siti@example.id",
        text=text,
        client_hash="x" * 32,
        attachment=kw.pop("attachment", None),
    )
    if hours_ago:
        created = timezone.now() - datetime.timedelta(hours=hours_ago)
        ReplyRequest.objects.filter(pk=reply.pk).update(created_at=created)
        reply.refresh_from_db()
    return reply


def test_reference_numbers_follow_the_year_and_the_row(newsroom):
    first, second = make_request(), make_request()
    year = timezone.now().year
    assert first.reference == f"HJ-{year}-{first.pk:06d}"
    assert second.reference == f"HJ-{year}-{second.pk:06d}"


def test_editors_are_mailed_after_commit(newsroom, django_capture_on_commit_callbacks):
    newsroom.editor.email = "redaktur@example.id"
    newsroom.editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        reply = make_request()
    to = sorted(address for message in mail.outbox for address in message.to)
    assert "redaktur@example.id" in to
    message = next(m for m in mail.outbox if m.to == ["redaktur@example.id"])
    assert reply.reference in message.subject
    assert f"/admin/articles/replyrequest/{reply.pk}/change/" in message.body


def test_queue_shows_oldest_first_with_waiting_time(client, newsroom):
    newer = make_request(hours_ago=1, name="Pengirim baru")
    older = make_request(hours_ago=3, name="Pengirim lama")
    client.force_login(newsroom.editor)
    page = client.get(QUEUE).content.decode()
    assert "menunggu 3\xa0jam" in page  # timesince joins with a no-break space
    assert page.index(older.reference) < page.index(newer.reference)
    assert older.article.title in page


def test_queue_filters_by_status(client, newsroom):
    open_one = make_request()
    done = make_request()
    ReplyRequest.objects.filter(pk=done.pk).update(status="selesai")
    client.force_login(newsroom.editor)
    page = client.get(QUEUE, {"status__exact": "baru"}).content.decode()
    assert open_one.reference in page
    assert done.reference not in page


def test_contributor_cannot_see_the_queue(client, newsroom):
    reply = make_request()
    client.force_login(newsroom.contributor_a)
    assert client.get(QUEUE).status_code == 403
    change = f"{QUEUE}{reply.pk}/change/"
    assert client.get(change).status_code == 403
    assert client.get(f"{QUEUE}{reply.pk}/lampiran/").status_code == 403
    assert "replyrequest" not in client.get("/admin/").content.decode()


def test_hostile_text_is_escaped_in_the_admin(client, newsroom):
    hostile = '<script>alert("hj")</script><img src=x onerror=alert(1)>'
    reply = make_request(text=hostile, name=hostile)
    client.force_login(newsroom.editor)
    for url in (QUEUE, f"{QUEUE}{reply.pk}/change/"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert" in page


def test_editor_handles_a_request_and_the_readers_words_stay(client, newsroom):
    reply = make_request(text="Teks asli pembaca.")
    client.force_login(newsroom.editor)
    response = client.post(
        f"{QUEUE}{reply.pk}/change/",
        {"status": "selesai", "editor_note": "Hak jawab dimuat.", "text": "diubah"},
    )
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == "selesai"
    assert reply.handled_by == newsroom.editor
    assert reply.handled_at is not None
    assert reply.text == "Teks asli pembaca."
    page = client.get(QUEUE).content.decode()
    assert "ditangani dalam" in page


def test_no_one_adds_or_deletes_a_request_in_the_admin(client, newsroom):
    reply = make_request()
    client.force_login(newsroom.superuser)
    assert client.get(f"{QUEUE}add/").status_code == 403
    assert client.get(f"{QUEUE}{reply.pk}/delete/").status_code == 403


def test_attachment_downloads_for_editors_only(client, newsroom):
    pdf = b"%PDF-1.4\n%%EOF\n"
    reply = make_request(attachment=("pdf", pdf))
    assert client.get(f"{QUEUE}{reply.pk}/lampiran/").status_code == 302  # login
    client.force_login(newsroom.editor)
    response = client.get(f"{QUEUE}{reply.pk}/lampiran/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert reply.reference in response["Content-Disposition"]


def test_attachment_has_no_public_address(newsroom):
    reply = make_request(attachment=("pdf", b"%PDF-1.4\n"))
    with pytest.raises(ValueError):
        reply.attachment.url  # noqa: B018
    assert isinstance(reply.attachment.file.read(), bytes)
