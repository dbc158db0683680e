#pragma once
#include <QWidget>

class QHBoxLayout;

namespace tu::ui {

// Title and one-line description at the top of every page, with room for actions on the right.
class PageHeader : public QWidget
{
    Q_OBJECT
public:
    PageHeader(const QString &title, const QString &subtitle, QWidget *parent = nullptr);
    void addAction(QWidget *widget);

private:
    QHBoxLayout *m_actions;
};

} // namespace tu::ui
