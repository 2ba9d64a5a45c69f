"""``manage.py generate_newsroom --stories N``: a realistic newsroom of any
size in an empty database, for benchmarks and load tests (see
``articles.generation``)."""

import datetime
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from articles.generation import (
    POOL_SIZE,
    newsroom_flush,
    newsroom_generate,
    newsroom_is_empty,
)
from articles.models import Article
from articles.search_index import reindex


def _day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"Tanggal tidak dikenali: {value} (pakai YYYY-MM-DD)."
        ) from error


class Command(BaseCommand):
    help = (
        "Isi basis data kosong dengan berita buatan yang realistis (instansi, "
        "pejabat, tag, foto) untuk uji kinerja."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True, help="Jumlah berita.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Benih acak: benih sama, isi sama."
        )
        parser.add_argument(
            "--until",
            type=_day,
            default=None,
            help="Tanggal berita terbaru (YYYY-MM-DD); bawaan: hari ini.",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Hapus dulu berita, tag, pejabat, instansi dan rubrik yang ada.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Izinkan --flush walaupun DEBUG mati (jangan di server produksi).",
        )
        parser.add_argument(
            "--photos",
            type=int,
            default=POOL_SIZE,
            help="Jumlah foto di kumpulan foto yang dipakai ulang (bawaan 30).",
        )
        parser.add_argument(
            "--batch", type=int, default=1000, help="Berita per sisipan."
        )

    def handle(
        self, *args, stories, seed, until, flush, force, photos, batch, **options
    ):
        if stories < 0:
            raise CommandError("--stories tidak boleh negatif.")
        if batch < 1 or photos < 4:
            raise CommandError("--batch minimal 1 dan --photos minimal 4.")
        if flush:
            if not settings.DEBUG and not force:
                raise CommandError(
                    "DEBUG mati: --flush menolak mengosongkan basis data yang "
                    "mungkin produksi. Pakai --force bila memang disengaja."
                )
            newsroom_flush()
        elif not newsroom_is_empty():
            raise CommandError(
                "Basis data sudah berisi berita, rubrik, instansi, pejabat atau tag. "
                "Pakai basis data kosong, atau --flush untuk mengosongkannya dulu."
            )
        moment = None
        if until:
            moment = timezone.make_aware(
                datetime.datetime.combine(until, datetime.time(20, 0))
            )
        started = time.monotonic()

        def report(progress):
            rate = progress.stories / max(time.monotonic() - started, 0.001)
            self.stdout.write(f"{progress.stories} berita ({rate:.0f}/detik)")

        progress = newsroom_generate(
            stories=stories,
            seed=seed,
            until=moment,
            photos=photos,
            batch=batch,
            report=report,
        )
        # Rows inserted in bulk pass no Article.save: index them for search
        # as a save would, and send no signal: no cached page may outlive them.
        self.stdout.write("Menyusun indeks pencarian...")
        reindex(Article.objects.all(), vendor=connection.vendor)
        cache.clear()
        rows = ", ".join(f"{name} {count}" for name, count in progress.rows.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"{progress.stories} berita dibuat dalam "
                f"{time.monotonic() - started:.1f} detik ({rows})."
            )
        )
