"""Generated stories, inserted in batches with every relation they carry.

``bulk_create`` skips ``Article.save``, so what ``save`` derives is derived
here the same way (a unique slug from the title, the body through
``sanitize_html``, a stripped summary); the search index (``search_vector``,
built in Python by ``articles.search_index``) is derived afterwards by the
``generate_newsroom`` command, with ``search_index.reindex``.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from ..models import (
    Article,
    ArticleDailyReads,
    ArticleEvent,
    ArticlePhoto,
    ArticleTakedown,
    TaggedArticle,
)
from ..richtext import sanitize_html
from .text import (
    DISTRICTS,
    TOPICS,
    TOWN,
    VENUES,
    VILLAGES,
    Cast,
    story_body,
    story_summary,
    story_title,
)

S = Article.Status
# (status, share of stories): the rest are published.
STATUS_SHARES = [
    (S.DRAFT, 0.02),
    (S.IN_REVIEW, 0.008),
    (S.CHANGES_REQUESTED, 0.006),
    (S.UNPUBLISHED, 0.004),
    ("scheduled", 0.003),
]
TOPIC_BY_CATEGORY = {t.category: t for t in TOPICS}


@dataclass
class Progress:
    """What was inserted, for the command's report."""

    stories: int = 0
    rows: dict = field(default_factory=dict)

    def add(self, name, count):
        self.rows[name] = self.rows.get(name, 0) + count


def _moments(rng, count, *, since, until):
    """``count`` publication times between ``since`` and ``until`` (local
    office hours), oldest first."""
    span = (until - since).total_seconds()
    times = []
    for _ in range(count):
        moment = since + datetime.timedelta(seconds=rng.random() * span)
        local = timezone.localtime(moment)
        hour = 7 + int(local.hour * 14 / 24)
        times.append(min(local.replace(hour=hour), until))
    times.sort()
    return times


def _status(rng):
    roll = rng.random()
    for status, share in STATUS_SHARES:
        if roll < share:
            return status
        roll -= share
    return S.PUBLISHED


class StoryMaker:
    """Makes stories one by one and inserts them a batch at a time."""

    def __init__(self, rng, world, photos, *, until):
        self.rng = rng
        self.world = world
        self.photos = photos
        self.until = until
        self.slugs = {}
        self.recent = {slug: [] for slug in world.categories}  # for "Baca Juga"
        weights = [1 / (rank + 1) ** 1.07 for rank in range(len(world.tags))]
        self.tag_weights = list(itertools.accumulate(weights))
        pemkab = world.agencies[0]
        self.regency_offices = world.offices[pemkab.pk][:3]  # bupati, wakil, sekda
        self.by_short = {a.short_name: a for a in world.agencies}

    def slug(self, title):
        base = slugify(title)[:214].strip("-") or "berita"
        n = self.slugs.get(base, 0) + 1
        self.slugs[base] = n
        return base if n == 1 else f"{base}-{n}"

    def cast(self, agency, day):
        rng, offices = self.rng, self.world.offices
        if rng.random() < 0.35:
            office = rng.choice(self.regency_offices)
        else:
            office = rng.choice(offices[agency.pk])
        speaker, label = office.held_on(day)
        others = []
        for short in rng.sample(["Polres Kobar", "Kodim 1014/Pbun", "DPRD Kobar",
                                 "Kejari Kobar"], 2):  # fmt: skip
            official, other_label = offices[self.by_short[short].pk][0].held_on(day)
            others.append((official, f"{other_label} {official.display_name}"))
        short_name = speaker.name.split(",")[0]
        if speaker.rank:
            short_name = f"{speaker.rank} {short_name}"
        cast = Cast(
            speaker=f"{label} {speaker.display_name}",
            speaker_short=short_name,
            role=label,
            agency=agency.name,
            others=[text for _official, text in others],
        )
        return cast, [speaker] + [o for o, _text in others[: rng.randint(0, 2)]]

    def story(self, moment, status):
        """One Article (unsaved) and the rows that hang on it, as a dict."""
        rng, world = self.rng, self.world
        category_slug = rng.choice(list(world.categories))
        topic = TOPIC_BY_CATEGORY[category_slug]
        agencies = world.topic_agencies[category_slug]
        agency = (
            rng.choice(agencies)
            if agencies and rng.random() < 0.75
            else rng.choice(world.agencies)
        )
        day = timezone.localdate(moment)
        cast, officials = self.cast(agency, day)
        village = rng.choice(VILLAGES)
        place = rng.choice(
            [f"Desa {village}", f"Kecamatan {rng.choice(DISTRICTS)}", TOWN]
        )
        title, event = story_title(rng, topic, cast, place)
        words = rng.randint(300, 800)
        published_at = None
        if status == "scheduled":
            published_at = self.until + datetime.timedelta(hours=rng.randint(2, 240))
            status = S.PUBLISHED
        elif status in (S.PUBLISHED, S.UNPUBLISHED):
            published_at = moment
        article = Article(
            title=title[:200],
            slug=self.slug(title),
            dateline="MMC Kobar",
            summary=story_summary(rng, topic, cast, event, place)[:300].strip(),
            body=sanitize_html(story_body(rng, topic, cast, event, place, day, words)),
            category=world.categories[category_slug],
            contributing_agency=agency,
            credit_line=f"humas {agency.short_name.lower()}"[:100],
            author=world.humas[agency.pk],
            event_date=day,
            event_place=rng.choice(VENUES),
            is_headline=rng.random() < 0.02,
            status=status,
            published_at=published_at,
            view_count=int(rng.paretovariate(1.2) * 40),
        )
        tags = set(rng.sample(world.topic_tags[category_slug], rng.randint(1, 2)))
        if rng.random() < 0.5:
            tags.add(world.place_tags[village if place.startswith("Desa") else
                                      rng.choice(DISTRICTS)])  # fmt: skip
        tags.update(
            rng.choices(world.tags, cum_weights=self.tag_weights, k=rng.randint(0, 3))
        )
        extra = rng.choice(world.agencies)
        photos = rng.sample(self.photos, rng.choice([1, 1, 2, 2, 3, 4]))
        return {
            "article": article,
            "category": category_slug,
            "tags": tags,
            "agencies": {agency.pk, extra.pk} if rng.random() < 0.4 else {agency.pk},
            "officials": {o.pk for o in officials},
            "photos": photos,
            "caption": f"{cast.speaker} saat {event}." if rng.random() < 0.2 else "",
        }

    def insert(self, items, progress):
        """Insert one batch of stories and everything attached to them."""
        rng, editor = self.rng, self.world.editor
        articles = Article.objects.bulk_create([i["article"] for i in items])
        rows = {name: [] for name in ("tags", "agencies", "officials", "related",
                                      "photos", "events", "takedowns")}  # fmt: skip
        through = Article.agencies.through, Article.officials.through
        for item, article in zip(items, articles, strict=True):
            pk = article.pk
            rows["tags"] += [
                TaggedArticle(content_object_id=pk, tag=t) for t in item["tags"]
            ]
            rows["agencies"] += [
                through[0](article_id=pk, agency_id=a) for a in item["agencies"]
            ]
            rows["officials"] += [
                through[1](article_id=pk, official_id=o) for o in item["officials"]
            ]
            # "Baca Juga": earlier stories of the rubric, this batch's included.
            recent = self.recent[item["category"]]
            if recent and rng.random() < 0.6:
                rows["related"] += [
                    Article.related.through(from_article_id=pk, to_article_id=r)
                    for r in rng.sample(recent, min(len(recent), rng.randint(1, 3)))
                ]
            for n, photo in enumerate(item["photos"]):
                rows["photos"].append(
                    ArticlePhoto(
                        article_id=pk,
                        photo=photo,
                        role=ArticlePhoto.Role.FEATURED
                        if n == 0
                        else ArticlePhoto.Role.GALLERY,  # fmt: skip
                        order=n,
                        caption=item["caption"] if n == 0 else "",
                    )
                )
            if article.published_at:
                rows["events"].append(
                    ArticleEvent(
                        article_id=pk,
                        action=ArticleEvent.Action.PUBLISH,
                        actor=editor,
                        from_status=S.IN_REVIEW,
                        to_status=S.PUBLISHED,
                        published_at=article.published_at,
                    )
                )
                recent = self.recent[item["category"]]
                recent.append(pk)
                del recent[:-300]
            if article.status == S.UNPUBLISHED:
                rows["takedowns"].append(
                    ArticleTakedown(
                        article_id=pk,
                        reason=rng.choice(ArticleTakedown.Reason.values),
                        reason_text="Diturunkan atas permintaan narasumber setelah "
                        "klarifikasi redaksi.",
                        public_notice=rng.random() < 0.8,
                        created_by=editor,
                        created_at=article.published_at + datetime.timedelta(days=2),
                    )
                )
        models = {
            "tags": TaggedArticle,
            "agencies": through[0],
            "officials": through[1],
            "related": Article.related.through,
            "photos": ArticlePhoto,
            "events": ArticleEvent,
            "takedowns": ArticleTakedown,
        }
        for name, model in models.items():
            model.objects.bulk_create(rows[name], batch_size=2000)
            progress.add(name, len(rows[name]))
        progress.stories += len(articles)
        return articles


