"""List every published story whose content differs from the fingerprint
Warta last recorded for it (``articles.fingerprints``), and store the run for
the admin's front page. Exits with status 1 when any differs, so cron can
raise the alarm."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.fingerprints import content_verify


class Command(BaseCommand):
    help = (
        "Bandingkan setiap berita terbit dengan sidik isi yang terakhir dicatat "
        "Warta; laporkan yang diubah di luar Warta."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--record-missing",
            action="store_true",
            help=(
                "Catat sidik pertama untuk berita terbit yang belum punya "
                "(sekali, setelah memperbarui Warta)."
            ),
        )

    def handle(self, *args, record_missing=False, **options):
        run = content_verify(record_missing=record_missing)
        for item in run.mismatches:
            self.stdout.write(
                f"Berita #{item['id']} “{item['title']}” "
                f"({settings.WARTA_SITE_URL}{item['url']}): {item['problem']}"
            )
        if run.mismatches:
            raise CommandError(
                f"{len(run.mismatches)} dari {run.checked} berita terbit tidak "
                "cocok dengan sidik isi yang dicatat Warta."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.checked} berita terbit diperiksa; semuanya cocok."
            )
        )
