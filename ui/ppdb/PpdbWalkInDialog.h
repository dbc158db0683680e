#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "ppdb/Registration.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QTimer>
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

// "Pendaftaran langsung": staff type in an applicant who came to the office. Every rule is the
// service's (submit with source "walkin"); its messages appear under the fields. Nothing is
// pre-filled (birth date, gender and religion start at "— pilih —"); typed data is kept as a
// draft in the data folder until saved or discarded, and closing with changes asks first.
class PpdbWalkInDialog : public QDialog
{
    Q_OBJECT
public:
    PpdbWalkInDialog(Core &core, const Actor &actor, QWidget *parent = nullptr);
    const Registration &saved() const { return m_saved; }
    FormErrors &errors() { return m_errors; }
    MessageBanner *banner() const { return m_banner; }
    QLineEdit *lineEdit(const QString &field) const { return m_lines.value(field); }
    QComboBox *genderCombo() const { return m_gender; }
    QComboBox *religionCombo() const { return m_religion; }
    QDateEdit *birthDateEdit() const { return m_birthDate; }
    QPushButton *saveButton() const { return m_save; }
    QJsonObject input() const;
    bool hasUnsavedChanges() const;
    void loadDraft(const QJsonObject &draft);

    // The draft a crash or power cut left behind, if any.
    static std::optional<QJsonObject> pendingDraft(const Core &core);
    static void discardDraft(const Core &core);

public slots:
    void reject() override;

private:
    static QString draftPath(const Core &core);
    void save();
    void writeDraft();
    Core &m_core;
    Actor m_actor;
    Registration m_saved;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QHash<QString, QLineEdit *> m_lines;
    QComboBox *m_gender, *m_religion;
    QDateEdit *m_birthDate;
    QPushButton *m_save;
    QJsonObject m_initial;
    QTimer m_draftTimer;
};

} // namespace tu::ui
