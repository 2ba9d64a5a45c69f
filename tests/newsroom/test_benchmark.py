"""newsroom/benchmark.py: the measuring aids of make bench."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from articles.models import Category
from newsroom.benchmark import CEILING_BYTES, ServerTimingMiddleware, ceiling


def test_ceiling_page_is_a_fixed_20_kb_page():
    response = ceiling(RequestFactory().get("/bench/ceiling/"))
    assert len(response.content) == CEILING_BYTES
    assert response.content.endswith(b"</html>")
    assert ceiling(RequestFactory().get("/")).content == response.content


@pytest.mark.django_db
def test_server_timing_counts_every_query_of_the_request():
    def view(request):
        list(Category.objects.all())
        Category.objects.filter(slug="x").exists()
        return HttpResponse("ok")

    response = ServerTimingMiddleware(view)(RequestFactory().get("/"))
    assert response["X-Queries"] == "2"
    app, db = response["Server-Timing"].split(", ")
    assert app.startswith("app;dur=") and db.startswith("db;dur=")
    assert float(app.split("=")[1]) >= float(db.split("=")[1]) > 0


@pytest.mark.django_db
def test_bench_address_absent_without_the_setting(client):
    assert client.get("/bench/ceiling/").status_code == 404
