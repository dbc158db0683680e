#pragma once
// The "Berkas data" tab of Satu Data: the files with who verified them and their state at SPLP
// and SIPD, and what can be done to the selected one: replace its content, edit its metadata,
// delete it (never sent only), verify it (admin), or open the Sync dialog for it.

#include "auth/Actor.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTableView;

namespace tu {
class Core;
}

namespace tu::ui {

class MessageBanner;
class SatuDataFileModel;
class SatuDataMetaDialog;
class SatuDataSyncDialog;
struct SatuDataRow;

class SatuDataFilesPanel : public QWidget
{
    Q_OBJECT
public:
    // Results and refusals go to `banner` (the page's).
    SatuDataFilesPanel(Core &core, const Actor &actor, SatuDataFileModel *model, MessageBanner *banner, QWidget *parent = nullptr);

    // The file dialogs ask for the path; tests pass it in.
    void uploadFile();
    SatuDataMetaDialog *uploadPath(const QString &path);
    void replaceFile();
    void replacePath(const QString &path);
    void editSelected();
    void removeSelected();
    void toggleVerified();
    SatuDataSyncDialog *openSyncDialog();

    QTableView *table() const { return m_table; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *syncButton() const { return m_sync; }

signals:
    void synced(); // one file went to the portals: the page reloads the log too

private:
    void buildToolbar(QWidget *card, QHBoxLayout *toolbar);
    void fitColumns();
    void connectModel();
    const SatuDataRow *selected() const;
    void selectFile(const QString &id);
    void updateActions();

    Core &m_core;
    Actor m_actor;
    SatuDataFileModel *m_model;
    MessageBanner *m_banner;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_edit = nullptr, *m_replace = nullptr, *m_remove = nullptr, *m_verify = nullptr, *m_sync = nullptr;
    QString m_keepSelection;
};

} // namespace tu::ui
