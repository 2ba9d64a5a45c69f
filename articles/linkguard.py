"""The link guard: gambling spam in what a story shows readers.

The patterns (keywords, link shorteners, spam domains, hiding styles) are
data: ``articles/data/link_guard.toml``, plus the media center's own file
named by ``WARTA_LINK_GUARD_FILE``. A story's title, summary, body (its text,
link addresses and image sources; hidden-text tricks in the HTML as typed,
before ``richtext.sanitize_html`` drops the styles that hid them) and the
captions and alt text of its photos are checked whenever it is saved
(``article_check``). A finding blocks publishing (``publish_check``, from
``workflow.article_publish``) until an editor confirms it
(``article_confirm``); both are ``LinkGuardCheck`` rows, the story's
link-guard history.
"""

import hashlib
import os
import re
import tomllib
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from media_library.models import Photo

from . import rights
from .errors import WorkflowError
from .models import Article, ArticlePhoto, LinkGuardCheck

DEFAULT_FILE = Path(__file__).resolve().parent / "data" / "link_guard.toml"

KINDS = {
    "keyword": gettext_lazy("kata kunci judi"),
    "shortener": gettext_lazy("penyingkat tautan"),
    "domain": gettext_lazy("domain spam"),
    "hidden": gettext_lazy("teks tersembunyi"),
    "empty_link": gettext_lazy("tautan tanpa teks"),
}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Digits standing in for letters: sl0t g4c0r.
_LEET = str.maketrans("013457", "oieast")


@dataclass(frozen=True)
class Finding:
    """One suspicious thing: where it is, what kind, and the text that matched."""

    where: str
    kind: str
    match: str

    def __str__(self):
        return _("“%(match)s” (%(kind)s) di %(where)s") % {
            "match": self.match,
            "kind": KINDS.get(self.kind, self.kind),
            "where": self.where,
        }


@dataclass(frozen=True)
class Patterns:
    keywords: tuple  # (keyword, regex)
    hosts: tuple  # (domain, kind, regex)
    hidden_styles: tuple  # (style, regex)


def patterns():
    """The patterns of the shipped file and of ``WARTA_LINK_GUARD_FILE``."""
    files = [DEFAULT_FILE]
    extra = getattr(settings, "WARTA_LINK_GUARD_FILE", "")
    if extra:
        files.append(Path(extra))
    stamps = []
    for path in files:
        try:
            stamps.append((str(path), os.stat(path).st_mtime_ns))
        except OSError as error:
            raise ImproperlyConfigured(
                f"WARTA_LINK_GUARD_FILE {path} cannot be read: {error}"
            ) from None
    return _compiled(tuple(stamps))


@lru_cache(maxsize=4)
def _compiled(stamps):
    keywords, shorteners, domains, styles = set(), set(), set(), set()
    for path, _mtime in stamps:
        try:
            with open(path, "rb") as source:
                data = tomllib.load(source)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ImproperlyConfigured(
                f"WARTA_LINK_GUARD_FILE {path} is not valid TOML: {error}"
            ) from None
        keywords |= {_norm(k) for k in data.get("keywords", []) if k.strip()}
        shorteners |= {d.strip().lower() for d in data.get("shorteners", [])}
        domains |= {d.strip().lower() for d in data.get("domains", [])}
        styles |= {re.sub(r"\s+", "", s.lower()) for s in data.get("hidden_styles", [])}
    return Patterns(
        keywords=tuple((k, _keyword_regex(k)) for k in sorted(keywords)),
        hosts=tuple(
            (d, kind, _domain_regex(d))
            for kind, names in (("shortener", shorteners), ("domain", domains))
            for d in sorted(names - {""})
        ),
        hidden_styles=tuple((s, _style_regex(s)) for s in sorted(styles - {""})),
    )


def _norm(text):
    """Lower-case, compatibility-folded text without zero-width characters."""
    return unicodedata.normalize("NFKC", text or "").translate(_ZERO_WIDTH).lower()


def _keyword_regex(keyword):
    words = [re.escape(w.translate(_LEET)) for w in keyword.split()]
    return re.compile(r"(?<![^\W_])" + r"[\W_]*".join(words) + r"(?![^\W_])")


