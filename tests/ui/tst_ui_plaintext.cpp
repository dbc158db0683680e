// Text that strangers typed or an upstream sent is shown as text, never as HTML, on every page
// and dialog (offscreen, real widgets, one database seeded through the services). The payload
// is markup that would load something if rendered: an <img> pointing at a local TCP server (what
// a \\host UNC path does on Windows: the hash of the staff member's password goes out) and one
// pointing at a file whose opening inotify sees, bold text and a link. Each page is checked
// for: the payload shown literally (labels, tooltips, table cells, chart labels), no label
// that would render markup (QLabel in Qt::PlainText unless its markup is ours and its data
// escaped), no tooltip that would render an image or a link, and at the end nothing was
// fetched or opened.
#include "audit/AuditPage.h"
#include "ContentFixtures.h"
#include "content/ContentTab.h"
#include "DapodikUiFixtures.h"
#include "dapodik/DapodikDataPage.h"
#include "dapodik/DapodikListModel.h"
#include "dashboard/DashboardPage.h"
#include "content/ContentPage.h"
#include "shell/LoginDialog.h"
#include "shell/MainWindow.h"
#include "users/PasswordDialog.h"
#include "common/PlainText.h"
#include "ppdb/PpdbDetailDialog.h"
#include "ppdb/PpdbPage.h"
#include "ppdb/PpdbTableModel.h"
#include "satudata/SatuDataDialogs.h"
#include "satudata/SatuDataFileModel.h"
#include "satudata/SatuDataPage.h"
#include "dapodik/DapodikSyncPage.h"
#include "content/StudentWorksTab.h"
#include "tahunajaran/TahunAjaranDialog.h"
#include "tahunajaran/TahunAjaranPage.h"
#include "TestSupport.h"
#include "UiTestUtil.h"
#include "users/UsersPage.h"
#include "dapodik/DapodikService.h"
#include "satudata/SatuDataSync.h"

#include <QAbstractItemView>
#include <QBuffer>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QThreadPool>
#include <QTimer>

#include <functional>

#ifdef Q_OS_LINUX
#include <sys/inotify.h>
#include <unistd.h>
#endif

using namespace tu;

namespace {

// What a tooltip looks like on screen: QToolTip renders it as rich text when it looks like HTML.
QString renderedTip(const QString &tip)
{
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument d;
    d.setHtml(tip);
    return d.toPlainText();
}

// Images or links that `html` would produce when rendered.
QStringList markupEffects(const QString &html)
{
    QStringList out;
    QTextDocument d;
    d.setHtml(html);
    for (QTextBlock b = d.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat())
                out << QStringLiteral("image %1").arg(f.toImageFormat().name());
            if (f.isAnchor())
                out << QStringLiteral("link %1").arg(f.anchorHref());
        }
    return out;
}

QString renderedLabel(const QLabel *l)
{
    const bool rich = l->textFormat() == Qt::RichText || (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(l->text()));
    if (!rich)
        return l->text();
    QTextDocument d;
    d.setHtml(l->text());
    return d.toPlainText();
}

