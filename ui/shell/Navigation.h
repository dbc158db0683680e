#pragma once
#include "auth/Permissions.h"
#include "auth/Roles.h"

#include <QList>
#include <QString>
#include <functional>

class QWidget;

namespace tu {
class ApiServerHost;
class Core;
struct Actor;
}

namespace tu::ui {

class LocalConfig;

// The areas of the main window, in sidebar order (Ctrl+1 … Ctrl+9, then Ctrl+0).
enum class Page { Ppdb, TahunAjaran, Content, DapodikSync, DapodikData, Dashboard, SatuData, Users, Settings, Audit };

// What a page is built from.
struct PageContext {
    Core &core;
    const Actor &actor;
    ApiServerHost *api;
    LocalConfig &local;
    QWidget *parent;
};

// "Ctrl+1" for the first entry … "Ctrl+9", "Ctrl+0" for the tenth; empty beyond.
QString pageShortcut(int index);

// One row per page: everything the main window needs to list, guard and build it.
struct PageInfo {
    Page page;
    QString title;       // sidebar and page heading
    QString description; // one line: what the area does
    QString icon;        // resources/icons/<icon>.svg
    QList<Permission> anyOf; // who may open it: a role with any of these (core's permission table)
    std::function<QWidget *(const PageContext &)> create;
};

QList<PageInfo> allPages(); // translated; call after the translator is installed
PageInfo pageInfo(Page page);

// Who may open an area: the permission table of core (auth/Permissions.h), which the routes and
// the services use too; hiding the entry only spares people a page that would refuse them.
bool mayOpen(Role role, Page page);

} // namespace tu::ui
