"""Fill an empty Warta with demo content: the seed story and its world.

Idempotent: every object is looked up by its natural key first, so a second
run changes no counts. Refuses to run with DEBUG off unless ``--force``, so a
production database is not filled with demo stories by accident.

The officials' positions and dates are demo data shaped like the seed story
(``shared/seed-article.txt``), not an authoritative record.
"""

import base64
import datetime
import io
import random
import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image, ImageDraw, ImageFont

from articles import workflow
from articles.models import (
    Agency,
    AgencyMembership,
    Article,
    ArticlePhoto,
    Category,
    Official,
    PhotoSubject,
    Position,
)
from media_library.services import photo_create

WIB = ZoneInfo("Asia/Jakarta")

CATEGORIES = [
    ("Pemerintahan", "pemerintahan"),
    ("Keamanan dan Ketertiban", "keamanan"),
    ("Politik dan Pemilu", "politik-pemilu"),
    ("Kesehatan", "kesehatan"),
    ("Pendidikan", "pendidikan"),
    ("Ekonomi", "ekonomi"),
    ("Pembangunan", "pembangunan"),
    ("Sosial dan Budaya", "sosial-budaya"),
]

# (slug, short name, full name, kind, parent slug)
AGENCIES = [
    (
        "pemkab-kobar",
        "Pemkab Kobar",
        "Pemerintah Kabupaten Kotawaringin Barat",
        Agency.Kind.REGIONAL_UNIT,
        None,
    ),
    (
        "kesbangpol-kobar",
        "Kesbangpol Kobar",
        "Badan Kesatuan Bangsa dan Politik Kabupaten Kotawaringin Barat",
        Agency.Kind.REGIONAL_UNIT,
        "pemkab-kobar",
    ),
    (
        "diskominfo-kobar",
        "Diskominfo Kobar",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten "
        "Kotawaringin Barat",
        Agency.Kind.REGIONAL_UNIT,
        "pemkab-kobar",
    ),
    (
        "dinkes-kobar",
        "Dinkes Kobar",
        "Dinas Kesehatan Kabupaten Kotawaringin Barat",
        Agency.Kind.REGIONAL_UNIT,
        "pemkab-kobar",
    ),
    (
        "puskesmas-semanggang",
        "Puskesmas Semanggang",
        "UPT Puskesmas Semanggang",
        Agency.Kind.REGIONAL_UNIT,
        "dinkes-kobar",
    ),
    (
        "satpol-pp-kobar",
        "Satpol PP Kobar",
        "Satuan Polisi Pamong Praja Kabupaten Kotawaringin Barat",
        Agency.Kind.REGIONAL_UNIT,
        "pemkab-kobar",
    ),
    (
        "polres-kobar",
        "Polres Kobar",
        "Kepolisian Resor Kotawaringin Barat",
        Agency.Kind.POLICE,
        None,
    ),
    (
        "polsek-arut-selatan",
        "Polsek Arut Selatan",
        "Kepolisian Sektor Arut Selatan",
        Agency.Kind.POLICE,
        "polres-kobar",
    ),
    (
        "kodim-1014-pbn",
        "Kodim 1014/Pbn",
        "Komando Distrik Militer 1014/Pangkalan Bun",
        Agency.Kind.MILITARY,
        None,
    ),
    (
        "lanud-iskandar",
        "Lanud Iskandar",
        "Pangkalan TNI AU Iskandar Pangkalan Bun",
        Agency.Kind.MILITARY,
        None,
    ),
    (
        "kpu-kobar",
        "KPU Kab. Kobar",
        "Komisi Pemilihan Umum Kabupaten Kotawaringin Barat",
        Agency.Kind.ELECTION,
        None,
    ),
    (
        "bawaslu-kobar",
        "Bawaslu Kobar",
        "Badan Pengawas Pemilihan Umum Kabupaten Kotawaringin Barat",
        Agency.Kind.ELECTION,
        None,
    ),
    (
        "pn-pangkalan-bun",
        "PN Pangkalan Bun",
        "Pengadilan Negeri Pangkalan Bun",
        Agency.Kind.COURT,
        None,
    ),
    (
        "kejari-kobar",
        "Kejari Kobar",
        "Kejaksaan Negeri Kotawaringin Barat",
        Agency.Kind.PROSECUTOR,
        None,
    ),
    (
        "bmkg-kobar",
        "BMKG Kobar",
        "Stasiun Meteorologi Iskandar Pangkalan Bun (BMKG)",
        Agency.Kind.VERTICAL,
        None,
    ),
    (
        "binda-kobar",
        "Korwil Binda Kobar",
        "Koordinator Wilayah Badan Intelijen Negara Daerah Kotawaringin Barat",
        Agency.Kind.VERTICAL,
        None,
    ),
]

