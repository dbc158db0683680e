#pragma once
#include <QString>

class QWidget;

namespace tu::ui {

// The questions the desktop asks before it destroys or drops something, with buttons in the
// UI's language (never Qt's English Yes/No/OK).

// "Hapus …?" style: true when the person chose `action`. `destructive` colours the action.
bool confirmAction(QWidget *parent, const QString &title, const QString &text, const QString &action,
                   bool destructive = true);

// Unsaved changes in `what` (e.g. "pengaturan", "formulir pendaftaran"): save, discard, or stay.
enum class UnsavedChoice { Save, Discard, Cancel };
UnsavedChoice askUnsaved(QWidget *parent, const QString &what);

} // namespace tu::ui