def stories_create(rng, world, photos, *, count, since, until, batch=1000, report=None):
    """Make ``count`` stories published between ``since`` and ``until``."""
    maker = StoryMaker(rng, world, photos, until=until)
    progress = Progress()
    moments = _moments(rng, count, since=since, until=until)
    for start in range(0, count, batch):
        items = [maker.story(m, _status(rng)) for m in moments[start : start + batch]]
        maker.insert(items, progress)
        if report:
            report(progress)
    _dates_fix(moments)
    reads_create(rng, until=until, progress=progress)
    return progress


def _dates_fix(moments):
    """Created and changed times as the stories' own (bulk inserts stamp
    "now"); unpublished drafts keep a time of their slot in the archive."""
    stories = Article.objects.filter(published_at__isnull=False)
    stories.update(
        created_at=F("published_at") - datetime.timedelta(hours=3),
        updated_at=F("published_at"),
    )
    ArticleEvent.objects.filter(published_at__isnull=False).update(
        created_at=F("published_at")
    )
    drafts = list(Article.objects.filter(published_at__isnull=True).only("pk"))
    if drafts and moments:
        step = max(1, len(moments) // len(drafts))
        for n, draft in enumerate(drafts):
            draft.created_at = draft.updated_at = moments[
                min(n * step, len(moments) - 1)
            ]
        Article.objects.bulk_update(
            drafts, ["created_at", "updated_at"], batch_size=1000
        )


def reads_create(rng, *, until, progress):
    """Daily reads for the last week's stories, so "Terpopuler" has a list."""
    week = until - datetime.timedelta(days=7)
    recent = Article.objects.visible().filter(published_at__gte=week)
    rows = []
    for pk, published_at in recent.values_list("pk", "published_at"):
        first = timezone.localdate(published_at)
        for offset in range((timezone.localdate(until) - first).days + 1):
            rows.append(
                ArticleDailyReads(
                    article_id=pk,
                    day=first + datetime.timedelta(days=offset),
                    count=int(rng.paretovariate(1.1) * 20),
                )
            )
    ArticleDailyReads.objects.bulk_create(rows, batch_size=2000)
    progress.add("reads", len(rows))
