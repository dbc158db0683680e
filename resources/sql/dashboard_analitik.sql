-- The dashboard analytics rows (dimensi, kunci, label, jumlah). PostgreSQL materializes this SELECT as
-- mv_dashboard_analitik (migration 006); SQLite rebuilds dashboard_analitik from it after each sync.
SELECT 'ptk_per_kecamatan' AS dimensi, k.kode_wilayah AS kunci, k.nama AS label, COUNT(p.ptk_id) AS jumlah
  FROM dapodik_kecamatan k
  LEFT JOIN dapodik_sekolah s ON s.kode_wilayah = k.kode_wilayah AND s.active = 1
  LEFT JOIN dapodik_ptk p ON p.npsn = s.npsn AND p.active = 1
  WHERE k.active = 1 GROUP BY k.kode_wilayah, k.nama
UNION ALL
SELECT 'sekolah_per_kecamatan', k.kode_wilayah, k.nama, COUNT(s.npsn)
  FROM dapodik_kecamatan k
  LEFT JOIN dapodik_sekolah s ON s.kode_wilayah = k.kode_wilayah AND s.active = 1
  WHERE k.active = 1 GROUP BY k.kode_wilayah, k.nama
UNION ALL
SELECT 'status_kepegawaian', COALESCE(NULLIF(status_kepegawaian, ''), '-'), COALESCE(NULLIF(status_kepegawaian, ''), 'Tidak diketahui'), COUNT(*)
  FROM dapodik_ptk WHERE active = 1 GROUP BY COALESCE(NULLIF(status_kepegawaian, ''), '-'), COALESCE(NULLIF(status_kepegawaian, ''), 'Tidak diketahui')
UNION ALL
SELECT 'jenis_kelamin', COALESCE(NULLIF(jenis_kelamin, ''), '-'), CASE jenis_kelamin WHEN 'L' THEN 'Laki-laki' WHEN 'P' THEN 'Perempuan' ELSE 'Tidak diketahui' END, COUNT(*)
  FROM dapodik_ptk WHERE active = 1 GROUP BY COALESCE(NULLIF(jenis_kelamin, ''), '-'), CASE jenis_kelamin WHEN 'L' THEN 'Laki-laki' WHEN 'P' THEN 'Perempuan' ELSE 'Tidak diketahui' END
UNION ALL
SELECT 'jenis_ptk', COALESCE(NULLIF(jenis_ptk, ''), '-'), COALESCE(NULLIF(jenis_ptk, ''), 'Tidak diketahui'), COUNT(*)
  FROM dapodik_ptk WHERE active = 1 GROUP BY COALESCE(NULLIF(jenis_ptk, ''), '-'), COALESCE(NULLIF(jenis_ptk, ''), 'Tidak diketahui')
UNION ALL
SELECT 'bentuk_pendidikan', COALESCE(NULLIF(bentuk_pendidikan, ''), '-'), COALESCE(NULLIF(bentuk_pendidikan, ''), 'Tidak diketahui'), COUNT(*)
  FROM dapodik_sekolah WHERE active = 1 GROUP BY COALESCE(NULLIF(bentuk_pendidikan, ''), '-'), COALESCE(NULLIF(bentuk_pendidikan, ''), 'Tidak diketahui')
