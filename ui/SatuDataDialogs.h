#pragma once
// The dialogs of the Satu Data page: file metadata (upload and edit), Sync of one file with its
// per-target results, the conflict between our version and the portal's, and the targets of a
// "Sync semua berkas" run.
#include "FormErrors.h"
#include "auth/Actor.h"
#include "satudata/DataFileService.h"
#include "satudata/SatuDataTypes.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
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

// SPLP and SIPD checkboxes, both ticked; targets() in that order.
struct TargetBoxes {
    QCheckBox *splp = nullptr, *sipd = nullptr;
    QStringList targets() const;
};

// Title, description, period, unit, tags, kode indikator and kode pemda of a file. With a path:
// uploads that file with the metadata (on a worker thread: the file is parsed); with a file:
// edits its metadata. The service's messages appear under the fields.
class SatuDataMetaDialog : public QDialog
{
    Q_OBJECT
public:
    SatuDataMetaDialog(Core &core, const Actor &actor, const QString &path, const std::optional<DataFile> &file, QWidget *parent = nullptr);

    QLineEdit *edit(const QString &field) const;
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QPushButton *saveButton() const { return m_save; }
    const FormErrors &errors() const { return m_errors; }
    MessageBanner *banner() const { return m_banner; }
    bool isBusy() const { return m_busy; }
    const DataFile &saved() const { return m_saved; }
    void save();

private:
    QJsonObject meta() const;
    Core &m_core;
    Actor m_actor;
    QString m_path;
    std::optional<DataFile> m_file;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QHash<QString, QLineEdit *> m_edits;
    QPlainTextEdit *m_description = nullptr;
    QPushButton *m_save = nullptr;
    QProgressBar *m_busyBar = nullptr;
    bool m_busy = false;
    DataFile m_saved;
};

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

// The targets of "Sync semua berkas".
class SatuDataTargetsDialog : public QDialog
{
    Q_OBJECT
public:
    SatuDataTargetsDialog(int verified, int total, QWidget *parent = nullptr);
    QStringList targets() const { return m_boxes.targets(); }
    QCheckBox *splpBox() const { return m_boxes.splp; }
    QCheckBox *sipdBox() const { return m_boxes.sipd; }
    QPushButton *startButton() const { return m_start; }

private:
    TargetBoxes m_boxes;
    QPushButton *m_start = nullptr;
};

// "Berhasil", "Tidak berubah", "Sebagian diterima", "Gagal", "Konflik", "Dilewati".
QString satuDataResultText(const TargetResult &r);

} // namespace tu::ui
