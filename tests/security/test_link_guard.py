"""Item 16, the link guard (articles/linkguard.py): gambling spam in a story,
its photos' captions and alt text is found when it is saved, blocks
publishing until an editor confirms it, is recorded in the story's history,
and ``manage.py audit_content`` finds it in everything published."""

import datetime
import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from articles import linkguard, workflow
from articles.errors import WorkflowError
from articles.models import Agency, Article, ArticlePhoto, LinkGuardCheck
from media_library.services import photo_update
from tests.support.admin_forms import change_url, form_data, story_in

pytestmark = pytest.mark.django_db

SPAM_BODY = (
    '<p>Pemkab Kobar menggelar rapat. <a href="https://bit.ly/4kobar">Info '
    "SLOT-GACOR maxwin hari ini</a></p>"
)


def kinds(findings):
    return {(f.where, f.kind, f.match) for f in findings}


def test_keywords_shorteners_and_keywords_in_addresses_are_found_everywhere():
    story = Article(
        title="Situs Slot terpercaya",
        summary="Daftar lewat s.id/daftar sekarang",
        body='<p>Baca <a href="https://contoh.com/rtp-live-hari-ini">di sini</a>'
        ' dan sl0t g4cor.</p><img src="https://cutt.ly/banner.gif" alt="">',
    )
    found = kinds(linkguard.article_findings(story))
    assert ("judul", "keyword", "situs slot") in found
    assert ("ringkasan", "shortener", "s.id") in found
    assert ("isi berita", "keyword", "https://contoh.com/rtp-live-hari-ini") in found
    assert ("isi berita", "keyword", "slot gacor") in found  # digits for letters
    assert ("isi berita", "shortener", "https://cutt.ly/banner.gif") in found


def test_ordinary_regional_news_has_no_findings():
    story = Article(
        title="Pj Bupati Kobar Buka Rakor Kewaspadaan Dini",
        summary="Rapat di aula Setda, lihat kobarkab.go.id dan bps.go.id.",
        body='<p style="font-size:0.9em;background-color:#FFFFFF;line-height:0">'
        'MMC Kobar - Rapat <a href="https://'
        'kotawaringinbaratkab.go.id/berita">koordinasi</a> membahas slot '
        "waktu pelayanan dan deposito daerah.</p>",
    )
    assert linkguard.article_findings(story, raw_body=story.body) == []


def test_hidden_text_tricks_in_the_body_as_typed_are_found():
    raw = (
        '<p>Berita <span style="display: none">togel</span>'
        '<span style="FONT-SIZE:0px">judi online</span>'
        '<span style="color:#FFFFFF">rtp</span><p hidden>x88</p>'
        '<font color="white">situs</font></p>'
    )
    found = kinds(linkguard.raw_html_findings(raw, "isi berita"))
    assert found == {
        ("isi berita", "hidden", "display:none: togel"),
        ("isi berita", "hidden", "font-size:0: judi online"),
        ("isi berita", "hidden", "color:#ffffff: rtp"),
        ("isi berita", "hidden", "hidden: x88"),
        ("isi berita", "hidden", "font color=white: situs"),
    }


def test_links_readers_cannot_see_survive_sanitizing_and_are_found():
    story = Article(title="Rapat", summary="Rapat.")
    story.body = (
        '<p>Rapat<a href="https://contoh.com/a"></a>'
        '<a href="https://contoh.com/b">\u200b</a>'
        '<a href="https://contoh.com/c"><img src="p.gif" width="1" height="1"'
        ' alt="x"></a><a href="https://contoh.com/d">koordinasi</a></p>'
    )
    story.save()  # sanitized by nh3: the empty links are still there
    found = kinds(linkguard.article_findings(story))
    assert found == {
        ("isi berita", "empty_link", "https://contoh.com/a"),
        ("isi berita", "empty_link", "https://contoh.com/b"),
        ("isi berita", "empty_link", "https://contoh.com/c"),
    }


def test_captions_and_alt_text_of_the_story_photos_are_checked(newsroom):
    story = story_in(newsroom, "draft")
    row = story.photos.get()
    row.caption = "Kunjungi bandar togel terpercaya"
    row.save()
    photo_update(photo=row.photo, alt_text="Banner deposit pulsa")
    found = kinds(linkguard.article_findings(story))
    assert (f"keterangan foto #{row.photo_id}", "keyword", "togel") in found
    assert (
        f"teks alternatif foto #{row.photo_id}",
        "keyword",
        "deposit pulsa",
    ) in found


