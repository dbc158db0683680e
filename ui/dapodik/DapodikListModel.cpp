#include "DapodikListModel.h"
#include "common/Theme.h"
#include "common/PlainText.h"
#include "app/Core.h"
#include "dapodik/DapodikService.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFutureWatcher>
#include <QLocale>
#include <functional>
#include <optional>
#include <QtConcurrent/QtConcurrentRun>

namespace tu::ui {

namespace {
const QColor Inactive(0x94, 0xa3, 0xb8);

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool sameFilter(const DapodikListFilter &a, const DapodikListFilter &b)
{
    return a.q == b.q && a.kodeWilayah == b.kodeWilayah && a.npsn == b.npsn && a.status == b.status
        && a.includeInactive == b.includeInactive;
}
} // namespace

DapodikListModel::DapodikListModel(Core &core, Kind kind, QObject *parent)
    : QAbstractTableModel(parent), m_core(core), m_kind(kind)
{
    // Four workers: the newest search's page and count, and the two it just interrupted (they
    // return at once). They stay for the model's life with their connections open.
    m_pool.setMaxThreadCount(4);
    m_pool.setExpiryTimeout(-1);
}

DapodikListModel::~DapodikListModel()
{
    if (m_running)
        m_running->interrupt();
    m_pool.waitForDone();
}

void DapodikListModel::setFilter(const DapodikListFilter &filter, bool force)
{
    if (!force && m_everLoaded && sameFilter(filter, m_filter))
        return;
    m_filter = filter;
    ++m_generation;
    m_sinceFilter.start();
    if (m_running)
        m_running->interrupt(); // superseded: stop it rather than wait for it
    runQuery(1);
}

void DapodikListModel::setKecamatanNames(const QHash<QString, QString> &names)
{
    m_kecNames = names;
    if (m_kind == Kind::Sekolah && !m_rows.isEmpty())
        emit dataChanged(index(0, SKecamatan), index(int(m_rows.size()) - 1, SKecamatan));
}

void DapodikListModel::runQuery(int page)
{
    DapodikListFilter f = m_filter;
    f.page.page = page;
    f.page.limit = PageSize;
    const quint64 generation = m_generation;
    auto interrupt = std::make_shared<DapodikService::ListCancel>();
    m_running = interrupt;
    if (!m_inFlight) {
        m_inFlight = true;
        emit loadingChanged(true);
    }
    // The first page and the number of matches are two reads on two connections at once: the
    // answer comes after the slower of them, not after both in a row.
    struct Join {
        std::optional<Result<DapodikListPage>> page;
        std::optional<Result<DapodikListPage>> total;
        bool done = false;
    };
    auto join = std::make_shared<Join>();
    const auto settle = [this, generation, page, interrupt, join] {
        if (join->done || generation != m_generation)
            return; // superseded (and interrupted): the newer query reports
        if (!join->page)
            return;
        const bool pageOk = join->page->ok();
        if (pageOk && join->page->value().total < 0 && !join->total)
            return; // a full page: the total is still being counted
        join->done = true;
        interrupt->interrupt(); // a count no longer needed (the page told the total)
        if (m_running == interrupt)
            m_running.reset();
        // m_inFlight stays set until the rows and m_total/m_loadedPages agree again: a slot on
        // the model's signals may call fetchMore() (QAbstractItemModelTester does, on the
        // "about to" ones too), and must not be handed the page that is arriving again.
        Result<DapodikListPage> r = *join->page;
        if (r.ok() && r->total < 0) {
            if (!join->total->ok())
                r = join->total->error();
            else
                r.value().total = join->total->value().total;
        }
        if (!r.ok()) {
            m_inFlight = false;
            m_error = r.error().text();
            emit failed(m_error);
        } else {
            m_error.clear();
            m_everLoaded = true;
            if (page == 1) {
                beginResetModel();
                m_rows = r->items;
                m_total = r->total;
                m_loadedPages = 1;
                m_inFlight = false;
                endResetModel();
                m_lastLatency = m_sinceFilter.isValid() ? m_sinceFilter.elapsed() : -1;
            } else if (!r->items.isEmpty()) {
                const int first = int(m_rows.size());
                beginInsertRows(QModelIndex(), first, first + int(r->items.size()) - 1);
                m_rows.append(r->items);
                m_total = r->total;
                m_loadedPages = page;
                m_inFlight = false;
                endInsertRows();
            } else {
                m_inFlight = false;
            }
        }
        emit loadingChanged(false);
        if (r.ok())
            emit loaded();
    };
    const auto launch = [this, interrupt](DapodikListFilter part, std::function<void(const Result<DapodikListPage> &)> done) {
        using Boxed = std::shared_ptr<Result<DapodikListPage>>;
        auto *watcher = new QFutureWatcher<Boxed>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
            const Boxed boxed = watcher->result();
            watcher->deleteLater();
            done(*boxed);
        });
        Core *core = &m_core;
        const Kind kind = m_kind;
        watcher->setFuture(QtConcurrent::run(&m_pool, [core, part, kind, interrupt]() -> Boxed {
            DapodikService &dapodik = core->dapodik();
            return std::make_shared<Result<DapodikListPage>>(kind == Kind::Sekolah ? dapodik.sekolahList(part, interrupt.get())
                                                                                   : dapodik.ptkList(part, interrupt.get()));
        }));
    };
    if (page > 1) { // the total is known from the first page
        DapodikListPage known;
        known.total = m_total;
        join->total = Result<DapodikListPage>(known);
    }
    DapodikListFilter pagePart = f;
    pagePart.parts = DapodikListFilter::Parts::PageOnly;
    launch(pagePart, [join, settle](const Result<DapodikListPage> &r) {
        join->page = r;
        settle();
    });
    if (page == 1) {
        DapodikListFilter totalPart = f;
        totalPart.parts = DapodikListFilter::Parts::TotalOnly;
        launch(totalPart, [join, settle](const Result<DapodikListPage> &r) {
            if (!join->done)
                join->total = r;
            settle();
        });
    }
}

int DapodikListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DapodikListModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::Sekolah ? int(SekolahColumnCount) : int(PtkColumnCount);
}

bool DapodikListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_everLoaded && qint64(m_rows.size()) < m_total;
}

void DapodikListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_inFlight || qint64(m_rows.size()) >= m_total)
        return;
    runQuery(m_loadedPages + 1);
}

QVariant DapodikListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &o = m_rows.at(index.row());
    const bool active = o.value(QLatin1String("active")).toBool(true);
    const int c = index.column();
    if (role == Qt::ForegroundRole) {
        if (!active)
            return QBrush(Inactive);
        if ((m_kind == Kind::Sekolah && c == SAktif) || (m_kind == Kind::Ptk && c == PAktif))
            return QBrush(theme::Success);
        return {};
    }
    if (role == Qt::FontRole && !active) {
        QFont f;
        f.setItalic(true);
        return f;
    }
    if (role == Qt::ToolTipRole && !active)
        return plainToolTip(tr("Tidak lagi ada di Dapodik sejak %1").arg(str(o, "inactive_at").left(10)));
    if (role == Qt::UserRole)
        return m_kind == Kind::Sekolah ? str(o, "npsn") : str(o, "ptk_id");
    if (role == Qt::TextAlignmentRole && m_kind == Kind::Sekolah && c == SJumlahPtk)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QString aktif = active ? tr("Aktif") : tr("Nonaktif");
    if (m_kind == Kind::Sekolah) {
        switch (c) {
        case SNpsn: return str(o, "npsn");
        case SNama: return str(o, "nama");
        case SBentuk: return str(o, "bentuk_pendidikan");
        case SStatus: return str(o, "status");
        case SKecamatan: {
            const QString kode = str(o, "kode_wilayah");
            return m_kecNames.value(kode, kode);
        }
        case SJumlahPtk: return QLocale().toString(o.value(QLatin1String("jumlah_ptk")).toInteger());
        case SAktif: return aktif;
        }
        return {};
    }
    switch (c) {
    case PNama: return str(o, "nama");
    case PNik: return str(o, "nik");
    case PNuptk: return str(o, "nuptk");
    case PGender: {
        const QString g = str(o, "jenis_kelamin");
        return g == QLatin1String("L") ? tr("Laki-laki") : g == QLatin1String("P") ? tr("Perempuan") : g;
    }
    case PJenis: return str(o, "jenis_ptk");
    case PStatus: return str(o, "status_kepegawaian");
    case PSekolah: return str(o, "nama_sekolah");
    case PAktif: return aktif;
    }
    return {};
}

QVariant DapodikListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (m_kind == Kind::Sekolah) {
        switch (section) {
        case SNpsn: return tr("NPSN");
        case SNama: return tr("Nama sekolah");
        case SBentuk: return tr("Bentuk");
        case SStatus: return tr("Status");
        case SKecamatan: return tr("Kecamatan");
        case SJumlahPtk: return tr("PTK");
        case SAktif: return tr("Keadaan");
        }
        return {};
    }
    switch (section) {
    case PNama: return tr("Nama");
    case PNik: return tr("NIK");
    case PNuptk: return tr("NUPTK");
    case PGender: return tr("Jenis kelamin");
    case PJenis: return tr("Jenis PTK");
    case PStatus: return tr("Status kepegawaian");
    case PSekolah: return tr("Sekolah");
    case PAktif: return tr("Keadaan");
    }
    return {};
}

} // namespace tu::ui
