// Konten page: the generated content forms, their service errors under the fields, publishing,
// role-dependent tabs, image upload through the picker, the calendar month view and student
// works, driven through the real widgets (offscreen).
#include "content/ContentEditor.h"
#include "content/ContentTab.h"
#include "content/ContentTableModel.h"
#include "content/ImagePicker.h"
#include "content/RichTextEditor.h"
#include "content/ContentPage.h"
#include "ModelTesters.h"
#include "content/StudentWorkTableModel.h"
#include "content/StudentWorksTab.h"
#include "TestSupport.h"
#include "UiTestUtil.h"

#include <QBuffer>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextCharFormat>
#include <QTimer>

using namespace tu;

class TestUiKonten : public QObject
{
    Q_OBJECT

    static Actor actorFor(test::TestCore &tc, Role role)
    {
        if (role == Role::Admin) {
            const auto users = tc->users().list(Actor::system(QStringLiteral("t")));
            for (const User &u : users.value())
                if (u.username == QLatin1String("admin"))
                    return Actor{u.id, u.username, u.role, QString(), false};
        }
        const User u = tc.createUser(QStringLiteral("pengguna.%1").arg(roleName(role)), role);
        return Actor{u.id, u.username, u.role, QString(), false};
    }
    static const ContentType &type(const char *name) { return *content::type(QLatin1String(name)); }
    static QLineEdit *line(ui::ContentTab *tab, const char *key) { return qobject_cast<QLineEdit *>(tab->editor()->input(QLatin1String(key))); }
    static QPlainTextEdit *box(ui::ContentTab *tab, const char *key) { return qobject_cast<QPlainTextEdit *>(tab->editor()->input(QLatin1String(key))); }
    static ui::RichTextEditor *rich(ui::ContentTab *tab, const char *key) { return qobject_cast<ui::RichTextEditor *>(tab->editor()->input(QLatin1String(key))); }
    static QTextEdit *richText(ui::ContentTab *tab, const char *key) { return rich(tab, key) ? rich(tab, key)->textEdit() : nullptr; }
    static QJsonArray stored(test::TestCore &tc, const char *name)
    {
        auto r = tc->content().list(type(name), {});
        return r.ok() ? r->items : QJsonArray();
    }
    static void fillNews(ui::ContentTab *news, const QString &title)
    {
        QTest::keyClicks(line(news, "title"), title);
        QTest::keyClicks(line(news, "category"), QStringLiteral("Prestasi"));
        QTest::keyClicks(richText(news, "content"), QStringLiteral("Tim sains sekolah meraih juara pertama tingkat kabupaten."));
    }
    static QString writePng(const QString &dir, const QColor &color)
    {
        QImage img(640, 400, QImage::Format_RGB32);
        img.fill(color);
        const QString path = dir + QStringLiteral("/foto-lomba.png");
        return img.save(path, "PNG") ? path : QString();
    }

private slots:
    void createsNewsThroughTheForm()
    {
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        QVERIFY(news);
        QCOMPARE(page.tabs()->currentWidget(), news);
        fillNews(news, QStringLiteral("Juara 1 Olimpiade Sains Kabupaten"));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);

        const QJsonArray items = stored(tc, "news");
        QCOMPARE(items.size(), 1);
        const QJsonObject item = items.first().toObject();
        QCOMPARE(item.value("title").toString(), QStringLiteral("Juara 1 Olimpiade Sains Kabupaten"));
        QCOMPARE(item.value("category").toString(), QStringLiteral("Prestasi"));
        QCOMPARE(item.value("status").toString(), QStringLiteral("draft"));
        QVERIFY(item.value("publishedAt").isNull()); // the optional time was left unset
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(news->table()->model()->rowCount(), 1);
        QCOMPARE(news->table()->model()->index(0, 0).data().toString(), QStringLiteral("Juara 1 Olimpiade Sains Kabupaten"));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(news->table()->model()->index(0, 2).data().toString(), QStringLiteral("Draf"));
        QCOMPARE(news->banner()->kind(), ui::MessageBanner::Kind::Success);
        QVERIFY(news->banner()->isVisible());
        QCOMPARE(news->editor()->itemId(), item.value("id").toString());

