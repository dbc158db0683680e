#pragma once
// The left column of the Dapodik sync page: what can be started (global, all schools, all PTK,
// the ticked kecamatan, one PTK by NIK and NPSN). It only asks; the page starts the job and
// shows its progress.

#include <QFrame>
#include <QJsonObject>
#include <QList>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QVBoxLayout;

namespace tu::ui {

class DapodikSyncActions : public QFrame
{
    Q_OBJECT
public:
    explicit DapodikSyncActions(QWidget *parent = nullptr);

    // The kecamatan from the last sync, keeping what was ticked.
    void showKecamatan(const QList<QJsonObject> &kecamatan);
    QStringList checkedKecamatan() const;

    QPushButton *globalButton() const { return m_global; }
    QPushButton *kecamatanButton() const { return m_kecButton; }
    QPushButton *allSekolahButton() const { return m_allSekolah; }
    QPushButton *allPtkButton() const { return m_allPtk; }
    QPushButton *ptkButton() const { return m_ptkButton; }
    QListWidget *kecamatanList() const { return m_kecList; }
    QLineEdit *nikEdit() const { return m_nik; }
    QLineEdit *npsnEdit() const { return m_npsn; }

signals:
    void globalRequested();
    void kecamatanRequested();
    void allSekolahRequested();
    void allPtkRequested();
    void ptkRequested();

private:
    void addRunButtons(QWidget *card, QVBoxLayout *v);
    void addKecamatanBox(QWidget *card, QVBoxLayout *v);
    void addPtkBox(QWidget *card, QVBoxLayout *v);
    void toggleAllKecamatan();
    void updateKecButton();

    QPushButton *m_global = nullptr, *m_kecButton = nullptr, *m_allSekolah = nullptr, *m_allPtk = nullptr;
    QPushButton *m_ptkButton = nullptr, *m_selectAll = nullptr;
    QListWidget *m_kecList = nullptr;
    QLabel *m_kecEmpty = nullptr;
    QLineEdit *m_nik = nullptr, *m_npsn = nullptr;
};

} // namespace tu::ui
