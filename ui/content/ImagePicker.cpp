#include "ImagePicker.h"
#include "common/Async.h"
#include "common/PageParts.h"
#include "common/PlainText.h"
#include "common/Theme.h"
#include "app/Core.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tu::ui {

namespace {
constexpr int PreviewW = 208, PreviewH = 130;
}

ImagePicker::ImagePicker(Core &core, const Actor &actor, QWidget *parent)
    : QWidget(parent), m_core(core), m_actor(actor)
{
    // Preview on top, the buttons under it: narrow enough to stay beside the label.
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(8);
    m_preview = plainLabel(this);
    m_preview->setObjectName(QStringLiteral("imagePreview"));
    m_preview->setFixedSize(PreviewW, PreviewH);
    m_preview->setAlignment(Qt::AlignCenter);
    column->addWidget(m_preview);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    m_choose = actionButton(tr("Pilih gambar…"), QStringLiteral("folder"), this);
    m_choose->setObjectName(QStringLiteral("chooseImage"));
    m_clear = actionButton(tr("Hapus gambar"), QStringLiteral("trash"), this);
    m_clear->setObjectName(QStringLiteral("clearImage"));
    m_info = plainLabel(this);
    m_info->setObjectName(QStringLiteral("hint"));
    m_info->setWordWrap(true);
    buttons->addWidget(m_choose);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(m_info);
    connect(m_choose, &QPushButton::clicked, this, &ImagePicker::choose);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        ++m_generation;
        setMedia(QString());
        emit changed();
    });
    setFocusProxy(m_choose);
    updateState();
}

void ImagePicker::setMedia(const QString &id)
{
    ++m_generation;
    if (m_busy) {
        m_busy = false;
        emit busyChanged(false);
    }
    m_id = id;
    QPixmap pm;
    if (!id.isEmpty()) {
        auto f = m_core.media().file(id, true);
        if (f.ok())
            pm.load(f->path);
    }
    if (!pm.isNull()) {
        const qreal dpr = devicePixelRatioF();
        QPixmap scaled = pm.scaled(QSize(PreviewW - 4, PreviewH - 4) * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        scaled.setDevicePixelRatio(dpr);
        m_preview->setPixmap(scaled);
    } else {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(id.isEmpty() ? tr("Belum ada gambar") : tr("Pratinjau tidak tersedia"));
    }
    updateState();
}

void ImagePicker::choose()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getOpenFileName(this, tr("Pilih gambar"), dir,
                                                      tr("Gambar (*.jpg *.jpeg *.png *.webp)"));
    if (!path.isEmpty())
        loadFile(path);
}

void ImagePicker::loadFile(const QString &path)
{
    const int generation = ++m_generation;
    m_busy = true;
    emit busyChanged(true);
    m_preview->setPixmap(QPixmap());
    m_preview->setText(tr("Mengunggah…"));
    updateState();
    Core *core = &m_core;
    const Actor actor = m_actor;
    runAsync(this, [core, actor, path]() -> Result<Media> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Validation, ImagePicker::tr("Berkas %1 tidak dapat dibuka.").arg(QFileInfo(path).fileName()));
        return core->media().store(actor, file, QFileInfo(path).fileName());
    }, [this, generation](const Result<Media> &r) {
        if (generation != m_generation)
            return; // superseded
        m_busy = false;
        emit busyChanged(false);
        if (!r.ok()) {
            setMedia(m_id); // back to the image the form had
            emit failed(r.error().text());
            return;
        }
        setMedia(r.value().id);
        emit changed();
    });
}

void ImagePicker::updateState()
{
    m_choose->setEnabled(!m_busy);
    m_clear->setEnabled(!m_busy && !m_id.isEmpty());
    m_info->setText(m_busy ? tr("Mengunggah gambar…") : tr("JPEG, PNG atau WebP, paling besar 5 MB."));
}

} // namespace tu::ui
