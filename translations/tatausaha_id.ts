<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="id">
<context>
    <name>ContentText</name>
    <message>
        <source>Berita</source>
        <translation>Berita</translation>
    </message>
    <message>
        <source>Pengumuman</source>
        <translation>Pengumuman</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Guru</source>
        <translation>Guru</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Fasilitas</translation>
    </message>
    <message>
        <source>Ekstrakurikuler</source>
        <translation>Ekstrakurikuler</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu terbit</source>
        <translation>Waktu terbit</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Isi berita</source>
        <translation>Isi berita</translation>
    </message>
    <message>
        <source>Gambar</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Tampil mulai</source>
        <translation>Tampil mulai</translation>
    </message>
    <message>
        <source>Tampil sampai</source>
        <translation>Tampil sampai</translation>
    </message>
    <message>
        <source>Isi pengumuman</source>
        <translation>Isi pengumuman</translation>
    </message>
    <message>
        <source>Tanggal mulai</source>
        <translation>Tanggal mulai</translation>
    </message>
    <message>
        <source>Tanggal selesai</source>
        <translation>Tanggal selesai</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>NUPTK</source>
        <translation>NUPTK</translation>
    </message>
    <message>
        <source>Mata pelajaran</source>
        <translation>Mata pelajaran</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Deskripsi</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>Pembina</source>
        <translation>Pembina</translation>
    </message>
    <message>
        <source>mis. Prestasi, Kegiatan</source>
        <translation>mis. Prestasi, Kegiatan</translation>
    </message>
    <message>
        <source>Nama lengkap dengan gelar</source>
        <translation>Nama lengkap dengan gelar</translation>
    </message>
    <message>
        <source>18 angka</source>
        <translation>18 angka</translation>
    </message>
    <message>
        <source>16 angka</source>
        <translation>16 angka</translation>
    </message>
    <message>
        <source>mis. Wali kelas VII-A</source>
        <translation>mis. Wali kelas VII-A</translation>
    </message>
    <message>
        <source>mis. Sabtu 08.00–10.00</source>
        <translation>mis. Sabtu 08.00–10.00</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Terbit</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Rendah</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <source>Sedang</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <source>Tinggi</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Akademik</source>
        <translation>Akademik</translation>
    </message>
    <message>
        <source>Ujian</source>
        <translation>Ujian</translation>
    </message>
    <message>
        <source>Libur</source>
        <translation>Libur</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Pengguna &amp; sesi</source>
        <translation>Pengguna &amp; sesi</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Tahun ajaran</translation>
    </message>
    <message>
        <source>PPDB</source>
        <translation>PPDB</translation>
    </message>
    <message>
        <source>Konten sekolah</source>
        <translation>Konten sekolah</translation>
    </message>
    <message>
        <source>Karya siswa</source>
        <translation>Karya siswa</translation>
    </message>
    <message>
        <source>Sinkronisasi Dapodik</source>
        <translation>Sinkronisasi Dapodik</translation>
    </message>
    <message>
        <source>Satu Data</source>
        <translation>Satu Data</translation>
    </message>
    <message>
        <source>Tulisan</source>
        <translation>Tulisan</translation>
    </message>
    <message>
        <source>Seni</source>
        <translation>Seni</translation>
    </message>
    <message>
        <source>Sains</source>
        <translation>Sains</translation>
    </message>
    <message>
        <source>Teknologi</source>
        <translation>Teknologi</translation>
    </message>
    <message>
        <source>Olahraga</source>
        <translation>Olahraga</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Mendaftar</source>
        <translation>Mendaftar</translation>
    </message>
    <message>
        <source>Mendaftar ulang</source>
        <translation>Mendaftar ulang</translation>
    </message>
    <message>
        <source>Ubah status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Unggah</source>
        <translation>Unggah</translation>
    </message>
    <message>
        <source>Tandai unggulan</source>
        <translation>Tandai unggulan</translation>
    </message>
    <message>
        <source>Lepas unggulan</source>
        <translation>Lepas unggulan</translation>
    </message>
    <message>
        <source>Sinkron: tambah</source>
        <translation>Sinkron: tambah</translation>
    </message>
    <message>
        <source>Sinkron: ubah</source>
        <translation>Sinkron: ubah</translation>
    </message>
    <message>
        <source>Sinkron: ke tempat sampah</source>
        <translation>Sinkron: ke tempat sampah</translation>
    </message>
    <message>
        <source>Sinkron dari SIAKAD</source>
        <translation>Sinkron dari SIAKAD</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Pendaftaran PPDB</source>
        <translation>Pendaftaran PPDB</translation>
    </message>
    <message>
        <source>Berkas Satu Data</source>
        <translation>Berkas Satu Data</translation>
    </message>
    <message>
        <source>Sinkronisasi Satu Data</source>
        <translation>Sinkronisasi Satu Data</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>PPDB</source>
        <translation>PPDB</translation>
    </message>
    <message>
        <source>Pendaftaran peserta didik baru: verifikasi berkas, status pendaftar, dan ekspor data.</source>
        <translation>Pendaftaran peserta didik baru: verifikasi berkas, status pendaftar, dan ekspor data.</translation>
    </message>
    <message>
        <source>Tahun Ajaran</source>
        <translation>Tahun Ajaran</translation>
    </message>
    <message>
        <source>Tahun ajaran dan periode pendaftaran, tetap selaras dengan SIAKAD.</source>
        <translation>Tahun ajaran dan periode pendaftaran, tetap selaras dengan SIAKAD.</translation>
    </message>
    <message>
        <source>Konten</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa untuk situs sekolah.</source>
        <translation>Berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa untuk situs sekolah.</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Tarik data wilayah, sekolah, dan PTK dari Dapodik dengan progres yang dapat dipantau.</source>
        <translation>Tarik data wilayah, sekolah, dan PTK dari Dapodik dengan progres yang dapat dipantau.</translation>
    </message>
    <message>
        <source>Satu Data</source>
        <translation>Satu Data</translation>
    </message>
    <message>
        <source>Unggah, verifikasi, dan kirim berkas data ke SPLP Satu Data Indonesia dan SIPD e-walidata.</source>
        <translation>Unggah, verifikasi, dan kirim berkas data ke SPLP Satu Data Indonesia dan SIPD e-walidata.</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</source>
        <translation>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</source>
        <translation>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</translation>
    </message>
    <message>
        <source>Data Dapodik</source>
        <translation>Data Dapodik</translation>
    </message>
    <message>
        <source>Sekolah dan PTK hasil sinkronisasi Dapodik: cari, saring per kecamatan, lihat yang nonaktif.</source>
        <translation>Sekolah dan PTK hasil sinkronisasi Dapodik: cari, saring per kecamatan, lihat yang nonaktif.</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Grafik PTK per kecamatan, status kepegawaian, jenis kelamin, dan pendaftar PPDB.</source>
        <translation>Grafik PTK per kecamatan, status kepegawaian, jenis kelamin, dan pendaftar PPDB.</translation>
    </message>
    <message>
        <source>Log Audit</source>
        <translation>Log Audit</translation>
    </message>
    <message>
        <source>Siapa mengubah apa dan kapan, dengan isi sebelum dan sesudah perubahan.</source>
        <translation>Siapa mengubah apa dan kapan, dengan isi sebelum dan sesudah perubahan.</translation>
    </message>
</context>
<context>
    <name>PageParts</name>
    <message>
        <source>Pencarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampilkan atau sembunyikan password</source>
        <translation type="unfinished">Tampilkan atau sembunyikan password</translation>
    </message>
    <message>
        <source>Kosongkan isian</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PpdbStatus</name>
    <message>
        <source>Menunggu</source>
        <translation type="unfinished">Menunggu</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation type="unfinished">Terverifikasi</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation type="unfinished">Diterima</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation type="unfinished">Ditolak</translation>
    </message>
