// Tahun ajaran rules (docs/tahun-ajaran.md) at the service level, on both databases.
#include "CoreSuite.h"
#include "TestSupport.h"

#include <QTest>

using namespace tu;

class TestTahunAjaran : public test::CoreSuite
{
    Q_OBJECT
    Actor actor = Actor::system(QStringLiteral("test"));
    TahunAjaranService &svc() { return tc->core->tahunAjaran(); }

    static QJsonObject year(const QString &nama, const QString &awal, const QString &akhir, int aktif = 2, const QString &id = {})
    {
        QJsonObject o{{"tahun_ajaran", nama}, {"periode_awal_pendaftaran", awal}, {"periode_akhir_pendaftaran", akhir}, {"sts_aktif", aktif}};
        if (!id.isEmpty())
            o.insert(QStringLiteral("id_tahun_ajaran"), id);
        return o;
    }
    TahunAjaran mustStore(const QJsonObject &o)
    {
        auto r = svc().store(actor, o);
        if (!r.ok())
            qWarning() << r.error().message << r.error().fields;
        return r.ok() ? r.value() : TahunAjaran{};
    }
    int live() { return svc().list(1).value().size(); }

private slots:
    void validation_data()
    {
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::newRow("not consecutive") << year("2024/2026", "2024-01-01", "2024-02-01") << "tahun_ajaran" << "TTTT/TTTT+1";
        QTest::newRow("bad format") << year("2024-2025", "2024-01-01", "2024-02-01") << "tahun_ajaran" << "TTTT/TTTT+1";
        QTest::newRow("missing name") << year("", "2024-01-01", "2024-02-01") << "tahun_ajaran" << "wajib";
        QTest::newRow("unreal date") << year("2024/2025", "2024-02-30", "2024-03-01") << "periode_awal_pendaftaran" << "tanggal yang benar";
        QTest::newRow("wrong date format") << year("2024/2025", "01-02-2024", "2024-03-01") << "periode_awal_pendaftaran" << "TTTT-BB-HH";
        QTest::newRow("end equals start") << year("2024/2025", "2024-03-01", "2024-03-01") << "periode_akhir_pendaftaran" << "setelah tanggal awal";
        QTest::newRow("end before start") << year("2024/2025", "2024-03-01", "2024-02-01") << "periode_akhir_pendaftaran" << "setelah tanggal awal";
        QTest::newRow("bad sts_aktif") << year("2024/2025", "2024-01-01", "2024-02-01", 3) << "sts_aktif" << "1 (Aktif) atau 2";
        QJsonObject badId = year("2024/2025", "2024-01-01", "2024-02-01");
        badId.insert(QStringLiteral("id_tahun_ajaran"), QStringLiteral("123"));
        QTest::newRow("bad id") << badId << "id_tahun_ajaran" << "UUID";
    }
    void validation()
    {
        QFETCH(QJsonObject, input);
        QFETCH(QString, field);
        QFETCH(QString, text);
        auto r = svc().store(actor, input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Validation);
        QVERIFY2(r.error().fields.value(field).contains(text), qPrintable(r.error().fields.value(field)));
        QCOMPARE(live(), 0);
    }

    void overlapAtTheEdges()
    {
        mustStore(year("2024/2025", "2024-03-01", "2024-03-31"));
        // Touching on the same day overlaps (inclusive ranges), from either side.
        for (const auto &[a, b] : {std::pair{"2024-03-31", "2024-04-15"}, std::pair{"2024-02-01", "2024-03-01"},
                                   std::pair{"2024-03-10", "2024-03-12"}, std::pair{"2024-02-01", "2024-05-01"}}) {
            auto r = svc().store(actor, year("2025/2026", QString::fromLatin1(a), QString::fromLatin1(b)));
            QVERIFY2(!r.ok(), a);
            const QString msg = r.error().fields.value(QStringLiteral("periode_awal_pendaftaran"));
            QVERIFY2(msg.contains(QStringLiteral("2024/2025")), qPrintable(msg)); // names the colliding year
            QVERIFY(r.error().message.contains(QStringLiteral("bertabrakan")));
        }
        // The day after does not.
        QVERIFY(svc().store(actor, year("2025/2026", "2024-04-01", "2024-04-30")).ok());
        QVERIFY(svc().store(actor, year("2023/2024", "2024-01-01", "2024-02-29")).ok());
        QCOMPARE(live(), 3);
    }

