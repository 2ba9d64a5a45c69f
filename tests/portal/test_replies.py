"""The readers' right-of-reply form (portal/replies.py): what it refuses,
what it accepts, and what the reader is told."""

import re
import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import ReplyRequest
from portal.replies import form_stamp
from tests.support.factories import ArticleFactory
from tests.support.newsroom import editor
from tests.support.photos import image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.WARTA_PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def story():
    return ArticleFactory(published=True, title="Jembatan Arut diresmikan")


def form_url(article):
    return f"/berita/{article.slug}/hak-jawab/"


def request_data(article, *, seconds_ago=30, **overrides):
    return {
        "name": "Budi Santoso",
        "contact": "budi@example.id",
        "text": "Saya tidak pernah menyatakan hal itu.",
        "story": article.pk,
        "stamp": form_stamp(article, now=time.time() - seconds_ago),
        "situs_web": "",
        **overrides,
    }


def test_story_page_links_to_the_form(client, story):
    page = client.get(story.get_absolute_url()).content.decode()
    assert f'href="{form_url(story)}"' in page
    assert "Ajukan hak jawab / koreksi" in page


def test_form_page_is_never_cached_and_carries_csrf(client, story):
    response = client.get(form_url(story))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_form_of_an_unpublished_story_is_404(client):
    draft = ArticleFactory()
    assert client.get(form_url(draft)).status_code == 404


def test_real_request_is_stored_and_sender_sees_reference(
    client, story, django_capture_on_commit_callbacks
):
    editor(email="redaktur@example.id")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(story), request_data(story))
    assert response.status_code == 200
    reply = ReplyRequest.objects.get()
    assert reply.article == story
    assert reply.status == ReplyRequest.Status.NEW
    assert re.fullmatch(r"HJ-\d{4}-\d{6}", reply.reference)
    assert reply.reference in response.content.decode()
    assert "127.0.0.1" not in reply.client_hash and len(reply.client_hash) == 32
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktur@example.id"]
    assert reply.reference in mail.outbox[0].subject


