"""``manage.py backup``: the database and the media files in one archive."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsroom.backups import BackupError, backup_write, default_backup_path


class Command(BaseCommand):
    help = _(
        "Simpan basis data dan semua berkas media dalam satu arsip (.tar.gz) "
        "yang bisa dipulihkan dengan perintah restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help=_("Berkas arsip; bawaan: backups/warta-<waktu>.tar.gz"),
        )

    def handle(self, *args, output=None, **options):
        path = output or default_backup_path()
        try:
            manifest = backup_write(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Cadangan %(path)s: basis data %(engine)s dan %(count)d berkas "
                "media dari %(storage)s."
            )
            % {
                "path": path,
                "engine": manifest["engine"],
                "count": len(manifest["media"]),
                "storage": manifest["media_storage"],
            }
        )
