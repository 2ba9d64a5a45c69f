"""Indonesian news text for generated stories: titles, summaries and bodies.

Everything here is written for Warta (word lists and sentence frames in the
style of a regency media center's releases); no third-party text is shipped.
The place names are the districts and villages of Kotawaringin Barat, the
regency of the demo content. ``story_text`` turns a topic, the people and a
random generator into 300-800 words of HTML paragraphs.
"""

from dataclasses import dataclass

REGENCY = "Kabupaten Kotawaringin Barat"
REGENCY_SHORT = "Kobar"
TOWN = "Pangkalan Bun"
DISTRICTS = [
    "Arut Selatan",
    "Arut Utara",
    "Kotawaringin Lama",
    "Kumai",
    "Pangkalan Banteng",
    "Pangkalan Lada",
]
VILLAGES = [
    "Pasir Panjang", "Sidorejo", "Madurejo", "Raja", "Baru", "Mendawai",
    "Sungai Bulin", "Kumai Hulu", "Kumai Hilir", "Sungai Tendang", "Teluk Pulai",
    "Sungai Sekonyer", "Natai Raya", "Sulung", "Karang Mulya", "Runtu", "Umpang",
    "Kenambui", "Tanjung Terantang", "Sungai Kapitan", "Riam Durian", "Lada Mandala",
    "Sungai Rangit", "Pandu Sanjaya", "Pangkalan Tiga", "Amin Jaya", "Arga Mulya",
    "Sungai Pulau", "Rungun", "Kondang", "Sakabulin", "Kinjil", "Dawak", "Tempayung",
    "Babual Baboti", "Sungai Cabang", "Teluk Bogam", "Keraya", "Bumi Harjo",
    "Pangkalan Durin", "Batu Belaman", "Kotawaringin Hulu",
]  # fmt: skip
VENUES = [
    "Aula Kantor Bupati", "Gedung Sampuraga", "Aula Bappedalitbang",
    "Istana Kuning", "Bundaran Pancasila", "Stadion Sampuraga",
    "Aula Setya Haprabu Polres Kobar", "Aula Makodim 1014/Pbun",
    "Gedung DPRD Kobar", "Balai Desa", "Kantor Camat", "Lapangan Upacara Pemkab",
    "Pendopo Rumah Jabatan Bupati", "Aula Dinas Pendidikan", "Taman Kota Manggu",
    "Alun-alun Kotawaringin Lama", "Pelabuhan Panglima Utar Kumai",
]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]  # fmt: skip


@dataclass(frozen=True)
class Topic:
    """A subject a story can be about: its events, phrases and tags."""

    category: str
    events: tuple  # "rapat koordinasi pengendalian inflasi"
    aims: tuple  # "menjaga stabilitas harga bahan pokok"
    things: tuple  # ("ton beras", "paket sembako"): counted things
    tags: tuple


