// The Settings dialog is generated from the settings' descriptors: every setting an area puts
// in a group has an editor with an accessible name, what is saved goes through the store's
// validation, the dialog fits the screen with its buttons visible, and closing it with unsaved
// changes asks before anything is dropped.
#include "common/LocalConfig.h"
#include "settings/SettingsDialog.h"
#include "app/SettingsCatalog.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace tu;
using namespace tu::test;

class TestUiSettings : public QObject
{
    Q_OBJECT

    static void answerUnsaved(const QString &name, bool *asked) { test::answerUnsaved(name, asked); }

    // A core on a fresh database, a local config in a temporary folder, and the dialog over them.
    struct Fixture {
        TestCore core;
        QTemporaryDir dir;
        ui::LocalConfig local{dir.filePath(QStringLiteral("local.ini"))};
        std::unique_ptr<ui::SettingsDialog> made;

        ui::SettingsDialog &dialog()
        {
            made = std::make_unique<ui::SettingsDialog>(*core, Actor::system(QStringLiteral("t")), nullptr, local);
            return *made;
        }
        ui::SettingsDialog &shown()
        {
            dialog().show();
            if (!QTest::qWaitForWindowExposed(made.get()))
                qWarning("the Settings dialog was not exposed");
            return *made;
        }
    };

private slots:
    void everyShownSettingHasANamedEditor()
    {
        Fixture f;
        QVERIFY(f.core.core);
        ui::SettingsDialog &dialog = f.dialog();
        int shown = 0;
        for (const SettingKey &k : settingKeys()) {
            QWidget *w = dialog.editor(k.name);
            if (k.group.isEmpty()) {
                QVERIFY2(!w, qPrintable(k.name));
                continue;
            }
            ++shown;
            QVERIFY2(w, qPrintable(k.name));
            QVERIFY2(k.label, qPrintable(k.name));
            if (k.kind != SettingKey::Kind::Listen)
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(k.name));
            // The value shown is the stored (or default) one.
            if (auto *e = qobject_cast<QLineEdit *>(w))
                QCOMPARE(e->text(), f.core->settings().value(k.name));
            else if (auto *s = qobject_cast<QSpinBox *>(w))
                QCOMPARE(QString::number(s->value()), f.core->settings().value(k.name));
            else if (auto *c = qobject_cast<QComboBox *>(w))
                QCOMPARE(c->currentData().toString(), f.core->settings().value(k.name));
        }
        QVERIFY(shown >= 20);
        // The descriptors' groups all exist.
        for (const SettingKey &k : settingKeys()) {
            if (k.group.isEmpty())
                continue;
            bool known = false;
            for (const SettingGroup &g : settingGroups())
                known |= k.group == QLatin1String(g.id);
            QVERIFY2(known, qPrintable(k.group));
        }
        QVERIFY(!dialog.hasUnsavedChanges()); // nothing typed yet
    }

    void savesThroughTheStoreAndShowsItsMessages()
    {
        Fixture f;
        QVERIFY(f.core.core);
        ui::SettingsDialog &dialog = f.shown();
        dialog.lineEdit(QStringLiteral("allowed_hosts"))->setText(QStringLiteral("http://sekolah.sch.id"));
        dialog.spinBox(QStringLiteral("upstream_timeout_ms"))->setValue(2500);
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // refused: nothing stored
        QVERIFY(!dialog.errors().fieldError(QStringLiteral("allowed_hosts")).isEmpty());
        QCOMPARE(f.core->settings().value(QStringLiteral("upstream_timeout_ms")), QStringLiteral("10000"));
        dialog.lineEdit(QStringLiteral("allowed_hosts"))->setText(QStringLiteral("sekolah.sch.id"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.core->settings().value(QStringLiteral("upstream_timeout_ms")), QStringLiteral("2500"));
        QCOMPARE(f.core->settings().value(QStringLiteral("allowed_hosts")), QStringLiteral("sekolah.sch.id"));
    }

    void fitsTheScreenWithItsButtonsVisible()
    {
        Fixture f;
        QVERIFY(f.core.core);
        ui::SettingsDialog &dialog = f.shown();
        const QRect avail = dialog.screen()->availableGeometry();
        QVERIFY2(avail.contains(dialog.geometry()),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(dialog.width()).arg(dialog.height()).arg(avail.width()).arg(avail.height())));
        const QRect save(dialog.saveButton()->mapToGlobal(QPoint(0, 0)), dialog.saveButton()->size());
        QVERIFY(avail.contains(save));
        QVERIFY(dialog.saveButton()->isVisible());
    }

    void closingWithChangesAsksFirst()
    {
        Fixture f;
        QVERIFY(f.core.core);
        ui::SettingsDialog &dialog = f.shown();
        dialog.lineEdit(QStringLiteral("school_name"))->setText(QStringLiteral("SMP Negeri 9 Sleman"));
        QVERIFY(dialog.hasUnsavedChanges());

        // Esc, then "Batal" in the question: the dialog stays, with the typed text.
        bool asked = false;
        answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(asked);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.lineEdit(QStringLiteral("school_name"))->text(), QStringLiteral("SMP Negeri 9 Sleman"));

        // "Simpan": stored and closed.
        asked = false;
        answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        dialog.reject();
        QVERIFY(asked);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(f.core->settings().value(QStringLiteral("school_name")), QStringLiteral("SMP Negeri 9 Sleman"));

        // A new change, then "Buang perubahan": closed, nothing stored.
        ui::SettingsDialog again(*f.core, Actor::system(QStringLiteral("t")), nullptr, f.local);
        again.show();
        again.lineEdit(QStringLiteral("school_name"))->setText(QStringLiteral("Salah ketik"));
        asked = false;
        answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        again.reject();
        QVERIFY(asked);
        QCOMPARE(again.result(), int(QDialog::Rejected));
        QCOMPARE(f.core->settings().value(QStringLiteral("school_name")), QStringLiteral("SMP Negeri 9 Sleman"));

        // No change: closes without a question.
        ui::SettingsDialog clean(*f.core, Actor::system(QStringLiteral("t")), nullptr, f.local);
        clean.show();
        clean.reject();
        QVERIFY(!clean.isVisible());
    }
};

QTEST_MAIN(TestUiSettings)
#include "tst_ui_settings.moc"
