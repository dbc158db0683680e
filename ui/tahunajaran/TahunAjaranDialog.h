#pragma once
#include "common/FormErrors.h"
#include "academic/TahunAjaran.h"
#include "auth/Actor.h"

#include <QDialog>
#include <QJsonObject>
#include <optional>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;

// Create or edit one tahun ajaran. Every rule is the service's: its messages appear under the
// fields (the overlap error under the start date names the colliding year).
class TahunAjaranDialog : public QDialog
{
    Q_OBJECT
public:
    TahunAjaranDialog(Core &core, const Actor &actor, const std::optional<TahunAjaran> &year, QWidget *parent = nullptr);
    const TahunAjaran &saved() const { return m_saved; }
    FormErrors &errors() { return m_errors; }
    // The form differs from what it opened with (the stored year, or the suggested new one).
    bool hasUnsavedChanges() const;

public slots:
    // Esc, the close button and Batal: asks first when there are unsaved changes.
    void reject() override;

private:
    void save();
    QJsonObject input() const;
    Core &m_core;
    Actor m_actor;
    std::optional<TahunAjaran> m_original;
    TahunAjaran m_saved;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QLineEdit *m_nama;
    QDateEdit *m_awal;
    QDateEdit *m_akhir;
    QComboBox *m_status;
    QPushButton *m_ok;
    QJsonObject m_initial;
};

} // namespace tu::ui