    void uniqueNameAmongLiveYears()
    {
        mustStore(year("2024/2025", "2024-03-01", "2024-03-31"));
        auto dup = svc().store(actor, year("2024/2025", "2024-05-01", "2024-05-31"));
        QVERIFY(!dup.ok());
        QVERIFY(dup.error().fields.value(QStringLiteral("tahun_ajaran")).contains(QStringLiteral("sudah ada")));
    }

    void editKeepsIdAndChecksOthers()
    {
        const TahunAjaran a = mustStore(year("2024/2025", "2024-03-01", "2024-03-31"));
        mustStore(year("2025/2026", "2025-03-01", "2025-03-31"));
        auto edited = svc().store(actor, year("2024/2025", "2024-03-05", "2024-04-05", 2, a.id));
        QVERIFY(edited.ok());
        QCOMPARE(edited->id, a.id);
        QCOMPARE(edited->awal, QDate(2024, 3, 5));
        // Editing itself does not collide with its own old period, but does with another year.
        QVERIFY(!svc().store(actor, year("2024/2025", "2025-03-31", "2025-04-30", 2, a.id)).ok());
        QCOMPARE(svc().get(a.id)->akhir, QDate(2024, 4, 5));
        QCOMPARE(svc().store(actor, year("2024/2025", "2024-03-05", "2024-04-05", 2, QStringLiteral("00000000-0000-4000-8000-000000000001"))).error().code,
                 ErrorCode::NotFound);
    }

    void oneActiveYear()
    {
        const TahunAjaran a = mustStore(year("2024/2025", "2024-03-01", "2024-03-31", 1));
        const TahunAjaran b = mustStore(year("2025/2026", "2025-03-01", "2025-03-31", 1));
        QCOMPARE(svc().get(a.id)->stsAktif, 2);
        QCOMPARE(svc().get(b.id)->stsAktif, 1);
        QCOMPARE(svc().activeYear().value()->id, b.id);
        QCOMPARE(svc().list(1, 1).value().size(), 1);
        QCOMPARE(svc().list(1, 2).value().size(), 1);
    }

    void trashAndRestore()
    {
        const TahunAjaran a = mustStore(year("2024/2025", "2024-03-01", "2024-03-31", 1));
        auto t = svc().trash(actor, a.id);
        QVERIFY(t.ok());
        QCOMPARE(t->stsHapus, 2);
        QCOMPARE(t->stsAktif, 2); // a trashed year is never active
        QCOMPARE(live(), 0);
        QCOMPARE(svc().list(2).value().size(), 1);
        QCOMPARE(svc().trash(actor, a.id).error().code, ErrorCode::Conflict);
        // Editing a trashed year is refused; its period no longer blocks others.
        QCOMPARE(svc().store(actor, year("2024/2025", "2024-03-01", "2024-03-31", 2, a.id)).error().code, ErrorCode::Conflict);
        const TahunAjaran b = mustStore(year("2025/2026", "2024-03-15", "2024-04-15"));
        // Restore re-checks the overlap rule.
        auto blocked = svc().restore(actor, a.id);
        QVERIFY(!blocked.ok());
        QVERIFY(blocked.error().message.contains(QStringLiteral("2025/2026")));
        QCOMPARE(svc().list(2).value().size(), 1);
        QVERIFY(svc().trash(actor, b.id).ok());
        auto restored = svc().restore(actor, a.id);
        QVERIFY(restored.ok());
        QCOMPARE(restored->stsHapus, 1);
        QCOMPARE(svc().restore(actor, a.id).error().code, ErrorCode::Conflict);
    }

    void auditKeepsBeforeAndAfter()
    {
        const TahunAjaran a = mustStore(year("2024/2025", "2024-03-01", "2024-03-31"));
        QVERIFY(svc().store(actor, year("2024/2025", "2024-03-02", "2024-03-31", 1, a.id)).ok());
        auto log = tc->core->audit().recent(10, QStringLiteral("tahun_ajaran"), a.id);
        QVERIFY(log.ok());
        QCOMPARE(log->size(), 2);
        const AuditEntry &upd = log->first().action == QLatin1String("update") ? log->at(0) : log->at(1);
        QCOMPARE(upd.before.value(QLatin1String("periode_awal_pendaftaran")).toString(), QStringLiteral("2024-03-01"));
        QCOMPARE(upd.after.value(QLatin1String("periode_awal_pendaftaran")).toString(), QStringLiteral("2024-03-02"));
    }

