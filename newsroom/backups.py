"""One-archive backups of a whole Warta site: the database and the media files.

An archive is a gzip-compressed tar file holding

- ``manifest.json``: the format, the database engine, when it was made, and
  every media file with its size and SHA-256;
- ``database.dump`` (PostgreSQL, ``pg_dump --format=custom``: one consistent
  snapshot, taken in a single transaction while the site keeps running) or
  ``database.sqlite3`` (SQLite, through SQLite's online backup API);
- ``media/...``: every file in the media storage (``STORAGES["default"]``:
  ``MEDIA_ROOT``, or the S3 bucket when ``WARTA_S3_BUCKET`` is set), read
  through Django's storage API so both are backed up the same way;
- ``private/...``: every file under ``WARTA_PRIVATE_MEDIA_ROOT`` (readers'
  right-of-reply attachments, which have no public address).

The database is dumped first: uploads never change in place, so every file
the dump refers to is already in the media storage when the files are copied.
The manifest is written last, once every file's SHA-256 is known.

``backup_restore`` loads an archive into an *empty* installation (a database
without tables, an empty media storage and private folder) and refuses
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
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
# Archive folder -> the setting naming the folder on disk.
MEDIA = "media"
FOLDERS = (MEDIA, "private")
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def backup_write(*, path, alias="default"):
    """Write the archive of the database ``alias`` and the media to ``path``.

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
        partial = path.with_name(f".{path.name}.partial")
        try:
            with tarfile.open(partial, "w:gz") as archive:
                archive.add(dump, DUMPS[engine])
                listed = {
                    folder: _storage_backup(archive, folder) for folder in FOLDERS
                }
                manifest = {
                    "format": FORMAT,
                    "engine": engine,
                    "created_at": timezone.now().isoformat(),
                    "media_storage": _storage_label(_storage(MEDIA)),
                    **listed,
                }
                manifest_path = Path(work) / MANIFEST
                manifest_path.write_text(json.dumps(manifest, indent=1))
                archive.add(manifest_path, MANIFEST)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def backup_restore(*, path, alias="default"):
    """Load the archive at ``path`` into the empty database ``alias`` and the
    empty media storage and private folder. Returns the manifest."""
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
            storage = _storage(folder)
            if _storage_names(storage):
                raise BackupError(
                    _("Folder %(path)s tidak kosong.")
                    % {"path": _storage_label(storage)}
                )
        dump = Path(work) / DUMPS[engine]
        _extract(archive, DUMPS[engine], dump)
        for folder in FOLDERS:
            _storage_restore(archive, folder, manifest.get(folder, []), work)
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
    """A relative media name that stays inside its folder, or BackupError."""
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


def _storage(folder):
    """The media storage, or the private folder as a storage of its own."""
    if folder == MEDIA:
        return default_storage
    return FileSystemStorage(location=settings.WARTA_PRIVATE_MEDIA_ROOT)


def _storage_label(storage):
    """Where a storage keeps its files, for messages and the manifest."""
    bucket = getattr(storage, "bucket_name", None)
    return f"s3://{bucket}" if bucket else str(storage.location)


def _storage_names(storage, folder=""):
    """Every file name in ``storage`` (sorted), walking its folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    prefix = f"{folder}/" if folder else ""
    names = [f"{prefix}{name}" for name in files]
    for sub in folders:
        names.extend(_storage_names(storage, f"{prefix}{sub}"))
    return sorted(names)


class _Hashing:
    """A file read through once, its SHA-256 taken on the way."""

    def __init__(self, handle):
        self.handle, self.digest = handle, hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _storage_backup(archive, folder):
    """Add every file of ``folder``'s storage to the archive; their list."""
    storage, listed = _storage(folder), []
    for name in _storage_names(storage):
        info = tarfile.TarInfo(f"{folder}/{name}")
        info.size, info.mode = storage.size(name), 0o644
        with storage.open(name, "rb") as handle:
            hashing = _Hashing(handle)
            archive.addfile(info, hashing)
        listed.append(
            {"name": name, "size": info.size, "sha256": hashing.digest.hexdigest()}
        )
    return listed


def _storage_restore(archive, folder, listed, work):
    """Put every file of ``folder`` the manifest lists back under its own
    name, after checking its SHA-256."""
    storage = _storage(folder)
    for item in listed:
        name = _safe_name(item["name"])
        extracted = Path(work) / "file"
        _extract(archive, f"{folder}/{name}", extracted)
        if _sha256(extracted) != item["sha256"]:
            raise BackupError(
                _("Berkas %(name)s rusak di cadangan.") % {"name": item["name"]}
            )
        with open(extracted, "rb") as handle:
            saved = storage.save(str(name), File(handle))
        if saved != str(name):
            raise BackupError(
                _("Berkas %(name)s tidak bisa dipulihkan dengan namanya.")
                % {"name": item["name"]}
            )
