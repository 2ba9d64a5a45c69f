"""The template engines and what the Content-Security-Policy needs of the
templates; read by the settings only (no Django imports).

Two engines render HTML: Jinja2 for everything a reader sees (the public
site's templates, in ``templates/jinja2/`` only, ``portal/jinja.py``), and
Django's for the admin. Jinja2 comes first, so Django's error views and
``render_to_string("400.html")`` find the public site's own pages.
"""

import base64
import hashlib
import re

_CONTEXT_PROCESSORS = [
    "django.template.context_processors.debug",
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
    "newsroom.context_processors.site",
]


def template_engines(base_dir):
    """``TEMPLATES``: the public site's, the admin's, the mail bodies'."""
    templates = base_dir / "templates"
    return [
        {
            # Always autoescaped (the environment sees to it).
            "BACKEND": "django.template.backends.jinja2.Jinja2",
            "DIRS": [templates / "jinja2"],
            "OPTIONS": {
                "environment": "portal.jinja.environment",
                "context_processors": _CONTEXT_PROCESSORS,
            },
        },
        {
            # The admin's pages (and Django's apps' own templates).
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [templates],
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": _CONTEXT_PROCESSORS},
        },
        {
            # Plain-text mail bodies: nothing there is HTML, so nothing is
            # HTML-escaped. Used only by name (``using="text"``).
            "NAME": "text",
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [templates / "text"],
            "OPTIONS": {"autoescape": False},
        },
    ]


def inline_style_hashes(base_dir, *names):
    """CSP hashes of the <style> blocks of the public site's standalone pages
    (no static files: the server-error page must render even when those are
    missing), by their names in ``templates/jinja2/``."""
    hashes = []
    for name in names:
        path = base_dir / "templates" / "jinja2" / name
        text = path.read_text(encoding="utf-8")
        for style in re.findall(r"<style>(.*?)</style>", text, flags=re.S):
            digest = hashlib.sha256(style.encode()).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes
