<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>ContentText</name>
    <message>
        <source>Berita</source>
        <translation>News</translation>
    </message>
    <message>
        <source>Pengumuman</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Guru</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <source>Fasilitas</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>Ekstrakurikuler</source>
        <translation>Extracurriculars</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu terbit</source>
        <translation>Publication time</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Isi berita</source>
        <translation>Article text</translation>
    </message>
    <message>
        <source>Gambar</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Tampil mulai</source>
        <translation>Shown from</translation>
    </message>
    <message>
        <source>Tampil sampai</source>
        <translation>Shown until</translation>
    </message>
    <message>
        <source>Isi pengumuman</source>
        <translation>Announcement text</translation>
    </message>
    <message>
        <source>Tanggal mulai</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Tanggal selesai</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
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
        <translation>Subject</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Jadwal</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Pembina</source>
        <translation>Coach</translation>
    </message>
    <message>
        <source>mis. Prestasi, Kegiatan</source>
        <translation>e.g. Achievements, Events</translation>
    </message>
    <message>
        <source>Nama lengkap dengan gelar</source>
        <translation>Full name with degrees</translation>
    </message>
    <message>
        <source>18 angka</source>
        <translation>18 digits</translation>
    </message>
    <message>
        <source>16 angka</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>mis. Wali kelas VII-A</source>
        <translation>e.g. Homeroom teacher VII-A</translation>
    </message>
    <message>
        <source>mis. Sabtu 08.00–10.00</source>
        <translation>e.g. Saturday 08:00–10:00</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Terbit</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Rendah</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Sedang</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Tinggi</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Akademik</source>
        <translation>Academic</translation>
    </message>
    <message>
        <source>Ujian</source>
        <translation>Exams</translation>
    </message>
    <message>
        <source>Libur</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Kegiatan</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Pengguna &amp; sesi</source>
        <translation>Users &amp; sessions</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>PPDB</source>
        <translation>Admissions (PPDB)</translation>
    </message>
    <message>
        <source>Konten sekolah</source>
        <translation>School content</translation>
    </message>
    <message>
        <source>Karya siswa</source>
        <translation>Student works</translation>
    </message>
    <message>
        <source>Sinkronisasi Dapodik</source>
        <translation>Dapodik synchronisation</translation>
    </message>
    <message>
        <source>Satu Data</source>
        <translation>Satu Data</translation>
    </message>
    <message>
        <source>Tulisan</source>
        <translation>Writing</translation>
    </message>
    <message>
        <source>Seni</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Sains</source>
        <translation>Science</translation>
    </message>
    <message>
        <source>Teknologi</source>
        <translation>Technology</translation>
    </message>
    <message>
        <source>Olahraga</source>
        <translation>Sports</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tambah</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Mendaftar</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Mendaftar ulang</source>
        <translation>Re-register</translation>
    </message>
    <message>
        <source>Ubah status</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>Unggah</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Tandai unggulan</source>
        <translation>Feature</translation>
    </message>
    <message>
        <source>Lepas unggulan</source>
        <translation>Unfeature</translation>
    </message>
    <message>
        <source>Sinkron: tambah</source>
        <translation>Sync: insert</translation>
    </message>
    <message>
        <source>Sinkron: ubah</source>
        <translation>Sync: update</translation>
    </message>
    <message>
        <source>Sinkron: ke tempat sampah</source>
        <translation>Sync: to trash</translation>
    </message>
    <message>
        <source>Sinkron dari SIAKAD</source>
        <translation>Sync from SIAKAD</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Pendaftaran PPDB</source>
        <translation>PPDB application</translation>
    </message>
    <message>
        <source>Berkas Satu Data</source>
        <translation>Satu Data file</translation>
    </message>
    <message>
        <source>Sinkronisasi Satu Data</source>
        <translation>Satu Data synchronisation</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>PPDB</source>
        <translation>Admissions (PPDB)</translation>
    </message>
    <message>
        <source>Pendaftaran peserta didik baru: verifikasi berkas, status pendaftar, dan ekspor data.</source>
        <translation>New student admissions: document checks, applicant status and data export.</translation>
    </message>
    <message>
        <source>Tahun Ajaran</source>
        <translation>Academic Years</translation>
    </message>
    <message>
        <source>Tahun ajaran dan periode pendaftaran, tetap selaras dengan SIAKAD.</source>
        <translation>Academic years and registration periods, kept in step with SIAKAD.</translation>
    </message>
    <message>
        <source>Konten</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa untuk situs sekolah.</source>
        <translation>News, announcements, calendar, teachers, facilities, extracurriculars and student works for the school website.</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Tarik data wilayah, sekolah, dan PTK dari Dapodik dengan progres yang dapat dipantau.</source>
        <translation>Pull region, school and staff (PTK) data from Dapodik with live progress.</translation>
    </message>
    <message>
        <source>Satu Data</source>
        <translation>Satu Data</translation>
    </message>
    <message>
        <source>Unggah, verifikasi, dan kirim berkas data ke SPLP Satu Data Indonesia dan SIPD e-walidata.</source>
        <translation>Upload, verify and send data files to SPLP Satu Data Indonesia and SIPD e-walidata.</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</source>
        <translation>Manage the staff and student accounts that can sign in to TataUsaha.</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</source>
        <translation>School identity, time zone, language, API server and data storage location.</translation>
    </message>
    <message>
        <source>Data Dapodik</source>
        <translation>Dapodik Data</translation>
    </message>
    <message>
        <source>Sekolah dan PTK hasil sinkronisasi Dapodik: cari, saring per kecamatan, lihat yang nonaktif.</source>
        <translation>Schools and staff (PTK) synced from Dapodik: search, filter by district, see inactive records.</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Grafik PTK per kecamatan, status kepegawaian, jenis kelamin, dan pendaftar PPDB.</source>
        <translation>Charts of staff per district, employment status, gender and admissions applicants.</translation>
    </message>
    <message>
        <source>Log Audit</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>Siapa mengubah apa dan kapan, dengan isi sebelum dan sesudah perubahan.</source>
        <translation>Who changed what and when, with the record before and after the change.</translation>
    </message>
</context>
<context>
    <name>PageParts</name>
    <message>
        <source>Pencarian</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Tampilkan atau sembunyikan password</source>
        <translation>Show or hide the password</translation>
    </message>
    <message>
        <source>Kosongkan isian</source>
        <translation>Clear the field</translation>
    </message>
</context>
<context>
    <name>PpdbStatus</name>
    <message>
        <source>Menunggu</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>ProofOfRegistration</name>
    <message>
        <source>Bukti Pendaftaran PPDB %1</source>
        <translation>PPDB Proof of Registration %1</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</source>
        <translation>The file %1 cannot be written. Check the folder and its permissions.</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <source>BUKTI PENDAFTARAN PPDB</source>
        <translation>PPDB PROOF OF REGISTRATION</translation>
    </message>
    <message>
        <source> · Tahun Ajaran %1</source>
        <translation> · Academic Year %1</translation>
    </message>
    <message>
        <source>Nomor pendaftaran</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Place, date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Previous school</translation>
    </message>
    <message>
        <source>Nama ayah / ibu</source>
        <translation>Father / mother</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Waktu pendaftaran</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Simpan bukti ini dan bawa saat verifikasi berkas di sekolah. Status pendaftaran dapat dicek dengan nomor pendaftaran dan NISN. Dicetak %1.</source>
        <translation>Keep this proof and bring it to the document check at the school. The registration status can be checked with the registration number and NISN. Printed %1.</translation>
    </message>
    <message>
        <source>ID pendaftaran (untuk unggah dokumen)</source>
        <translation>Registration ID (for document uploads)</translation>
    </message>
    <message>
        <source>F4 / Folio (215 × 330 mm)</source>
        <translation>F4 / Folio (215 × 330 mm)</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>RegistrationListPrint</name>
    <message>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nomor pendaftaran</source>
        <translation>Registration number</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Asal sekolah</source>
        <translation>Previous school</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Dicetak %1 · %2 pendaftar</source>
        <translation>Printed %1 · %2 applicants</translation>
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
        <translation>Admissions committee</translation>
    </message>
    <message>
        <source>Kesiswaan</source>
        <translation>Student affairs</translation>
    </message>
    <message>
        <source>OSIS</source>
        <translation>Student council (OSIS)</translation>
    </message>
    <message>
        <source>Siswa</source>
        <translation>Student</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>URL SIAKAD</source>
        <translation>SIAKAD URL</translation>
    </message>
    <message>
        <source>mis. https://siakad.sekolah.sch.id</source>
        <translation>e.g. https://siakad.school.sch.id</translation>
    </message>
    <message>
        <source>API key SIAKAD</source>
        <translation>SIAKAD API key</translation>
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
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Bahasa berlaku setelah aplikasi dimulai ulang.</source>
        <translation>The language applies after the application restarts.</translation>
    </message>
    <message>
        <source>Cadangan disk</source>
        <translation>Disk reserve</translation>
    </message>
    <message>
        <source>Unggahan ditolak bila ruang kosong di folder data kurang dari ini (MB; 0 mematikan batas).</source>
        <translation>Uploads are refused when the free space in the data folder is below this (MB; 0 turns the limit off).</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Dapodik</source>
        <translation>Dapodik</translation>
    </message>
    <message>
        <source>Akun Dapodik pusat untuk sinkronisasi wilayah, sekolah, dan PTK.</source>
        <translation>Central Dapodik account for syncing regions, schools and staff.</translation>
    </message>
    <message>
        <source>Koneksi ke server upstream</source>
        <translation>Connections to upstream servers</translation>
    </message>
    <message>
        <source>Berlaku untuk Dapodik, SIAKAD, SPLP, dan SIPD.</source>
        <translation>Applies to Dapodik, SIAKAD, SPLP and SIPD.</translation>
    </message>
    <message>
        <source>Server API</source>
        <translation>API server</translation>
    </message>
    <message>
        <source>Alamat tempat aplikasi web sekolah memanggil API. Disimpan di database, dipakai juga oleh tatausaha-server.</source>
        <translation>Where the school&apos;s web app calls the API. Stored in the database; tatausaha-server uses it too.</translation>
    </message>
    <message>
        <source>Integrasi SIAKAD</source>
        <translation>SIAKAD integration</translation>
    </message>
    <message>
        <source>Alamat dasar SIAKAD dan API key untuk sinkronisasi tahun ajaran serta webhook.</source>
        <translation>SIAKAD base address and API key for the academic year sync and webhook.</translation>
    </message>
    <message>
        <source>Satu Data (SPLP dan SIPD)</source>
        <translation>Satu Data (SPLP and SIPD)</translation>
    </message>
    <message>
        <source>Alamat dasar SPLP Satu Data Indonesia dan SIPD e-walidata, API key bersama, dan jeda antar permintaan agar tidak terkena pembatasan.</source>
        <translation>Base addresses of SPLP Satu Data Indonesia and SIPD e-walidata, their shared API key, and the pause between requests so as not to be rate limited.</translation>
    </message>
    <message>
        <source>URL Dapodik</source>
        <translation>Dapodik URL</translation>
    </message>
    <message>
        <source>mis. https://dapodik.example.go.id</source>
        <translation>e.g. https://dapodik.example.go.id</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Kode kabupaten</source>
        <translation>Regency code</translation>
    </message>
    <message>
        <source>Permintaan paralel</source>
        <translation>Parallel requests</translation>
    </message>
    <message>
        <source>Proksi tepercaya</source>
        <translation>Trusted proxies</translation>
    </message>
    <message>
        <source>mis. 192.168.1.1, 10.0.0.0/8</source>
        <translation>e.g. 192.168.1.1, 10.0.0.0/8</translation>
    </message>
    <message>
        <source>Asal CORS</source>
        <translation>CORS origins</translation>
    </message>
    <message>
        <source>mis. http://192.168.1.10:3000</source>
        <translation>e.g. http://192.168.1.10:3000</translation>
    </message>
    <message>
        <source>Batas permintaan</source>
        <translation>Rate limits</translation>
    </message>
    <message>
        <source>kosong: bawaan · off: tanpa batas · mis. public=300,auth=10</source>
        <translation>empty: defaults · off: no limits · e.g. public=300,auth=10</translation>
    </message>
    <message>
        <source>Nama host</source>
        <translation>Host names</translation>
    </message>
    <message>
        <source>mis. sekolah.sch.id, .sekolah.sch.id</source>
        <translation>e.g. school.sch.id, .school.sch.id</translation>
    </message>
    <message>
        <source>Koneksi per alamat</source>
        <translation>Connections per address</translation>
    </message>
    <message>
        <source>URL SPLP</source>
        <translation>SPLP URL</translation>
    </message>
    <message>
        <source>mis. https://data.example.go.id</source>
        <translation>e.g. https://data.example.go.id</translation>
    </message>
    <message>
        <source>URL SIPD</source>
        <translation>SIPD URL</translation>
    </message>
    <message>
        <source>mis. https://sipd.example.go.id</source>
        <translation>e.g. https://sipd.example.go.id</translation>
    </message>
    <message>
        <source>Jeda permintaan</source>
        <translation>Request delay</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Batas waktu permintaan</source>
        <translation>Request timeout</translation>
    </message>
    <message>
        <source>Jeda coba ulang pertama</source>
        <translation>First retry delay</translation>
    </message>
    <message>
        <source>Dilipatduakan pada tiap percobaan berikutnya.</source>
        <translation>Doubled on every further attempt.</translation>
    </message>
    <message>
        <source>Jawaban terbesar (MB)</source>
        <translation>Largest answer (MB)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>TataUsaha tidak dapat dimulai</source>
        <translation>TataUsaha cannot start</translation>
    </message>
    <message>
        <source>Periksa folder data dan alamat database, lalu coba lagi.</source>
        <translation>Check the data folder and the database address, then try again.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>tu::ui</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Ada perubahan pada %1 yang belum disimpan. Simpan sekarang?</source>
        <translation>There are unsaved changes in the %1. Save now?</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
</context>
<context>
    <name>tu::ui::ApiStatusLabel</name>
    <message>
        <source>Menyalakan server API…</source>
        <translation>Starting the API server…</translation>
    </message>
    <message>
        <source>Server API aktif di %1</source>
        <translation>API server running at %1</translation>
    </message>
    <message>
        <source>Aplikasi web sekolah memanggil API di alamat ini.</source>
        <translation>The school&apos;s web app calls the API at this address.</translation>
    </message>
    <message>
        <source>Server API tidak berjalan: %1</source>
        <translation>API server not running: %1</translation>
    </message>
    <message>
        <source>Ubah alamat atau port di Pengaturan, lalu simpan untuk mencoba lagi.</source>
        <translation>Change the address or port in Settings, then save to try again.</translation>
    </message>
    <message>
        <source>Server API berhenti</source>
        <translation>API server stopped</translation>
    </message>
</context>
<context>
    <name>tu::ui::AuditPage</name>
    <message>
        <source>Log Audit</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>Setiap perubahan oleh pengguna yang masuk: siapa, kapan, apa, dan isinya sebelum serta sesudahnya.</source>
        <translation>Every change by a signed-in user: who, when, what, and the record before and after it.</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Semua area</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Batasi pada rentang tanggal (zona waktu sekolah)</source>
        <translation>Limit to a date range (the school&apos;s time zone)</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Tidak ada catatan untuk filter ini.</source>
        <translation>No entries for this filter.</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Pilih catatan untuk melihat isinya sebelum dan sesudah perubahan.</source>
        <translation>Pick an entry to see the record before and after the change.</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>system</translation>
    </message>
    <message>
        <source> dari %1</source>
        <translation> from %1</translation>
    </message>
    <message>
        <source>Oleh %1.</source>
        <translation>By %1.</translation>
    </message>
    <message>
        <source>Berubah: %1.</source>
        <translation>Changed: %1.</translation>
    </message>
    <message>
        <source>(kosong: belum ada sebelumnya)</source>
        <translation>(empty: did not exist before)</translation>
    </message>
    <message>
        <source>(kosong: dihapus)</source>
        <translation>(empty: deleted)</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Muat ulang log dan daftar pengguna (F5)</source>
        <translation>Reload the log and the user list (F5)</translation>
    </message>
</context>
<context>
    <name>tu::ui::AuditTableModel</name>
    <message>
        <source>(sistem)</source>
        <translation>(system)</translation>
    </message>
    <message>
        <source>dari %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Sasaran</source>
        <translation>Target</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentEditor</name>
    <message>
        <source>Kosongkan: diambil otomatis dari awal isi berita.</source>
        <translation>Leave empty: taken from the beginning of the article.</translation>
    </message>
    <message>
        <source>Atur waktu</source>
        <translation>Set time</translation>
    </message>
    <message>
        <source>Isi</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Tanpa waktu terbit, berita yang diterbitkan tampil saat itu juga.</source>
        <translation>Without a publication time, a published article appears at once.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentMonthView</name>
    <message>
        <source>Agenda pada hari yang dipilih</source>
        <translation>Events on the selected day</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Tidak ada agenda pada hari ini.</source>
        <translation>No events on this day.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentPage</name>
    <message>
        <source>Konten</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Isi situs sekolah: berita, pengumuman, kalender, guru, fasilitas, ekstrakurikuler, dan karya siswa.</source>
        <translation>The school website&apos;s content: news, announcements, calendar, teachers, facilities, extracurriculars and student works.</translation>
    </message>
    <message>
        <source>Karya Siswa</source>
        <translation>Student Works</translation>
    </message>
    <message>
        <source>Karya Saya</source>
        <translation>My Works</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentTab</name>
    <message>
        <source>Cari %1…</source>
        <translation>Search %1…</translation>
    </message>
    <message>
        <source>Semua %1</source>
        <translation>All %1</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>%1 baru (Ctrl+N)</source>
        <translation>New %1 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tampilan bulan</source>
        <translation>Month view</translation>
    </message>
    <message>
        <source>Terbitkan</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Simpan lalu tampilkan berita ini di situs sekolah</source>
        <translation>Save, then show this article on the school website</translation>
    </message>
    <message>
        <source>Jadikan draf</source>
        <translation>Make draft</translation>
    </message>
    <message>
        <source>Sembunyikan berita ini dari situs sekolah</source>
        <translation>Hide this article from the school website</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Tidak ada yang cocok.</source>
        <translation>Nothing matches.</translation>
    </message>
    <message>
        <source>Belum ada %1.</source>
        <translation>No %1 yet.</translation>
    </message>
    <message>
        <source>Agenda baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Ubah agenda</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>%1 baru</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <source>Ubah %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Tunggu sampai gambar selesai diunggah.</source>
        <translation>Wait until the image has finished uploading.</translation>
    </message>
    <message>
        <source>“%1” ditambahkan.</source>
        <translation>“%1” added.</translation>
    </message>
    <message>
        <source>Perubahan “%1” disimpan.</source>
        <translation>Changes to “%1” saved.</translation>
    </message>
    <message>
        <source>Hapus %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>Hapus “%1”? Tindakan ini tidak dapat dibatalkan; isinya tetap tercatat di log audit.</source>
        <translation>Delete “%1”? This cannot be undone; its content stays in the audit log.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>“%1” dihapus.</source>
        <translation>“%1” deleted.</translation>
    </message>
    <message>
        <source>“%1” diterbitkan.</source>
        <translation>“%1” published.</translation>
    </message>
    <message>
        <source>“%1” dijadikan draf dan tidak tampil di situs.</source>
        <translation>“%1” is a draft again and no longer shown on the website.</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Setujui isian OSIS ini agar tampil di situs sekolah</source>
        <translation>Approve this OSIS item so it appears on the school website</translation>
    </message>
    <message>
        <source>“%1” disetujui dan tampil di situs sekolah.</source>
        <translation>“%1” approved and shown on the school website.</translation>
    </message>
    <message>
        <source>Muat ulang daftar (F5)</source>
        <translation>Reload the list (F5)</translation>
    </message>
    <message>
        <source>%1 ini</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
