#include "DashboardPage.h"
#include "common/ReloadWhenShown.h"
#include "common/Async.h"
#include "common/MessageBanner.h"
#include "common/PageHeader.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "ppdb/PpdbTableModel.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>

namespace tu::ui {

namespace {

const QColor Palette[] = {theme::Primary, theme::Info, theme::SuccessBright, theme::WarningBright,
                          theme::ChartViolet, theme::ChartRed, theme::ChartTeal, theme::TextMuted};

QChart *plainChart()
{
    auto *c = new QChart;
    c->setBackgroundVisible(false);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setFont([] { QFont f; f.setPixelSize(12); return f; }());
    c->legend()->setLabelColor(theme::Text);
    return c;
}

QFont pixelFont(int px, bool bold = false)
{
    QFont f;
    f.setPixelSize(px);
    f.setBold(bold);
    return f;
}

// Replaces the chart shown by `view` (the old one is deleted with it).
void setChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

// Horizontal bars: category names stay whole on the left whatever their length; the first
// category on top.
QChart *barChart(QStringList categories, QList<qreal> values, const QString &setName, const QColor &color)
{
    std::reverse(categories.begin(), categories.end());
    std::reverse(values.begin(), values.end());
    for (QString &name : categories) // kecamatan names come from Dapodik
        name = chartText(name);
    QChart *chart = plainChart();
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(setName);
    set->setColor(color);
    set->setBorderColor(color);
    for (qreal v : values)
        *set << v;
    series->append(set);
    series->setBarWidth(0.65);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    set->setLabelColor(theme::Text);
    set->setLabelFont(pixelFont(11));
    chart->addSeries(series);

    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setLabelsFont(pixelFont(11));
    y->setTruncateLabels(false);
    y->setLabelsColor(theme::Text);
    y->setGridLineVisible(false);
    y->setLinePenColor(theme::BorderStrong);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    auto *x = new QValueAxis;
    qreal max = 0;
    for (qreal v : values)
        max = qMax(max, v);
    x->setRange(0, qMax<qreal>(4, max * 1.12)); // room for the value labels after the bars
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTickCount(5);
    x->applyNiceNumbers();
    x->setLabelsFont(pixelFont(10));
    x->setTruncateLabels(false);
    x->setLabelsColor(theme::TextFaint);
    x->setGridLineColor(theme::Canvas);
    x->setLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    return chart;
}

QChart *donutChart(const QJsonArray &rows, Qt::Alignment legend, const QHash<QString, QColor> &colors = {})
{
    QChart *chart = plainChart();
    auto *series = new QPieSeries;
    series->setHoleSize(0.55);
    series->setPieSize(0.9);
    qint64 total = 0;
    for (const QJsonValue &v : rows)
        total += v.toObject().value(QLatin1String("jumlah")).toInteger();
    int i = 0;
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        const qint64 n = o.value(QLatin1String("jumlah")).toInteger();
        const QString label = o.value(QLatin1String("label")).toString();
        // Even a hidden legend lays its entries out as HTML: the label from Dapodik is escaped.
        QPieSlice *slice = series->append(chartText(QStringLiteral("%1  %2").arg(label, QLocale().toString(n))), qreal(n));
        slice->setProperty("name", label);
        const QColor c = colors.value(o.value(QLatin1String("kunci")).toString(), Palette[i % 8]);
        slice->setColor(c);
        slice->setBorderColor(Qt::white);
        slice->setBorderWidth(2);
        slice->setProperty("kunci", o.value(QLatin1String("kunci")).toString());
        ++i;
    }
    chart->addSeries(series);
    Q_UNUSED(legend)
    chart->legend()->setVisible(false); // DashboardPage draws its own, labels never cut

    return chart;
}

} // namespace

