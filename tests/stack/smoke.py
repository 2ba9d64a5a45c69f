"""The smoke test through the real stack (started by tests/stack/run).

1. nginx answers over TLS, redirects plain HTTP, passes its request id to
   the app and gives it back; a public page is stored by nginx and served
   from its cache.
2. An editor logs in (password and TOTP) on app server A, writes a story
   with a photo uploaded in the form and publishes it.
3. App server B shows the story at once; nginx shows it within the page
   cache's lifetime (Warta invalidates its own cache; nginx's copy expires).
4. The photo's renditions are served by nginx itself, with a year-long
   lifetime, the same bytes as on disk.
5. A signed-in page is never served from nginx's cache, nor stored by it.
"""

import io
import json
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image  # noqa: E402

from tests.stack.client import Client, StackError, form_fields  # noqa: E402

HTTPS = os.environ["STACK_HTTPS"]
HTTP = os.environ["STACK_HTTP"]
APP_A = os.environ["STACK_APP_A"]
APP_B = os.environ["STACK_APP_B"]
WORK = Path(os.environ["STACK_WORK"])
CACHE_SECONDS = int(os.environ.get("WARTA_PAGE_CACHE_SECONDS", "300"))


def check(condition, message):
    if not condition:
        raise StackError(message)
    print(f"ok  {message}")


def jpeg_bytes():
    image = Image.new("RGB", (1400, 933), (30, 110, 160))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def nginx_in_front():
    reader = Client(HTTPS, origin=HTTPS)
    plain = reader.get(f"{HTTP}/")
    check(
        plain.status_code == 301 and plain.headers["Location"].startswith(HTTPS),
        "plain HTTP is redirected to HTTPS by nginx",
    )
    given = reader.get("/healthz")
    check(given.status_code == 200, "/healthz answers 200 through nginx")
    check(
        len(given.headers.get("X-Request-ID", "")) == 32,
        "nginx's request id comes back in X-Request-ID",
    )
    logs = (WORK / "app-a.log").read_text() + (WORK / "app-b.log").read_text()
    check(
        f"id={given.headers['X-Request-ID']} " in logs,
        "the app server logged the request under nginx's request id",
    )
    first = reader.get("/")
    second = reader.get("/")
    check(first.status_code == 200, "the home page answers through nginx")
    check(
        second.headers.get("X-Cache-Status") == "HIT",
        f"nginx serves the home page from its cache "
        f"({first.headers.get('X-Cache-Status')}, then "
        f"{second.headers.get('X-Cache-Status')})",
    )


def publish_on_a(editor, title, *, category, agency):
    """Write and publish a story through app server A only, with a photo
    uploaded in the form, as an editor's browser would; the saved form."""
    add = editor.get("/admin/articles/article/add/", base=APP_A)
    check(add.status_code == 200, "the story form opens on app server A")
    typed = {
        "title": title,
        "summary": "Ringkasan berita uji tumpukan server.",
        "body": "<p>Isi berita uji yang diterbitkan lewat server A.</p>",
        "category": str(category),
        "contributing_agency": str(agency),
    }
    data = [
        (name, value)
        for name, value in form_fields(add.text, "article_form")
        if not name.startswith("photos-") and name not in typed
    ]
    data += [
        *typed.items(),
        ("photos-TOTAL_FORMS", "1"),
        ("photos-INITIAL_FORMS", "0"),
        ("photos-MIN_NUM_FORMS", "0"),
        ("photos-MAX_NUM_FORMS", "1000"),
        ("photos-0-role", "featured"),
        ("photos-0-order", "0"),
        ("photos-0-caption", "Foto uji tumpukan server."),
        ("photos-0-alt_text", "Langit biru."),
        ("_transition", "publish"),
    ]
    saved = editor.post(
        "/admin/articles/article/add/",
        base=APP_A,
        data=data,
        files={"photos-0-upload": ("foto.jpg", jpeg_bytes(), "image/jpeg")},
    )
    check(
        saved.status_code == 302,
        f"the story is saved and published on app server A ({saved.status_code})",
    )
    return editor.follow(saved, base=APP_A)


def rendition_urls(html):
    return sorted(
        {
            part
            for part in html.replace('"', " ").replace(",", " ").split()
            if part.startswith("/media/renditions/")
        }
    )


def main():
    made = json.loads((WORK / "editors.json").read_text())
    nginx_in_front()

    editor = Client(APP_A, origin=HTTPS)
    first = made["smoke"]
    home = editor.login(first["username"], first["password"], first["totp_key"])
    check(home.status_code == 200, "an editor logs in with password and TOTP on A")

    title = f"Uji tumpukan {uuid.uuid4().hex[:8]}"
    story_page = publish_on_a(
        editor, title, category=made["category"], agency=made["agency"]
    )
    check(title in story_page.text, "the saved story's form shows its title")

    reader_b = Client(APP_B, origin=HTTPS)
    on_b = reader_b.get("/", base=APP_B)
    check(title in on_b.text, "app server B lists the story at once")

    reader = Client(HTTPS, origin=HTTPS)
    deadline = time.monotonic() + CACHE_SECONDS + 15
    while True:
        home = reader.get("/")
        if title in home.text:
            break
        if time.monotonic() > deadline:
            raise StackError("nginx never showed the story within the cache lifetime")
        time.sleep(1)
    check(True, "nginx shows the story within the page cache's lifetime")

    link = home.text.split(title)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    story = reader.get(link)
    check(story.status_code == 200, f"the story opens through nginx at {link}")
    # Renditions may be made by the background worker after the upload:
    # read the page from app server B (no page cache in between) until the
    # story's picture lists them.
    deadline = time.monotonic() + 60
    while True:
        renditions = rendition_urls(reader_b.get(link, base=APP_B).text)
        if len(renditions) >= 4 or time.monotonic() > deadline:
            break
        time.sleep(1)
    check(len(renditions) >= 4, f"the story page uses {len(renditions)} renditions")
    for url in renditions:
        served = reader.get(url)
        on_disk = (WORK / "media" / url.removeprefix("/media/")).read_bytes()
        if served.status_code != 200 or served.content != on_disk:
            raise StackError(f"{url} is not served by nginx as stored")
        if "immutable" not in served.headers.get("Cache-Control", ""):
            raise StackError(f"{url} has no long lifetime")
        if "X-Request-ID" in served.headers:
            raise StackError(f"{url} went to an app server, not nginx")
    check(True, "nginx serves every rendition itself, immutable, as stored")

    for path in ("/admin/", "/"):
        signed_in = [editor.get(path, base=HTTPS) for _ in range(2)]
        statuses = [r.headers.get("X-Cache-Status") for r in signed_in]
        check(
            all(r.status_code == 200 for r in signed_in)
            and all(status in ("BYPASS", None) for status in statuses),
            f"{path} for a signed-in editor is never from nginx's cache ({statuses})",
        )
    own = editor.get("/admin/", base=HTTPS)
    check(
        first["username"] in own.text,
        "the signed-in admin page through nginx is the editor's own",
    )
    admin_anon = Client(HTTPS, origin=HTTPS).get("/admin/")
    check(
        admin_anon.status_code == 302
        and admin_anon.headers.get("X-Cache-Status") != "HIT",
        "an anonymous visitor then gets the login redirect, no stored admin page",
    )
    print("smoke test passed")


if __name__ == "__main__":
    main()
