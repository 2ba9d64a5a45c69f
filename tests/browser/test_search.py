"""Searching on a phone: a typo still leads to the story, on the first screen."""

import pytest
from playwright.sync_api import expect

from tests.support.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def stories():
    ArticleFactory(
        published=True,
        title="Izin Tambang Pasir di Kawasan IKN Dievaluasi",
        summary="Kementerian meninjau ulang puluhan izin.",
        body="<p>Puluhan izin tambang pasir di sekitar kawasan IKN dievaluasi.</p>",
    )
    for number in range(12):
        ArticleFactory(
            published=True,
            title=f"Pasar murah kecamatan ke-{number}",
            body="<p>Warga membeli beras dan minyak goreng di pasar murah.</p>",
        )


def test_typo_on_a_phone_shows_the_suggestion_and_a_result_on_the_first_screen(
    page, live_server, stories, artifacts
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.fill("#cari-header", "tambnag ikn")
    page.press("#cari-header", "Enter")
    page.wait_for_url("**/cari/?q=tambnag+ikn")

    suggestion = page.locator(".suggestion")
    expect(suggestion).to_contain_text("Mungkin maksud Anda:")
    expect(suggestion.get_by_role("link")).to_have_text("tambang ikn")
    first = page.locator(".results .card").first
    expect(first.get_by_role("heading")).to_have_text(
        "Izin Tambang Pasir di Kawasan IKN Dievaluasi"
    )
    expect(first.locator("h2 mark").first).to_have_text("Tambang")
    page.screenshot(path=str(artifacts / "search-typo-390.png"))

    box = first.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], (
        f"the first result ends {box['y'] + box['height']:.0f} px down, "
        f"below the first screen ({PHONE['height']} px)"
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390

    # The suggestion is a search of its own, with the words marked.
    suggestion.get_by_role("link").click()
    page.wait_for_url("**/cari/?q=tambang+ikn")
    expect(page.locator(".suggestion")).to_have_count(0)
    expect(page.locator(".results .card")).to_have_count(1)
