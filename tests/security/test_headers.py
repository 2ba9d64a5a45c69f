"""HTTPS, HSTS, framing and the Content-Security-Policy (defect 9)."""

import base64
import datetime
import hashlib
import os
import re

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from tests.support.newsroom import bare_photo, ready_story
from tests.support.processes import run_python

pytestmark = pytest.mark.django_db

CSP = "Content-Security-Policy"

# The production environment the README's "Running a server" documents.
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "8vQ2-pXc7tLw9Zr4Kf1Hy6Nb3Jm5Gd0Sa8Ue2Wi7Oq4Tz1Rk9Yh3Vn6Bx5Cl0Mf",
    "ALLOWED_HOSTS": "mmc.kotawaringinbaratkab.go.id",
    "WARTA_SITE_URL": "https://mmc.kotawaringinbaratkab.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://mmc.kotawaringinbaratkab.go.id",
    "BEHIND_TLS_PROXY": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def test_check_deploy_is_clean_with_the_documented_production_environment():
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WARTA_", "SECURE_"))
        and key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            # Set by the browser tests' conftest for Playwright, not production.
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environ.update(PRODUCTION)
    result = run_python(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", env=environ
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def directives(response):
    policy = {}
    for part in response[CSP].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def story():
    return ready_story(
        photo=bare_photo(),
        status="published",
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, story):
    for url in ["/", story.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"][0] == "'self'"
        assert all(src.startswith("'sha256-") for src in policy["style-src"][1:])
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "unsafe-inline" not in response[CSP]


def test_a_page_served_from_the_cache_carries_the_policy_too(client, story):
    first = client.get(story.get_absolute_url())
    again = client.get(story.get_absolute_url())
    assert again["X-Warta-Cache"] == "hit"
    assert again[CSP] == first[CSP]


def test_only_the_admin_may_set_styles_inline(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]


def test_pages_may_not_be_framed(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"


def test_plain_http_is_redirected_and_https_gets_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/")
    assert response.status_code == 301
    assert response.url.startswith("https://")
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_defaults_redirect_to_https_and_send_hsts():
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WARTA_", "SECURE_"))
    }
    environ.update(PRODUCTION, DJANGO_SETTINGS_MODULE="newsroom.settings")
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.WARTA_REQUIRE_2FA)"
    )
    result = run_python("-c", script, env=environ)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "31536000", "True"]


def test_the_standalone_pages_inline_styles_are_allowed_by_hash(settings):
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    page = render_to_string("500.html")
    style = re.search(r"<style>(.*?)</style>", page, flags=re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in style_src