DashboardPage::DashboardPage(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor)
{
    setObjectName(QStringLiteral("dashboardPage"));
    auto *page = new QVBoxLayout(this);
    page->setContentsMargins(28, 24, 28, 20);
    page->setSpacing(14);

    auto *header = new PageHeader(tr("Dasbor"), tr("Ringkasan data Dapodik kabupaten dan pendaftar PPDB. Diperbarui setiap kali sinkronisasi selesai."), this);
    auto *refresh = actionButton(tr("Muat ulang"), QStringLiteral("refresh"), this);
    refresh->setObjectName(QStringLiteral("reloadDashboard"));
    refresh->setToolTip(tr("Muat ulang angka dan grafik (F5)"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QPushButton::clicked, this, &DashboardPage::reload);
    header->addAction(refresh);
    page->addWidget(header);
    m_banner = new MessageBanner(this);
    page->addWidget(m_banner);
    m_empty = plainLabel(tr("Belum ada data Dapodik. Jalankan sinkronisasi global di halaman Sinkronisasi untuk mengisi dasbor."), this);
    m_empty->setObjectName(QStringLiteral("hint"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    page->addWidget(m_empty);

    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(16);
    const std::pair<const char *, QString> keys[] = {{"kecamatan", tr("Kecamatan")}, {"sekolah", tr("Sekolah")},
                                                     {"ptk", tr("PTK")}, {"ppdb", tr("Pendaftar PPDB")}};
    for (const auto &[key, title] : keys) {
        auto *card = new QFrame(this);
        card->setObjectName(QStringLiteral("statCard"));
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(16, 10, 16, 10);
        v->setSpacing(2);
        auto *t = plainLabel(title.toUpper(), card);
        t->setObjectName(QStringLiteral("statLabel"));
        auto *value = plainLabel(QStringLiteral("—"), card);
        value->setObjectName(QStringLiteral("statValue"));
        auto *note = plainLabel(card);
        note->setObjectName(QStringLiteral("statNote"));
        v->addWidget(t);
        v->addWidget(value);
        v->addWidget(note);
        m_totals.insert(QLatin1String(key), value);
        m_totalNotes.insert(QLatin1String(key), note);
        tiles->addWidget(card, 1);
    }
    page->addLayout(tiles);

    auto *grid = new QGridLayout;
    grid->setSpacing(16);
    grid->addWidget(chartCard(PtkPerKecamatan, tr("PTK per kecamatan"), tr("PTK aktif di sekolah tiap kecamatan")), 0, 0, 2, 1);
    grid->addWidget(chartCard(StatusKepegawaian, tr("Status kepegawaian"), tr("PTK aktif")), 0, 1, 1, 2);
    grid->addWidget(chartCard(JenisKelamin, tr("Jenis kelamin"), tr("PTK aktif")), 1, 1);
    grid->addWidget(chartCard(PpdbStatus, tr("Pendaftar PPDB per status"), tr("Tahun ajaran aktif")), 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    page->addLayout(grid, 1);

    new ReloadWhenShown(this, &m_core.dapodik().jobs(), &JobRunner::finished, [this] { reload(); });
    reload();
}

QWidget *DashboardPage::chartCard(Chart which, const QString &title, const QString &note)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto *v = new QVBoxLayout(card);
    v->setContentsMargins(16, 12, 16, 8);
    v->setSpacing(0);
    auto *t = plainLabel(title, card);
    t->setObjectName(QStringLiteral("chartTitle"));
    auto *n = plainLabel(note, card);
    n->setObjectName(QStringLiteral("chartNote"));
    v->addWidget(t);
    v->addWidget(n);
    auto *view = new QChartView(plainChart(), card);
    view->setObjectName(QStringLiteral("chart%1").arg(int(which)));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(150);
    view->setFocusPolicy(Qt::NoFocus);
    if (which == StatusKepegawaian || which == JenisKelamin) {
        auto *legend = new QWidget(card);
        auto *lv = new QVBoxLayout(legend);
        lv->setContentsMargins(0, 0, 0, 0);
        lv->setSpacing(4);
        m_legends.insert(which, legend);
        auto *box = which == StatusKepegawaian ? static_cast<QBoxLayout *>(new QHBoxLayout) : new QVBoxLayout;
        box->setSpacing(8);
        box->addWidget(view, 1);
        box->addWidget(legend, 0, which == StatusKepegawaian ? Qt::AlignVCenter : Qt::AlignHCenter);
        v->addLayout(box, 1);
    } else {
        v->addWidget(view, 1);
    }
    m_views.insert(which, view);
    return card;
}

void DashboardPage::fillLegend(Chart which)
{
    QWidget *legend = m_legends.value(which);
    QChart *c = chart(which);
    if (!legend || !c)
        return;
    for (QLabel *old : legend->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly))
        delete old;
    auto *series = c->series().isEmpty() ? nullptr : qobject_cast<QPieSeries *>(c->series().first());
    if (!series)
        return;
    const QLocale l;
    const qreal sum = series->sum();
    for (QPieSlice *slice : series->slices()) {
        const QString name = slice->property("name").toString();
        auto *row = richLabel(legend); // the slice's name escaped below
        row->setText(QStringLiteral("<span style=\"color:%1; font-size:15px\">●</span>&nbsp; %2 &nbsp;<b>%3</b> "
                                    "<span style=\"color:%5\">%4</span>")
                         .arg(slice->color().name(), name.toHtmlEscaped(), l.toString(qint64(slice->value())),
                              sum > 0 ? l.toString(100.0 * slice->value() / sum, 'f', 0) + QLatin1Char('%') : QString(),
                              theme::TextFaint.name()));
        row->setProperty("look", QStringLiteral("legendRow"));
        legend->layout()->addWidget(row);
    }
}

QChart *DashboardPage::chart(Chart which) const
{
    QChartView *v = m_views.value(which);
    return v ? v->chart() : nullptr;
}

void DashboardPage::reload()
{
    ++m_loading;
    Core *core = &m_core;
    struct Data {
        QJsonObject analytics;
        QHash<QString, qint64> ppdb;
        QString error;
    };
    runAsync(this, [core] {
        Data d;
        auto a = core->dapodik().analytics();
        if (a.ok())
            d.analytics = a.value();
        else
            d.error = a.error().text();
        RegistrationFilter f;
        f.limit = 1;
        auto p = core->ppdb().list(f);
        if (p.ok())
            d.ppdb = p->counts;
        else if (d.error.isEmpty())
            d.error = p.error().text();
        return d;
    }, [this](const Data &d) {
        --m_loading;
        if (!d.error.isEmpty())
            m_banner->showError(d.error);
        else
            m_banner->clear();
        display(d.analytics, d.ppdb);
        ++m_loads;
        emit reloaded();
    });
}

void DashboardPage::display(const QJsonObject &a, const QHash<QString, qint64> &ppdb)
{
    const QLocale l;
    const QJsonObject totals = a.value(QLatin1String("totals")).toObject();
    const qint64 ptk = totals.value(QLatin1String("ptk")).toInteger();
    m_totals.value(QStringLiteral("kecamatan"))->setText(l.toString(totals.value(QLatin1String("kecamatan")).toInteger()));
    m_totals.value(QStringLiteral("sekolah"))->setText(l.toString(totals.value(QLatin1String("sekolah")).toInteger()));
    m_totals.value(QStringLiteral("ptk"))->setText(l.toString(ptk));
    qint64 ppdbAll = 0;
    for (qint64 n : ppdb)
        ppdbAll += n;
    m_totals.value(QStringLiteral("ppdb"))->setText(l.toString(ppdbAll));
    m_totalNotes.value(QStringLiteral("kecamatan"))->setText(tr("aktif di Dapodik"));
    QStringList bentuk;
    for (const QJsonValue &v : a.value(QLatin1String("bentukPendidikan")).toArray())
        bentuk << QStringLiteral("%1 %2").arg(l.toString(v.toObject().value(QLatin1String("jumlah")).toInteger()), v.toObject().value(QLatin1String("label")).toString());
    m_totalNotes.value(QStringLiteral("sekolah"))->setText(bentuk.isEmpty() ? tr("aktif di Dapodik") : bentuk.mid(0, 3).join(QStringLiteral(" · ")));
    qint64 guru = 0;
    for (const QJsonValue &v : a.value(QLatin1String("jenisPtk")).toArray())
        if (v.toObject().value(QLatin1String("label")).toString().startsWith(QLatin1String("Guru")))
            guru += v.toObject().value(QLatin1String("jumlah")).toInteger();
    m_totalNotes.value(QStringLiteral("ptk"))->setText(ptk ? tr("%1 guru · %2 tenaga kependidikan").arg(l.toString(guru), l.toString(ptk - guru))
                                                          : tr("aktif di Dapodik"));
    m_totalNotes.value(QStringLiteral("ppdb"))->setText(tr("%1 diterima · %2 menunggu").arg(l.toString(ppdb.value(QStringLiteral("accepted"))),
                                                                                           l.toString(ppdb.value(QStringLiteral("pending")))));
    m_empty->setVisible(ptk == 0 && totals.value(QLatin1String("sekolah")).toInteger() == 0);

    // PTK per kecamatan
    QStringList names;
    QList<qreal> values;
    for (const QJsonValue &v : a.value(QLatin1String("ptkPerKecamatan")).toArray()) {
        names << v.toObject().value(QLatin1String("label")).toString();
        values << qreal(v.toObject().value(QLatin1String("jumlah")).toInteger());
    }
    setChart(m_views.value(PtkPerKecamatan), barChart(names, values, tr("PTK"), theme::Primary));

    setChart(m_views.value(StatusKepegawaian), donutChart(a.value(QLatin1String("statusKepegawaian")).toArray(), Qt::AlignRight));
    setChart(m_views.value(JenisKelamin),
             donutChart(a.value(QLatin1String("jenisKelamin")).toArray(), Qt::AlignBottom,
                        {{QStringLiteral("L"), theme::Primary}, {QStringLiteral("P"), theme::ChartPink}}));
    fillLegend(StatusKepegawaian);
    fillLegend(JenisKelamin);

    const QString statuses[] = {QStringLiteral("pending"), QStringLiteral("verified"), QStringLiteral("accepted"), QStringLiteral("rejected")};
    QStringList labels;
    QList<qreal> counts;
    for (const QString &s : statuses) {
        labels << ppdbStatusText(s);
        counts << qreal(ppdb.value(s));
    }
    setChart(m_views.value(PpdbStatus), barChart(labels, counts, tr("Pendaftar"), theme::Info));
}

} // namespace tu::ui
