import pytest

from articles.richtext import sanitize_html
from tests.support.factories import ArticleFactory

CKEDITOR_OUTPUT = (
    "<h2>Subjudul</h2><h3>Subjudul kecil</h3>"
    "<p>Teks <strong>tebal</strong>, <i>miring</i> dan "
    '<a href="https://kotawaringinbaratkab.go.id/">tautan</a> serta '
    '<a href="mailto:mmc@kobarkab.go.id">surel</a>.</p>'
    "<ul><li>satu</li></ul><ol><li>dua</li></ol>"
    "<blockquote><p>kutipan</p></blockquote>"
    '<figure class="image image-style-align-left"><img src="/media/a.jpg" '
    'alt="Peserta rakor"><figcaption>Para peserta rakor</figcaption></figure>'
    '<figure class="table"><table><thead><tr><th>Tahun</th></tr></thead>'
    "<tbody><tr><td>2024</td></tr></tbody></table></figure>"
)


def test_keeps_what_ckeditor_produces():
    clean = sanitize_html(CKEDITOR_OUTPUT)
    for kept in [
        "<h2>Subjudul</h2>",
        "<h3>Subjudul kecil</h3>",
        "<strong>tebal</strong>",
        'href="https://kotawaringinbaratkab.go.id/"',
        'href="mailto:mmc@kobarkab.go.id"',
        "<ul><li>satu</li></ul>",
        "<ol><li>dua</li></ol>",
        "<blockquote>",
        '<figure class="image image-style-align-left">',
        '<img src="/media/a.jpg" alt="Peserta rakor">',
        "<figcaption>Para peserta rakor</figcaption>",
        "<th>Tahun</th>",
        "<td>2024</td>",
    ]:
        assert kept in clean


@pytest.mark.parametrize(
    ("hostile", "gone"),
    [
        ("<p>a<script>alert(1)</script></p>", "alert"),
        ('<p onclick="steal()">a</p>', "onclick"),
        ('<img src="/x.jpg" onerror="steal()">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
        ('<p style="position:fixed;top:0">a</p>', "style"),
        ("<style>body{display:none}</style><p>a</p>", "display"),
        ('<iframe src="https://evil.example/"></iframe>', "iframe"),
        ("<svg><script>alert(1)</script></svg>", "alert"),
        ('<form action="https://evil.example"><input name="p"></form>', "form"),
        ('<p class="evil">a</p>', "evil"),
    ],
)
def test_removes_hostile_markup(hostile, gone):
    assert gone not in sanitize_html(hostile).lower()


def test_links_get_noopener():
    assert 'rel="noopener noreferrer"' in sanitize_html('<a href="https://a.id">a</a>')


@pytest.mark.django_db
def test_body_is_sanitized_when_a_story_is_saved():
    article = ArticleFactory(body='<p onclick="x()">Isi<script>alert(1)</script></p>')
    article.refresh_from_db()
    assert article.body == "<p>Isi</p>"
