#pragma once
#include "auth/Actor.h"
#include "satudata/SatuDataTypes.h"

#include <QDialog>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Our version and the portal's side by side; "Pakai versi lokal" / "Pakai versi portal" call
// SatuDataSync::resolveConflict on a worker.
class SatuDataConflictDialog : public QDialog
{
    Q_OBJECT
public:
    SatuDataConflictDialog(Core &core, const Actor &actor, const QString &fileId, const QString &target, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *localButton() const { return m_local; }
    QPushButton *remoteButton() const { return m_remote; }
    MessageBanner *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    std::optional<TargetResult> resolved() const { return m_resolved; }
    void resolve(const QString &keep);

private:
    void showConflict(const SyncConflict &c);
    Core &m_core;
    Actor m_actor;
    QString m_fileId, m_target;
    MessageBanner *m_banner;
    QLabel *m_detected = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_local = nullptr, *m_remote = nullptr;
    QProgressBar *m_busyBar = nullptr;
    bool m_busy = false;
    std::optional<TargetResult> m_resolved;
};

} // namespace tu::ui
