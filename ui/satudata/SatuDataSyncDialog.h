#pragma once
#include "satudata/SatuDataDialogParts.h"
#include "auth/Actor.h"
#include "satudata/DataFileService.h"
#include "satudata/SatuDataTypes.h"

#include <QDialog>
#include <QHash>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Sync of one file: pick the targets, "Sync berkas ini" runs SatuDataSync::syncFile on a worker
// with a busy bar, then one card per target: status, portal id, message, failure class and
// hint, SIPD's per-row log, "masuk antrean ulang", and "Lihat konflik" for a conflict.
class SatuDataSyncDialog : public QDialog
{
    Q_OBJECT
public:
    SatuDataSyncDialog(Core &core, const Actor &actor, const DataFile &file, QWidget *parent = nullptr);

    QCheckBox *splpBox() const { return m_boxes.splp; }
    QCheckBox *sipdBox() const { return m_boxes.sipd; }
    QPushButton *syncButton() const { return m_sync; }
    MessageBanner *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    bool hasResult() const { return m_result.has_value(); }
    const FileSyncResult &result() const { return *m_result; }
    // The card's status line of a target ("Berhasil", "Sebagian diterima", "Gagal", …).
    QString statusText(const QString &target) const;
    QPushButton *conflictButton(const QString &target) const;
    QTableWidget *rowLog(const QString &target) const;
    void startSync();
    void showResult(const FileSyncResult &result);

signals:
    void synced(); // the file's state changed: the page reloads

private:
    void openConflict(const QString &target);
    QWidget *resultCard(const TargetResult &r);
    Core &m_core;
    Actor m_actor;
    DataFile m_file;
    MessageBanner *m_banner;
    TargetBoxes m_boxes;
    QPushButton *m_sync = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_busyLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_results = nullptr;
    QVBoxLayout *m_resultsLayout = nullptr;
    bool m_busy = false;
    std::optional<FileSyncResult> m_result;
    QHash<QString, QLabel *> m_statusLabels;
    QHash<QString, QPushButton *> m_conflictButtons;
    QHash<QString, QTableWidget *> m_rowLogs;
};

} // namespace tu::ui
