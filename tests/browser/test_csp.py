"""The site works under its Content-Security-Policy in a real browser.

Every page is opened with a listener for ``securitypolicyviolation`` (added
before any of the page's own scripts run) and the console collected; the
public home and story pages, the admin's story form with text typed into
CKEditor 5 and an image put into it, a photo upload in the photo library and
setting up the second login factor must show no violation (defect 9).
"""

import base64
import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from playwright.sync_api import expect

from articles.models import Article
from media_library.models import Photo
from tests.browser.conftest import admin_login, save
from tests.support.factories import UserFactory
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db(transaction=True)

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ` +
      `${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, with CSP violations and console messages recorded."""
    console = []
    page.context.add_init_script(LISTEN)
    page.on("console", lambda message: console.append(message.text))

    def violations():
        seen = page.evaluate("() => window.__cspViolations")
        reported = [text for text in console if "Content Security Policy" in text]
        return seen + reported

    page.violations = violations
    return page


def photo_file(tmp_path, name="apel.jpg", color=(40, 90, 160)):
    path = tmp_path / name
    Image.new("RGB", (1200, 800), color).save(path, "JPEG")
    return path


def test_public_pages_show_no_violation(watched, live_server):
    story = seed_story(photos=3)
    for url in ["/", story.get_absolute_url()]:
        response = watched.goto(f"{live_server.url}{url}")
        assert "content-security-policy" in response.headers
        # The story's photos are loaded under the policy.
        watched.wait_for_load_state("load")
        assert watched.violations() == [], url
    expect(watched.locator("article img").first).to_be_visible()
    loaded = watched.evaluate(
        "() => [...document.images].filter(i => i.complete && i.naturalWidth).length"
    )
    assert loaded >= 1

    # The watch itself works: an inline script is refused and reported.
    with pytest.raises(Exception, match="Content Security Policy|Refused"):
        watched.add_script_tag(content="window.injected = true;")
    assert watched.evaluate("() => window.injected") is None
    assert any("script-src" in v for v in watched.violations())


def test_admin_story_form_and_photo_upload_show_no_violation(
    watched, live_server, tmp_path
):
    UserFactory(username="penulis", is_staff=True, is_superuser=True)
    admin_login(watched, live_server, "penulis", "rahasia-warta-123")
    assert watched.violations() == []

    watched.goto(f"{live_server.url}/admin/articles/article/add/")
    watched.fill("#id_title", "Rakor pengamanan Pilkada")
    editor = watched.locator(".ck-editor__editable")
    editor.click()
    expect(editor).to_be_focused()
    watched.keyboard.insert_text("Rapat koordinasi berlangsung di aula Polres.")
    expect(watched.locator("#id_body")).to_have_value(
        "<p>Rapat koordinasi berlangsung di aula Polres.</p>"
    )
    # An image put into the editor: uploaded to Warta's endpoint and shown.
    with watched.expect_response(lambda r: r.url.endswith("/editor/upload/")) as sent:
        watched.set_input_files(".ck-editor input[type=file]", photo_file(tmp_path))
    assert sent.value.status == 200
    expect(editor.locator("img")).to_have_attribute("src", sent.value.json()["url"])
    editor.locator("img").evaluate("img => img.decode()")
    assert watched.violations() == []

    watched.goto(f"{live_server.url}/admin/media_library/photo/add/")
    watched.set_input_files("#id_file", photo_file(tmp_path, "lain.jpg", (160, 60, 40)))
    watched.fill("#id_title", "Apel pagi")
    watched.fill("#id_caption", "Apel pagi di halaman kantor bupati.")
    watched.fill("#id_alt_text", "Barisan pegawai apel pagi.")
    save(watched, "input[name=_continue]")
    assert Photo.objects.filter(title="Apel pagi").exists()
    expect(watched.locator(".field-preview img, img").first).to_be_visible()
    assert watched.violations() == []
    assert not Article.objects.exists()


def test_an_editor_sets_up_the_second_factor_in_the_browser(
    watched, live_server, settings
):
    settings.WARTA_REQUIRE_2FA = True
    editor = UserFactory(username="redaktur", is_staff=True, is_superuser=True)
    watched.goto(f"{live_server.url}/admin/login/")
    watched.fill("#id_username", "redaktur")
    watched.fill("#id_password", "rahasia-warta-123")
    with watched.expect_navigation(url=re.compile(r"/admin/dua-langkah/atur/")):
        watched.click("input[type=submit]")
    expect(watched.locator("#twofactor-qr svg")).to_be_visible()
    secret = watched.locator("#twofactor-secret").inner_text()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert base64.b32decode(secret) == device.bin_key
    watched.fill("#id_token", f"{totp(device.bin_key):06d}")
    watched.click("#twofactor-setup input[type=submit]")
    expect(watched.locator("#recovery-codes li")).to_have_count(10)
    watched.click("text=Lanjut ke meja redaksi")
    watched.wait_for_url(f"{live_server.url}/admin/")
    assert watched.violations() == []
