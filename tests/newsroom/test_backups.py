"""Backup and restore (newsroom/backups.py): a whole site, row for row and file
for file, on whichever database the run uses."""

import datetime
import hashlib
import io
import os
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from articles import workflow
from articles.models import ArticleEvent, ArticleRevision
from articles.revisions import revision_record
from media_library.models import Rendition
from tests.support.newsroom import Newsroom, ready_story
from tests.support.processes import run_python

pytestmark = pytest.mark.django_db(transaction=True)


def stories_in_every_state(newsroom):
    """Drafts, a story in review, one sent back, published, scheduled and
    taken down, each with a real photo and renditions, revisions and events."""
    made = {}
    for name in ["draft", "review", "back", "live", "scheduled", "down"]:
        story = ready_story(
            title=f"Berita {name}",
            contributing_agency=newsroom.agency_a,
            author=newsroom.contributor_a,
        )
        story.tags.set(["pilkada 2024", name])
        revision_record(article=story, by=newsroom.contributor_a)
        made[name] = story
    editor = newsroom.editor
    for name in ["review", "back", "live", "scheduled", "down"]:
        workflow.article_submit(article=made[name], by=newsroom.contributor_a)
    workflow.article_request_changes(article=made["back"], by=editor, comment="Foto")
    workflow.article_publish(article=made["live"], by=editor)
    workflow.article_publish(
        article=made["scheduled"],
        by=editor,
        at=timezone.now() + datetime.timedelta(days=2),
    )
    workflow.article_publish(article=made["down"], by=editor)
    workflow.article_unpublish(article=made["down"], by=editor, reason="Salah data")
    return made


def table_rows(cursor, tables):
    """{table: sorted rows} read through a DB-API cursor."""
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own names
        rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def file_digests(root):
    root = Path(root)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def restore_in_a_fresh_process(archive, database_url, media_root, private_root=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "WARTA_PRIVATE_MEDIA_ROOT": str(private_root or media_root.parent / "p"),
    }
    return run_python("manage.py", "restore", str(archive), env=env)


def test_a_restored_site_has_every_row_and_file_of_the_original(
    tmp_path, empty_target, settings
):
    stories_in_every_state(Newsroom())
    # A reader's right-of-reply attachment, kept outside the public media.
    settings.WARTA_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    (tmp_path / "private" / "hak-jawab").mkdir(parents=True)
    (tmp_path / "private" / "hak-jawab" / "surat.pdf").write_bytes(b"%PDF-1.4 uji")
    assert Rendition.objects.count() >= 6 * 4
    assert ArticleEvent.objects.count() >= 10 and ArticleRevision.objects.count() >= 6
    archive = tmp_path / "cadangan.tar.gz"
    database_url, restored, original = empty_target

    call_command("backup", output=str(archive))
    restored_media = tmp_path / "restored-media"
    restored_private = tmp_path / "restored-private"
    result = restore_in_a_fresh_process(
        archive, database_url, restored_media, restored_private
    )

    assert result.returncode == 0, result.stderr
    tables = connection.introspection.table_names()
    assert table_rows(restored(), tables) == table_rows(original(), tables)
    assert file_digests(restored_media) == file_digests(settings.MEDIA_ROOT)
    assert len(file_digests(restored_media)) == Rendition.objects.count() + 6
    assert file_digests(restored_private) == file_digests(tmp_path / "private")
    assert list(file_digests(restored_private)) == ["hak-jawab/surat.pdf"]


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    Newsroom()
    archive = tmp_path / "cadangan.tar.gz"
    call_command("backup", output=str(archive))

    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(archive))


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "bukan.tar.gz"
    junk.write_bytes(b"bukan arsip")

    with pytest.raises(CommandError, match="tidak bisa dibaca"):
        call_command("restore", str(junk))


def test_restore_refuses_media_names_that_leave_the_media_folder(
    tmp_path, empty_target
):
    archive = tmp_path / "jahat.tar.gz"
    call_command("backup", output=str(archive))
    # Rewrite the manifest to name a file outside MEDIA_ROOT.
    with tarfile.open(archive, "r:gz") as source:
        members = {m.name: source.extractfile(m).read() for m in source if m.isfile()}
    manifest = (
        members["manifest.json"]
        .decode()
        .replace(
            '"media": []',
            '"media": [{"name": "../keluar.txt", "size": 1, "sha256": "0"}]',
        )
    )
    members["manifest.json"] = manifest.encode()
    members["media/../keluar.txt"] = b"x"
    with tarfile.open(archive, "w:gz") as target:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, fileobj=io.BytesIO(data))

    database_url, _restored, _original = empty_target
    result = restore_in_a_fresh_process(archive, database_url, tmp_path / "m")

    assert result.returncode != 0
    assert "tidak aman" in result.stderr
    assert not (tmp_path / "keluar.txt").exists()
