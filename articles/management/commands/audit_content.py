"""Scan everything readers can see for gambling spam (``articles.linkguard``).

Published stories (title, summary, body, the captions and alt text of their
photos) and the agencies' and officials' pages. Each finding is printed with
where it is; the command exits with status 1 when there is any, so cron can
raise the alarm. Findings an editor confirmed are left out unless ``--all``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles import linkguard
from articles.models import Agency, Article, Official


class Command(BaseCommand):
    help = "Cari pola spam judi online di semua isi yang tampil bagi pembaca."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="show_all",
            help="Tampilkan juga temuan yang sudah dikonfirmasi redaktur.",
        )

    def handle(self, *args, show_all=False, **options):
        found = skipped = 0
        for place, findings in self.places():
            for finding in findings:
                if finding.confirmed and not show_all:
                    skipped += 1
                    continue
                found += 1
                self.stdout.write(f"{place}: {finding.finding}")
        if skipped:
            self.stdout.write(
                f"{skipped} temuan sudah dikonfirmasi redaktur (--all untuk "
                "menampilkannya)."
            )
        if found:
            raise CommandError(f"{found} temuan penjaga tautan di isi yang terbit.")
        self.stdout.write(self.style.SUCCESS("Tidak ada temuan penjaga tautan."))

    def places(self):
        """(where, findings) for each published story, agency and official."""
        for article in Article.objects.filter(status=Article.Status.PUBLISHED):
            done = linkguard.confirmed(article)
            yield (
                f"Berita #{article.pk} “{article.title}” ({url(article)})",
                [
                    Seen(finding, finding in done)
                    for finding in linkguard.article_findings(article)
                ],
            )
        for agency in Agency.objects.all():
            yield (
                f"Instansi #{agency.pk} “{agency}” ({url(agency)})",
                unconfirmed(
                    *linkguard.text_findings(agency.name, "nama"),
                    *linkguard.text_findings(agency.short_name, "singkatan"),
                    *linkguard.url_findings(agency.website, "situs web"),
                ),
            )
        for official in Official.objects.all():
            yield (
                f"Pejabat #{official.pk} “{official}” ({url(official)})",
                unconfirmed(
                    *linkguard.text_findings(official.name, "nama"),
                    *linkguard.text_findings(official.rank, "pangkat/gelar"),
                    *linkguard.text_findings(official.bio, "biografi"),
                ),
            )


class Seen:
    """A finding, and whether an editor confirmed it."""

    def __init__(self, finding, confirmed=False):
        self.finding = finding
        self.confirmed = confirmed


def unconfirmed(*findings):
    return [Seen(finding) for finding in findings]


def url(obj):
    return settings.WARTA_SITE_URL + obj.get_absolute_url() if obj.slug else "—"
