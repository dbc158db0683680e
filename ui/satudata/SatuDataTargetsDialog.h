#pragma once
#include "satudata/SatuDataDialogParts.h"

#include <QDialog>

class QCheckBox;
class QPushButton;

namespace tu::ui {

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

} // namespace tu::ui