# (slug, name, rank, [(agency slug, title, short title, start, end)])
OFFICIALS = [
    (
        "budi-santosa",
        "Budi Santosa",
        "",
        [
            (
                "pemkab-kobar",
                "Penjabat Bupati Kotawaringin Barat",
                "Pj. Bupati Kobar",
                datetime.date(2023, 9, 18),
                datetime.date(2025, 2, 20),
            ),
        ],
    ),
    (
        "yusfandi-usman",
        "Yusfandi Usman",
        "AKBP",
        [
            (
                "polres-kobar",
                "Kepala Kepolisian Resor Kotawaringin Barat",
                "Kapolres Kobar",
                datetime.date(2023, 10, 2),
                None,
            ),
        ],
    ),
    (
        "edie-faganti",
        "Edie Faganti",
        "",
        [
            (
                "kesbangpol-kobar",
                "Kepala Badan Kesatuan Bangsa dan Politik",
                "Kaban Kesbangpol Kobar",
                datetime.date(2022, 1, 10),
                None,
            ),
        ],
    ),
    (
        "rina-astuti",
        "dr. Rina Astuti",
        "",
        [
            (
                "dinkes-kobar",
                "Kepala Dinas Kesehatan",
                "Kadinkes Kobar",
                datetime.date(2021, 3, 1),
                None,
            ),
        ],
    ),
]

