#include "SatuDataTargetsDialog.h"
#include "satudata/SatuDataDialogParts.h"
#include "common/Async.h"
#include "common/SchoolTime.h"
#include "common/Icons.h"
#include "common/MessageBanner.h"
#include "common/PlainText.h"
#include "satudata/SatuDataFileModel.h"
#include "common/Theme.h"
#include "app/Core.h"
#include "satudata/SatuDataSync.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSet>
#include <QStyle>
#include <QTimeZone>
#include <QDateTime>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tu::ui {

SatuDataTargetsDialog::SatuDataTargetsDialog(int verified, int total, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("satuDataTargetsDialog"));
    setWindowTitle(tr("Sync semua berkas"));
    setMinimumWidth(440);
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(26, 22, 26, 20);
    root->setSpacing(10);
    root->addWidget(satuDataLabel(tr("Sync semua berkas"), "sectionTitle", this));
    root->addWidget(satuDataLabel(tr("%1 dari %2 berkas terverifikasi akan dikirim; yang belum diverifikasi dilewati. Berkas yang "
                             "isinya tidak berubah sejak kiriman terakhir tidak dikirim ulang.").arg(verified).arg(total),
                          "hint", this));
    auto *boxes = new QVBoxLayout;
    boxes->setSpacing(6);
    m_boxes = satuDataTargetBoxes(this, boxes);
    root->addLayout(boxes);
    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("Sync semua berkas"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startAll"));
    theme::setVariant(m_start, "primary");
    buttons->addButton(tr("Batal"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this] { m_start->setEnabled(!m_boxes.targets().isEmpty()); };
    connect(m_boxes.splp, &QCheckBox::toggled, this, update);
    connect(m_boxes.sipd, &QCheckBox::toggled, this, update);
    root->addWidget(buttons);
    m_start->setDefault(true);
}

} // namespace tu::ui
