#include "TestSupport.h"
#include "app/DemoData.h"

#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace tu;

namespace {
QMutex logMutex;
QStringList logLines;
QtMessageHandler previous = nullptr;
void keepLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker l(&logMutex);
        logLines << msg;
    }
    if (previous)
        previous(type, ctx, msg);
}
QString takeLog()
{
    QMutexLocker l(&logMutex);
    const QString all = logLines.join(QLatin1Char('\n'));
    logLines.clear();
    return all;
}

bool canLogIn(Core &core, const QString &username, const QString &password)
{
    LoginRequest r;
    r.username = username;
    r.password = password;
    static int n = 0; // each from its own address: the wrong tries must not bring in the captcha
    const int i = ++n;
    r.ip = QStringLiteral("10.99.%1.%2").arg(i / 250).arg(i % 250 + 1);
    return core.auth().login(r).ok();
}

qint64 rows(Core &core, const QString &sql, const QVariantList &params = {})
{
    auto q = core.db().exec(sql, params);
    return q.ok() && q.value().next() ? q.value().value(0).toLongLong() : -1;
}
} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { previous = qInstallMessageHandler(keepLog); }
    void init()
    {
        TU_REQUIRE_BACKEND();
        takeLog();
    }

    void seedsOnceWithOpenRegistration()
    {
        test::TestCore tc;
        QVERIFY(tc.core);
        TU_VERIFY_OK(seedDemoData(*tc));
        auto years = tc->tahunAjaran().list(1);
        QCOMPARE(years->size(), 3);
        auto active = tc->tahunAjaran().activeYear();
        QVERIFY(active.ok() && active.value());
        QVERIFY(active.value()->awal <= QDate::currentDate() && QDate::currentDate() <= active.value()->akhir);
        QCOMPARE(tc->settings().storedValue(QStringLiteral("siakad_url")), QStringLiteral("http://127.0.0.1:9090"));
        QVERIFY(tc->users().count().value() >= 5);
        // A few dozen applicants in every state.
        auto page = tc->ppdb().list({});
        QVERIFY(page->total >= 30);
        for (const char *s : {"pending", "verified", "accepted", "rejected"})
            QVERIFY2(page->counts.value(QLatin1String(s)) > 0, s);
        // Content for every public endpoint, with pictures, and a draft that stays private.
        ContentService &cs = tc->content();
        for (const ContentType &t : content::types())
            if (t.name != QLatin1String("calendar"))
                QVERIFY2(cs.publicList(t, {})->total >= 3, qPrintable(t.name));
        QVERIFY(cs.publicCalendar({}, {})->events.size() >= 3);
        const qint64 published = cs.publicList(*content::type(QStringLiteral("news")), {})->total;
        QCOMPARE(cs.list(*content::type(QStringLiteral("news")), {})->total, published + 1);
        QVERIFY(!cs.publicList(*content::type(QStringLiteral("news")), {})->items.first().toObject().value(QLatin1String("image")).isNull());
        QCOMPARE(tc->studentWorks().list(Actor::system(QStringLiteral("t")), {})->total, 2);
        qint64 files = 0, verified = 0;
        QVERIFY(tc->dataFiles().list({}, &files).ok());
        DataFileFilter onlyVerified;
        onlyVerified.verified = true;
        QVERIFY(tc->dataFiles().list(onlyVerified, &verified).ok());
        QCOMPARE(files, 4);
        QCOMPARE(verified, 3);
        // A second run adds nothing.
        TU_VERIFY_OK(seedDemoData(*tc));
        QCOMPARE(tc->tahunAjaran().list(0)->size(), 3);
        QCOMPARE(cs.list(*content::type(QStringLiteral("news")), {})->total, published + 1);
        QVERIFY(tc->dataFiles().list({}, &files).ok());
        QCOMPARE(files, 4);
    }

    // The demo used to give every account `demo12345` and store the simulator's published keys
    // in the settings table.
    void accountsGetRandomPasswordsShownOnce()
    {
        test::TestCore tc; // has `admin` already, as TATAUSAHA_ADMIN_PASSWORD would
        QVERIFY(tc.core);
        auto seeded = seedDemoData(*tc);
        TU_VERIFY_OK(seeded);
        const QList<DemoAccount> accounts = seeded.value();
        QSet<QString> names, passwords;
        for (const DemoAccount &a : accounts) {
            names << a.username;
            passwords << a.password;
            QVERIFY2(a.password.size() >= 12, qPrintable(a.username));
            QVERIFY2(canLogIn(*tc, a.username, a.password), qPrintable(a.username));
            QVERIFY2(!canLogIn(*tc, a.username, QStringLiteral("demo12345")), qPrintable(a.username));
        }
        for (const char *u : {"operator", "panitia.ppdb", "kesiswaan", "osis", "nadia.putri", "rafi.akbar"})
            QVERIFY2(names.contains(QLatin1String(u)), u);
        QVERIFY(!names.contains(QStringLiteral("admin"))); // made from the environment, its password is not ours to show
        QCOMPARE(passwords.size(), accounts.size());        // one each
        QVERIFY(canLogIn(*tc, QStringLiteral("admin"), QString::fromLatin1(test::TestCore::AdminPassword)));
        // Printed once, on creation: every password is in the log, and the next run shows none.
        const QString log = takeLog();
        for (const DemoAccount &a : accounts)
            QVERIFY2(log.contains(a.username) && log.contains(a.password), qPrintable(a.username));
        auto again = seedDemoData(*tc);
        TU_VERIFY_OK(again);
        QVERIFY(again->isEmpty());
        const QString later = takeLog();
        for (const DemoAccount &a : accounts)
            QVERIFY(!later.contains(a.password));

        // No secret in the settings table: not the simulator's keys, not the passwords.
        for (const SettingKey &k : tc->settings().keys())
            if (k.secret())
                QVERIFY2(rows(*tc, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = ? AND value <> ''"),
                              {k.name}) == 0, qPrintable(k.name));
        auto all = tc->db().exec(QStringLiteral("SELECT value FROM settings"));
        QVERIFY(all.ok());
        while (all.value().next()) {
            const QString v = all.value().value(0).toString();
            QVERIFY2(!v.startsWith(QLatin1String("sim-")) || v == QLatin1String("sim-dapodik"), qPrintable(v)); // the username is no secret
            for (const DemoAccount &a : accounts)
                QVERIFY(!v.contains(a.password));
        }
        // The marker is an ordinary, non-secret setting.
        QCOMPARE(tc->settings().storedValue(QStringLiteral("demo_database")), QStringLiteral("1"));

        // Another demo database gets other passwords.
        test::TestCore other;
        auto second = seedDemoData(*other);
        TU_VERIFY_OK(second);
        for (const DemoAccount &a : second.value())
            QVERIFY(!passwords.contains(a.password));
    }

    void createsAnAdminWhenThereIsNone()
    {
        test::TestDatabase database;
        QVERIFY(database.ok());
        auto opened = Core::open({database.dataDir(), database.url()});
        QVERIFY(opened.ok());
        Core &core = *opened.value();
        QVERIFY(core.needsFirstAdmin());
        auto seeded = seedDemoData(core);
        TU_VERIFY_OK(seeded);
        QCOMPARE(seeded->first().username, QStringLiteral("admin"));
        QVERIFY(canLogIn(core, QStringLiteral("admin"), seeded->first().password));
        QVERIFY(!canLogIn(core, QStringLiteral("admin"), QStringLiteral("admin12345")));
    }

    // A school's database is never filled with samples (accounts with known names, applicants).
    void refusesADatabaseThatIsNotADemo()
    {
        test::TestCore tc;
        QVERIFY(tc.core);
        TU_VERIFY_OK(tc->tahunAjaran().store(Actor::system(QStringLiteral("t")), {{"tahun_ajaran", "2020/2021"}, {"periode_awal_pendaftaran", "2020-01-01"},
                                                                                {"periode_akhir_pendaftaran", "2020-02-01"}, {"sts_aktif", 2}}));
        const qint64 users = tc->users().count().value();
        auto refused = seedDemoData(*tc);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(QStringLiteral("bukan database demo")), qPrintable(refused.error().message));
        QCOMPARE(tc->tahunAjaran().list(0)->size(), 1);
        QCOMPARE(tc->users().count().value(), users);
        QCOMPARE(tc->settings().storedValue(QStringLiteral("demo_database")), QString());
        QCOMPARE(tc->settings().storedValue(QStringLiteral("siakad_url")), QString());
        // A second staff account is data too.
        test::TestCore staffOnly;
        staffOnly.createUser(QStringLiteral("bendahara"), Role::Operator);
        QCOMPARE(seedDemoData(*staffOnly).error().code, ErrorCode::Conflict);
    }

    // tatausaha-server --demo on such a database: the Indonesian message and a non-zero exit,
    // before it starts serving.
    void serverRefusesDemoOnASchoolDatabase()
    {
        test::TestDatabase database;
        QVERIFY(database.ok());
        {
            auto opened = Core::open({database.dataDir(), database.url()});
            QVERIFY(opened.ok());
            TU_VERIFY_OK(opened.value()->users().ensureInitialAdmin(QStringLiteral("Sandi-Sekolah-1")));
            UserInput in;
            in.username = QStringLiteral("operator.sekolah");
            in.name = QStringLiteral("Operator");
            in.role = QStringLiteral("operator");
            in.password = QStringLiteral("Sandi-Operator-1");
            TU_VERIFY_OK(opened.value()->users().create(Actor::system(QStringLiteral("t")), in));
        }
        QProcess server;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TATAUSAHA_ADMIN_PASSWORD"));
        server.setProcessEnvironment(env);
        server.start(QStringLiteral(TU_SERVER_BINARY), {QStringLiteral("--demo"), QStringLiteral("--data-dir"), database.dataDir(),
                                                        QStringLiteral("--database"), database.url(), QStringLiteral("--listen"),
                                                        QStringLiteral("127.0.0.1:0")});
        QVERIFY(server.waitForStarted(5000));
        if (!server.waitForFinished(20000)) {
            server.kill();
            server.waitForFinished(2000);
            QFAIL("tatausaha-server kept running with --demo on a school database");
        }
        QVERIFY(server.exitCode() != 0);
        const QString err = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("bukan database demo")), qPrintable(err));
        QVERIFY(!QString::fromUtf8(server.readAllStandardOutput()).contains(QStringLiteral("listening")));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
