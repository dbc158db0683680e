#include "PpdbWalkInDialog.h"
#include "common/Confirm.h"
#include "common/MessageBanner.h"
#include "common/ScreenFit.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
const QDate NoDate(1900, 1, 1);

// While the date shows "— pilih —" a typed digit would be appended to that text and lost, and
// the arrow keys would count from 1900. The first digit or arrow key therefore starts from 1
// January of the year a typical new pupil was born, with the day selected, so "15032014"
// typed from the keyboard gives 15-03-2014 and Up/Down step from a plausible date.
class StartTypedDate : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *edit = qobject_cast<QDateEdit *>(watched);
        if (!edit || event->type() != QEvent::KeyPress || edit->date() != NoDate)
            return false;
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool digit = key->text().size() == 1 && key->text().at(0).isDigit();
        if (!digit && key->key() != Qt::Key_Up && key->key() != Qt::Key_Down)
            return false;
        edit->setDate(QDate(QDate::currentDate().year() - 12, 1, 1));
        edit->setCurrentSection(QDateTimeEdit::DaySection);
        edit->setSelectedSection(QDateTimeEdit::DaySection);
        return key->key() == Qt::Key_Up || key->key() == Qt::Key_Down; // the arrow has done its job
    }
};
} // namespace

PpdbWalkInDialog::PpdbWalkInDialog(Core &core, const Actor &actor, QWidget *parent)
    : QDialog(parent), m_core(core), m_actor(actor), m_banner(new MessageBanner(this, false)), m_errors(m_banner)
{
    setObjectName(QStringLiteral("ppdbWalkInDialog"));
    setWindowTitle(tr("Pendaftaran langsung"));
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(24, 20, 24, 18);
    root->setSpacing(10);
    auto *title = plainLabel(tr("Pendaftaran langsung di sekolah"), this);
    title->setObjectName(QStringLiteral("sectionTitle"));
    root->addWidget(title);
    auto *hint = plainLabel(tr("Untuk calon siswa yang datang ke kantor tata usaha. Isi sesuai dokumen asli; nomor "
                               "pendaftaran dibuat otomatis setelah disimpan."), this);
    hint->setObjectName(QStringLiteral("hint"));
    hint->setWordWrap(true);
    root->addWidget(hint);
    root->addWidget(m_banner);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop: the form opens with the focus in its first input (NISN), not on an unnamed
    // scroll area, and the area still scrolls to whichever input Tab reaches.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("content"));
    auto *columns = new QGridLayout(content);
    columns->setContentsMargins(0, 0, 8, 0);
    columns->setHorizontalSpacing(24);
    columns->setVerticalSpacing(6);

    auto newForm = [] {
        auto *f = new QFormLayout;
        f->setHorizontalSpacing(12);
        f->setVerticalSpacing(8);
        f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        f->setLabelAlignment(Qt::AlignLeft);
        return f;
    };
    auto sectionLabel = [content](const QString &text) {
        auto *l = plainLabel(text, content);
        l->setObjectName(QStringLiteral("sectionTitle"));
        return l;
    };
    auto line = [this, content](const QString &field, const QString &placeholder = QString(), int max = 0) {
        auto *e = new QLineEdit(content);
        e->setObjectName(field);
        e->setPlaceholderText(placeholder);
        if (max > 0)
            e->setMaxLength(max);
        m_lines.insert(field, e);
        return e;
    };
    auto row = [this](QFormLayout *form, const QString &label, const QString &field, QWidget *input) {
        form->addRow(formLabel(label, input), m_errors.withError(field, input));
    };

    // Left column: the applicant and the address; right column: parents and contact. One form
    // per column so the inputs of both sections line up.
    QFormLayout *left = newForm();
    QFormLayout *right = newForm();
    auto section = [&](QFormLayout *form, const QString &text, bool first) {
        QLabel *label = sectionLabel(text);
        label->setContentsMargins(0, first ? 0 : 14, 0, 2);
        form->addRow(label);
    };
    section(left, tr("Data calon siswa"), true);
    row(left, tr("NISN"), QStringLiteral("nisn"), line(QStringLiteral("nisn"), tr("10 angka"), 10));
    row(left, tr("Nama lengkap"), QStringLiteral("fullName"), line(QStringLiteral("fullName"), tr("sesuai akta kelahiran")));
    row(left, tr("Tempat lahir"), QStringLiteral("birthPlace"), line(QStringLiteral("birthPlace")));
    m_birthDate = new QDateEdit(content);
    m_birthDate->setObjectName(QStringLiteral("birthDate"));
    m_birthDate->setCalendarPopup(true);
    m_birthDate->setDisplayFormat(QStringLiteral("dd-MM-yyyy"));
    m_birthDate->setLocale(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    // Starts empty: the lowest date stands for "not chosen" and shows as "— pilih —", so a
    // clerk who skips the field gets the service's "required" message instead of a made-up date.
    m_birthDate->setMinimumDate(NoDate);
    m_birthDate->setSpecialValueText(tr("— pilih —"));
    m_birthDate->setDate(NoDate);
    m_birthDate->installEventFilter(new StartTypedDate(m_birthDate));
    row(left, tr("Tanggal lahir"), QStringLiteral("birthDate"), m_birthDate);
    m_gender = new QComboBox(content);
    m_gender->setObjectName(QStringLiteral("gender"));
    m_gender->addItem(tr("— pilih —"), QString());
    m_gender->addItem(tr("Laki-laki"), QStringLiteral("L"));
    m_gender->addItem(tr("Perempuan"), QStringLiteral("P"));
    row(left, tr("Jenis kelamin"), QStringLiteral("gender"), m_gender);
    m_religion = new QComboBox(content);
    m_religion->setObjectName(QStringLiteral("religion"));
    m_religion->addItem(tr("— pilih —"), QString());
    for (const QString &r : PpdbService::religions())
        m_religion->addItem(r, r);
    row(left, tr("Agama"), QStringLiteral("religion"), m_religion);
    row(left, tr("Sekolah asal"), QStringLiteral("previousSchool"), line(QStringLiteral("previousSchool"), tr("mis. SD Negeri 1 Depok")));

    section(left, tr("Alamat"), false);
    row(left, tr("Alamat"), QStringLiteral("address"), line(QStringLiteral("address"), tr("jalan, RT/RW, dusun/desa")));
    row(left, tr("Kecamatan"), QStringLiteral("district"), line(QStringLiteral("district")));
    row(left, tr("Kabupaten/kota"), QStringLiteral("city"), line(QStringLiteral("city")));
    row(left, tr("Provinsi"), QStringLiteral("province"), line(QStringLiteral("province")));
    row(left, tr("Kode pos"), QStringLiteral("postalCode"), line(QStringLiteral("postalCode"), tr("5 angka"), 5));

    section(right, tr("Orang tua"), true);
    row(right, tr("Nama ayah"), QStringLiteral("fatherName"), line(QStringLiteral("fatherName")));
    row(right, tr("HP ayah"), QStringLiteral("fatherPhone"), line(QStringLiteral("fatherPhone"), tr("081234567890")));
    row(right, tr("Nama ibu"), QStringLiteral("motherName"), line(QStringLiteral("motherName")));
    row(right, tr("HP ibu"), QStringLiteral("motherPhone"), line(QStringLiteral("motherPhone"), tr("081234567890")));
    section(right, tr("Kontak"), false);
    row(right, tr("Nomor HP"), QStringLiteral("phone"), line(QStringLiteral("phone"), tr("nomor yang aktif untuk dihubungi")));
    row(right, tr("Email"), QStringLiteral("email"), line(QStringLiteral("email"), tr("nama@contoh.id")));

    columns->addLayout(left, 0, 0, Qt::AlignTop);
    columns->addLayout(right, 0, 1, Qt::AlignTop);
    columns->setRowStretch(1, 1);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);
    scroll->setWidget(content);
    root->addWidget(scroll, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Simpan pendaftaran"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    theme::setVariant(m_save, "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PpdbWalkInDialog::save);
    root->addWidget(buttons);
    m_save->setDefault(true);

    m_initial = input();
    // Every change is kept as a draft on disk (after a short pause), so a crash or a power cut
    // loses nothing; the draft goes once the registration is saved or deliberately discarded.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(800);
    connect(&m_draftTimer, &QTimer::timeout, this, &PpdbWalkInDialog::writeDraft);
    for (QLineEdit *e : std::as_const(m_lines))
        connect(e, &QLineEdit::textEdited, &m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_gender, &QComboBox::activated, &m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_religion, &QComboBox::activated, &m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_birthDate, &QDateEdit::dateChanged, &m_draftTimer, qOverload<>(&QTimer::start));
    fitToScreen(this, QSize(960, 760));
}

