#include "SatuDataSchedulePanel.h"
#include "common/Async.h"
#include "common/FormErrors.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "common/SchoolTime.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <optional>

namespace tu::ui {

// What reload() reads on a worker thread.
struct ScheduleState {
    std::optional<SyncSchedule> schedule;
    QDateTime next;
    QString error;
};

namespace {

QStringList weekdayNames()
{
    return {SatuDataSchedulePanel::tr("Senin"), SatuDataSchedulePanel::tr("Selasa"), SatuDataSchedulePanel::tr("Rabu"),
            SatuDataSchedulePanel::tr("Kamis"), SatuDataSchedulePanel::tr("Jumat"), SatuDataSchedulePanel::tr("Sabtu"),
            SatuDataSchedulePanel::tr("Minggu")};
}

} // namespace

SatuDataSchedulePanel::SatuDataSchedulePanel(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor)
{
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 12, 0, 0);
    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    auto *box = new QGroupBox(tr("Sinkronisasi otomatis"), this);
    box->setObjectName(QStringLiteral("scheduleBox"));
    box->setMinimumWidth(440);
    box->setMaximumWidth(620);
    auto *bl = new QVBoxLayout(box);
    bl->setContentsMargins(0, 0, 0, 0); // the group box's padding is the margin
    bl->setSpacing(10);
    auto *intro = plainLabel(tr("TataUsaha mengirim semua berkas terverifikasi pada jadwal ini (waktu sekolah, %1), selama aplikasi "
                                "atau server berjalan. Berkas yang tidak berubah tidak dikirim ulang.")
                                 .arg(QString::fromUtf8(SchoolTime::of(m_core).zone().id())),
                             box);
    intro->setObjectName(QStringLiteral("hint"));
    intro->setWordWrap(true);
    bl->addWidget(intro);
    m_banner = new MessageBanner(box);
    bl->addWidget(m_banner);
    m_errors = new FormErrors(m_banner);
    bl->addWidget(buildForm(box));

    m_nextRun = plainLabel(box);
    m_nextRun->setObjectName(QStringLiteral("nextRun"));
    m_nextRun->setWordWrap(true);
    bl->addWidget(m_nextRun);
    m_describe = plainLabel(box);
    m_describe->setObjectName(QStringLiteral("scheduleDescribe"));
    m_describe->setWordWrap(true);
    bl->addWidget(m_describe);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_save = new QPushButton(tr("Simpan jadwal"), box);
    m_save->setObjectName(QStringLiteral("saveSchedule"));
    m_save->setAutoDefault(false);
    theme::setVariant(m_save, "primary");
    buttons->addWidget(m_save);
    bl->addLayout(buttons);
    row->addWidget(box, 0, Qt::AlignTop);
    row->addWidget(buildHelp(), 0, Qt::AlignTop);
    row->addStretch(1);
    v->addLayout(row);
    v->addStretch(1);

    connect(m_frequency, &QComboBox::currentIndexChanged, this, &SatuDataSchedulePanel::updateForm);
    // Edits by the user keep the form from being refilled by later reloads until saved.
    auto edited = [this] { if (!m_filling) m_dirty = true; };
    connect(m_frequency, &QComboBox::currentIndexChanged, this, edited);
    connect(m_weekday, &QComboBox::currentIndexChanged, this, edited);
    connect(m_time, &QTimeEdit::timeChanged, this, edited);
    connect(m_splp, &QCheckBox::toggled, this, edited);
    connect(m_sipd, &QCheckBox::toggled, this, edited);
    connect(m_save, &QPushButton::clicked, this, &SatuDataSchedulePanel::save);
    updateForm();
}

SatuDataSchedulePanel::~SatuDataSchedulePanel()
{
    delete m_errors;
}

