"""``manage.py photo_renditions``: find photos still without all their
renditions (the worker was down, or a task failed) and ask for them again.

By default the renditions tasks are enqueued for the worker; ``--now`` makes
them in this process and reports each photo that fails. Either is safe to
repeat: ``renditions_make`` only makes what is missing.
"""

from django.core.management.base import BaseCommand
from django.db.models import Case, Count, F, IntegerField, Value, When

from media_library.models import Photo
from media_library.renditions import FORMATS, WIDTHS, renditions_make
from media_library.tasks import photo_renditions_make


def photos_missing_renditions():
    """Photos with fewer renditions than their width calls for."""
    # rendition_widths() as SQL: one rendition per format for each width in
    # WIDTHS the photo reaches, and at least one.
    expected = Case(
        *(
            When(width__gte=width, then=Value((i + 1) * len(FORMATS)))
            for i, width in reversed(list(enumerate(WIDTHS)))
        ),
        default=Value(len(FORMATS)),
        output_field=IntegerField(),
    )
    return (
        Photo.objects.annotate(made=Count("renditions"), expected=expected)
        .filter(made__lt=F("expected"))
        .order_by("pk")
    )


class Command(BaseCommand):
    help = "Membuat ulang rendisi foto yang belum lengkap (lewat worker, atau --now)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Buat rendisi di proses ini, bukan lewat worker.",
        )

    def handle(self, *args, now=False, **options):
        failed = 0
        photos = photos_missing_renditions()
        count = 0
        for photo in photos.iterator():
            count += 1
            if not now:
                photo_renditions_make.enqueue(photo.pk)
                continue
            try:
                renditions_make(photo=photo)
            except Exception as error:
                failed += 1
                self.stderr.write(f"Foto #{photo.pk} gagal: {error!r}")
        verb = "dibuat" if now else "diantrekan untuk worker"
        self.stdout.write(f"{count - failed} foto, rendisinya {verb}.")
        if failed:
            self.stderr.write(f"{failed} foto gagal.")
            raise SystemExit(1)