</context>
<context>
    <name>tu::ui::ContentTableModel</name>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source> · menunggu persetujuan</source>
        <translation> · awaiting approval</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikDataPage</name>
    <message>
        <source>Data Dapodik</source>
        <translation>Dapodik Data</translation>
    </message>
    <message>
        <source>Sekolah dan PTK hasil sinkronisasi terakhir. Data yang sudah tidak ada di Dapodik tetap disimpan sebagai nonaktif.</source>
        <translation>Schools and staff from the last sync. Records no longer in Dapodik are kept as inactive.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Muat ulang data dari database (F5)</source>
        <translation>Reload the data from the database (F5)</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Schools</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>Staff (PTK)</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Tampilkan hanya data satu kecamatan</source>
        <translation>Show only one district</translation>
    </message>
    <message>
        <source>Tampilkan nonaktif</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <source>Tampilkan juga sekolah dan PTK yang sudah tidak ada di Dapodik (abu-abu)</source>
        <translation>Also show schools and staff no longer in Dapodik (greyed)</translation>
    </message>
    <message>
        <source>Gulir ke bawah untuk memuat data berikutnya.</source>
        <translation>Scroll down to load more.</translation>
    </message>
    <message>
        <source>Cari nama sekolah atau NPSN…</source>
        <translation>Search school name or NPSN…</translation>
    </message>
    <message>
        <source>Cari nama, NIK, NUPTK atau NIP…</source>
        <translation>Search name, NIK, NUPTK or NIP…</translation>
    </message>
    <message>
        <source>Tidak ada PTK yang cocok.</source>
        <translation>No matching staff.</translation>
    </message>
    <message>
        <source>Tidak ada sekolah yang cocok.</source>
        <translation>No matching schools.</translation>
    </message>
    <message>
        <source>Belum ada data PTK. Jalankan sinkronisasi di halaman Sinkronisasi.</source>
        <translation>No staff data yet. Run a sync on the Synchronisation page.</translation>
    </message>
    <message>
        <source>Belum ada data sekolah. Jalankan sinkronisasi di halaman Sinkronisasi.</source>
        <translation>No school data yet. Run a sync on the Synchronisation page.</translation>
    </message>
    <message>
        <source>%1 dari %2 PTK ditampilkan</source>
        <translation>%1 of %2 staff shown</translation>
    </message>
    <message>
        <source>%1 dari %2 sekolah ditampilkan</source>
        <translation>%1 of %2 schools shown</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikListModel</name>
    <message>
        <source>Tidak lagi ada di Dapodik sejak %1</source>
        <translation>No longer in Dapodik since %1</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>NPSN</source>
        <translation>NPSN</translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>Staff (PTK)</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
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
        <translation>Gender</translation>
    </message>
    <message>
        <source>Jenis PTK</source>
        <translation>Staff type</translation>
    </message>
    <message>
        <source>Status kepegawaian</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Schools</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncActions</name>
    <message>
        <source>Jalankan sinkronisasi</source>
        <translation>Run a sync</translation>
    </message>
    <message>
        <source>Sinkronisasi global</source>
        <translation>Global sync</translation>
    </message>
    <message>
        <source>Kecamatan, sekolah, lalu PTK seluruh kabupaten (Ctrl+G)</source>
        <translation>Districts, schools, then staff of the whole regency (Ctrl+G)</translation>
    </message>
    <message>
        <source>Kecamatan → sekolah → PTK untuk seluruh kabupaten.</source>
        <translation>Districts → schools → staff for the whole regency.</translation>
    </message>
    <message>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <source>Perbarui daftar sekolah semua kecamatan yang sudah tersimpan</source>
        <translation>Refresh the school lists of every stored district</translation>
    </message>
    <message>
        <source>Semua PTK</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>Perbarui PTK semua sekolah yang sudah tersimpan</source>
        <translation>Refresh the staff of every stored school</translation>
    </message>
    <message>
        <source>Per kecamatan</source>
        <translation>By district</translation>
    </message>
    <message>
        <source>Pilih semua</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Centang kecamatan yang ingin disinkronkan (Spasi mencentang)</source>
        <translation>Tick the districts to sync (Space ticks)</translation>
    </message>
    <message>
        <source>Daftar kecamatan muncul setelah sinkronisasi global pertama.</source>
        <translation>The district list appears after the first global sync.</translation>
    </message>
    <message>
        <source>Sinkronkan kecamatan terpilih</source>
        <translation>Sync selected districts</translation>
    </message>
    <message>
        <source>Satu PTK</source>
        <translation>One staff member</translation>
    </message>
    <message>
        <source>NIK (16 angka)</source>
        <translation>NIK (16 digits)</translation>
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
        <translation>Sync staff member</translation>
    </message>
    <message numerus="yes">
        <source>Sinkronkan %n kecamatan terpilih</source>
        <translation>
            <numerusform>Sync %n selected district</numerusform>
            <numerusform>Sync %n selected districts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sekolah aktif</source>
        <translation>
            <numerusform>%n active school</numerusform>
            <numerusform>%n active schools</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncHistoryModel</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <source>Semua PTK</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>Satu PTK</source>
        <translation>One staff member</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Terputus</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <source>%1 kecamatan</source>
        <translation>%1 districts</translation>
    </message>
    <message>
        <source>%1 sekolah</source>
        <translation>%1 schools</translation>
    </message>
    <message>
        <source>%1 PTK</source>
        <translation>%1 staff</translation>
    </message>
    <message>
        <source>%1 nonaktif</source>
        <translation>%1 inactive</translation>
    </message>
    <message>
        <source>%1 galat</source>
        <translation>%1 errors</translation>
    </message>
    <message>
        <source> (lanjutan)</source>
        <translation> (resumed)</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Durasi</source>
        <translation>Duration</translation>
    </message>
</context>
<context>
    <name>tu::ui::DapodikSyncPage</name>
    <message>
        <source>Sinkronisasi global</source>
        <translation>Global sync</translation>
    </message>
    <message>
        <source>Sinkronisasi kecamatan</source>
        <translation>District sync</translation>
    </message>
    <message>
        <source>Sinkronisasi semua sekolah</source>
        <translation>All-schools sync</translation>
    </message>
    <message>
        <source>Sinkronisasi semua PTK</source>
        <translation>All-staff sync</translation>
    </message>
    <message>
        <source>Sinkronisasi satu PTK</source>
        <translation>Single staff sync</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sinkronisasi Dapodik</source>
        <translation>Dapodik synchronisation</translation>
    </message>
    <message>
        <source>Tarik data wilayah, sekolah, dan PTK dari Dapodik. Sinkronisasi berjalan di latar belakang; halaman lain tetap bisa dipakai.</source>
        <translation>Pull region, school and staff data from Dapodik. Syncs run in the background; the other pages stay usable.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Muat ulang status dan riwayat (F5)</source>
        <translation>Reload the status and history (F5)</translation>
    </message>
    <message>
        <source>Tidak ada sinkronisasi yang berjalan</source>
        <translation>No sync running</translation>
    </message>
    <message>
        <source>Pilih salah satu sinkronisasi di sebelah kiri. Progresnya tampil di sini.</source>
        <translation>Choose a sync on the left. Its progress shows here.</translation>
    </message>
    <message>
        <source>Sinkron global terakhir</source>
        <translation>Last global sync</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Data lokal</source>
        <translation>Local data</translation>
    </message>
    <message>
        <source>Keseluruhan</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>Kecamatan saat ini</source>
        <translation>Current district</translation>
    </message>
    <message>
        <source>Hentikan sinkronisasi; data yang sudah tersimpan tetap ada</source>
        <translation>Stop the sync; data already saved stays</translation>
    </message>
    <message>
        <source>Log langsung</source>
        <translation>Live log</translation>
    </message>
    <message>
        <source>Pesan sinkronisasi muncul di sini saat berjalan.</source>
        <translation>Sync messages appear here while it runs.</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Centang paling sedikit satu kecamatan.</source>
        <translation>Tick at least one district.</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Sinkronkan PTK</source>
        <translation>Sync staff member</translation>
    </message>
    <message>
        <source>Sync detail %1 berhasil!</source>
        <translation>Synced details of %1!</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu permintaan yang sedang berjalan selesai.</source>
        <translation>Cancelling… waiting for the requests in flight to finish.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Sedang berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Kecamatan %1 dari %2</source>
        <translation>District %1 of %2</translation>
    </message>
    <message>
        <source>%1 selesai.</source>
        <translation>%1 finished.</translation>
    </message>
    <message>
        <source>%1 PTK</source>
        <translation>%1 staff</translation>
    </message>
    <message>
        <source>%1 kecamatan · %2 sekolah</source>
        <translation>%1 districts · %2 schools</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Belum ada sinkronisasi.</source>
        <translation>No sync yet.</translation>
    </message>
    <message>
        <source>Belum pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Jalankan sinkronisasi global pertama.</source>
        <translation>Run the first global sync.</translation>
    </message>
    <message>
        <source>Sinkronisasi global sedang berlangsung.</source>
        <translation>A global sync is in progress.</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Dihentikan; jalankan lagi untuk melanjutkan.</source>
        <translation>Stopped; run it again to resume.</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Berhasil, data lengkap.</source>
        <translation>Succeeded, data complete.</translation>
    </message>
</context>
<context>
    <name>tu::ui::DashboardPage</name>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Ringkasan data Dapodik kabupaten dan pendaftar PPDB. Diperbarui setiap kali sinkronisasi selesai.</source>
        <translation>Summary of the regency&apos;s Dapodik data and admissions applicants. Updated after every sync.</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Muat ulang angka dan grafik (F5)</source>
        <translation>Reload the figures and charts (F5)</translation>
    </message>
    <message>
        <source>Belum ada data Dapodik. Jalankan sinkronisasi global di halaman Sinkronisasi untuk mengisi dasbor.</source>
        <translation>No Dapodik data yet. Run a global sync on the Synchronisation page to fill the dashboard.</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Sekolah</source>
        <translation>Schools</translation>
    </message>
    <message>
        <source>PTK</source>
        <translation>Staff (PTK)</translation>
    </message>
    <message>
        <source>Pendaftar PPDB</source>
        <translation>Admissions applicants</translation>
    </message>
    <message>
        <source>PTK per kecamatan</source>
        <translation>Staff per district</translation>
    </message>
    <message>
        <source>PTK aktif di sekolah tiap kecamatan</source>
        <translation>Active staff in each district&apos;s schools</translation>
    </message>
    <message>
        <source>Status kepegawaian</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <source>PTK aktif</source>
        <translation>Active staff</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Pendaftar PPDB per status</source>
        <translation>Applicants per status</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif</source>
        <translation>Active academic year</translation>
    </message>
    <message>
        <source>aktif di Dapodik</source>
        <translation>active in Dapodik</translation>
    </message>
    <message>
        <source>%1 guru · %2 tenaga kependidikan</source>
        <translation>%1 teachers · %2 education staff</translation>
    </message>
    <message>
        <source>%1 diterima · %2 menunggu</source>
        <translation>%1 accepted · %2 pending</translation>
    </message>
    <message>
        <source>Pendaftar</source>
        <translation>Applicants</translation>
    </message>
