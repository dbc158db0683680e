#pragma once
// What the Satu Data dialogs share: their style sheet, the SPLP/SIPD target checkboxes, the busy
// bar, plain labels with a style name, and how a target's result reads and looks.

#include "satudata/SatuDataTypes.h"

#include <QJsonValue>
#include <QPixmap>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QProgressBar;
class QVBoxLayout;
class QWidget;

namespace tu::ui {

// SPLP and SIPD checkboxes, both ticked; targets() in that order.
struct TargetBoxes {
    QCheckBox *splp = nullptr, *sipd = nullptr;
    QStringList targets() const;
};

// "Berhasil", "Tidak berubah", "Sebagian diterima", "Gagal", "Konflik", "Dilewati".
QString satuDataResultText(const TargetResult &r);
// ok | warn | error | muted: the colour of a target's result card and its icon.
QString satuDataResultTone(const TargetResult &r);
QPixmap satuDataStatusPixmap(const QString &tone, qreal dpr);
// An indeterminate bar, hidden until the dialog waits for its worker.
QProgressBar *satuDataBusyBar(QWidget *parent);
TargetBoxes satuDataTargetBoxes(QWidget *parent, QVBoxLayout *into);
// A plain-text label named for the style sheet.
QLabel *satuDataLabel(const QString &text, const char *name, QWidget *parent, bool wrap = true);
// Text of a JSON value for the conflict table: tags as "a, b", objects compact.
QString satuDataJsonText(const QJsonValue &v);

} // namespace tu::ui