def test_the_media_center_file_adds_its_own_patterns(settings, tmp_path):
    extra = tmp_path / "pola.toml"
    extra.write_text('keywords = ["kobar88"]\ndomains = ["judi-kobar.example"]\n')
    settings.WARTA_LINK_GUARD_FILE = str(extra)
    found = kinds(linkguard.text_findings("Main di KOBAR88 judi-kobar.example", "x"))
    assert found == {
        ("x", "keyword", "kobar88"),
        ("x", "domain", "judi-kobar.example"),
    }
    # The shipped patterns still apply.
    assert linkguard.text_findings("togel", "x")


def test_a_missing_or_broken_patterns_file_stops_with_the_setting_named(
    settings, tmp_path
):
    settings.WARTA_LINK_GUARD_FILE = str(tmp_path / "tidak-ada.toml")
    with pytest.raises(ImproperlyConfigured, match="WARTA_LINK_GUARD_FILE"):
        linkguard.patterns()
    broken = tmp_path / "rusak.toml"
    broken.write_text("keywords = [")
    settings.WARTA_LINK_GUARD_FILE = str(broken)
    with pytest.raises(ImproperlyConfigured, match="WARTA_LINK_GUARD_FILE"):
        linkguard.patterns()


def test_spam_may_be_submitted_but_not_published_or_scheduled(newsroom):
    story = story_in(newsroom, "draft", body=SPAM_BODY)
    workflow.article_submit(article=story, by=newsroom.contributor_a)
    with pytest.raises(WorkflowError) as refused:
        workflow.article_publish(article=story, by=newsroom.editor)
    message = refused.value.message
    assert "Berita belum bisa diterbitkan: penjaga tautan menemukan" in message
    assert "“https://bit.ly/4kobar” (penyingkat tautan) di isi berita" in message
    assert "“slot gacor” (kata kunci judi) di isi berita" in message
    later = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(WorkflowError, match="penjaga tautan"):
        workflow.article_publish(article=story, by=newsroom.editor, at=later)
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW


def test_a_save_records_the_hit_in_the_story_history(client, newsroom):
    story = story_in(newsroom, "draft")
    client.force_login(newsroom.contributor_a)
    response = client.post(
        change_url(story), form_data(client, story, body=SPAM_BODY), follow=True
    )
    assert "Penjaga tautan menemukan" in response.content.decode()
    check = LinkGuardCheck.objects.get(article=story)
    assert check.checked_by == newsroom.contributor_a
    assert check.confirmed_at is None
    assert {"where": "isi berita", "kind": "keyword", "match": "slot gacor"} in (
        check.findings
    )
    history = client.get(reverse("admin:articles_article_history", args=[story.pk]))
    page = history.content.decode()
    assert 'id="link-checks"' in page
    assert "“https://bit.ly/4kobar” (penyingkat tautan) di isi berita" in page


def test_hidden_text_typed_into_the_form_is_recorded_though_sanitizing_drops_it(
    client, newsroom
):
    story = story_in(newsroom, "in_review")
    client.force_login(newsroom.editor)
    body = '<p>Rapat koordinasi.<span style="display:none">Kunjungi kami</span></p>'
    client.post(change_url(story), form_data(client, story, body=body))
    story.refresh_from_db()
    assert "display" not in story.body
    check = LinkGuardCheck.objects.get(article=story)
    assert check.findings == [
        {
            "where": "isi berita",
            "kind": "hidden",
            "match": "display:none: Kunjungi kami",
        }
    ]
    with pytest.raises(WorkflowError, match="teks tersembunyi"):
        workflow.article_publish(article=story, by=newsroom.editor)


def confirm_token(client, story):
    page = client.get(change_url(story)).context["link_guard"]
    return page["token"]


def test_an_editor_confirms_the_findings_then_publishes_and_it_is_recorded(
    client, newsroom
):
    story = story_in(newsroom, "in_review", body=SPAM_BODY)
    client.force_login(newsroom.editor)
    page = client.get(change_url(story)).content.decode()
    assert 'id="link-guard"' in page and 'name="_confirm_links"' in page
    data = form_data(
        client,
        story,
        _confirm_links=confirm_token(client, story),
        _transition="publish",
    )
    response = client.post(change_url(story), data, follow=True)
    assert "Berita diterbitkan." in response.content.decode()
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    confirmation = LinkGuardCheck.objects.get(article=story, confirmed_at__isnull=False)
    assert confirmation.confirmed_by == newsroom.editor
    history = client.get(reverse("admin:articles_article_history", args=[story.pk]))
    assert "redaktur" in history.content.decode()  # the editor's name


def test_without_the_confirmation_the_editor_publish_button_names_the_match(
    client, newsroom
):
    story = story_in(newsroom, "in_review", body=SPAM_BODY)
    client.force_login(newsroom.editor)
    data = form_data(client, story, _transition="publish")
    response = client.post(change_url(story), data, follow=True)
    assert "Berita belum bisa diterbitkan: penjaga tautan" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Article.Status.IN_REVIEW


