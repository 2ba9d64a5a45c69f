"""One-archive backups of a whole Warta site: the database and the media files.

An archive is a gzip-compressed tar file holding

- ``manifest.json``: the format, the database engine, when it was made, and
  every media file with its size and SHA-256;
- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``: one consistent
  snapshot, taken in a single transaction while the site keeps running) or
  ``database.sqlite3`` (SQLite, through SQLite's online backup API);
- ``media/...``: every file under ``MEDIA_ROOT``;
- ``private/...``: every file under ``WARTA_PRIVATE_MEDIA_ROOT`` (readers'
  right-of-reply attachments, which have no public address).

The database is dumped first: uploads never change in place, so every file
the dump refers to is already in ``MEDIA_ROOT`` when the files are copied.

``backup_restore`` loads an archive into an *empty* installation (a database
without tables, empty ``MEDIA_ROOT`` and private folder) and refuses
anything else, so a restore can never mix two sites or overwrite one.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
# Archive folder -> the setting naming the folder on disk.
FOLDERS = {"media": "MEDIA_ROOT", "private": "WARTA_PRIVATE_MEDIA_ROOT"}
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def backup_write(*, path, alias="default"):
    """Write the archive of the database ``alias`` and ``MEDIA_ROOT`` to ``path``.

    The archive is written beside ``path`` under a temporary name and moved
    into place when complete, so a failed backup leaves no partial archive.
    Returns the manifest.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    engine = _engine(connection)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMPS[engine]
        if engine == "postgresql":
            _pg_run("pg_dump", connection, "--format=custom", f"--file={dump}")
        else:
            connection.ensure_connection()
            with sqlite3.connect(dump) as target:
                connection.connection.backup(target)
            target.close()
        files = {
            folder: sorted(_media_files(_folder_root(folder))) for folder in FOLDERS
        }
        manifest = {
            "format": FORMAT,
            "engine": engine,
            "created_at": timezone.now().isoformat(),
            **{
                folder: [
                    {"name": name, "size": size, "sha256": digest}
                    for name, size, digest in listed
                ]
                for folder, listed in files.items()
            },
        }
        manifest_path = Path(work) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=1))
        partial = path.with_name(f".{path.name}.partial")
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(manifest_path, MANIFEST)
                archive.add(dump, DUMPS[engine])
                for folder, listed in files.items():
                    root = _folder_root(folder)
                    for name, _size, _digest in listed:
                        archive.add(root / name, f"{folder}/{name}")
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def backup_restore(*, path, alias="default"):
    """Load the archive at ``path`` into the empty database ``alias`` and the
    empty ``MEDIA_ROOT``. Returns the manifest."""
    connection = connections[alias]
    engine = _engine(connection)
    try:
        archive = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(
            _("Berkas cadangan tidak bisa dibaca: %(error)s") % {"error": exc}
        ) from exc
    with archive, tempfile.TemporaryDirectory() as work:
        manifest = _manifest(archive)
        if manifest["engine"] != engine:
            raise BackupError(
                _(
                    "Cadangan ini dari basis data %(archive)s, sedangkan situs ini "
                    "memakai %(site)s."
                )
                % {"archive": manifest["engine"], "site": engine}
            )
        if connection.introspection.table_names():
            raise BackupError(
                _(
                    "Basis data tujuan tidak kosong. Pemulihan hanya dilakukan ke "
                    "basis data baru yang kosong."
                )
            )
        for folder in FOLDERS:
            root = _folder_root(folder)
            if root.exists() and any(root.iterdir()):
                raise BackupError(_("Folder %(path)s tidak kosong.") % {"path": root})
        dump = Path(work) / DUMPS[engine]
        _extract(archive, DUMPS[engine], dump)
        for folder in FOLDERS:
            _media_restore(archive, folder, manifest.get(folder, []))
        if engine == "postgresql":
            _pg_run(
                "pg_restore",
                connection,
                "--exit-on-error",
                "--single-transaction",
                str(dump),
            )
        else:
            connection.close()
            with (
                sqlite3.connect(dump) as source,
                sqlite3.connect(connection.settings_dict["NAME"]) as target,
            ):
                source.backup(target)
            source.close()
            target.close()
    return manifest


def default_backup_path():
    """``backups/warta-<UTC time>.tar.gz`` in the project folder."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "backups" / f"warta-{stamp}.tar.gz"


def _engine(connection):
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(
            _("Basis data %(vendor)s tidak didukung.") % {"vendor": vendor}
        )
    return vendor


def _pg_run(program, connection, *args):
    """Run pg_dump or pg_restore against ``connection``'s database."""
    options = connection.settings_dict
    command = [
        program,
        "--no-owner",
        "--no-privileges",
        f"--dbname={options['NAME']}",
        *args,
    ]
    if options.get("HOST"):
        command.append(f"--host={options['HOST']}")
    if options.get("PORT"):
        command.append(f"--port={options['PORT']}")
    if options.get("USER"):
        command.append(f"--username={options['USER']}")
    env = {**os.environ, "PGPASSWORD": options.get("PASSWORD") or ""}
    if shutil.which(program) is None:
        raise BackupError(
            _("Program %(program)s tidak ditemukan; pasang postgresql-client.")
            % {"program": program}
        )
    result = subprocess.run(  # noqa: S603 - fixed program, no shell
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BackupError(
            _("%(program)s gagal: %(error)s")
            % {"program": program, "error": result.stderr.strip()}
        )


def _media_files(root):
    """(relative name, size, sha256) of every file under ``root``."""
    if not root.exists():
        return
    for folder, _dirs, names in os.walk(root):
        for name in names:
            full = Path(folder) / name
            if full.is_symlink() or not full.is_file():
                continue
            yield full.relative_to(root).as_posix(), full.stat().st_size, _sha256(full)


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _manifest(archive):
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError) as exc:
        raise BackupError(_("Berkas ini bukan cadangan Warta.")) from exc
    if manifest.get("format") != FORMAT or manifest.get("engine") not in DUMPS:
        raise BackupError(_("Format cadangan ini tidak dikenal."))
    return manifest


def _safe_name(name):
    """A relative media name that stays inside MEDIA_ROOT, or BackupError."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise BackupError(
            _("Nama berkas tidak aman di cadangan: %(name)s") % {"name": name}
        )
    return pure


def _extract(archive, member_name, target):
    """Copy one regular file out of the archive to ``target``."""
    try:
        member = archive.getmember(member_name)
    except KeyError as exc:
        raise BackupError(
            _("Cadangan tidak lengkap: %(name)s tidak ada.") % {"name": member_name}
        ) from exc
    if not member.isfile():
        raise BackupError(_("Isi cadangan tidak sah: %(name)s") % {"name": member_name})
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.extractfile(member) as source, open(target, "wb") as out:
        shutil.copyfileobj(source, out)


def _folder_root(folder):
    return Path(getattr(settings, FOLDERS[folder]))


def _media_restore(archive, folder, listed):
    """Extract every file of ``folder`` the manifest lists; check its SHA-256."""
    root = _folder_root(folder)
    for item in listed:
        name = _safe_name(item["name"])
        target = root.joinpath(*name.parts)
        _extract(archive, f"{folder}/{name}", target)
        if _sha256(target) != item["sha256"]:
            raise BackupError(
                _("Berkas %(name)s rusak di cadangan.") % {"name": item["name"]}
            )
