#pragma once
#include "auth/Actor.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace tu {
class Core;
}

namespace tu::ui {

// An image field of a content form: a preview of the stored thumbnail, "Pilih gambar…" (file
// dialog, then MediaService::store on a worker thread) and "Hapus gambar". The field's value is
// the media id; empty means no image.
class ImagePicker : public QWidget
{
    Q_OBJECT
public:
    ImagePicker(Core &core, const Actor &actor, QWidget *parent = nullptr);

    QString mediaId() const { return m_id; }
    // Shows a media image already stored (empty: none). No upload.
    void setMedia(const QString &id);
    // Uploads the file at `path` on a worker thread; mediaStored() or failed() follows.
    void loadFile(const QString &path);
    bool isBusy() const { return m_busy; }
    QLabel *preview() const { return m_preview; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *clearButton() const { return m_clear; }

signals:
    void changed();
    void busyChanged(bool busy);
    void failed(const QString &message);

private:
    void choose();
    void updateState();
    Core &m_core;
    Actor m_actor;
    QString m_id;
    bool m_busy = false;
    int m_generation = 0; // a newer choice or setMedia() wins over an upload still running
    QLabel *m_preview;
    QLabel *m_info;
    QPushButton *m_choose, *m_clear;
};

} // namespace tu::ui
