// PPDB rules at the service level (docs/school-api.md), on both databases.
#include "CoreSuite.h"
#include "PpdbFixtures.h"
#include "TestSupport.h"
#include "app/ChangeStamps.h"
#include "app/SettingsCatalog.h"
#include "ppdb/PpdbExport.h"

#include <QBuffer>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace tu;

class TestPpdb : public test::CoreSuite
{
    Q_OBJECT
    // Anonymous, as the public routes pass them: the applicants' rules apply.
    Actor applicant{QString(), QString(), Role::Siswa, QStringLiteral("203.0.113.7"), false};
    Actor staff{QStringLiteral("s1"), QStringLiteral("panitia"), Role::Ppdb, QStringLiteral("127.0.0.1"), false};
    PpdbService &svc() { return tc->core->ppdb(); }
    qint64 total() { return svc().list({}).value().total; }
    Result<Registration> submit(const QString &nisn, const QString &name = QStringLiteral("Andi Kurniawan"))
    {
        return svc().submit(applicant, test::validRegistration(nisn, name));
    }
    Result<RegistrationDocument> upload(const QString &reg, const QString &type, const QByteArray &bytes,
                                        const QString &name = QStringLiteral("x.png"), const Actor *who = nullptr)
    {
        QBuffer b;
        b.setData(bytes);
        b.open(QIODevice::ReadOnly);
        return svc().upload(who ? *who : applicant, reg, type, b, name);
    }
    QByteArray sized(qint64 bytes) { return test::pngBytes() + QByteArray(bytes - test::pngBytes().size(), 'x'); }
    int filesOf(const QString &registrationId)
    {
        return int(QDir(tc->database.dataDir() + QStringLiteral("/uploads/ppdb/") + registrationId).entryList(QDir::Files).size());
    }
    int auditCount(const QString &registrationId, const QString &action)
    {
        int n = 0;
        // Held in a local: a range-for over .value() of the temporary would iterate a destroyed list.
        const auto entries = tc->core->audit().recent(500, QStringLiteral("ppdb_registration"), registrationId);
        for (const AuditEntry &e : entries.value())
            n += e.action == action;
        return n;
    }

