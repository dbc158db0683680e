#pragma once
// The dialogs of the Satu Data page, one file each: file metadata (upload and edit), Sync of one
// file with its per-target results, the conflict between our version and the portal's, and the
// targets of a "Sync semua berkas" run.
#include "satudata/SatuDataConflictDialog.h"
#include "satudata/SatuDataDialogParts.h"
#include "satudata/SatuDataMetaDialog.h"
#include "satudata/SatuDataSyncDialog.h"
#include "satudata/SatuDataTargetsDialog.h"
