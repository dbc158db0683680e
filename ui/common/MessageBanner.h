#pragma once
#include <QFrame>
#include <functional>

#include "Result.h"

class QLabel;
class QPushButton;
class QToolButton;

namespace tu::ui {

// An inline message above a form or table (instead of a modal box): the service's general error
// text, or a confirmation that something was saved. Hidden while empty.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Success, Info };
    explicit MessageBanner(QWidget *parent = nullptr, bool closable = true);

    void showMessage(Kind kind, const QString &text);
    void showError(const QString &text) { showMessage(Kind::Error, text); }
    void showError(const Error &error) { showMessage(Kind::Error, error.text()); }
    // A success that can be taken back: "Urungkan" beside the text runs `undo` once (the
    // button goes with the next message).
    void showUndoable(const QString &text, std::function<void()> undo);
    QPushButton *undoButton() const { return m_undo; }
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Info;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close = nullptr;
    QPushButton *m_undo = nullptr;
    std::function<void()> m_undoAction;
};

} // namespace tu::ui