def test_mail_server_failure_is_not_shown_to_the_reader(
    client, story, django_capture_on_commit_callbacks, settings
):
    editor(email="redaktur@example.id")
    settings.EMAIL_BACKEND = "tests.portal.test_replies.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url(story), request_data(story))
    assert response.status_code == 200
    assert ReplyRequest.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_flood_from_one_address_is_refused(client, story):
    for n in range(3):
        response = client.post(
            form_url(story), request_data(story, name=f"Pengirim {n}")
        )
        assert response.status_code == 200
    response = client.post(form_url(story), request_data(story))
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert ReplyRequest.objects.count() == 3
    # Another address is not held back by the first one's flood.
    other = client.post(form_url(story), request_data(story), REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200


def test_flood_limit_uses_the_proxys_address_behind_tls_proxy(client, story, settings):
    settings.BEHIND_TLS_PROXY = True
    for n in range(3):
        client.post(
            form_url(story),
            request_data(story),
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, 10.0.0.{n}",
        )
    # Same proxy hop, a different client at the end: not limited.
    response = client.post(
        form_url(story), request_data(story), HTTP_X_FORWARDED_FOR="10.0.0.99"
    )
    assert response.status_code == 200
    assert ReplyRequest.objects.count() == 4


def test_honeypot_fill_is_refused(client, story):
    response = client.post(
        form_url(story), request_data(story, situs_web="http://spam.example")
    )
    assert response.status_code == 400
    assert "tidak dapat diterima" in response.content.decode()
    assert not ReplyRequest.objects.exists()


def test_too_fast_submit_is_refused(client, story):
    response = client.post(form_url(story), request_data(story, seconds_ago=0))
    assert response.status_code == 400
    assert "terlalu cepat" in response.content.decode()
    assert not ReplyRequest.objects.exists()


def test_day_old_form_is_refused(client, story):
    response = client.post(
        form_url(story), request_data(story, seconds_ago=25 * 60 * 60)
    )
    assert response.status_code == 400
    assert "kedaluwarsa" in response.content.decode()


def test_forged_stamp_or_other_story_is_refused(client, story):
    other = ArticleFactory(published=True)
    forged = request_data(story, stamp=f"{story.pk}:1:forged")
    assert client.post(form_url(story), forged).status_code == 400
    swapped = request_data(story, story=other.pk, stamp=form_stamp(other, now=1))
    assert client.post(form_url(story), swapped).status_code == 400
    assert not ReplyRequest.objects.exists()


def test_hidden_story_must_be_visible(client, story):
    draft = ArticleFactory()
    response = client.post(form_url(story), request_data(story, story=draft.pk))
    assert response.status_code == 400
    assert not ReplyRequest.objects.exists()


def test_contact_must_be_email_or_phone(client, story):
    response = client.post(form_url(story), request_data(story, contact="besok"))
    assert response.status_code == 400
    assert "e-mail atau nomor telepon" in response.content.decode()
    ok = client.post(form_url(story), request_data(story, contact="+62 812-3456-7890"))
    assert ok.status_code == 200


def test_typed_text_is_kept_when_the_form_is_refused(client, story):
    response = client.post(
        form_url(story), request_data(story, seconds_ago=0, text="Kalimat saya")
    )
    assert "Kalimat saya" in response.content.decode()


def attach(data, name, content_type):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_pdf_attachment_is_stored_privately_under_a_random_name(
    client, story, settings, stored_files
):
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
    response = client.post(
        form_url(story),
        request_data(story, attachment=attach(pdf, "surat.pdf", "application/pdf")),
    )
    assert response.status_code == 200
    reply = ReplyRequest.objects.get()
    assert reply.attachment_kind == "pdf"
    assert "surat" not in reply.attachment.name
    path = settings.WARTA_PRIVATE_MEDIA_ROOT / reply.attachment.name
    assert path.read_bytes() == pdf
    assert stored_files() == []  # nothing under the public MEDIA_ROOT


def test_photo_attachment_is_cleaned_like_a_photo(client, story, settings):
    jpeg = image_bytes(400, 300, "JPEG")
    response = client.post(
        form_url(story),
        request_data(story, attachment=attach(jpeg, "bukti.jpg", "image/jpeg")),
    )
    assert response.status_code == 200
    reply = ReplyRequest.objects.get()
    assert reply.attachment_kind == "jpg"
    stored = (settings.WARTA_PRIVATE_MEDIA_ROOT / reply.attachment.name).read_bytes()
    assert stored.startswith(b"\xff\xd8") and stored != jpeg  # re-encoded


@pytest.mark.parametrize(
    ("data", "name", "content_type", "message"),
    [
        (image_bytes(40, 30, "GIF"), "a.gif", "image/gif", "GIF tidak diterima"),
        (image_bytes(40, 30, "TIFF"), "a.tif", "image/tiff", "PDF atau foto"),
        (b"<html>bukan pdf</html>", "a.pdf", "application/pdf", "PDF atau foto"),
        (b"%PDF", "a.pdf", "application/pdf", "PDF atau foto"),
    ],
    ids=["gif", "tiff", "fake-pdf", "truncated-magic"],
)
def test_attachment_refused_with_indonesian_message(
    client, story, data, name, content_type, message
):
    response = client.post(
        form_url(story),
        request_data(story, attachment=attach(data, name, content_type)),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReplyRequest.objects.exists()


def test_attachment_over_its_cap_is_refused(client, story, settings):
    settings.WARTA_REPLY_ATTACHMENT_MAX_BYTES = 1024
    pdf = b"%PDF-1.4\n" + b"0" * 2048
    response = client.post(
        form_url(story),
        request_data(story, attachment=attach(pdf, "a.pdf", "application/pdf")),
    )
    assert response.status_code == 400
    assert "Lampiran terlalu besar" in response.content.decode()


def test_attachment_larger_than_other_anonymous_posts_is_accepted(
    client, story, settings
):
    pdf = b"%PDF-1.7\n" + b"0" * (settings.WARTA_MAX_ANONYMOUS_REQUEST_BYTES * 3)
    response = client.post(
        form_url(story),
        request_data(story, attachment=attach(pdf, "surat.pdf", "application/pdf")),
    )
    assert response.status_code == 200
    assert ReplyRequest.objects.get().attachment.size == len(pdf)


def test_a_refused_form_does_not_decode_its_attachment(client, story, monkeypatch):
    def must_not_run(upload):
        raise AssertionError("a bot's attachment was decoded")

    monkeypatch.setattr("portal.replies.attachment_clean", must_not_run)
    jpeg = attach(image_bytes(40, 30, "JPEG"), "a.jpg", "image/jpeg")
    data = request_data(story, situs_web="spam", attachment=jpeg)
    assert client.post(form_url(story), data).status_code == 400