SEED_TITLE = "Pj Bupati Kobar hadiri Rakor Pengamanan Pilkada Serentak 2024"
SEED_SLUG = "pj-bupati-kobar-hadiri-rakor-pengamanan-pilkada-serentak-2024"
SEED_SUMMARY = (
    "Pj Bupati Kobar Budi Santosa menghadiri Rakor lintas sektoral pengamanan "
    "Pilkada Serentak 2024 di Aula Setya Haprabu Polres Kobar dan menegaskan "
    "dukungan penuh Pemkab Kobar."
)
SEED_PLACE = "Aula Setya Haprabu Polres Kobar"
SEED_CAPTION_MAIN = (
    "Kapolres AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi Santosa (tengah) "
    "dan Kaban Kesbangpol Kobar Edie Faganti (kanan) saat memberikan arahan pada "
    "kegiatan Rakor lintas sektoral dalam rangka pengamanan kegiatan Pilkada "
    "Serentak tahun 2024 di Aula Setya Haprabu Polres Kobar, Selasa (04/06/2024)."
)
SEED_CAPTION_PARTICIPANTS = (
    "Para peserta kegiatan Rakor lintas sektoral dalam rangka pengamanan kegiatan "
    "Pilkada Serentak tahun 2024 di Aula Setya Haprabu Polres Kobar, Selasa "
    "(04/06/2024)."
)
SEED_PARAGRAPHS_BEFORE_PHOTO = [
    "Pj Bupati Kotawaringin Barat (kobar) menghadiri kegiatan Rapat Koordinasi "
    "(Rakor) Lintas Sektoral dalam rangka Pengamanan Kegiatan Pemilihan Kepala "
    "daerah (Pilkada) Serentak tahun 2024 yang dilaksanakan di bertempat di Aula "
    "Setya Haprabu Polres Kotawaringin Barat (kobar), Selasa (04/06/24).",
    "Kegiatan rakor bertujuan merumuskan persamaan persepsi dalam kegiatan Pilkada "
    "jika terjadi hal – hal yang tidak diinginkan. Peran pemerintah daerah juga "
    "terkoordinasi dengan baik sehingga rakor ini mendapatkan kesamaan tindak di "
    "lapangan.",
    None,  # the "Baca Juga" link goes here
    "Dalam arahannya Pj Bupati Kobar menyampaikan secara prinsip Pemkab Kobar "
    "mendukung penuh suksesnya penyelenggaraan Pilkada tahun 2024 di Kabupaten "
    "Kotawaringin Barat. Kegiatan ini merupakan bentuk kerja sama dan sinergitas "
    "antara pemerintah daerah dan TNI/Polri dalam mengambil sikap dan langkah di "
    "lapangan jika terjadi permasalahan dalam Pilkada 2024.",
]
SEED_PARAGRAPHS_AFTER_PHOTO = [
    "”Sehingga yang menjadi kendala atau hambatan bisa teratasi, dan pada saat "
    "pelaksanaan Pilkada dapat berjalan sesuai harapan bersama yaitu terwujudnya "
    "Pilkada yang aman damai dan sukses,” ungkapnya.",
    "Kapolres Kobar AKBP Yusfandi Usman menyampaikan arahannya agar tetap "
    "bersinergi untuk menyambung kesuksesan pada saat kegiatan Pemilu pada tanggal "
    "14 Februari 2024 yang lalu, dan selanjutnya pelaksanaan kegiatan Pilkada pada "
    "tanggal 27 November 2024 yang akan datang.",
    '"Sebagaimana yang telah disampaikan dalam rapor Pilkada di Istana Negara '
    "untuk Kabupaten Kobar masih merah. Ini hal yang sangat berat, namun dengan "
    "telah terlaksana Pemilu 2024 yang lalu berlangsung relatif aman dan tidak ada "
    "sengketa pemilu atau gugatan di MK, sehingga ini menjadi tolak ukur dan "
    "keyakinan kita bersama bahwa nantinya pelaksanaan Pilkada 2024 akan berjalan "
    'aman dan kondusif," ungkap Yusfandi.',
    "Dalam kesempatan lain, Kaban Kesbangpol Kobar Edie Faganti menyampaikan "
    "partisipasi masyarakat dalam Pemilu dan Pilkada tahun 2024 agar lebih "
    "ditingkat lagi terutama pada pemilih pemula.",
    "“Bahwa meningkatnya partisipasi pemilu di Kabupaten Kobar yaitu pada 2019 "
    "hanya 53% mengalami peningkatan pada tahun 2024 yaitu 75% hal ini menujukan "
    "bahwa tingkat kepedulian masyarakat terhadap pemilu meningkatkan dan "
    "diharapkan pada Pilkada 2024 bisa mencapai 90%,”kata Edie.",
    "Dalam Rakor ini turut hadir Kasdim 1014/Pbn, Korwil Binda Kobar, Perwakilan "
    "Danlanud Iskandar Pbn, Perwakilan Pengadilan Negeri Pangkalan Bun, Perwakilan "
    "Kejari Kab. Kobar Perwakilan KPU Kab. Kobar, Perwakilan Bawaslu Kobar, "
    "Perwakilan Sat Pol PP Kab. Kobar, Perwakilan BMKG Kab. Kobar, PJU Polres "
    "Kobar, Kapolsek se-Kobar.",
]

RELATED_TITLE = (
    "Puskesmas Semanggang Raih Juara Kedua Puskesmas Perdesaan FKTP "
    "Berprestasi Tingkat Nasional"
)
RELATED_SLUG = (
    "puskesmas-semanggang-raih-juara-kedua-puskesmas-perdesaan-fktp-"
    "berprestasi-tingkat-nasional"
)

