"""A small Indonesian newsroom written for the relevance suite.

Each story has a key; ``QUERIES`` name the stories that must come first.
The stories use one form of a root word while the queries use another (the
affixes meN-, di-, ter-, ber-, peN-an, per-an, ke-an, memper-, -kan, -i),
repeat words (anak-anak, rumah-rumah), name places that look affixed
(Kediri, Bekasi, Pemalang, Temanggung, Pekalongan) beside stories holding
only the word the stemmer would leave of them, and carry the everyday words
(warga, kabupaten, desa, jalan) that every story shares.
"""

STORIES = {
    # Word forms
    "tangkap": (
        "Polisi Menangkap Dua Pengedar Sabu di Terminal Bus",
        "Keduanya diamankan saat menunggu pembeli.",
        "Satuan Reserse Narkoba berhasil menangkap dua pengedar sabu di terminal "
        "bus antarkota. Penangkapan dilakukan setelah warga melapor adanya "
        "transaksi mencurigakan. Barang bukti berupa dua puluh gram sabu disita.",
    ),
    "tulis": (
        "Lomba Cerpen Pelajar Diikuti Ratusan Peserta",
        "Para penulis muda dari seluruh kabupaten mengirim karya terbaiknya.",
        "Dinas Pendidikan menggelar lomba cerpen tingkat SMA. Ratusan penulis "
        "muda ikut serta, dan tulisan terbaik akan dibukukan. Juri menilai "
        "orisinalitas dan gaya bahasa.",
    ),
    "kirim": (
        "Pemkab Salurkan Bantuan Logistik untuk Korban Longsor",
        "Truk berisi beras dan selimut tiba di lokasi pengungsian.",
        "Pemerintah kabupaten mengirimkan dua truk bantuan logistik ke desa yang "
        "terdampak longsor. Kiriman berisi beras, mi instan, selimut, dan obat. "
        "Bantuan berikutnya menyusul pekan depan.",
    ),
    "baik": (
        "Dinas PU Perbaiki Jalan Rusak di Kecamatan Sumber",
        "Lubang di sepanjang tiga kilometer ditambal sebelum musim hujan.",
        "Perbaikan jalan kabupaten di Kecamatan Sumber dimulai Senin. Dinas "
        "Pekerjaan Umum menargetkan pekerjaan selesai dalam sebulan agar warga "
        "tidak lagi terganggu lubang.",
    ),
    "kebakaran": (
        "Kebakaran Pasar Lama, Puluhan Kios Hangus",
        "Api diduga berasal dari korsleting listrik.",
        "Kebakaran melanda Pasar Lama dini hari. Empat unit pemadam dikerahkan "
        "dan api padam dua jam kemudian. Puluhan kios pedagang pakaian hangus "
        "terbakar, tidak ada korban jiwa.",
    ),
    "kalori": (
        "Senam Pagi Bersama ASN Setiap Jumat",
        "Olahraga ringan untuk menjaga kebugaran pegawai.",
        "Senam pagi membantu membakar kalori dan menjaga kebugaran. Pegawai "
        "membakar kalori lebih banyak bila rutin berolahraga, kata pelatih. "
        "Kegiatan digelar di halaman kantor bupati.",
    ),
    "periksa": (
        "Dinkes Periksa Kesehatan Calon Jemaah Haji",
        "Pemeriksaan meliputi tekanan darah dan gula darah.",
        "Dinas Kesehatan memeriksa kesehatan seratus calon jemaah haji. "
        "Pemeriksaan lanjutan diberikan kepada jemaah lanjut usia dan yang "
        "memiliki riwayat penyakit.",
    ),
    "sekolah": (
        "Gedung Sekolah Dasar Baru Diresmikan di Desa Sukamaju",
        "Anak-anak tak lagi menumpang di balai desa.",
        "Gedung sekolah dasar negeri yang baru memiliki enam ruang kelas dan "
        "perpustakaan. Selama ini murid bersekolah di balai desa yang sempit.",
    ),
    "latih": (
        "Balai Latihan Kerja Buka Kelas Las untuk Pemuda",
        "Peserta mendapat sertifikat setelah tiga bulan.",
        "Pelatihan kerja di bidang pengelasan dibuka untuk pemuda desa. Para "
        "instruktur melatih peserta langsung di bengkel balai.",
    ),
    "lantik": (
        "Bupati Melantik Tiga Pejabat Eselon II",
        "Pejabat baru diminta segera bekerja.",
        "Bupati melantik tiga pejabat pimpinan tinggi pratama di pendopo. "
        "Ketiganya mengucapkan sumpah jabatan disaksikan anggota DPRD.",
    ),
    "siap": (
        "Pemkot Siapkan Posko Mudik di Jalur Pantura",
        "Posko dilengkapi tenaga kesehatan dan mekanik.",
        "Pemerintah kota mempersiapkan sepuluh posko mudik di sepanjang jalur "
        "pantura. Persiapan melibatkan polisi, dinas perhubungan, dan relawan.",
    ),
    "panjang": (
        "Masa Pendaftaran CPNS Diperpanjang Sepekan",
        "Pelamar yang terkendala jaringan mendapat kesempatan.",
        "Panitia seleksi memperpanjang masa pendaftaran CPNS karena gangguan "
        "jaringan. Perpanjangan berlaku hingga Jumat pekan depan.",
    ),
    "sejahtera": (
        "Program Kesejahteraan Nelayan Diluncurkan",
        "Nelayan kecil menerima bantuan mesin perahu.",
        "Program kesejahteraan nelayan mencakup bantuan mesin perahu, asuransi, "
        "dan pelatihan pengolahan ikan bagi istri nelayan.",
    ),
    "hilang": (
        "Petani Kehilangan Hasil Panen akibat Hama Wereng",
        "Ratusan hektare sawah gagal panen.",
        "Petani di tiga kecamatan kehilangan hampir separuh hasil panen karena "
        "serangan hama wereng. Dinas Pertanian menyiapkan benih pengganti.",
    ),
    "tahan": (
        "Ketahanan Pangan Jadi Prioritas Anggaran Daerah",
        "Lumbung pangan desa diperbanyak.",
        "Ketahanan pangan menjadi prioritas anggaran tahun depan. Setiap desa "
        "didorong membangun lumbung pangan dan menanam jagung.",
    ),
    "curi": (
        "Pencurian Sepeda Motor Marak di Parkiran Rumah Sakit",
        "Polisi imbau pengendara memasang kunci ganda.",
        "Dalam sebulan terjadi lima pencurian sepeda motor di parkiran rumah "
        "sakit daerah. Polisi menambah patroli dan memasang kamera.",
    ),
    "didik": (
        "Anggaran Pendidikan Naik Sepuluh Persen",
        "Tambahan dana untuk tunjangan guru honorer.",
        "Anggaran pendidikan tahun depan naik sepuluh persen. Sebagian besar "
        "dipakai untuk tunjangan guru honorer dan rehabilitasi ruang kelas.",
    ),
    "izin": (
        "Layanan Perizinan Daring Resmi Dibuka",
        "Pelaku usaha tak perlu datang ke kantor.",
        "Dinas Penanaman Modal membuka layanan perizinan daring. Pelaku usaha "
        "cukup mengunggah berkas dan memantau prosesnya dari rumah.",
    ),
    "ekonomi": (
        "Perekonomian Daerah Tumbuh Lima Persen",
        "Sektor perdagangan dan pariwisata jadi penopang.",
        "Badan Pusat Statistik mencatat perekonomian daerah tumbuh lima persen. "
        "Pertumbuhan ditopang perdagangan, pariwisata, dan konsumsi rumah tangga.",
    ),
    "berangkat": (
        "Keberangkatan Jemaah Haji Kloter Pertama",
        "Empat ratus jemaah dilepas bupati.",
        "Keberangkatan kloter pertama jemaah haji dilepas bupati di masjid agung. "
        "Jemaah diberangkatkan ke embarkasi dengan sepuluh bus.",
    ),
    "tanam": (
        "Seribu Pohon Ditanam di Lereng Gunung",
        "Penanaman melibatkan pelajar dan pecinta alam.",
        "Penanaman seribu bibit pohon di lereng gunung bertujuan mencegah "
        "longsor. Tanaman dipilih dari jenis berakar kuat.",
    ),
    "aman": (
        "Rakor Pengamanan Pilkada Serentak",
        "Aparat gabungan siaga di setiap TPS.",
        "Rapat koordinasi pengamanan pilkada serentak digelar bersama polres dan "
        "kodim. Pengamanan diperketat di TPS rawan.",
    ),
    "banjir": (
        "Ratusan Rumah Terendam Air di Desa Karanganyar",
        "Warga mengungsi ke masjid dan sekolah.",
        "Hujan deras sejak sore membuat ratusan rumah di Desa Karanganyar "
        "kebanjiran. Ketinggian air mencapai satu meter.",
    ),
    "ternak": (
        "Vaksinasi Gratis untuk Hewan Ternak Warga",
        "Sapi dan kambing divaksin cegah penyakit mulut dan kuku.",
        "Dinas Peternakan memberikan vaksin gratis bagi sapi dan kambing. "
        "Peternak diminta melapor bila hewannya sakit.",
    ),
    # Repeated words
    "anak": (
        "Imunisasi Campak Digelar di Posyandu",
        "Orang tua diminta membawa buku KIA.",
        "Anak-anak balita mendapat imunisasi campak di posyandu setiap desa. "
        "Petugas mencatat anak-anak yang belum lengkap imunisasinya.",
    ),
    "rumah": (
        "Rumah-Rumah Warga Dicat Warna-Warni",
        "Kampung tematik menarik wisatawan.",
        "Rumah-rumah di kampung nelayan dicat warna-warni oleh pemuda "
        "karang taruna. Kampung kini ramai dikunjungi wisatawan.",
    ),
    "obat": (
        "BPOM Sita Obat-obatan Ilegal dari Toko Daring",
        "Produk tanpa izin edar dimusnahkan.",
        "Petugas menyita obat-obatan tanpa izin edar dari gudang penjual daring. "
        "Masyarakat diminta membeli obat di apotek resmi.",
    ),
    "lari": (
        "Lomba Maraton Diikuti Ribuan Pelari",
        "Rute melewati alun-alun dan tepi sungai.",
        "Ribuan pelari ikut lomba maraton. Peserta berlari menempuh empat puluh "
        "dua kilometer melewati alun-alun kota.",
    ),
    "kota": (
        "Kota-Kota di Jawa Timur Raih Adipura",
        "Penghargaan untuk kebersihan dan taman kota.",
        "Sebelas kota di Jawa Timur meraih Adipura tahun ini. Penilaian meliputi "
        "pengelolaan sampah, taman, dan kebersihan pasar.",
    ),
    "buah": (
        "Festival Buah Lokal di Halaman Pendopo",
        "Durian dan manggis jadi primadona.",
        "Festival menampilkan buah-buahan lokal dari petani setempat. Pengunjung "
        "bisa mencicipi durian, manggis, dan rambutan.",
    ),
    "jalan": (
        "Car Free Day Kembali Digelar Tiap Minggu",
        "Warga bisa berjalan-jalan tanpa asap kendaraan.",
        "Car free day kembali digelar di jalan protokol. Warga berjalan-jalan, "
        "bersepeda, dan berolahraga hingga pukul sembilan.",
    ),
    # Names that look affixed, and the stories holding what is left of them
    "kediri": (
        "Bupati Kediri Resmikan Jembatan di Atas Sungai Brantas",
        "Jembatan menghubungkan dua kecamatan.",
        "Jembatan baru di Kabupaten Kediri diresmikan bupati. Warga Kediri kini "
        "tak perlu memutar sejauh sepuluh kilometer.",
    ),
    "diri": (
        "Pelatihan Pengembangan Diri bagi ASN Muda",
        "Percaya diri dan disiplin diri jadi materi utama.",
        "ASN muda mengikuti pelatihan pengembangan diri. Materi meliputi percaya "
        "diri, disiplin diri, dan cara memperkenalkan diri di depan umum.",
    ),
    "bekasi": (
        "Pemkot Bekasi Tambah Armada Pengangkut Sampah",
        "Dua puluh truk baru beroperasi bulan ini.",
        "Pemerintah Kota Bekasi menambah dua puluh truk pengangkut sampah agar "
        "tumpukan di tempat pembuangan sementara berkurang.",
    ),
    "bekas": (
        "Pasar Barang Bekas Diminati Mahasiswa",
        "Pakaian dan buku bekas dijual murah.",
        "Pasar barang bekas di lapangan kecamatan ramai. Mahasiswa berburu buku "
        "bekas, pakaian bekas, dan perabot bekas dengan harga miring.",
    ),
    "pemalang": (
        "Nelayan Pemalang Terima Bantuan Jaring",
        "Bantuan dari dinas kelautan.",
        "Ratusan nelayan di Kabupaten Pemalang menerima bantuan jaring. Bantuan "
        "diharapkan meningkatkan tangkapan nelayan Pemalang.",
    ),
    "malang": (
        "Wisata Kota Malang Ramai saat Libur Panjang",
        "Hotel penuh hingga akhir pekan.",
        "Kota Malang dipadati wisatawan selama libur panjang. Hotel di Malang "
        "penuh dan jalan menuju kawasan wisata macet.",
    ),
    "temanggung": (
        "Petani Tembakau Temanggung Sambut Panen Raya",
        "Harga daun tembakau naik.",
        "Petani tembakau di Temanggung menyambut panen raya. Tembakau Temanggung "
        "dikenal beraroma khas.",
    ),
    "tanggung": (
        "Kepala Desa Diminta Tanggung Jawab atas Dana Desa",
        "Inspektorat menemukan selisih laporan.",
        "Inspektorat meminta kepala desa bertanggung jawab atas selisih laporan "
        "dana desa. Tanggung jawab pengelolaan ada pada kepala desa.",
    ),
    "pekalongan": (
        "Batik Pekalongan Dipamerkan di Jakarta",
        "Perajin membawa seratus motif.",
        "Perajin batik Pekalongan memamerkan seratus motif di Jakarta. Batik "
        "Pekalongan dikenal dengan warna cerah.",
    ),
    "kalong": (
        "Koloni Kalong Huni Pohon Beringin Tua",
        "Warga diminta tak mengganggu satwa.",
        "Ratusan kalong bergelantungan di pohon beringin tua dekat balai desa. "
        "Kalong aktif mencari buah pada malam hari.",
    ),
    "pertamina": (
        "Pertamina Jamin Stok BBM Aman Jelang Libur",
        "Pasokan ke SPBU ditambah.",
        "Pertamina menjamin stok bahan bakar minyak aman menjelang libur panjang. "
        "Pasokan ke seluruh SPBU ditambah sepuluh persen.",
    ),
    # Stories for typo and stopword queries, and everyday ones sharing words
    "tambang": (
        "Izin Tambang Pasir di Kawasan IKN Dievaluasi",
        "Kementerian meninjau ulang puluhan izin.",
        "Puluhan izin tambang pasir di sekitar kawasan IKN dievaluasi. Tambang "
        "yang merusak lingkungan akan dicabut izinnya.",
    ),
    "korupsi": (
        "Kejati Usut Dugaan Korupsi Kuota Haji di Jogja",
        "Dua pejabat diperiksa sebagai saksi.",
        "Kejaksaan tinggi mengusut dugaan korupsi kuota haji di Jogja. Di kantor "
        "itu, di ruang arsip dan di gudang, penyidik menyita dokumen.",
    ),
    "jemaah": (
        "Manasik Haji di Jogja untuk Calon Jemaah",
        "Latihan tata cara ibadah.",
        "Di Jogja digelar manasik haji. Di lapangan, di masjid, dan di aula, "
        "calon jemaah berlatih tata cara ibadah.",
    ),
    "sayur": (
        "Harga Sayur-mayur Naik Jelang Lebaran",
        "Cabai dan bawang merah paling mahal.",
        "Harga sayur-mayur di pasar tradisional naik menjelang lebaran. Cabai "
        "rawit naik dua kali lipat, bawang merah naik sepertiga.",
    ),
    "vaksin": (
        "Vaksinasi Polio Sasar Sepuluh Ribu Balita",
        "Pekan imunisasi nasional dimulai.",
        "Vaksinasi polio menyasar sepuluh ribu balita di seluruh puskesmas. "
        "Orang tua diimbau datang sesuai jadwal.",
    ),
    "jembatan": (
        "Jembatan Gantung Desa Cikoneng Rampung",
        "Anak sekolah tak lagi menyeberang sungai.",
        "Jembatan gantung sepanjang enam puluh meter rampung dibangun. Anak "
        "sekolah tak lagi menyeberangi sungai dengan rakit.",
    ),
    "warga1": (
        "Warga Gotong Royong Bersihkan Saluran Air",
        "Kegiatan rutin jelang musim hujan.",
        "Warga desa bergotong royong membersihkan saluran air dari sampah. "
        "Kepala desa ikut turun bersama warga.",
    ),
    "warga2": (
        "Musrenbang Kecamatan Tampung Usulan Warga",
        "Usulan terbanyak soal jalan desa.",
        "Musyawarah perencanaan pembangunan kecamatan menampung usulan warga. "
        "Usulan terbanyak tentang jalan desa dan lampu penerangan.",
    ),
    "warga3": (
        "Pemerintah Kabupaten Gelar Pasar Murah",
        "Beras dan minyak goreng dijual di bawah harga pasar.",
        "Pemerintah kabupaten menggelar pasar murah di sepuluh kecamatan. Warga "
        "bisa membeli beras, gula, dan minyak goreng lebih murah.",
    ),
}