QString describe(const QWidget *w)
{
    return QStringLiteral("%1#%2").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

// Everything `root` shows as text, as it reads on screen, and what would be rendered as markup.
struct Seen {
    QStringList texts;
    QStringList problems;
    void tip(const QString &where, const QString &tip)
    {
        if (tip.isEmpty())
            return;
        texts << renderedTip(tip);
        if (Qt::mightBeRichText(tip))
            for (const QString &e : markupEffects(tip))
                problems << QStringLiteral("tooltip of %1 renders %2").arg(where, e);
    }
    void model(const QString &where, const QAbstractItemModel *m)
    {
        if (!m)
            return;
        for (int r = 0; r < qMin(m->rowCount(), 200); ++r)
            for (int c = 0; c < m->columnCount(); ++c) {
                const QModelIndex i = m->index(r, c);
                texts << i.data(Qt::DisplayRole).toString();
                tip(QStringLiteral("%1 cell %2,%3").arg(where).arg(r).arg(c), i.data(Qt::ToolTipRole).toString());
            }
    }
    bool shows(const QString &needle) const { return texts.join(QLatin1Char('\n')).contains(needle); }
};

Seen look(QWidget *root)
{
    Seen s;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QLabel *l : ui::plainTextViolations(root))
        s.problems << QStringLiteral("label %1 is %2: %3").arg(describe(l)).arg(l->textFormat()).arg(l->text().left(120));
    for (QWidget *w : widgets) {
        s.texts << w->windowTitle();
        s.tip(describe(w), w->toolTip());
        if (auto *l = qobject_cast<QLabel *>(w)) {
            s.texts << renderedLabel(l);
            if (l->textFormat() != Qt::PlainText)
                for (const QString &e : markupEffects(l->text()))
                    if (e.startsWith(QLatin1String("image")))
                        s.problems << QStringLiteral("label %1 renders %2").arg(describe(l), e);
        } else if (auto *e = qobject_cast<QPlainTextEdit *>(w)) {
            s.texts << e->toPlainText();
        } else if (auto *e = qobject_cast<QTextEdit *>(w)) {
            s.texts << e->toPlainText();
            for (const QString &x : markupEffects(e->toHtml()))
                if (x.startsWith(QLatin1String("image")))
                    s.problems << QStringLiteral("%1 renders %2").arg(describe(e), x);
        } else if (auto *b = qobject_cast<QAbstractButton *>(w)) {
            s.texts << b->text();
        } else if (auto *c = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < c->count(); ++i)
                s.texts << c->itemText(i);
        } else if (auto *cal = qobject_cast<QCalendarWidget *>(w)) {
            const auto formats = cal->dateTextFormat();
            for (auto it = formats.begin(); it != formats.end(); ++it)
                s.tip(QStringLiteral("calendar %1").arg(it.key().toString(Qt::ISODate)), it.value().toolTip());
        } else if (auto *cv = qobject_cast<QChartView *>(w)) {
            if (cv->scene())
                for (QGraphicsItem *item : cv->scene()->items())
                    if (auto *t = dynamic_cast<QGraphicsTextItem *>(item)) {
                        s.texts << t->toPlainText();
                        for (const QString &e : markupEffects(t->toHtml()))
                            s.problems << QStringLiteral("chart label renders %1").arg(e);
                    }
        }
        if (auto *v = qobject_cast<QAbstractItemView *>(w))
            s.model(describe(v), v->model());
    }
    return s;
}

} // namespace

class TestUiPlainText : public QObject
{
    Q_OBJECT
    std::unique_ptr<test::TestCore> tc;
    std::unique_ptr<test::UpstreamSim> sim;
    QTcpServer listener;
    int connections = 0;
    QTemporaryDir probeDir{QDir::tempPath() + QStringLiteral("/tuXXXXXX")};
    QString probe;
    int inotifyFd = -1;
    int opened = 0;

    QString payload;      // stored wherever a field allows it
    QString marker;       // what must be read literally
    Actor admin, staff;   // staff: an admin whose name is the payload
    Session staffSession;
    QString regId, newsId, fileId, unsentFileId, yearId;

