#pragma once
#include "auth/Roles.h"

#include <QList>
#include <QString>

namespace tu::ui {

// The areas of the main window, in sidebar order (Ctrl+1 … Ctrl+9, then Ctrl+0).
enum class Page { Ppdb, TahunAjaran, Konten, Sinkronisasi, DataDapodik, Dashboard, SatuData, Pengguna, Pengaturan, Audit };

// "Ctrl+1" for the first entry … "Ctrl+9", "Ctrl+0" for the tenth; empty beyond.
QString pageShortcut(int index);

struct PageInfo {
    Page page;
    QString title;       // sidebar and page heading
    QString description; // one line: what the area does
    QString icon;        // resources/icons/<icon>.svg
};

QList<PageInfo> allPages(); // translated; call after the translator is installed
PageInfo pageInfo(Page page);

// Who may open an area: the permission table of core (auth/Permissions.h), which the routes and
// the services use too; hiding the entry only spares people a page that would refuse them.
bool mayOpen(Role role, Page page);

} // namespace tu::ui
