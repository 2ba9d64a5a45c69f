"""Derive every story's search index again (``articles.search_index``), e.g.
after the text analysis changed, or after stories were written in bulk
without ``Article.save``. Prints how long it took per story."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from articles.models import Article
from articles.search_index import reindex


class Command(BaseCommand):
    help = "Susun ulang indeks pencarian semua berita."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=500,
            help="Berita per transaksi (bawaan 500).",
        )

    def handle(self, *args, batch_size=500, **options):
        started = time.perf_counter()
        count = reindex(
            Article.objects.all(), vendor=connection.vendor, batch_size=batch_size
        )
        seconds = time.perf_counter() - started
        per_story = seconds / count * 1000 if count else 0.0
        self.stdout.write(
            f"{count} berita diindeks dalam {seconds:.1f} detik "
            f"({per_story:.2f} ms per berita)."
        )