    // Drains the inotify queue: how often the probe image was opened or read.
    void readProbe()
    {
#ifdef Q_OS_LINUX
        char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
        for (;;) {
            const ssize_t n = ::read(inotifyFd, buf, sizeof buf);
            if (n <= 0)
                break;
            for (char *p = buf; p < buf + n;) {
                auto *e = reinterpret_cast<struct inotify_event *>(p);
                if (e->len && QString::fromLocal8Bit(e->name) == QLatin1String("p.png"))
                    ++opened;
                p += sizeof(struct inotify_event) + e->len;
            }
        }
#endif
    }
    void verifyNothingLoaded()
    {
        QTest::qWait(50);
        QCoreApplication::processEvents();
        readProbe();
        QCOMPARE(connections, 0);
        QCOMPARE(opened, 0);
    }
    // Shown, laid out and painted: what would load an image does so here.
    static void settle(QWidget *w)
    {
        if (!w->isVisible())
            w->show();
        QCoreApplication::processEvents();
        (void)w->grab(); // paints every visible child
        QTest::qWait(20);
    }
    void expectSafe(QWidget *root, const QStringList &mustShow = {})
    {
        settle(root);
        const Seen s = look(root);
        QVERIFY2(s.problems.isEmpty(), qPrintable(describe(root) + QLatin1String(":\n") + s.problems.join(QLatin1Char('\n'))));
        for (const QString &m : mustShow.isEmpty() ? QStringList{marker} : mustShow)
            QVERIFY2(s.shows(m), qPrintable(QStringLiteral("%1 does not show %2 literally").arg(describe(root), m)));
    }
    // Runs `open` (it may block in a modal loop); the first visible window of type T gets `check`
    // and is closed.
    template<typename T>
    void whileOpen(const std::function<void()> &open, const std::function<void(T *)> &check, const QString &name = QString())
    {
        bool done = false;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (done)
                return;
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *t = qobject_cast<T *>(w);
                if (!t || !t->isVisible() || (!name.isEmpty() && t->objectName() != name))
                    continue;
                done = true;
                check(t);
                t->reject();
                return;
            }
        });
        poll.start(20);
        open();
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    }
    void expectPlainBox(QMessageBox *box)
    {
        auto *label = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"));
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY2(label->text().contains(marker), qPrintable(label->text()));
        expectSafe(box);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        connect(&listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = listener.nextPendingConnection()) {
                ++connections;
                s->deleteLater();
            }
        });
        QVERIFY(probeDir.isValid());
        probe = probeDir.filePath(QStringLiteral("p.png"));
        QVERIFY(test::imageBytes("PNG").size() > 0);
        {
            QFile f(probe);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(test::imageBytes("PNG"));
        }
#ifdef Q_OS_LINUX
        inotifyFd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        QVERIFY(inotifyFd >= 0);
        QVERIFY(inotify_add_watch(inotifyFd, QFile::encodeName(probeDir.path()).constData(), IN_OPEN | IN_ACCESS) >= 0);
