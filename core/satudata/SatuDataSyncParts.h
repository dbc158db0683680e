#pragma once
// Shared by the files of the Satu Data sync (SatuDataSync, SatuDataRunLog, SatuDataScheduler,
// the targets); not for use outside core/satudata.

#include "Result.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSatuData)

namespace tu::satudata {

inline const QString FileEntity = QStringLiteral("satudata_file"); // audit entity of a data file

// Bookkeeping whose failure must not turn a finished push into a failed one: logged instead.
inline void warnIf(const Status &s, const char *what)
{
    if (!s.ok())
        qCWarning(lcSatuData) << what << "failed:" << s.error().message;
}

inline QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

} // namespace tu::satudata
