#include "DapodikUpstream.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <iterator>

namespace {

// Namespace of Dapodik's UUIDv5 ids: fixed, so ids depend only on seed and npsn (and index).
const QUuid kIdNamespace(QStringLiteral("{8d6f2b1a-4c3e-5f70-9a8b-d1e2f3a4b5c6}"));

const QString kKabupaten = QStringLiteral("34.04");
constexpr int kNpsnBase = 20400000;
// Birth dates are generated so that every PTK is 24-59 years old on this date, hence 23-60
// throughout the school years 2025/2026 and 2026/2027; fixed so the data never depends on
// the day the simulator runs.
const QDate kReferenceDate(2026, 7, 1);

const QByteArray kHtml = "text/html; charset=UTF-8";

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

// start (default 0) and limit (default 50, at most 100) of a paged request. Values that are
// not integers, a negative start or a limit below 1 fall back to the defaults.
void paging(const SimRequest &request, int *start, int *limit)
{
    bool ok = false;
    const int s = request.query.queryItemValue(QStringLiteral("start")).toInt(&ok);
    *start = ok && s >= 0 ? s : 0;
    const int l = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    *limit = ok && l >= 1 ? std::min(l, 100) : 50;
}

SimResponse page(const QString &id, int start, int limit, const QList<QJsonObject> &all)
{
    QJsonArray rows;
    for (qsizetype i = start; i < all.size() && i < qsizetype(start) + limit; ++i)
        rows.append(all.at(i));
    return SimResponse::json(200, QJsonObject{{QStringLiteral("results"), int(all.size())},
                                              {QStringLiteral("id"), id},
                                              {QStringLiteral("start"), start},
                                              {QStringLiteral("limit"), limit},
                                              {QStringLiteral("rows"), rows}});
}

SimResponse htmlText(const QByteArray &text)
{
    SimResponse r;
    r.contentType = kHtml;
    r.body = text;
    return r;
}

SimResponse dapodikError(int status, const QString &message)
{
    return SimResponse::json(status, QJsonObject{{QStringLiteral("error"), message}});
}

QString queryValue(const SimRequest &request, const QString &key)
{
    return request.query.queryItemValue(key, QUrl::FullyDecoded);
}

// A string field of a hook body; numbers are accepted too (npsn is numeric).
QString stringField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(qint64(v.toDouble()));
    return QString();
}

} // namespace

DapodikUpstream::DapodikUpstream(const SimOptions &options) : m_options(options)
{
    m_clock.start();
    reset();
}

std::vector<DapodikUpstream::Kecamatan> DapodikUpstream::seededKecamatan(int count)
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