QWidget *SatuDataSchedulePanel::buildForm(QWidget *box)
{
    auto *formWidget = new QWidget(box);
    auto *form = new QFormLayout(formWidget);
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_frequency = new QComboBox(formWidget);
    m_frequency->setObjectName(QStringLiteral("frequency"));
    m_frequency->addItem(tr("Tidak terjadwal"), QStringLiteral("off"));
    m_frequency->addItem(tr("Setiap hari"), QStringLiteral("daily"));
    m_frequency->addItem(tr("Setiap minggu"), QStringLiteral("weekly"));
    m_weekday = new QComboBox(formWidget);
    m_weekday->setObjectName(QStringLiteral("weekday"));
    const QStringList days = weekdayNames();
    for (int d = 0; d < days.size(); ++d)
        m_weekday->addItem(days[d], d + 1);
    m_time = new QTimeEdit(QTime(7, 0), formWidget);
    m_time->setObjectName(QStringLiteral("time"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    m_time->setMinimumWidth(110);
    m_time->setButtonSymbols(QAbstractSpinBox::NoButtons); // arrow keys change it; the styled box clips Fusion's arrows
    auto *targets = new QWidget(formWidget);
    auto *tl = new QHBoxLayout(targets);
    tl->setContentsMargins(0, 4, 0, 4);
    tl->setSpacing(18);
    m_splp = new QCheckBox(QStringLiteral("SPLP"), targets);
    m_splp->setObjectName(QStringLiteral("scheduleSplp"));
    m_splp->setToolTip(satudata::targetLabel(satudata::Splp));
    m_sipd = new QCheckBox(QStringLiteral("SIPD"), targets);
    m_sipd->setObjectName(QStringLiteral("scheduleSipd"));
    m_sipd->setToolTip(satudata::targetLabel(satudata::Sipd));
    tl->addWidget(m_splp);
    tl->addWidget(m_sipd);
    tl->addStretch(1);
    form->addRow(formLabel(tr("&Frekuensi"), m_frequency), m_errors->withError(QStringLiteral("frequency"), m_frequency));
    form->addRow(formLabel(tr("&Hari"), m_weekday), m_errors->withError(QStringLiteral("weekday"), m_weekday));
    form->addRow(formLabel(tr("&Pukul"), m_time), m_errors->withError(QStringLiteral("time"), m_time));
    form->addRow(formLabel(tr("Tujuan")), m_errors->withError(QStringLiteral("targets"), targets));
    return formWidget;
}

QWidget *SatuDataSchedulePanel::buildHelp()
{
    auto *help = new QGroupBox(tr("Jika pengiriman gagal"), this);
    help->setMaximumWidth(460);
    auto *hl = new QVBoxLayout(help);
    hl->setContentsMargins(0, 0, 0, 0);
    auto *text = plainLabel(tr("Kegagalan sementara (jaringan, batas permintaan, server portal) masuk antrean coba ulang dan "
                               "dicoba lagi otomatis setelah 1 menit, 5 menit, 15 menit, 1 jam, lalu 6 jam. Kegagalan "
                               "autentikasi dan validasi perlu diperbaiki dulu: periksa kunci API di Pengaturan atau isi berkasnya, "
                               "lalu jalankan Sync lagi. Semua percobaan tercatat di tab Log sinkronisasi."),
                            help);
    text->setWordWrap(true);
    text->setProperty("look", QStringLiteral("scheduleText"));
    hl->addWidget(text);
    return help;
}

void SatuDataSchedulePanel::updateForm()
{
    const QString f = m_frequency->currentData().toString();
    m_weekday->setEnabled(f == QLatin1String("weekly"));
    m_time->setEnabled(f != QLatin1String("off"));
    m_splp->setEnabled(f != QLatin1String("off"));
    m_sipd->setEnabled(f != QLatin1String("off"));
}

void SatuDataSchedulePanel::reload()
{
    if (m_loading)
        return;
    ++m_loading;
    Core *core = &m_core;
    runAsync(this, [core] {
        ScheduleState s;
        auto r = core->satuDataSync().schedule();
        if (r.ok())
            s.schedule = r.value();
        else
            s.error = r.error().text();
        s.next = core->satuDataSync().nextScheduledRun();
        return s;
    }, [this](const ScheduleState &s) {
        --m_loading;
        showSchedule(s);
    });
}

void SatuDataSchedulePanel::showSchedule(const ScheduleState &s)
{
    if (!s.error.isEmpty()) {
        m_banner->showError(s.error);
        return;
    }
    const SyncSchedule &sc = *s.schedule;
    if (!m_dirty) { // the form keeps what the user is changing
        m_filling = true;
        m_frequency->setCurrentIndex(qMax(0, m_frequency->findData(sc.frequency)));
        m_weekday->setCurrentIndex(qMax(0, m_weekday->findData(sc.weekday)));
        m_time->setTime(QTime::fromString(sc.time, QStringLiteral("HH:mm")));
        m_splp->setChecked(sc.targets.contains(satudata::Splp));
        m_sipd->setChecked(sc.targets.contains(satudata::Sipd));
        m_filling = false;
        updateForm();
    }
    const SchoolTime school = SchoolTime::of(m_core);
    if (s.next.isValid())
        m_nextRun->setText(tr("Berikutnya: %1").arg(school.format(s.next, SchoolTime::Spoken)));
    else
        m_nextRun->setText(tr("Tidak ada sinkronisasi terjadwal."));
    QString describe = sc.describe();
    if (!sc.updatedAt.isEmpty())
        describe += QStringLiteral(" · ") + tr("diubah %1 oleh %2").arg(school.format(sc.updatedAt, SchoolTime::Short),
                                                                       sc.updatedBy.isEmpty() ? tr("sistem") : sc.updatedBy);
    m_describe->setText(describe);
}

void SatuDataSchedulePanel::save()
{
    m_errors->clear();
    QJsonArray targets;
    if (m_splp->isChecked())
        targets.append(satudata::Splp);
    if (m_sipd->isChecked())
        targets.append(satudata::Sipd);
    const QJsonObject in{{"frequency", m_frequency->currentData().toString()},
                         {"weekday", m_weekday->currentData().toInt()},
                         {"time", m_time->time().toString(QStringLiteral("HH:mm"))},
                         {"targets", targets}};
    auto r = m_core.satuDataSync().setSchedule(m_actor, in);
    if (!r.ok()) {
        m_errors->show(r.error());
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Jadwal disimpan: %1.").arg(r->describe()));
    m_dirty = false; // show what was stored
    emit saved();
}

} // namespace tu::ui
