#include "PpdbDetailDialog.h"
#include "common/PrintPreview.h"
#include "common/ScreenFit.h"
#include "common/SchoolTime.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "ppdb/PpdbTableModel.h"
#include "ppdb/ProofOfRegistration.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QCoreApplication>
#include <QMenu>
#include <QPageSize>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QToolButton>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
QString statusStyle(const QString &status)
{
    const QColor c = ppdbStatusColor(status);
    const QColor bg = QColor::fromRgbF(1 - (1 - c.redF()) * 0.1, 1 - (1 - c.greenF()) * 0.1, 1 - (1 - c.blueF()) * 0.1);
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; border-radius: 8px; padding: 3px 12px;"
                          " font-size: 12px; font-weight: 700; }")
        .arg(bg.name(), c.name(), c.lighter(160).name());
}

QString actionText(const QString &status)
{
    if (status == QLatin1String("verified"))
        return PpdbDetailDialog::tr("Verifikasi");
    if (status == QLatin1String("accepted"))
        return PpdbDetailDialog::tr("Terima");
    return PpdbDetailDialog::tr("Tolak");
}

QString documentTypeText(const QString &type)
{
    if (type == QLatin1String("photo"))
        return PpdbDetailDialog::tr("Pas foto");
    if (type == QLatin1String("ijazah"))
        return PpdbDetailDialog::tr("Ijazah / SKL");
    if (type == QLatin1String("kk"))
        return PpdbDetailDialog::tr("Kartu Keluarga");
    if (type == QLatin1String("akta"))
        return PpdbDetailDialog::tr("Akta kelahiran");
    return type;
}

} // namespace

// ---------------------------------------------------------------- PpdbStatusDialog

