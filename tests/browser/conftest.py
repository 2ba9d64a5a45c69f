"""Headless Chromium through Playwright, for tests that drive the real site.

Uses the system Chromium (Debian's package), never Playwright's own download.
Without a browser the tests are skipped with the reason shown; under
``CI=true`` a missing browser fails the run instead.

The helpers below wait on what the page does (a response, an element's
state, a navigation's load), never on a fixed time: the machine that runs
them may be busy.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

TIMEOUT_MS = 15_000
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """Forget content type ids cached before the last flush.

    A transactional test ends with a flush that makes the content types anew
    under new ids; an id cached before it (the admin's log of a save uses
    one) would point at no row, and the next test's save would fail.
    """
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; browser tests cannot be skipped under CI=true")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Assertions wait as long as actions do (Playwright's default is 5 s).
        expect.set_options(timeout=TIMEOUT_MS)
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="id-ID",
        timezone_id="Asia/Jakarta",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    leave(page)
    context.close()


def leave(page):
    """Leave the page before the test's database is flushed: the story form's
    timers (autosave, presence heartbeat) must not reach the live server then."""
    if not page.is_closed():
        page.goto("about:blank")


@pytest.fixture
def artifacts():
    """Folder for screenshots kept after the run (test-artifacts/)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def admin_login(page, live_server, username, password):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def choose(page, field, term):
    """Pick the option matching ``term`` in the admin autocomplete (select2) of
    the form field whose id is ``id_<field>``.

    A single-choice select2 opens on mousedown and focuses its search box from
    a zero-delay timer; the browser first gives focus to the box clicked, so
    keys typed at once can land there and be lost (the search then runs for
    "die" or for nothing instead of "Edie"). The search box is therefore typed
    into directly; then the step waits for the response to the whole term,
    the option it highlights, and the choice in the form.
    """
    page.click(f"#id_{field} + .select2 .select2-selection")
    search = page.locator(".select2-container--open .select2-search__field")
    with page.expect_response(lambda response: _searched_for(response, term)):
        # Keys, not fill(): select2 ignores an input event that has no keydown
        # after an Enter in the same box (a second pick in a multiple choice).
        search.press_sequentially(term)
    expect(page.locator(".select2-results__option--highlighted")).to_contain_text(term)
    search.press("Enter")
    chosen = page.locator(f"#id_{field} option:checked", has_text=term)
    expect(chosen).to_have_count(1)


def _searched_for(response, term):
    """Whether ``response`` answers an admin autocomplete search for ``term``."""
    url = urlsplit(response.url)
    searched = parse_qs(url.query).get("term")
    return url.path.endswith("/admin/autocomplete/") and searched == [term]


def save(page, button):
    """Press the admin form's submit ``button`` and wait for the page answering.

    Waits for the load of the page the server answers with (the form again,
    or the page a redirect leads to); a form error or a refused action fails
    here with its text.
    """
    with page.expect_event("load"):
        page.click(button)
    problems = page.locator(".errornote, .errorlist, .messagelist .error")
    assert problems.all_inner_texts() == []
    expect(page.locator(".messagelist .success").first).to_be_visible()