TOPICS = [
    Topic("pemerintahan", (
        "rapat koordinasi pengendalian inflasi daerah",
        "apel gabungan aparatur sipil negara",
        "musyawarah perencanaan pembangunan kecamatan",
        "penyerahan SK kenaikan pangkat",
        "pelantikan pejabat administrator", "rapat paripurna DPRD",
        "sosialisasi reformasi birokrasi", "evaluasi kinerja perangkat daerah",
        "penyusunan rencana kerja pemerintah daerah", "peringatan hari jadi kabupaten",
    ), (
        "mempercepat pelayanan publik", "menjaga stabilitas harga bahan pokok",
        "meningkatkan disiplin aparatur", "menyelaraskan program antarperangkat daerah",
        "memperkuat tata kelola pemerintahan yang bersih",
    ), ("pegawai", "dokumen usulan", "program prioritas"), (
        "inflasi", "apel", "musrenbang", "asn", "birokrasi", "dprd", "hari jadi kobar",
        "pelayanan publik", "rkpd",
    )),
    Topic("keamanan", (
        "patroli gabungan menjelang hari raya", "operasi ketupat", "operasi zebra",
        "pengamanan malam pergantian tahun", "razia penyakit masyarakat",
        "sosialisasi bahaya narkoba", "apel kesiapsiagaan bencana",
        "simulasi penanganan kebakaran hutan dan lahan",
        "pemusnahan barang bukti narkotika",
    ), (
        "menjaga situasi kamtibmas tetap kondusif",
        "mencegah kebakaran hutan dan lahan",
        "memberantas peredaran narkoba", "memberikan rasa aman kepada masyarakat",
    ), ("personel", "titik rawan", "gram sabu"), (
        "kamtibmas", "narkoba", "karhutla", "operasi ketupat", "operasi zebra",
        "polres kobar", "kodim 1014", "lalu lintas", "bencana",
    )),
    Topic("politik-pemilu", (
        "rapat pleno rekapitulasi daftar pemilih",
        "bimbingan teknis panitia pemilihan kecamatan",
        "sosialisasi tahapan pilkada", "deklarasi kampanye damai",
        "debat publik pasangan calon",
        "rapat koordinasi pengamanan pilkada", "pendidikan pemilih pemula",
        "pengawasan masa tenang", "pelantikan panitia pemungutan suara",
    ), (
        "menyukseskan pemilihan yang jujur dan adil",
        "meningkatkan partisipasi pemilih",
        "menjaga netralitas aparatur sipil negara", "mencegah politik uang",
    ), ("pemilih", "tempat pemungutan suara", "petugas"), (
        "pilkada", "pemilu", "kpu", "bawaslu", "netralitas asn", "pemilih pemula",
        "kampanye damai", "politik uang", "dpt",
    )),
    Topic("kesehatan", (
        "pekan imunisasi nasional", "gerakan percepatan penurunan stunting",
        "pemeriksaan kesehatan gratis", "penyuluhan demam berdarah",
        "peluncuran layanan posyandu terpadu", "vaksinasi anak sekolah",
        "kampanye cuci tangan pakai sabun", "pelatihan kader posyandu",
    ), (
        "menurunkan angka stunting", "memperluas cakupan imunisasi",
        "mencegah penyebaran demam berdarah", "mendekatkan layanan kesehatan ke desa",
    ), ("balita", "kader posyandu", "dosis vaksin"), (
        "stunting", "imunisasi", "posyandu", "dbd", "puskesmas",
        "rsud sultan imanuddin",
        "bpjs kesehatan", "gizi", "vaksinasi",
    )),
    Topic("pendidikan", (
        "penerimaan peserta didik baru", "lomba cerdas cermat tingkat kabupaten",
        "penyerahan beasiswa mahasiswa berprestasi", "pelatihan guru penggerak",
        "peresmian ruang kelas baru", "gerakan literasi sekolah",
        "asesmen nasional berbasis komputer", "wisuda santri taman pendidikan Alquran",
    ), (
        "meningkatkan mutu pendidikan", "memperluas akses sekolah di pedalaman",
        "menumbuhkan minat baca anak", "menyiapkan generasi emas",
    ), ("siswa", "guru", "ruang kelas"), (
        "pendidikan", "beasiswa", "literasi", "guru", "ppdb", "sekolah",
        "kurikulum merdeka",
        "perpustakaan",
    )),
    Topic("ekonomi", (
        "pasar murah menjelang Ramadan", "operasi pasar beras", "pameran produk UMKM",
        "pelatihan kewirausahaan pemuda", "penyaluran kredit usaha rakyat",
        "pemantauan harga kebutuhan pokok", "festival kuliner daerah",
        "penyerahan bantuan alat usaha",
    ), (
        "menjaga daya beli masyarakat", "mengembangkan usaha mikro kecil dan menengah",
        "membuka lapangan kerja", "menekan harga bahan pokok",
    ), ("ton beras", "pelaku UMKM", "paket sembako"), (
        "umkm", "pasar murah", "harga sembako", "koperasi", "investasi", "pariwisata",
        "ekonomi kreatif", "ketahanan pangan",
    )),
    Topic("pembangunan", (
        "peninjauan proyek peningkatan jalan", "peresmian jembatan desa",
        "peletakan batu pertama gedung pelayanan", "pembangunan jaringan air bersih",
        "rehabilitasi saluran irigasi", "penerangan jalan umum tenaga surya",
        "pembangunan rumah tidak layak huni", "normalisasi sungai",
    ), (
        "membuka akses antardesa", "memperlancar distribusi hasil pertanian",
        "memenuhi kebutuhan air bersih warga", "mengurangi risiko banjir",
    ), ("kilometer jalan", "unit rumah", "titik lampu"), (
        "infrastruktur", "jalan", "jembatan", "air bersih", "rtlh", "irigasi", "banjir",
        "dana desa", "pupr",
    )),
    Topic("sosial-budaya", (
        "festival budaya Manggo Masak", "penyaluran bantuan sosial",
        "peringatan Hari Kemerdekaan", "lomba perahu tradisional",
        "pelestarian tari tradisional", "santunan anak yatim",
        "gotong royong bersih desa", "malam pentas seni daerah",
    ), (
        "melestarikan budaya daerah", "meringankan beban keluarga kurang mampu",
        "mempererat kerukunan warga", "menumbuhkan semangat kebersamaan",
    ), ("keluarga penerima manfaat", "peserta", "sanggar seni"), (
        "budaya", "bansos", "hut ri", "pariwisata", "kerukunan", "gotong royong",
        "pemuda", "disabilitas",
    )),
    Topic("pertanian", (
        "panen raya padi", "gerakan tanam serentak", "penyaluran pupuk bersubsidi",
        "vaksinasi hewan ternak", "pelatihan petani milenial", "penebaran benih ikan",
        "peremajaan kebun sawit rakyat", "pembagian bibit tanaman hortikultura",
    ), (
        "meningkatkan produksi pangan", "menyejahterakan petani",
        "menjaga kesehatan hewan ternak", "memperkuat ketahanan pangan daerah",
    ), ("hektare sawah", "ekor sapi", "kelompok tani"), (
        "pertanian", "padi", "pupuk", "peternakan", "perikanan", "sawit", "petani",
        "ketahanan pangan", "nelayan",
    )),
    Topic("olahraga", (
        "turnamen sepak bola antarkecamatan", "pembukaan pekan olahraga kabupaten",
        "senam bersama hari Jumat", "lomba lari sepuluh kilometer",
        "seleksi atlet porprov", "kejuaraan bulu tangkis pelajar",
    ), (
        "menjaring atlet berprestasi", "membudayakan hidup sehat",
        "mengharumkan nama daerah", "menggerakkan ekonomi warga lewat olahraga",
    ), ("atlet", "tim", "cabang olahraga"), (
        "olahraga", "sepak bola", "porprov", "atlet", "koni", "senam", "pemuda",
    )),
]  # fmt: skip

