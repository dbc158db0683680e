#include "DapodikDataset.h"

#include <QDate>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <iterator>

using namespace DapodikDataset;

namespace {

// Namespace of Dapodik's UUIDv5 ids: fixed, so ids depend only on seed and npsn (and index).
const QUuid kIdNamespace(QStringLiteral("{8d6f2b1a-4c3e-5f70-9a8b-d1e2f3a4b5c6}"));

constexpr int kNpsnBase = 20400000;
// Birth dates are generated so that every PTK is 24-59 years old on this date, hence 23-60
// throughout the school years 2025/2026 and 2026/2027; fixed so the data never depends on
// the day the simulator runs.
const QDate kReferenceDate(2026, 7, 1);

// Real kecamatan of Kabupaten Sleman in kode order, each with real desa (kalurahan).
struct KecamatanSeed
{
    const char *nama;
    std::array<const char *, 8> desa; // nullptr-terminated when fewer
};
const KecamatanSeed kSleman[] = {
    {"Gamping", {"Ambarketawang", "Balecatur", "Banyuraden", "Nogotirto", "Trihanggo"}},
    {"Godean", {"Sidoagung", "Sidoarum", "Sidokarto", "Sidoluhur", "Sidomoyo", "Sidomulyo", "Sidorejo"}},
    {"Moyudan", {"Sumberagung", "Sumberarum", "Sumberrahayu", "Sumbersari"}},
    {"Minggir", {"Sendangagung", "Sendangarum", "Sendangmulyo", "Sendangrejo", "Sendangsari"}},
    {"Seyegan", {"Margoagung", "Margodadi", "Margokaton", "Margoluwih", "Margomulyo"}},
    {"Mlati", {"Sendangadi", "Sinduadi", "Sumberadi", "Tirtoadi", "Tlogoadi"}},
    {"Depok", {"Caturtunggal", "Condongcatur", "Maguwoharjo"}},
    {"Berbah", {"Jogotirto", "Kalitirto", "Sendangtirto", "Tegaltirto"}},
    {"Prambanan", {"Bokoharjo", "Gayamharjo", "Madurejo", "Sambirejo", "Sumberharjo", "Wukirharjo"}},
    {"Kalasan", {"Purwomartani", "Selomartani", "Tamanmartani", "Tirtomartani"}},
    {"Ngemplak", {"Bimomartani", "Sindumartani", "Umbulmartani", "Wedomartani", "Widodomartani"}},
    {"Ngaglik", {"Donoharjo", "Minomartani", "Sardonoharjo", "Sariharjo", "Sinduharjo", "Sukoharjo"}},
    {"Sleman", {"Caturharjo", "Pandowoharjo", "Trimulyo", "Tridadi", "Triharjo"}},
    {"Tempel", {"Banyurejo", "Lumbungrejo", "Margorejo", "Merdikorejo", "Mororejo", "Pondokrejo", "Sumberrejo", "Tambakrejo"}},
    {"Turi", {"Bangunkerto", "Donokerto", "Girikerto", "Wonokerto"}},
    {"Pakem", {"Candibinangun", "Hargobinangun", "Harjobinangun", "Pakembinangun", "Purwobinangun"}},
    {"Cangkringan", {"Argomulyo", "Glagaharjo", "Kepuharjo", "Umbulharjo", "Wukirsari"}},
};
constexpr int kSlemanCount = int(std::size(kSleman));
// Desa of the made-up kecamatan beyond the 17 real ones.
const char *const kGenericDesa[] = {"Sukamaju", "Harjosari", "Tirtomulyo", "Wonosari", "Margosari"};

const char *const kPadukuhan[] = {"Karangnongko", "Jetis", "Krapyak", "Kadisoka", "Ngentak",
                                  "Sorogenen", "Kergan", "Gatak", "Plosokuning", "Brajan",
                                  "Cebongan", "Kronggahan"};
const char *const kJalan[] = {"Jl. Pendidikan", "Jl. Melati", "Jl. Kenanga", "Jl. Flamboyan",
                              "Jl. Masjid", "Jl. Pemuda", "Jl. Cempaka", "Jl. Anggrek"};
const char *const kJalanKm[] = {"Jl. Kaliurang", "Jl. Magelang", "Jl. Godean", "Jl. Wates",
                                "Jl. Solo", "Jl. Palagan Tentara Pelajar"};

const char *const kYayasanSd[] = {"Muhammadiyah", "Kanisius", "IT Insan Mulia", "Islam Terpadu Al-Hikmah"};
const char *const kYayasanSmp[] = {"Muhammadiyah", "Kanisius", "PGRI", "IT Abu Bakar"};
const char *const kYayasanMts[] = {"Muhammadiyah", "Ma'arif NU", "Wahid Hasyim", "Al-Falah"};

const char *const kFirstL[] = {"Agus", "Bambang", "Budi", "Dwi", "Eko", "Hadi", "Joko", "Slamet",
                               "Sugeng", "Wahyu", "Rizky", "Fajar", "Arif", "Teguh", "Heru",
                               "Muhammad", "Ahmad", "Dimas", "Bayu", "Galih", "Yusuf", "Hendra",
                               "Nur", "Tri", "Yoga", "Anton"};
const char *const kLastL[] = {"Susilo", "Santoso", "Prasetyo", "Wibowo", "Nugroho", "Setiawan",
                              "Kurniawan", "Saputra", "Hidayat", "Pratama", "Purnomo", "Riyanto",
                              "Utomo", "Sulistyo", "Hartono", "Firmansyah", "Widodo", "Haryanto",
                              "Sutrisno", "Wicaksono"};
const char *const kFirstP[] = {"Sri", "Siti", "Endang", "Dewi", "Rina", "Wulan", "Ratna", "Yuni",
                               "Sari", "Tri", "Ani", "Nurul", "Fitri", "Indah", "Ayu", "Puji",
                               "Ika", "Nanik", "Retno", "Anisa", "Putri", "Dian", "Kartika",
                               "Lina", "Maria", "Theresia"};
const char *const kLastP[] = {"Wahyuni", "Lestari", "Rahayu", "Handayani", "Susanti", "Purwanti",
                              "Astuti", "Wulandari", "Rahmawati", "Kusumawati", "Suryani",
                              "Pratiwi", "Anggraini", "Setyaningsih", "Nurhayati", "Utami",
                              "Hastuti", "Sulistyowati", "Widyastuti", "Kurniasih"};
const char *const kSarjanaGuru[] = {"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si.",
                                    "S.Kom.", "S.Ag.", "S.Hum."};

template <typename T, size_t N>
T pick(QRandomGenerator &rng, const T (&list)[N])
{
    return list[rng.bounded(int(N))];
}

QString str(const char *s) { return QString::fromUtf8(s); }

QRandomGenerator rngFor(quint32 seed, quint32 a, quint32 b, quint32 tag)
{
    const quint32 buf[] = {seed, a, b, tag};
    return QRandomGenerator(buf, qsizetype(std::size(buf)));
}

QString digits(QRandomGenerator &rng, int n)
{
    QString s;
    s.reserve(n);
    for (int i = 0; i < n; ++i)
        s += QLatin1Char(char('0' + rng.bounded(i == 0 ? 1 : 0, 10)));
    return s;
}

QStringList desaOf(int kecIndex)
{
    QStringList out;
    if (kecIndex <= kSlemanCount) {
        for (const char *d : kSleman[kecIndex - 1].desa) {
            if (d)
                out << str(d);
        }
    } else {
        for (const char *d : kGenericDesa)
            out << str(d);
    }
    return out;
}

// One PTK of a school. `index` is 1-based within the school, `n` the school's PTK count.
struct PtkContext
{
    quint32 seed;
    int kecIndex;
    int schoolIndex;
    QString npsn;
    QString bentuk;
    bool negeri;
    int n;
};

QString jenisPtk(const PtkContext &c, int i)
{
    if (i == 1)
        return QStringLiteral("Kepala Sekolah");
    if (c.n >= 4 && i == c.n)
        return QStringLiteral("Tenaga Administrasi Sekolah");
    if (c.n >= 8 && i == c.n - 1)
        return QStringLiteral("Pustakawan");
    if (c.bentuk != QLatin1String("SD") && c.n >= 6 && i == 2)
        return QStringLiteral("Guru BK");
    if (c.bentuk == QLatin1String("SD"))
        return i % 4 == 3 ? QStringLiteral("Guru Mapel") : QStringLiteral("Guru Kelas"); // PJOK, agama
    return QStringLiteral("Guru Mapel");
}

QString statusKepegawaian(QRandomGenerator &rng, const QString &jenis, bool negeri)
{
    const double r = rng.generateDouble();
    if (jenis == QLatin1String("Kepala Sekolah"))
        return negeri ? QStringLiteral("PNS") : QStringLiteral("GTY/PTY");
    const bool staff = jenis == QLatin1String("Tenaga Administrasi Sekolah")
                       || jenis == QLatin1String("Pustakawan");
    if (negeri) {
        if (r < (staff ? 0.30 : 0.45)) return QStringLiteral("PNS");
        if (r < (staff ? 0.40 : 0.70)) return QStringLiteral("PPPK");
        if (r < (staff ? 0.60 : 0.80)) return QStringLiteral("Honor Daerah TK.II Kab/Kota");
        return QStringLiteral("Guru Honor Sekolah");
    }
    if (!staff && r < 0.05) return QStringLiteral("PNS"); // PNS diperbantukan (DPK)
    if (!staff && r < 0.10) return QStringLiteral("PPPK");
    if (r < 0.70) return QStringLiteral("GTY/PTY");
    return QStringLiteral("Guru Honor Sekolah");
}

// Age on kReferenceDate, 24..59.
int ageFor(QRandomGenerator &rng, const QString &jenis, const QString &status)
{
    const auto range = [&rng](int lo, int hi) { return lo + rng.bounded(hi - lo + 1); };
    if (jenis == QLatin1String("Kepala Sekolah")) return range(45, 58);
    if (status == QLatin1String("PNS")) return range(28, 59);
    if (status == QLatin1String("PPPK")) return range(26, 55);
    if (status == QLatin1String("Honor Daerah TK.II Kab/Kota")) return range(26, 50);
    if (status == QLatin1String("GTY/PTY")) return range(25, 58);
    return range(24, 40);
}

QString pendidikan(QRandomGenerator &rng, const QString &jenis, const QString &status)
{
    const double r = rng.generateDouble();
    if (jenis == QLatin1String("Kepala Sekolah"))
        return r < 0.5 ? QStringLiteral("S2") : QStringLiteral("S1");
    if (jenis == QLatin1String("Tenaga Administrasi Sekolah"))
        return r < 0.55 ? QStringLiteral("SMA") : r < 0.9 ? QStringLiteral("D3") : QStringLiteral("S1");
    if (jenis == QLatin1String("Pustakawan"))
        return r < 0.5 ? QStringLiteral("D3") : QStringLiteral("S1");
    if (status == QLatin1String("Guru Honor Sekolah"))
        return QStringLiteral("S1");
    return r < 0.15 ? QStringLiteral("S2") : QStringLiteral("S1");
}

QString namaLengkap(QRandomGenerator &rng, bool male, int age, const QString &jenis,
                    const QString &pend)
{
    QString nama = male ? str(pick(rng, kFirstL)) : str(pick(rng, kFirstP));
    if (rng.bounded(10) < 3) // a middle name now and then
        nama += QLatin1Char(' ') + (male ? str(pick(rng, kFirstL)) : str(pick(rng, kFirstP)));
    nama += QLatin1Char(' ') + (male ? str(pick(rng, kLastL)) : str(pick(rng, kLastP)));

    QString front;
    if (age >= 45 && rng.bounded(10) == 0)
        front = male ? QStringLiteral("H. ") : QStringLiteral("Hj. ");
    QString back;
    const bool guru = jenis.startsWith(QLatin1String("Guru")) || jenis == QLatin1String("Kepala Sekolah");
    if (pend == QLatin1String("D3")) {
        back = QStringLiteral("A.Md.");
    } else if (pend == QLatin1String("S1") || pend == QLatin1String("S2")) {
        QString sarjana;
        if (guru)
            sarjana = str(pick(rng, kSarjanaGuru));
        else if (jenis == QLatin1String("Pustakawan"))
            sarjana = QStringLiteral("S.IP.");
        else
            sarjana = rng.bounded(2) ? QStringLiteral("S.E.") : QStringLiteral("S.Kom.");
        // Graduates of the old IKIP system carry Drs./Dra. in front instead.
        if (guru && age >= 52 && rng.bounded(3) == 0) {
            front += male ? QStringLiteral("Drs. ") : QStringLiteral("Dra. ");
            sarjana.clear();
        }
        back = sarjana;
        if (pend == QLatin1String("S2"))
            back += (back.isEmpty() ? QString() : QStringLiteral(", ")) + QStringLiteral("M.Pd.");
    }
    return front + nama + (back.isEmpty() ? QString() : QStringLiteral(", ") + back);
}

// Returns `candidate`, or the next free variant by bumping the trailing serial of `width`
// digits, so generated numbers are unique across the dataset.
QString unique(QSet<QString> &used, const QString &prefix, int serial, int width, int modulo)
{
    for (int attempt = 0; attempt < modulo; ++attempt) {
        const int s = (serial - 1 + attempt) % modulo + 1; // 1..modulo
        const QString candidate = prefix + QStringLiteral("%1").arg(s, width, 10, QLatin1Char('0'));
        if (!used.contains(candidate)) {
            used.insert(candidate);
            return candidate;
        }
    }
    return prefix + QString(width, QLatin1Char('9')); // unreachable for sane sizes
}

QJsonObject makePtk(const PtkContext &c, int i, QSet<QString> &usedNik, QSet<QString> &usedNuptk,
                    QSet<QString> &usedNip)
{
    QRandomGenerator rng = rngFor(c.seed, c.npsn.toUInt(), quint32(i), 0x5054u /* "PT" */);
    const QString jenis = jenisPtk(c, i);
    const bool male = rng.bounded(100) < (jenis == QLatin1String("Kepala Sekolah") ? 60 : 45);
    const QString status = statusKepegawaian(rng, jenis, c.negeri);
    const int age = ageFor(rng, jenis, status);
    const QDate lo = kReferenceDate.addYears(-(age + 1)).addDays(1);
    const QDate hi = kReferenceDate.addYears(-age);
    const QDate lahir = lo.addDays(rng.bounded(int(lo.daysTo(hi)) + 1));
    const QString pend = pendidikan(rng, jenis, status);
    const QString nama = namaLengkap(rng, male, age, jenis, pend);

    // NIK: 34 04 KK (kecamatan), DD (+40 for women) MM YY, then a 4-digit serial.
    const QString nikPrefix = QStringLiteral("3404%1%2%3")
                                  .arg(c.kecIndex, 2, 10, QLatin1Char('0'))
                                  .arg(lahir.day() + (male ? 0 : 40), 2, 10, QLatin1Char('0'))
                                  .arg(lahir.toString(QStringLiteral("MMyy")));
    const QString nik = unique(usedNik, nikPrefix, (c.schoolIndex - 1) * 100 + i, 4, 9999);

    // NUPTK: missing for many honorary teachers and staff.
    bool noNuptk = false;
    if (status == QLatin1String("Guru Honor Sekolah"))
        noNuptk = rng.bounded(2) == 0;
    else if (!jenis.startsWith(QLatin1String("Guru")) && jenis != QLatin1String("Kepala Sekolah"))
        noNuptk = rng.bounded(5) < 2;
    else if (status == QLatin1String("Honor Daerah TK.II Kab/Kota"))
        noNuptk = rng.bounded(5) == 0;
    QString nuptk;
    if (!noNuptk) {
        do {
            nuptk = digits(rng, 16);
        } while (usedNuptk.contains(nuptk));
        usedNuptk.insert(nuptk);
    }

    // NIP (PNS and PPPK): birth yyyyMMdd, TMT yyyyMM, gender 1/2, then a 3-digit serial.
    QString nip;
    if (status == QLatin1String("PNS") || status == QLatin1String("PPPK")) {
        int tmtYear = status == QLatin1String("PPPK") ? 2021 + rng.bounded(5)
                                                      : lahir.year() + 23 + rng.bounded(8);
        tmtYear = std::clamp(tmtYear, lahir.year() + 22, kReferenceDate.year() - 1);
        const int tmtMonth = status == QLatin1String("PPPK") ? 1 + rng.bounded(12)
                                                             : (rng.bounded(2) ? 1 : 3);
        const QString prefix = lahir.toString(QStringLiteral("yyyyMMdd"))
                               + QStringLiteral("%1%2").arg(tmtYear).arg(tmtMonth, 2, 10, QLatin1Char('0'))
                               + (male ? QLatin1Char('1') : QLatin1Char('2'));
        nip = unique(usedNip, prefix, 1 + rng.bounded(999), 3, 999);
    }

    return QJsonObject{
        {QStringLiteral("ptk_id"),
         QUuid::createUuidV5(kIdNamespace, QStringLiteral("seed:%1:ptk:%2:%3").arg(c.seed).arg(c.npsn).arg(i))
             .toString(QUuid::WithoutBraces)},
        {QStringLiteral("nik"), nik},
        {QStringLiteral("nama"), nama},
        {QStringLiteral("jenis_kelamin"), male ? QStringLiteral("L") : QStringLiteral("P")},
        {QStringLiteral("tanggal_lahir"), lahir.toString(Qt::ISODate)},
        {QStringLiteral("nuptk"), nuptk},
        {QStringLiteral("nip"), nip},
        {QStringLiteral("jenis_ptk"), jenis},
        {QStringLiteral("status_kepegawaian"), status},
        {QStringLiteral("pendidikan_terakhir"), pend},
        {QStringLiteral("npsn"), c.npsn},
    };
}

// The counters behind the names of negeri schools, and the names taken so far, which keep
// the swasta names unique across the kabupaten.
struct NamaCounters
{
    int mtsNegeri = 0; // MTs Negeri are numbered across the kabupaten (MTs Negeri 3 Sleman)
    int smpNegeri = 0; // per kecamatan
    QHash<QString, int> sdNegeri; // per desa of the current kecamatan
    QSet<QString> usedNama;
};

QString sekolahNama(QRandomGenerator &rng, const QString &bentuk, bool negeri, const QString &desa,
                    const Kecamatan &kec, NamaCounters &c)
{
    QString nama;
    if (negeri) {
        if (bentuk == QLatin1String("SD"))
            nama = QStringLiteral("SD Negeri %1 %2").arg(desa).arg(++c.sdNegeri[desa]);
        else if (bentuk == QLatin1String("SMP"))
            nama = QStringLiteral("SMP Negeri %1 %2").arg(++c.smpNegeri).arg(kec.nama);
        else
            nama = QStringLiteral("MTs Negeri %1 Sleman").arg(++c.mtsNegeri);
    } else {
        const QString yayasan = bentuk == QLatin1String("SD") ? str(pick(rng, kYayasanSd))
                                : bentuk == QLatin1String("SMP") ? str(pick(rng, kYayasanSmp))
                                                                 : str(pick(rng, kYayasanMts));
        const QString place = bentuk == QLatin1String("SD") ? desa : kec.nama;
        nama = QStringLiteral("%1 %2 %3").arg(bentuk, yayasan, place);
        for (int n = 2; c.usedNama.contains(nama); ++n)
            nama = QStringLiteral("%1 %2 %3 %4").arg(bentuk, yayasan).arg(n).arg(place);
    }
    c.usedNama.insert(nama);
    return nama;
}

QString sekolahAlamat(QRandomGenerator &rng, const QString &desa)
{
    switch (rng.bounded(3)) {
    case 0:
        return QStringLiteral("%1 No. %2, %3").arg(str(pick(rng, kJalan))).arg(1 + rng.bounded(120)).arg(desa);
    case 1:
        return QStringLiteral("%1 Km %2, %3").arg(str(pick(rng, kJalanKm))).arg(3 + rng.bounded(18)).arg(desa);
    default:
        return QStringLiteral("Padukuhan %1 RT %2/RW %3, %4")
            .arg(str(pick(rng, kPadukuhan)))
            .arg(1 + rng.bounded(8), 2, 10, QLatin1Char('0'))
            .arg(1 + rng.bounded(30), 2, 10, QLatin1Char('0'))
            .arg(desa);
    }
}

} // namespace

