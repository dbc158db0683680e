// The one permission table: who holds what, and the services refusing a mutation to a role
// without the permission even when no route stands in front of them (the desktop calls the
// services directly).
#include "CoreSuite.h"
#include "TestSupport.h"
#include "ContentFixtures.h"
#include "auth/Permissions.h"

#include <QBuffer>
#include <QTest>

using namespace tu;

class TestPermissions : public test::CoreSuite
{
    Q_OBJECT
    template<typename R>
    void refused(const R &r, const char *what)
    {
        QVERIFY2(!r.ok(), what);
        QVERIFY2(r.error().code == ErrorCode::Forbidden, qPrintable(QLatin1String(what) + QLatin1Char(' ') + r.error().message));
    }

private slots:
    void tableHoldsTheRules()
    {
        for (Permission p : {Permission::ManageUsers, Permission::ManageSettings, Permission::ReadAudit, Permission::VerifySatuData})
            QCOMPARE(rolesFor(p), QList<Role>{Role::Admin});
        QCOMPARE(rolesFor(Permission::SyncDapodik), (QList<Role>{Role::Admin, Role::Operator}));
        QCOMPARE(rolesFor(Permission::AdministerPpdb), (QList<Role>{Role::Admin, Role::Ppdb}));
        QVERIFY(hasPermission(Role::Osis, Permission::EditContent));
        QVERIFY(!hasPermission(Role::Osis, Permission::ApproveContent));
        QVERIFY(hasPermission(Role::Siswa, Permission::SubmitWorks));
        QVERIFY(!hasPermission(Role::Siswa, Permission::ReviewWorks));
        QVERIFY(may(Actor::system(QStringLiteral("jadwal")), Permission::ManageUsers));
        // The refusal names who may, in Indonesian.
        const Actor siswa = test::actorOf(QStringLiteral("u1"), QStringLiteral("siswa"), Role::Siswa);
        QVERIFY(require(siswa, Permission::SyncDapodik).error().message.contains(roleLabel(Role::Operator)));
    }

    void servicesRefuseWithoutThePermission()
    {
        const Actor siswa = test::actorOf(QStringLiteral("u1"), QStringLiteral("siswa"), Role::Siswa);
        const Actor operatorTu = test::actorOf(QStringLiteral("u2"), QStringLiteral("operator"), Role::Operator);
        const Actor panitia = test::actorOf(QStringLiteral("u3"), QStringLiteral("panitia"), Role::Ppdb);
        auto active = tc->core->tahunAjaran().list();
        TU_VERIFY_OK(active);
        refused(tc->core->tahunAjaran().store(siswa, {{"tahun_ajaran", "2030/2031"}}), "tahun ajaran store");
        refused(tc->core->tahunAjaran().syncWithSiakad(panitia), "siakad sync");
        refused(tc->core->dapodik().startGlobal(siswa), "dapodik global");
        refused(tc->core->dapodik().startAllPtk(panitia), "dapodik all-ptk");
        QVERIFY(!tc->core->dapodik().jobs().isRunning());
        refused(tc->core->settings().set(operatorTu, {{"school_name", "SMP Lain"}}), "settings");
        QCOMPARE(tc->core->settings().value(QStringLiteral("school_name")), QStringLiteral("SMP Negeri Contoh"));
        QBuffer csv;
        csv.setData("kelas;data\n7A;30\n");
        csv.open(QIODevice::ReadOnly);
        refused(tc->core->dataFiles().upload(panitia, csv, QStringLiteral("data.csv"), {{"title", "X"}}), "satu data upload");
        refused(tc->core->satuDataSync().startAll(siswa, {QStringLiteral("splp")}), "satu data run");
        QVERIFY(!tc->core->satuDataSync().isRunning());
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
