#pragma once
#include "ppdb/Registration.h"

#include <QList>
#include <QString>

class QPrinter;

namespace tu::ui {

class SchoolTime;

// The applicant list as a printed page: the school, the title (the status chosen on the PPDB
// page; "Diterima" makes it the announcement of accepted applicants), when it was printed in
// school time, and one numbered row per applicant. Every value is escaped: stored text never
// becomes markup.
QString registrationListHtml(const QList<Registration> &rows, const QString &school, const QString &title,
                             const SchoolTime &time);
void printRegistrationList(QPrinter *printer, const QString &html);

} // namespace tu::ui