# (type, query, the stories any of which must come first)
QUERIES = [
    # Word forms: the query takes another affix than the story.
    ("imbuhan", "tangkap pengedar", {"tangkap"}),
    ("imbuhan", "ditangkap sabu", {"tangkap"}),
    ("imbuhan", "menulis cerpen", {"tulis"}),
    ("imbuhan", "tulisan pelajar", {"tulis"}),
    ("imbuhan", "dikirim bantuan longsor", {"kirim"}),
    ("imbuhan", "memperbaiki jalan", {"baik"}),
    ("imbuhan", "diperbaiki jalan rusak", {"baik"}),
    ("imbuhan", "pasar terbakar", {"kebakaran"}),
    ("imbuhan", "kebakaran", {"kebakaran"}),
    ("imbuhan", "diperiksa jemaah haji", {"periksa"}),
    ("imbuhan", "pemeriksaan kesehatan", {"periksa"}),
    ("imbuhan", "bersekolah", {"sekolah"}),
    ("imbuhan", "dilatih las", {"latih"}),
    ("imbuhan", "pelantikan pejabat", {"lantik"}),
    ("imbuhan", "persiapan mudik", {"siap"}),
    ("imbuhan", "perpanjangan pendaftaran cpns", {"panjang"}),
    ("imbuhan", "sejahtera nelayan", {"sejahtera"}),
    ("imbuhan", "hilang panen", {"hilang"}),
    ("imbuhan", "tahan pangan", {"tahan"}),
    ("imbuhan", "dicuri motor", {"curi"}),
    ("imbuhan", "mencuri sepeda motor", {"curi"}),
    ("imbuhan", "mendidik guru honorer", {"didik"}),
    ("imbuhan", "izin daring", {"izin"}),
    ("imbuhan", "ekonomi bertumbuh", {"ekonomi"}),
    ("imbuhan", "berangkat jemaah haji", {"berangkat"}),
    ("imbuhan", "menanam pohon", {"tanam"}),
    ("imbuhan", "mengamankan pilkada", {"aman"}),
    ("imbuhan", "banjir karanganyar", {"banjir"}),
    ("imbuhan", "beternak sapi", {"ternak"}),
    # Repeated words, typed whole, single or repeated otherwise.
    ("ulang", "anak-anak imunisasi", {"anak"}),
    ("ulang", "rumah warna", {"rumah"}),
    ("ulang", "obat ilegal", {"obat"}),
    ("ulang", "berlari-lari maraton", {"lari"}),
    ("ulang", "kota adipura", {"kota"}),
    ("ulang", "buah lokal", {"buah"}),
    ("ulang", "jalan-jalan car free day", {"jalan"}),
    ("ulang", "sayur-mayur lebaran", {"sayur"}),
    ("ulang", "warna-warni kampung", {"rumah"}),
    # Names that look affixed: the name first, not what is left of it.
    ("nama", "kediri", {"kediri"}),
    ("nama", "bekasi", {"bekasi"}),
    ("nama", "pemalang", {"pemalang"}),
    ("nama", "temanggung", {"temanggung"}),
    ("nama", "pekalongan", {"pekalongan"}),
    ("nama", "pertamina", {"pertamina"}),
    ("nama", "malang", {"malang"}),
    ("nama", "diri", {"diri"}),
    ("nama", "bekas", {"bekas"}),
    ("nama", "tanggung jawab", {"tanggung"}),
    # One letter wrong, missing, extra or swapped.
    ("salah ketik", "tambnag ikn", {"tambang"}),
    ("salah ketik", "tambang ikm", {"tambang"}),
    ("salah ketik", "kebakran pasar", {"kebakaran"}),
    ("salah ketik", "vaksinsi polio", {"vaksin"}),
    ("salah ketik", "pertamnia", {"pertamina"}),
    ("salah ketik", "korupsu haji", {"korupsi"}),
    ("salah ketik", "pelantkan pejabat", {"lantik"}),
    ("salah ketik", "jembtan gantung", {"jembatan"}),
    ("salah ketik", "maraton peari", {"lari"}),
    ("salah ketik", "tembakau temangung", {"temanggung"}),
    ("salah ketik", "kesejahteraan nelyan", {"sejahtera"}),
    ("salah ketik", "pencurain motor", {"curi"}),
    # Stopwords among the words: they neither rank nor narrow.
    ("kata umum", "korupsi kuota haji di jogja", {"korupsi"}),
    ("kata umum", "banjir di desa karanganyar", {"banjir"}),
    ("kata umum", "harga sayur yang naik", {"sayur"}),
    ("kata umum", "pohon di lereng gunung", {"tanam"}),
    ("kata umum", "pencurian motor di parkiran", {"curi"}),
    ("kata umum", "bantuan untuk korban longsor", {"kirim"}),
    ("kata umum", "manasik haji di jogja", {"jemaah"}),
    ("kata umum", "pasar murah dari pemerintah kabupaten", {"warga3"}),
    ("kata umum", "jembatan di kediri", {"kediri"}),
    ("kata umum", "gotong royong warga dan kepala desa", {"warga1"}),
]
