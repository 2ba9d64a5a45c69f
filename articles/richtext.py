"""The story body's HTML allowlist, fitted to what CKEditor 5 produces.

``sanitize_html`` runs when a story is saved (``Article.save``), so the stored
body is always safe; templates render only that stored field.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "mark",
    "span",
    "code",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "colgroup",
    "col",
}

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
    "source": {"srcset", "sizes", "type", "media"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "ol": {"start", "reversed"},
}

# CKEditor marks image alignment and tables with classes; keep only those.
ALLOWED_CLASSES = {
    "figure": {
        "image",
        "table",
        "image-style-align-left",
        "image-style-align-center",
        "image-style-align-right",
        "image-style-side",
        "image_resized",
    },
    "img": {"image_resized"},
}

URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html):
    """Return ``html`` with only the allowlisted tags, attributes and URL schemes.

    Scripts and styles are dropped with their content, event handlers and
    ``style`` attributes are removed, and links other than http(s)/mailto
    (``javascript:``, ``data:``) lose their address. Links get
    ``rel="noopener noreferrer"``.
    """
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "noscript",
            "template",
            "svg",
            "math",
        },
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
