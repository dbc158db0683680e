<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="id">
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
        <source>Tampilkan atau sembunyikan password</source>
        <translation>Tampilkan atau sembunyikan password</translation>
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
</context>
<context>
    <name>tu::ui::MessageBanner</name>
    <message>
        <source>Tutup pesan</source>
        <translation>Tutup pesan</translation>
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
        <source>Tampilkan atau sembunyikan password</source>
        <translation>Tampilkan atau sembunyikan password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Simpan password</source>
        <translation>Simpan password</translation>
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
        <source>Cari nama, NISN atau nomor…</source>
        <translation>Cari nama, NISN atau nomor…</translation>
    </message>
    <message>
        <source>Lihat detail…</source>
        <translation>Lihat detail…</translation>
    </message>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Berikutnya ›</translation>
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
        <source>%1–%2 dari %3</source>
        <translation>%1–%2 dari %3</translation>
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
</context>
<context>
    <name>tu::ui::PpdbTableModel</name>
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
</context>
<context>
    <name>tu::ui::SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Sekolah</translation>
    </message>
    <message>
        <source>WIB — Asia/Jakarta</source>
        <translation>WIB — Asia/Jakarta</translation>
    </message>
    <message>
        <source>WITA — Asia/Makassar</source>
        <translation>WITA — Asia/Makassar</translation>
    </message>
    <message>
        <source>WIT — Asia/Jayapura</source>
        <translation>WIT — Asia/Jayapura</translation>
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
        <source>Bahasa berlaku setelah aplikasi dimulai ulang.</source>
        <translation>Bahasa berlaku setelah aplikasi dimulai ulang.</translation>
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
        <source>Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, dipakai juga oleh tatausaha-server.</source>
        <translation>Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, dipakai juga oleh tatausaha-server.</translation>
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
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>mis. 192.168.1.1, 10.0.0.0/8</source>
        <translation>mis. 192.168.1.1, 10.0.0.0/8</translation>
    </message>
    <message>
        <source>mis. http://192.168.1.10:3000</source>
        <translation>mis. http://192.168.1.10:3000</translation>
    </message>
    <message>
        <source>kosong: bawaan · off: tanpa batas · mis. public=300,auth=10</source>
        <translation>kosong: bawaan · off: tanpa batas · mis. public=300,auth=10</translation>
    </message>
    <message>
        <source>Proksi tepercaya</source>
        <translation>Proksi tepercaya</translation>
    </message>
    <message>
        <source>Asal CORS</source>
        <translation>Asal CORS</translation>
    </message>
    <message>
        <source>Batas permintaan</source>
        <translation>Batas permintaan</translation>
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
        <source>Integrasi SIAKAD</source>
        <translation>Integrasi SIAKAD</translation>
    </message>
    <message>
        <source>Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook.</source>
        <translation>Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook.</translation>
    </message>
    <message>
        <source>mis. https://siakad.sekolah.sch.id</source>
        <translation>mis. https://siakad.sekolah.sch.id</translation>
    </message>
    <message>
        <source>URL SIAKAD</source>
        <translation>URL SIAKAD</translation>
    </message>
    <message>
        <source>API key SIAKAD</source>
        <translation>API key SIAKAD</translation>
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
        <source>Pulihkan tahun ajaran %1 dari tempat sampah?</source>
        <translation>Pulihkan tahun ajaran %1 dari tempat sampah?</translation>
    </message>
    <message>
        <source>Pindahkan tahun ajaran %1 ke tempat sampah? Data dapat dipulihkan kembali.</source>
        <translation>Pindahkan tahun ajaran %1 ke tempat sampah? Data dapat dipulihkan kembali.</translation>
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
        <source>Sinkronisasi SIAKAD</source>
        <translation>Sinkronisasi SIAKAD</translation>
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
        <source>Tampilkan atau sembunyikan password</source>
        <translation>Tampilkan atau sembunyikan password</translation>
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
</context>
</TS>