</context>
<context>
    <name>ProofOfRegistration</name>
    <message>
        <source>Bukti Pendaftaran PPDB %1</source>
        <translation>Bukti Pendaftaran PPDB %1</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</source>
        <translation>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>BUKTI PENDAFTARAN PPDB</source>
        <translation>BUKTI PENDAFTARAN PPDB</translation>
    </message>
    <message>
        <source> · Tahun Ajaran %1</source>
        <translation> · Tahun Ajaran %1</translation>
    </message>
    <message>
        <source>Nomor pendaftaran</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Tempat, tanggal lahir</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Sekolah asal</translation>
    </message>
    <message>
        <source>Nama ayah / ibu</source>
        <translation>Nama ayah / ibu</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Waktu pendaftaran</source>
        <translation>Waktu pendaftaran</translation>
    </message>
    <message>
        <source>Simpan bukti ini dan bawa saat verifikasi berkas di sekolah. Status pendaftaran dapat dicek dengan nomor pendaftaran dan NISN. Dicetak %1.</source>
        <translation>Simpan bukti ini dan bawa saat verifikasi berkas di sekolah. Status pendaftaran dapat dicek dengan nomor pendaftaran dan NISN. Dicetak %1.</translation>
    </message>
    <message>
        <source>ID pendaftaran (untuk unggah dokumen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F4 / Folio (215 × 330 mm)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationListPrint</name>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor pendaftaran</source>
        <translation type="unfinished">Nomor pendaftaran</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation type="unfinished">NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation type="unfinished">Nama lengkap</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asal sekolah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation type="unfinished">Waktu daftar</translation>
    </message>
    <message>
        <source>Dicetak %1 · %2 pendaftar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Panitia PPDB</source>
        <translation>Panitia PPDB</translation>
    </message>
    <message>
        <source>Kesiswaan</source>
        <translation>Kesiswaan</translation>
    </message>
    <message>
        <source>OSIS</source>
        <translation>OSIS</translation>
    </message>
    <message>
        <source>Siswa</source>
        <translation>Siswa</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>URL SIAKAD</source>
        <translation type="unfinished">URL SIAKAD</translation>
    </message>
    <message>
        <source>mis. https://siakad.sekolah.sch.id</source>
        <translation type="unfinished">mis. https://siakad.sekolah.sch.id</translation>
    </message>
    <message>
        <source>API key SIAKAD</source>
        <translation type="unfinished">API key SIAKAD</translation>
    </message>
    <message>
        <source>WIB — Asia/Jakarta</source>
        <translation type="unfinished">WIB — Asia/Jakarta</translation>
    </message>
    <message>
        <source>WITA — Asia/Makassar</source>
        <translation type="unfinished">WITA — Asia/Makassar</translation>
    </message>
    <message>
        <source>WIT — Asia/Jayapura</source>
        <translation type="unfinished">WIT — Asia/Jayapura</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation type="unfinished">Nama sekolah</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation type="unfinished">Zona waktu</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation type="unfinished">Bahasa</translation>
    </message>
    <message>
        <source>Bahasa berlaku setelah aplikasi dimulai ulang.</source>
        <translation type="unfinished">Bahasa berlaku setelah aplikasi dimulai ulang.</translation>
    </message>
    <message>
        <source>Cadangan disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unggahan ditolak bila ruang kosong di folder data kurang dari ini (MB; 0 mematikan batas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation type="unfinished">Alamat</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation type="unfinished">Sekolah</translation>
    </message>
    <message>
        <source>Dapodik</source>
        <translation type="unfinished">Dapodik</translation>
    </message>
    <message>
        <source>Akun Dapodik pusat untuk sinkronisasi wilayah, sekolah, dan PTK.</source>
        <translation type="unfinished">Akun Dapodik pusat untuk sinkronisasi wilayah, sekolah, dan PTK.</translation>
    </message>
    <message>
        <source>Koneksi ke server upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berlaku untuk Dapodik, SIAKAD, SPLP, dan SIPD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server API</source>
        <translation type="unfinished">Server API</translation>
    </message>
    <message>
        <source>Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, dipakai juga oleh tatausaha-server.</source>
        <translation type="unfinished">Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, dipakai juga oleh tatausaha-server.</translation>
    </message>
    <message>
        <source>Integrasi SIAKAD</source>
        <translation type="unfinished">Integrasi SIAKAD</translation>
    </message>
    <message>
        <source>Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook.</source>
        <translation type="unfinished">Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook.</translation>
    </message>
    <message>
        <source>Satu Data (SPLP dan SIPD)</source>
        <translation type="unfinished">Satu Data (SPLP dan SIPD)</translation>
    </message>
    <message>
        <source>Alamat dasar SPLP Satu Data Indonesia dan SIPD e-walidata, API key bersama, dan jeda antar permintaan agar tidak terkena pembatasan.</source>
        <translation type="unfinished">Alamat dasar SPLP Satu Data Indonesia dan SIPD e-walidata, API key bersama, dan jeda antar permintaan agar tidak terkena pembatasan.</translation>
    </message>
    <message>
        <source>URL Dapodik</source>
        <translation type="unfinished">URL Dapodik</translation>
    </message>
    <message>
        <source>mis. https://dapodik.example.go.id</source>
        <translation type="unfinished">mis. https://dapodik.example.go.id</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished">Nama pengguna</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished">Kata sandi</translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished">API key</translation>
    </message>
    <message>
        <source>Kode kabupaten</source>
        <translation type="unfinished">Kode kabupaten</translation>
    </message>
    <message>
        <source>Permintaan paralel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proksi tepercaya</source>
        <translation type="unfinished">Proksi tepercaya</translation>
    </message>
    <message>
        <source>mis. 192.168.1.1, 10.0.0.0/8</source>
        <translation type="unfinished">mis. 192.168.1.1, 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Asal CORS</source>
        <translation type="unfinished">Asal CORS</translation>
    </message>
    <message>
        <source>mis. http://192.168.1.10:3000</source>
        <translation type="unfinished">mis. http://192.168.1.10:3000</translation>
    </message>
    <message>
        <source>Batas permintaan</source>
        <translation type="unfinished">Batas permintaan</translation>
    </message>
    <message>
        <source>kosong: bawaan · off: tanpa batas · mis. public=300,auth=10</source>
        <translation type="unfinished">kosong: bawaan · off: tanpa batas · mis. public=300,auth=10</translation>
    </message>
    <message>
        <source>Nama host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mis. sekolah.sch.id, .sekolah.sch.id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Koneksi per alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL SPLP</source>
        <translation type="unfinished">URL SPLP</translation>
    </message>
    <message>
        <source>mis. https://data.example.go.id</source>
        <translation type="unfinished">mis. https://data.example.go.id</translation>
    </message>
    <message>
        <source>URL SIPD</source>
        <translation type="unfinished">URL SIPD</translation>
    </message>
    <message>
        <source>mis. https://sipd.example.go.id</source>
        <translation type="unfinished">mis. https://sipd.example.go.id</translation>
    </message>
    <message>
        <source>Jeda permintaan</source>
        <translation type="unfinished">Jeda permintaan</translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"> ms</translation>
    </message>
    <message>
        <source>Batas waktu permintaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jeda coba ulang pertama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilipatduakan pada tiap percobaan berikutnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jawaban terbesar (MB)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TataUsaha tidak dapat dimulai</source>
        <translation>TataUsaha tidak dapat dimulai</translation>
    </message>
    <message>
        <source>Periksa folder data dan alamat database, lalu coba lagi.</source>
        <translation>Periksa folder data dan alamat database, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>tu::ui</name>
    <message>
        <source>Batal</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ada perubahan pada %1 yang belum disimpan. Simpan sekarang?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation type="unfinished">Simpan</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::ApiStatusLabel</name>
    <message>
        <source>Menyalakan server API…</source>
        <translation>Menyalakan server API…</translation>
    </message>
    <message>
        <source>Server API aktif di %1</source>
        <translation>Server API aktif di %1</translation>
    </message>
    <message>
        <source>Aplikasi web sekolah memanggil API di alamat ini.</source>
        <translation>Aplikasi web sekolah memanggil API di alamat ini.</translation>
    </message>
    <message>
        <source>Server API tidak berjalan: %1</source>
        <translation>Server API tidak berjalan: %1</translation>
    </message>
    <message>
        <source>Ubah alamat atau port di Pengaturan, lalu simpan untuk mencoba lagi.</source>
        <translation>Ubah alamat atau port di Pengaturan, lalu simpan untuk mencoba lagi.</translation>
    </message>
    <message>
        <source>Server API berhenti</source>
        <translation>Server API berhenti</translation>
    </message>
</context>
<context>
    <name>tu::ui::AuditPage</name>
    <message>
        <source>Log Audit</source>
        <translation>Log Audit</translation>
    </message>
    <message>
        <source>Setiap perubahan oleh pengguna yang masuk: siapa, kapan, apa, dan isinya sebelum serta sesudahnya.</source>
        <translation>Setiap perubahan oleh pengguna yang masuk: siapa, kapan, apa, dan isinya sebelum serta sesudahnya.</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Semua area</source>
        <translation>Semua area</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Batasi pada rentang tanggal (zona waktu sekolah)</source>
        <translation>Batasi pada rentang tanggal (zona waktu sekolah)</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>Semua pengguna</translation>
    </message>
    <message>
        <source>Tidak ada catatan untuk filter ini.</source>
        <translation>Tidak ada catatan untuk filter ini.</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Pilih catatan untuk melihat isinya sebelum dan sesudah perubahan.</source>
        <translation>Pilih catatan untuk melihat isinya sebelum dan sesudah perubahan.</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>sistem</translation>
    </message>
    <message>
        <source> dari %1</source>
        <translation> dari %1</translation>
    </message>
    <message>
        <source>Oleh %1.</source>
        <translation>Oleh %1.</translation>
    </message>
    <message>
        <source>Berubah: %1.</source>
        <translation>Berubah: %1.</translation>
    </message>
    <message>
        <source>(kosong: belum ada sebelumnya)</source>
        <translation>(kosong: belum ada sebelumnya)</translation>
    </message>
    <message>
        <source>(kosong: dihapus)</source>
        <translation>(kosong: dihapus)</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>Muat ulang log dan daftar pengguna (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::AuditTableModel</name>
    <message>
        <source>(sistem)</source>
        <translation>(sistem)</translation>
    </message>
    <message>
        <source>dari %1</source>
        <translation>dari %1</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Sasaran</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentEditor</name>
    <message>
        <source>Kosongkan: diambil otomatis dari awal isi berita.</source>
        <translation>Kosongkan: diambil otomatis dari awal isi berita.</translation>
    </message>
    <message>
        <source>Atur waktu</source>
        <translation>Atur waktu</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Tanpa waktu terbit, berita yang diterbitkan tampil saat itu juga.</source>
        <translation>Tanpa waktu terbit, berita yang diterbitkan tampil saat itu juga.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentMonthView</name>
    <message>
        <source>Agenda pada hari yang dipilih</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished">%1 – %2</translation>
    </message>
    <message>
        <source>Tidak ada agenda pada hari ini.</source>
        <translation type="unfinished">Tidak ada agenda pada hari ini.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentPage</name>
    <message>
        <source>Konten</source>
        <translation type="unfinished">Konten</translation>
    </message>
    <message>
        <source>Isi situs sekolah: berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa.</source>
        <translation type="unfinished">Isi situs sekolah: berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa.</translation>
    </message>
    <message>
        <source>Karya Siswa</source>
        <translation type="unfinished">Karya Siswa</translation>
    </message>
    <message>
        <source>Karya Saya</source>
        <translation type="unfinished">Karya Saya</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentTab</name>
    <message>
        <source>Cari %1…</source>
        <translation>Cari %1…</translation>
    </message>
    <message>
        <source>Semua %1</source>
        <translation>Semua %1</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>%1 baru (Ctrl+N)</source>
        <translation>%1 baru (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tampilan bulan</source>
        <translation>Tampilan bulan</translation>
    </message>
    <message>
        <source>Terbitkan</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>Simpan lalu tampilkan berita ini di situs sekolah</source>
        <translation>Simpan lalu tampilkan berita ini di situs sekolah</translation>
    </message>
    <message>
        <source>Jadikan draf</source>
        <translation>Jadikan draf</translation>
    </message>
    <message>
        <source>Sembunyikan berita ini dari situs sekolah</source>
        <translation>Sembunyikan berita ini dari situs sekolah</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Simpan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Tidak ada yang cocok.</source>
        <translation>Tidak ada yang cocok.</translation>
    </message>
    <message>
        <source>Belum ada %1.</source>
        <translation>Belum ada %1.</translation>
    </message>
    <message>
        <source>Agenda baru</source>
        <translation>Agenda baru</translation>
    </message>
    <message>
        <source>Ubah agenda</source>
        <translation>Ubah agenda</translation>
    </message>
    <message>
        <source>%1 baru</source>
        <translation>%1 baru</translation>
    </message>
    <message>
        <source>Ubah %1</source>
        <translation>Ubah %1</translation>
    </message>
    <message>
        <source>Tunggu sampai gambar selesai diunggah.</source>
        <translation>Tunggu sampai gambar selesai diunggah.</translation>
    </message>
    <message>
        <source>“%1” ditambahkan.</source>
        <translation>“%1” ditambahkan.</translation>
    </message>
    <message>
        <source>Perubahan “%1” disimpan.</source>
        <translation>Perubahan “%1” disimpan.</translation>
    </message>
    <message>
        <source>Hapus %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>Hapus “%1”? Tindakan ini tidak dapat dibatalkan; isinya tetap tercatat di log audit.</source>
        <translation>Hapus “%1”? Tindakan ini tidak dapat dibatalkan; isinya tetap tercatat di log audit.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>“%1” dihapus.</source>
        <translation>“%1” dihapus.</translation>
    </message>
    <message>
        <source>“%1” diterbitkan.</source>
        <translation>“%1” diterbitkan.</translation>
    </message>
    <message>
        <source>“%1” dijadikan draf dan tidak tampil di situs.</source>
        <translation>“%1” dijadikan draf dan tidak tampil di situs.</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setujui isian OSIS ini agar tampil di situs sekolah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” disetujui dan tampil di situs sekolah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang daftar (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentTableModel</name>
    <message>
        <source>Diperbarui</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source> · menunggu persetujuan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikDataPage</name>
    <message>
        <source>Data Dapodik</source>
        <translation>Data Dapodik</translation>
    </message>
    <message>
        <source>Sekolah dan PTK hasil sinkronisasi terakhir. Data yang sudah tidak ada di Dapodik tetap disimpan sebagai nonaktif.</source>
        <translation>Sekolah dan PTK hasil sinkronisasi terakhir. Data yang sudah tidak ada di Dapodik tetap disimpan sebagai nonaktif.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Muat ulang data dari database (F5)</source>
        <translation>Muat ulang data dari database (F5)</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>PTK</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>Tampilkan hanya data satu kecamatan</source>
        <translation>Tampilkan hanya data satu kecamatan</translation>
    </message>
    <message>
        <source>Tampilkan nonaktif</source>
        <translation>Tampilkan nonaktif</translation>
    </message>
    <message>
        <source>Tampilkan juga sekolah dan PTK yang sudah tidak ada di Dapodik (abu-abu)</source>
        <translation>Tampilkan juga sekolah dan PTK yang sudah tidak ada di Dapodik (abu-abu)</translation>
    </message>
    <message>
        <source>Gulir ke bawah untuk memuat data berikutnya.</source>
        <translation>Gulir ke bawah untuk memuat data berikutnya.</translation>
    </message>
    <message>
        <source>Cari nama sekolah atau NPSN…</source>
        <translation>Cari nama sekolah atau NPSN…</translation>
    </message>
    <message>
        <source>Cari nama, NIK, NUPTK atau NIP…</source>
        <translation>Cari nama, NIK, NUPTK atau NIP…</translation>
    </message>
    <message>
        <source>Tidak ada PTK yang cocok.</source>
        <translation>Tidak ada PTK yang cocok.</translation>
    </message>
    <message>
        <source>Tidak ada sekolah yang cocok.</source>
        <translation>Tidak ada sekolah yang cocok.</translation>
    </message>
    <message>
        <source>Belum ada data PTK. Jalankan sinkronisasi di halaman Sinkronisasi.</source>
        <translation>Belum ada data PTK. Jalankan sinkronisasi di halaman Sinkronisasi.</translation>
    </message>
    <message>
        <source>Belum ada data sekolah. Jalankan sinkronisasi di halaman Sinkronisasi.</source>
        <translation>Belum ada data sekolah. Jalankan sinkronisasi di halaman Sinkronisasi.</translation>
    </message>
    <message>
        <source>%1 dari %2 PTK ditampilkan</source>
        <translation>%1 dari %2 PTK ditampilkan</translation>
    </message>
    <message>
        <source>%1 dari %2 sekolah ditampilkan</source>
        <translation>%1 dari %2 sekolah ditampilkan</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikListModel</name>
    <message>
        <source>Tidak lagi ada di Dapodik sejak %1</source>
        <translation>Tidak lagi ada di Dapodik sejak %1</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>NPSN</source>
        <translation>NPSN</translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation>Nama sekolah</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Bentuk</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>PTK</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>NUPTK</source>
        <translation>NUPTK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Jenis PTK</source>
        <translation>Jenis PTK</translation>
    </message>
    <message>
        <source>Status kepegawaian</source>
        <translation>Status kepegawaian</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Sekolah</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncActions</name>
    <message>
        <source>Jalankan sinkronisasi</source>
        <translation>Jalankan sinkronisasi</translation>
    </message>
    <message>
        <source>Sinkronisasi global</source>
        <translation>Sinkronisasi global</translation>
    </message>
    <message>
        <source>Kecamatan, sekolah, lalu PTK seluruh kabupaten (Ctrl+G)</source>
        <translation>Kecamatan, sekolah, lalu PTK seluruh kabupaten (Ctrl+G)</translation>
    </message>
    <message>
        <source>Kecamatan → sekolah → PTK untuk seluruh kabupaten.</source>
        <translation>Kecamatan → sekolah → PTK untuk seluruh kabupaten.</translation>
    </message>
    <message>
        <source>Semua sekolah</source>
        <translation>Semua sekolah</translation>
    </message>
    <message>
        <source>Perbarui daftar sekolah semua kecamatan yang sudah tersimpan</source>
        <translation>Perbarui daftar sekolah semua kecamatan yang sudah tersimpan</translation>
    </message>
    <message>
        <source>Semua PTK</source>
        <translation>Semua PTK</translation>
    </message>
    <message>
        <source>Perbarui PTK semua sekolah yang sudah tersimpan</source>
        <translation>Perbarui PTK semua sekolah yang sudah tersimpan</translation>
    </message>
    <message>
        <source>Per kecamatan</source>
        <translation>Per kecamatan</translation>
    </message>
    <message>
        <source>Pilih semua</source>
        <translation>Pilih semua</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Centang kecamatan yang ingin disinkronkan (Spasi mencentang)</source>
        <translation>Centang kecamatan yang ingin disinkronkan (Spasi mencentang)</translation>
    </message>
    <message>
        <source>Daftar kecamatan muncul setelah sinkronisasi global pertama.</source>
        <translation>Daftar kecamatan muncul setelah sinkronisasi global pertama.</translation>
    </message>
    <message>
        <source>Sinkronkan kecamatan terpilih</source>
        <translation>Sinkronkan kecamatan terpilih</translation>
    </message>
    <message>
        <source>Satu PTK</source>
        <translation>Satu PTK</translation>
    </message>
    <message>
        <source>NIK (16 angka)</source>
        <translation>NIK (16 angka)</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>NPSN</source>
        <translation>NPSN</translation>
    </message>
    <message>
        <source>Sinkronkan PTK</source>
        <translation>Sinkronkan PTK</translation>
    </message>
    <message numerus="yes">
        <source>Sinkronkan %n kecamatan terpilih</source>
        <translation>
            <numerusform>Sinkronkan %n kecamatan terpilih</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sekolah aktif</source>
        <translation>
            <numerusform>%n sekolah aktif</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncHistoryModel</name>
    <message>
        <source>Global</source>
        <translation type="unfinished">Global</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation type="unfinished">Kecamatan</translation>
    </message>
    <message>
        <source>Semua sekolah</source>
        <translation type="unfinished">Semua sekolah</translation>
    </message>
    <message>
        <source>Semua PTK</source>
        <translation type="unfinished">Semua PTK</translation>
    </message>
    <message>
        <source>Satu PTK</source>
        <translation type="unfinished">Satu PTK</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation type="unfinished">Berhasil</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation type="unfinished">Gagal</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation type="unfinished">Dibatalkan</translation>
    </message>
    <message>
        <source>Berjalan</source>
        <translation type="unfinished">Berjalan</translation>
    </message>
    <message>
        <source>Terputus</source>
        <translation type="unfinished">Terputus</translation>
    </message>
    <message>
        <source>%1 kecamatan</source>
        <translation type="unfinished">%1 kecamatan</translation>
    </message>
    <message>
        <source>%1 sekolah</source>
        <translation type="unfinished">%1 sekolah</translation>
    </message>
    <message>
        <source>%1 PTK</source>
        <translation type="unfinished">%1 PTK</translation>
    </message>
    <message>
        <source>%1 nonaktif</source>
        <translation type="unfinished">%1 nonaktif</translation>
    </message>
    <message>
        <source>%1 galat</source>
        <translation type="unfinished">%1 galat</translation>
    </message>
    <message>
        <source> (lanjutan)</source>
        <translation type="unfinished"> (lanjutan)</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation type="unfinished">Mulai</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation type="unfinished">Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation type="unfinished">Hasil</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation type="unfinished">Oleh</translation>
    </message>
    <message>
        <source>Durasi</source>
        <translation type="unfinished">Durasi</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncPage</name>
    <message>
        <source>Sinkronisasi global</source>
        <translation type="unfinished">Sinkronisasi global</translation>
    </message>
    <message>
        <source>Sinkronisasi kecamatan</source>
        <translation type="unfinished">Sinkronisasi kecamatan</translation>
    </message>
    <message>
        <source>Sinkronisasi semua sekolah</source>
        <translation type="unfinished">Sinkronisasi semua sekolah</translation>
    </message>
    <message>
        <source>Sinkronisasi semua PTK</source>
        <translation type="unfinished">Sinkronisasi semua PTK</translation>
    </message>
    <message>
        <source>Sinkronisasi satu PTK</source>
        <translation type="unfinished">Sinkronisasi satu PTK</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation type="unfinished">Sinkronisasi</translation>
    </message>
    <message>
        <source>Sinkronisasi Dapodik</source>
        <translation type="unfinished">Sinkronisasi Dapodik</translation>
    </message>
    <message>
        <source>Tarik data wilayah, sekolah, dan PTK dari Dapodik. Sinkronisasi berjalan di latar belakang; halaman lain tetap bisa dipakai.</source>
        <translation type="unfinished">Tarik data wilayah, sekolah, dan PTK dari Dapodik. Sinkronisasi berjalan di latar belakang; halaman lain tetap bisa dipakai.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished">Muat ulang</translation>
    </message>
    <message>
        <source>Muat ulang status dan riwayat (F5)</source>
        <translation type="unfinished">Muat ulang status dan riwayat (F5)</translation>
    </message>
    <message>
        <source>Tidak ada sinkronisasi yang berjalan</source>
        <translation type="unfinished">Tidak ada sinkronisasi yang berjalan</translation>
    </message>
    <message>
        <source>Pilih salah satu sinkronisasi di sebelah kiri. Progresnya tampil di sini.</source>
        <translation type="unfinished">Pilih salah satu sinkronisasi di sebelah kiri. Progresnya tampil di sini.</translation>
    </message>
    <message>
        <source>Sinkron global terakhir</source>
        <translation type="unfinished">Sinkron global terakhir</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <source>Data lokal</source>
        <translation type="unfinished">Data lokal</translation>
    </message>
    <message>
        <source>Keseluruhan</source>
        <translation type="unfinished">Keseluruhan</translation>
    </message>
    <message>
        <source>Kecamatan saat ini</source>
        <translation type="unfinished">Kecamatan saat ini</translation>
    </message>
    <message>
        <source>Hentikan sinkronisasi; data yang sudah tersimpan tetap ada</source>
        <translation type="unfinished">Hentikan sinkronisasi; data yang sudah tersimpan tetap ada</translation>
    </message>
    <message>
        <source>Log langsung</source>
        <translation type="unfinished">Log langsung</translation>
    </message>
    <message>
        <source>Pesan sinkronisasi muncul di sini saat berjalan.</source>
        <translation type="unfinished">Pesan sinkronisasi muncul di sini saat berjalan.</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation type="unfinished">Riwayat</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation type="unfinished">Memulai…</translation>
    </message>
    <message>
        <source>Centang paling sedikit satu kecamatan.</source>
        <translation type="unfinished">Centang paling sedikit satu kecamatan.</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation type="unfinished">Menyinkronkan…</translation>
    </message>
    <message>
        <source>Sinkronkan PTK</source>
        <translation type="unfinished">Sinkronkan PTK</translation>
    </message>
    <message>
        <source>Sync detail %1 berhasil!</source>
        <translation type="unfinished">Sync detail %1 berhasil!</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu permintaan yang sedang berjalan selesai.</source>
        <translation type="unfinished">Membatalkan… menunggu permintaan yang sedang berjalan selesai.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation type="unfinished">Membatalkan…</translation>
    </message>
    <message>
        <source>Sedang berjalan</source>
        <translation type="unfinished">Sedang berjalan</translation>
    </message>
    <message>
        <source>Kecamatan %1 dari %2</source>
        <translation type="unfinished">Kecamatan %1 dari %2</translation>
    </message>
    <message>
        <source>%1 selesai.</source>
        <translation type="unfinished">%1 selesai.</translation>
    </message>
    <message>
        <source>%1 PTK</source>
        <translation type="unfinished">%1 PTK</translation>
    </message>
    <message>
        <source>%1 kecamatan · %2 sekolah</source>
        <translation type="unfinished">%1 kecamatan · %2 sekolah</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished">%1 · %2</translation>
    </message>
    <message>
        <source>Siap</source>
        <translation type="unfinished">Siap</translation>
    </message>
    <message>
        <source>Belum ada sinkronisasi.</source>
        <translation type="unfinished">Belum ada sinkronisasi.</translation>
    </message>
    <message>
        <source>Belum pernah</source>
        <translation type="unfinished">Belum pernah</translation>
    </message>
    <message>
        <source>Jalankan sinkronisasi global pertama.</source>
        <translation type="unfinished">Jalankan sinkronisasi global pertama.</translation>
    </message>
    <message>
        <source>Sinkronisasi global sedang berlangsung.</source>
        <translation type="unfinished">Sinkronisasi global sedang berlangsung.</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation type="unfinished">Dibatalkan</translation>
    </message>
    <message>
        <source>Dihentikan; jalankan lagi untuk melanjutkan.</source>
        <translation type="unfinished">Dihentikan; jalankan lagi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation type="unfinished">Gagal</translation>
    </message>
    <message>
        <source>Berhasil, data lengkap.</source>
        <translation type="unfinished">Berhasil, data lengkap.</translation>
    </message>
</context>
<context>
    <name>tu::ui::DashboardPage</name>
    <message>
        <source>Dasbor</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Ringkasan data Dapodik kabupaten dan pendaftar PPDB. Diperbarui setiap kali sinkronisasi selesai.</source>
        <translation>Ringkasan data Dapodik kabupaten dan pendaftar PPDB. Diperbarui setiap kali sinkronisasi selesai.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Muat ulang angka dan grafik (F5)</source>
        <translation>Muat ulang angka dan grafik (F5)</translation>
    </message>
    <message>
        <source>Belum ada data Dapodik. Jalankan sinkronisasi global di halaman Sinkronisasi untuk mengisi dasbor.</source>
        <translation>Belum ada data Dapodik. Jalankan sinkronisasi global di halaman Sinkronisasi untuk mengisi dasbor.</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>PTK</translation>
    </message>
    <message>
        <source>Pendaftar PPDB</source>
        <translation>Pendaftar PPDB</translation>
    </message>
    <message>
        <source>PTK per kecamatan</source>
        <translation>PTK per kecamatan</translation>
    </message>
    <message>
        <source>PTK aktif di sekolah tiap kecamatan</source>
        <translation>PTK aktif di sekolah tiap kecamatan</translation>
    </message>
    <message>
        <source>Status kepegawaian</source>
        <translation>Status kepegawaian</translation>
    </message>
    <message>
        <source>PTK aktif</source>
        <translation>PTK aktif</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Pendaftar PPDB per status</source>
        <translation>Pendaftar PPDB per status</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif</source>
        <translation>Tahun ajaran aktif</translation>
    </message>
    <message>
        <source>aktif di Dapodik</source>
        <translation>aktif di Dapodik</translation>
    </message>
    <message>
        <source>%1 guru · %2 tenaga kependidikan</source>
        <translation>%1 guru · %2 tenaga kependidikan</translation>
    </message>
    <message>
        <source>%1 diterima · %2 menunggu</source>
        <translation>%1 diterima · %2 menunggu</translation>
    </message>
    <message>
        <source>Pendaftar</source>
        <translation>Pendaftar</translation>
    </message>
</context>
<context>
    <name>tu::ui::FirstRunDialog</name>
    <message>
        <source>Penyiapan awal — TataUsaha</source>
        <translation>Penyiapan awal — TataUsaha</translation>
    </message>
    <message>
        <source>Selamat datang di TataUsaha</source>
        <translation>Selamat datang di TataUsaha</translation>
    </message>
    <message>
        <source>Belum ada akun. Buat akun admin pertama; dengan akun ini Anda dapat menambahkan pengguna lain.</source>
        <translation>Belum ada akun. Buat akun admin pertama; dengan akun ini Anda dapat menambahkan pengguna lain.</translation>
    </message>
    <message>
        <source>Akun admin pertama selalu bernama admin.</source>
        <translation>Akun admin pertama selalu bernama admin.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>minimal 8 karakter</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi password</source>
        <translation>&amp;Ulangi password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Buat akun admin</source>
        <translation>Buat akun admin</translation>
    </message>
    <message>
        <source>Kedua password tidak sama. Ketik ulang.</source>
        <translation>Kedua password tidak sama. Ketik ulang.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ImagePicker</name>
    <message>
        <source>Pilih gambar…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <source>Hapus gambar</source>
        <translation>Hapus gambar</translation>
    </message>
    <message>
        <source>Belum ada gambar</source>
        <translation>Belum ada gambar</translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia</source>
        <translation>Pratinjau tidak tersedia</translation>
    </message>
    <message>
        <source>Pilih gambar</source>
        <translation>Pilih gambar</translation>
    </message>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Mengunggah…</source>
        <translation>Mengunggah…</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat dibuka.</source>
        <translation>Berkas %1 tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Mengunggah gambar…</source>
        <translation>Mengunggah gambar…</translation>
    </message>
    <message>
        <source>JPEG, PNG atau WebP, paling besar 5 MB.</source>
        <translation>JPEG, PNG atau WebP, paling besar 5 MB.</translation>
    </message>
</context>
<context>
    <name>tu::ui::JobProgressPanel</name>
    <message>
        <source>Sisa ± %1 detik</source>
        <translation>Sisa ± %1 detik</translation>
    </message>
    <message numerus="yes">
        <source>Sisa ± %n menit</source>
        <translation>
            <numerusform>Sisa ± %n menit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sisa ± %n jam</source>
        <translation>
            <numerusform>Sisa ± %n jam</numerusform>
        </translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Berjalan %1 · %2</source>
        <translation>Berjalan %1 · %2</translation>
    </message>
    <message>
        <source>menghitung sisa waktu…</source>
        <translation>menghitung sisa waktu…</translation>
    </message>
    <message>
        <source>Dihentikan setelah %1</source>
        <translation>Dihentikan setelah %1</translation>
    </message>
    <message>
        <source>Selesai dalam %1</source>
        <translation>Selesai dalam %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::LiveList</name>
    <message>
        <source>Memuat data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::LoginDialog</name>
    <message>
        <source>Masuk — TataUsaha</source>
        <translation>Masuk — TataUsaha</translation>
    </message>
    <message>
        <source>Masuk ke TataUsaha</source>
        <translation>Masuk ke TataUsaha</translation>
    </message>
    <message>
        <source>mis. admin</source>
        <translation>mis. admin</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Ketik angka pada gambar</source>
        <translation>Ketik angka pada gambar</translation>
    </message>
    <message>
        <source>&amp;Kode captcha</source>
        <translation>&amp;Kode captcha</translation>
    </message>
    <message>
        <source>Muat captcha baru</source>
        <translation>Muat captcha baru</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>tu::ui::MainWindow</name>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Administrasi sekolah</source>
        <translation>Administrasi sekolah</translation>
    </message>
    <message>
        <source>MENU</source>
        <translation>MENU</translation>
    </message>
    <message>
        <source>Versi %1</source>
        <translation>Versi %1</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Keluar dari akun ini (Ctrl+Shift+L)</source>
        <translation>Keluar dari akun ini (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Keluar akun</source>
        <translation>&amp;Keluar akun</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Tutup aplikasi</translation>
    </message>
    <message>
        <source>B&amp;uka</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <source>Ban&amp;tuan</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>&amp;Tentang TataUsaha</source>
        <translation>&amp;Tentang TataUsaha</translation>
    </message>
    <message>
        <source>%1 — TataUsaha</source>
        <translation>%1 — TataUsaha</translation>
    </message>
    <message>
        <source>Tentang TataUsaha</source>
        <translation>Tentang TataUsaha</translation>
    </message>
    <message>
        <source>&lt;b&gt;TataUsaha %1&lt;/b&gt;&lt;br&gt;Administrasi tata usaha SMP: PPDB, tahun ajaran, konten sekolah, pengguna, serta pertukaran data dengan Dapodik, SPLP Satu Data Indonesia, dan SIPD.</source>
        <translation>&lt;b&gt;TataUsaha %1&lt;/b&gt;&lt;br&gt;Administrasi tata usaha SMP: PPDB, tahun ajaran, konten sekolah, pengguna, serta pertukaran data dengan Dapodik, SPLP Satu Data Indonesia, dan SIPD.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Sinkronisasi masih berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinkronisasi masih berjalan. Hentikan sekarang (data yang sudah masuk tetap tersimpan), atau tunggu sampai selesai lalu tutup aplikasi?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hentikan lalu tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunggu, lalu tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>Aplikasi ditutup setelah sinkronisasi selesai.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::MessageBanner</name>
    <message>
        <source>Tutup pesan</source>
        <translation>Tutup pesan</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batalkan perubahan yang baru saja dilakukan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::PageParts</name>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished">Muat ulang</translation>
    </message>
</context>
<context>
    <name>tu::ui::Pager</name>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <source>Halaman sebelumnya</source>
        <translation>Halaman sebelumnya</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <source>Halaman berikutnya</source>
        <translation>Halaman berikutnya</translation>
    </message>
    <message>
        <source>%1–%2 dari %3</source>
        <translation>%1–%2 dari %3</translation>
    </message>
    <message>
        <source>Halaman %1 dari %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
</context>
<context>
    <name>tu::ui::PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Reset password %1</source>
        <translation>Reset password %1</translation>
    </message>
    <message>
        <source>Pengguna %1 akan keluar dari semua sesi dan login dengan password baru ini.</source>
        <translation>Pengguna %1 akan keluar dari semua sesi dan login dengan password baru ini.</translation>
    </message>
    <message>
        <source>Password baru</source>
        <translation>Password baru</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Simpan password</source>
        <translation>Simpan password</translation>
    </message>
    <message>
        <source>password baru %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::PlaceholderPage</name>
    <message>
        <source>Segera hadir</source>
        <translation>Segera hadir</translation>
    </message>
    <message>
        <source>Modul %1 sedang disiapkan</source>
        <translation>Modul %1 sedang disiapkan</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbDetailDialog</name>
    <message>
        <source>Verifikasi</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Pas foto</source>
        <translation>Pas foto</translation>
    </message>
    <message>
        <source>Ijazah / SKL</source>
        <translation>Ijazah / SKL</translation>
    </message>
    <message>
        <source>Kartu Keluarga</source>
        <translation>Kartu Keluarga</translation>
    </message>
    <message>
        <source>Akta kelahiran</source>
        <translation>Akta kelahiran</translation>
    </message>
    <message>
        <source>Detail pendaftaran</source>
        <translation>Detail pendaftaran</translation>
    </message>
    <message>
        <source>Data calon siswa</source>
        <translation>Data calon siswa</translation>
    </message>
    <message>
        <source>Orang tua dan kontak</source>
        <translation>Orang tua dan kontak</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Sekolah asal</translation>
    </message>
    <message>
        <source>Nama ayah</source>
        <translation>Nama ayah</translation>
    </message>
    <message>
        <source>HP ayah</source>
        <translation>HP ayah</translation>
    </message>
    <message>
        <source>Nama ibu</source>
        <translation>Nama ibu</translation>
    </message>
    <message>
        <source>HP ibu</source>
        <translation>HP ibu</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Cara daftar</source>
        <translation>Cara daftar</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation>Waktu daftar</translation>
    </message>
    <message>
        <source>Terakhir diubah</source>
        <translation>Terakhir diubah</translation>
    </message>
    <message>
        <source>Daftar ulang</source>
        <translation>Daftar ulang</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Buka dokumen</source>
        <translation>Buka dokumen</translation>
    </message>
    <message>
        <source>Cetak Bukti Pendaftaran</source>
        <translation>Cetak Bukti Pendaftaran</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Dokumen tidak dapat dibuka. Berkas tersimpan di %1.</source>
        <translation>Dokumen tidak dapat dibuka. Berkas tersimpan di %1.</translation>
    </message>
    <message>
        <source>%1 · NISN %2</source>
        <translation>%1 · NISN %2</translation>
    </message>
    <message>
        <source>Catatan: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Langsung di sekolah</source>
        <translation>Langsung di sekolah</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Daring</translation>
    </message>
    <message>
        <source>Belum pernah</source>
        <translation>Belum pernah</translation>
    </message>
    <message numerus="yes">
        <source>%n kali</source>
        <translation>
            <numerusform>%n kali</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 (%3 KB)%4</source>
        <translation>%1 — %2 (%3 KB)%4</translation>
    </message>
    <message>
        <source> · versi lama</source>
        <translation> · versi lama</translation>
    </message>
    <message>
        <source>Belum ada dokumen yang diunggah.
Calon siswa mengunggah pas foto, ijazah, KK dan akta melalui formulir daring.</source>
        <translation>Belum ada dokumen yang diunggah.
Calon siswa mengunggah pas foto, ijazah, KK dan akta melalui formulir daring.</translation>
    </message>
    <message>
        <source>%1 berupa PDF.
Tekan &quot;Buka dokumen&quot; untuk melihatnya.</source>
        <translation>%1 berupa PDF.
Tekan &quot;Buka dokumen&quot; untuk melihatnya.</translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia.</source>
        <translation>Pratinjau tidak tersedia.</translation>
    </message>
    <message>
        <source>Status %1 sekarang %2.</source>
        <translation>Status %1 sekarang %2.</translation>
    </message>
    <message>
        <source>Bukti pendaftaran disimpan di %1.</source>
        <translation>Bukti pendaftaran disimpan di %1.</translation>
    </message>
    <message>
        <source>Simpan bukti pendaftaran</source>
        <translation>Simpan bukti pendaftaran</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;A4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;F4 / Folio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan sebagai &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau cetak: bukti pendaftaran %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bukti Pendaftaran %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbPage</name>
    <message>
        <source>PPDB</source>
        <translation>PPDB</translation>
    </message>
    <message>
        <source>Penerimaan peserta didik baru: periksa berkas, verifikasi dan umumkan hasilnya.</source>
        <translation>Penerimaan peserta didik baru: periksa berkas, verifikasi dan umumkan hasilnya.</translation>
    </message>
    <message>
        <source>Ekspor Excel</source>
        <translation>Ekspor Excel</translation>
    </message>
    <message>
        <source>Pendaftaran langsung</source>
        <translation>Pendaftaran langsung</translation>
    </message>
    <message>
        <source>Daftarkan calon siswa yang datang ke sekolah (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari nama, NISN atau nomor…</source>
        <translation>Cari nama, NISN atau nomor…</translation>
    </message>
    <message>
        <source>Daftar pendaftaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lihat detail…</source>
        <translation>Lihat detail…</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Belum ada pendaftaran.</source>
        <translation>Belum ada pendaftaran.</translation>
    </message>
    <message>
        <source>Tidak ada pendaftaran yang cocok.</source>
        <translation>Tidak ada pendaftaran yang cocok.</translation>
    </message>
    <message>
        <source>Pendaftaran %1 tersimpan dengan nomor %2. Cetak bukti pendaftaran dari detailnya.</source>
        <translation>Pendaftaran %1 tersimpan dengan nomor %2. Cetak bukti pendaftaran dari detailnya.</translation>
    </message>
    <message>
        <source>Ekspor pendaftaran PPDB</source>
        <translation>Ekspor pendaftaran PPDB</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Menyiapkan berkas Excel…</source>
        <translation>Menyiapkan berkas Excel…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan.</source>
        <translation>Ekspor dibatalkan.</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</source>
        <translation>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</translation>
    </message>
    <message>
        <source>Data PPDB diekspor ke %1.</source>
        <translation>Data PPDB diekspor ke %1.</translation>
    </message>
    <message>
        <source>Ada pendaftaran langsung yang belum disimpan (%1). Buka &quot;Pendaftaran langsung&quot; untuk melanjutkannya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draf pendaftaran langsung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ada pendaftaran langsung yang belum disimpan%1. Lanjutkan mengisinya? Bila tidak, draf itu dibuang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanjutkan draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang daftar pendaftaran (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak daftar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak daftar pendaftar tab ini dengan pratinjau; tab Diterima mencetak pengumuman (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;A4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;F4 / Folio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengumuman hasil PPDB: calon siswa yang diterima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar pendaftar PPDB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar pendaftar PPDB: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pratinjau cetak: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbStatusDialog</name>
    <message>
        <source>%1 pendaftaran</source>
        <translation>%1 pendaftaran</translation>
    </message>
    <message>
        <source>%1 pendaftaran %2</source>
        <translation>%1 pendaftaran %2</translation>
    </message>
    <message>
        <source>Berkas %1 sudah diperiksa dan sesuai. Catatan bersifat opsional.</source>
        <translation>Berkas %1 sudah diperiksa dan sesuai. Catatan bersifat opsional.</translation>
    </message>
    <message>
        <source>%1 diterima sebagai calon siswa baru. Catatan bersifat opsional.</source>
        <translation>%1 diterima sebagai calon siswa baru. Catatan bersifat opsional.</translation>
    </message>
    <message>
        <source>Pendaftaran %1 ditolak. Tuliskan alasannya agar calon siswa tahu apa yang harus diperbaiki.</source>
        <translation>Pendaftaran %1 ditolak. Tuliskan alasannya agar calon siswa tahu apa yang harus diperbaiki.</translation>
    </message>
    <message>
        <source>Alasan penolakan (wajib)</source>
        <translation>Alasan penolakan (wajib)</translation>
    </message>
    <message>
        <source>Catatan (opsional)</source>
        <translation>Catatan (opsional)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Alasan penolakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Sekolah asal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation>Waktu daftar</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbWalkInDialog</name>
    <message>
        <source>Pendaftaran langsung</source>
        <translation>Pendaftaran langsung</translation>
    </message>
    <message>
        <source>Pendaftaran langsung di sekolah</source>
        <translation>Pendaftaran langsung di sekolah</translation>
    </message>
    <message>
        <source>Untuk calon siswa yang datang ke kantor tata usaha. Isi sesuai dokumen asli; nomor pendaftaran dibuat otomatis setelah disimpan.</source>
        <translation>Untuk calon siswa yang datang ke kantor tata usaha. Isi sesuai dokumen asli; nomor pendaftaran dibuat otomatis setelah disimpan.</translation>
    </message>
    <message>
        <source>Data calon siswa</source>
        <translation>Data calon siswa</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>10 angka</source>
        <translation>10 angka</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>sesuai akta kelahiran</source>
        <translation>sesuai akta kelahiran</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Agama</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Sekolah asal</translation>
    </message>
    <message>
        <source>mis. SD Negeri 1 Depok</source>
        <translation>mis. SD Negeri 1 Depok</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>jalan, RT/RW, dusun/desa</source>
        <translation>jalan, RT/RW, dusun/desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>5 angka</source>
        <translation>5 angka</translation>
    </message>
    <message>
        <source>Orang tua</source>
        <translation>Orang tua</translation>
    </message>
    <message>
        <source>Nama ayah</source>
        <translation>Nama ayah</translation>
    </message>
    <message>
        <source>HP ayah</source>
        <translation>HP ayah</translation>
    </message>
    <message>
        <source>081234567890</source>
        <translation>081234567890</translation>
    </message>
    <message>
        <source>Nama ibu</source>
        <translation>Nama ibu</translation>
    </message>
    <message>
        <source>HP ibu</source>
        <translation>HP ibu</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>nomor yang aktif untuk dihubungi</source>
        <translation>nomor yang aktif untuk dihubungi</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>nama@contoh.id</source>
        <translation>nama@contoh.id</translation>
    </message>
    <message>
        <source>Simpan pendaftaran</source>
        <translation>Simpan pendaftaran</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>formulir pendaftaran</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::RichTextEditor</name>
    <message>
        <source>Sisipkan tautan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ubah tautan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat tautan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lepas tautan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>Pasang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat tautan harus diawali http://, https://, atau mailto:. Periksa lalu coba lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tebal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Miring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garis bawah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judul</source>
        <translation type="unfinished">Judul</translation>
    </message>
    <message>
        <source>Paragraf biasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subjudul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar berpoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daftar bernomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tautan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hapus format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunting sebagai HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isi ini memuat tabel, gambar, atau kutipan yang tidak dapat disunting di sini tanpa hilang, jadi isinya disimpan apa adanya. Untuk mengubahnya, pilih Sunting sebagai HTML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML isi ini. Tag di luar yang diizinkan (paragraf, judul, daftar, tebal, miring, tautan, tabel, gambar) dibuang saat disimpan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataConflictDialog</name>
    <message>
        <source>Konflik data</source>
        <translation>Konflik data</translation>
    </message>
    <message>
        <source>Konflik dengan %1</source>
        <translation>Konflik dengan %1</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>Versi lokal (TataUsaha)</source>
        <translation>Versi lokal (TataUsaha)</translation>
    </message>
    <message>
        <source>Versi portal</source>
        <translation>Versi portal</translation>
    </message>
    <message>
        <source>Pakai versi lokal</source>
        <translation>Pakai versi lokal</translation>
    </message>
    <message>
        <source>Kirim ulang versi TataUsaha dan timpa perubahan di portal</source>
        <translation>Kirim ulang versi TataUsaha dan timpa perubahan di portal</translation>
    </message>
    <message>
        <source>Pakai versi portal</source>
        <translation>Pakai versi portal</translation>
    </message>
    <message>
        <source>Ambil judul dan deskripsi dari portal ke berkas ini</source>
        <translation>Ambil judul dan deskripsi dari portal ke berkas ini</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Ditemukan %1</source>
        <translation>Ditemukan %1</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Deskripsi</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Dataset di portal diubah orang lain sejak kiriman terakhir kita, dan berkas di sini juga berubah. Pilih versi yang dipakai; bagian yang berbeda ditandai.</source>
        <translation>Dataset di portal diubah orang lain sejak kiriman terakhir kita, dan berkas di sini juga berubah. Pilih versi yang dipakai; bagian yang berbeda ditandai.</translation>
    </message>
    <message>
        <source>Jumlah baris</source>
        <translation>Jumlah baris</translation>
    </message>
    <message>
        <source>Terakhir diubah</source>
        <translation>Terakhir diubah</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataFileModel</name>
    <message>
        <source>Belum pernah</source>
        <translation>Belum pernah</translation>
    </message>
    <message>
        <source>Tersinkron</source>
        <translation>Tersinkron</translation>
    </message>
    <message>
        <source>Tersinkron %1</source>
        <translation>Tersinkron %1</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Gagal (%1)</source>
        <translation>Gagal (%1)</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Belum</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Berkas: %1</source>
        <translation>Berkas: %1</translation>
    </message>
    <message>
        <source>Diverifikasi oleh %1, %2</source>
        <translation>Diverifikasi oleh %1, %2</translation>
    </message>
    <message>
        <source>Belum diverifikasi admin: tidak ikut dikirim.</source>
        <translation>Belum diverifikasi admin: tidak ikut dikirim.</translation>
    </message>
    <message>
        <source>Data di portal diubah sejak kiriman terakhir. Buka Sync untuk memilih versi.</source>
        <translation>Data di portal diubah sejak kiriman terakhir. Buka Sync untuk memilih versi.</translation>
    </message>
    <message>
        <source>%1
ID di portal: %2</source>
        <translation>%1
ID di portal: %2</translation>
    </message>
    <message>
        <source>Sinkronkan berkas ini (Ctrl+Y atau Enter)</source>
        <translation>Sinkronkan berkas ini (Ctrl+Y atau Enter)</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Integrasi</source>
        <translation>Integrasi</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataFilesPanel</name>
    <message>
        <source>Ubah keterangan…</source>
        <translation>Ubah keterangan…</translation>
    </message>
    <message>
        <source>Ganti berkas…</source>
        <translation>Ganti berkas…</translation>
    </message>
    <message>
        <source>Ganti isi berkas dengan CSV/XLSX baru; verifikasi perlu diulang</source>
        <translation>Ganti isi berkas dengan CSV/XLSX baru; verifikasi perlu diulang</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Hapus berkas yang belum pernah dikirim (Delete)</source>
        <translation>Hapus berkas yang belum pernah dikirim (Delete)</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <source>Sinkronkan berkas terpilih ke SPLP/SIPD (Ctrl+Y atau Enter)</source>
        <translation>Sinkronkan berkas terpilih ke SPLP/SIPD (Ctrl+Y atau Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n berkas</source>
        <translation>
            <numerusform>%n berkas</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada berkas. Unggah CSV atau XLSX untuk memulai.</source>
        <translation>Belum ada berkas. Unggah CSV atau XLSX untuk memulai.</translation>
    </message>
    <message>
        <source>Batalkan verifikasi</source>
        <translation>Batalkan verifikasi</translation>
    </message>
    <message>
        <source>Tandai isi dan keterangan berkas sudah diperiksa; hanya berkas terverifikasi yang dikirim</source>
        <translation>Tandai isi dan keterangan berkas sudah diperiksa; hanya berkas terverifikasi yang dikirim</translation>
    </message>
    <message>
        <source>Hanya admin yang dapat memverifikasi berkas.</source>
        <translation>Hanya admin yang dapat memverifikasi berkas.</translation>
    </message>
    <message>
        <source>Pilih berkas data</source>
        <translation>Pilih berkas data</translation>
    </message>
    <message>
        <source>Tabel data (*.csv *.xlsx);;Semua berkas (*)</source>
        <translation>Tabel data (*.csv *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message numerus="yes">
        <source>Berkas %1 diunggah: %n baris. Minta admin memverifikasinya sebelum dikirim.</source>
        <translation>
            <numerusform>Berkas %1 diunggah: %n baris. Minta admin memverifikasinya sebelum dikirim.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pilih berkas pengganti</source>
        <translation>Pilih berkas pengganti</translation>
    </message>
    <message>
        <source>Membaca dan memeriksa %1…</source>
        <translation>Membaca dan memeriksa %1…</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca.</source>
        <translation>Berkas tidak dapat dibaca.</translation>
    </message>
    <message numerus="yes">
        <source>Isi berkas %1 diganti (%n baris). Verifikasi perlu diulang sebelum dikirim.</source>
        <translation>
            <numerusform>Isi berkas %1 diganti (%n baris). Verifikasi perlu diulang sebelum dikirim.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keterangan berkas %1 disimpan.</source>
        <translation>Keterangan berkas %1 disimpan.</translation>
    </message>
    <message>
        <source>Hapus berkas</source>
        <translation>Hapus berkas</translation>
    </message>
    <message>
        <source>Hapus berkas %1? Berkas yang belum pernah dikirim dapat dihapus; tindakan ini tidak dapat dibatalkan.</source>
        <translation>Hapus berkas %1? Berkas yang belum pernah dikirim dapat dihapus; tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Berkas %1 dihapus.</source>
        <translation>Berkas %1 dihapus.</translation>
    </message>
    <message>
        <source>Berkas %1 terverifikasi dan siap dikirim.</source>
        <translation>Berkas %1 terverifikasi dan siap dikirim.</translation>
    </message>
    <message>
        <source>Verifikasi berkas %1 dibatalkan; berkas tidak akan dikirim.</source>
        <translation>Verifikasi berkas %1 dibatalkan; berkas tidak akan dikirim.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataLogPanel</name>
    <message>
        <source>Berhasil</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 dtk</source>
        <translation>%1 dtk</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Semua tujuan</source>
        <translation>Semua tujuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Kelas gagal</source>
        <translation>Kelas gagal</translation>
    </message>
    <message>
        <source>Durasi</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Jawaban portal</source>
        <translation>Jawaban portal</translation>
    </message>
    <message>
        <source>Pilih baris log untuk melihat jawaban lengkap dari portal.</source>
        <translation>Pilih baris log untuk melihat jawaban lengkap dari portal.</translation>
    </message>
    <message>
        <source>Antrean coba ulang</source>
        <translation>Antrean coba ulang</translation>
    </message>
    <message>
        <source>Percobaan</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Berikutnya</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu dicoba ulang. Kegagalan sementara (jaringan, batas permintaan, server portal) muncul di sini sampai berhasil dikirim.</source>
        <translation>Tidak ada yang menunggu dicoba ulang. Kegagalan sementara (jaringan, batas permintaan, server portal) muncul di sini sampai berhasil dikirim.</translation>
    </message>
    <message>
        <source>Belum ada catatan.</source>
        <translation>Belum ada catatan.</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>%1
Galat terakhir: %2</source>
        <translation>%1
Galat terakhir: %2</translation>
    </message>
    <message>
        <source>Kosong</source>
        <translation>Kosong</translation>
    </message>
    <message numerus="yes">
        <source>%n menunggu</source>
        <translation>
            <numerusform>%n menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, percobaan ke-%3 oleh %4</source>
        <translation>%1, %2, percobaan ke-%3 oleh %4</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>sistem</translation>
    </message>
    <message>
        <source>(tidak ada jawaban dari portal)</source>
        <translation>(tidak ada jawaban dari portal)</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataMetaDialog</name>
    <message>
        <source>Unggah berkas data</source>
        <translation>Unggah berkas data</translation>
    </message>
    <message>
        <source>Ubah keterangan berkas</source>
        <translation>Ubah keterangan berkas</translation>
    </message>
    <message>
        <source>Berkas: %1 (%2)</source>
        <translation>Berkas: %1 (%2)</translation>
    </message>
    <message>
        <source>Berkas: %1 · %2 baris</source>
        <translation>Berkas: %1 · %2 baris</translation>
    </message>
    <message>
        <source>&amp;Judul</source>
        <translation>&amp;Judul</translation>
    </message>
    <message>
        <source>mis. Jumlah Siswa per Kelas 2025</source>
        <translation>mis. Jumlah Siswa per Kelas 2025</translation>
    </message>
    <message>
        <source>Isi data, sumber, dan cara pengumpulannya</source>
        <translation>Isi data, sumber, dan cara pengumpulannya</translation>
    </message>
    <message>
        <source>&amp;Deskripsi</source>
        <translation>&amp;Deskripsi</translation>
    </message>
    <message>
        <source>&amp;Periode</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>Tahun, mis. 2025</source>
        <translation>Tahun, mis. 2025</translation>
    </message>
    <message>
        <source>&amp;Satuan</source>
        <translation>&amp;Satuan</translation>
    </message>
    <message>
        <source>mis. orang, rombel, persen</source>
        <translation>mis. orang, rombel, persen</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>Dipisah koma, mis. siswa, kelas</source>
        <translation>Dipisah koma, mis. siswa, kelas</translation>
    </message>
    <message>
        <source>Kode &amp;indikator</source>
        <translation>Kode &amp;indikator</translation>
    </message>
    <message>
        <source>SIPD, mis. 1.01.02</source>
        <translation>SIPD, mis. 1.01.02</translation>
    </message>
    <message>
        <source>Kode pe&amp;mda</source>
        <translation>Kode pe&amp;mda</translation>
    </message>
    <message>
        <source>SIPD, mis. 3404</source>
        <translation>SIPD, mis. 3404</translation>
    </message>
    <message>
        <source>Kode indikator dan kode pemda diperlukan untuk SIPD e-walidata. Berkas baru atau yang diubah perlu diverifikasi admin sebelum dapat dikirim.</source>
        <translation>Kode indikator dan kode pemda diperlukan untuk SIPD e-walidata. Berkas baru atau yang diubah perlu diverifikasi admin sebelum dapat dikirim.</translation>
    </message>
    <message>
        <source>Unggah</source>
        <translation>Unggah</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>Berkas tidak dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataPage</name>
    <message>
        <source>Satu Data</source>
        <translation>Satu Data</translation>
    </message>
    <message>
        <source>Berkas data sekolah untuk SPLP Satu Data Indonesia dan SIPD e-walidata. Hanya berkas yang sudah diverifikasi admin yang dikirim.</source>
        <translation>Berkas data sekolah untuk SPLP Satu Data Indonesia dan SIPD e-walidata. Hanya berkas yang sudah diverifikasi admin yang dikirim.</translation>
    </message>
    <message>
        <source>Segarkan</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <source>Muat ulang berkas, status, dan log (F5)</source>
        <translation>Muat ulang berkas, status, dan log (F5)</translation>
    </message>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync semua berkas</translation>
    </message>
    <message>
        <source>Kirim semua berkas terverifikasi ke SPLP dan/atau SIPD (Ctrl+Shift+Y)</source>
        <translation>Kirim semua berkas terverifikasi ke SPLP dan/atau SIPD (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>Unggah berkas</source>
        <translation>Unggah berkas</translation>
    </message>
    <message>
        <source>Unggah berkas CSV atau XLSX, paling besar 10 MB (Ctrl+U)</source>
        <translation>Unggah berkas CSV atau XLSX, paling besar 10 MB (Ctrl+U)</translation>
    </message>
    <message>
        <source>Berkas data</source>
        <translation>Berkas data</translation>
    </message>
    <message>
        <source>Log sinkronisasi</source>
        <translation>Log sinkronisasi</translation>
    </message>
    <message>
        <source>Jadwal otomatis</source>
        <translation>Jadwal otomatis</translation>
    </message>
    <message>
        <source>Satu Data: %1</source>
        <translation>Satu Data: %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataRunStrip</name>
    <message>
        <source>Keseluruhan</source>
        <translation>Keseluruhan</translation>
    </message>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync semua berkas</translation>
    </message>
    <message>
        <source>Hentikan setelah berkas yang sedang dikirim (Esc)</source>
        <translation>Hentikan setelah berkas yang sedang dikirim (Esc)</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu berkas yang sedang dikirim selesai.</source>
        <translation>Membatalkan… menunggu berkas yang sedang dikirim selesai.</translation>
    </message>
    <message>
        <source>Sinkronisasi Satu Data berjalan</source>
        <translation>Sinkronisasi Satu Data berjalan</translation>
    </message>
    <message>
        <source>%1 (%2 dari %3)</source>
        <translation>%1 (%2 dari %3)</translation>
    </message>
    <message>
        <source>Sync semua berkas dibatalkan</source>
        <translation>Sync semua berkas dibatalkan</translation>
    </message>
    <message>
        <source>Sync semua berkas selesai</source>
        <translation>Sync semua berkas selesai</translation>
    </message>
    <message>
        <source>Sync semua berkas gagal</source>
        <translation>Sync semua berkas gagal</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataSchedulePanel</name>
    <message>
        <source>Senin</source>
        <translation>Senin</translation>
    </message>
    <message>
        <source>Selasa</source>
        <translation>Selasa</translation>
    </message>
    <message>
        <source>Rabu</source>
        <translation>Rabu</translation>
    </message>
    <message>
        <source>Kamis</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <source>Jumat</source>
        <translation>Jumat</translation>
    </message>
    <message>
        <source>Sabtu</source>
        <translation>Sabtu</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <source>Sinkronisasi otomatis</source>
        <translation>Sinkronisasi otomatis</translation>
    </message>
    <message>
        <source>TataUsaha mengirim semua berkas terverifikasi pada jadwal ini (waktu sekolah, %1), selama aplikasi atau server berjalan. Berkas yang tidak berubah tidak dikirim ulang.</source>
        <translation>TataUsaha mengirim semua berkas terverifikasi pada jadwal ini (waktu sekolah, %1), selama aplikasi atau server berjalan. Berkas yang tidak berubah tidak dikirim ulang.</translation>
    </message>
    <message>
        <source>Simpan jadwal</source>
        <translation>Simpan jadwal</translation>
    </message>
    <message>
        <source>Tidak terjadwal</source>
        <translation>Tidak terjadwal</translation>
    </message>
    <message>
        <source>Setiap hari</source>
        <translation>Setiap hari</translation>
    </message>
    <message>
        <source>Setiap minggu</source>
        <translation>Setiap minggu</translation>
    </message>
    <message>
        <source>&amp;Frekuensi</source>
        <translation>&amp;Frekuensi</translation>
    </message>
    <message>
        <source>&amp;Hari</source>
        <translation>&amp;Hari</translation>
    </message>
    <message>
        <source>&amp;Pukul</source>
        <translation>&amp;Pukul</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Jika pengiriman gagal</source>
        <translation>Jika pengiriman gagal</translation>
    </message>
    <message>
        <source>Kegagalan sementara (jaringan, batas permintaan, server portal) masuk antrean coba ulang dan dicoba lagi otomatis setelah 1 menit, 5 menit, 15 menit, 1 jam, lalu 6 jam. Kegagalan autentikasi dan validasi perlu diperbaiki dulu: periksa kunci API di Pengaturan atau isi berkasnya, lalu jalankan Sync lagi. Semua percobaan tercatat di tab Log sinkronisasi.</source>
        <translation>Kegagalan sementara (jaringan, batas permintaan, server portal) masuk antrean coba ulang dan dicoba lagi otomatis setelah 1 menit, 5 menit, 15 menit, 1 jam, lalu 6 jam. Kegagalan autentikasi dan validasi perlu diperbaiki dulu: periksa kunci API di Pengaturan atau isi berkasnya, lalu jalankan Sync lagi. Semua percobaan tercatat di tab Log sinkronisasi.</translation>
    </message>
    <message>
        <source>Berikutnya: %1</source>
        <translation>Berikutnya: %1</translation>
    </message>
    <message>
        <source>Tidak ada sinkronisasi terjadwal.</source>
        <translation>Tidak ada sinkronisasi terjadwal.</translation>
    </message>
    <message>
        <source>diubah %1 oleh %2</source>
        <translation>diubah %1 oleh %2</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>sistem</translation>
    </message>
    <message>
        <source>Jadwal disimpan: %1.</source>
        <translation>Jadwal disimpan: %1.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataSyncDialog</name>
    <message>
        <source>Sebagian diterima</source>
        <translation>Sebagian diterima</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation>Berhasil</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Dilewati</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Sync berkas</source>
        <translation>Sync berkas</translation>
    </message>
    <message>
        <source>Periode %1</source>
        <translation>Periode %1</translation>
    </message>
    <message numerus="yes">
        <source>%n baris</source>
        <translation>
            <numerusform>%n baris</numerusform>
        </translation>
    </message>
    <message>
        <source>diverifikasi %1</source>
        <translation>diverifikasi %1</translation>
    </message>
    <message>
        <source>belum diverifikasi</source>
        <translation>belum diverifikasi</translation>
    </message>
    <message>
        <source>Kirim ke:</source>
        <translation>Kirim ke:</translation>
    </message>
    <message>
        <source>Sync berkas ini</source>
        <translation>Sync berkas ini</translation>
    </message>
    <message>
        <source>Menyinkronkan… permintaan ke portal sedang berjalan.</source>
        <translation>Menyinkronkan… permintaan ke portal sedang berjalan.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Berkas ini belum diverifikasi admin; hanya berkas terverifikasi yang dapat dikirim.</source>
        <translation>Berkas ini belum diverifikasi admin; hanya berkas terverifikasi yang dapat dikirim.</translation>
    </message>
    <message>
        <source>Sync lagi</source>
        <translation>Sync lagi</translation>
    </message>
    <message>
        <source>ID portal: %1</source>
        <translation>ID portal: %1</translation>
    </message>
    <message>
        <source>%1 baris diterima, %2 ditolak</source>
        <translation>%1 baris diterima, %2 ditolak</translation>
    </message>
    <message>
        <source>%1 detik</source>
        <translation>%1 detik</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Kelas kegagalan: %1</source>
        <translation>Kelas kegagalan: %1</translation>
    </message>
    <message>
        <source>Masuk antrean ulang: dicoba lagi otomatis nanti.</source>
        <translation>Masuk antrean ulang: dicoba lagi otomatis nanti.</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>Lihat konflik…</source>
        <translation>Lihat konflik…</translation>
    </message>
    <message>
        <source>Hasil sinkronisasi</source>
        <translation>Hasil sinkronisasi</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataTargetsDialog</name>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync semua berkas</translation>
    </message>
    <message>
        <source>%1 dari %2 berkas terverifikasi akan dikirim; yang belum diverifikasi dilewati. Berkas yang isinya tidak berubah sejak kiriman terakhir tidak dikirim ulang.</source>
        <translation>%1 dari %2 berkas terverifikasi akan dikirim; yang belum diverifikasi dilewati. Berkas yang isinya tidak berubah sejak kiriman terakhir tidak dikirim ulang.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>tu::ui::SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Layani LAN (0.0.0.0)</source>
        <translation>Layani LAN (0.0.0.0)</translation>
    </message>
    <message>
        <source>Komputer lain di jaringan sekolah dapat memanggil API.</source>
        <translation>Komputer lain di jaringan sekolah dapat memanggil API.</translation>
    </message>
    <message>
        <source>Penyimpanan di komputer ini</source>
        <translation>Penyimpanan di komputer ini</translation>
    </message>
    <message>
        <source>Berlaku setelah aplikasi dimulai ulang. Kosongkan untuk memakai lokasi bawaan.</source>
        <translation>Berlaku setelah aplikasi dimulai ulang. Kosongkan untuk memakai lokasi bawaan.</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Pilih folder data</source>
        <translation>Pilih folder data</translation>
    </message>
    <message>
        <source>Sedang dipakai: %1</source>
        <translation>Sedang dipakai: %1</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>sqlite:&lt;folder data&gt;/tatausaha.sqlite atau postgresql://user:pass@host:5432/db</source>
        <translation>sqlite:&lt;folder data&gt;/tatausaha.sqlite atau postgresql://user:pass@host:5432/db</translation>
    </message>
    <message>
        <source>URL database</source>
        <translation>URL database</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Nilai dari variabel lingkungan %1</source>
        <translation>Nilai dari variabel lingkungan %1</translation>
    </message>
    <message>
        <source>Diatur oleh variabel lingkungan %1; ubah di sana lalu mulai ulang aplikasi.</source>
        <translation>Diatur oleh variabel lingkungan %1; ubah di sana lalu mulai ulang aplikasi.</translation>
    </message>
    <message>
        <source>Alamat http:// tidak terenkripsi: API key dan kata sandi terkirim dapat dibaca siapa pun di jaringan yang dilalui. Pakai https:// bila server mendukungnya.</source>
        <translation>Alamat http:// tidak terenkripsi: API key dan kata sandi terkirim dapat dibaca siapa pun di jaringan yang dilalui. Pakai https:// bila server mendukungnya.</translation>
    </message>
    <message>
        <source>Alamat IP server API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port server API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pengaturan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</source>
        <translation>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</translation>
    </message>
    <message>
        <source>Ubah pengaturan…</source>
        <translation>Ubah pengaturan…</translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation>Nama sekolah</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Server API</source>
        <translation>Server API</translation>
    </message>
    <message>
        <source>Proksi tepercaya</source>
        <translation>Proksi tepercaya</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Asal CORS</source>
        <translation>Asal CORS</translation>
    </message>
    <message>
        <source>tidak ada (hanya aplikasi ini)</source>
        <translation>tidak ada (hanya aplikasi ini)</translation>
    </message>
    <message>
        <source>Batas permintaan</source>
        <translation>Batas permintaan</translation>
    </message>
    <message>
        <source>bawaan</source>
        <translation>bawaan</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Pengaturan disimpan. Sebagian perubahan berlaku setelah aplikasi dimulai ulang.</source>
        <translation>Pengaturan disimpan. Sebagian perubahan berlaku setelah aplikasi dimulai ulang.</translation>
    </message>
    <message>
        <source>Pengaturan disimpan.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SiakadSyncPreviewDialog</name>
    <message>
        <source>Pratinjau sinkronisasi SIAKAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada yang diubah. Bila diterapkan, data tahun ajaran di sini mengikuti SIAKAD: %1 ditambahkan, %2 diubah, %3 dipindahkan ke tempat sampah, %4 tetap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perubahan yang akan diterapkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation type="unfinished">Tahun ajaran</translation>
    </message>
    <message>
        <source>Periode pendaftaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation type="unfinished">Aktif</translation>
    </message>
    <message>
        <source>Ditambahkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (sebelumnya %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diubah (dahulu %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ke tempat sampah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pendaftaran %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran aktif %1 akan dipindahkan ke tempat sampah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran %1 tidak akan aktif lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran aktif menjadi %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada tahun ajaran yang aktif sesudahnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pendaftaran PPDB %1 sedang dibuka hari ini dan akan tertutup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tahun itu memiliki %n pendaftar. Data mereka tetap tersimpan, tetapi tidak lagi tampil di daftar PPDB tahun aktif.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tahun ajaran aktif %1 tetap aktif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saya mengerti: tahun ajaran %1 dengan %n pendaftar tidak akan aktif lagi.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished">Batal</translation>
    </message>
    <message>
        <source>Terapkan sinkronisasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::StudentWorkTableModel</name>
    <message>
        <source>Unggulan</source>
        <translation>Unggulan</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Siswa</source>
        <translation>Siswa</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
</context>
<context>
    <name>tu::ui::StudentWorksTab</name>
    <message>
        <source>Cari judul karya…</source>
        <translation>Cari judul karya…</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>Semua karya</source>
        <translation>Semua karya</translation>
    </message>
    <message>
        <source>Unggulan</source>
        <translation>Unggulan</translation>
    </message>
    <message>
        <source>Bukan unggulan</source>
        <translation>Bukan unggulan</translation>
    </message>
    <message>
        <source>Tandai unggulan</source>
        <translation>Tandai unggulan</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Buka berkas</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Tidak ada karya yang cocok.</source>
        <translation>Tidak ada karya yang cocok.</translation>
    </message>
    <message>
        <source>Belum ada karya siswa.</source>
        <translation>Belum ada karya siswa.</translation>
    </message>
    <message>
        <source>Lepas unggulan</source>
        <translation>Lepas unggulan</translation>
    </message>
    <message>
        <source>Pilih karya untuk melihat keterangannya.</source>
        <translation>Pilih karya untuk melihat keterangannya.</translation>
    </message>
    <message>
        <source>Tautan: %1</source>
        <translation>Tautan: %1</translation>
    </message>
    <message>
        <source>Berkas: %1 (%2 KB)</source>
        <translation>Berkas: %1 (%2 KB)</translation>
    </message>
    <message>
        <source>“%1” ditandai sebagai karya unggulan.</source>
        <translation>“%1” ditandai sebagai karya unggulan.</translation>
    </message>
    <message>
        <source>“%1” tidak lagi menjadi karya unggulan.</source>
        <translation>“%1” tidak lagi menjadi karya unggulan.</translation>
    </message>
    <message>
        <source>Tidak ada aplikasi untuk membuka berkas ini. Berkasnya tersimpan di %1.</source>
        <translation>Tidak ada aplikasi untuk membuka berkas ini. Berkasnya tersimpan di %1.</translation>
    </message>
    <message>
        <source>Hapus karya</source>
        <translation>Hapus karya</translation>
    </message>
    <message>
        <source>Hapus karya “%1”? Berkasnya ikut terhapus; catatannya tetap ada di log audit.</source>
        <translation>Hapus karya “%1”? Berkasnya ikut terhapus; catatannya tetap ada di log audit.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Karya “%1” dihapus.</source>
        <translation>Karya “%1” dihapus.</translation>
    </message>
    <message>
        <source>Muat ulang daftar karya (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranDialog</name>
    <message>
        <source>Ubah tahun ajaran</source>
        <translation>Ubah tahun ajaran</translation>
    </message>
    <message>
        <source>Tambah tahun ajaran</source>
        <translation>Tambah tahun ajaran</translation>
    </message>
    <message>
        <source>Ubah tahun ajaran %1</source>
        <translation>Ubah tahun ajaran %1</translation>
    </message>
    <message>
        <source>mis. 2025/2026</source>
        <translation>mis. 2025/2026</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Aktif — pendaftaran PPDB mengikuti tahun ini</source>
        <translation>Aktif — pendaftaran PPDB mengikuti tahun ini</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Tahun ajaran</translation>
    </message>
    <message>
        <source>Awal pendaftaran</source>
        <translation>Awal pendaftaran</translation>
    </message>
    <message>
        <source>Akhir pendaftaran</source>
        <translation>Akhir pendaftaran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mengaktifkan tahun ini menonaktifkan tahun ajaran lain. Periode pendaftaran tidak boleh bertabrakan dengan tahun ajaran lain (tanggal awal dan akhir ikut dihitung).</source>
        <translation>Mengaktifkan tahun ini menonaktifkan tahun ajaran lain. Periode pendaftaran tidak boleh bertabrakan dengan tahun ajaran lain (tanggal awal dan akhir ikut dihitung).</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>tahun ajaran %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tahun ajaran baru</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranPage</name>
    <message>
        <source>Tahun Ajaran</source>
        <translation>Tahun Ajaran</translation>
    </message>
    <message>
        <source>Periode akademik dan periode pendaftaran PPDB, selaras dengan SIAKAD.</source>
        <translation>Periode akademik dan periode pendaftaran PPDB, selaras dengan SIAKAD.</translation>
    </message>
    <message>
        <source>Sinkronkan dengan SIAKAD</source>
        <translation>Sinkronkan dengan SIAKAD</translation>
    </message>
    <message>
        <source>Tambah tahun ajaran</source>
        <translation>Tambah tahun ajaran</translation>
    </message>
    <message>
        <source>Data aktif</source>
        <translation>Data aktif</translation>
    </message>
    <message>
        <source>Tempat sampah</source>
        <translation>Tempat sampah</translation>
    </message>
    <message>
        <source>Hanya tahun ajaran aktif</source>
        <translation>Hanya tahun ajaran aktif</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 disimpan.</source>
        <translation>Tahun ajaran %1 disimpan.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 sekarang aktif.</source>
        <translation>Tahun ajaran %1 sekarang aktif.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipulihkan.</source>
        <translation>Tahun ajaran %1 dipulihkan.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipindahkan ke tempat sampah.</source>
        <translation>Tahun ajaran %1 dipindahkan ke tempat sampah.</translation>
    </message>
    <message>
        <source>Menyinkronkan dengan SIAKAD…</source>
        <translation>Menyinkronkan dengan SIAKAD…</translation>
    </message>
    <message>
        <source>Sinkronisasi SIAKAD selesai: %1 ditambahkan, %2 diperbarui, %3 dipindahkan ke tempat sampah, %4 tidak berubah.</source>
        <translation>Sinkronisasi SIAKAD selesai: %1 ditambahkan, %2 diperbarui, %3 dipindahkan ke tempat sampah, %4 tidak berubah.</translation>
    </message>
    <message>
        <source>Aktifkan tahun ajaran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran %1 menjadi aktif dan %2 tidak aktif lagi. Pendaftaran PPDB mengikuti periode tahun ajaran yang aktif.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktifkan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran %1 sekarang aktif; %2 tidak aktif lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran %1 aktif kembali.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipindahkan ke tempat sampah; datanya tetap ada dan dapat dipulihkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ini tahun ajaran aktif: sesudahnya tidak ada tahun yang aktif dan pendaftaran PPDB tertutup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pindahkan ke tempat sampah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memeriksa data SIAKAD…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Data tahun ajaran sudah sama dengan SIAKAD (%n tahun). Tidak ada yang diubah.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sinkronisasi SIAKAD dibatalkan. Tidak ada yang diubah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang daftar tahun ajaran (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah tahun ajaran (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranTableModel</name>
    <message>
        <source>Di tempat sampah</source>
        <translation>Di tempat sampah</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif: pendaftaran PPDB mengikuti periode ini.</source>
        <translation>Tahun ajaran aktif: pendaftaran PPDB mengikuti periode ini.</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Tahun ajaran</translation>
    </message>
    <message>
        <source>Awal pendaftaran</source>
        <translation>Awal pendaftaran</translation>
    </message>
    <message>
        <source>Akhir pendaftaran</source>
        <translation>Akhir pendaftaran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Diperbarui</translation>
    </message>
</context>
<context>
    <name>tu::ui::UserDialog</name>
    <message>
        <source>Ubah pengguna</source>
        <translation>Ubah pengguna</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Ubah pengguna %1</source>
        <translation>Ubah pengguna %1</translation>
    </message>
    <message>
        <source>mis. budi.santoso</source>
        <translation>mis. budi.santoso</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Pilih peran…</source>
        <translation>Pilih peran…</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Peran</translation>
    </message>
    <message>
        <source>Password awal</source>
        <translation>Password awal</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Akun aktif (dapat langsung login)</source>
        <translation>Akun aktif (dapat langsung login)</translation>
    </message>
    <message>
        <source>Perubahan peran membuat pengguna harus login ulang.</source>
        <translation>Perubahan peran membuat pengguna harus login ulang.</translation>
    </message>
    <message>
        <source>Semua isian wajib diisi. Pengguna dapat mengganti password setelah login.</source>
        <translation>Semua isian wajib diisi. Pengguna dapat mengganti password setelah login.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Simpan perubahan</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>pengguna %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pengguna baru</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tu::ui::UserTableModel</name>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Dibuat %1</source>
        <translation>Dibuat %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Diperbarui</translation>
    </message>
</context>
<context>
    <name>tu::ui::UsersPage</name>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</source>
        <translation>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Cari nama, username, atau peran</source>
        <translation>Cari nama, username, atau peran</translation>
    </message>
    <message>
        <source>Ubah peran…</source>
        <translation>Ubah peran…</translation>
    </message>
    <message>
        <source>Ubah peran, nama, atau username pengguna terpilih</source>
        <translation>Ubah peran, nama, atau username pengguna terpilih</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Aktifkan</translation>
    </message>
    <message numerus="yes">
        <source>%n pengguna</source>
        <translation>
            <numerusform>%n pengguna</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 dari %2 pengguna</source>
        <translation>%1 dari %2 pengguna</translation>
    </message>
    <message>
        <source>Pengguna %1 ditambahkan.</source>
        <translation>Pengguna %1 ditambahkan.</translation>
    </message>
    <message>
        <source>Data pengguna %1 disimpan.</source>
        <translation>Data pengguna %1 disimpan.</translation>
    </message>
    <message>
        <source>Password %1 diganti. Sesi lamanya sudah diakhiri.</source>
        <translation>Password %1 diganti. Sesi lamanya sudah diakhiri.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna</source>
        <translation>Nonaktifkan pengguna</translation>
    </message>
    <message>
        <source>Nonaktifkan %1 (%2)? Pengguna ini tidak dapat login dan semua sesinya berakhir.</source>
        <translation>Nonaktifkan %1 (%2)? Pengguna ini tidak dapat login dan semua sesinya berakhir.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>%1 diaktifkan kembali.</source>
        <translation>%1 diaktifkan kembali.</translation>
    </message>
    <message>
        <source>%1 dinonaktifkan.</source>
        <translation>%1 dinonaktifkan.</translation>
    </message>
    <message>
        <source>Hapus pengguna</source>
        <translation>Hapus pengguna</translation>
    </message>
    <message>
        <source>Hapus %1 (%2)? Akun ini tidak dapat dikembalikan.</source>
        <translation>Hapus %1 (%2)? Akun ini tidak dapat dikembalikan.</translation>
    </message>
    <message>
        <source>Pengguna %1 dihapus.</source>
        <translation>Pengguna %1 dihapus.</translation>
    </message>
    <message>
        <source>Muat ulang daftar pengguna (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tambah pengguna (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
