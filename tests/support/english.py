"""Stock English strings of Django's admin (and of the packages in it), and the
text a person sees on a page, for the test that no admin page shows them."""

import re
from html.parser import HTMLParser

# Django admin's own words and those of the packages the admin shows (taggit,
# django-otp, axes, CKEditor), as they read untranslated. Matched as whole
# words, case-sensitively, in the text a user sees.
STOCK_ENGLISH = [
    "Save and continue editing",
    "Save and add another",
    "Save and view",
    "Save as new",
    "Add another",
    "Add",
    "Save",
    "Delete",
    "Change",
    "History",
    "Filter",
    "Search",
    "None",
    "Upload",
    "Alt text",
    "Yes",
    "No",
    "True",
    "False",
    "Date/time",
    "Action",
    "Actions",
    "Go",
    "select all",
    "Select all",
    "Clear selection",
    "Show all",
    "Hide",
    "Show",
    "View site",
    "View on site",
    "Log out",
    "Log in",
    "Change password",
    "Password",
    "Username",
    "Documentation",
    "Home",
    "Close",
    "Unknown",
    "Today",
    "Now",
    "Yesterday",
    "Choose",
    "Clear",
    "Currently",
    "Remove",
    "Any date",
    "Past 7 days",
    "This month",
    "This year",
    "Recent actions",
    "My actions",
    "None available",
    "Welcome",
    "Toggle theme",
    "Toggle navigation",
    "Skip to main content",
    "Start typing to filter",
    "results",
    "total",
    "Run the selected action",
    "Are you sure",
    "take me back",
    "Object",
    "User",
    "Users",
    "Groups",
    "Permissions",
    "Caption",
    "Credit",
    "Title",
    "Role",
    "Order",
    "Name",
    "Tags",
    "Merge",
    "tagged with",
    "Date",
    "Time",
    "Created",
    "Updated",
    "Edit",
    "View",
    "Preview",
    "Submit",
    "Cancel",
    "Back",
    "Next",
    "Previous",
    "Page",
    "of",
    "the",
    "and",
    "by",
    "is",
    "to",
    "for",
    "with",
    "this",
    "Please",
    "Enter",
    "This field is required",
]

_PATTERNS = [
    (word, re.compile(rf"(?<![\w/]){re.escape(word)}(?![\w/])"))
    for word in STOCK_ENGLISH
]
# Text no person reads on the page.
_SKIPPED_ELEMENTS = {"script", "style", "template", "noscript", "svg", "head"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_VISIBLE_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._stack = []

    def _skipping(self):
        return any(skip for _tag, skip in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = tag in _SKIPPED_ELEMENTS or "hidden" in attrs
        if not skip and not self._skipping():
            for name in _VISIBLE_ATTRIBUTES:
                if attrs.get(name):
                    self.parts.append(attrs[name])
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
                self.parts.append(attrs.get("value") or "")
        if tag not in _VOID:
            self._stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self._stack:
            self._stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                return

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.parts.append(data)


def visible_text(html):
    """The words a person sees or hears on ``html``: text outside scripts,
    styles and hidden elements, plus button values, placeholders, titles,
    ARIA labels and alt text."""
    parser = _TextParser()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_in(text):
    """The stock English strings found in ``text``, each with its context."""
    found = []
    for word, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 40), match.end() + 40
            found.append(f"{word!r} in …{text[start:end]}…")
    return found