def _domain_regex(domain):
    return re.compile(r"(?<![\w-])(?:[\w-]+\.)*" + re.escape(domain) + r"(?![\w-])")


def _style_regex(style):
    tail = r"(?:px|pt|em|rem|%)?(?![\d.a-z])" if style[-1].isdigit() else r"(?![\w.])"
    # "color:#fff" is hidden text; "background-color:#fff" is not.
    return re.compile(r"(?<![\w-])" + re.escape(style) + tail)


# --- scanning ---------------------------------------------------------------


def text_findings(text, where):
    """Gambling keywords and spam or shortener domains in plain ``text``."""
    text = _norm(text)
    if not text.strip():
        return []
    found = []
    for keyword, regex in patterns().keywords:
        if regex.search(text.translate(_LEET)):
            found.append(Finding(where, "keyword", keyword))
    for domain, kind, regex in patterns().hosts:
        if regex.search(text):
            found.append(Finding(where, kind, domain))
    return found


def url_findings(url, where):
    """A link address or image source: its domain, and keywords in it."""
    address = _norm(unquote(url or ""))
    found = []
    for _domain, kind, regex in patterns().hosts:
        if regex.search(address):
            found.append(Finding(where, kind, url))
    for _keyword, regex in patterns().keywords:
        if regex.search(address.translate(_LEET)):
            found.append(Finding(where, "keyword", url))
    return found


class _Reader(HTMLParser):
    """The text, links, image sources and hidden parts of a piece of HTML."""

    VOID = {"br", "hr", "img", "source", "col", "wbr", "input", "meta", "link"}

    def __init__(self, styles):
        super().__init__(convert_charrefs=True)
        self.styles = styles
        self.text, self.urls, self.empty_links, self.hidden = [], [], [], []
        self.stack = []  # (tag, why hidden or None)
        self.link = None  # [href, visible text, has a visible image]

    def hidden_by(self, tag, attrs):
        if "hidden" in attrs:
            return "hidden"
        style = re.sub(r"\s+", "", (attrs.get("style") or "").lower())
        for name, regex in self.styles:
            if regex.search(style):
                return name
        if tag == "font" and _norm(attrs.get("color") or "") in {
            "white",
            "#fff",
            "#ffffff",
        }:
            return "font color=white"
        return None

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        for name in ("href", "src"):
            if attrs.get(name):
                self.urls.append(attrs[name])
        self.urls += [
            p.split()[0] for p in attrs.get("srcset", "").split(",") if p.strip()
        ]
        self.text += [attrs.get("title", ""), attrs.get("alt", "")]
        if tag == "img" and self.link is not None:
            tiny = any(
                attrs.get(d, "").strip() in {"0", "1"} for d in ("width", "height")
            )
            if attrs.get("alt", "").strip() and not tiny:
                self.link[2] = True
        if tag == "a":
            self.link = [attrs.get("href", ""), "", False]
        if tag not in self.VOID:
            self.stack.append((tag, self.hidden_by(tag, attrs)))

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            href, text, image = self.link
            if href and not text.translate(_ZERO_WIDTH).strip() and not image:
                self.empty_links.append(href)
            self.link = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.text.append(data)
        if self.link is not None:
            self.link[1] += data
        why = next((why for _tag, why in reversed(self.stack) if why), None)
        if why and data.strip():
            self.hidden.append((why, data.strip()))


def _read(html):
    reader = _Reader(patterns().hidden_styles)
    reader.feed(html or "")
    reader.close()
    return reader


def html_findings(html, where):
    """Keywords in the text, suspicious links and images, and empty links."""
    reader = _read(html)
    found = text_findings(" ".join(reader.text), where)
    for url in reader.urls:
        found += url_findings(url, where)
    found += [Finding(where, "empty_link", href) for href in reader.empty_links]
    return found


def raw_html_findings(html, where):
    """Text hidden from readers in HTML as it was typed (before sanitizing)."""
    return [
        Finding(where, "hidden", f"{why}: {text[:80]}")
        for why, text in _read(html).hidden
    ]


