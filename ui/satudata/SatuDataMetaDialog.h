#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "satudata/DataFileService.h"

#include <QDialog>
#include <QHash>
#include <optional>

class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

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

} // namespace tu::ui
