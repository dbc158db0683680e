#pragma once
// Every dialog of the desktop, opened over real data, for the suites that check all of them
// (fit on the office screens, accessibility). A new dialog gets one entry here.
#include "PpdbFixtures.h"
#include "TestSupport.h"
#include "common/LocalConfig.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbWalkInDialog.h"
#include "satudata/SatuDataTargetsDialog.h"
#include "settings/SettingsDialog.h"
#include "shell/FirstRunDialog.h"
#include "shell/LoginDialog.h"
#include "tahunajaran/SiakadSyncPreviewDialog.h"
#include "tahunajaran/TahunAjaranDialog.h"
#include "users/PasswordDialog.h"
#include "users/UserDialog.h"

#include <QTemporaryDir>
#include <QTest>
#include <functional>

namespace tu::test {

// Calls `check` with each dialog while it exists; `core` needs an open registration period.
inline void forEachDialog(Core &core, const Actor &actor, QWidget *parent,
                          const std::function<void(QDialog *, const char *)> &check)
{
    {
        ui::LoginDialog d(core, parent);
        check(&d, "LoginDialog");
    }
    {
        ui::FirstRunDialog d(core, parent);
        check(&d, "FirstRunDialog");
    }
    {
        QTemporaryDir dir;
        ui::LocalConfig local(dir.filePath(QStringLiteral("local.ini")));
        ui::SettingsDialog d(core, actor, nullptr, local, parent);
        check(&d, "SettingsDialog");
    }
    {
        ui::PpdbWalkInDialog d(core, actor, parent);
        check(&d, "PpdbWalkInDialog");
    }
    {
        static int n = 0; // a new applicant for every call
        auto r = core.ppdb().submit(actor, validRegistration(QStringLiteral("00998877%1").arg(n++ % 100, 2, 10, QLatin1Char('0'))));
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().text()));
        ui::PpdbDetailDialog d(core, actor, r->id, parent);
        check(&d, "PpdbDetailDialog");
        ui::PpdbStatusDialog s(core, actor, r.value(), QStringLiteral("rejected"), parent);
        check(&s, "PpdbStatusDialog");
    }
    {
        ui::TahunAjaranDialog d(core, actor, std::nullopt, parent);
        check(&d, "TahunAjaranDialog");
    }
    {
        SiakadSyncPlan plan;
        for (int i = 0; i < 12; ++i) {
            TahunAjaran t;
            t.id = QString::number(i);
            t.nama = QStringLiteral("%1/%2").arg(2015 + i).arg(2016 + i);
            t.awal = QDate(2015 + i, 5, 1);
            t.akhir = QDate(2015 + i, 6, 1);
            plan.added << t;
        }
        plan.activeBefore = plan.added.first();
        plan.activeYearLost = true;
        plan.registrationOpenNow = true;
        plan.applicantsOfActiveYear = 36;
        ui::SiakadSyncPreviewDialog d(plan, parent);
        check(&d, "SiakadSyncPreviewDialog");
    }
    {
        ui::UserDialog create(core, actor, parent);
        check(&create, "UserDialog");
        auto u = core.users().list(actor);
        QVERIFY(u.ok() && !u->isEmpty());
        ui::PasswordDialog p(core, actor, u->first(), parent);
        check(&p, "PasswordDialog");
    }
    {
        ui::SatuDataTargetsDialog d(3, 5, parent);
        check(&d, "SatuDataTargetsDialog");
    }
}

} // namespace tu::test