namespace DapodikDataset {

std::vector<Kecamatan> seededKecamatan(int count)
{
    std::vector<Kecamatan> out;
    out.reserve(size_t(count));
    for (int k = 1; k <= count; ++k) {
        out.push_back({QStringLiteral("%1.%2").arg(kKabupaten).arg(k, 2, 10, QLatin1Char('0')),
                       k <= kSlemanCount ? str(kSleman[k - 1].nama)
                                         : QStringLiteral("Kecamatan %1").arg(k)});
    }
    return out;
}

std::vector<Sekolah> seededSekolah(const SimOptions &options, const std::vector<Kecamatan> &kecamatan)
{
    std::vector<Sekolah> out;
    out.reserve(size_t(kecamatan.size()) * size_t(options.sekolahPerKecamatan));
    QSet<QString> usedNik, usedNuptk, usedNip;
    NamaCounters names;

    for (int k = 1; k <= int(kecamatan.size()); ++k) {
        const Kecamatan &kec = kecamatan[size_t(k - 1)];
        const QStringList desaList = desaOf(k);
        names.smpNegeri = 0;
        names.sdNegeri.clear();
        for (int s = 1; s <= options.sekolahPerKecamatan; ++s) {
            const int npsnValue = kNpsnBase + k * 100 + s;
            const QString npsn = QString::number(npsnValue);
            // Draws in a fixed order (status, desa, name, address): reordering them changes
            // every generated row.
            QRandomGenerator rng = rngFor(options.seed, quint32(npsnValue), 0, 0x5343u /* "SC" */);

            // SD every other school, SMP and MTs in between: SD, SMP, SD, MTs, SD, SMP, ...
            const QString bentuk = s % 2 == 1 ? QStringLiteral("SD")
                                   : s % 4 == 2 ? QStringLiteral("SMP") : QStringLiteral("MTs");
            const int negeriPercent = bentuk == QLatin1String("SD") ? 70
                                      : bentuk == QLatin1String("SMP") ? 60 : 30;
            const bool negeri = rng.bounded(100) < negeriPercent;
            const QString desa = desaList.at(rng.bounded(int(desaList.size())));
            const QString nama = sekolahNama(rng, bentuk, negeri, desa, kec, names);
            const QString alamat = sekolahAlamat(rng, desa);

            Sekolah sekolah;
            sekolah.npsn = npsn;
            sekolah.kodeWilayah = kec.kode;
            sekolah.row = QJsonObject{
                {QStringLiteral("sekolah_id"),
                 QUuid::createUuidV5(kIdNamespace, QStringLiteral("seed:%1:sekolah:%2").arg(options.seed).arg(npsn))
                     .toString(QUuid::WithoutBraces)},
                {QStringLiteral("npsn"), npsn},
                {QStringLiteral("nama"), nama},
                {QStringLiteral("bentuk_pendidikan"), bentuk},
                {QStringLiteral("status"), negeri ? QStringLiteral("Negeri") : QStringLiteral("Swasta")},
                {QStringLiteral("alamat"), alamat},
                {QStringLiteral("kode_wilayah"), kec.kode},
            };
            const PtkContext ctx{options.seed, k, s, npsn, bentuk, negeri, options.ptkPerSekolah};
            sekolah.ptk.reserve(options.ptkPerSekolah);
            for (int i = 1; i <= options.ptkPerSekolah; ++i)
                sekolah.ptk.append(makePtk(ctx, i, usedNik, usedNuptk, usedNip));
            out.push_back(std::move(sekolah));
        }
    }
    return out;
}

} // namespace DapodikDataset
