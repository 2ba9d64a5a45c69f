"""The rich-text editor's toolbar, headings and image styles, in the words
CKEditor 5 uses; read by the settings only (no Django imports)."""

# The toolbar and image toolbar as words ("|" separates groups).
_CK_TOOLBAR = (
    "heading | bold italic link | bulletedList numberedList blockQuote | "
    "insertImage insertTable | undo redo"
)
_CK_IMAGE_TOOLBAR = (
    "imageTextAlternative toggleImageCaption | "
    "imageStyle:alignLeft imageStyle:alignCenter imageStyle:alignRight"
)
_CK_HEADINGS = [  # model, HTML element, title in the menu
    ("paragraph", None, "Paragraf"),
    ("heading2", "h2", "Subjudul"),
    ("heading3", "h3", "Subjudul kecil"),
]


def editor_config():
    """CKEditor 5's configuration (``CKEDITOR_5_CONFIGS["default"]``)."""
    return {
        "language": "id",
        "toolbar": {"items": _CK_TOOLBAR.split(), "shouldNotGroupWhenFull": True},
        "heading": {
            "options": [
                {"model": model, "title": title, "class": f"ck-heading_{model}"}
                | ({"view": view} if view else {})
                for model, view, title in _CK_HEADINGS
            ]
        },
        "image": {
            "toolbar": _CK_IMAGE_TOOLBAR.split(),
            "styles": ["alignLeft", "alignCenter", "alignRight"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    }
