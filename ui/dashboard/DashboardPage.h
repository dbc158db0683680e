#pragma once
#include "auth/Actor.h"

#include <QJsonObject>
#include <QHash>
#include <QMap>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Dasbor: the Dapodik analytics (refreshed by core after every sync) as Qt Charts — PTK per
// kecamatan, PTK by status kepegawaian and by gender — beside the PPDB applicants per status,
// with totals on top. Read on a worker thread; reloads itself after every sync job.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    enum Chart { PtkPerKecamatan, StatusKepegawaian, JenisKelamin, PpdbStatus };
    DashboardPage(Core &core, const Actor &actor, QWidget *parent = nullptr);

    void reload();
    bool isLoading() const { return m_loading > 0; }
    int loadCount() const { return m_loads; } // finished loads, for tests
    QChart *chart(Chart which) const;
    QChartView *chartView(Chart which) const { return m_views.value(which); }
    QLabel *totalLabel(const QString &key) const { return m_totals.value(key); } // kecamatan, sekolah, ptk, ppdb
    MessageBanner *banner() const { return m_banner; }

signals:
    void reloaded();

private:
    void display(const QJsonObject &analytics, const QHash<QString, qint64> &ppdb);
    QWidget *chartCard(Chart which, const QString &title, const QString &note);

    Core &m_core;
    Actor m_actor;
    MessageBanner *m_banner;
    QLabel *m_empty;
    QMap<Chart, QChartView *> m_views;
    QMap<Chart, QWidget *> m_legends; // our own legend beside a donut: whole labels, counts and shares
    void fillLegend(Chart which);
    QHash<QString, QLabel *> m_totals;
    QHash<QString, QLabel *> m_totalNotes;
    int m_loading = 0;
    int m_loads = 0;
};

} // namespace tu::ui
