#include "TestSupport.h"
#include "app/DemoData.h"

#include <QTest>

using namespace tu;

class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void seedsOnceWithOpenRegistration()
    {
        test::TestCore tc;
        QVERIFY(seedDemoData(*tc).ok());
        auto years = tc->tahunAjaran().list(1);
        QCOMPARE(years->size(), 3);
        auto active = tc->tahunAjaran().activeYear();
        QVERIFY(active.ok() && active.value());
        QVERIFY(active.value()->awal <= QDate::currentDate() && QDate::currentDate() <= active.value()->akhir);
        QCOMPARE(tc->settings().storedValue(QStringLiteral("siakad_url")), QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(tc->settings().storedValue(QStringLiteral("siakad_api_key")), QStringLiteral("sim-siakad-key"));
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
        QCOMPARE(tc->settings().storedValue(QStringLiteral("external_api_key")), QStringLiteral("sim-external-key"));
        // A second run adds nothing.
        QVERIFY(seedDemoData(*tc).ok());
        QCOMPARE(tc->tahunAjaran().list(0)->size(), 3);
        QCOMPARE(cs.list(*content::type(QStringLiteral("news")), {})->total, published + 1);
        QVERIFY(tc->dataFiles().list({}, &files).ok());
        QCOMPARE(files, 4);
    }
    void leavesExistingDataAlone()
    {
        test::TestCore tc;
        QVERIFY(tc->tahunAjaran().store(Actor::system(QStringLiteral("t")), {{"tahun_ajaran", "2020/2021"}, {"periode_awal_pendaftaran", "2020-01-01"},
                                                                          {"periode_akhir_pendaftaran", "2020-02-01"}, {"sts_aktif", 2}}).ok());
        QVERIFY(seedDemoData(*tc).ok());
        QCOMPARE(tc->tahunAjaran().list(0)->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