OPEN_VERBS = ["membuka", "memimpin", "menghadiri", "meninjau", "meresmikan"]
TITLE_VERBS = ["Buka", "Pimpin", "Hadiri", "Tinjau", "Resmikan", "Apresiasi", "Dukung"]
PARTICIPANTS = [
    "kepala perangkat daerah", "camat se-Kabupaten Kotawaringin Barat",
    "kepala desa dan lurah", "tokoh masyarakat dan tokoh agama",
    "pelajar dan mahasiswa",
    "unsur Forkopimda", "organisasi kemasyarakatan", "kader PKK",
]  # fmt: skip
IMPORTANCE = [
    "kebutuhan yang mendesak", "prioritas pemerintah daerah", "tanggung jawab bersama",
    "bagian dari visi pembangunan daerah", "amanat yang harus dijalankan",
]  # fmt: skip
CLOSINGS = [
    "Kegiatan ditutup dengan foto bersama dan peninjauan lokasi.",
    "Acara kemudian dilanjutkan dengan sesi tanya jawab bersama warga.",
    "Usai kegiatan, rombongan meninjau langsung kondisi di lapangan.",
    "Pemerintah daerah berharap kegiatan serupa dapat digelar secara rutin.",
    "Seluruh rangkaian kegiatan berjalan lancar, aman dan tertib.",
]  # fmt: skip
QUOTES = [
    "Kami ingin manfaatnya benar-benar dirasakan oleh masyarakat sampai ke desa",
    "Ini bukan hanya tugas pemerintah, tetapi tugas kita semua",
    "Saya minta seluruh jajaran bekerja cepat, tepat dan tetap mengikuti aturan",
    "Kita tidak boleh berpuas diri, masih banyak pekerjaan rumah yang menunggu",
    "Dukungan masyarakat sangat kami perlukan agar program ini berhasil",
    "Koordinasi lintas sektor menjadi kunci keberhasilan kegiatan ini",
    "Kami terbuka terhadap masukan dan kritik yang membangun dari warga",
]  # fmt: skip
SAY = ["ujarnya", "katanya", "tuturnya", "jelasnya", "ungkapnya", "tegasnya"]
CONNECT = [
    "Selain itu", "Lebih lanjut", "Di sisi lain", "Sementara itu",
    "Pada kesempatan itu",
    "Ia menambahkan", "Menurutnya", "Dalam sambutannya",
]  # fmt: skip