        // Editing the same item updates it rather than adding another.
        line(news, "title")->selectAll();
        QTest::keyClicks(line(news, "title"), QStringLiteral("Juara 1 OSN Kabupaten Sleman"));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);
        QCOMPARE(stored(tc, "news").size(), 1);
        QCOMPARE(stored(tc, "news").first().toObject().value("title").toString(), QStringLiteral("Juara 1 OSN Kabupaten Sleman"));

        // Baru empties the form; picking the row loads it again.
        QTest::mouseClick(news->newButton(), Qt::LeftButton);
        QVERIFY(news->editor()->isNew());
        QVERIFY(line(news, "title")->text().isEmpty());
        QVERIFY(test::waitLoaded(&page));
        news->table()->selectRow(0);
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Juara 1 OSN Kabupaten Sleman"));
        QCOMPARE(richText(news, "content")->toPlainText(), QStringLiteral("Tim sains sekolah meraih juara pertama tingkat kabupaten."));
        // The summary made from the text is not turned into a typed one by saving again.
        QVERIFY(box(news, "excerpt")->toPlainText().isEmpty());
        richText(news, "content")->setPlainText(QStringLiteral("Teks baru."));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);
        // Staff lists show what is stored: no typed summary; the public API makes one from the text.
        QVERIFY(stored(tc, "news").first().toObject().value("excerpt").toString().isEmpty());
        QCOMPARE(ContentService::present(*content::type(QStringLiteral("news")), stored(tc, "news").first().toObject(), true, true)
                     .value(QLatin1String("excerpt")).toString(),
                 QStringLiteral("Teks baru."));
    }

    // Unsaved edits are never dropped by picking another item, Baru or another tab: Batal keeps
    // the form and the list on the edited item, Buang drops, Simpan stores (and stays when refused).
    void unsavedEditsAskBeforeTheFormShowsSomethingElse()
    {
        test::TestCore tc;
        const Actor admin = actorFor(tc, Role::Admin);
        for (const char *title : {"Berita A", "Berita B"})
            QVERIFY(tc->content().create(admin, type("news"), {{"title", title}, {"category", "Umum"}, {"status", "draft"}, {"content", "Isi."}}).ok());
        ui::ContentPage page(*tc, admin);
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        QVERIFY(test::waitLoaded(&page));
        const auto rowOf = [&](const QString &title) {
            for (int r = 0; r < news->table()->model()->rowCount(); ++r)
                if (news->table()->model()->index(r, 0).data().toString() == title)
                    return r;
            return -1;
        };
        const auto selectedRow = [&] {
            const auto rows = news->table()->selectionModel()->selectedRows();
            return rows.isEmpty() ? -1 : rows.first().row();
        };
        const auto storedTitle = [&](const QString &id) { return tc->content().get(type("news"), id)->value(QLatin1String("title")).toString(); };

        // Without changes: no question.
        bool asked = false;
        test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        news->table()->selectRow(rowOf(QStringLiteral("Berita A")));
        QTest::qWait(20);
        QVERIFY(!asked);
        const QString idA = news->editor()->itemId();
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Berita A"));

        line(news, "title")->selectAll();
        QTest::keyClicks(line(news, "title"), QStringLiteral("Berita A diubah"));
        QVERIFY(news->isDirty());

        // Another row, Batal: the form and the list stay on A, the text intact.
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        news->table()->selectRow(rowOf(QStringLiteral("Berita B")));
        QVERIFY(asked);
        QCOMPARE(news->editor()->itemId(), idA);
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Berita A diubah"));
        QTRY_COMPARE(selectedRow(), rowOf(QStringLiteral("Berita A")));
        // Baru, Batal: the same.
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        QTest::mouseClick(news->newButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(news->editor()->itemId(), idA);
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Berita A diubah"));
        // Another tab, Batal: the news tab stays.
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedCancel"), &asked);
        page.tabs()->setCurrentWidget(page.contentTab(QStringLiteral("announcements")));
        QVERIFY(asked);
        QCOMPARE(page.tabs()->currentWidget(), news);
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Berita A diubah"));
        QVERIFY(news->isDirty());

        // Buang: B opens, nothing of the edit is stored.
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        news->table()->selectRow(rowOf(QStringLiteral("Berita B")));
        QVERIFY(asked);
        QCOMPARE(line(news, "title")->text(), QStringLiteral("Berita B"));
        QCOMPARE(storedTitle(idA), QStringLiteral("Berita A"));
        QVERIFY(!news->isDirty());

        // Simpan, then Baru: stored, and the form is empty.
        const QString idB = news->editor()->itemId();
        line(news, "title")->selectAll();
        QTest::keyClicks(line(news, "title"), QStringLiteral("Berita B diubah"));
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        QTest::mouseClick(news->newButton(), Qt::LeftButton);
        QVERIFY(asked);
        QCOMPARE(storedTitle(idB), QStringLiteral("Berita B diubah"));
        QVERIFY(news->editor()->isNew());

        // Simpan refused (no title): the form stays with the message under the field.
        QTest::keyClicks(richText(news, "content"), QStringLiteral("Isi tanpa judul."));
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedSave"), &asked);
        news->table()->selectRow(rowOf(QStringLiteral("Berita A")));
        QVERIFY(asked);
        QVERIFY(news->editor()->isNew());
        QCOMPARE(news->editor()->errors().fieldError(QStringLiteral("title")), QStringLiteral("Judul wajib diisi."));
        QCOMPARE(richText(news, "content")->toPlainText(), QStringLiteral("Isi tanpa judul."));
        QTRY_COMPARE(selectedRow(), -1);
        QCOMPARE(stored(tc, "news").size(), 2);

        // Buang on switching tabs: the tab changes and the form is clean again.
        asked = false;
        test::answerUnsaved(QStringLiteral("unsavedDiscard"), &asked);
        QVERIFY(page.showTab(QStringLiteral("announcements")));
        QVERIFY(asked);
        QVERIFY(!news->isDirty());
        QVERIFY(page.canLeave()); // nothing left to ask about
        QCOMPARE(stored(tc, "news").size(), 2);
    }

    void requiredFieldShowsTheServiceMessage()
    {
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        QTest::keyClicks(line(news, "category"), QStringLiteral("Kegiatan"));
        QTest::keyClicks(richText(news, "content"), QStringLiteral("Isi tanpa judul."));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);

        QCOMPARE(stored(tc, "news").size(), 0);
        QCOMPARE(news->editor()->errors().fieldError(QStringLiteral("title")), QStringLiteral("Judul wajib diisi."));
        QLabel *error = news->findChild<QLabel *>(QStringLiteral("titleError"));
        QVERIFY(error);
        QVERIFY(error->isVisible());
        // Under its own input, not somewhere else on the form.
        QLineEdit *title = line(news, "title");
        const QPoint inputBottom = title->mapTo(news, QPoint(0, title->height()));
        const QPoint labelTop = error->mapTo(news, QPoint(0, 0));
        QVERIFY2(labelTop.y() >= inputBottom.y() && labelTop.y() - inputBottom.y() < 20, qPrintable(QStringLiteral("%1 vs %2").arg(labelTop.y()).arg(inputBottom.y())));
        QCOMPARE(labelTop.x(), title->mapTo(news, QPoint(0, 0)).x());
        QVERIFY(title->property("invalid").toBool());
        QVERIFY(title->hasFocus() || !QApplication::focusWindow()); // the first bad input gets the focus
        // Other fields have no message; the banner has the general one.
        QVERIFY(news->editor()->errors().fieldError(QStringLiteral("category")).isEmpty());
        QCOMPARE(news->banner()->kind(), ui::MessageBanner::Kind::Error);
        QCOMPARE(news->banner()->text(), QStringLiteral("Periksa kembali isian berita."));

        // Fixing it clears the message and saves.
        QTest::keyClicks(title, QStringLiteral("Pentas Seni Akhir Tahun"));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);
        QCOMPARE(stored(tc, "news").size(), 1);
        QVERIFY(news->editor()->errors().fieldError(QStringLiteral("title")).isEmpty());
        QVERIFY(!error->isVisible());
    }

    void digitsAndDatesFollowTheService()
    {
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *teachers = page.contentTab(QStringLiteral("teachers"));
        page.tabs()->setCurrentWidget(teachers);
        QTest::keyClicks(line(teachers, "name"), QStringLiteral("Sri Wahyuni, S.Pd."));
        QTest::keyClicks(line(teachers, "subject"), QStringLiteral("Matematika"));
        QTest::keyClicks(line(teachers, "nip"), QStringLiteral("19850x3122010012003")); // the letter is refused while typing
        QCOMPARE(line(teachers, "nip")->text(), QStringLiteral("198503122010012003"));
        QTest::keyClicks(line(teachers, "nuptk"), QStringLiteral("12345"));
        QTest::mouseClick(teachers->saveButton(), Qt::LeftButton);
        QCOMPARE(teachers->editor()->errors().fieldError(QStringLiteral("nuptk")), QStringLiteral("NUPTK harus 16 angka."));
        QCOMPARE(stored(tc, "teachers").size(), 0);
        line(teachers, "nuptk")->clear();
        QTest::mouseClick(teachers->saveButton(), Qt::LeftButton);
        QCOMPARE(stored(tc, "teachers").size(), 1);
        QCOMPARE(stored(tc, "teachers").first().toObject().value("nip").toString(), QStringLiteral("198503122010012003"));

        // Announcements: times are the school's (Asia/Jakarta by default), sent with the offset.
        ui::ContentTab *ann = page.contentTab(QStringLiteral("announcements"));
        page.tabs()->setCurrentWidget(ann);
        QTest::keyClicks(line(ann, "title"), QStringLiteral("Libur Idul Fitri"));
        QTest::keyClicks(richText(ann, "content"), QStringLiteral("Sekolah libur."));
        auto *from = qobject_cast<QDateTimeEdit *>(ann->editor()->input(QStringLiteral("activeFrom")));
        from->setDateTime(QDateTime(QDate(2026, 3, 16), QTime(7, 0), Qt::UTC));
        auto *until = qobject_cast<QDateTimeEdit *>(ann->editor()->input(QStringLiteral("activeUntil")));
        QVERIFY(!until->isEnabled());
        ann->editor()->enabledBox(QStringLiteral("activeUntil"))->setChecked(true);
        QVERIFY(until->isEnabled());
        until->setDateTime(QDateTime(QDate(2026, 3, 10), QTime(7, 0), Qt::UTC));
        QTest::mouseClick(ann->saveButton(), Qt::LeftButton);
        QCOMPARE(ann->editor()->errors().fieldError(QStringLiteral("activeUntil")), QStringLiteral("Tampil sampai harus sesudah Tampil mulai."));
        until->setDateTime(QDateTime(QDate(2026, 3, 30), QTime(15, 0), Qt::UTC));
        QTest::mouseClick(ann->saveButton(), Qt::LeftButton);
        const QJsonObject a = stored(tc, "announcements").first().toObject();
        QCOMPARE(a.value("activeFrom").toString().left(19), QStringLiteral("2026-03-16T00:00:00")); // 07.00 WIB
        QCOMPARE(a.value("activeUntil").toString().left(19), QStringLiteral("2026-03-30T08:00:00"));
        // Shown back in school time.
        ann->newItem();
        QVERIFY(test::waitLoaded(&page));
        ann->table()->selectRow(0);
        QCOMPARE(from->dateTime().time(), QTime(7, 0));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(ann->table()->model()->index(0, 2).data().toString(), QLocale().toString(QDateTime(QDate(2026, 3, 16), QTime(7, 0)), QStringLiteral("d MMM yyyy, HH:mm")));
    }

    void publishAndUnpublish()
    {
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        QVERIFY(news->publishButton() && news->unpublishButton());
        QVERIFY(news->publishButton()->isVisibleTo(news));
        QVERIFY(!news->unpublishButton()->isVisibleTo(news)); // nothing stored yet
        fillNews(news, QStringLiteral("Penerimaan Rapor Semester Ganjil"));
        // Terbitkan on an unsaved form saves it first.
        QTest::mouseClick(news->publishButton(), Qt::LeftButton);
        QJsonObject item = stored(tc, "news").first().toObject();
        QCOMPARE(item.value("status").toString(), QStringLiteral("published"));
        QVERIFY(!item.value("publishedAt").toString().isEmpty());
        QTRY_VERIFY(!news->publishButton()->isVisibleTo(news)); // one of the two at a time
        QVERIFY(news->unpublishButton()->isVisibleTo(news));
        QCOMPARE(qobject_cast<QComboBox *>(news->editor()->input(QStringLiteral("status")))->currentText(), QStringLiteral("Terbit"));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(news->table()->model()->index(0, 2).data().toString(), QStringLiteral("Terbit"));

        QTest::mouseClick(news->unpublishButton(), Qt::LeftButton);
        item = stored(tc, "news").first().toObject();
        QCOMPARE(item.value("status").toString(), QStringLiteral("draft"));
        QVERIFY(news->publishButton()->isVisibleTo(news));
        QVERIFY(!news->unpublishButton()->isVisibleTo(news));
        QVERIFY(news->banner()->text().contains(QStringLiteral("draf")));

        // The status filter narrows the list.
        auto *filter = news->filterCombo();
        QVERIFY(filter);
        filter->setCurrentIndex(filter->findData(QStringLiteral("published")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(news->table()->model()->rowCount(), 0);
        filter->setCurrentIndex(filter->findData(QStringLiteral("draft")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(news->table()->model()->rowCount(), 1);
    }

    void tabsFollowTheRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("tabs");
        QTest::newRow("admin") << int(Role::Admin)
                               << QStringList{"Berita", "Pengumuman", "Kalender", "Guru", "Fasilitas", "Ekstrakurikuler", "Karya Siswa"};
        QTest::newRow("kesiswaan") << int(Role::Kesiswaan)
                                   << QStringList{"Berita", "Pengumuman", "Kalender", "Guru", "Fasilitas", "Ekstrakurikuler", "Karya Siswa"};
        QTest::newRow("osis") << int(Role::Osis) << QStringList{"Berita", "Pengumuman", "Ekstrakurikuler"};
        QTest::newRow("siswa") << int(Role::Siswa) << QStringList{"Karya Saya"};
    }

    void tabsFollowTheRole()
    {
        QFETCH(int, role);
        QFETCH(QStringList, tabs);
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role(role)));
        test::attachModelTesters<ui::ContentTableModel>(&page); // none for a role without content tabs
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.show();
        QStringList shown;
        for (int i = 0; i < page.tabs()->count(); ++i)
            shown << page.tabs()->tabText(i);
        QCOMPARE(shown, tabs);
        QCOMPARE(page.tabs()->count(), tabs.size());
        if (Role(role) == Role::Osis) {
            QVERIFY(!page.contentTab(QStringLiteral("calendar")));
            QVERIFY(!page.worksTab());
        }
    }

    void keyboardShortcuts()
    {
        test::TestCore tc;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        line(news, "title")->setFocus();
        fillNews(news, QStringLiteral("Class Meeting"));
        QTest::keyClick(line(news, "title"), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(stored(tc, "news").size(), 1);
        QTest::keyClick(line(news, "title"), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(news->editor()->isNew());
        QVERIFY(line(news, "title")->text().isEmpty());
        QTest::keyClick(line(news, "title"), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(news->searchEdit()->hasFocus());
        QTest::keyClicks(news->searchEdit(), QStringLiteral("tidak ada"));
        QTRY_COMPARE(news->table()->model()->rowCount(), 0);
        news->searchEdit()->clear();
        QTRY_COMPARE(news->table()->model()->rowCount(), 1);
    }

    void deleteAsksFirst()
    {
        test::TestCore tc;
        const Actor admin = actorFor(tc, Role::Admin);
        QVERIFY(tc->content().create(admin, type("extracurricular"), {{"name", "Pramuka"}, {"description", "Gerakan Pramuka."}}).ok());
        ui::ContentPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *ekskul = page.contentTab(QStringLiteral("extracurricular"));
        page.tabs()->setCurrentWidget(ekskul);
        QVERIFY(test::waitLoaded(&page));
        ekskul->table()->selectRow(0);
        QCOMPARE(line(ekskul, "name")->text(), QStringLiteral("Pramuka"));
        QVERIFY(ekskul->deleteButton()->isEnabled());

        QString question;
        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmDelete"))) {
                question = box->text();
                QVERIFY(test::clickButton(box, QStringLiteral("Batal")));
            }
        });
        QTest::mouseClick(ekskul->deleteButton(), Qt::LeftButton);
        QVERIFY(question.contains(QStringLiteral("Pramuka")));
        QCOMPARE(stored(tc, "extracurricular").size(), 1);

        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmDelete")))
                QVERIFY(test::clickButton(box, QStringLiteral("Hapus")));
        });
        QTest::mouseClick(ekskul->deleteButton(), Qt::LeftButton);
        QCOMPARE(stored(tc, "extracurricular").size(), 0);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(ekskul->table()->model()->rowCount(), 0);
        QVERIFY(ekskul->editor()->isNew());
    }

    void imagePickerUploadsAndPreviews()
    {
        test::TestCore tc;
        QTemporaryDir dir;
        ui::ContentPage page(*tc, actorFor(tc, Role::Admin));
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        ui::ImagePicker *picker = news->editor()->imagePicker(QStringLiteral("image"));
        QVERIFY(picker);
        QVERIFY(picker->mediaId().isEmpty());
        QVERIFY(!picker->clearButton()->isEnabled());

        // Not an image: the service's message under the field, nothing kept.
        const QString fake = dir.filePath(QStringLiteral("bukan-gambar.png"));
        {
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("ini teks biasa, bukan PNG");
        }
        picker->loadFile(fake);
        QTRY_VERIFY(!picker->isBusy());
        QVERIFY(picker->mediaId().isEmpty());
        QVERIFY(!news->editor()->errors().fieldError(QStringLiteral("image")).isEmpty());

        const QString png = writePng(dir.path(), QColor(0x1d, 0x4e, 0xd8));
        QVERIFY(!png.isEmpty());
        picker->loadFile(png);
        QVERIFY(picker->isBusy() || !picker->mediaId().isEmpty());
        QTRY_VERIFY(!picker->isBusy());
        const QString mediaId = picker->mediaId();
        QVERIFY(!mediaId.isEmpty());
        QVERIFY(news->editor()->errors().fieldError(QStringLiteral("image")).isEmpty());
        QVERIFY(picker->preview()->pixmap().isNull() == false);
        const QImage shown = picker->preview()->pixmap().toImage();
        const QColor middle(shown.pixel(shown.width() / 2, shown.height() / 2)); // the thumbnail may be lossy
        QVERIFY2(qAbs(middle.blue() - 0xd8) <= 6 && qAbs(middle.red() - 0x1d) <= 6, qPrintable(middle.name()));
        QVERIFY(picker->clearButton()->isEnabled());

        fillNews(news, QStringLiteral("Kunjungan Museum Dirgantara"));
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);
        QJsonObject item = stored(tc, "news").first().toObject();
        QCOMPARE(item.value("imageId").toString(), mediaId);

        // Reopened, the preview comes back; Hapus gambar clears the stored image.
        news->newItem();
        QVERIFY(picker->preview()->pixmap().isNull());
        QVERIFY(test::waitLoaded(&page));
        news->table()->selectRow(0);
        QCOMPARE(picker->mediaId(), mediaId);
        QVERIFY(!picker->preview()->pixmap().isNull());
        QTest::mouseClick(picker->clearButton(), Qt::LeftButton);
        QVERIFY(picker->mediaId().isEmpty());
        QTest::mouseClick(news->saveButton(), Qt::LeftButton);
        item = stored(tc, "news").first().toObject();
        QVERIFY(item.value("imageId").isNull());
    }

    void calendarHighlightsDaysWithEvents()
    {
        test::TestCore tc;
        const Actor admin = actorFor(tc, Role::Admin);
        QVERIFY(tc->content().create(admin, type("calendar"), {{"title", "Penilaian Tengah Semester"}, {"category", "ujian"},
                                                               {"startDate", "2026-03-09"}, {"endDate", "2026-03-11"},
                                                               {"location", "Ruang kelas"}}).ok());
        QVERIFY(tc->content().create(admin, type("calendar"), {{"title", "Libur Nyepi"}, {"category", "libur"},
                                                               {"startDate", "2026-03-19"}, {"endDate", "2026-03-19"}}).ok());
        QVERIFY(tc->content().create(admin, type("calendar"), {{"title", "Study Tour"}, {"category", "kegiatan"},
                                                               {"startDate", "2026-04-20"}, {"endDate", "2026-04-21"}}).ok());
        ui::ContentPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 800);
        page.show();
        QVERIFY(page.showTab(QStringLiteral("calendar")));
        ui::ContentTab *cal = page.contentTab(QStringLiteral("calendar"));
        QCalendarWidget *month = cal->calendar();
        QVERIFY(month && month->isVisible());
        month->setCurrentPage(2026, 3);
        auto bold = [month](const QDate &d) { return month->dateTextFormat(d).fontWeight() == QFont::Bold; };
        QTRY_VERIFY(bold(QDate(2026, 3, 9))); // the month is read on a worker
        QVERIFY(bold(QDate(2026, 3, 10)));
        QVERIFY(bold(QDate(2026, 3, 11)));
        QVERIFY(bold(QDate(2026, 3, 19)));
        QVERIFY(!bold(QDate(2026, 3, 12)));
        QVERIFY(!bold(QDate(2026, 4, 20))); // another month: loaded when shown
        QVERIFY(month->dateTextFormat(QDate(2026, 3, 10)).background().color() != month->dateTextFormat(QDate(2026, 3, 19)).background().color());

        month->setSelectedDate(QDate(2026, 3, 10));
        QCOMPARE(cal->dayEvents()->count(), 1);
        QVERIFY(cal->dayEvents()->item(0)->text().startsWith(QStringLiteral("Penilaian Tengah Semester")));
        QVERIFY(cal->dayEvents()->item(0)->text().contains(QStringLiteral("Ujian")));
        // Picking the event opens it in the form.
        QTest::mouseClick(cal->dayEvents()->viewport(), Qt::LeftButton, {}, cal->dayEvents()->visualItemRect(cal->dayEvents()->item(0)).center());
        QCOMPARE(line(cal, "title")->text(), QStringLiteral("Penilaian Tengah Semester"));
        month->setSelectedDate(QDate(2026, 3, 12));
        QCOMPARE(cal->dayEvents()->item(0)->flags(), Qt::NoItemFlags); // "no events" line

        month->setCurrentPage(2026, 4);
        QTRY_VERIFY(bold(QDate(2026, 4, 20)));
        QVERIFY(bold(QDate(2026, 4, 21)));
        QVERIFY(!bold(QDate(2026, 3, 9))); // the previous month's marks are gone

        // A new event through the form shows up in the month at once.
        cal->newItem();
        QTest::keyClicks(line(cal, "title"), QStringLiteral("Rapat Komite"));
        qobject_cast<QDateEdit *>(cal->editor()->input(QStringLiteral("startDate")))->setDate(QDate(2026, 4, 7));
        qobject_cast<QDateEdit *>(cal->editor()->input(QStringLiteral("endDate")))->setDate(QDate(2026, 4, 7));
        QTest::mouseClick(cal->saveButton(), Qt::LeftButton);
        QCOMPARE(stored(tc, "calendar").size(), 4);
        QTRY_VERIFY(bold(QDate(2026, 4, 7))); // as soon as the month is read again
    }

    void studentWorks()
    {
        test::TestCore tc;
        const Actor admin = actorFor(tc, Role::Admin);
        const User siswa = tc.createUser(QStringLiteral("ayu.w"), Role::Siswa);
        const Actor student{siswa.id, siswa.username, Role::Siswa, QString(), false};
        QImage img(200, 120, QImage::Format_RGB32);
        img.fill(Qt::darkGreen);
        QBuffer file;
        file.open(QIODevice::ReadWrite);
        img.save(&file, "PNG");
        file.seek(0);
        auto w1 = tc->studentWorks().submit(student, {{"title", "Poster Hemat Energi"}, {"description", "Poster digital."}, {"category", "seni"}},
                                            &file, QStringLiteral("poster.png"));
        QVERIFY2(w1.ok(), w1.ok() ? "" : qPrintable(w1.error().message));
        QVERIFY(tc->studentWorks().submit(student, {{"title", "Puisi Ibu"}, {"description", "Puisi untuk ibu."}, {"category", "tulisan"}}).ok());

        ui::ContentPage page(*tc, admin);
        QCOMPARE_GE(test::attachModelTesters<ui::ContentTableModel>(&page), 1);
        test::attachModelTesters<ui::StudentWorkTableModel>(&page); // only roles that see the works tab have one
        page.resize(1280, 760);
        page.show();
        QVERIFY(page.showTab(QStringLiteral("works")));
        ui::StudentWorksTab *works = page.worksTab();
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 2);
        works->categoryFilter()->setCurrentIndex(works->categoryFilter()->findData(QStringLiteral("seni")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 1);
        works->table()->selectRow(0);
        QCOMPARE(works->featureButton()->text(), QStringLiteral("Tandai unggulan"));
        const QString path = works->selectedFilePath();
        QVERIFY(QFile::exists(path));
        QTest::mouseClick(works->featureButton(), Qt::LeftButton);
        QVERIFY(tc->studentWorks().get(admin, w1->id)->featured);
        QTRY_COMPARE(works->featureButton()->text(), QStringLiteral("Lepas unggulan"));
        works->categoryFilter()->setCurrentIndex(0);
        works->featuredFilter()->setCurrentIndex(works->featuredFilter()->findData(QStringLiteral("1")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 1);
        QCOMPARE(works->table()->model()->index(0, 0).data().toString(), QStringLiteral("Poster Hemat Energi"));
        works->featuredFilter()->setCurrentIndex(works->featuredFilter()->findData(QStringLiteral("0")));
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 1);
        QCOMPARE(works->table()->model()->index(0, 0).data().toString(), QStringLiteral("Puisi Ibu"));

        QVERIFY(test::waitLoaded(&page));
        works->table()->selectRow(0);
        QTimer::singleShot(0, &page, [&] {
            if (auto *box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmDelete")))
                QVERIFY(test::clickButton(box, QStringLiteral("Hapus")));
        });
        works->removeSelected(true);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 0);
        works->featuredFilter()->setCurrentIndex(0);
        QVERIFY(test::waitLoaded(&page));
        QCOMPARE(works->table()->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestUiKonten)
#include "tst_ui_content.moc"