#endif
        // 8 + 40 + ~31 characters: fits the 100-character names.
        payload = QStringLiteral("<b>B</b><img src=\"http://127.0.0.1:%1/x.png\"><img src=\"%2\">").arg(listener.serverPort()).arg(probe);
        marker = QStringLiteral("<img src=\"http://127.0.0.1:%1/x.png\">").arg(listener.serverPort());
        QVERIFY2(payload.size() <= 100, qPrintable(payload));
        const QString link = QStringLiteral("<a href=\"http://127.0.0.1:%1/a\">tautan</a>").arg(listener.serverPort());

        tc = std::make_unique<test::TestCore>();
        QVERIFY(tc->core);
        Core &core = *tc->core;
        const Actor system = Actor::system(QStringLiteral("test"));
        const auto users = core.users().list(system);
        TU_VERIFY_OK(users);
        for (const User &u : users.value())
            if (u.username == QLatin1String("admin"))
                admin = Actor{u.id, u.username, u.role, QString(), false};
        TU_VERIFY_OK(core.settings().set(system, {{"school_name", payload}}));

        // Users: an admin named with the payload signs in; a student with the payload as name.
        UserInput in;
        in.username = QStringLiteral("staf.tu");
        in.name = payload;
        in.role = roleName(Role::Admin);
        in.password = QStringLiteral("Password-123");
        auto staffUser = core.users().create(admin, in);
        TU_VERIFY_OK(staffUser);
        auto login = core.auth().login({QStringLiteral("staf.tu"), QStringLiteral("Password-123"), {}, {}, QStringLiteral("test")});
        TU_VERIFY_OK(login);
        staffSession = login.value();
        staff = Actor{staffUser->id, staffUser->username, Role::Admin, QString(), false};
        in.username = QStringLiteral("siswa.a");
        in.role = roleName(Role::Siswa);
        auto siswa = core.users().create(admin, in);
        TU_VERIFY_OK(siswa);
        const Actor student{siswa->id, siswa->username, Role::Siswa, QString(), false};

        // Tahun ajaran: names are YYYY/YYYY by rule; one is rewritten as if it came from an older
        // SIAKAD, to show the widgets hold without the rule.
        const QDate today = core.ppdb().today();
        auto year = core.tahunAjaran().store(system, {{"tahun_ajaran", "2026/2027"},
                                                      {"periode_awal_pendaftaran", today.addDays(-10).toString(Qt::ISODate)},
                                                      {"periode_akhir_pendaftaran", today.addDays(30).toString(Qt::ISODate)},
                                                      {"sts_aktif", 1}});
        TU_VERIFY_OK(year);
        auto other = core.tahunAjaran().store(system, {{"tahun_ajaran", "2020/2021"}, {"periode_awal_pendaftaran", "2020-03-01"},
                                                       {"periode_akhir_pendaftaran", "2020-03-31"}, {"sts_aktif", 2}});
        TU_VERIFY_OK(other);
        yearId = other->id;
        TU_VERIFY_OK(core.db().exec(QStringLiteral("UPDATE tahun_ajaran SET tahun_ajaran = ? WHERE id_tahun_ajaran = ?"), {payload, yearId}));

        // PPDB: an anonymous applicant fills every free-text field with the payload.
        QJsonObject applicant{{"nisn", "0012345671"}, {"fullName", payload}, {"birthPlace", payload},
                              {"birthDate", today.addYears(-12).toString(Qt::ISODate)}, {"gender", "L"}, {"religion", "Islam"},
                              {"address", payload + link}, {"province", "DI Yogyakarta"}, {"city", "Sleman"}, {"district", payload},
                              {"postalCode", "55281"}, {"fatherName", payload}, {"fatherPhone", "081234567890"}, {"motherName", payload},
                              {"motherPhone", "081234567890"}, {"previousSchool", payload}, {"email", "a@b.id"}, {"phone", "081234567890"}};
        auto reg = core.ppdb().submit(system, applicant);
        TU_VERIFY_OK(reg);
        regId = reg->id;
        TU_VERIFY_OK(core.ppdb().changeStatus(admin, regId, QStringLiteral("verified"), payload));

        // Content: a news item (OSIS writes these) and an agenda entry today.
        auto news = core.content().create(admin, *content::type(QLatin1String("news")),
                                          {{"title", payload}, {"category", "<b>OSIS</b>"}, {"status", "draft"}, {"content", payload + link}});
        TU_VERIFY_OK(news);
        newsId = news->value(QLatin1String("id")).toString();
        TU_VERIFY_OK(core.content().create(admin, *content::type(QLatin1String("calendar")),
                                           {{"title", payload}, {"category", "kegiatan"}, {"startDate", QDate::currentDate().toString(Qt::ISODate)},
                                            {"endDate", QDate::currentDate().toString(Qt::ISODate)}, {"location", payload}}));
        // A student's work, with a link.
        TU_VERIFY_OK(core.studentWorks().submit(student, {{"title", payload}, {"description", payload + link}, {"category", "seni"},
                                                          {"link", QStringLiteral("http://127.0.0.1:%1/karya").arg(listener.serverPort())}}));

        // Dapodik, as a sync stores it; a failed sync whose upstream message is the payload.
        const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
        DapodikRepository dapodik(core.db());
        TU_VERIFY_OK(dapodik.upsertKecamatan({{{"kode_wilayah", "34.04.01"}, {"nama", payload}, {"mst_kode_wilayah", "34.04"}}}, at));
        TU_VERIFY_OK(dapodik.upsertSekolah({{{"npsn", "20400001"}, {"sekolah_id", "s-1"}, {"nama", payload}, {"bentuk_pendidikan", "SMP"},
                                             {"status", "Negeri"}, {"alamat", payload}, {"kode_wilayah", "34.04.01"}}}, at));
        TU_VERIFY_OK(dapodik.upsertPtk({{{"ptk_id", "p-1"}, {"nik", "3404000000000001"}, {"nama", payload}, {"jenis_kelamin", "L"},
                                         {"tanggal_lahir", "1980-01-01"}, {"nuptk", "1"}, {"nip", ""}, {"jenis_ptk", payload},
                                         {"status_kepegawaian", payload}, {"pendidikan_terakhir", "S1"}, {"npsn", "20400001"}}}, at));
        TU_VERIFY_OK(dapodik.refreshAnalytics());
        DapodikSyncStore store(core.db());
        auto log = store.startLog(QStringLiteral("global"), payload, QStringLiteral("admin"), false);
        TU_VERIFY_OK(log);
        TU_VERIFY_OK(store.finishLog(log.value(), QStringLiteral("error"), DapodikSyncCounts{}, payload));
        TU_VERIFY_OK(store.setMetadata(QLatin1String(DapodikSyncStore::LastGlobalSync), QStringLiteral("ERROR: ") + payload));

        // Satu Data: files titled with the payload; SPLP answers with the payload as its title.
        sim = std::make_unique<test::UpstreamSim>();
        QVERIFY(sim->ok());
        TU_VERIFY_OK(core.settings().set(system, {{"splp_api_url", sim->url()}, {"sipd_api_url", sim->url()},
                                                  {"external_api_key", "sim-external-key"}, {"upstream_timeout_ms", "3000"},
                                                  {"upstream_backoff_ms", "20"}, {"satudata_delay_ms", "0"}}));
        auto upload = [&](const QString &title) {
            QBuffer b;
            b.setData("kelas,tahun,data\nVII,2023,96\nVIII,2024,94\n");
            b.open(QIODevice::ReadOnly);
            return core.dataFiles().upload(admin, b, QStringLiteral("siswa.csv"),
                                           {{"title", title}, {"description", payload + link}, {"period", "2025"}, {"unit", "orang"},
                                            {"tags", "siswa"}, {"kodeindikator", "1.01.02"}, {"kodepemda", "3404"}});
        };
        auto file = upload(payload);
        TU_VERIFY_OK(file);
        fileId = file->id;
        TU_VERIFY_OK(core.dataFiles().setVerified(admin, fileId, true));
        TU_VERIFY_OK(core.satuDataSync().syncFile(admin, fileId, {satudata::Splp}));
        const QString remoteId = core.satuDataSync().states(fileId)->value(satudata::Splp).remoteId;
        sim->control("POST", QStringLiteral("/__sim/splp/modify"), {{"id", remoteId}, {"title", payload + QStringLiteral(" (portal)")}});
        TU_VERIFY_OK(core.dataFiles().updateMeta(admin, fileId, {{"title", payload + QStringLiteral(" 2025")}}));
        TU_VERIFY_OK(core.dataFiles().setVerified(admin, fileId, true));
        auto conflict = core.satuDataSync().syncFile(admin, fileId, {satudata::Splp});
        TU_VERIFY_OK(conflict);
        auto unsent = upload(payload + QStringLiteral(" baru"));
        TU_VERIFY_OK(unsent);
        unsentFileId = unsent->id;
    }
    void cleanupTestCase()
    {
        if (tc && tc->core) {
            tc->core->satuDataSync().cancel();
            tc->core->satuDataSync().waitForIdle(15000);
        }
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        sim.reset();
        tc.reset();
#ifdef Q_OS_LINUX
        if (inotifyFd >= 0)
            ::close(inotifyFd);
#endif
    }

    void helperRendersTextLiterally()
    {
        const QString tip = ui::plainToolTip(payload + QStringLiteral("\nbaris dua"));
        QVERIFY(Qt::mightBeRichText(tip));
        QCOMPARE(renderedTip(tip), payload + QStringLiteral("\nbaris dua"));
        QVERIFY(markupEffects(tip).isEmpty());
        QVERIFY(ui::plainToolTip(QString()).isEmpty());
        QLabel *l = ui::plainLabel(payload);
        QCOMPARE(l->textFormat(), Qt::PlainText);
        QCOMPARE(ui::plainTextViolations(l).size(), 0);
        l->setTextFormat(Qt::AutoText);
        QCOMPARE(ui::plainTextViolations(l).size(), 1); // what the walker catches
        delete l;
        QCOMPARE(ui::chartText(payload), payload.toHtmlEscaped());
    }

    // The rule in source form, for the widgets no test opens: labels come from the helper, rich
    // text is declared through it, and nothing renders HTML from a string on its own.
    void sourcesGoThroughTheHelper()
    {
        const QDir dir(QStringLiteral(TU_UI_SOURCE_DIR));
        QStringList files; // relative to ui/, every area folder included
        QDirIterator it(dir.path(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << dir.relativeFilePath(it.next());
        QVERIFY(files.size() > 40);
        const QStringList banned{QStringLiteral("new QLabel"), QStringLiteral("setTextFormat(Qt::RichText)"),
                                 QStringLiteral("setTextFormat(Qt::AutoText)"), QStringLiteral("addRow(tr("),
                                 QStringLiteral("QMessageBox::question("), QStringLiteral("QMessageBox::information("),
                                 QStringLiteral("QMessageBox::warning("), QStringLiteral("QMessageBox::critical("),
                                 QStringLiteral("setHtml("), QStringLiteral("QTextBrowser"), QStringLiteral("QToolTip::showText(")};
        QStringList found;
        for (const QString &name : files) {
            if (QFileInfo(name).fileName().startsWith(QLatin1String("PlainText.")))
                continue;
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i)
                for (const QString &b : banned)
                    if (lines[i].contains(b))
                        found << QStringLiteral("%1:%2: %3").arg(name).arg(i + 1).arg(lines[i].trimmed());
        }
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("use plainLabel()/richLabel()/makePlain() from PlainText.h:\n") + found.join(QLatin1Char('\n'))));
    }

    void loginAndMainWindow()
    {
        ui::LoginDialog login(*tc->core);
        expectSafe(&login);

        ui::MainWindow w(*tc->core, staffSession, nullptr);
        w.resize(1280, 800);
        w.show();
        expectSafe(&w); // school name and the user's name in the header
        QVERIFY(w.windowTitle().contains(marker));
        verifyNothingLoaded();
    }

    void ppdbListDetailAndStatusDialog()
    {
        ui::PpdbPage page(*tc->core, admin);
        page.resize(1200, 700);
        page.show();
        QTRY_VERIFY(page.table()->model()->rowCount() == 1);
        expectSafe(&page);
        const QModelIndex status = page.table()->model()->index(0, ui::PpdbTableModel::Status);
        QCOMPARE(renderedTip(status.data(Qt::ToolTipRole).toString()), payload); // the note
        verifyNothingLoaded();

        ui::PpdbDetailDialog detail(*tc->core, admin, regId);
        detail.resize(1040, 700);
        detail.show();
        expectSafe(&detail);
        int literal = 0;
        for (QLabel *l : detail.findChildren<QLabel *>())
            if (l->text().contains(marker)) {
                QCOMPARE(l->textFormat(), Qt::PlainText);
                ++literal;
            }
        QVERIFY2(literal >= 7, qPrintable(QString::number(literal))); // name, birthplace, district, address, parents, school, note

        ui::PpdbStatusDialog accept(*tc->core, admin, detail.registration(), QStringLiteral("accepted"));
        accept.show();
        expectSafe(&accept);
        verifyNothingLoaded();
    }

    void kontenNewsCalendarAndWorks()
    {
        ui::ContentPage page(*tc->core, admin);
        page.resize(1280, 800);
        page.show();
        QVERIFY(page.showTab(QStringLiteral("news")));
        ui::ContentTab *news = page.contentTab(QStringLiteral("news"));
        QTRY_VERIFY(news->table()->model()->rowCount() == 1);
        news->openItem(newsId);
        expectSafe(news);
        QCOMPARE(renderedTip(news->table()->model()->index(0, 0).data(Qt::ToolTipRole).toString()), payload);
        whileOpen<QMessageBox>([&] { news->removeCurrent(true); }, [&](QMessageBox *box) { expectPlainBox(box); }, QStringLiteral("confirmDelete"));
        QVERIFY(tc->core->content().get(*content::type(QLatin1String("news")), newsId).ok()); // Batal kept it

        QVERIFY(page.showTab(QStringLiteral("calendar")));
        ui::ContentTab *cal = page.contentTab(QStringLiteral("calendar"));
        const QDate today = QDate::currentDate(); // the month the calendar opens on
        cal->calendar()->setSelectedDate(today);
        QTRY_VERIFY(cal->dayEvents()->count() == 1 && cal->dayEvents()->item(0)->flags() != Qt::NoItemFlags);
        expectSafe(cal);
        QCOMPARE(renderedTip(cal->calendar()->dateTextFormat(today).toolTip()), payload);

        QVERIFY(page.showTab(QStringLiteral("works")));
        ui::StudentWorksTab *works = page.worksTab();
        QTRY_VERIFY(works->table()->model()->rowCount() == 1);
        works->table()->selectRow(0);
        expectSafe(works);
        // The detail is rich on purpose (bold title, the http link): the data in it reads literally.
        auto *detail = works->findChild<QLabel *>(QStringLiteral("workDetail"));
        QVERIFY(renderedLabel(detail).contains(marker));
        QCOMPARE(markupEffects(detail->text()).size(), 1); // the work's own http link, nothing else
        QVERIFY(markupEffects(detail->text()).first().startsWith(QStringLiteral("link http://127.0.0.1:")));
        whileOpen<QMessageBox>([&] { works->removeSelected(true); }, [&](QMessageBox *box) { expectPlainBox(box); }, QStringLiteral("confirmDelete"));
        QCOMPARE(works->table()->model()->rowCount(), 1);
        verifyNothingLoaded();
    }

    void usersPageAndItsDialogs()
    {
        ui::UsersPage page(*tc->core, admin);
        page.resize(1100, 700);
        page.show();
        expectSafe(&page);
        page.selectUser(staff.userId);
        QVERIFY(page.selectedUser());
        whileOpen<ui::PasswordDialog>([&] { QTest::mouseClick(page.passwordButton(), Qt::LeftButton); },
                                      [&](ui::PasswordDialog *d) { expectSafe(d); });
        QTest::mouseClick(page.toggleButton(), Qt::LeftButton);
        QMessageBox *box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmDeactivate"));
        QVERIFY(box);
        expectPlainBox(box);
        box->reject();
        QTest::mouseClick(page.deleteButton(), Qt::LeftButton);
        box = test::openDialog<QMessageBox>(&page, QStringLiteral("confirmDelete"));
        QVERIFY(box);
        expectPlainBox(box);
        box->reject();
        QVERIFY(tc->core->users().get(admin, staff.userId).ok());
        verifyNothingLoaded();
    }

    void auditLog()
    {
        ui::AuditPage page(*tc->core, admin);
        page.resize(1200, 760);
        page.show();
        QTRY_VERIFY(page.table()->model()->rowCount() > 0);
        int withPayload = -1;
        for (int r = 0; r < page.table()->model()->rowCount() && withPayload < 0; ++r) {
            page.table()->selectRow(r);
            if (page.afterView()->toPlainText().contains(QStringLiteral("<b>B</b><img src=\\\"http://127.0.0.1:"))) // JSON-quoted
                withPayload = r;
        }
        QVERIFY(withPayload >= 0);
        expectSafe(&page); // the user filter lists the payload-named users
        verifyNothingLoaded();
    }

    void tahunAjaranPageDialogAndQuestion()
    {
        ui::TahunAjaranPage page(*tc->core, admin);
        page.resize(1000, 600);
        page.show();
        auto *table = page.findChild<QTableView *>(QStringLiteral("yearsTable"));
        QTRY_VERIFY(table->model()->rowCount() == 2);
        expectSafe(&page);
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 0).data().toString() == payload)
                row = r;
        QVERIFY(row >= 0);
        table->selectRow(row);
        whileOpen<ui::TahunAjaranDialog>([&] { QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("editYear")), Qt::LeftButton); },
                                         [&](ui::TahunAjaranDialog *d) { expectSafe(d); });
        whileOpen<QMessageBox>([&] { QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("trashYear")), Qt::LeftButton); },
                               [&](QMessageBox *box) { expectPlainBox(box); });
        QCOMPARE(table->model()->rowCount(), 2); // answered No
        verifyNothingLoaded();
    }

    void dapodikDataDashboardAndSyncLog()
    {
        test::PoolDrain drain;
        ui::DapodikDataPage data(*tc->core, admin);
        data.resize(1200, 760);
        data.show();
        QTRY_VERIFY(data.sekolahModel()->rowCount() == 1);
        QTRY_VERIFY(data.kecamatanFilter()->count() == 2);
        expectSafe(&data);
        data.tabs()->setCurrentIndex(ui::DapodikDataPage::PtkTab);
        QTRY_VERIFY(data.ptkModel()->rowCount() == 1);
        expectSafe(&data);

        ui::DashboardPage dash(*tc->core, admin);
        dash.resize(1200, 900);
        dash.show();
        QTRY_VERIFY(!dash.isLoading());
        expectSafe(&dash); // the kecamatan's name on the chart axis, the PTK status in the legend

        ui::DapodikSyncPage sync(*tc->core, admin);
        sync.resize(1200, 800);
        sync.show();
        QTRY_VERIFY(!sync.isReloading() && sync.historyTable()->model()->rowCount() == 1);
        expectSafe(&sync); // the failed run's message (note and tooltip), the kecamatan list
        verifyNothingLoaded();
    }

    void satuDataTableLogsAndDialogs()
    {
        ui::SatuDataPage page(*tc->core, admin);
        page.resize(1280, 800);
        page.show();
        QTRY_VERIFY(page.model()->loadCount() > 0 && !page.isLoading() && page.model()->rowCount() == 2);
        expectSafe(&page);
        int sent = -1, unsent = -1;
        for (int r = 0; r < page.model()->rowCount(); ++r)
            (page.model()->rowAt(r)->file.id == fileId ? sent : unsent) = r;
        const QString tip = page.table()->model()->index(sent, ui::SatuDataFileModel::Title).data(Qt::ToolTipRole).toString();
        QVERIFY2(renderedTip(tip).startsWith(payload + QStringLiteral(" 2025\n") + payload + QStringLiteral("<a href=")), qPrintable(tip));

        page.showTab(ui::SatuDataPage::LogTab);
        QTRY_VERIFY(!page.isLoading() && page.logTotal() >= 2);
        page.logTable()->selectRow(0);
        expectSafe(&page);
        page.showTab(ui::SatuDataPage::FilesTab);

        page.table()->selectRow(sent);
        whileOpen<ui::SatuDataMetaDialog>([&] { page.editSelected(); }, [&](ui::SatuDataMetaDialog *d) { expectSafe(d); });

        QPointer<ui::SatuDataSyncDialog> dialog = page.openSyncDialog();
        QVERIFY(dialog);
        dialog->sipdBox()->setChecked(false);
        QTest::mouseClick(dialog->syncButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QCOMPARE(dialog->statusText(satudata::Splp), QStringLiteral("Konflik"));
        expectSafe(dialog);
        QTest::mouseClick(dialog->conflictButton(satudata::Splp), Qt::LeftButton);
        QPointer<ui::SatuDataConflictDialog> conflict = test::openDialog<ui::SatuDataConflictDialog>(dialog);
        QVERIFY(conflict);
        QTRY_VERIFY(!conflict->isBusy() && conflict->table()->rowCount() > 0);
        QCOMPARE(conflict->table()->item(0, 2)->text(), payload + QStringLiteral(" (portal)")); // the portal's answer
        expectSafe(conflict);
        conflict->reject();
        dialog->reject();
        QTRY_VERIFY(!dialog);

        QTRY_VERIFY(page.model()->loadCount() > 0 && !page.isLoading());
        for (int r = 0; r < page.model()->rowCount(); ++r)
            if (page.model()->rowAt(r)->file.id == unsentFileId)
                page.table()->selectRow(r);
        whileOpen<QMessageBox>([&] { page.removeSelected(); }, [&](QMessageBox *box) { expectPlainBox(box); }, QStringLiteral("confirmRemove"));
        QVERIFY(tc->core->dataFiles().get(unsentFileId).ok()); // Batal kept it
        verifyNothingLoaded();
    }

    void nothingWasFetchedOrOpened()
    {
        verifyNothingLoaded();
    }
};

QTEST_MAIN(TestUiPlainText)
#include "tst_ui_plaintext.moc"