def date_words(day):
    """``day`` as a news release writes it: "Selasa (4/6/2024)"."""
    return f"{DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"


LOWER_IN_TITLES = {"di", "dan", "ke", "dari", "yang", "untuk", "se-Kabupaten"}


def title_case(text):
    words = text.split()
    return " ".join(
        w if w.isupper() or (n and w in LOWER_IN_TITLES) else w[:1].upper() + w[1:]
        for n, w in enumerate(words)
    )


@dataclass
class Cast:
    """Who and where a story is about: names as they appear in the text."""

    speaker: str  # "Bupati Kobar Hj. Nurhidayah"
    speaker_short: str  # "Nurhidayah"
    role: str  # "Bupati Kobar"
    agency: str  # "Dinas Kesehatan Kobar"
    others: list  # further "Kepala Dinas X, Nama" mentions


def story_title(rng, topic, cast, place):
    event = rng.choice(topic.events)
    return title_case(
        f"{cast.role} {rng.choice(TITLE_VERBS)} {event} di {place}"
    ), event


def story_summary(rng, topic, cast, event, place):
    return (
        f"{cast.role} {cast.speaker_short} {rng.choice(OPEN_VERBS)} {event} "
        f"di {place}, "
        f"sebagai upaya {rng.choice(topic.aims)}."
    )


def _sentence(rng, topic, cast, event):
    kind = rng.randrange(9)
    if kind == 0:
        return (
            f"{rng.choice(CONNECT)}, {cast.speaker_short} menyampaikan bahwa "
            f"{event} merupakan {rng.choice(IMPORTANCE)} untuk "
            f"{rng.choice(topic.aims)}."
        )
    if kind == 1:
        return f'"{rng.choice(QUOTES)}," {rng.choice(SAY)}.'
    if kind == 2:
        n, k = rng.randint(12, 2400), rng.randint(2, 87)
        return (
            f"Tahun ini tercatat sebanyak {n:,} {rng.choice(topic.things)} di {k} desa "
            f"dan kelurahan yang tersebar di {rng.randint(2, 6)} kecamatan."
        ).replace(",", ".")
    if kind == 3:
        return (
            f"Kegiatan tersebut diikuti oleh {rng.choice(PARTICIPANTS)} serta "
            f"{rng.choice(PARTICIPANTS)} dari Kecamatan {rng.choice(DISTRICTS)}."
        )
    if kind == 4 and cast.others:
        return (
            f"Turut hadir {rng.choice(cast.others)} yang menyatakan siap mendukung "
            f"langkah {rng.choice(topic.aims)}."
        )
    if kind == 5:
        return (
            f"{cast.agency} akan terus berkoordinasi dengan pemerintah desa di "
            f"{REGENCY} ({REGENCY_SHORT}) agar program {rng.choice(topic.tags)} "
            f"berjalan sesuai rencana."
        )
    if kind == 6:
        return (
            f"Warga Desa {rng.choice(VILLAGES)} menyambut baik {event} karena "
            f"dinilai mampu {rng.choice(topic.aims)}."
        )
    if kind == 7:
        rp = rng.randint(2, 950)
        return (
            f"Anggaran sebesar Rp{rp} juta telah disiapkan dalam APBD {REGENCY_SHORT} "
            f"untuk mendukung {rng.choice(topic.events)}."
        )
    return (
        f"{cast.speaker_short} juga mengajak masyarakat {REGENCY_SHORT} untuk ikut "
        f"{rng.choice(topic.aims)} demi kemajuan daerah."
    )


def story_body(rng, topic, cast, event, place, day, words):
    """HTML paragraphs of about ``words`` words (a lead, then the story)."""
    lead = (
        f"{cast.role} {cast.speaker_short} {rng.choice(OPEN_VERBS)} {event} di "
        f"{rng.choice(VENUES)}, {place}, {date_words(day)}. Kegiatan ini digelar "
        f"{cast.agency} sebagai upaya {rng.choice(topic.aims)}."
    )
    paragraphs, count = [lead], len(lead.split())
    current = []
    while count < words:
        sentence = _sentence(rng, topic, cast, event)
        current.append(sentence)
        count += len(sentence.split())
        if len(current) >= rng.randint(2, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    paragraphs.append(rng.choice(CLOSINGS))
    return "".join(f"<p>{p}</p>" for p in paragraphs)
