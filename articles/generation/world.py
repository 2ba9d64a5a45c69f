"""The world generated stories happen in: rubrics, about sixty agencies, about
three hundred officials with dated positions and handovers, the newsroom's
users, and a few thousand tags with a long tail. All inserted in bulk."""

import bisect
import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from taggit.models import Tag

from ..models import Agency, AgencyMembership, Category, Official, Position
from .text import DISTRICTS, TOPICS, VILLAGES

USER_PREFIX = "gen."
CATEGORIES = [
    ("Pemerintahan", "pemerintahan"),
    ("Keamanan dan Ketertiban", "keamanan"),
    ("Politik dan Pemilu", "politik-pemilu"),
    ("Kesehatan", "kesehatan"),
    ("Pendidikan", "pendidikan"),
    ("Ekonomi", "ekonomi"),
    ("Pembangunan", "pembangunan"),
    ("Sosial dan Budaya", "sosial-budaya"),
    ("Pertanian dan Perikanan", "pertanian"),
    ("Olahraga", "olahraga"),
]
K = Agency.Kind
DINAS = [
    ("Disdik", "Dinas Pendidikan", "pendidikan"),
    ("Dinkes", "Dinas Kesehatan", "kesehatan"),
    ("Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "pembangunan"),
    ("Dinsos", "Dinas Sosial", "sosial-budaya"),
    ("Distan", "Dinas Pertanian", "pertanian"),
    ("Diskan", "Dinas Perikanan", "pertanian"),
    ("Dishub", "Dinas Perhubungan", "pembangunan"),
    ("Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "pemerintahan"),
    ("Disbudpar", "Dinas Kebudayaan dan Pariwisata", "sosial-budaya"),
    ("Dispora", "Dinas Pemuda dan Olahraga", "olahraga"),
    ("Diskop UKM", "Dinas Koperasi dan Usaha Kecil Menengah", "ekonomi"),
    ("Disdagperin", "Dinas Perdagangan dan Perindustrian", "ekonomi"),
    ("DLH", "Dinas Lingkungan Hidup", "pembangunan"),
    ("Diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", None),
    ("DKP", "Dinas Ketahanan Pangan", "pertanian"),
    ("Disperkim", "Dinas Perumahan dan Kawasan Permukiman", "pembangunan"),
    ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "pemerintahan"),
    ("Disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi", "ekonomi"),
    ("Dispursip", "Dinas Perpustakaan dan Kearsipan", "pendidikan"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "ekonomi"),
    ("DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", "kesehatan"),
    ("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "sosial-budaya"),
    ("Satpol PP", "Satuan Polisi Pamong Praja", "keamanan"),
    ("Damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "keamanan"),
    ("Bappedalitbang", "Badan Perencanaan Pembangunan Daerah", "pemerintahan"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "pemerintahan"),
    ("Bapenda", "Badan Pendapatan Daerah", "ekonomi"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", "pemerintahan"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "keamanan"),
    ("Kesbangpol", "Badan Kesatuan Bangsa dan Politik", "politik-pemilu"),
    ("Inspektorat", "Inspektorat Daerah", "pemerintahan"),
    ("RSUD Sultan Imanuddin", "Rumah Sakit Umum Daerah Sultan Imanuddin", "kesehatan"),
]
# (short, full name, kind, head title, head short title, rank pool, term years)
OTHERS = [
    ("DPRD Kobar", "Dewan Perwakilan Rakyat Daerah", K.OTHER, "Ketua DPRD", None, 5),
    ("Polres Kobar", "Kepolisian Resor", K.POLICE, "Kapolres", "police", 2),
    ("Kodim 1014/Pbun", "Komando Distrik Militer 1014/Pangkalan Bun", K.MILITARY,
     "Dandim 1014/Pbun", "army", 2),
    ("Lanud Iskandar", "Pangkalan TNI AU Iskandar", K.MILITARY, "Danlanud", "air", 2),
    ("KPU Kobar", "Komisi Pemilihan Umum", K.ELECTION, "Ketua KPU", None, 5),
    ("Bawaslu Kobar", "Badan Pengawas Pemilihan Umum", K.ELECTION, "Ketua Bawaslu",
     None, 5),
    ("PN Pangkalan Bun",
    "Pengadilan Negeri Pangkalan Bun", K.COURT, "Ketua PN", None, 3),
    ("PA Pangkalan Bun",
    "Pengadilan Agama Pangkalan Bun", K.COURT, "Ketua PA", None, 3),
    ("Kejari Kobar", "Kejaksaan Negeri", K.PROSECUTOR, "Kajari", None, 2),
    ("Kemenag Kobar",
    "Kantor Kementerian Agama", K.VERTICAL, "Kepala Kemenag", None, 4),
    ("BPS Kobar", "Badan Pusat Statistik", K.VERTICAL, "Kepala BPS", None, 4),
]  # fmt: skip
RANKS = {
    "police": ["AKBP", "AKP", "Iptu"],
    "army": ["Letkol Inf", "Letkol Arm", "Letkol Kav"],
    "air": ["Letkol Pnb", "Kolonel Pnb"],
}
FIRST = [
    "Ahmad", "Budi", "Cahya", "Dedi", "Eko", "Fajar", "Gusti", "Hadi", "Irwan", "Joko",
    "Kurniawan", "Lukman", "Muhammad", "Nanang", "Oktavianus", "Putu", "Rahmat",
    "Sugeng",
    "Taufik", "Usman", "Wahyu", "Yusuf", "Zainal", "Agus", "Bambang", "Dwi", "Heri",
    "Rina", "Siti", "Nurhidayah", "Dewi", "Ratna", "Yuliana", "Fitri", "Herlina",
    "Maya",
    "Sri", "Endang", "Lestari", "Wiwik", "Anita", "Nurul", "Kartini", "Suriansyah",
    "Syahrudin", "Ruslan", "Marjuki", "Abdul", "Hendra", "Rusdi",
]  # fmt: skip
LAST = [
    "Santoso", "Wijaya", "Hidayat", "Saputra", "Pratama", "Nugroho", "Siregar",
    "Rahman", "Kusuma", "Setiawan", "Hakim", "Purnomo", "Haryanto", "Syahputra",
    "Gunawan", "Firmansyah", "Ramadhan", "Sulistyo", "Mahendra", "Anwar", "Halim",
    "Usop", "Ilham", "Nasution", "Lubis", "Tambunan", "Utomo", "Wibowo", "Suryadi",
    "Rizal", "Fauzi", "Iskandar", "Darmawan", "Kurnia", "Permana", "Akbar",
]  # fmt: skip
DEGREES = [
    "",
    "",
    "S.Sos.",
    "S.H.",
    "S.E., M.M.",
    "S.T., M.T.",
    "S.Pd., M.Pd.",
    "M.Si.",
]


@dataclass
class Office:
    """One line of heads of an agency and who held it when (sorted by start)."""

    agency: Agency
    title: str
    short_title: str
    starts: list = field(default_factory=list)
    holders: list = field(default_factory=list)  # (Official, label)

    def held_on(self, day):
        i = bisect.bisect_right(self.starts, day) - 1
        return self.holders[max(i, 0)]


@dataclass
class World:
    categories: dict
    agencies: list
    offices: dict  # agency pk -> [Office]; the regency's in "regency"
    topic_agencies: dict  # category slug -> [Agency]
    tags: list  # Tag, head of the long tail first
    topic_tags: dict  # category slug -> [Tag]
    place_tags: dict  # village or district name -> Tag
    editor: object
    humas: dict  # agency pk -> User


def categories_create():
    rows = [
        Category(name=name, slug=slug, display_order=i)
        for i, (name, slug) in enumerate(CATEGORIES)
    ]
    return {c.slug: c for c in Category.objects.bulk_create(rows)}


def agencies_create():
    """About sixty agencies; returns (agencies, (agency, head title, kind) list)."""
    specs = [
        ("Pemkab Kobar", "Pemerintah Kabupaten Kotawaringin Barat", K.REGIONAL_UNIT)
    ]
    specs += [
        (f"{short} Kobar", f"{full} Kabupaten Kotawaringin Barat", K.REGIONAL_UNIT)
        for short, full, _topic in DINAS
    ]
    specs += [(f"Kecamatan {d}", f"Kecamatan {d}", K.REGIONAL_UNIT) for d in DISTRICTS]
    specs += [
        (short, full if "Pangkalan Bun" in full else f"{full} Kotawaringin Barat", kind)
        for short, full, kind, *_rest in OTHERS
    ]
    agencies = Agency.objects.bulk_create(
        [
            Agency(short_name=short, name=full, kind=kind, slug=slugify(short))
            for short, full, kind in specs
        ]
    )
    polres = next(a for a in agencies if a.short_name == "Polres Kobar")
    polsek = Agency.objects.bulk_create(
        [
            Agency(
                short_name=f"Polsek {d}",
                name=f"Kepolisian Sektor {d}",
                kind=K.POLICE,
                parent=polres,
                slug=slugify(f"Polsek {d}"),
            )
            for d in DISTRICTS
        ]
    )
    return agencies + polsek


def _office_specs(agencies):
    """(agency, title, short title, rank pool, term years) for every head."""
    by_short = {a.short_name: a for a in agencies}
    pemkab = by_short["Pemkab Kobar"]
    specs = [
        (pemkab, "Bupati Kotawaringin Barat", "Bupati Kobar", None, 5),
        (pemkab, "Wakil Bupati Kotawaringin Barat", "Wabup Kobar", None, 5),
        (pemkab, "Sekretaris Daerah", "Sekda Kobar", None, 4),
    ]
    for post in ["Asisten Pemerintahan dan Kesra", "Asisten Perekonomian dan "
                 "Pembangunan", "Kepala Bagian Prokopim",
                 "Kepala Bagian Hukum"]:  # fmt: skip
        specs.append((pemkab, f"{post} Setda Kobar", f"{post} Setda Kobar", None, 3))
    for short, full, _topic in DINAS:
        agency = by_short[f"{short} Kobar"]
        title = "Direktur" if short.startswith("RSUD") else "Kepala"
        specs.append((agency, f"{title} {full}", f"{title} {short} Kobar", None, 3))
        specs.append(
            (agency, f"Sekretaris {full}", f"Sekretaris {short} Kobar", None, 3)
        )
    for d in DISTRICTS:
        specs.append((by_short[f"Kecamatan {d}"], f"Camat {d}", f"Camat {d}", None, 3))
        specs.append((by_short[f"Polsek {d}"], f"Kapolsek {d}", f"Kapolsek {d}",
                      "police", 2))  # fmt: skip
    for short, _full, _kind, head, ranks, years in OTHERS:
        where = short.split(" ", 1)[1]
        label = head if where in head else f"{head} {where}"
        specs.append((by_short[short], label, label, ranks, years))
    polres = by_short["Polres Kobar"]
    for post in ["Wakapolres", "Kasat Reskrim", "Kasat Lantas", "Kasi Humas"]:
        specs.append((polres, f"{post} Kobar", f"{post} Kobar", "police", 2))
    for post in ["Wakil Ketua I DPRD Kobar", "Wakil Ketua II DPRD Kobar"]:
        specs.append((by_short["DPRD Kobar"], post, post, None, 5))
    return specs


def _person(rng, used):
    while True:
        degree = rng.choice(DEGREES)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}" + (
            f", {degree}" if degree else ""
        )
        if name not in used:
            used.add(name)
            return name


HISTORY_YEARS = 6


def officials_create(rng, agencies, since, until):
    """Heads of every agency from ``since`` to ``until``: terms end in a
    handover, sometimes through an acting head (Plt.) for a few months; a
    regional official may move on to head another agency."""
    used, officials, positions, offices = set(), [], [], {}
    pending = []  # (Office, start, end, official index, acting)
    movers = []
    for agency, title, short, ranks, years in _office_specs(agencies):
        office = Office(agency=agency, title=title, short_title=short)
        offices.setdefault(agency.pk, []).append(office)
        first = min(since, until - datetime.timedelta(days=365 * HISTORY_YEARS))
        day = first - datetime.timedelta(days=rng.randint(30, 700))
        while day <= until:
            term = datetime.timedelta(days=int(365 * years * rng.uniform(0.6, 1.1)))
            end = day + term
            if ranks is None and movers and rng.random() < 0.25:
                index = movers.pop(rng.randrange(len(movers)))
            else:
                officials.append(
                    Official(name=_person(rng, used),
                             rank=rng.choice(RANKS[ranks]) if ranks else "")
                )  # fmt: skip
                index = len(officials) - 1
            pending.append((office, day, end if end < until else None, index, False))
            if ranks is None:
                movers.append(index)
            day = end + datetime.timedelta(days=1)
            if rng.random() < 0.3 and day <= until:
                # An acting head until the next one is installed.
                acting_end = day + datetime.timedelta(days=rng.randint(30, 150))
                officials.append(Official(name=_person(rng, used)))
                pending.append((office, day, acting_end, len(officials) - 1, True))
                day = acting_end + datetime.timedelta(days=1)
    for official in officials:
        official.slug = slugify(official.name)
    slugs = {}
    for official in officials:  # two people with one name still get two pages
        n = slugs.get(official.slug, 0) + 1
        slugs[official.slug] = n
        if n > 1:
            official.slug = f"{official.slug}-{n}"
    officials = Official.objects.bulk_create(officials)
    pending.sort(key=lambda row: row[1])
    for office, start, end, index, acting in pending:
        prefix = "Plt. " if acting else ""
        positions.append(
            Position(
                official=officials[index],
                agency=office.agency,
                title=prefix + office.title,
                short_title=prefix + office.short_title,
                start_date=start,
                end_date=end,
            )
        )
        office.starts.append(start)
        office.holders.append((officials[index], prefix + office.short_title))
    Position.objects.bulk_create(positions)
    return officials, offices


def users_create(agencies):
    """An editor and one humas contributor per agency (no usable password)."""
    User = get_user_model()
    editor = User(
        username=f"{USER_PREFIX}redaktur", first_name="Redaktur", is_staff=True
    )
    editor.set_unusable_password()
    humas = []
    for agency in agencies:
        user = User(
            username=f"{USER_PREFIX}humas.{agency.slug}"[:150],
            first_name=f"Humas {agency.short_name}"[:150],
            is_staff=True,
        )
        user.set_unusable_password()
        humas.append(user)
    users = User.objects.bulk_create([editor, *humas])
    editor, humas = users[0], users[1:]
    editor.groups.add(Group.objects.get(name="Redaktur"))
    Group.objects.get(name="Kontributor").user_set.add(*humas)
    AgencyMembership.objects.bulk_create(
        [
            AgencyMembership(user=u, agency=a)
            for u, a in zip(humas, agencies, strict=True)
        ]
    )
    return editor, {a.pk: u for a, u in zip(agencies, humas, strict=True)}


def tags_create(rng, years, agencies):
    """Topic tags first (the head of the long tail), then agencies, places,
    topics by year and district, and rare village topics (the tail)."""
    names = []
    for topic in TOPICS:
        names += topic.tags
    names += [a.short_name.lower() for a in agencies]
    names += [f"desa {v.lower()}" for v in VILLAGES]
    names += [f"kecamatan {d.lower()}" for d in DISTRICTS]
    names += [f"{t} {y}" for t in _all_topic_tags() for y in years]
    names += [f"{t} {d.lower()}" for t in _all_topic_tags() for d in DISTRICTS]
    tail = [f"{t} {v.lower()}" for t in _all_topic_tags() for v in VILLAGES]
    rng.shuffle(tail)
    names += tail[:1500]
    seen, rows = set(), []
    for name in names:
        slug = slugify(name)[:100]
        if name in seen or slug in seen:
            continue
        seen.update((name, slug))
        rows.append(Tag(name=name[:100], slug=slug))
    return Tag.objects.bulk_create(rows)


def _all_topic_tags():
    seen = []
    for topic in TOPICS:
        seen += [t for t in topic.tags if t not in seen]
    return seen


def world_create(rng, *, since, until):
    categories = categories_create()
    agencies = agencies_create()
    _officials, offices = officials_create(rng, agencies, since, until)
    editor, humas = users_create(agencies)
    tags = tags_create(rng, range(since.year, until.year + 1), agencies)
    by_name = {t.name: t for t in tags}
    topic_agencies = {slug: [] for slug in categories}
    by_short = {a.short_name: a for a in agencies}
    for short, _full, topic in DINAS:
        if topic:
            topic_agencies[topic].append(by_short[f"{short} Kobar"])
    for short, slug in [("Polres Kobar", "keamanan"), ("Kodim 1014/Pbun", "keamanan"),
                        ("KPU Kobar", "politik-pemilu"), ("Bawaslu Kobar",
                        "politik-pemilu"),
                        ("Kejari Kobar", "keamanan"), ("Kemenag Kobar",
                        "sosial-budaya")]:  # fmt: skip
        topic_agencies[slug].append(by_short[short])
    return World(
        categories=categories,
        agencies=agencies,
        offices=offices,
        topic_agencies=topic_agencies,
        tags=tags,
        topic_tags={t.category: [by_name[n] for n in t.tags] for t in TOPICS},
        place_tags={
            **{v: by_name[f"desa {v.lower()}"] for v in VILLAGES},
            **{d: by_name[f"kecamatan {d.lower()}"] for d in DISTRICTS},
        },
        editor=editor,
        humas=humas,
    )
