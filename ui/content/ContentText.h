#pragma once
// Core's content descriptors (ContentTypes) name their types, fields and options in Indonesian.
// These give the same texts in the interface language: Indonesian as core words them, English
// when the English interface is on. A label core adds later shows in Indonesian until translated.

#include "content/ContentTypes.h"

#include <QString>

namespace tu::ui {

QString contentTypeText(const ContentType &type);          // "Berita"
QString contentFieldText(const ContentField &field);       // "Judul"
QString contentPlaceholderText(const ContentField &field); // "mis. Prestasi, Kegiatan"
QString contentOptionText(const QString &option);          // "draft" -> "Draf"
QString studentWorkCategoryText(const QString &category);  // "sains" -> "Sains"
QString auditAreaText(const QString &area);                // AuditLog::areaLabel, translated
QString auditActionText(const QString &action);            // "create" -> "Tambah"
QString auditEntityText(const QString &entity);            // "news" -> "Berita"

} // namespace tu::ui
