#pragma once
#include "Result.h"

#include <QList>
#include <QString>

namespace tu {

class Core;

// An account --demo created, with the random password it was given (shown once, at creation).
struct DemoAccount {
    QString username;
    QString role;
    QString password;
};

// `--demo`: sample data a school office would recognise on an empty database, and the upstream
// URLs pointed at a local simulator (127.0.0.1:9090 unless the environment says otherwise).
// The database is marked as a demo database (setting `demo_database`); later runs on it add only
// what is missing. A database that already holds data and is not marked is refused (CONFLICT)
// and left untouched. Account passwords are random and printed once to the log (and so the
// console) when the accounts are created; upstream keys are never stored (scripts/run.sh gives
// them to the simulator and the app through the environment). Returns the accounts created now.
Result<QList<DemoAccount>> seedDemoData(Core &core);
// Part of seedDemoData: news, announcements, calendar, teachers, facilities, extracurricular with
// generated pictures, and two students with works (appended to `accounts`). Only while there
// is no news at all.
Status seedDemoContent(Core &core, QList<DemoAccount> &accounts);
// Part of seedDemoData: Satu Data files (three verified, one waiting), only when there are none.
Status seedDemoSatuData(Core &core);
// A random password for a demo account (14 characters, about 80 bits).
QString demoPassword();

} // namespace tu
