#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "ppdb/PpdbService.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QListWidget;
class QPageSize;
class QPrintPreviewDialog;
class QPrinter;
class QPlainTextEdit;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Asks the note for a status change and makes it through the service; the service's errors
// (a rejection needs a reason: field `note`) appear in the dialog, which stays open.
class PpdbStatusDialog : public QDialog
{
    Q_OBJECT
public:
    PpdbStatusDialog(Core &core, const Actor &actor, const Registration &r, const QString &status, QWidget *parent = nullptr);
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPushButton *saveButton() const { return m_save; }
    FormErrors &errors() { return m_errors; }
    const Registration &saved() const { return m_saved; }

private:
    void save();
    Core &m_core;
    Actor m_actor;
    QString m_id, m_status;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QPlainTextEdit *m_note;
    QPushButton *m_save;
    Registration m_saved;
};

// Every field of one registration, its documents (images previewed, PDFs opened with the
// desktop's viewer), the staff workflow buttons and "Cetak Bukti Pendaftaran".
class PpdbDetailDialog : public QDialog
{
    Q_OBJECT
public:
    PpdbDetailDialog(Core &core, const Actor &actor, const QString &idOrNumber, QWidget *parent = nullptr);
    const Registration &registration() const { return m_detail.registration; }
    bool changed() const { return m_changed; }
    MessageBanner *banner() const { return m_banner; }
    // Opens the note dialog for `status` (verified, accepted, rejected).
    void changeStatus(const QString &status);
    // Writes the proof to `path`; false (banner shows why) on failure.
    bool printProof(const QString &path);
    // The system print preview (and from it the print dialog) on paper of `size`.
    void printPreview(const QPageSize &size);
    // The preview for `printer`, painting the proof; the caller runs and deletes it (tests).
    QPrintPreviewDialog *makePrintPreview(QPrinter *printer);

signals:
    void statusChanged(const tu::Registration &r);

private:
    void load(const QString &idOrNumber);
    void fill();
    void showDocument();
    void printProofAsk();
    Core &m_core;
    Actor m_actor;
    RegistrationDetail m_detail;
    bool m_changed = false;
    MessageBanner *m_banner;
    QLabel *m_title, *m_number, *m_status, *m_note;
    QHash<QString, QLabel *> m_values;
    QListWidget *m_documents;
    QLabel *m_preview;
    QPushButton *m_openDoc;
    QPushButton *m_verify, *m_accept, *m_reject, *m_print;
};

} // namespace tu::ui