std::vector<DapodikUpstream::Sekolah> DapodikUpstream::seededSekolah(
    const SimOptions &options, const std::vector<Kecamatan> &kecamatan)
{
    std::vector<Sekolah> out;
    out.reserve(size_t(kecamatan.size()) * size_t(options.sekolahPerKecamatan));
    QSet<QString> usedNik, usedNuptk, usedNip, usedNama;
    int mtsNegeri = 0; // MTs Negeri are numbered across the kabupaten (MTs Negeri 3 Sleman)

    for (int k = 1; k <= int(kecamatan.size()); ++k) {
        const Kecamatan &kec = kecamatan[size_t(k - 1)];
        const QStringList desaList = desaOf(k);
        int smpNegeri = 0;
        QHash<QString, int> sdNegeri; // per desa
        for (int s = 1; s <= options.sekolahPerKecamatan; ++s) {
            const int npsnValue = kNpsnBase + k * 100 + s;
            const QString npsn = QString::number(npsnValue);
            QRandomGenerator rng = rngFor(options.seed, quint32(npsnValue), 0, 0x5343u /* "SC" */);

            // SD every other school, SMP and MTs in between: SD, SMP, SD, MTs, SD, SMP, ...
            const QString bentuk = s % 2 == 1 ? QStringLiteral("SD")
                                   : s % 4 == 2 ? QStringLiteral("SMP") : QStringLiteral("MTs");
            const int negeriPercent = bentuk == QLatin1String("SD") ? 70
                                      : bentuk == QLatin1String("SMP") ? 60 : 30;
            const bool negeri = rng.bounded(100) < negeriPercent;
            const QString desa = desaList.at(rng.bounded(int(desaList.size())));

            QString nama;
            if (negeri) {
                if (bentuk == QLatin1String("SD"))
                    nama = QStringLiteral("SD Negeri %1 %2").arg(desa).arg(++sdNegeri[desa]);
                else if (bentuk == QLatin1String("SMP"))
                    nama = QStringLiteral("SMP Negeri %1 %2").arg(++smpNegeri).arg(kec.nama);
                else
                    nama = QStringLiteral("MTs Negeri %1 Sleman").arg(++mtsNegeri);
            } else {
                const QString yayasan = bentuk == QLatin1String("SD") ? str(pick(rng, kYayasanSd))
                                        : bentuk == QLatin1String("SMP") ? str(pick(rng, kYayasanSmp))
                                                                         : str(pick(rng, kYayasanMts));
                const QString place = bentuk == QLatin1String("SD") ? desa : kec.nama;
                nama = QStringLiteral("%1 %2 %3").arg(bentuk, yayasan, place);
                for (int n = 2; usedNama.contains(nama); ++n)
                    nama = QStringLiteral("%1 %2 %3 %4").arg(bentuk, yayasan).arg(n).arg(place);
            }
            usedNama.insert(nama);

            QString alamat;
            switch (rng.bounded(3)) {
            case 0:
                alamat = QStringLiteral("%1 No. %2, %3").arg(str(pick(rng, kJalan))).arg(1 + rng.bounded(120)).arg(desa);
                break;
            case 1:
                alamat = QStringLiteral("%1 Km %2, %3").arg(str(pick(rng, kJalanKm))).arg(3 + rng.bounded(18)).arg(desa);
                break;
            default:
                alamat = QStringLiteral("Padukuhan %1 RT %2/RW %3, %4")
                             .arg(str(pick(rng, kPadukuhan)))
                             .arg(1 + rng.bounded(8), 2, 10, QLatin1Char('0'))
                             .arg(1 + rng.bounded(30), 2, 10, QLatin1Char('0'))
                             .arg(desa);
                break;
            }

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

void DapodikUpstream::reset()
{
    m_kecamatan = seededKecamatan(m_options.kecamatan);
    m_sekolah = seededSekolah(m_options, m_kecamatan);
    m_tokens.clear();
    m_logins = m_unauthorized = m_denied = 0;
    m_reqWilayah = m_reqSekolah = m_reqPtk = m_reqPtkDetail = 0;
}

std::optional<SimResponse> DapodikUpstream::handle(const SimRequest &request)
{
    // The API key gate sits in front of everything under /dapodik/, login included, and
    // answers like the real one: a text error in a 200.
    if (request.header("x-api-key") != m_options.dapodikApiKey.toUtf8()) {
        ++m_denied;
        return htmlText("Access denied: API key tidak valid");
    }

    const QString path = request.path.mid(pathPrefix().size() - 1); // keeps the leading '/'
    enum class Route { Login, Wilayah, Sekolah, Ptk, PtkDetail };
    Route route;
    if (path == QLatin1String("/api/auth/login"))
        route = Route::Login;
    else if (path == QLatin1String("/api/wilayah"))
        route = Route::Wilayah;
    else if (path == QLatin1String("/api/sekolah"))
        route = Route::Sekolah;
    else if (path == QLatin1String("/api/ptk"))
        route = Route::Ptk;
    else if (path == QLatin1String("/api/ptk/detail"))
        route = Route::PtkDetail;
    else
        return std::nullopt;

    if (route == Route::Login) {
        if (request.method != "POST")
            return dapodikError(405, QStringLiteral("Metode tidak diizinkan"));
        return login(request);
    }
    if (request.method != "GET")
        return dapodikError(405, QStringLiteral("Metode tidak diizinkan"));
    if (!tokenValid(request)) {
        ++m_unauthorized;
        return dapodikError(401, QStringLiteral("Token expired"));
    }
    switch (route) {
    case Route::Wilayah: ++m_reqWilayah; return wilayah(request);
    case Route::Sekolah: ++m_reqSekolah; return sekolah(request);
    case Route::Ptk: ++m_reqPtk; return ptk(request);
    case Route::PtkDetail: ++m_reqPtkDetail; return ptkDetail(request);
    case Route::Login: break;
    }
    return std::nullopt;
}

SimResponse DapodikUpstream::login(const SimRequest &request)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return dapodikError(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("username")).toString() != m_options.dapodikUsername
        || o.value(QStringLiteral("password")).toString() != m_options.dapodikPassword) {
        ++m_unauthorized;
        return dapodikError(401, QStringLiteral("Username atau password salah"));
    }

    // Forget tokens that have run out, so a long benchmark does not accumulate them.
    const qint64 now = m_clock.elapsed();
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it.value() <= now)
            it = m_tokens.erase(it);
        else
            ++it;
    }
    quint32 raw[8];
    QRandomGenerator::system()->fillRange(raw);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex();
    m_tokens.insert(token, now + qint64(m_options.dapodikTokenTtlS) * 1000);
    ++m_logins;
    return SimResponse::json(200, QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                              {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), m_options.dapodikTokenTtlS}});
}

