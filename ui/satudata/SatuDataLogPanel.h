#pragma once
// The "Log sinkronisasi" tab of Satu Data: every push attempt (filter by target and status,
// paged), the portal's full answer of the selected attempt, and the retry queue of temporary
// failures waiting for their next try.

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QStandardItemModel;
class QTableView;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;
class Pager;
struct LogState;

class SatuDataLogPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;
    // Read errors go to `banner` (the page's).
    SatuDataLogPanel(Core &core, MessageBanner *banner, QWidget *parent = nullptr);

    void reload();
    bool isLoading() const { return m_loading > 0; }
    qint64 total() const;

    QTableView *logTable() const { return m_logTable; }
    QPlainTextEdit *detail() const { return m_detail; }
    QTableView *retryTable() const { return m_retryTable; }
    QComboBox *targetFilter() const { return m_target; }
    QComboBox *statusFilter() const { return m_status; }
    Pager *pager() const { return m_pager; }

private:
    QWidget *buildLogCard(QWidget *parent);
    QWidget *buildDetailCard(QWidget *parent);
    QWidget *buildRetryCard(QWidget *parent);
    void showLogs(const LogState &s);
    void showRetry(const LogState &s);
    void showDetail();

    Core &m_core;
    MessageBanner *m_banner;
    QComboBox *m_target = nullptr, *m_status = nullptr;
    Pager *m_pager = nullptr;
    QTableView *m_logTable = nullptr;
    QStandardItemModel *m_logModel = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    QLabel *m_detailTitle = nullptr, *m_retryCount = nullptr, *m_retryEmpty = nullptr;
    QTableView *m_retryTable = nullptr;
    QStandardItemModel *m_retryModel = nullptr;
    int m_loading = 0;
    quint64 m_generation = 0;
};

} // namespace tu::ui
