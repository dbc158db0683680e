// Satu Data sync against the real simulator (docs/satudata.md): per-target results, unverified refused
// and skipped, each failure class with its hint, unchanged files skipped by hash, changed files
// update the same remote dataset, conflicts found and resolved both ways, the retry queue
// (also by a fresh service over the same database: a restart), the schedule with an injected
// clock, and the delay between requests. On both databases.
#include "SatuDataFixtures.h"
#include "sync/UpstreamHttp.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <cstdio>
#include <QSignalSpy>
#include <QTest>

using namespace tu;

class TestSatuDataSync : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    std::unique_ptr<test::UpstreamSim> sim;
    Actor op = test::actorOf(QStringLiteral("o1"), QStringLiteral("operator"), Role::Operator);
    Actor admin = test::actorOf(QStringLiteral("a1"), QStringLiteral("admin"), Role::Admin);
    SatuDataSync &sync() { return tc->core->satuDataSync(); }
    QJsonObject splpStats() { return sim->stats().value(QLatin1String("pushed")).toObject().value(QLatin1String("splp")).toObject(); }
    QJsonObject sipdStats() { return sim->stats().value(QLatin1String("pushed")).toObject().value(QLatin1String("sipd")).toObject(); }
    DataFile file(const QString &title, const QByteArray &csv = test::sampleCsv())
    {
        auto f = test::uploadVerified(*tc->core, title, csv);
        if (!f.ok())
            qFatal("upload failed: %s", qPrintable(f.error().message));
        return f.value();
    }
    TargetResult syncOne(const QString &id, const QString &target)
    {
        auto r = sync().syncFile(op, id, {target});
        if (!r.ok() || r->results.size() != 1)
            qFatal("sync failed: %s", qPrintable(r.ok() ? QStringLiteral("results") : r.error().message));
        return r->results.first();
    }
    QJsonArray splpPackages() { return sim->control("GET", QStringLiteral("/__sim/splp/packages")).value(QLatin1String("result")).toArray(); }

