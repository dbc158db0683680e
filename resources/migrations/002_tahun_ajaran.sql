-- Tahun ajaran master (docs/tahun-ajaran.md). sts_aktif / sts_hapus: 1 = yes/active record, 2 = no/trash.
CREATE TABLE tahun_ajaran (
    id_tahun_ajaran TEXT PRIMARY KEY,
    tahun_ajaran TEXT NOT NULL,
    periode_awal_pendaftaran TEXT NOT NULL,
    periode_akhir_pendaftaran TEXT NOT NULL,
    sts_aktif INTEGER NOT NULL DEFAULT 2,
    sts_hapus INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Unique among records not in the trash: a trashed year may be recreated (or restored).
CREATE UNIQUE INDEX tahun_ajaran_nama_aktif ON tahun_ajaran (tahun_ajaran) WHERE sts_hapus = 1;
-- At most one active year, enforced by the database as well as the service.
CREATE UNIQUE INDEX tahun_ajaran_satu_aktif ON tahun_ajaran (sts_aktif) WHERE sts_aktif = 1;