# (title, category slug, contributing agency slug, tags, days before the seed story)
FURTHER_STORIES = [
    (
        "KPU Kobar Tetapkan Daftar Pemilih Tetap Pilkada 2024",
        "politik-pemilu",
        "kpu-kobar",
        ["pilkada 2024", "kpu"],
        -20,
    ),
    (
        "Bawaslu Kobar Rekrut Pengawas TPS untuk Pilkada Serentak",
        "politik-pemilu",
        "bawaslu-kobar",
        ["pilkada 2024", "bawaslu"],
        -12,
    ),
    (
        "Polres Kobar Gelar Simulasi Sistem Pengamanan Kota Jelang Pilkada",
        "keamanan",
        "polres-kobar",
        ["pilkada 2024", "keamanan"],
        -3,
    ),
    (
        "Kodim 1014/Pbn Dukung Pengamanan Distribusi Logistik Pemilu",
        "keamanan",
        "kodim-1014-pbn",
        ["pemilu", "tni"],
        5,
    ),
    (
        "Dinkes Kobar Perluas Layanan Posyandu Remaja di Arut Selatan",
        "kesehatan",
        "dinkes-kobar",
        ["posyandu", "kesehatan remaja"],
        9,
    ),
    (
        "Satpol PP Kobar Tertibkan Reklame Tanpa Izin di Pangkalan Bun",
        "pemerintahan",
        "satpol-pp-kobar",
        ["ketertiban", "reklame"],
        14,
    ),
    (
        "Pemkab Kobar Salurkan Beasiswa bagi Mahasiswa Berprestasi",
        "pendidikan",
        "pemkab-kobar",
        ["beasiswa", "pendidikan"],
        18,
    ),
    (
        "BMKG Imbau Warga Waspada Kabut Asap pada Puncak Kemarau",
        "sosial-budaya",
        "bmkg-kobar",
        ["karhutla", "cuaca"],
        25,
    ),
    (
        "Pasar Murah Ramadan Digelar di Enam Kecamatan",
        "ekonomi",
        "pemkab-kobar",
        ["pasar murah", "inflasi"],
        31,
    ),
    (
        "Pembangunan Jalan Poros Kumai–Sungai Bedaun Capai 80 Persen",
        "pembangunan",
        "pemkab-kobar",
        ["infrastruktur", "jalan"],
        40,
    ),
    (
        "Kejari Kobar Sosialisasikan Jaksa Masuk Sekolah",
        "pendidikan",
        "kejari-kobar",
        ["hukum", "pelajar"],
        46,
    ),
    (
        "Lanud Iskandar Gelar Bakti Sosial Pengobatan Gratis",
        "sosial-budaya",
        "lanud-iskandar",
        ["bakti sosial", "tni"],
        53,
    ),
    (
        "Kesbangpol Kobar Gelar Pendidikan Politik bagi Pemilih Pemula",
        "politik-pemilu",
        "kesbangpol-kobar",
        ["pilkada 2024", "pemilih pemula"],
        60,
    ),
]

SEED_MOMENT = datetime.datetime(2024, 6, 4, 10, 15, tzinfo=WIB)