def test_a_contributor_cannot_confirm_even_by_crafted_post(client, newsroom):
    story = story_in(newsroom, "draft", body=SPAM_BODY)
    token = linkguard.token(linkguard.unconfirmed(story))
    client.force_login(newsroom.contributor_a)
    page = client.get(change_url(story)).content.decode()
    assert 'name="_confirm_links"' not in page
    response = client.post(
        change_url(story), form_data(client, story, _confirm_links=token), follow=True
    )
    assert "Hanya redaktur yang bisa mengonfirmasi tautan." in response.content.decode()
    assert not LinkGuardCheck.objects.filter(confirmed_at__isnull=False).exists()
    with pytest.raises(WorkflowError, match="penjaga tautan"):
        workflow.article_publish(article=story, by=newsroom.editor)


def test_a_confirmation_covers_only_what_the_editor_was_shown(client, newsroom):
    story = story_in(newsroom, "in_review", body=SPAM_BODY)
    client.force_login(newsroom.editor)
    shown = confirm_token(client, story)
    # Someone adds another link before the editor's confirmation arrives.
    Article.objects.filter(pk=story.pk).update(
        body=SPAM_BODY + '<p><a href="https://tinyurl.com/x">lagi</a></p>'
    )
    with pytest.raises(WorkflowError, match="berubah sejak halaman ini dibuka"):
        linkguard.article_confirm(article=story, by=newsroom.editor, shown=shown)
    with pytest.raises(WorkflowError, match="tinyurl"):
        workflow.article_publish(article=story, by=newsroom.editor)
    # Confirmed once, the old findings stay confirmed; only the new one waits.
    Article.objects.filter(pk=story.pk).update(body=SPAM_BODY)
    linkguard.article_confirm(article=story, by=newsroom.editor, shown=shown)
    Article.objects.filter(pk=story.pk).update(
        body=SPAM_BODY + '<p><a href="https://tinyurl.com/x">lagi</a></p>'
    )
    with pytest.raises(WorkflowError) as refused:
        workflow.article_publish(article=story, by=newsroom.editor)
    assert "tinyurl" in refused.value.message
    assert "bit.ly" not in refused.value.message


def test_a_caption_changed_in_the_photo_library_is_checked_for_its_stories(newsroom):
    story = story_in(newsroom, "in_review")
    row = story.photos.get()
    row.caption = ""
    row.save()
    photo_update(photo=row.photo, caption="Foto rapat. Info slot gacor di bit.ly/x")
    check = LinkGuardCheck.objects.get(article=story)
    assert {
        "where": f"keterangan foto #{row.photo_id}",
        "kind": "shortener",
        "match": "bit.ly",
    } in check.findings
    with pytest.raises(WorkflowError, match="keterangan foto"):
        workflow.article_publish(article=story, by=newsroom.editor)


def audit():
    out = io.StringIO()
    try:
        call_command("audit_content", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_audit_content_reports_each_finding_where_it_is_and_fails(newsroom):
    spam = story_in(newsroom, "published", title="Rapat Kobar", body=SPAM_BODY)
    story_in(newsroom, "published", title="Bersih")
    caption = story_in(newsroom, "published", title="Foto rapat")
    ArticlePhoto.objects.filter(article=caption).update(caption="Toto Macau hari ini")
    draft = story_in(newsroom, "draft", title="Draf togel")
    Agency.objects.filter(pk=newsroom.agency_b.pk).update(website="https://s.id/dinkes")
    out, failure = audit()
    # bit.ly, "slot gacor", "gacor" and "maxwin"; the caption; the agency
    assert failure == "6 temuan penjaga tautan di isi yang terbit."
    assert (
        f"Berita #{spam.pk} “Rapat Kobar” (http://127.0.0.1:8000/berita/"
        f"{spam.slug}/): “https://bit.ly/4kobar” (penyingkat tautan) di isi berita"
    ) in out
    assert f"Berita #{spam.pk} “Rapat Kobar”" in out and "“slot gacor”" in out
    assert f"Berita #{caption.pk} “Foto rapat”" in out and "keterangan foto #" in out
    assert f"Instansi #{newsroom.agency_b.pk}" in out and "di situs web" in out
    assert "Draf togel" not in out and draft.pk
    assert "Bersih" not in out


def test_audit_content_passes_on_clean_content_and_leaves_out_confirmed(newsroom):
    story = story_in(newsroom, "in_review", body=SPAM_BODY)
    assert audit() == ("Tidak ada temuan penjaga tautan.\n", None)
    shown = linkguard.token(linkguard.unconfirmed(story))
    linkguard.article_confirm(article=story, by=newsroom.editor, shown=shown)
    workflow.article_publish(article=story, by=newsroom.editor)
    out, failure = audit()
    assert failure is None
    assert "4 temuan sudah dikonfirmasi redaktur" in out