PpdbStatusDialog::PpdbStatusDialog(Core &core, const Actor &actor, const Registration &r, const QString &status, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_id(r.id), m_status(status), m_banner(new MessageBanner(this, false)),
      m_errors(m_banner, this)
{
    setObjectName(QStringLiteral("ppdbStatusDialog"));
    setWindowTitle(tr("%1 pendaftaran").arg(actionText(status)));
    setMinimumWidth(460);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(28, 24, 28, 22);
    root->setSpacing(12);
    auto *title = plainLabel(tr("%1 pendaftaran %2").arg(actionText(status), r.number), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    root->addWidget(title);
    QString text;
    if (status == QLatin1String("verified"))
        text = tr("Berkas %1 sudah diperiksa dan sesuai. Catatan bersifat opsional.").arg(r.fullName);
    else if (status == QLatin1String("accepted"))
        text = tr("%1 diterima sebagai calon siswa baru. Catatan bersifat opsional.").arg(r.fullName);
    else
        text = tr("Pendaftaran %1 ditolak. Tuliskan alasannya agar calon siswa tahu apa yang harus diperbaiki.").arg(r.fullName);
    auto *hint = plainLabel(text, this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("hint"));
    root->addWidget(hint);
    root->addWidget(m_banner);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(status == QLatin1String("rejected") ? tr("Alasan penolakan (wajib)") : tr("Catatan (opsional)"));
    m_note->setAccessibleName(status == QLatin1String("rejected") ? tr("Alasan penolakan") : tr("Catatan"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(96);
    root->addWidget(m_errors.withError(QStringLiteral("note"), m_note));

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(actionText(status), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("confirmStatus"));
    theme::setVariant(m_save, status == QLatin1String("rejected") ? "danger" : "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PpdbStatusDialog::save);
    root->addWidget(buttons);
}

void PpdbStatusDialog::save()
{
    m_errors.clear();
    auto r = m_core.ppdb().changeStatus(m_actor, m_id, m_status, m_note->toPlainText());
    if (!r.ok()) {
        m_errors.show(r.error());
        return;
    }
    m_saved = r.value();
    accept();
}

// ---------------------------------------------------------------- PpdbDetailDialog

PpdbDetailDialog::PpdbDetailDialog(Core &core, const Actor &actor, const QString &idOrNumber, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_banner(new MessageBanner(this))
{
    setObjectName(QStringLiteral("ppdbDetailDialog"));
    setWindowTitle(tr("Detail pendaftaran"));
    fitToScreen(this, QSize(1040, 700));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 20, 24, 18);
    root->setSpacing(12);

    // Heading: name, number and status.
    auto *head = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_title = plainLabel(this);
    m_title->setObjectName(QStringLiteral("pageTitle"));
    m_number = plainLabel(this);
    m_number->setObjectName(QStringLiteral("pageSubtitle"));
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    titles->addWidget(m_title);
    titles->addWidget(m_number);
    head->addLayout(titles, 1);
    m_status = plainLabel(this);
    m_status->setObjectName(QStringLiteral("statusBadge"));
    head->addWidget(m_status, 0, Qt::AlignTop);
    root->addLayout(head);
    root->addWidget(m_banner);
    m_note = plainLabel(this);
    m_note->setObjectName(QStringLiteral("statusNote"));
    m_note->setWordWrap(true);
    root->addWidget(m_note);

    auto *body = new QHBoxLayout;
    body->setSpacing(14);

    // Every field, in three groups.
    auto *dataCard = new QFrame(this);
    dataCard->setObjectName(QStringLiteral("card"));
    auto *grid = new QGridLayout(dataCard);
    grid->setContentsMargins(20, 16, 20, 16);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(6);
    int row = 0;
    auto section = [&](const QString &text, int col) {
        auto *l = plainLabel(text, dataCard);
        l->setObjectName(QStringLiteral("sectionTitle"));
        grid->addWidget(l, row, col, 1, 2);
    };
    auto field = [&](const QString &key, const QString &label, int r, int col) {
        auto *name = plainLabel(label, dataCard);
        name->setObjectName(QStringLiteral("hint"));
        name->setProperty("look", QStringLiteral("detailKey"));
        auto *value = plainLabel(dataCard);
        value->setObjectName(key);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setProperty("look", QStringLiteral("detailValue"));
        grid->addWidget(name, r, col, Qt::AlignTop);
        grid->addWidget(value, r, col + 1, Qt::AlignTop);
        m_values.insert(key, value);
    };
    section(tr("Data calon siswa"), 0);
    section(tr("Orang tua dan kontak"), 2);
    ++row;
    const QList<QPair<QString, QString>> left{
        {QStringLiteral("nisn"), tr("NISN")},
        {QStringLiteral("fullName"), tr("Nama lengkap")},
        {QStringLiteral("birthPlace"), tr("Tempat lahir")},
        {QStringLiteral("birthDate"), tr("Tanggal lahir")},
        {QStringLiteral("gender"), tr("Jenis kelamin")},
        {QStringLiteral("religion"), tr("Agama")},
        {QStringLiteral("previousSchool"), tr("Sekolah asal")},
    };
    const QList<QPair<QString, QString>> right{
        {QStringLiteral("fatherName"), tr("Nama ayah")},
        {QStringLiteral("fatherPhone"), tr("HP ayah")},
        {QStringLiteral("motherName"), tr("Nama ibu")},
        {QStringLiteral("motherPhone"), tr("HP ibu")},
        {QStringLiteral("phone"), tr("Nomor HP")},
        {QStringLiteral("email"), tr("Email")},
        {QStringLiteral("source"), tr("Cara daftar")},
    };
    for (int i = 0; i < left.size(); ++i) {
        field(left[i].first, left[i].second, row + i, 0);
        field(right[i].first, right[i].second, row + i, 2);
    }
    row += int(left.size());
    grid->setRowMinimumHeight(row++, 10);
    section(tr("Alamat"), 0);
    section(tr("Riwayat"), 2);
    ++row;
    const QList<QPair<QString, QString>> addr{
        {QStringLiteral("address"), tr("Alamat")},
        {QStringLiteral("district"), tr("Kecamatan")},
        {QStringLiteral("city"), tr("Kabupaten/kota")},
        {QStringLiteral("province"), tr("Provinsi")},
        {QStringLiteral("postalCode"), tr("Kode pos")},
    };
    const QList<QPair<QString, QString>> hist{
        {QStringLiteral("submittedAt"), tr("Waktu daftar")},
        {QStringLiteral("updatedAt"), tr("Terakhir diubah")},
        {QStringLiteral("retries"), tr("Daftar ulang")},
    };
    for (int i = 0; i < addr.size(); ++i) {
        field(addr[i].first, addr[i].second, row + i, 0);
        if (i < hist.size())
            field(hist[i].first, hist[i].second, row + i, 2);
    }
    row += int(addr.size());
    grid->setRowStretch(row, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    body->addWidget(dataCard, 1);

    // Documents.
    auto *docCard = new QFrame(this);
    docCard->setObjectName(QStringLiteral("card"));
    auto *docs = new QVBoxLayout(docCard);
    docs->setContentsMargins(16, 16, 16, 16);
    docs->setSpacing(8);
    auto *docTitle = plainLabel(tr("Dokumen"), docCard);
    docTitle->setObjectName(QStringLiteral("sectionTitle"));
    docs->addWidget(docTitle);
    m_documents = new QListWidget(docCard);
    m_documents->setObjectName(QStringLiteral("documents"));
    m_documents->setMaximumHeight(120);
    docs->addWidget(m_documents);
    m_preview = plainLabel(docCard);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(240, 220);
    m_preview->setWordWrap(true);
    docs->addWidget(m_preview, 1);
    m_openDoc = new QPushButton(icons::icon(QStringLiteral("folder"), theme::Text), tr("Buka dokumen"), docCard);
    m_openDoc->setObjectName(QStringLiteral("openDocument"));
    m_openDoc->setAutoDefault(false);
    docs->addWidget(m_openDoc);
    docCard->setFixedWidth(330);
    body->addWidget(docCard);
    root->addLayout(body, 1);

    // Actions.
    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    m_print = new QPushButton(icons::icon(QStringLiteral("konten"), theme::Text), tr("Cetak Bukti Pendaftaran"), this);
    m_print->setObjectName(QStringLiteral("printProof"));
    actions->addWidget(m_print);
    actions->addStretch(1);
    m_reject = new QPushButton(icons::icon(QStringLiteral("close"), theme::Danger), tr("Tolak"), this);
    m_reject->setObjectName(QStringLiteral("reject"));
    theme::setVariant(m_reject, "danger");
    m_verify = new QPushButton(icons::icon(QStringLiteral("check"), theme::Text), tr("Verifikasi"), this);
    m_verify->setObjectName(QStringLiteral("verify"));
    m_accept = new QPushButton(icons::icon(QStringLiteral("check"), theme::OnAccent), tr("Terima"), this);
    m_accept->setObjectName(QStringLiteral("accept"));
    theme::setVariant(m_accept, "primary");
    auto *close = new QPushButton(tr("Tutup"), this);
    close->setObjectName(QStringLiteral("close"));
    for (QPushButton *b : {m_print, m_reject, m_verify, m_accept, close}) {
        b->setAutoDefault(false);
        b->setIconSize(QSize(16, 16));
    }
    for (QPushButton *b : {m_reject, m_verify, m_accept, close})
        actions->addWidget(b);
    root->addLayout(actions);

    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_verify, &QPushButton::clicked, this, [this] { changeStatus(QStringLiteral("verified")); });
    connect(m_accept, &QPushButton::clicked, this, [this] { changeStatus(QStringLiteral("accepted")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { changeStatus(QStringLiteral("rejected")); });
    // Print (system dialog with a preview) on A4 or F4/folio, or save a PDF. Space on the button
    // opens the menu; the entries carry mnemonics (A, F, P) because Qt's menus pick an entry
    // by a typed letter only through its mnemonic.
    auto *printMenu = new QMenu(m_print);
    QAction *a4 = printMenu->addAction(tr("Cetak di kertas &A4…"));
    a4->setShortcut(QKeySequence::Print);
    connect(a4, &QAction::triggered, this, [this] { printPreview(QPageSize(QPageSize::A4)); });
    connect(printMenu->addAction(tr("Cetak di kertas &F4 / Folio…")), &QAction::triggered, this,
            [this] { printPreview(ProofOfRegistration::folio()); });
    connect(printMenu->addAction(tr("Simpan sebagai &PDF…")), &QAction::triggered, this, &PpdbDetailDialog::printProofAsk);
    m_print->setMenu(printMenu);
    addAction(a4); // Ctrl+P works while the dialog has focus
    connect(m_documents, &QListWidget::currentRowChanged, this, &PpdbDetailDialog::showDocument);
    connect(m_openDoc, &QPushButton::clicked, this, [this] {
        const int i = m_documents->currentRow();
        if (i < 0 || i >= m_detail.documents.size())
            return;
        auto file = m_core.ppdb().documentFile(m_detail.registration.id, m_detail.documents.at(i).id);
        if (!file.ok()) {
            m_banner->showError(file.error());
            return;
        }
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(file->first)))
            m_banner->showError(tr("Dokumen tidak dapat dibuka. Berkas tersimpan di %1.").arg(QDir::toNativeSeparators(file->first)));
    });
    load(idOrNumber);
}

void PpdbDetailDialog::load(const QString &idOrNumber)
{
    auto d = m_core.ppdb().detail(idOrNumber);
    if (!d.ok()) {
        m_banner->showError(d.error());
        for (QPushButton *b : {m_verify, m_accept, m_reject, m_print})
            b->setEnabled(false);
        return;
    }
    m_detail = d.value();
    fill();
}

void PpdbDetailDialog::fill()
{
    const Registration &r = m_detail.registration;
    const QLocale id(QLocale::Indonesian, QLocale::Indonesia);
    const QTimeZone zone = SchoolTime::of(m_core).zone();
    m_title->setText(r.fullName);
    m_number->setText(tr("%1 · NISN %2").arg(r.number, r.nisn));
    m_status->setText(ppdbStatusText(r.status));
    m_status->setStyleSheet(statusStyle(r.status));
    m_note->setText(tr("Catatan: %1").arg(r.note));
    m_note->setVisible(!r.note.isEmpty());
    const QJsonObject j = r.toJson();
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        const QString key = it.key();
        QString v = j.value(key).toVariant().toString();
        if (key == QLatin1String("birthDate"))
            v = id.toString(r.birthDate, QStringLiteral("d MMMM yyyy"));
        else if (key == QLatin1String("gender"))
            v = r.gender == QLatin1String("P") ? tr("Perempuan") : tr("Laki-laki");
        else if (key == QLatin1String("source"))
            v = r.source == QLatin1String("walkin") ? tr("Langsung di sekolah") : tr("Daring");
        else if (key == QLatin1String("submittedAt") || key == QLatin1String("updatedAt"))
            v = SchoolTime(zone).format(v);
        else if (key == QLatin1String("retries"))
            v = r.retries == 0 ? tr("Belum pernah") : tr("%n kali", nullptr, r.retries);
        it.value()->setText(v.isEmpty() ? QStringLiteral("—") : v);
    }

    m_documents->clear();
    for (const RegistrationDocument &doc : m_detail.documents) {
        const QString text = tr("%1 — %2 (%3 KB)%4")
                                 .arg(documentTypeText(doc.type), doc.originalName)
                                 .arg(qMax<qint64>(1, doc.size / 1024))
                                 .arg(doc.current ? QString() : tr(" · versi lama"));
        auto *item = new QListWidgetItem(icons::icon(doc.mimeType == QLatin1String("application/pdf") ? QStringLiteral("konten") : QStringLiteral("eye"),
                                                     doc.current ? theme::Text : theme::TextMuted),
                                         text, m_documents);
        if (!doc.current)
            item->setForeground(theme::TextMuted);
    }
    if (m_detail.documents.isEmpty()) {
        m_documents->hide();
        m_preview->setText(tr("Belum ada dokumen yang diunggah.\nCalon siswa mengunggah pas foto, ijazah, KK dan akta melalui formulir daring."));
        m_openDoc->hide();
    } else {
        m_documents->show();
        m_openDoc->show();
        int first = 0; // a photo previews best, so it opens first
        for (int i = 0; i < m_detail.documents.size(); ++i)
            if (m_detail.documents.at(i).current && m_detail.documents.at(i).mimeType.startsWith(QLatin1String("image/"))) {
                first = i;
                break;
            }
        m_documents->setCurrentRow(first);
    }
    showDocument();

    const QString s = r.status;
    m_verify->setEnabled(s == QLatin1String("pending"));
    m_accept->setEnabled(s == QLatin1String("verified"));
    m_reject->setEnabled(s == QLatin1String("pending") || s == QLatin1String("verified"));
    m_print->setEnabled(true);
}

void PpdbDetailDialog::showDocument()
{
    const int i = m_documents->currentRow();
    if (i < 0 || i >= m_detail.documents.size()) {
        m_openDoc->setEnabled(false);
        return;
    }
    const RegistrationDocument &doc = m_detail.documents.at(i);
    m_openDoc->setEnabled(true);
    if (doc.mimeType == QLatin1String("application/pdf")) {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(tr("%1 berupa PDF.\nTekan \"Buka dokumen\" untuk melihatnya.").arg(documentTypeText(doc.type)));
        return;
    }
    auto file = m_core.ppdb().documentFile(m_detail.registration.id, doc.id);
    QImageReader reader(file.ok() ? file->first : QString());
    reader.setAutoTransform(true);
    const QImage img = reader.read();
    if (img.isNull()) {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(tr("Pratinjau tidak tersedia."));
        return;
    }
    const QSize box = m_preview->contentsRect().size().expandedTo(QSize(220, 200)) - QSize(16, 16);
    m_preview->setPixmap(QPixmap::fromImage(img.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void PpdbDetailDialog::changeStatus(const QString &status)
{
    PpdbStatusDialog dialog(m_core, m_actor, m_detail.registration, status, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_changed = true;
    const Registration saved = dialog.saved();
    load(saved.id);
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Status %1 sekarang %2.").arg(saved.number, ppdbStatusText(saved.status)));
    emit statusChanged(saved);
}

bool PpdbDetailDialog::printProof(const QString &path)
{
    const Registration &r = m_detail.registration;
    QString year;
    if (auto y = m_core.tahunAjaran().get(r.tahunAjaranId); y.ok())
        year = y->nama;
    const Status s = ProofOfRegistration::writePdf(r, m_core.settings().value(QStringLiteral("school_name")), year, path,
                                                   SchoolTime::of(m_core).zone());
    if (!s.ok()) {
        m_banner->showError(s.error());
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Bukti pendaftaran disimpan di %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

QPrintPreviewDialog *PpdbDetailDialog::makePrintPreview(QPrinter *printer)
{
    const Registration r = m_detail.registration;
    QString year;
    if (auto y = m_core.tahunAjaran().get(r.tahunAjaranId); y.ok())
        year = y->nama;
    const QString school = m_core.settings().value(QStringLiteral("school_name"));
    const QTimeZone zone = SchoolTime::of(m_core).zone();
    return ui::makePrintPreview(printer, this, tr("Pratinjau cetak: bukti pendaftaran %1").arg(r.number), QStringLiteral("proofPreview"),
                                [r, school, year, zone](QPrinter *p) { ProofOfRegistration::print(p, r, school, year, zone); });
}

void PpdbDetailDialog::printPreview(const QPageSize &size)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(size);
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setDocName(tr("Bukti Pendaftaran %1").arg(m_detail.registration.number));
    QPrintPreviewDialog *preview = makePrintPreview(&printer);
    preview->exec();
    delete preview;
}

void PpdbDetailDialog::printProofAsk()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = dir + QStringLiteral("/Bukti-%1.pdf").arg(m_detail.registration.number);
    QString path = QFileDialog::getSaveFileName(this, tr("Simpan bukti pendaftaran"), suggested, tr("Dokumen PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    if (printProof(path))
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace tu::ui
