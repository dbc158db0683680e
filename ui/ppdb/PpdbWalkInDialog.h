#pragma once
#include "common/FormErrors.h"
#include "auth/Actor.h"
#include "ppdb/Registration.h"

#include <QDialog>
#include <QHash>

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
// service's (submit with source "walkin"); its messages appear under the fields.
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

private:
    void save();
    Core &m_core;
    Actor m_actor;
    Registration m_saved;
    MessageBanner *m_banner;
    FormErrors m_errors;
    QHash<QString, QLineEdit *> m_lines;
    QComboBox *m_gender, *m_religion;
    QDateEdit *m_birthDate;
    QPushButton *m_save;
};

} // namespace tu::ui
