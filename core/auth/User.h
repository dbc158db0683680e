#pragma once
#include "Roles.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tu {

struct User {
    QString id;
    QString username;
    QString name;
    Role role = Role::Siswa;
    bool active = true;
    int tokenVersion = 1;
    QString createdAt;
    QString updatedAt;
    QByteArray passwordHash; // never serialised

    // The API's user object ({id, username, name, role}) plus status fields; never the hash.
    QJsonObject toJson() const
    {
        return {{"id", id}, {"username", username}, {"name", name}, {"role", roleName(role)},
                {"active", active}, {"createdAt", createdAt}, {"updatedAt", updatedAt}};
    }
};

} // namespace tu
