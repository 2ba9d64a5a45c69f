"""The site's icon: ``/favicon.ico`` answers, and every page links it."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_an_icon_that_exists(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.ico")
    path = finders.find("img/favicon.ico")
    with open(path, "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # the ICO header


@pytest.mark.parametrize(
    "url", [reverse("portal:home"), reverse("admin:login")], ids=["public", "admin"]
)
def test_pages_link_the_icon(client, url):
    page = client.get(url).content.decode()
    assert 'rel="icon" href="/static/img/favicon.ico"' in page