private slots:
    void init()
    {
        tc = std::make_unique<test::TestCore>();
        sim = std::make_unique<test::UpstreamSim>();
        QVERIFY(sim->ok());
        TU_VERIFY_OK(test::pointSatuDataAtSim(*tc->core, *sim));
    }
    void cleanup()
    {
        tc.reset();
        sim.reset();
    }

    void bothTargetsGiveTheirResults()
    {
        const DataFile f = file(QStringLiteral("Jumlah Siswa per Kelas 2025"));
        auto r = sync().syncFile(op, f.id, {satudata::Splp, satudata::Sipd});
        TU_VERIFY_OK(r);
        QCOMPARE(r->results.size(), 2);
        const TargetResult splp = r->results[0], sipd = r->results[1];
        QCOMPARE(splp.target, satudata::Splp);
        QCOMPARE(splp.status, QStringLiteral("ok"));
        QVERIFY(!splp.remoteId.isEmpty());
        QCOMPARE(sipd.status, QStringLiteral("ok"));
        QCOMPARE(sipd.rowsOk, 3);
        QCOMPARE(sipd.log.size(), 3);
        QCOMPARE(sipd.log[0].toObject().value(QLatin1String("status")).toString(), QStringLiteral("OK"));
        // What arrived: one dataset with the table (types inferred), three SIPD values.
        const QJsonArray packages = splpPackages();
        QCOMPARE(packages.size(), 1);
        const QJsonObject pkg = packages[0].toObject();
        QCOMPARE(pkg.value(QLatin1String("id")).toString(), splp.remoteId);
        QCOMPARE(pkg.value(QLatin1String("title")).toString(), f.title);
        const QJsonObject res = pkg.value(QLatin1String("resources")).toArray()[0].toObject();
        QCOMPARE(res.value(QLatin1String("data")).toArray().size(), 3);
        QCOMPARE(res.value(QLatin1String("data")).toArray()[0].toObject().value(QLatin1String("data")).toInt(), 30);
        QCOMPARE(sipdStats().value(QLatin1String("values")).toInt(), 3);
        // State, log and the file's "ever synced" flag.
        auto states = sync().states(f.id);
        TU_VERIFY_OK(states);
        QCOMPARE(states->value(satudata::Splp).status, QStringLiteral("ok"));
        QCOMPARE(states->value(satudata::Sipd).status, QStringLiteral("ok"));
        QVERIFY(tc->core->dataFiles().get(f.id)->everSynced);
        qint64 total = 0;
        auto logs = sync().logs({}, &total);
        TU_VERIFY_OK(logs);
        QCOMPARE(total, 2);
        QVERIFY(!logs->first().answer.isEmpty());
    }

    // Two processes on one database (the desktop and the server, or two servers): one run at a
    // time across both, on PostgreSQL by the advisory lock and on SQLite by the lock file.
    void runsExcludeEachOtherAcrossProcesses()
    {
        file(QStringLiteral("Dua Proses"));
        // Every upstream answer takes a while, so the other process's run is still going.
        sim->control("POST", QStringLiteral("/__sim/faults"), {{"latencyMs", 1500}});
        QProcess other;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TU_SECOND_PROCESS_DB"), tc->database.url());
        env.insert(QStringLiteral("TU_SECOND_PROCESS_DIR"), tc->database.dataDir());
        other.setProcessEnvironment(env);
        other.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(other.waitForStarted(5000));
        QVERIFY(other.waitForReadyRead(20000));
        const QByteArray said = other.readLine().trimmed();
        QCOMPARE(said, QByteArray("started"));

        auto refused = sync().startAll(op, {satudata::Splp});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("komputer lain")), qPrintable(refused.error().message));
        QVERIFY(!sync().isRunning());

        other.write("stop\n");
        other.closeWriteChannel();
        QVERIFY(other.waitForFinished(30000));
        QCOMPARE(other.exitCode(), 0);
        sim->control("POST", QStringLiteral("/__sim/faults"), {{"latencyMs", 0}});
        // Once the other process is done, this one runs.
        auto run = sync().runAll(op, {satudata::Splp});
        TU_VERIFY_OK(run);
        QCOMPARE(run->perTarget.value(satudata::Splp).failed, 0);
    }

    void unverifiedIsRefusedAndSkippedInBulk()
    {
        auto unverified = test::uploadVerified(*tc->core, QStringLiteral("Belum Dicek"), test::sampleCsv(), false);
        TU_VERIFY_OK(unverified);
        auto r = sync().syncFile(op, unverified->id, {satudata::Splp});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QVERIFY(r.error().message.contains(QStringLiteral("belum diverifikasi")));
        file(QStringLiteral("Sudah Dicek"));
        QSignalSpy finished(&sync(), &SatuDataSync::runFinished);
        auto run = sync().runAll(op, {satudata::Splp, satudata::Sipd});
        TU_VERIFY_OK(run);
        for (const QString &t : {satudata::Splp, satudata::Sipd}) {
            QCOMPARE(run->perTarget.value(t).synced, 1);
            QCOMPARE(run->perTarget.value(t).skipped, 1);
            QCOMPARE(run->perTarget.value(t).failed, 0);
        }
        QVERIFY(run->message().contains(QStringLiteral("SPLP: 1 berhasil")));
        QCOMPARE(splpPackages().size(), 1);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(sync().current().progress, 100);
        QVERIFY(sync().current().done);
    }

    void unchangedIsSkippedChangedUpdatesTheSameDataset()
    {
        const DataFile f = file(QStringLiteral("Jumlah Guru"));
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok"));
        const int requests = sim->stats().value(QLatin1String("requests")).toInt();
        const TargetResult again = syncOne(f.id, satudata::Splp);
        QCOMPARE(again.status, QStringLiteral("unchanged"));
        QCOMPARE(sim->stats().value(QLatin1String("requests")).toInt(), requests); // nothing sent
        // New content: replace (takes verification back), verify, sync → same package updated.
        QBuffer b;
        b.setData(test::sampleCsv(5));
        b.open(QIODevice::ReadOnly);
        TU_VERIFY_OK(tc->core->dataFiles().replace(op, f.id, b, QStringLiteral("baru.csv")));
        TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f.id, true));
        const TargetResult updated = syncOne(f.id, satudata::Splp);
        QCOMPARE(updated.status, QStringLiteral("ok"));
        const QJsonObject s = splpStats();
        QCOMPARE(s.value(QLatin1String("packages")).toInt(), 1);
        QCOMPARE(s.value(QLatin1String("resources")).toInt(), 1);
        QCOMPARE(s.value(QLatin1String("records")).toInt(), 5);
        QCOMPARE(s.value(QLatin1String("updates")).toInt(), 1);
    }

    void authenticationFailureIsClassifiedAndNotQueued()
    {
        const DataFile f = file(QStringLiteral("Sarpras"));
        TU_VERIFY_OK(test::pointSatuDataAtSim(*tc->core, *sim, QStringLiteral("kunci-salah")));
        auto r = sync().syncFile(op, f.id, {satudata::Splp, satudata::Sipd});
        TU_VERIFY_OK(r);
        for (const TargetResult &t : r->results) {
            QCOMPARE(t.status, QStringLiteral("failed"));
            QCOMPARE(t.failureClass, satudata::Authentication);
            QVERIFY(t.hint.contains(QStringLiteral("API key")));
            QVERIFY(!t.queued);
        }
        QVERIFY(sync().retryQueue()->isEmpty());
        QVERIFY(tc->core->dataFiles().get(f.id)->verified); // a failed file stays verified
    }

    void networkFailureIsClassified()
    {
        const DataFile f = file(QStringLiteral("Ekskul"));
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("t")), {{"splp_api_url", "http://127.0.0.1:9"}}));
        const TargetResult r = syncOne(f.id, satudata::Splp);
        QVERIFY2(r.failureClass == satudata::Network, qPrintable(r.status + QLatin1Char(' ') + r.message));
        QVERIFY(r.hint.contains(QStringLiteral("SPLP_API_URL")));
        QVERIFY(r.queued);
        // Not configured at all: said so, nothing attempted.
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("t")), {{"sipd_api_url", ""}}));
        const TargetResult unset = syncOne(f.id, satudata::Sipd);
        QCOMPARE(unset.failureClass, satudata::Network);
        QVERIFY(unset.message.contains(QStringLiteral("SIPD_API_URL")));
        QCOMPARE(sipdStats().value(QLatin1String("pushes")).toInt(), 0);
    }

    void droppedConnectionsAreANetworkFailure()
    {
        const DataFile f = file(QStringLiteral("Putus Sambung"));
        sim->forceFault(QStringLiteral("drop"), 20); // more than the retries (Qt also resends once on a dropped connection)
        const TargetResult r = syncOne(f.id, satudata::Splp);
        QVERIFY2(r.failureClass == satudata::Network, qPrintable(r.status + QLatin1Char(' ') + r.message));
        QVERIFY(r.queued);
        sim->control("POST", QStringLiteral("/__sim/faults"), {{"clear", true}});
        QCOMPARE(splpPackages().size(), 0);
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok")); // tried again by hand: fine
        QVERIFY(sync().retryQueue()->isEmpty());
    }

    // Someone else's dataset under the name we would use: SPLP's 409 is a validation failure with
    // its reason, and we never take over a dataset that is not ours. Our own (an earlier attempt
    // whose answer got lost) is adopted instead of duplicated.
    void nameTakenUpstream()
    {
        const DataFile f = file(QStringLiteral("Data Guru"));
        auto create = [&](const QString &owner) {
            UpstreamRequest req;
            req.method = "POST";
            req.url = QUrl(sim->url() + QStringLiteral("/splp/api/3/action/package_create"));
            req.headers = {{"Authorization", "sim-external-key"}};
            req.body = QJsonDocument(QJsonObject{{"name", QStringLiteral("data-guru-") + f.id.left(8)}, {"title", "Punya orang lain"},
                                                 {"extras", QJsonArray{QJsonObject{{"key", "tatausaha_id"}, {"value", owner}}}}})
                           .toJson(QJsonDocument::Compact);
            return UpstreamHttp::send(QStringLiteral("SPLP"), req);
        };
        QVERIFY(create(QStringLiteral("bukan-kami")).ok());
        TargetResult r = syncOne(f.id, satudata::Splp);
        QCOMPARE(r.failureClass, satudata::Validation);
        QVERIFY(r.message.contains(QStringLiteral("URL sudah digunakan")));
        QVERIFY(!r.queued);
        QCOMPARE(splpPackages().size(), 1);

        sim->control("POST", QStringLiteral("/__sim/reset"));
        QVERIFY(create(f.id).ok());
        r = syncOne(f.id, satudata::Splp);
        QCOMPARE(r.status, QStringLiteral("ok"));
        QCOMPARE(splpPackages().size(), 1);
        QCOMPARE(splpPackages()[0].toObject().value(QLatin1String("title")).toString(), f.title);
    }

    void sipdRowErrorsAreValidationWithTheRowLog()
    {
        const DataFile f = file(QStringLiteral("Angka Partisipasi"), test::sampleCsv(3, QStringLiteral("1")));
        const TargetResult r = syncOne(f.id, satudata::Sipd);
        QCOMPARE(r.status, QStringLiteral("failed"));
        QCOMPARE(r.failureClass, satudata::Validation);
        QCOMPARE(r.rowsOk, 2);
        QCOMPARE(r.rowsError, 1);
        QCOMPARE(r.log[1].toObject().value(QLatin1String("status")).toString(), QStringLiteral("ERROR"));
        QVERIFY(r.log[1].toObject().value(QLatin1String("message")).toString().contains(QStringLiteral("data tidak valid")));
        QVERIFY(!r.queued);
        // Without a value column SIPD can't be fed: refused here, nothing sent.
        const DataFile noData = file(QStringLiteral("Tanpa Nilai"), "kelas,jumlah\n7A,30\n");
        const int pushes = sipdStats().value(QLatin1String("pushes")).toInt();
        const TargetResult local = syncOne(noData.id, satudata::Sipd);
        QCOMPARE(local.failureClass, satudata::Validation);
        QVERIFY(local.message.contains(QStringLiteral("kolom \"data\"")));
        QCOMPARE(sipdStats().value(QLatin1String("pushes")).toInt(), pushes);
        // Two rows for the same indicator, region and year would overwrite each other upstream.
        const DataFile twice = file(QStringLiteral("Dobel"), "kelas,data\n7A,30\n7B,31\n");
        const TargetResult dup = syncOne(twice.id, satudata::Sipd);
        QCOMPARE(dup.failureClass, satudata::Validation);
        QVERIFY(dup.message.contains(QStringLiteral("Baris 2 dan 3")));
        QCOMPARE(sipdStats().value(QLatin1String("pushes")).toInt(), pushes);
    }

    void rateLimitAndServerFailuresAreQueuedAndRetriedAfterRestart()
    {
        const DataFile f = file(QStringLiteral("Jumlah Rombel"));
        sim->forceFault(QStringLiteral("5xx"), 4); // the first attempt and its 3 retries
        TargetResult r = syncOne(f.id, satudata::Sipd);
        QCOMPARE(r.failureClass, satudata::Server);
        QVERIFY(r.queued);
        QVERIFY(r.message.contains(QStringLiteral("Dicoba ulang otomatis")));
        auto queue = sync().retryQueue();
        TU_VERIFY_OK(queue);
        QCOMPARE(queue->size(), 1);
        QCOMPARE(queue->first().attempts, 1);

        // A "restart": a new service over the same database sees the queue and retries it
        // once due, not before.
        SatuDataSync fresh(tc->core->db(), tc->core->audit(), tc->core->settings(), tc->core->dataFiles());
        const QDateTime start = QDateTime::currentDateTimeUtc();
        fresh.setClock([start] { return start.addSecs(30); });
        QCOMPARE(fresh.tick().value(), QString());
        fresh.setClock([start] { return start.addSecs(61); });
        QCOMPARE(fresh.tick().value(), QStringLiteral("retry"));
        QVERIFY(fresh.waitForIdle(10000));
        QCOMPARE(fresh.lastRun().perTarget.value(satudata::Sipd).synced, 1);
        QVERIFY(fresh.retryQueue()->isEmpty());
        QCOMPARE(sipdStats().value(QLatin1String("values")).toInt(), 3);

        // 429: Retry-After honoured by the client, then classified as rate limiting.
        const DataFile g = file(QStringLiteral("Jumlah Kelas"));
        sim->forceFault(QStringLiteral("429"), 4);
        QElapsedTimer t;
        t.start();
        r = syncOne(g.id, satudata::Sipd);
        QCOMPARE(r.failureClass, satudata::RateLimit);
        QVERIFY2(t.elapsed() >= 2900, "three Retry-After: 1 waits");
        QVERIFY(r.hint.contains(QStringLiteral("jeda")));
        QVERIFY(r.queued);
    }

    void retryBackoffGrows()
    {
        QCOMPARE(SatuDataSync::retryDelaySeconds(1), 60);
        QVERIFY(SatuDataSync::retryDelaySeconds(2) > SatuDataSync::retryDelaySeconds(1));
        QVERIFY(SatuDataSync::retryDelaySeconds(5) > SatuDataSync::retryDelaySeconds(4));
        QCOMPARE(SatuDataSync::retryDelaySeconds(9), SatuDataSync::retryDelaySeconds(5));
    }

    void conflictIsDetectedAndKeepLocalWins()
    {
        const DataFile f = file(QStringLiteral("Data Guru"));
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok"));
        const QString remoteId = sync().states(f.id)->value(satudata::Splp).remoteId;
        // Someone edits the dataset on the portal; we change ours too.
        sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", "Diubah di portal"}});
        TU_VERIFY_OK(tc->core->dataFiles().updateMeta(op, f.id, {{"title", "Data Guru 2025"}}));
        TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f.id, true));
        const TargetResult r = syncOne(f.id, satudata::Splp);
        QCOMPARE(r.status, QStringLiteral("conflict"));
        QCOMPARE(splpPackages()[0].toObject().value(QLatin1String("title")).toString(), QStringLiteral("Diubah di portal")); // untouched
        auto c = sync().conflict(f.id, satudata::Splp);
        TU_VERIFY_OK(c);
        QCOMPARE(c->local.value(QLatin1String("title")).toString(), QStringLiteral("Data Guru 2025"));
        QCOMPARE(c->remote.value(QLatin1String("title")).toString(), QStringLiteral("Diubah di portal"));
        QVERIFY(!c->remote.value(QLatin1String("metadata_modified")).toString().isEmpty());

        auto resolved = sync().resolveConflict(op, f.id, satudata::Splp, QStringLiteral("local"));
        TU_VERIFY_OK(resolved);
        QCOMPARE(resolved->status, QStringLiteral("ok"));
        QCOMPARE(splpPackages()[0].toObject().value(QLatin1String("title")).toString(), QStringLiteral("Data Guru 2025"));
        QCOMPARE(splpPackages().size(), 1);
        QCOMPARE(sync().conflict(f.id, satudata::Splp).error().code, ErrorCode::NotFound);
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("unchanged"));
    }

    void keepRemoteTakesThePortalsVersion()
    {
        const DataFile f = file(QStringLiteral("Data Sarpras"));
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok"));
        const QString remoteId = sync().states(f.id)->value(satudata::Splp).remoteId;
        sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", "Sarpras (portal)"}, {"notes", "Catatan portal"}});
        TU_VERIFY_OK(tc->core->dataFiles().updateMeta(op, f.id, {{"description", "Deskripsi baru"}}));
        TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f.id, true));
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("conflict"));
        QCOMPARE(sync().resolveConflict(op, f.id, satudata::Splp, QStringLiteral("bukan")).error().code, ErrorCode::Validation);
        auto resolved = sync().resolveConflict(op, f.id, satudata::Splp, QStringLiteral("remote"));
        TU_VERIFY_OK(resolved);
        const DataFile after = tc->core->dataFiles().get(f.id).value();
        QCOMPARE(after.title, QStringLiteral("Sarpras (portal)"));
        QCOMPARE(after.description, QStringLiteral("Catatan portal"));
        // The portal's text is not what the admin verified: verification is taken back.
        QVERIFY(!after.verified);
        QVERIFY(after.verifiedBy.isEmpty());
        QVERIFY(resolved->message.contains(QStringLiteral("memverifikasi")));
        QVERIFY(!sync().syncFile(op, f.id, {satudata::Splp}).ok());
        TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f.id, true));
        const int updates = splpStats().value(QLatin1String("updates")).toInt();
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("unchanged"));
        QCOMPARE(splpStats().value(QLatin1String("updates")).toInt(), updates);
    }

    // The portal's title and description pass the checks of a user's edit (control characters,
    // lengths) before they replace ours; refused, nothing changes and the conflict stays open.
    void keepRemoteChecksThePortalsText()
    {
        const QList<std::tuple<QString, QString, QString>> cases{
            {QStringLiteral("Sarpras\u0007\u001b[2J"), QStringLiteral("Catatan"), QStringLiteral("title")},
            {QString(250, QLatin1Char('J')), QStringLiteral("Catatan"), QStringLiteral("title")},
            {QStringLiteral("Sarpras"), QStringLiteral("a\u0001b"), QStringLiteral("description")},
            {QStringLiteral("Sarpras"), QString(2500, QLatin1Char('n')), QStringLiteral("description")}};
        int n = 0;
        for (const auto &[title, notes, field] : cases) {
            const QString ours = QStringLiteral("Data Sarpras %1").arg(++n);
            const DataFile f = file(ours);
            QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok"));
            const QString remoteId = sync().states(f.id)->value(satudata::Splp).remoteId;
            sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", title}, {"notes", notes}});
            TU_VERIFY_OK(tc->core->dataFiles().updateMeta(op, f.id, {{"unit", "unit"}}));
            TU_VERIFY_OK(tc->core->dataFiles().setVerified(admin, f.id, true));
            QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("conflict"));
            auto resolved = sync().resolveConflict(op, f.id, satudata::Splp, QStringLiteral("remote"));
            QVERIFY2(!resolved.ok(), qPrintable(field));
            QCOMPARE(resolved.error().code, ErrorCode::Validation);
            QVERIFY2(resolved.error().fields.contains(field), qPrintable(QStringList(resolved.error().fields.keys()).join(',')));
            QVERIFY(resolved.error().message.contains(QStringLiteral("portal")));
            const DataFile after = tc->core->dataFiles().get(f.id).value();
            QCOMPARE(after.title, ours);
            QVERIFY(after.verified); // nothing changed
            QCOMPARE(sync().conflict(f.id, satudata::Splp)->remote.value(QLatin1String("title")).toString(), title); // still open
            TU_VERIFY_OK(sync().resolveConflict(op, f.id, satudata::Splp, QStringLiteral("local")));
        }
    }

    void scheduleRunsOncePerSlotWithAnInjectedClock()
    {
        file(QStringLiteral("Terjadwal"));
        const QTimeZone jakarta("Asia/Jakarta");
        QDateTime now(QDate(2026, 3, 2), QTime(6, 0), jakarta); // Monday 06:00 WIB
        sync().setClock([&now] { return now.toUTC(); });
        auto saved = sync().setSchedule(admin, {{"frequency", "daily"}, {"time", "07:00"}, {"targets", QJsonArray{"sipd"}}});
        TU_VERIFY_OK(saved);
        QCOMPARE(saved->describe(), QStringLiteral("Setiap hari pukul 07:00"));
        QCOMPARE(AuditLog::areaOf(QStringLiteral("satudata_schedule")), QStringLiteral("satudata")); // found under Satu Data in the audit page
        QCOMPARE(sync().nextScheduledRun(), QDateTime(QDate(2026, 3, 2), QTime(7, 0), jakarta).toUTC());
        QCOMPARE(sync().tick().value(), QString());
        now = QDateTime(QDate(2026, 3, 2), QTime(7, 0, 30), jakarta);
        QCOMPARE(sync().tick().value(), QStringLiteral("scheduled"));
        QVERIFY(sync().waitForIdle(10000));
        QCOMPARE(sync().lastRun().trigger, QStringLiteral("scheduled"));
        QCOMPARE(sync().lastRun().targets, QStringList{satudata::Sipd});
        QCOMPARE(sync().lastRun().perTarget.value(satudata::Sipd).synced, 1);
        now = now.addSecs(3600);
        QCOMPARE(sync().tick().value(), QString()); // same slot: once
        now = QDateTime(QDate(2026, 3, 3), QTime(7, 1), jakarta);
        QCOMPARE(sync().tick().value(), QStringLiteral("scheduled"));
        QVERIFY(sync().waitForIdle(10000));
        QCOMPARE(sync().lastRun().perTarget.value(satudata::Sipd).unchanged, 1);

        // Enabling a slot that has already passed today waits for the next one.
        now = QDateTime(QDate(2026, 3, 4), QTime(10, 0), jakarta);
        TU_VERIFY_OK(sync().setSchedule(admin, {{"frequency", "weekly"}, {"weekday", 3}, {"time", "08:00"}}));
        QCOMPARE(sync().tick().value(), QString());
        QCOMPARE(sync().nextScheduledRun(), QDateTime(QDate(2026, 3, 11), QTime(8, 0), jakarta).toUTC());
    }

    void scheduleInputIsValidated()
    {
        auto bad = sync().setSchedule(admin, {{"frequency", "hourly"}, {"time", "25:00"}, {"weekday", 9}, {"targets", QJsonArray{}}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::Validation);
        for (const char *f : {"frequency", "time", "weekday", "targets"})
            QVERIFY2(bad.error().fields.contains(QLatin1String(f)), f);
        QCOMPARE(sync().schedule()->frequency, QStringLiteral("off"));
    }

    void targetsAreValidated()
    {
        QCOMPARE(satudata::parseTargets(QJsonArray{}).error().code, ErrorCode::Validation);
        QCOMPARE(satudata::parseTargets(QJsonArray{"splp", "bps"}).error().code, ErrorCode::Validation);
        QCOMPARE(satudata::parseTargets(QJsonValue("splp")).error().code, ErrorCode::Validation);
        QCOMPARE(satudata::parseTargets(QJsonArray{"SIPD", "splp", "sipd"}).value(), (QStringList{"sipd", "splp"}));
        // The messages name every registered target.
        QCOMPARE(satudata::parseTargets(QJsonValue("splp")).error().message,
                 QStringLiteral("Pilih tujuan sinkronisasi: targets berisi \"splp\", \"sipd\" atau keduanya."));
        QCOMPARE(satudata::parseTargets(QJsonArray{"bps"}).error().message, QStringLiteral("Tujuan \"bps\" tidak dikenal. Pilih \"splp\" atau \"sipd\"."));
        QCOMPARE(satudata::parseTargets(QJsonArray{}).error().message, QStringLiteral("Pilih minimal satu tujuan sinkronisasi (SPLP atau SIPD)."));
        QCOMPARE(satudata::targetLabel(satudata::Sipd), QStringLiteral("SIPD e-walidata"));
    }

    // Proper names keep their capitals inside the sentence.
    void cancelWithNothingRunningSaysSo()
    {
        const Status s = sync().jobs().cancel();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Conflict);
        QCOMPARE(s.error().message, QStringLiteral("Tidak ada sinkronisasi Satu Data yang sedang berjalan."));
    }

    void delayBetweenRequestsIsKept()
    {
        const DataFile f = file(QStringLiteral("Pelan-pelan"));
        TU_VERIFY_OK(tc->core->settings().set(Actor::system(QStringLiteral("t")), {{"satudata_delay_ms", "200"}}));
        QElapsedTimer t;
        t.start();
        QCOMPARE(syncOne(f.id, satudata::Splp).status, QStringLiteral("ok")); // create, datastore, show
        QVERIFY2(t.elapsed() >= 400, qPrintable(QString::number(t.elapsed())));
    }
};

// The other process of runsExcludeEachOtherAcrossProcesses: this binary again, opening the same
// database and data folder, starting the same run and reporting on stdout.
static int runAsSecondProcess()
{
    auto core = Core::open({qEnvironmentVariable("TU_SECOND_PROCESS_DIR"), qEnvironmentVariable("TU_SECOND_PROCESS_DB")});
    if (!core.ok()) {
        std::printf("open failed: %s\n", qPrintable(core.error().message));
        return 2;
    }
    const Actor op = test::actorOf(QStringLiteral("o2"), QStringLiteral("operator2"), Role::Operator);
    auto started = core.value()->satuDataSync().startAll(op, {satudata::Splp});
    std::printf("%s\n", started.ok() ? "started" : qPrintable(QStringLiteral("refused ") + started.error().message));
    std::fflush(stdout);
    // Holds the run until the parent says so (a line on stdin), so the overlap is certain.
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    (void)in.readLine();
    core.value()->satuDataSync().cancel();
    core.value()->satuDataSync().waitForIdle(30000);
    return started.ok() ? 0 : 3;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("TU_SECOND_PROCESS_DB"))
        return runAsSecondProcess();
    TestSatuDataSync tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}
#include "tst_satudatasync.moc"