bool DapodikUpstream::tokenValid(const SimRequest &request)
{
    const QByteArray auth = request.header("authorization").trimmed();
    if (auth.size() <= 7 || auth.left(7).toLower() != "bearer ")
        return false;
    const auto it = m_tokens.constFind(auth.mid(7).trimmed());
    return it != m_tokens.cend() && it.value() > m_clock.elapsed();
}

SimResponse DapodikUpstream::wilayah(const SimRequest &request)
{
    const QString kode = queryValue(request, QStringLiteral("kode_wilayah"));
    int start, limit;
    paging(request, &start, &limit);
    QList<QJsonObject> rows;
    if (kode == kKabupaten) {
        rows.reserve(qsizetype(m_kecamatan.size()));
        for (const Kecamatan &k : m_kecamatan)
            rows.append(QJsonObject{{QStringLiteral("kode_wilayah"), k.kode},
                                    {QStringLiteral("nama"), k.nama},
                                    {QStringLiteral("id_level_wilayah"), 3},
                                    {QStringLiteral("mst_kode_wilayah"), kKabupaten}});
    }
    SimResponse r = page(kode, start, limit, rows);
    r.contentType = kHtml; // quirk: JSON served as HTML, always
    return r;
}

SimResponse DapodikUpstream::sekolah(const SimRequest &request)
{
    const QString kode = queryValue(request, QStringLiteral("kode_wilayah"));
    const bool known = std::any_of(m_kecamatan.cbegin(), m_kecamatan.cend(),
                                   [&kode](const Kecamatan &k) { return k.kode == kode; });
    if (!known)
        return htmlText("Sekolah tidak ditemukan");
    int start, limit;
    paging(request, &start, &limit);
    QList<QJsonObject> rows;
    for (const Sekolah &s : m_sekolah) {
        if (s.kodeWilayah == kode)
            rows.append(s.row);
    }
    return page(kode, start, limit, rows);
}

SimResponse DapodikUpstream::ptk(const SimRequest &request)
{
    const QString npsn = queryValue(request, QStringLiteral("npsn"));
    const Sekolah *s = findSekolah(npsn);
    if (!s)
        return htmlText("Sekolah tidak ditemukan");
    int start, limit;
    paging(request, &start, &limit);
    return page(npsn, start, limit, s->ptk);
}

SimResponse DapodikUpstream::ptkDetail(const SimRequest &request)
{
    const QString nik = queryValue(request, QStringLiteral("nik"));
    const QString npsn = queryValue(request, QStringLiteral("npsn"));
    QList<QJsonObject> found;
    for (const Sekolah &s : m_sekolah) {
        if (!npsn.isEmpty() && s.npsn != npsn)
            continue;
        for (const QJsonObject &p : s.ptk) {
            if (!nik.isEmpty() && p.value(QStringLiteral("nik")).toString() == nik) {
                found.append(p);
                break;
            }
        }
        if (!found.isEmpty())
            break;
    }
    return page(nik, 0, 1, found);
}

DapodikUpstream::Sekolah *DapodikUpstream::findSekolah(const QString &npsn)
{
    // m_sekolah is ordered by npsn (generation order, removals keep it).
    const auto it = std::lower_bound(m_sekolah.begin(), m_sekolah.end(), npsn,
                                     [](const Sekolah &s, const QString &n) { return s.npsn < n; });
    return it != m_sekolah.end() && it->npsn == npsn ? &*it : nullptr;
}

QPair<int, int> DapodikUpstream::findPtk(const QString &ptkId) const
{
    for (int s = 0; s < int(m_sekolah.size()); ++s) {
        const QList<QJsonObject> &list = m_sekolah[size_t(s)].ptk;
        for (int i = 0; i < list.size(); ++i) {
            if (list.at(i).value(QStringLiteral("ptk_id")).toString() == ptkId)
                return {s, i};
        }
    }
    return {-1, -1};
}