</context>
<context>
    <name>tu::ui::FirstRunDialog</name>
    <message>
        <source>Penyiapan awal — TataUsaha</source>
        <translation>First-time setup — TataUsaha</translation>
    </message>
    <message>
        <source>Selamat datang di TataUsaha</source>
        <translation>Welcome to TataUsaha</translation>
    </message>
    <message>
        <source>Belum ada akun. Buat akun admin pertama; dengan akun ini Anda dapat menambahkan pengguna lain.</source>
        <translation>There are no accounts yet. Create the first admin account; with it you can add other users.</translation>
    </message>
    <message>
        <source>Akun admin pertama selalu bernama admin.</source>
        <translation>The first admin account is always called admin.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi password</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buat akun admin</source>
        <translation>Create admin account</translation>
    </message>
    <message>
        <source>Kedua password tidak sama. Ketik ulang.</source>
        <translation>The two passwords differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>tu::ui::ImagePicker</name>
    <message>
        <source>Pilih gambar…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>Hapus gambar</source>
        <translation>Remove image</translation>
    </message>
    <message>
        <source>Belum ada gambar</source>
        <translation>No image yet</translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia</source>
        <translation>No preview available</translation>
    </message>
    <message>
        <source>Pilih gambar</source>
        <translation>Choose image</translation>
    </message>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Mengunggah…</source>
        <translation>Uploading…</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat dibuka.</source>
        <translation>The file %1 cannot be opened.</translation>
    </message>
    <message>
        <source>Mengunggah gambar…</source>
        <translation>Uploading the image…</translation>
    </message>
    <message>
        <source>JPEG, PNG atau WebP, paling besar 5 MB.</source>
        <translation>JPEG, PNG or WebP, at most 5 MB.</translation>
    </message>
</context>
<context>
    <name>tu::ui::JobProgressPanel</name>
    <message>
        <source>Sisa ± %1 detik</source>
        <translation>About %1 s left</translation>
    </message>
    <message numerus="yes">
        <source>Sisa ± %n menit</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sisa ± %n jam</source>
        <translation>
            <numerusform>About %n hour left</numerusform>
            <numerusform>About %n hours left</numerusform>
        </translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Berjalan %1 · %2</source>
        <translation>Running %1 · %2</translation>
    </message>
    <message>
        <source>menghitung sisa waktu…</source>
        <translation>estimating time left…</translation>
    </message>
    <message>
        <source>Dihentikan setelah %1</source>
        <translation>Stopped after %1</translation>
    </message>
    <message>
        <source>Selesai dalam %1</source>
        <translation>Finished in %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::LiveList</name>
    <message>
        <source>Memuat data</source>
        <translation>Loading data</translation>
    </message>