QString PpdbWalkInDialog::draftPath(const Core &core)
{
    return core.dataDir() + QStringLiteral("/drafts/walkin.json");
}

std::optional<QJsonObject> PpdbWalkInDialog::pendingDraft(const Core &core)
{
    QFile f(draftPath(core));
    if (f.size() > 64 * 1024 || !f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

void PpdbWalkInDialog::discardDraft(const Core &core)
{
    QFile::remove(draftPath(core));
}

void PpdbWalkInDialog::loadDraft(const QJsonObject &draft)
{
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it)
        it.value()->setText(draft.value(it.key()).toString().left(it.value()->maxLength()));
    const int g = m_gender->findData(draft.value(QLatin1String("gender")).toString());
    m_gender->setCurrentIndex(g < 0 ? 0 : g);
    const int r = m_religion->findData(draft.value(QLatin1String("religion")).toString());
    m_religion->setCurrentIndex(r < 0 ? 0 : r);
    const QDate birth = QDate::fromString(draft.value(QLatin1String("birthDate")).toString(), Qt::ISODate);
    m_birthDate->setDate(birth.isValid() ? birth : NoDate);
    m_initial = QJsonObject(); // a restored draft counts as unsaved work
}

bool PpdbWalkInDialog::hasUnsavedChanges() const
{
    return input() != m_initial;
}

void PpdbWalkInDialog::writeDraft()
{
    if (!hasUnsavedChanges())
        return;
    QDir().mkpath(QFileInfo(draftPath(m_core)).path());
    QSaveFile f(draftPath(m_core));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(input()).toJson(QJsonDocument::Compact));
        f.commit();
    }
}

