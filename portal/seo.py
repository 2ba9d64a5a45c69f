"""What the public site tells machines: absolute addresses, JSON-LD, Open
Graph images, share links and text fit for XML.

Everything here returns plain data; templates escape it (``jsonld`` in the
``portal`` template tags turns structured data into a safe script element).
"""

import json
import re
from urllib.parse import quote, urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

OG_IMAGE_WIDTH = 1200
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# As django.utils.html.json_script: no "</script>", "<!--" or "&...;" can
# appear in the output, whatever the strings inside contain.
_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


def absolute(path_or_url):
    """An absolute URL on the public site (``WARTA_SITE_URL``)."""
    return urljoin(settings.WARTA_SITE_URL + "/", path_or_url)


def xml_text(value):
    """``value`` without the characters XML 1.0 cannot contain.

    Django's feed writer refuses them, and a sitemap carrying one is invalid.
    """
    return _NOT_XML.sub("", str(value or ""))


def json_for_script(data):
    """``data`` as JSON that is safe inside a ``<script>`` element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )


def og_image(featured):
    """Open Graph image of a story's featured photo (a 1200 px JPEG), or None."""
    if featured is None:
        return None
    rendition = featured.photo.rendition(OG_IMAGE_WIDTH, "jpeg")
    if not rendition:
        return None
    return {
        "url": absolute(rendition.file.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def breadcrumbs(article, canonical_url):
    """[(name, absolute url)] from the home page to the story."""
    crumbs = [(_("Beranda"), absolute("/"))]
    if article.category:
        crumbs.append(
            (article.category.name, absolute(article.category.get_absolute_url()))
        )
    crumbs.append((article.title, canonical_url))
    return crumbs


def share_links(title, url):
    """Share addresses for WhatsApp, Facebook, X and Telegram: plain links, no
    third-party script is loaded."""
    text, link = quote(title), quote(url, safe="")
    return [
        ("whatsapp", "WhatsApp", f"https://wa.me/?text={text}%20{link}"),
        (
            "facebook",
            "Facebook",
            f"https://www.facebook.com/sharer/sharer.php?u={link}",
        ),
        ("x", "X", f"https://x.com/intent/post?text={text}&url={link}"),
        ("telegram", "Telegram", f"https://t.me/share/url?url={link}&text={text}"),
    ]


def _organization(agency):
    data = {
        "@type": "GovernmentOrganization",
        "name": agency.name,
        "alternateName": agency.short_name,
        "url": absolute(agency.get_absolute_url()),
    }
    if agency.website:
        data["sameAs"] = agency.website
    return data


def article_structured_data(
    article,
    canonical_url,
    og_image,
    breadcrumbs,
    *,
    agencies=(),
    officials=(),
    corrections=(),
):
    """JSON-LD ``NewsArticle`` and ``BreadcrumbList`` for a story (plain data);
    ``corrections`` are ``portal.corrections.entry`` dicts."""
    publisher = {
        "@type": "Organization",
        "name": settings.WARTA_SITE_NAME,
        "url": absolute("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute(settings.STATIC_URL + "img/logo.png"),
        },
    }
    author = (
        _organization(article.contributing_agency)
        if article.contributing_agency
        else publisher
    )
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.summary,
        "mainEntityOfPage": canonical_url,
        "url": canonical_url,
        "datePublished": article.published_at,
        "dateModified": article.updated_at,
        "author": [author],
        "publisher": publisher,
        "inLanguage": "id",
    }
    if og_image:
        news["image"] = [og_image["url"]]
    if article.category:
        news["articleSection"] = article.category.name
    if agencies:
        news["about"] = [_organization(agency) for agency in agencies]
    if officials:
        news["mentions"] = [
            {
                "@type": "Person",
                "name": official.display_name,
                "url": absolute(official.get_absolute_url()),
                **(
                    {
                        "jobTitle": position.title,
                        "worksFor": _organization(position.agency),
                    }
                    if position
                    else {}
                ),
            }
            for official, position in officials
        ]
    if corrections:
        news["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": f"{item['label']}: {item['text']}",
                "datePublished": item["date"],
            }
            for item in corrections
        ]
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(breadcrumbs, start=1)
        ],
    }
    return [news, crumbs]
