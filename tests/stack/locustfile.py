"""Readers and editors for the load test (run by tests/stack/loadtest.py).

200 readers browse the home page, stories, categories and search, with a
few seconds between pages, as people on phones do. 5 editors each open
their own story in the admin, change its text, save it, and now and then
publish it. Every save an editor saw succeed is written to
``$STACK_WORK/edits/<username>.json``, for the check after the run.
"""

import json
import os
import random
import re
import sys
import time
from pathlib import Path

import gevent
from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.stack.client import csrf_token, form_fields  # noqa: E402

WORK = Path(os.environ["STACK_WORK"])
SITE = json.loads((WORK / "loadtest-site.json").read_text())
EDITORS = json.loads((WORK / "editors.json").read_text())
WORDS = ["banjir", "bupati", "sekolah", "puskesmas", "jalan", "desa", "pasar"]


class Reader(HttpUser):
    """Someone reading the portal on a phone."""

    # The rest of --users once the 5 editors (fixed_count users are started
    # first) are in.
    weight = 1
    wait_time = between(2, 8)

    def on_start(self):
        self.client.verify = False

    @task(4)
    def home(self):
        self.client.get("/", name="/")

    @task(8)
    def story(self):
        self.client.get(random.choice(SITE["stories"]), name="/berita/[slug]/")

    @task(2)
    def category(self):
        self.client.get(random.choice(SITE["categories"]), name="/kategori/[slug]/")

    @task(2)
    def search(self):
        self.client.get(f"/cari/?q={random.choice(WORDS)}", name="/cari/?q=[kata]")


class Editor(HttpUser):
    """An editor working on their own story: open, change, save, publish."""

    fixed_count = 5
    wait_time = between(3, 10)
    _next = iter(range(len(EDITORS["editors"])))

    def on_start(self):
        from django_otp.oath import TOTP

        self.client.verify = False
        self.login = EDITORS["editors"][next(Editor._next)]
        self.url = f"/admin/articles/article/{self.login['story']}/change/"
        self.saves = 0
        self.log = WORK / "edits" / f"{self.login['username']}.json"
        self.log.parent.mkdir(exist_ok=True)
        page = self.client.get("/admin/login/", name="login")
        self.client.post(
            "/admin/login/",
            data={
                "csrfmiddlewaretoken": csrf_token(page.text),
                "username": self.login["username"],
                "password": self.login["password"],
                "next": "/admin/",
            },
            headers={"Referer": self.client.base_url + "/admin/login/"},
            name="login",
        )
        for _attempt in range(2):
            verify = self.client.get("/admin/dua-langkah/", name="login")
            key = bytes.fromhex(self.login["totp_key"])
            done = self.client.post(
                "/admin/dua-langkah/",
                data={
                    "csrfmiddlewaretoken": csrf_token(verify.text),
                    "token": f"{TOTP(key).token():06d}",
                },
                headers={"Referer": self.client.base_url + "/admin/dua-langkah/"},
                name="login",
            )
            if "/admin/dua-langkah/" not in done.url:
                return
            # A code is good once per 30-second step (the smoke test may
            # have used this one): wait for the next step.
            step = int(time.time()) // 30
            while int(time.time()) // 30 == step:
                gevent.sleep(0.2)
        raise RuntimeError(f"second factor refused for {self.login['username']}")

    @task
    def edit(self):
        # The first edit right after logging in: each editor saves at least
        # once even in a 60-second run.
        page = self.client.get(self.url, name="/admin/.../change/ (open)")
        if page.status_code != 200:
            return
        self.saves += 1
        body = (
            f"<p>Suntingan {self.saves} oleh {self.login['username']}: "
            f"{' '.join(random.choices(WORDS, k=30))}.</p>"
        )
        data = [
            (n, v) for n, v in form_fields(page.text, "article_form") if n != "body"
        ]
        data.append(("body", body))
        publish = random.random() < 0.2 and "wf-publish" in page.text
        data.append(("_transition", "publish") if publish else ("_continue", "1"))
        with self.client.post(
            self.url,
            data=data,
            headers={"Referer": self.client.base_url + self.url},
            name="/admin/.../change/ (save" + (", publish)" if publish else ")"),
            catch_response=True,
        ) as saved:
            # A saved form answers with a redirect back to itself; a refused
            # one with the form again (200) and its errors.
            if saved.status_code == 200 and not saved.history:
                errors = re.findall(
                    r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', saved.text
                )
                saved.failure(f"save refused: {errors[:2]}")
                return
            self.log.write_text(
                json.dumps(
                    {"story": self.login["story"], "body": body, "n": self.saves}
                )
            )