def draw_photo(label, seed, size=(1600, 1067)):
    """A JPEG drawn with Pillow: deterministic, so reruns find the same checksum."""
    rng = random.Random(seed)  # demo pictures only; not security-relevant
    base = tuple(rng.randint(40, 200) for _ in range(3))
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    for step in range(0, size[1], 8):
        shade = tuple(min(255, c + step // 12) for c in base)
        draw.rectangle([0, step, size[0], step + 8], fill=shade)
    for _ in range(6):
        x, y = rng.randint(0, size[0] - 300), rng.randint(0, size[1] - 300)
        r = rng.randint(80, 260)
        draw.ellipse(
            [x, y, x + r, y + r], fill=tuple(rng.randint(0, 255) for _ in range(3))
        )
    font = ImageFont.load_default(size=64)
    draw.rectangle([0, size[1] - 140, size[0], size[1]], fill=(0, 0, 0))
    draw.text((40, size[1] - 110), label[:40], fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


class Command(BaseCommand):
    help = "Isi Warta dengan konten demo: berita contoh, instansi, pejabat, pengguna."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Jalankan walaupun DEBUG mati (jangan di server produksi).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG mati: seed_demo menolak mengisi basis data yang mungkin "
                "produksi. Pakai --force bila memang disengaja."
            )
        with transaction.atomic():
            users, passwords = self.seed_users()
            secrets_totp = self.seed_totp_devices(users)
            categories = self.seed_categories()
            agencies = self.seed_agencies()
            self.seed_memberships(users, agencies)
            officials = self.seed_officials(agencies)
            related = self.seed_related_story(users, categories, agencies, officials)
            self.seed_main_story(users, categories, agencies, officials, related)
            self.seed_further_stories(users, categories, agencies)
        for username, password in passwords:
            self.stdout.write(f"Pengguna demo {username}: kata sandi {password}")
        for username, secret in secrets_totp:
            # The second login step: type this key into an authenticator app.
            self.stdout.write(f"Pengguna demo {username}: kunci TOTP {secret}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Konten demo siap: {Article.objects.count()} berita, "
                f"{Agency.objects.count()} instansi, "
                f"{Official.objects.count()} pejabat."
            )
        )

    def seed_users(self):
        User = get_user_model()
        specs = [
            ("admin", "Administrator", {"is_staff": True, "is_superuser": True}, None),
            ("redaktur", "Redaktur MMC", {"is_staff": True}, "Redaktur"),
            ("humas.kesbangpol", "Humas Kesbangpol", {"is_staff": True}, "Kontributor"),
        ]
        users, passwords = {}, []
        for username, first_name, flags, group_name in specs:
            user = User.objects.filter(username=username).first()
            if user is None:
                password = secrets.token_urlsafe(12)
                user = User.objects.create_user(
                    username=username,
                    password=password,
                    first_name=first_name,
                    email=f"{username}@example.org",
                    **flags,
                )
                passwords.append((username, password))
            if group_name:
                group = Group.objects.filter(name=group_name).first()
                if group:
                    user.groups.add(group)
            users[username] = user
        return users, passwords

    def seed_totp_devices(self, users):
        """An authenticator key for each demo user who has none, so the demo
        can be logged in to when two-factor login is required."""
        made = []
        for username, user in users.items():
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                continue
            device = TOTPDevice.objects.create(
                user=user, name="Aplikasi autentikator (demo)", confirmed=True
            )
            made.append((username, base64.b32encode(device.bin_key).decode()))
        return made

    def seed_memberships(self, users, agencies):
        """The demo contributor writes for Kesbangpol Kobar."""
        AgencyMembership.objects.get_or_create(
            user=users["humas.kesbangpol"],
            defaults={"agency": agencies["kesbangpol-kobar"]},
        )

    def seed_categories(self):
        result = {}
        for order, (name, slug) in enumerate(CATEGORIES):
            result[slug], _ = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "display_order": order}
            )
        return result

    def seed_agencies(self):
        result = {}
        for slug, short_name, name, kind, parent in AGENCIES:
            result[slug], _ = Agency.objects.get_or_create(
                slug=slug,
                defaults={
                    "short_name": short_name,
                    "name": name,
                    "kind": kind,
                    "parent": result.get(parent),
                },
            )
        return result

    def seed_officials(self, agencies):
        result = {}
        for slug, name, rank, positions in OFFICIALS:
            official, created = Official.objects.get_or_create(
                slug=slug, defaults={"name": name, "rank": rank}
            )
            for agency, title, short_title, start, end in positions:
                Position.objects.get_or_create(
                    official=official,
                    agency=agencies[agency],
                    title=title,
                    defaults={
                        "short_title": short_title,
                        "start_date": start,
                        "end_date": end,
                    },
                )
            result[slug] = official
        return result

    def demo_photo(self, label, seed, user, **fields):
        upload = SimpleUploadedFile(
            f"{seed}.jpg", draw_photo(label, seed), content_type="image/jpeg"
        )
        return photo_create(file=upload, uploaded_by=user, **fields)

    def seed_related_story(self, users, categories, agencies, officials):
        article = Article.objects.filter(slug=RELATED_SLUG).first()
        if article:
            return article
        article = Article.objects.create(
            title=RELATED_TITLE,
            slug=RELATED_SLUG,
            category=categories["kesehatan"],
            summary="UPT Puskesmas Semanggang meraih juara kedua kategori "
            "Puskesmas Perdesaan pada penilaian FKTP Berprestasi tingkat "
            "nasional.",
            body="<p>UPT Puskesmas Semanggang, Kecamatan Pangkalan Banteng, meraih "
            "juara kedua kategori Puskesmas Perdesaan pada penilaian Fasilitas "
            "Kesehatan Tingkat Pertama (FKTP) Berprestasi tingkat nasional.</p>"
            "<p>Penghargaan diserahkan di Jakarta dan diterima langsung oleh "
            "Kepala Puskesmas Semanggang.</p>",
            contributing_agency=agencies["dinkes-kobar"],
            credit_line="humas dinkes",
            author=users["redaktur"],
            event_date=datetime.date(2024, 5, 30),
        )
        article.agencies.set(
            [agencies["dinkes-kobar"], agencies["puskesmas-semanggang"]]
        )
        article.officials.set([officials["rina-astuti"]])
        article.tags.set(["puskesmas", "prestasi", "kesehatan"])
        photo = self.demo_photo(
            "Puskesmas Semanggang",
            "puskesmas-semanggang",
            users["redaktur"],
            caption="Tim UPT Puskesmas Semanggang menerima penghargaan FKTP "
            "Berprestasi tingkat nasional.",
            alt_text="Petugas puskesmas berfoto bersama memegang piagam penghargaan.",
            credit="Foto: Humas Dinkes Kobar",
            taken_on=datetime.date(2024, 5, 30),
        )
        ArticlePhoto.objects.create(
            article=article, photo=photo, role=ArticlePhoto.Role.FEATURED
        )
        self.publish(
            article, users["redaktur"], SEED_MOMENT - datetime.timedelta(days=5)
        )
        return article

    def publish(self, article, editor, at, *, writer=None):
        """Through the editorial workflow, like any story: events and a revision."""
        if writer is not None:
            workflow.article_submit(article=article, by=writer, notify=False)
        workflow.article_publish(article=article, by=editor, at=at, notify=False)

    def seed_main_story(self, users, categories, agencies, officials, related):
        if Article.objects.filter(slug=SEED_SLUG).exists():
            return
        author = users["humas.kesbangpol"]
        main = self.demo_photo(
            "Rakor Pilkada: arahan",
            "rakor-arahan",
            author,
            title="Arahan Rakor pengamanan Pilkada",
            caption=SEED_CAPTION_MAIN,
            alt_text="Kapolres, Pj. Bupati dan Kaban Kesbangpol Kobar duduk di meja "
            "depan memberi arahan di aula.",
            credit="Foto: Humas Kesbangpol Kobar",
            taken_on=datetime.date(2024, 6, 4),
            place=SEED_PLACE,
        )
        participants = [
            self.demo_photo(
                f"Rakor Pilkada: peserta {n}",
                f"rakor-peserta-{n}",
                author,
                title=f"Peserta Rakor pengamanan Pilkada {n}",
                caption=SEED_CAPTION_PARTICIPANTS,
                alt_text="Peserta rakor duduk berderet di aula mengikuti arahan.",
                credit="Foto: Humas Kesbangpol Kobar",
                taken_on=datetime.date(2024, 6, 4),
                place=SEED_PLACE,
            )
            for n in (1, 2)
        ]
        for order, (slug, place) in enumerate(
            [
                ("yusfandi-usman", PhotoSubject.Place.LEFT),
                ("budi-santosa", PhotoSubject.Place.MIDDLE),
                ("edie-faganti", PhotoSubject.Place.RIGHT),
            ]
        ):
            PhotoSubject.objects.get_or_create(
                photo=main,
                official=officials[slug],
                defaults={"place": place, "order": order},
            )

        inline = participants[0].rendition(960)
        inline_src = inline.url if inline else participants[0].file.url
        paragraphs = []
        for text in SEED_PARAGRAPHS_BEFORE_PHOTO:
            if text is None:
                paragraphs.append(
                    f'<p>(Baca Juga : <a href="{related.get_absolute_url()}">'
                    f"{RELATED_TITLE}</a>)</p>"
                )
            else:
                paragraphs.append(f"<p>{text}</p>")
        paragraphs.append(
            f'<figure class="image"><img src="{inline_src}" '
            f'alt="{participants[0].alt_text}">'
            f"<figcaption>{SEED_CAPTION_PARTICIPANTS}</figcaption></figure>"
        )
        paragraphs += [f"<p>{text}</p>" for text in SEED_PARAGRAPHS_AFTER_PHOTO]

        article = Article.objects.create(
            title=SEED_TITLE,
            slug=SEED_SLUG,
            dateline="MMC Kobar",
            summary=SEED_SUMMARY,
            body="\n".join(paragraphs),
            category=categories["politik-pemilu"],
            contributing_agency=agencies["kesbangpol-kobar"],
            credit_line="humas kesbangpol",
            author=author,
            event_date=datetime.date(2024, 6, 4),
            event_place=SEED_PLACE,
            is_headline=True,
        )
        article.agencies.set(
            [
                agencies[slug]
                for slug in (
                    "pemkab-kobar",
                    "polres-kobar",
                    "kesbangpol-kobar",
                    "kodim-1014-pbn",
                    "lanud-iskandar",
                    "kpu-kobar",
                    "bawaslu-kobar",
                    "pn-pangkalan-bun",
                    "kejari-kobar",
                    "satpol-pp-kobar",
                    "bmkg-kobar",
                    "binda-kobar",
                )
            ]
        )
        article.officials.set(
            [officials[s] for s in ("budi-santosa", "yusfandi-usman", "edie-faganti")]
        )
        article.tags.set(["pilkada 2024", "pengamanan", "rakor", "kesbangpol"])
        article.related.set([related])
        ArticlePhoto.objects.create(
            article=article, photo=main, order=0, role=ArticlePhoto.Role.FEATURED
        )
        ArticlePhoto.objects.create(
            article=article,
            photo=participants[0],
            order=1,
            role=ArticlePhoto.Role.INLINE,
        )
        ArticlePhoto.objects.create(
            article=article,
            photo=participants[1],
            order=2,
            role=ArticlePhoto.Role.GALLERY,
        )
        self.publish(article, users["redaktur"], SEED_MOMENT, writer=author)

    def seed_further_stories(self, users, categories, agencies):
        now = timezone.now()
        for index, (title, category, agency, tags, days) in enumerate(FURTHER_STORIES):
            if Article.objects.filter(title=title).exists():
                continue
            published_at = min(
                SEED_MOMENT + datetime.timedelta(days=days, hours=index), now
            )
            article = Article.objects.create(
                title=title,
                category=categories[category],
                summary=f"{title}. Berita demo dari {agencies[agency].short_name}.",
                body=f"<p>{title}, menurut keterangan {agencies[agency].name}.</p>"
                "<p>Ini adalah berita demo yang dibuat oleh perintah "
                "<em>seed_demo</em> agar setiap halaman punya isi.</p>",
                contributing_agency=agencies[agency],
                credit_line=f"humas {agencies[agency].short_name.lower()}",
                author=users["redaktur"],
                event_date=timezone.localdate(published_at),
            )
            article.agencies.set([agencies[agency]])
            article.tags.set(tags)
            photo = self.demo_photo(
                title,
                f"further-{index}",
                users["redaktur"],
                title=title,
                caption=f"Suasana kegiatan: {title}.",
                alt_text=f"Foto kegiatan {agencies[agency].short_name}.",
                credit=f"Foto: Humas {agencies[agency].short_name}",
            )
            ArticlePhoto.objects.create(
                article=article, photo=photo, role=ArticlePhoto.Role.FEATURED
            )
            self.publish(article, users["redaktur"], published_at)
