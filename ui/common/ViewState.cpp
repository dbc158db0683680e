#include "ViewState.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QWidget>

namespace tu::ui {

namespace {
QString path(const QString &key, const char *what) { return QStringLiteral("ui/%1/%2").arg(key, QLatin1String(what)); }
} // namespace

bool restoreWindow(QWidget *window, const QString &key, QSize preferred)
{
    QSettings settings;
    // restoreGeometry() moves a window whose screen is gone back onto an available one.
    if (window->restoreGeometry(settings.value(path(key, "geometry")).toByteArray()))
        return settings.value(path(key, "maximized")).toBool();
    QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        window->resize(preferred);
        return false;
    }
    const QRect avail = screen->availableGeometry();
    const QSize frame(16, 48); // window decorations, not part of the widget's size
    if (avail.width() < preferred.width() + frame.width() || avail.height() < preferred.height() + frame.height()) {
        window->resize(avail.size() - frame);
        window->move(avail.topLeft());
        return true;
    }
    window->resize(preferred);
    window->move(avail.center() - QPoint(preferred.width() / 2, preferred.height() / 2));
    return false;
}

void saveWindow(const QWidget *window, const QString &key)
{
    QSettings settings;
    settings.setValue(path(key, "geometry"), window->saveGeometry());
    settings.setValue(path(key, "maximized"), window->isMaximized());
}

void rememberHeader(QHeaderView *header, const QString &key)
{
    {
        QSettings settings;
        const QByteArray state = settings.value(path(key, "header")).toByteArray();
        if (!state.isEmpty())
            header->restoreState(state);
    }
    auto save = [header, key] {
        QSettings settings;
        settings.setValue(path(key, "header"), header->saveState());
    };
    QObject::connect(header, &QHeaderView::sectionResized, header, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header, save);
    QObject::connect(header, &QHeaderView::sectionMoved, header, save);
}

void rememberSplitter(QSplitter *splitter, const QString &key)
{
    {
        QSettings settings;
        const QByteArray state = settings.value(path(key, "splitter")).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, key] {
        QSettings settings;
        settings.setValue(path(key, "splitter"), splitter->saveState());
    });
}

QString viewKey(const QWidget *widget)
{
    QStringList names;
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        if (w == widget && name.isEmpty())
            return {};
        if (!name.isEmpty() && !name.startsWith(QLatin1String("qt_")))
            names.prepend(name);
        if (w->isWindow() || name.endsWith(QLatin1String("Page")) || name.endsWith(QLatin1String("Dialog")))
            break;
    }
    return names.join(QLatin1Char('/'));
}

void rememberWhenNamed(QWidget *tableOrSplitter)
{
    // Deferred: the page names the widget and places it after creating it.
    QTimer::singleShot(0, tableOrSplitter, [w = tableOrSplitter] {
        const QString key = viewKey(w);
        if (key.isEmpty())
            return;
        if (auto *table = qobject_cast<QTableView *>(w))
            rememberHeader(table->horizontalHeader(), key);
        else if (auto *splitter = qobject_cast<QSplitter *>(w))
            rememberSplitter(splitter, key);
    });
}

} // namespace tu::ui
