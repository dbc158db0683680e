#pragma once
#include "shell/Navigation.h"

#include <QWidget>

namespace tu::ui {

// Stands in for an area that later issues build: what the area will do, marked "Segera hadir",
// rather than an empty page that looks broken.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    explicit PlaceholderPage(const PageInfo &info, QWidget *parent = nullptr);
};

} // namespace tu::ui