    void fullSyncInsertsUpdatesTrashesAndKeepsUnchanged()
    {
        const TahunAjaran keep = mustStore(year("2023/2024", "2023-03-01", "2023-03-31"));
        const TahunAjaran change = mustStore(year("2024/2025", "2024-03-01", "2024-03-31", 1));
        const TahunAjaran gone = mustStore(year("2025/2026", "2025-03-01", "2025-03-31"));
        QList<TahunAjaran> remote;
        remote << keep;
        TahunAjaran changed = change;
        changed.awal = QDate(2024, 2, 1);
        changed.stsAktif = 2;
        remote << changed;
        TahunAjaran fresh;
        fresh.id = QStringLiteral("6f1f5d0e-8c1b-4b47-9d0e-000000000026");
        fresh.nama = QStringLiteral("2026/2027");
        fresh.awal = QDate(2026, 3, 1);
        fresh.akhir = QDate(2026, 3, 31);
        fresh.stsAktif = 1;
        remote << fresh;
        // The preview's plan, worked out before anything changes, says the same as the sync.
        const SiakadSyncPlan plan = SiakadSyncPlan::make(svc().list(0).value(), remote);
        QCOMPARE(plan.added.size(), 1);
        QCOMPARE(plan.changed.size(), 1);
        QCOMPARE(plan.changed.first().before.awal, QDate(2024, 3, 1));
        QCOMPARE(plan.trashed.size(), 1);
        QCOMPARE(plan.trashed.first().id, gone.id);
        QCOMPARE(plan.unchanged, 1);
        QCOMPARE(plan.activeBefore->id, change.id);
        QCOMPARE(plan.activeAfter->id, fresh.id);
        QVERIFY(plan.activeYearLost);
        QVERIFY(!plan.dangerous()); // no applicants counted here
        QCOMPARE(plan.fingerprint, SiakadSyncPlan::fingerprintOf(remote));
        QCOMPARE(svc().get(gone.id)->stsHapus, 1); // planning changed nothing
        auto sum = svc().applySiakadList(actor, remote);
        QVERIFY2(sum.ok(), qPrintable(sum.ok() ? QString() : sum.error().message));
        QCOMPARE(sum->inserted, 1);
        QCOMPARE(sum->updated, 1);
        QCOMPARE(sum->trashed, 1);
        QCOMPARE(sum->unchanged, 1);
        QCOMPARE(svc().get(gone.id)->stsHapus, 2); // trashed, never deleted
        QCOMPARE(svc().get(change.id)->awal, QDate(2024, 2, 1));
        QCOMPARE(svc().activeYear().value()->id, fresh.id);
        // Running it again changes nothing, and the plan says so.
        const SiakadSyncPlan none = SiakadSyncPlan::make(svc().list(0).value(), remote);
        QVERIFY(none.empty());
        QVERIFY(!none.activeYearLost);
        QCOMPARE(none.unchanged, 3);
        auto again = svc().applySiakadList(actor, remote);
        QCOMPARE(again->unchanged, 3);
        QCOMPARE(again->inserted + again->updated + again->trashed, 0);
    }

    void invalidRemoteListChangesNothing()
    {
        const TahunAjaran a = mustStore(year("2024/2025", "2024-03-01", "2024-03-31", 1));
        TahunAjaran x = a, y = a;
        x.id = QStringLiteral("6f1f5d0e-8c1b-4b47-9d0e-000000000001");
        y.id = QStringLiteral("6f1f5d0e-8c1b-4b47-9d0e-000000000002");
        y.nama = QStringLiteral("2025/2026");
        auto r = svc().applySiakadList(actor, {x, y}); // overlapping periods
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::UpstreamError);
        QCOMPARE(svc().list(1).value().size(), 1);
        QCOMPARE(svc().get(a.id)->stsAktif, 1);
    }

    void webhookUpsert()
    {
        const QString id = QStringLiteral("6f1f5d0e-8c1b-4b47-9d0e-0000000000aa");
        QVERIFY(svc().upsertFromSync(actor, year("2027/2028", "2027-03-01", "2027-03-31", 2, id)).ok());
        QVERIFY(svc().upsertFromSync(actor, year("2027/2028", "2027-03-01", "2027-04-30", 2, id)).ok());
        QCOMPARE(svc().get(id)->akhir, QDate(2027, 4, 30));
        QCOMPARE(svc().upsertFromSync(actor, year("2027/2028", "2027-03-01", "2027-04-30")).error().code, ErrorCode::Validation);
    }
};

QTEST_GUILESS_MAIN(TestTahunAjaran)
#include "tst_tahunajaran.moc"