</context>
<context>
    <name>tu::ui::LoginDialog</name>
    <message>
        <source>Masuk — TataUsaha</source>
        <translation>Sign in — TataUsaha</translation>
    </message>
    <message>
        <source>Masuk ke TataUsaha</source>
        <translation>Sign in to TataUsaha</translation>
    </message>
    <message>
        <source>mis. admin</source>
        <translation>e.g. admin</translation>
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
        <translation>Type the digits in the picture</translation>
    </message>
    <message>
        <source>&amp;Kode captcha</source>
        <translation>&amp;Captcha code</translation>
    </message>
    <message>
        <source>Muat captcha baru</source>
        <translation>Load a new captcha</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
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
        <translation>School administration</translation>
    </message>
    <message>
        <source>MENU</source>
        <translation>MENU</translation>
    </message>
    <message>
        <source>Versi %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Keluar dari akun ini (Ctrl+Shift+L)</source>
        <translation>Sign out of this account (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Keluar akun</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>B&amp;uka</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Tentang TataUsaha</source>
        <translation>&amp;About TataUsaha</translation>
    </message>
    <message>
        <source>%1 — TataUsaha</source>
        <translation>%1 — TataUsaha</translation>
    </message>
    <message>
        <source>Tentang TataUsaha</source>
        <translation>About TataUsaha</translation>
    </message>
    <message>
        <source>&lt;b&gt;TataUsaha %1&lt;/b&gt;&lt;br&gt;Administrasi tata usaha SMP: PPDB, tahun ajaran, konten sekolah, pengguna, serta pertukaran data dengan Dapodik, SPLP Satu Data Indonesia, dan SIPD.</source>
        <translation>&lt;b&gt;TataUsaha %1&lt;/b&gt;&lt;br&gt;School office administration for junior high schools: admissions, academic years, school content, users, and data exchange with Dapodik, SPLP Satu Data Indonesia and SIPD.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sinkronisasi masih berjalan</source>
        <translation>A sync is still running</translation>
    </message>
    <message>
        <source>Sinkronisasi masih berjalan. Hentikan sekarang (data yang sudah masuk tetap tersimpan), atau tunggu sampai selesai lalu tutup aplikasi?</source>
        <translation>A sync is still running. Stop it now (data already received stays stored), or wait until it finishes and then close the application?</translation>
    </message>
    <message>
        <source>Hentikan lalu tutup</source>
        <translation>Stop and close</translation>
    </message>
    <message>
        <source>Tunggu, lalu tutup</source>
        <translation>Wait, then close</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Aplikasi ditutup setelah sinkronisasi selesai.</source>
        <translation>The application closes when the sync has finished.</translation>
    </message>
</context>
<context>
    <name>tu::ui::MessageBanner</name>
    <message>
        <source>Tutup pesan</source>
        <translation>Dismiss message</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Batalkan perubahan yang baru saja dilakukan</source>
        <translation>Undo the change just made</translation>
    </message>
</context>
<context>
    <name>tu::ui::PageParts</name>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>tu::ui::Pager</name>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Halaman sebelumnya</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Halaman berikutnya</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>%1–%2 dari %3</source>
        <translation>%1–%2 of %3</translation>
    </message>
    <message>
        <source>Halaman %1 dari %2</source>
        <translation>Page %1 of %2</translation>
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
        <translation>Reset password for %1</translation>
    </message>
    <message>
        <source>Pengguna %1 akan keluar dari semua sesi dan login dengan password baru ini.</source>
        <translation>User %1 will be signed out of every session and sign in with this new password.</translation>
    </message>
    <message>
        <source>Password baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan password</source>
        <translation>Save password</translation>
    </message>
    <message>
        <source>password baru %1</source>
        <translation>new password for %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::PlaceholderPage</name>
    <message>
        <source>Segera hadir</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Modul %1 sedang disiapkan</source>
        <translation>The %1 module is being prepared</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbDetailDialog</name>
    <message>
        <source>Verifikasi</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Pas foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Ijazah / SKL</source>
        <translation>Certificate (ijazah / SKL)</translation>
    </message>
    <message>
        <source>Kartu Keluarga</source>
        <translation>Family card (KK)</translation>
    </message>
    <message>
        <source>Akta kelahiran</source>
        <translation>Birth certificate</translation>
    </message>
    <message>
        <source>Detail pendaftaran</source>
        <translation>Registration details</translation>
    </message>
    <message>
        <source>Data calon siswa</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Orang tua dan kontak</source>
        <translation>Parents and contact</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Previous school</translation>
    </message>
    <message>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <source>HP ayah</source>
        <translation>Father&apos;s mobile</translation>
    </message>
    <message>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <source>HP ibu</source>
        <translation>Mother&apos;s mobile</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Cara daftar</source>
        <translation>Registered via</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation>Registered at</translation>
    </message>
    <message>
        <source>Terakhir diubah</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Daftar ulang</source>
        <translation>Re-registrations</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Buka dokumen</source>
        <translation>Open document</translation>
    </message>
    <message>
        <source>Cetak Bukti Pendaftaran</source>
        <translation>Print Proof of Registration</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dokumen tidak dapat dibuka. Berkas tersimpan di %1.</source>
        <translation>The document cannot be opened. The file is stored at %1.</translation>
    </message>
    <message>
        <source>%1 · NISN %2</source>
        <translation>%1 · NISN %2</translation>
    </message>
    <message>
        <source>Catatan: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Langsung di sekolah</source>
        <translation>In person at the school</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Belum pernah</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>%n kali</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2 (%3 KB)%4</source>
        <translation>%1 — %2 (%3 KB)%4</translation>
    </message>
    <message>
        <source> · versi lama</source>
        <translation> · old version</translation>
    </message>
    <message>
        <source>Belum ada dokumen yang diunggah.
Calon siswa mengunggah pas foto, ijazah, KK dan akta melalui formulir daring.</source>
        <translation>No documents uploaded yet.
Applicants upload their photo, certificate, family card and birth certificate through the online form.</translation>
    </message>
    <message>
        <source>%1 berupa PDF.
Tekan &quot;Buka dokumen&quot; untuk melihatnya.</source>
        <translation>%1 is a PDF.
Press &quot;Open document&quot; to view it.</translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia.</source>
        <translation>No preview available.</translation>
    </message>
    <message>
        <source>Status %1 sekarang %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <source>Bukti pendaftaran disimpan di %1.</source>
        <translation>Proof of registration saved to %1.</translation>
    </message>
    <message>
        <source>Simpan bukti pendaftaran</source>
        <translation>Save proof of registration</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;A4…</source>
        <translation>Print on &amp;A4 paper…</translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;F4 / Folio…</source>
        <translation>Print on &amp;F4 / Folio paper…</translation>
    </message>
    <message>
        <source>Simpan sebagai &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>Pratinjau cetak: bukti pendaftaran %1</source>
        <translation>Print preview: proof of registration %1</translation>
    </message>
    <message>
        <source>Bukti Pendaftaran %1</source>
        <translation>Proof of Registration %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbPage</name>
    <message>
        <source>PPDB</source>
        <translation>Admissions (PPDB)</translation>
    </message>
    <message>
        <source>Penerimaan peserta didik baru: periksa berkas, verifikasi dan umumkan hasilnya.</source>
        <translation>New student admissions: check documents, verify and announce the results.</translation>
    </message>
    <message>
        <source>Ekspor Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Pendaftaran langsung</source>
        <translation>Walk-in registration</translation>
    </message>
    <message>
        <source>Daftarkan calon siswa yang datang ke sekolah (Ctrl+N)</source>
        <translation>Register an applicant who came to the school (Ctrl+N)</translation>
    </message>
    <message>
        <source>Cari nama, NISN atau nomor…</source>
        <translation>Search name, NISN or number…</translation>
    </message>
    <message>
        <source>Daftar pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <source>Lihat detail…</source>
        <translation>View details…</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Belum ada pendaftaran.</source>
        <translation>No registrations yet.</translation>
    </message>
    <message>
        <source>Tidak ada pendaftaran yang cocok.</source>
        <translation>No matching registrations.</translation>
    </message>
    <message>
        <source>Pendaftaran %1 tersimpan dengan nomor %2. Cetak bukti pendaftaran dari detailnya.</source>
        <translation>Registration of %1 saved with number %2. Print the proof of registration from its details.</translation>
    </message>
    <message>
        <source>Ekspor pendaftaran PPDB</source>
        <translation>Export PPDB registrations</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Menyiapkan berkas Excel…</source>
        <translation>Preparing the Excel file…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <source>Berkas %1 tidak dapat ditulis. Periksa folder dan izin aksesnya.</source>
        <translation>The file %1 cannot be written. Check the folder and its permissions.</translation>
    </message>
    <message>
        <source>Data PPDB diekspor ke %1.</source>
        <translation>PPDB data exported to %1.</translation>
    </message>
    <message>
        <source>Ada pendaftaran langsung yang belum disimpan (%1). Buka &quot;Pendaftaran langsung&quot; untuk melanjutkannya.</source>
        <translation>There is an unsaved walk-in registration (%1). Open &quot;Walk-in registration&quot; to continue it.</translation>
    </message>
    <message>
        <source>Draf pendaftaran langsung</source>
        <translation>Walk-in registration draft</translation>
    </message>
    <message>
        <source>Ada pendaftaran langsung yang belum disimpan%1. Lanjutkan mengisinya? Bila tidak, draf itu dibuang.</source>
        <translation>There is an unsaved walk-in registration%1. Continue filling it in? If not, the draft is discarded.</translation>
    </message>
    <message>
        <source>Lanjutkan draf</source>
        <translation>Continue the draft</translation>
    </message>
    <message>
        <source>Muat ulang daftar pendaftaran (F5)</source>
        <translation>Reload the registration list (F5)</translation>
    </message>
    <message>
        <source>Cetak daftar</source>
        <translation>Print list</translation>
    </message>
    <message>
        <source>Cetak daftar pendaftar tab ini dengan pratinjau; tab Diterima mencetak pengumuman (Ctrl+P)</source>
        <translation>Print this tab's applicants with a preview; the Accepted tab prints the announcement (Ctrl+P)</translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;A4…</source>
        <translation>Print on &amp;A4 paper…</translation>
    </message>
    <message>
        <source>Cetak di kertas &amp;F4 / Folio…</source>
        <translation>Print on &amp;F4 / Folio paper…</translation>
    </message>
    <message>
        <source>Pengumuman hasil PPDB: calon siswa yang diterima</source>
        <translation>PPDB results: accepted applicants</translation>
    </message>
    <message>
        <source>Daftar pendaftar PPDB</source>
        <translation>PPDB applicants</translation>
    </message>
    <message>
        <source>Daftar pendaftar PPDB: %1</source>
        <translation>PPDB applicants: %1</translation>
    </message>
    <message>
        <source>Pratinjau cetak: %1</source>
        <translation>Print preview: %1</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbStatusDialog</name>
    <message>
        <source>%1 pendaftaran</source>
        <translation>%1 registration</translation>
    </message>
    <message>
        <source>%1 pendaftaran %2</source>
        <translation>%1 registration %2</translation>
    </message>
    <message>
        <source>Berkas %1 sudah diperiksa dan sesuai. Catatan bersifat opsional.</source>
        <translation>The documents of %1 have been checked and are in order. The note is optional.</translation>
    </message>
    <message>
        <source>%1 diterima sebagai calon siswa baru. Catatan bersifat opsional.</source>
        <translation>%1 is accepted as a new student. The note is optional.</translation>
    </message>
    <message>
        <source>Pendaftaran %1 ditolak. Tuliskan alasannya agar calon siswa tahu apa yang harus diperbaiki.</source>
        <translation>The registration of %1 is rejected. Write the reason so the applicant knows what to fix.</translation>
    </message>
    <message>
        <source>Alasan penolakan (wajib)</source>
        <translation>Reason for rejection (required)</translation>
    </message>
    <message>
        <source>Catatan (opsional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Alasan penolakan</source>
        <translation>Reason for rejection</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Previous school</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu daftar</source>
        <translation>Registered at</translation>
    </message>
</context>
<context>
    <name>tu::ui::PpdbWalkInDialog</name>
    <message>
        <source>Pendaftaran langsung</source>
        <translation>Walk-in registration</translation>
    </message>
    <message>
        <source>Pendaftaran langsung di sekolah</source>
        <translation>Walk-in registration at the school</translation>
    </message>
    <message>
        <source>Untuk calon siswa yang datang ke kantor tata usaha. Isi sesuai dokumen asli; nomor pendaftaran dibuat otomatis setelah disimpan.</source>
        <translation>For applicants who come to the school office. Fill in from the original documents; the registration number is assigned when saved.</translation>
    </message>
    <message>
        <source>Data calon siswa</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>NISN</source>
        <translation>NISN</translation>
    </message>
    <message>
        <source>10 angka</source>
        <translation>10 digits</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>sesuai akta kelahiran</source>
        <translation>as on the birth certificate</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Sekolah asal</source>
        <translation>Previous school</translation>
    </message>
    <message>
        <source>mis. SD Negeri 1 Depok</source>
        <translation>e.g. SD Negeri 1 Depok</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>jalan, RT/RW, dusun/desa</source>
        <translation>street, RT/RW, hamlet/village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>5 angka</source>
        <translation>5 digits</translation>
    </message>
    <message>
        <source>Orang tua</source>
        <translation>Parents</translation>
    </message>
    <message>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <source>HP ayah</source>
        <translation>Father&apos;s mobile</translation>
    </message>
    <message>
        <source>081234567890</source>
        <translation>081234567890</translation>
    </message>
    <message>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <source>HP ibu</source>
        <translation>Mother&apos;s mobile</translation>
    </message>
    <message>
        <source>Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>nomor yang aktif untuk dihubungi</source>
        <translation>a number we can reach</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>nama@contoh.id</source>
        <translation>name@example.id</translation>
    </message>
    <message>
        <source>Simpan pendaftaran</source>
        <translation>Save registration</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>formulir pendaftaran</source>
        <translation>registration form</translation>
    </message>
</context>
<context>
    <name>tu::ui::RichTextEditor</name>
    <message>
        <source>Sisipkan tautan</source>
        <translation>Insert link</translation>
    </message>
    <message>
        <source>Ubah tautan</source>
        <translation>Edit link</translation>
    </message>
    <message>
        <source>Alamat tautan</source>
        <translation>Link address</translation>
    </message>
    <message>
        <source>Lepas tautan</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pasang</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Alamat tautan harus diawali http://, https://, atau mailto:. Periksa lalu coba lagi.</source>
        <translation>The link address must start with http://, https:// or mailto:. Check it and try again.</translation>
    </message>
    <message>
        <source>Tebal</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>Miring</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>Garis bawah</source>
        <translation>Underline</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Paragraf biasa</source>
        <translation>Normal paragraph</translation>
    </message>
    <message>
        <source>Subjudul</source>
        <translation>Subheading</translation>
    </message>
    <message>
        <source>Daftar berpoin</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Daftar bernomor</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Tautan</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Hapus format</source>
        <translation>Clear formatting</translation>
    </message>
    <message>
        <source>Sunting sebagai HTML</source>
        <translation>Edit as HTML</translation>
    </message>
    <message>
        <source>Isi ini memuat tabel, gambar, atau kutipan yang tidak dapat disunting di sini tanpa hilang, jadi isinya disimpan apa adanya. Untuk mengubahnya, pilih Sunting sebagai HTML.</source>
        <translation>This text holds tables, images or quotes that cannot be edited here without being lost, so it is kept as it is. To change it, choose Edit as HTML.</translation>
    </message>
    <message>
        <source>HTML isi ini. Tag di luar yang diizinkan (paragraf, judul, daftar, tebal, miring, tautan, tabel, gambar) dibuang saat disimpan.</source>
        <translation>The HTML of this text. Tags other than the allowed ones (paragraphs, headings, lists, bold, italic, links, tables, images) are removed on saving.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataConflictDialog</name>
    <message>
        <source>Konflik data</source>
        <translation>Data conflict</translation>
    </message>
    <message>
        <source>Konflik dengan %1</source>
        <translation>Conflict with %1</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Versi lokal (TataUsaha)</source>
        <translation>Local version (TataUsaha)</translation>
    </message>
    <message>
        <source>Versi portal</source>
        <translation>Portal version</translation>
    </message>
    <message>
        <source>Pakai versi lokal</source>
        <translation>Keep local version</translation>
    </message>
    <message>
        <source>Kirim ulang versi TataUsaha dan timpa perubahan di portal</source>
        <translation>Send the TataUsaha version again and overwrite the changes on the portal</translation>
    </message>
    <message>
        <source>Pakai versi portal</source>
        <translation>Keep portal version</translation>
    </message>
    <message>
        <source>Ambil judul dan deskripsi dari portal ke berkas ini</source>
        <translation>Take the title and description from the portal into this file</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ditemukan %1</source>
        <translation>Found %1</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Deskripsi</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Dataset di portal diubah orang lain sejak kiriman terakhir kita, dan berkas di sini juga berubah. Pilih versi yang dipakai; bagian yang berbeda ditandai.</source>
        <translation>Someone changed the dataset on the portal since our last upload, and the file here changed too. Choose the version to keep; the parts that differ are marked.</translation>
    </message>
    <message>
        <source>Jumlah baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Terakhir diubah</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataFileModel</name>
    <message>
        <source>Belum pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Tersinkron</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Tersinkron %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Gagal (%1)</source>
        <translation>Failed (%1)</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Terverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Berkas: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Diverifikasi oleh %1, %2</source>
        <translation>Verified by %1, %2</translation>
    </message>
    <message>
        <source>Belum diverifikasi admin: tidak ikut dikirim.</source>
        <translation>Not verified by an admin: it is not sent.</translation>
    </message>
    <message>
        <source>Data di portal diubah sejak kiriman terakhir. Buka Sync untuk memilih versi.</source>
        <translation>The data on the portal changed since the last upload. Open Sync to choose a version.</translation>
    </message>
    <message>
        <source>%1
ID di portal: %2</source>
        <translation>%1
Portal ID: %2</translation>
    </message>
    <message>
        <source>Sinkronkan berkas ini (Ctrl+Y atau Enter)</source>
        <translation>Sync this file (Ctrl+Y or Enter)</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Integrasi</source>
        <translation>Integration</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataFilesPanel</name>
    <message>
        <source>Ubah keterangan…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <source>Ganti berkas…</source>
        <translation>Replace file…</translation>
    </message>
    <message>
        <source>Ganti isi berkas dengan CSV/XLSX baru; verifikasi perlu diulang</source>
        <translation>Replace the file&apos;s content with a new CSV/XLSX; it must be verified again</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Hapus berkas yang belum pernah dikirim (Delete)</source>
        <translation>Delete a file that was never sent (Delete)</translation>
    </message>
    <message>
        <source>Verifikasi</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Sync…</translation>
    </message>
    <message>
        <source>Sinkronkan berkas terpilih ke SPLP/SIPD (Ctrl+Y atau Enter)</source>
        <translation>Sync the selected file to SPLP/SIPD (Ctrl+Y or Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n berkas</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Belum ada berkas. Unggah CSV atau XLSX untuk memulai.</source>
        <translation>No files yet. Upload a CSV or XLSX file to begin.</translation>
    </message>
    <message>
        <source>Batalkan verifikasi</source>
        <translation>Revoke verification</translation>
    </message>
    <message>
        <source>Tandai isi dan keterangan berkas sudah diperiksa; hanya berkas terverifikasi yang dikirim</source>
        <translation>Mark the file&apos;s content and details as checked; only verified files are sent</translation>
    </message>
    <message>
        <source>Hanya admin yang dapat memverifikasi berkas.</source>
        <translation>Only admins can verify files.</translation>
    </message>
    <message>
        <source>Pilih berkas data</source>
        <translation>Choose a data file</translation>
    </message>
    <message>
        <source>Tabel data (*.csv *.xlsx);;Semua berkas (*)</source>
        <translation>Data tables (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>Berkas %1 diunggah: %n baris. Minta admin memverifikasinya sebelum dikirim.</source>
        <translation>
            <numerusform>File %1 uploaded: %n row. Ask an admin to verify it before it is sent.</numerusform>
            <numerusform>File %1 uploaded: %n rows. Ask an admin to verify it before it is sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pilih berkas pengganti</source>
        <translation>Choose the replacement file</translation>
    </message>
    <message>
        <source>Membaca dan memeriksa %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message numerus="yes">
        <source>Isi berkas %1 diganti (%n baris). Verifikasi perlu diulang sebelum dikirim.</source>
        <translation>
            <numerusform>The content of %1 was replaced (%n row). It must be verified again before it is sent.</numerusform>
            <numerusform>The content of %1 was replaced (%n rows). It must be verified again before it is sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keterangan berkas %1 disimpan.</source>
        <translation>Details of %1 saved.</translation>
    </message>
    <message>
        <source>Hapus berkas</source>
        <translation>Delete file</translation>
    </message>
    <message>
        <source>Hapus berkas %1? Berkas yang belum pernah dikirim dapat dihapus; tindakan ini tidak dapat dibatalkan.</source>
        <translation>Delete the file %1? Files that were never sent can be deleted; this cannot be undone.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Berkas %1 dihapus.</source>
        <translation>File %1 deleted.</translation>
    </message>
    <message>
        <source>Berkas %1 terverifikasi dan siap dikirim.</source>
        <translation>File %1 is verified and ready to be sent.</translation>
    </message>
    <message>
        <source>Verifikasi berkas %1 dibatalkan; berkas tidak akan dikirim.</source>
        <translation>Verification of %1 revoked; the file will not be sent.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataLogPanel</name>
    <message>
        <source>Berhasil</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 dtk</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Semua tujuan</source>
        <translation>All targets</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kelas gagal</source>
        <translation>Failure class</translation>
    </message>
    <message>
        <source>Durasi</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Jawaban portal</source>
        <translation>Portal answer</translation>
    </message>
    <message>
        <source>Pilih baris log untuk melihat jawaban lengkap dari portal.</source>
        <translation>Select a log row to see the portal&apos;s full answer.</translation>
    </message>
    <message>
        <source>Antrean coba ulang</source>
        <translation>Retry queue</translation>
    </message>
    <message>
        <source>Percobaan</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Berikutnya</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu dicoba ulang. Kegagalan sementara (jaringan, batas permintaan, server portal) muncul di sini sampai berhasil dikirim.</source>
        <translation>Nothing is waiting to be retried. Temporary failures (network, rate limit, portal server) appear here until they are sent.</translation>
    </message>
    <message>
        <source>Belum ada catatan.</source>
        <translation>No entries yet.</translation>
    </message>
    <message>
        <source>%1 dari %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1
Galat terakhir: %2</source>
        <translation>%1
Last error: %2</translation>
    </message>
    <message>
        <source>Kosong</source>
        <translation>Empty</translation>
    </message>
    <message numerus="yes">
        <source>%n menunggu</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2, percobaan ke-%3 oleh %4</source>
        <translation>%1, %2, attempt %3 by %4</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>system</translation>
    </message>
    <message>
        <source>(tidak ada jawaban dari portal)</source>
        <translation>(no answer from the portal)</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataMetaDialog</name>
    <message>
        <source>Unggah berkas data</source>
        <translation>Upload data file</translation>
    </message>
    <message>
        <source>Ubah keterangan berkas</source>
        <translation>Edit file details</translation>
    </message>
    <message>
        <source>Berkas: %1 (%2)</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <source>Berkas: %1 · %2 baris</source>
        <translation>File: %1 · %2 rows</translation>
    </message>
    <message>
        <source>&amp;Judul</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>mis. Jumlah Siswa per Kelas 2025</source>
        <translation>e.g. Students per Class 2025</translation>
    </message>
    <message>
        <source>Isi data, sumber, dan cara pengumpulannya</source>
        <translation>What the data holds, its source and how it was collected</translation>
    </message>
    <message>
        <source>&amp;Deskripsi</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Periode</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>Tahun, mis. 2025</source>
        <translation>Year, e.g. 2025</translation>
    </message>
    <message>
        <source>&amp;Satuan</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>mis. orang, rombel, persen</source>
        <translation>e.g. people, classes, percent</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>Dipisah koma, mis. siswa, kelas</source>
        <translation>Comma separated, e.g. students, classes</translation>
    </message>
    <message>
        <source>Kode &amp;indikator</source>
        <translation>&amp;Indicator code</translation>
    </message>
    <message>
        <source>SIPD, mis. 1.01.02</source>
        <translation>SIPD, e.g. 1.01.02</translation>
    </message>
    <message>
        <source>Kode pe&amp;mda</source>
        <translation>Local &amp;government code</translation>
    </message>
    <message>
        <source>SIPD, mis. 3404</source>
        <translation>SIPD, e.g. 3404</translation>
    </message>
    <message>
        <source>Kode indikator dan kode pemda diperlukan untuk SIPD e-walidata. Berkas baru atau yang diubah perlu diverifikasi admin sebelum dapat dikirim.</source>
        <translation>The indicator and local government codes are needed for SIPD e-walidata. New or changed files must be verified by an admin before they can be sent.</translation>
    </message>
    <message>
        <source>Unggah</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: %1</source>
        <translation>The file cannot be read: %1</translation>
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
        <translation>The school&apos;s data files for SPLP Satu Data Indonesia and SIPD e-walidata. Only files verified by an admin are sent.</translation>
    </message>
    <message>
        <source>Segarkan</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Muat ulang berkas, status, dan log (F5)</source>
        <translation>Reload files, states and log (F5)</translation>
    </message>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync all files</translation>
    </message>
    <message>
        <source>Kirim semua berkas terverifikasi ke SPLP dan/atau SIPD (Ctrl+Shift+Y)</source>
        <translation>Send every verified file to SPLP and/or SIPD (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>Unggah berkas</source>
        <translation>Upload file</translation>
    </message>
    <message>
        <source>Unggah berkas CSV atau XLSX, paling besar 10 MB (Ctrl+U)</source>
        <translation>Upload a CSV or XLSX file of at most 10 MB (Ctrl+U)</translation>
    </message>
    <message>
        <source>Berkas data</source>
        <translation>Data files</translation>
    </message>
    <message>
        <source>Log sinkronisasi</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <source>Jadwal otomatis</source>
        <translation>Schedule</translation>
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
        <translation>Overall</translation>
    </message>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync all files</translation>
    </message>
    <message>
        <source>Hentikan setelah berkas yang sedang dikirim (Esc)</source>
        <translation>Stop after the file being sent (Esc)</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu berkas yang sedang dikirim selesai.</source>
        <translation>Cancelling… waiting for the file being sent to finish.</translation>
    </message>
    <message>
        <source>Sinkronisasi Satu Data berjalan</source>
        <translation>Satu Data sync running</translation>
    </message>
    <message>
        <source>%1 (%2 dari %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>Sync semua berkas dibatalkan</source>
        <translation>Sync of all files cancelled</translation>
    </message>
    <message>
        <source>Sync semua berkas selesai</source>
        <translation>Sync of all files finished</translation>
    </message>
    <message>
        <source>Sync semua berkas gagal</source>
        <translation>Sync of all files failed</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataSchedulePanel</name>
    <message>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Sinkronisasi otomatis</source>
        <translation>Automatic sync</translation>
    </message>
    <message>
        <source>TataUsaha mengirim semua berkas terverifikasi pada jadwal ini (waktu sekolah, %1), selama aplikasi atau server berjalan. Berkas yang tidak berubah tidak dikirim ulang.</source>
        <translation>TataUsaha sends every verified file on this schedule (school time, %1) while the application or the server runs. Unchanged files are not sent again.</translation>
    </message>
    <message>
        <source>Simpan jadwal</source>
        <translation>Save schedule</translation>
    </message>
    <message>
        <source>Tidak terjadwal</source>
        <translation>Not scheduled</translation>
    </message>
    <message>
        <source>Setiap hari</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Setiap minggu</source>
        <translation>Every week</translation>
    </message>
    <message>
        <source>&amp;Frekuensi</source>
        <translation>&amp;Frequency</translation>
    </message>
    <message>
        <source>&amp;Hari</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>&amp;Pukul</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Jika pengiriman gagal</source>
        <translation>When sending fails</translation>
    </message>
    <message>
        <source>Kegagalan sementara (jaringan, batas permintaan, server portal) masuk antrean coba ulang dan dicoba lagi otomatis setelah 1 menit, 5 menit, 15 menit, 1 jam, lalu 6 jam. Kegagalan autentikasi dan validasi perlu diperbaiki dulu: periksa kunci API di Pengaturan atau isi berkasnya, lalu jalankan Sync lagi. Semua percobaan tercatat di tab Log sinkronisasi.</source>
        <translation>Temporary failures (network, rate limit, portal server) go to the retry queue and are tried again automatically after 1 minute, 5 minutes, 15 minutes, 1 hour, then 6 hours. Authentication and validation failures must be fixed first: check the API key in Settings or the file&apos;s content, then run Sync again. Every attempt is recorded in the Sync log tab.</translation>
    </message>
    <message>
        <source>Berikutnya: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source>Tidak ada sinkronisasi terjadwal.</source>
        <translation>No sync is scheduled.</translation>
    </message>
    <message>
        <source>diubah %1 oleh %2</source>
        <translation>changed %1 by %2</translation>
    </message>
    <message>
        <source>sistem</source>
        <translation>system</translation>
    </message>
    <message>
        <source>Jadwal disimpan: %1.</source>
        <translation>Schedule saved: %1.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataSyncDialog</name>
    <message>
        <source>Sebagian diterima</source>
        <translation>Partly accepted</translation>
    </message>
    <message>
        <source>Berhasil</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Tidak berubah</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Dilewati</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Sync berkas</source>
        <translation>Sync file</translation>
    </message>
    <message>
        <source>Periode %1</source>
        <translation>Period %1</translation>
    </message>
    <message numerus="yes">
        <source>%n baris</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>diverifikasi %1</source>
        <translation>verified by %1</translation>
    </message>
    <message>
        <source>belum diverifikasi</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>Kirim ke:</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <source>Sync berkas ini</source>
        <translation>Sync this file</translation>
    </message>
    <message>
        <source>Menyinkronkan… permintaan ke portal sedang berjalan.</source>
        <translation>Syncing… the requests to the portals are running.</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Berkas ini belum diverifikasi admin; hanya berkas terverifikasi yang dapat dikirim.</source>
        <translation>This file is not verified by an admin; only verified files can be sent.</translation>
    </message>
    <message>
        <source>Sync lagi</source>
        <translation>Sync again</translation>
    </message>
    <message>
        <source>ID portal: %1</source>
        <translation>Portal ID: %1</translation>
    </message>
    <message>
        <source>%1 baris diterima, %2 ditolak</source>
        <translation>%1 rows accepted, %2 refused</translation>
    </message>
    <message>
        <source>%1 detik</source>
        <translation>%1 seconds</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Kelas kegagalan: %1</source>
        <translation>Failure class: %1</translation>
    </message>
    <message>
        <source>Masuk antrean ulang: dicoba lagi otomatis nanti.</source>
        <translation>Put on the retry queue: it will be tried again automatically.</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Lihat konflik…</source>
        <translation>View conflict…</translation>
    </message>
    <message>
        <source>Hasil sinkronisasi</source>
        <translation>Sync results</translation>
    </message>
</context>
<context>
    <name>tu::ui::SatuDataTargetsDialog</name>
    <message>
        <source>Sync semua berkas</source>
        <translation>Sync all files</translation>
    </message>
    <message>
        <source>%1 dari %2 berkas terverifikasi akan dikirim; yang belum diverifikasi dilewati. Berkas yang isinya tidak berubah sejak kiriman terakhir tidak dikirim ulang.</source>
        <translation>%1 of %2 files are verified and will be sent; unverified ones are skipped. Files whose content has not changed since the last upload are not sent again.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>tu::ui::SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Layani LAN (0.0.0.0)</source>
        <translation>Serve the LAN (0.0.0.0)</translation>
    </message>
    <message>
        <source>Komputer lain di jaringan sekolah dapat memanggil API.</source>
        <translation>Other computers on the school network can call the API.</translation>
    </message>
    <message>
        <source>Penyimpanan di komputer ini</source>
        <translation>Storage on this computer</translation>
    </message>
    <message>
        <source>Berlaku setelah aplikasi dimulai ulang. Kosongkan untuk memakai lokasi bawaan.</source>
        <translation>Applies after the application restarts. Leave empty to use the default location.</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Pilih folder data</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <source>Sedang dipakai: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>sqlite:&lt;folder data&gt;/tatausaha.sqlite atau postgresql://user:pass@host:5432/db</source>
        <translation>sqlite:&lt;data folder&gt;/tatausaha.sqlite or postgresql://user:pass@host:5432/db</translation>
    </message>
    <message>
        <source>URL database</source>
        <translation>Database URL</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Nilai dari variabel lingkungan %1</source>
        <translation>Value from the environment variable %1</translation>
    </message>
    <message>
        <source>Diatur oleh variabel lingkungan %1; ubah di sana lalu mulai ulang aplikasi.</source>
        <translation>Set by the environment variable %1; change it there and restart the application.</translation>
    </message>
    <message>
        <source>Alamat http:// tidak terenkripsi: API key dan kata sandi terkirim dapat dibaca siapa pun di jaringan yang dilalui. Pakai https:// bila server mendukungnya.</source>
        <translation>Plain http:// is not encrypted: the API key and password it sends can be read by anyone on the network in between. Use https:// if the server supports it.</translation>
    </message>
    <message>
        <source>Alamat IP server API</source>
        <translation>API server IP address</translation>
    </message>
    <message>
        <source>Port server API</source>
        <translation>API server port</translation>
    </message>
    <message>
        <source>pengaturan</source>
        <translation>settings</translation>
    </message>
</context>
<context>
    <name>tu::ui::SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Identitas sekolah, zona waktu, bahasa, server API, dan lokasi penyimpanan data.</source>
        <translation>School identity, time zone, language, API server and data storage location.</translation>
    </message>
    <message>
        <source>Ubah pengaturan…</source>
        <translation>Edit settings…</translation>
    </message>
    <message>
        <source>Nama sekolah</source>
        <translation>School name</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Server API</source>
        <translation>API server</translation>
    </message>
    <message>
        <source>Proksi tepercaya</source>
        <translation>Trusted proxies</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Asal CORS</source>
        <translation>CORS origins</translation>
    </message>
    <message>
        <source>tidak ada (hanya aplikasi ini)</source>
        <translation>none (this application only)</translation>
    </message>
    <message>
        <source>Batas permintaan</source>
        <translation>Rate limits</translation>
    </message>
    <message>
        <source>bawaan</source>
        <translation>defaults</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Pengaturan disimpan. Sebagian perubahan berlaku setelah aplikasi dimulai ulang.</source>
        <translation>Settings saved. Some changes apply after the application restarts.</translation>
    </message>
    <message>
        <source>Pengaturan disimpan.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>tu::ui::SiakadSyncPreviewDialog</name>
    <message>
        <source>Pratinjau sinkronisasi SIAKAD</source>
        <translation>SIAKAD sync preview</translation>
    </message>
    <message>
        <source>Belum ada yang diubah. Bila diterapkan, data tahun ajaran di sini mengikuti SIAKAD: %1 ditambahkan, %2 diubah, %3 dipindahkan ke tempat sampah, %4 tetap.</source>
        <translation>Nothing has changed yet. If applied, the academic years here follow SIAKAD: %1 added, %2 changed, %3 moved to the trash, %4 unchanged.</translation>
    </message>
    <message>
        <source>Perubahan yang akan diterapkan</source>
        <translation>Changes to be applied</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>Periode pendaftaran</source>
        <translation>Registration period</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Ditambahkan</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>%1 (sebelumnya %2)</source>
        <translation>%1 (previously %2)</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Diubah (dahulu %1)</source>
        <translation>Changed (formerly %1)</translation>
    </message>
    <message>
        <source>Ke tempat sampah</source>
        <translation>To the trash</translation>
    </message>
    <message>
        <source>%1 (pendaftaran %2)</source>
        <translation>%1 (registration %2)</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif %1 akan dipindahkan ke tempat sampah.</source>
        <translation>The active academic year %1 will be moved to the trash.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 tidak akan aktif lagi.</source>
        <translation>Academic year %1 will no longer be active.</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif menjadi %1.</source>
        <translation>The active academic year becomes %1.</translation>
    </message>
    <message>
        <source>Tidak ada tahun ajaran yang aktif sesudahnya.</source>
        <translation>No academic year is active afterwards.</translation>
    </message>
    <message>
        <source>Pendaftaran PPDB %1 sedang dibuka hari ini dan akan tertutup.</source>
        <translation>PPDB registration for %1 is open today and will close.</translation>
    </message>
    <message numerus="yes">
        <source>Tahun itu memiliki %n pendaftar. Data mereka tetap tersimpan, tetapi tidak lagi tampil di daftar PPDB tahun aktif.</source>
        <translation>
            <numerusform>That year has %n applicant. Their data stays stored but no longer shows in the active year&apos;s PPDB list.</numerusform>
            <numerusform>That year has %n applicants. Their data stays stored but no longer shows in the active year&apos;s PPDB list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tahun ajaran aktif %1 tetap aktif.</source>
        <translation>The active academic year %1 stays active.</translation>
    </message>
    <message numerus="yes">
        <source>Saya mengerti: tahun ajaran %1 dengan %n pendaftar tidak akan aktif lagi.</source>
        <translation>
            <numerusform>I understand: academic year %1 with %n applicant will no longer be active.</numerusform>
            <numerusform>I understand: academic year %1 with %n applicants will no longer be active.</numerusform>
        </translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Terapkan sinkronisasi</source>
        <translation>Apply sync</translation>
    </message>
</context>
<context>
    <name>tu::ui::StudentWorkTableModel</name>
    <message>
        <source>Unggulan</source>
        <translation>Featured</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Siswa</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>tu::ui::StudentWorksTab</name>
    <message>
        <source>Cari judul karya…</source>
        <translation>Search work titles…</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Semua karya</source>
        <translation>All works</translation>
    </message>
    <message>
        <source>Unggulan</source>
        <translation>Featured</translation>
    </message>
    <message>
        <source>Bukan unggulan</source>
        <translation>Not featured</translation>
    </message>
    <message>
        <source>Tandai unggulan</source>
        <translation>Mark as featured</translation>
    </message>
    <message>
        <source>Buka berkas</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Tidak ada karya yang cocok.</source>
        <translation>No works match.</translation>
    </message>
    <message>
        <source>Belum ada karya siswa.</source>
        <translation>No student works yet.</translation>
    </message>
    <message>
        <source>Lepas unggulan</source>
        <translation>Remove from featured</translation>
    </message>
    <message>
        <source>Pilih karya untuk melihat keterangannya.</source>
        <translation>Pick a work to see its description.</translation>
    </message>
    <message>
        <source>Tautan: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message>
        <source>Berkas: %1 (%2 KB)</source>
        <translation>File: %1 (%2 KB)</translation>
    </message>
    <message>
        <source>“%1” ditandai sebagai karya unggulan.</source>
        <translation>“%1” is now a featured work.</translation>
    </message>
    <message>
        <source>“%1” tidak lagi menjadi karya unggulan.</source>
        <translation>“%1” is no longer featured.</translation>
    </message>
    <message>
        <source>Tidak ada aplikasi untuk membuka berkas ini. Berkasnya tersimpan di %1.</source>
        <translation>No application can open this file. It is stored at %1.</translation>
    </message>
    <message>
        <source>Hapus karya</source>
        <translation>Delete work</translation>
    </message>
    <message>
        <source>Hapus karya “%1”? Berkasnya ikut terhapus; catatannya tetap ada di log audit.</source>
        <translation>Delete the work “%1”? Its file is deleted too; the record stays in the audit log.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Karya “%1” dihapus.</source>
        <translation>Work “%1” deleted.</translation>
    </message>
    <message>
        <source>Muat ulang daftar karya (F5)</source>
        <translation>Reload the list of works (F5)</translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranDialog</name>
    <message>
        <source>Ubah tahun ajaran</source>
        <translation>Edit academic year</translation>
    </message>
    <message>
        <source>Tambah tahun ajaran</source>
        <translation>Add academic year</translation>
    </message>
    <message>
        <source>Ubah tahun ajaran %1</source>
        <translation>Edit academic year %1</translation>
    </message>
    <message>
        <source>mis. 2025/2026</source>
        <translation>e.g. 2025/2026</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Aktif — pendaftaran PPDB mengikuti tahun ini</source>
        <translation>Active — PPDB registration follows this year</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>Awal pendaftaran</source>
        <translation>Registration opens</translation>
    </message>
    <message>
        <source>Akhir pendaftaran</source>
        <translation>Registration closes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mengaktifkan tahun ini menonaktifkan tahun ajaran lain. Periode pendaftaran tidak boleh bertabrakan dengan tahun ajaran lain (tanggal awal dan akhir ikut dihitung).</source>
        <translation>Activating this year deactivates the other academic years. Registration periods may not overlap those of other academic years (start and end dates included).</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>tahun ajaran %1</source>
        <translation>academic year %1</translation>
    </message>
    <message>
        <source>tahun ajaran baru</source>
        <translation>new academic year</translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranPage</name>
    <message>
        <source>Tahun Ajaran</source>
        <translation>Academic Years</translation>
    </message>
    <message>
        <source>Periode akademik dan periode pendaftaran PPDB, selaras dengan SIAKAD.</source>
        <translation>Academic periods and PPDB registration periods, in step with SIAKAD.</translation>
    </message>
    <message>
        <source>Sinkronkan dengan SIAKAD</source>
        <translation>Synchronise with SIAKAD</translation>
    </message>
    <message>
        <source>Tambah tahun ajaran</source>
        <translation>Add academic year</translation>
    </message>
    <message>
        <source>Data aktif</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Tempat sampah</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Hanya tahun ajaran aktif</source>
        <translation>Active academic year only</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 disimpan.</source>
        <translation>Academic year %1 saved.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 sekarang aktif.</source>
        <translation>Academic year %1 is now active.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipulihkan.</source>
        <translation>Academic year %1 restored.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipindahkan ke tempat sampah.</source>
        <translation>Academic year %1 moved to the trash.</translation>
    </message>
    <message>
        <source>Menyinkronkan dengan SIAKAD…</source>
        <translation>Synchronising with SIAKAD…</translation>
    </message>
    <message>
        <source>Sinkronisasi SIAKAD selesai: %1 ditambahkan, %2 diperbarui, %3 dipindahkan ke tempat sampah, %4 tidak berubah.</source>
        <translation>SIAKAD synchronisation finished: %1 added, %2 updated, %3 moved to the trash, %4 unchanged.</translation>
    </message>
    <message>
        <source>Aktifkan tahun ajaran</source>
        <translation>Activate academic year</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 menjadi aktif dan %2 tidak aktif lagi. Pendaftaran PPDB mengikuti periode tahun ajaran yang aktif.</source>
        <translation>Academic year %1 becomes active and %2 is no longer active. PPDB registration follows the active year&apos;s period.</translation>
    </message>
    <message>
        <source>Aktifkan %1</source>
        <translation>Activate %1</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 sekarang aktif; %2 tidak aktif lagi.</source>
        <translation>Academic year %1 is now active; %2 is no longer active.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 aktif kembali.</source>
        <translation>Academic year %1 is active again.</translation>
    </message>
    <message>
        <source>Tahun ajaran %1 dipindahkan ke tempat sampah; datanya tetap ada dan dapat dipulihkan.</source>
        <translation>Academic year %1 is moved to the trash; its data stays and can be restored.</translation>
    </message>
    <message>
        <source>Ini tahun ajaran aktif: sesudahnya tidak ada tahun yang aktif dan pendaftaran PPDB tertutup.</source>
        <translation>This is the active academic year: afterwards no year is active and PPDB registration is closed.</translation>
    </message>
    <message>
        <source>Pindahkan ke tempat sampah</source>
        <translation>Move to the trash</translation>
    </message>
    <message>
        <source>Memeriksa data SIAKAD…</source>
        <translation>Checking SIAKAD data…</translation>
    </message>
    <message numerus="yes">
        <source>Data tahun ajaran sudah sama dengan SIAKAD (%n tahun). Tidak ada yang diubah.</source>
        <translation>
            <numerusform>The academic years already match SIAKAD (%n year). Nothing was changed.</numerusform>
            <numerusform>The academic years already match SIAKAD (%n years). Nothing was changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sinkronisasi SIAKAD dibatalkan. Tidak ada yang diubah.</source>
        <translation>SIAKAD sync cancelled. Nothing was changed.</translation>
    </message>
    <message>
        <source>Muat ulang daftar tahun ajaran (F5)</source>
        <translation>Reload the list of academic years (F5)</translation>
    </message>
    <message>
        <source>Tambah tahun ajaran (Ctrl+N)</source>
        <translation>Add academic year (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>tu::ui::TahunAjaranTableModel</name>
    <message>
        <source>Di tempat sampah</source>
        <translation>In the trash</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Tahun ajaran aktif: pendaftaran PPDB mengikuti periode ini.</source>
        <translation>Active academic year: PPDB registration follows this period.</translation>
    </message>
    <message>
        <source>Tahun ajaran</source>
        <translation>Academic year</translation>
    </message>
    <message>
        <source>Awal pendaftaran</source>
        <translation>Registration opens</translation>
    </message>
    <message>
        <source>Akhir pendaftaran</source>
        <translation>Registration closes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>tu::ui::UserDialog</name>
    <message>
        <source>Ubah pengguna</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Ubah pengguna %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>mis. budi.santoso</source>
        <translation>e.g. budi.santoso</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Pilih peran…</source>
        <translation>Choose a role…</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Password awal</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>Akun aktif (dapat langsung login)</source>
        <translation>Account active (can sign in right away)</translation>
    </message>
    <message>
        <source>Perubahan peran membuat pengguna harus login ulang.</source>
        <translation>Changing the role makes the user sign in again.</translation>
    </message>
    <message>
        <source>Semua isian wajib diisi. Pengguna dapat mengganti password setelah login.</source>
        <translation>Every field is required. Users can change their password after signing in.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>pengguna %1</source>
        <translation>user %1</translation>
    </message>
    <message>
        <source>pengguna baru</source>
        <translation>new user</translation>
    </message>
</context>
<context>
    <name>tu::ui::UserTableModel</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Dibuat %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diperbarui</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>tu::ui::UsersPage</name>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Kelola akun staf dan siswa yang dapat masuk ke TataUsaha.</source>
        <translation>Manage the staff and student accounts that can sign in to TataUsaha.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Cari nama, username, atau peran</source>
        <translation>Search name, username or role</translation>
    </message>
    <message>
        <source>Ubah peran…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Ubah peran, nama, atau username pengguna terpilih</source>
        <translation>Change the selected user&apos;s role, name or username</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message numerus="yes">
        <source>%n pengguna</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 dari %2 pengguna</source>
        <translation>%1 of %2 users</translation>
    </message>
    <message>
        <source>Pengguna %1 ditambahkan.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <source>Data pengguna %1 disimpan.</source>
        <translation>User %1 saved.</translation>
    </message>
    <message>
        <source>Password %1 diganti. Sesi lamanya sudah diakhiri.</source>
        <translation>Password of %1 changed. Their old sessions have ended.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>Nonaktifkan %1 (%2)? Pengguna ini tidak dapat login dan semua sesinya berakhir.</source>
        <translation>Deactivate %1 (%2)? This user will not be able to sign in and every session ends.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 diaktifkan kembali.</source>
        <translation>%1 activated again.</translation>
    </message>
    <message>
        <source>%1 dinonaktifkan.</source>
        <translation>%1 deactivated.</translation>
    </message>
    <message>
        <source>Hapus pengguna</source>
        <translation>Delete user</translation>
    </message>
    <message>
        <source>Hapus %1 (%2)? Akun ini tidak dapat dikembalikan.</source>
        <translation>Delete %1 (%2)? The account cannot be restored.</translation>
    </message>
    <message>
        <source>Pengguna %1 dihapus.</source>
        <translation>User %1 deleted.</translation>
    </message>
    <message>
        <source>Muat ulang daftar pengguna (F5)</source>
        <translation>Reload the user list (F5)</translation>
    </message>
    <message>
        <source>Tambah pengguna (Ctrl+N)</source>
        <translation>Add user (Ctrl+N)</translation>
    </message>
</context>
</TS>
