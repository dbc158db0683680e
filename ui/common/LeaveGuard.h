#pragma once

namespace tu::ui {

// A page with edits that must not be dropped silently. The main window asks it before it shows
// another page, signs out or closes; the page asks the person (askUnsaved: Simpan / Buang /
// Batal) and answers true when it may be left: nothing unsaved, saved, or dropped.
class LeaveGuard
{
public:
    virtual bool canLeave() = 0;

protected:
    ~LeaveGuard() = default;
};

} // namespace tu::ui