std::optional<SimResponse> DapodikUpstream::handleControl(const SimRequest &request,
                                                           const QString &subPath)
{
    static const QStringList hooks{QStringLiteral("remove-sekolah"), QStringLiteral("remove-ptk"),
                                   QStringLiteral("update-ptk"), QStringLiteral("expire-tokens")};
    if (!hooks.contains(subPath))
        return std::nullopt;
    if (request.method != "POST")
        return SimResponse::error(405, QStringLiteral("Metode tidak diizinkan"));

    if (subPath == QLatin1String("expire-tokens")) {
        const int n = int(m_tokens.size());
        m_tokens.clear(); // an unknown token and an expired one get the same answer
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                                  {QStringLiteral("expired"), n}});
    }

    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return SimResponse::error(400, QStringLiteral("Body JSON tidak valid"));
    const QJsonObject o = doc.object();

    if (subPath == QLatin1String("remove-sekolah")) {
        const QString npsn = stringField(o, QStringLiteral("npsn"));
        if (npsn.isEmpty())
            return SimResponse::error(400, QStringLiteral("Field 'npsn' wajib diisi"));
        Sekolah *s = findSekolah(npsn);
        if (!s)
            return SimResponse::error(404, QStringLiteral("Sekolah tidak ditemukan"));
        const int removedPtk = int(s->ptk.size());
        m_sekolah.erase(m_sekolah.begin() + (s - m_sekolah.data()));
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                                  {QStringLiteral("npsn"), npsn},
                                                  {QStringLiteral("removed_ptk"), removedPtk}});
    }

    const QString ptkId = stringField(o, QStringLiteral("ptk_id"));
    if (ptkId.isEmpty())
        return SimResponse::error(400, QStringLiteral("Field 'ptk_id' wajib diisi"));
    const auto [s, i] = findPtk(ptkId);
    if (s < 0)
        return SimResponse::error(404, QStringLiteral("PTK tidak ditemukan"));
    QList<QJsonObject> &list = m_sekolah[size_t(s)].ptk;

    if (subPath == QLatin1String("remove-ptk")) {
        list.removeAt(i);
        return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                                  {QStringLiteral("ptk_id"), ptkId}});
    }

    // update-ptk: every field of the body but ptk_id replaces (or adds) that field. A new
    // npsn moves the PTK to the end of that school's list (a transfer, "mutasi").
    QJsonObject updated = list.at(i);
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() != QLatin1String("ptk_id"))
            updated.insert(it.key(), it.value());
    }
    if (o.contains(QStringLiteral("npsn")))
        updated.insert(QStringLiteral("npsn"), stringField(o, QStringLiteral("npsn")));
    const QString newNpsn = updated.value(QStringLiteral("npsn")).toString();
    if (newNpsn != m_sekolah[size_t(s)].npsn) {
        Sekolah *target = findSekolah(newNpsn);
        if (!target)
            return SimResponse::error(400, QStringLiteral("npsn tujuan tidak ditemukan"));
        list.removeAt(i);
        target->ptk.append(updated);
    } else {
        list[i] = updated;
    }
    return SimResponse::json(200, QJsonObject{{QStringLiteral("success"), true},
                                              {QStringLiteral("ptk"), updated}});
}

void DapodikUpstream::addStats(QJsonObject &stats) const
{
    int ptkCount = 0;
    for (const Sekolah &s : m_sekolah)
        ptkCount += int(s.ptk.size());
    stats.insert(QStringLiteral("kecamatan"), int(m_kecamatan.size()));
    stats.insert(QStringLiteral("sekolah"), int(m_sekolah.size()));
    stats.insert(QStringLiteral("ptk"), ptkCount);
    stats.insert(QStringLiteral("dapodik"),
                 QJsonObject{{QStringLiteral("logins"), m_logins},
                             {QStringLiteral("requests"),
                              QJsonObject{{QStringLiteral("wilayah"), m_reqWilayah},
                                          {QStringLiteral("sekolah"), m_reqSekolah},
                                          {QStringLiteral("ptk"), m_reqPtk},
                                          {QStringLiteral("ptk_detail"), m_reqPtkDetail}}},
                             {QStringLiteral("unauthorized"), m_unauthorized},
                             {QStringLiteral("denied"), m_denied}});
}
