"""The newsroom domain: stories, their taxonomy, the people and agencies in them."""

from .corrections import ArticleCorrection
from .integrity import ArticleFingerprint, ContentVerification, LinkGuardCheck
from .pages import Page
from .people import Agency, Official, Position
from .preview import PreviewLink
from .reads import ArticleDailyReads
from .replies import ReplyRequest
from .story import (
    Article,
    ArticlePhoto,
    ArticleQuerySet,
    ArticleSlugRedirect,
    PhotoSubject,
)
from .takedowns import ArticleTakedown
from .taxonomy import Category, TaggedArticle
from .workflow import (
    AgencyMembership,
    ArticleEditSession,
    ArticleEvent,
    ArticleInReview,
    ArticleRevision,
)

__all__ = [
    "Agency",
    "AgencyMembership",
    "Article",
    "ArticleCorrection",
    "ArticleDailyReads",
    "ArticleEditSession",
    "ArticleEvent",
    "ArticleFingerprint",
    "ArticleInReview",
    "ArticlePhoto",
    "ArticleQuerySet",
    "ArticleRevision",
    "ArticleSlugRedirect",
    "ArticleTakedown",
    "Category",
    "ContentVerification",
    "LinkGuardCheck",
    "Official",
    "Page",
    "PhotoSubject",
    "PreviewLink",
    "ReplyRequest",
    "Position",
    "TaggedArticle",
]
