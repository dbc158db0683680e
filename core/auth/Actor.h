#pragma once
#include "Roles.h"

#include <QString>

namespace tu {

// Who is doing something: passed to services for authorisation rules and the audit log.
struct Actor {
    QString userId;
    QString username;
    Role role = Role::Siswa;
    QString ip;
    bool isSystem = false; // start-up tasks, webhooks, sync jobs

    static Actor system(const QString &what) { Actor a; a.username = what; a.role = Role::Admin; a.isSystem = true; return a; }
};

} // namespace tu
