#pragma once
// Who may do what: the one table. The route table declares each route's roles from it, the
// desktop's sidebar shows a page only to the roles of its permission, and the services check the
// same permission before every mutation, so no rule lives in an adapter only.

#include "Result.h"
#include "Roles.h"
#include "auth/Actor.h"

#include <QList>

namespace tu {

enum class Permission {
    ManageUsers,       // accounts and their roles
    ManageSettings,    // settings, backups
    ReadAudit,         // the audit log
    ManageTahunAjaran, // the academic-year master and its SIAKAD sync
    SyncDapodik,       // Dapodik syncs and the synced data, the dashboard
    ManageSatuData,    // data files and their SPLP/SIPD sync
    VerifySatuData,    // marking a data file verified (what may leave the school)
    AdministerPpdb,    // registrations, their documents and status, exports
    EditContent,       // some content type (which ones: ContentTypes' editors)
    ApproveContent,    // publishing what OSIS wrote
    SubmitWorks,       // a student's own works
    ReviewWorks,       // every student's works, featuring them
};

// The roles holding `permission` (admin holds every one).
const QList<Role> &rolesFor(Permission permission);
bool hasPermission(Role role, Permission permission);
// System actors (start-up, schedules, tests' fixtures) hold every permission.
bool may(const Actor &actor, Permission permission);
// FORBIDDEN naming the roles that may, for the services' mutations.
Status require(const Actor &actor, Permission permission);

} // namespace tu
