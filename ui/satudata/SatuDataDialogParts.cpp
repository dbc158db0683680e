#include "SatuDataDialogParts.h"
#include "satudata/SatuDataSyncDialog.h"
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


QString satuDataResultTone(const TargetResult &r)
{
    if (r.status == QLatin1String("ok") || r.status == QLatin1String("unchanged"))
        return r.rowsError > 0 ? QStringLiteral("warn") : QStringLiteral("ok");
    if (r.status == QLatin1String("conflict"))
        return QStringLiteral("warn");
    if (r.status == QLatin1String("skipped"))
        return QStringLiteral("muted");
    return r.rowsOk > 0 ? QStringLiteral("warn") : QStringLiteral("error"); // SIPD kept part of the rows
}

QPixmap satuDataStatusPixmap(const QString &tone, qreal dpr)
{
    if (tone == QLatin1String("ok"))
        return icons::pixmap(QStringLiteral("check"), theme::Success, 20, dpr);
    if (tone == QLatin1String("warn"))
        return icons::pixmap(QStringLiteral("alert"), theme::WarningIcon, 20, dpr);
    if (tone == QLatin1String("muted"))
        return icons::pixmap(QStringLiteral("alert"), theme::TextMuted, 20, dpr);
    return icons::pixmap(QStringLiteral("alert"), theme::Danger, 20, dpr);
}

QProgressBar *satuDataBusyBar(QWidget *parent)
{
    auto *b = new QProgressBar(parent);
    b->setObjectName(QStringLiteral("busyBar"));
    b->setRange(0, 0);
    b->setTextVisible(false);
    b->hide();
    return b;
}

TargetBoxes satuDataTargetBoxes(QWidget *parent, QVBoxLayout *into)
{
    TargetBoxes b;
    b.splp = new QCheckBox(satudata::targetLabel(satudata::Splp), parent);
    b.splp->setObjectName(QStringLiteral("targetSplp"));
    b.splp->setChecked(true);
    b.sipd = new QCheckBox(satudata::targetLabel(satudata::Sipd), parent);
    b.sipd->setObjectName(QStringLiteral("targetSipd"));
    b.sipd->setChecked(true);
    into->addWidget(b.splp);
    into->addWidget(b.sipd);
    return b;
}

QLabel *satuDataLabel(const QString &text, const char *name, QWidget *parent, bool wrap)
{
    auto *l = plainLabel(text, parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(wrap);
    return l;
}

QString satuDataJsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QLocale().toString(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("ya") : QStringLiteral("tidak");
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts << (e.isObject() && e.toObject().contains(QLatin1String("name")) ? e.toObject().value(QLatin1String("name")).toString()
                                                                                  : satuDataJsonText(e));
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}


QStringList TargetBoxes::targets() const
{
    QStringList t;
    if (splp && splp->isChecked())
        t << satudata::Splp;
    if (sipd && sipd->isChecked())
        t << satudata::Sipd;
    return t;
}

QString satuDataResultText(const TargetResult &r)
{
    if (r.status == QLatin1String("ok"))
        return r.rowsError > 0 ? SatuDataSyncDialog::tr("Sebagian diterima") : SatuDataSyncDialog::tr("Berhasil");
    if (r.status == QLatin1String("unchanged"))
        return SatuDataSyncDialog::tr("Tidak berubah");
    if (r.status == QLatin1String("conflict"))
        return SatuDataSyncDialog::tr("Konflik");
    if (r.status == QLatin1String("skipped"))
        return SatuDataSyncDialog::tr("Dilewati");
    if (r.status == QLatin1String("failed"))
        return r.rowsOk > 0 ? SatuDataSyncDialog::tr("Sebagian diterima") : SatuDataSyncDialog::tr("Gagal");
    return r.status;
}

} // namespace tu::ui