void PpdbWalkInDialog::reject()
{
    if (hasUnsavedChanges()) {
        switch (askUnsaved(this, tr("formulir pendaftaran"))) {
        case UnsavedChoice::Save:
            save();
            return; // accepted, or still open with the messages under the fields
        case UnsavedChoice::Cancel:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    m_draftTimer.stop();
    discardDraft(m_core);
    QDialog::reject();
}

QJsonObject PpdbWalkInDialog::input() const
{
    QJsonObject in;
    for (auto it = m_lines.begin(); it != m_lines.end(); ++it)
        in.insert(it.key(), it.value()->text());
    in.insert(QStringLiteral("gender"), m_gender->currentData().toString());
    in.insert(QStringLiteral("religion"), m_religion->currentData().toString());
    in.insert(QStringLiteral("birthDate"), m_birthDate->date() == NoDate ? QString() : m_birthDate->date().toString(Qt::ISODate));
    return in;
}

void PpdbWalkInDialog::save()
{
    m_errors.clear();
    auto r = m_core.ppdb().submit(m_actor, input(), QStringLiteral("walkin"));
    if (!r.ok()) {
        m_errors.show(r.error());
        return;
    }
    m_saved = r.value();
    m_draftTimer.stop();
    discardDraft(m_core);
    accept();
}

} // namespace tu::ui