def article_findings(article, raw_body=None):
    """Everything suspicious in ``article`` as stored, and in ``raw_body``
    (the body as typed) when given. Photos are read from the database."""
    found = [
        *text_findings(article.title, _("judul")),
        *text_findings(article.summary, _("ringkasan")),
        *html_findings(article.body, _("isi berita")),
    ]
    if raw_body:
        found += raw_html_findings(raw_body, _("isi berita"))
    rows = ArticlePhoto.objects.filter(article_id=article.pk).select_related("photo")
    for row in rows.order_by("order", "pk"):
        number = {"id": row.photo_id}
        found += text_findings(
            row.effective_caption, _("keterangan foto #%(id)s") % number
        )
        found += text_findings(
            row.photo.alt_text, _("teks alternatif foto #%(id)s") % number
        )
    return _unique(found)


def _unique(findings):
    return list(dict.fromkeys(findings))


def token(findings):
    """A short fingerprint of a list of findings, carried by the confirm box."""
    keys = sorted(f"{f.where}\0{f.kind}\0{f.match}" for f in findings)
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]


# --- the story's record -----------------------------------------------------


def _stored(check):
    return [Finding(**item) for item in (check.findings if check else [])]


def article_check(*, article, by, raw_body=None):
    """Check ``article`` as saved by ``by`` and record the findings when they
    differ from the last check's. Returns the findings.

    Without ``raw_body`` (a photo of the story changed, not its body) the
    hidden text found in the body as it was last typed still stands.
    """
    latest = article.link_checks.first()
    found = article_findings(article, raw_body)
    if raw_body is None:
        found = _unique(found + [f for f in _stored(latest) if f.kind == "hidden"])
    if (latest is None and found) or (latest and set(_stored(latest)) != set(found)):
        LinkGuardCheck.objects.create(
            article=article, checked_by=by, findings=[asdict(f) for f in found]
        )
    return found


def _current(article):
    """The findings in ``article`` as stored, plus those of its last check
    (hidden text found before sanitizing is only there)."""
    return _unique(article_findings(article) + _stored(article.link_checks.first()))


def confirmed(article):
    """The findings in ``article`` an editor has confirmed, ever."""
    found = set()
    for check in article.link_checks.filter(confirmed_at__isnull=False):
        found.update(_stored(check))
    return found


def unconfirmed(article):
    """Findings in ``article`` that no editor has confirmed yet."""
    done = confirmed(article)
    return [f for f in _current(article) if f not in done]


@transaction.atomic
def article_confirm(*, article, by, shown):
    """Record that editor ``by`` checked the findings shown to them (their
    ``token``) and lets the story be published with them."""
    if not rights.is_editor(by):
        raise WorkflowError(_("Hanya redaktur yang bisa mengonfirmasi tautan."))
    article = Article.objects.select_for_update().get(pk=article.pk)
    pending = unconfirmed(article)
    if not pending:
        return None
    if token(pending) != shown:
        raise WorkflowError(
            _(
                "Temuan penjaga tautan berubah sejak halaman ini dibuka. "
                "Periksa daftar terbaru, lalu konfirmasi lagi."
            )
        )
    return LinkGuardCheck.objects.create(
        article=article,
        checked_by=by,
        findings=[asdict(f) for f in _current(article)],
        confirmed_by=by,
        confirmed_at=timezone.now(),
    )


def publish_check(article):
    """Refuse to publish while the link guard has unconfirmed findings."""
    pending = unconfirmed(article)
    if pending:
        raise WorkflowError(
            _(
                "Berita belum bisa diterbitkan: penjaga tautan menemukan "
                "%(found)s. Redaktur perlu memeriksa dan mengonfirmasinya dulu."
            )
            % {"found": "; ".join(str(f) for f in pending)}
        )


def _photo_saved(sender, instance, **kwargs):
    for row in ArticlePhoto.objects.filter(photo=instance).select_related("article"):
        article_check(article=row.article, by=None)


def signals_connect():
    """Check the stories that show a library photo when its caption or alt
    text is changed in the library (from ``ArticlesConfig.ready``)."""
    post_save.connect(_photo_saved, sender=Photo, dispatch_uid="warta-linkguard-photo")