    void prepare() override
    {
        QVERIFY(test::openRegistration(*tc->core));
    }

private slots:
    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("nisn 9 digits") << "nisn" << QJsonValue("123456789") << "tepat 10 angka";
        QTest::newRow("nisn letters") << "nisn" << QJsonValue("12345678ab") << "tepat 10 angka";
        QTest::newRow("gender") << "gender" << QJsonValue("X") << "L (laki-laki) atau P";
        QTest::newRow("religion") << "religion" << QJsonValue("Lainnya") << "Agama harus";
        QTest::newRow("birth unreal") << "birthDate" << QJsonValue("2013-02-30") << "tanggal yang benar";
        QTest::newRow("birth future") << "birthDate" << QJsonValue(QDate::currentDate().addDays(1).toString(Qt::ISODate)) << "sebelum hari ini";
        QTest::newRow("too young") << "birthDate" << QJsonValue(QDate::currentDate().addYears(-5).toString(Qt::ISODate)) << "antara 9 dan 18";
        QTest::newRow("phone") << "phone" << QJsonValue("021555123") << "nomor ponsel Indonesia";
        QTest::newRow("father phone") << "fatherPhone" << QJsonValue("+6221555123") << "nomor ponsel Indonesia";
        QTest::newRow("postal") << "postalCode" << QJsonValue("5528") << "5 angka";
        QTest::newRow("email") << "email" << QJsonValue("bukan-email") << "tidak valid";
        QTest::newRow("missing name") << "fullName" << QJsonValue("   ") << "wajib diisi";
        QTest::newRow("long name") << "fullName" << QJsonValue(QString(101, QLatin1Char('a'))) << "paling banyak 100";
        QTest::newRow("control chars") << "address" << QJsonValue(QStringLiteral("Jl. A\u0000B")) << "tidak diizinkan";
        QTest::newRow("wrong type") << "city" << QJsonValue(42) << "wajib diisi";
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, text);
        QJsonObject in = test::validRegistration(QStringLiteral("0012345678"));
        in.insert(field, value);
        auto r = svc().submit(applicant, in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(field).contains(text), qPrintable(r.error().fields.value(field)));
        QCOMPARE(total(), qint64(0));
    }

    void whitespaceIsNormalised()
    {
        QJsonObject in = test::validRegistration(QStringLiteral("0012345678"));
        in.insert(QStringLiteral("fullName"), QStringLiteral("  Siti   Nur  Aisyah "));
        in.insert(QStringLiteral("phone"), QStringLiteral("0812-3456-7890"));
        auto r = svc().submit(applicant, in);
        QVERIFY(r.ok());
        QCOMPARE(r->fullName, QStringLiteral("Siti Nur Aisyah"));
        QCOMPARE(r->phone, QStringLiteral("081234567890"));
    }

    void numbersAreSequentialPerYear()
    {
        auto a = submit(QStringLiteral("0000000001"));
        auto b = submit(QStringLiteral("0000000002"));
        QCOMPARE(a->number, QStringLiteral("PPDB-2026-0001"));
        QCOMPARE(b->number, QStringLiteral("PPDB-2026-0002"));
        // A refused duplicate does not consume a number.
        QVERIFY(!submit(QStringLiteral("0000000002")).ok());
        QCOMPARE(submit(QStringLiteral("0000000003"))->number, QStringLiteral("PPDB-2026-0003"));
    }

    void closedPeriodEdges()
    {
        const QDate start = QDate::currentDate().addDays(-10), end = QDate::currentDate().addDays(30);
        svc().setToday([start] { return start; });
        QVERIFY(submit(QStringLiteral("0000000001")).ok()); // first day is open
        svc().setToday([end] { return end; });
        QVERIFY(submit(QStringLiteral("0000000002")).ok()); // last day is open
        svc().setToday([end] { return end.addDays(1); });
        auto after = submit(QStringLiteral("0000000003"));
        QCOMPARE(after.error().code, ErrorCode::RegistrationClosed);
        QVERIFY(after.error().message.contains(QStringLiteral("2026/2027")));
        svc().setToday([start] { return start.addDays(-1); });
        QCOMPARE(submit(QStringLiteral("0000000004")).error().code, ErrorCode::RegistrationClosed);
        QCOMPARE(total(), qint64(2));
    }

    void noActiveYearIsClosed()
    {
        auto active = tc->core->tahunAjaran().activeYear().value();
        QVERIFY(tc->core->tahunAjaran().trash(Actor::system(QStringLiteral("test")), active->id).ok());
        QCOMPARE(submit(QStringLiteral("0000000001")).error().code, ErrorCode::RegistrationClosed);
    }

    void duplicateAndOneReRegistration()
    {
        auto first = submit(QStringLiteral("1234567890"), QStringLiteral("Andi"));
        QVERIFY(first.ok());
        auto dup = submit(QStringLiteral("1234567890"));
        QCOMPARE(dup.error().code, ErrorCode::Conflict);
        QCOMPARE(dup.error().message, QStringLiteral("NISN sudah terdaftar dan berstatus PENDING."));
        QVERIFY(svc().changeStatus(staff, first->id, QStringLiteral("rejected"), QStringLiteral("Ijazah tidak terbaca")).ok());
        auto check = svc().checkNisn(QStringLiteral("1234567890"));
        QVERIFY(check->registered && check->allowRetry);
        QCOMPARE(check->status, QStringLiteral("rejected"));

        auto again = submit(QStringLiteral("1234567890"), QStringLiteral("Andi Pratama"));
        QVERIFY(again.ok());
        QCOMPARE(again->id, first->id); // the application is reused
        QCOMPARE(again->number, first->number);
        QCOMPARE(again->retries, 1);
        QCOMPARE(again->status, QStringLiteral("pending"));
        QCOMPARE(total(), qint64(1));
        // The earlier submission is kept in the audit log.
        auto log = tc->core->audit().recent(10, QStringLiteral("ppdb_registration"), first->id);
        bool kept = false;
        for (const AuditEntry &e : log.value())
            kept |= e.action == QLatin1String("reregister") && e.before.value(QLatin1String("fullName")).toString() == QLatin1String("Andi");
        QVERIFY(kept);

        QVERIFY(svc().changeStatus(staff, first->id, QStringLiteral("rejected"), QStringLiteral("Tetap tidak lengkap")).ok());
        QVERIFY(!svc().checkNisn(QStringLiteral("1234567890"))->allowRetry);
        auto third = submit(QStringLiteral("1234567890"));
        QCOMPARE(third.error().code, ErrorCode::Conflict);
        QCOMPARE(third.error().message, QStringLiteral("Tidak dapat mendaftar ulang lebih dari sekali setelah penolakan."));
    }

    void acceptedNisnIsConflict()
    {
        auto r = submit(QStringLiteral("1234567890"));
        QVERIFY(svc().changeStatus(staff, r->id, QStringLiteral("verified"), {}).ok());
        QVERIFY(svc().changeStatus(staff, r->number, QStringLiteral("accepted"), {}).ok());
        QCOMPARE(submit(QStringLiteral("1234567890")).error().message, QStringLiteral("NISN sudah terdaftar dan berstatus ACCEPTED."));
    }

    void statusFlow()
    {
        auto r = submit(QStringLiteral("1234567890"));
        QCOMPARE(svc().changeStatus(staff, r->id, QStringLiteral("accepted"), {}).error().code, ErrorCode::Conflict);
        QCOMPARE(svc().changeStatus(staff, r->id, QStringLiteral("rejected"), {}).error().fields.contains(QStringLiteral("note")), true);
        QCOMPARE(svc().changeStatus(staff, r->id, QStringLiteral("pending"), {}).error().code, ErrorCode::Validation);
        QVERIFY(svc().changeStatus(staff, r->id, QStringLiteral("verified"), QStringLiteral("Berkas lengkap")).ok());
        QVERIFY(svc().changeStatus(staff, r->id, QStringLiteral("accepted"), {}).ok());
        QCOMPARE(svc().changeStatus(staff, r->id, QStringLiteral("rejected"), QStringLiteral("x")).error().code, ErrorCode::Conflict);
        auto log = tc->core->audit().recent(10, QStringLiteral("ppdb_registration"), r->id);
        int changes = 0;
        for (const AuditEntry &e : log.value())
            changes += e.action == QLatin1String("status") && e.username == QLatin1String("panitia");
        QCOMPARE(changes, 2);
    }

    void publicStatusNamesNobodyWithoutTheNisn()
    {
        auto r = submit(QStringLiteral("1234567890"), QStringLiteral("Andi Kurniawan"));
        // Without the NISN: the status only — no name, not even masked (word lengths identify people).
        for (const QString &nisn : {QString(), QStringLiteral("1234567899")}) {
            auto s = svc().publicStatus(r->number, nisn);
            QCOMPARE(s->value(QLatin1String("status")).toString(), QStringLiteral("pending"));
            QCOMPARE(s->value(QLatin1String("registrationNumber")).toString(), r->number);
            QVERIFY(s->contains(QLatin1String("fullName")));
            QVERIFY(s->value(QLatin1String("fullName")).isNull());
            QVERIFY(s->value(QLatin1String("submittedAt")).isNull());
        }
        auto own = svc().publicStatus(r->number, QStringLiteral("1234567890"));
        QCOMPARE(own->value(QLatin1String("fullName")).toString(), QStringLiteral("Andi Kurniawan"));
        QCOMPARE(own->value(QLatin1String("submittedAt")).toString(), r->submittedAt);
        QCOMPARE(svc().publicStatus(QStringLiteral("PPDB-2026-9999"), {}).error().code, ErrorCode::NotFound);
    }

    void uploadsAreSniffedAndKeepHistory()
    {
        auto r = submit(QStringLiteral("1234567890"));
        auto png = upload(r->id, QStringLiteral("photo"), test::pngBytes());
        QVERIFY(png.ok());
        QCOMPARE(png->mimeType, QStringLiteral("image/png"));
        QByteArray pdf("%PDF-1.4\n");
        pdf.append(QByteArray(100, 'p'));
        QCOMPARE(upload(r->id, QStringLiteral("ijazah"), pdf, QStringLiteral("ijazah.jpg"))->mimeType, QStringLiteral("application/pdf"));
        // Named .jpg but not an image: decided by content.
        QCOMPARE(upload(r->id, QStringLiteral("kk"), QByteArray("MZ\x90\x00 this is an exe"), QStringLiteral("kk.jpg")).error().code,
                 ErrorCode::UnsupportedMediaType);
        QCOMPARE(upload(r->id, QStringLiteral("rapor"), test::pngBytes()).error().code, ErrorCode::Validation);
        QCOMPARE(upload(QStringLiteral("00000000-0000-4000-8000-000000000000"), QStringLiteral("kk"), test::pngBytes()).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(upload(r->id, QStringLiteral("kk"), test::pngBytes() + QByteArray(5 * 1024 * 1024, 'x')).error().code,
                 ErrorCode::PayloadTooLarge);
        // A second photo replaces the first; the first stays as history.
        QVERIFY(upload(r->id, QStringLiteral("photo"), test::pngBytes() + "2").ok());
        auto d = svc().detail(r->id);
        int photos = 0, current = 0;
        for (const auto &doc : d->documents)
            if (doc.type == QLatin1String("photo")) {
                ++photos;
                current += doc.current;
            }
        QCOMPARE(photos, 2);
        QCOMPARE(current, 1);
        auto file = svc().documentFile(r->id, png->id);
        QVERIFY(file.ok());
        QFile f(file->first);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), test::pngBytes());
        QVERIFY(!file->first.contains(QStringLiteral("x.png"))); // generated name
    }

    void applicantsNameTheRegistrationByIdOnly()
    {
        auto r = submit(QStringLiteral("1234567890"));
        // The number is sequential and public: anyone could replace anyone's documents with it.
        auto byNumber = upload(r->number, QStringLiteral("photo"), test::pngBytes());
        QCOMPARE(byNumber.error().code, ErrorCode::Validation);
        QVERIFY(byNumber.error().fields.value(QStringLiteral("registrationId")).contains(QStringLiteral("bukti pendaftaran")));
        QCOMPARE(upload(QStringLiteral("ppdb-2026-0001"), QStringLiteral("photo"), test::pngBytes()).error().code, ErrorCode::Validation);
        QCOMPARE(upload(QStringLiteral("1"), QStringLiteral("photo"), test::pngBytes()).error().code, ErrorCode::Validation);
        QCOMPARE(filesOf(r->id), 0);
        QVERIFY(upload(r->id, QStringLiteral("photo"), test::pngBytes()).ok());
        QVERIFY(upload(r->id.toUpper(), QStringLiteral("kk"), test::pngBytes()).ok());
        // Staff keep their own rules: the number is fine for them.
        auto byStaff = upload(r->number, QStringLiteral("akta"), test::pngBytes(), QStringLiteral("akta.png"), &staff);
        TU_VERIFY_OK(byStaff);
    }

    void applicantsUploadOnlyWhilePending()
    {
        auto r = submit(QStringLiteral("1234567890"));
        QVERIFY(upload(r->id, QStringLiteral("photo"), test::pngBytes()).ok());
        QVERIFY(svc().changeStatus(staff, r->id, QStringLiteral("verified"), QStringLiteral("Berkas lengkap")).ok());
        auto late = upload(r->id, QStringLiteral("photo"), test::pngBytes() + "2");
        QCOMPARE(late.error().code, ErrorCode::Conflict);
        QVERIFY(late.error().message.contains(QStringLiteral("VERIFIED")));
        QVERIFY(late.error().message.contains(QStringLiteral("panitia PPDB")));
        QCOMPARE(filesOf(r->id), 1);
        // The verified photo is still the current one.
        auto d = svc().detail(r->id);
        QCOMPARE(d->documents.size(), 1);
        QVERIFY(d->documents.first().current);
        // Staff may still attach documents after verification.
        TU_VERIFY_OK(upload(r->id, QStringLiteral("ijazah"), test::pngBytes(), QStringLiteral("i.png"), &staff));
        QVERIFY(svc().changeStatus(staff, r->id, QStringLiteral("accepted"), {}).ok());
        QCOMPARE(upload(r->id, QStringLiteral("kk"), test::pngBytes()).error().code, ErrorCode::Conflict);

        auto rejected = submit(QStringLiteral("1234567891"));
        QVERIFY(svc().changeStatus(staff, rejected->id, QStringLiteral("rejected"), QStringLiteral("Data tidak sesuai")).ok());
        QCOMPARE(upload(rejected->id, QStringLiteral("kk"), test::pngBytes()).error().code, ErrorCode::Conflict);
    }

    void retiredVersionsArePrunedAndAudited()
    {
        auto r = submit(QStringLiteral("1234567890"));
        QList<RegistrationDocument> photos;
        for (int i = 0; i < 5; ++i) {
            auto d = upload(r->id, QStringLiteral("photo"), test::pngBytes() + QByteArray::number(i));
            TU_VERIFY_OK(d);
            photos << d.value();
            QThread::msleep(2); // versions are ordered by upload time, kept to the millisecond
        }
        TU_VERIFY_OK(upload(r->id, QStringLiteral("kk"), test::pngBytes()));
        // Current photo plus the last two retired ones; the two oldest are gone, rows and files.
        auto d = svc().detail(r->id);
        QStringList kept;
        for (const auto &doc : d->documents)
            if (doc.type == QLatin1String("photo"))
                kept << doc.id;
        QCOMPARE(kept.size(), 1 + PpdbService::KeepRetiredVersions);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(kept.contains(photos[i].id), i >= 2);
        QCOMPARE(svc().documentFile(r->id, photos[0].id).error().code, ErrorCode::NotFound);
        QCOMPARE(filesOf(r->id), 3 + 1);
        // Every action with its time: an intermittent miscount once seen under load names itself.
        QStringList trail;
        const auto entries = tc->core->audit().recent(500, QStringLiteral("ppdb_registration"), r->id);
        for (const AuditEntry &e : entries.value())
            trail << e.action + QLatin1Char('@') + e.at;
        QVERIFY2(auditCount(r->id, QStringLiteral("prune_document")) == 2, qPrintable(trail.join(QLatin1Char(' '))));
        QVERIFY2(auditCount(r->id, QStringLiteral("upload")) == 6, qPrintable(trail.join(QLatin1Char(' '))));
    }

    void applicantUploadsAreCapped()
    {
        auto r = submit(QStringLiteral("1234567890"));
        // Pruned uploads still count: the cap is over the registration's life.
        for (int i = 0; i < PpdbService::MaxUploadsPerRegistration; ++i)
            TU_VERIFY_OK(upload(r->id, QStringLiteral("photo"), test::pngBytes() + QByteArray::number(i)));
        auto over = upload(r->id, QStringLiteral("photo"), test::pngBytes());
        QCOMPARE(over.error().code, ErrorCode::Conflict);
        QVERIFY(over.error().message.contains(QStringLiteral("%1 kali").arg(PpdbService::MaxUploadsPerRegistration)));
        QCOMPARE(filesOf(r->id), 1 + PpdbService::KeepRetiredVersions);
        // Staff are not held by the applicant's cap.
        TU_VERIFY_OK(upload(r->id, QStringLiteral("kk"), test::pngBytes(), QStringLiteral("kk.png"), &staff));

        // Stored bytes: current and kept versions together stay under the byte cap.
        auto b = submit(QStringLiteral("1234567891"));
        const qint64 big = 4 * 1024 * 1024 + 512 * 1024;
        qint64 stored = 0;
        for (const char *type : {"photo", "ijazah", "kk", "akta", "photo", "photo"}) {
            TU_VERIFY_OK(upload(b->id, QString::fromLatin1(type), sized(big)));
            stored += big;
        }
        QVERIFY(stored + big > PpdbService::MaxStoredBytesPerRegistration);
        const int before = filesOf(b->id);
        auto full = upload(b->id, QStringLiteral("ijazah"), sized(big));
        QCOMPARE(full.error().code, ErrorCode::Conflict);
        QVERIFY(full.error().message.contains(QStringLiteral("30 MB")));
        QCOMPARE(filesOf(b->id), before); // the refused file is not left behind
        // Replacing the photo again prunes its oldest version, so it fits.
        TU_VERIFY_OK(upload(b->id, QStringLiteral("photo"), sized(big)));
    }

    void uploadsKeepTheDiskReserve()
    {
        auto r = submit(QStringLiteral("1234567890"));
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "100000000"}}));
        for (const Actor *who : {&applicant, &staff}) {
            auto refused = upload(r->id, QStringLiteral("photo"), test::pngBytes(), QStringLiteral("x.png"), who);
            QCOMPARE(refused.error().code, ErrorCode::InsufficientStorage);
            QCOMPARE(errorHttpStatus(refused.error().code), 507);
            QVERIFY(refused.error().message.contains(QStringLiteral("Ruang penyimpanan server hampir penuh")));
        }
        QCOMPARE(filesOf(r->id), 0);
        QVERIFY(svc().detail(r->id)->documents.isEmpty());
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("test")), {{"disk_reserve_mb", "0"}}));
        TU_VERIFY_OK(upload(r->id, QStringLiteral("photo"), test::pngBytes()));
        QCOMPARE(settingProblem(QStringLiteral("disk_reserve_mb"), QStringLiteral("banyak")).isEmpty(), false);
    }

    void concurrentSubmissionsAreGapFreeAndUnique()
    {
        const int n = 24;
        QList<QFuture<QString>> futures;
        for (int i = 0; i < n; ++i)
            futures << QtConcurrent::run([this, i] {
                auto r = svc().submit(applicant, test::validRegistration(QStringLiteral("%1").arg(5000000000LL + i)));
                return r.ok() ? r->number : QStringLiteral("ERR ") + r.error().message;
            });
        QSet<QString> numbers;
        for (auto &f : futures) {
            const QString num = f.result();
            QVERIFY2(num.startsWith(QStringLiteral("PPDB-")), qPrintable(num));
            numbers.insert(num);
        }
        QCOMPARE(numbers.size(), n);
        for (int i = 1; i <= n; ++i)
            QVERIFY(numbers.contains(QStringLiteral("PPDB-2026-%1").arg(i, 4, 10, QLatin1Char('0'))));
        // Concurrent duplicates: exactly one wins.
        QList<QFuture<bool>> dups;
        for (int i = 0; i < 6; ++i)
            dups << QtConcurrent::run([this] { return svc().submit(applicant, test::validRegistration(QStringLiteral("7777777777"))).ok(); });
        int wins = 0;
        for (auto &f : dups)
            wins += f.result();
        QCOMPARE(wins, 1);
        QCOMPARE(submit(QStringLiteral("8888888888"))->number, QStringLiteral("PPDB-2026-%1").arg(n + 2, 4, 10, QLatin1Char('0')));
    }

    // What the desktop's PPDB list polls: a registration arriving or a status changing moves
    // the stamp; reading does not.
    void changeStampMovesWithEveryChange()
    {
        auto empty = changes::registrations(*tc->core);
        QVERIFY(empty.ok());
        QCOMPARE(empty->count, qint64(0));
        auto a = submit("0012345001");
        QVERIFY(a.ok());
        auto one = changes::registrations(*tc->core);
        QVERIFY(one.ok());
        QCOMPARE(one->count, qint64(1));
        QVERIFY(!one->latest.isEmpty());
        QVERIFY(*one != *empty);
        QVERIFY(svc().list({}).ok());
        QCOMPARE(*changes::registrations(*tc->core), *one);
        QTest::qWait(5); // the times have millisecond resolution
        QVERIFY(svc().changeStatus(staff, a->id, "verified", QString()).ok());
        auto changed = changes::registrations(*tc->core);
        QVERIFY(changed.ok());
        QCOMPARE(changed->count, qint64(1));
        QVERIFY2(changed->latest > one->latest, qPrintable(changed->latest + " " + one->latest));
    }

    void listFiltersAndCounts()
    {
        auto a = submit(QStringLiteral("1000000001"), QStringLiteral("Budi Santoso"));
        QVERIFY(submit(QStringLiteral("1000000002"), QStringLiteral("Citra Lestari")).ok());
        QVERIFY(svc().changeStatus(staff, a->id, QStringLiteral("verified"), {}).ok());
        RegistrationFilter f;
        f.q = QStringLiteral("citra");
        QCOMPARE(svc().list(f)->total, qint64(1));
        f.q = QStringLiteral("1000000001");
        QCOMPARE(svc().list(f)->items.first().fullName, QStringLiteral("Budi Santoso"));
        RegistrationFilter byStatus;
        byStatus.status = QStringLiteral("verified");
        auto page = svc().list(byStatus);
        QCOMPARE(page->total, qint64(1));
        QCOMPARE(page->counts.value(QStringLiteral("pending")), qint64(1));
        QCOMPARE(page->counts.value(QStringLiteral("verified")), qint64(1));
        byStatus.status = QStringLiteral("bogus");
        QCOMPARE(svc().list(byStatus).error().code, ErrorCode::Validation);
    }

    void exportReadsBack()
    {
        QVERIFY(submit(QStringLiteral("0012345678"), QStringLiteral("=SUM(A1) Dewi")).ok());
        QVERIFY(submit(QStringLiteral("0012345679"), QStringLiteral("Eko Prasetyo")).ok());
        auto rows = svc().all({});
        QCOMPARE(rows->size(), 2);
        const QTimeZone jakarta(QByteArrayLiteral("Asia/Jakarta"));
        const QByteArray csv = registrationsCsv(rows.value(), jakarta);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF\"No. Pendaftaran\""));
        QVERIFY(csv.contains("\"0012345678\""));
        QVERIFY(csv.contains("Eko Prasetyo"));
        QVERIFY(csv.contains("\"'=SUM(A1) Dewi\"")); // formula injection neutralised
        QVERIFY(csv.contains("\"Waktu Daftar\""));
        QVERIFY(!csv.contains("UTC"));
        QVERIFY(csv.contains("\"Menunggu\"")); // the screen's word, not "pending"
        QVERIFY(!csv.contains("\"pending\""));
        // School time: the stored UTC instant plus seven hours in Jakarta.
        const QDateTime utc = QDateTime::fromString(rows->first().submittedAt, Qt::ISODateWithMs);
        QVERIFY(utc.isValid());
        QVERIFY2(csv.contains(utc.toTimeZone(jakarta).toString(QStringLiteral("yyyy-MM-dd HH:mm")).toUtf8()), csv.constData());
        QTemporaryDir dir;
        auto xlsx = registrationsXlsx(rows.value(), dir.path(), jakarta);
        QVERIFY(xlsx.ok());
        QVERIFY(xlsx->startsWith("PK"));
        QFile f(dir.filePath(QStringLiteral("out.xlsx")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(xlsx.value());
        f.close();
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), f.fileName(), QStringLiteral("xl/sharedStrings.xml")});
        QVERIFY(unzip.waitForFinished(10000));
        const QByteArray strings = unzip.readAllStandardOutput();
        QVERIFY2(strings.contains("Eko Prasetyo"), strings.left(300).constData());
        QVERIFY(strings.contains("0012345679")); // NISN kept as text with its zeros
        QVERIFY(strings.contains("No. Pendaftaran"));
        QVERIFY(strings.contains("Menunggu"));
        QVERIFY(!strings.contains(">pending<"));
        // Birth date and registration time are numbers with a date format, not text.
        unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), f.fileName(), QStringLiteral("xl/styles.xml")});
        QVERIFY(unzip.waitForFinished(10000));
        const QByteArray styles = unzip.readAllStandardOutput();
        QVERIFY2(styles.contains("dd-mm-yyyy hh:mm"), styles.left(400).constData());
        QVERIFY(!strings.contains(rows->first().submittedAt.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestPpdb)
#include "tst_ppdb.moc"
