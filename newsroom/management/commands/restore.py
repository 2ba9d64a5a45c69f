"""``manage.py restore <archive>``: load a backup into an empty installation."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from newsroom.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = _(
        "Pulihkan arsip dari perintah backup ke basis data yang kosong dan "
        "folder media yang kosong."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("Berkas arsip cadangan (.tar.gz)"))

    def handle(self, *args, archive, **options):
        try:
            manifest = backup_restore(path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Dipulihkan dari cadangan %(time)s: %(count)d berkas media.")
            % {"time": manifest["created_at"], "count": len(manifest["media"])}
        )
