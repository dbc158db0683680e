#pragma once
#include "ContentRepository.h"
#include "ContentTypes.h"
#include "Paging.h"
#include "Result.h"
#include "auth/Actor.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QJsonArray>
#include <functional>

namespace tu {

class AuditLog;
class Database;
class MediaService;
class SettingsStore;

struct ContentFilter {
    QString q;        // title/name contains (staff lists)
    QString status;   // news: draft | published
    QString category; // news (free text) and calendar (its options)
    QString priority; // announcements
    PageRequest page;
    // The filter on a field named by a descriptor (PublicListing::filterKey).
    QString value(const QString &key) const;
};

struct ContentPage {
    QJsonArray items;
    qint64 total = 0;
    PageRequest page;
    QJsonObject meta() const { return page.meta(total); }
};

// News, announcements, calendar, teachers, facilities and extracurricular: one service over the
// descriptors in ContentTypes. Validation is the same for the desktop editor and the admin API.
// News and announcement bodies are HTML sanitised on save (content/Html.h); the news excerpt is
// plain text; every other field is plain text stored as typed (bound, never spliced: escaping
// it is the renderer's job). Every change is audited in its transaction.
// OSIS (a student role) may only change or delete its own items, and what it creates or edits
// waits for approval by admin or kesiswaan before public lists show it.
class ContentService
{
public:
    ContentService(Database &db, AuditLog &audit, MediaService &media, SettingsStore &settings);
    // Injectable clock for publication times and "active now" (tests).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    QDateTime now() const;

    // --- staff ---------------------------------------------------------------------------
    Result<ContentPage> list(const ContentType &type, const ContentFilter &filter);
    Result<QJsonObject> get(const ContentType &type, const QString &id);
    Result<QJsonObject> create(const Actor &actor, const ContentType &type, const QJsonObject &input);
    // Keys absent from `input` keep their stored values.
    Result<QJsonObject> update(const Actor &actor, const ContentType &type, const QString &id, const QJsonObject &input);
    Status remove(const Actor &actor, const ContentType &type, const QString &id);
    // News only: publish now (keeping a publication time already set) or back to draft.
    Result<QJsonObject> setPublished(const Actor &actor, const QString &newsId, bool published);
    // Admin or kesiswaan: makes an OSIS item public (types OSIS edits only). Audited.
    Result<QJsonObject> approve(const Actor &actor, const ContentType &type, const QString &id);

    // --- public --------------------------------------------------------------------------
    // news: published and due, `category`; announcements: active now, `priority`;
    // teachers, facilities, extracurricular: all. Calendar has its own method.
    // A bad `priority` or `category` is a VALIDATION_ERROR. Answers are kept for
    // PublicCacheMs (the web frontend's home page asks for the same page all day): a change
    // made here shows at once, a change made by another process sharing the database and a
    // publication time or "active until" passing show within that time.
    Result<ContentPage> publicList(const ContentType &type, const ContentFilter &filter);
    static constexpr qint64 PublicCacheMs = 5000;
    // One whole item of a type whose listing has a detail view, if the public may see it.
    Result<QJsonObject> publicItem(const ContentType &type, const QString &id);
    struct Month {
        int year = 0, month = 0;
        QJsonArray events;
    };
    // Events overlapping the month (`month` 1–12, `year`); empty: the current one in the
    // school time zone. Anything else is a VALIDATION_ERROR.
    Result<Month> publicCalendar(const QString &year, const QString &month);
    // Events overlapping [from, to] (desktop month view).
    // publicView: as the public calendar shows them (no staff-only `approved`).
    Result<QJsonArray> events(const QDate &from, const QDate &to, bool publicView = false);

    // The stored form of `input` merged over `existing`, or per-field Indonesian messages.
    Result<ContentRecord> validate(const ContentType &type, const QJsonObject &input, const ContentRecord &existing = {});
    // Record as the API shows it: image fields as URLs (thumbnail when `forList`) plus `<key>Id`.
    // `publicView` fills an empty news excerpt from the content; staff see what is stored, so
    // an editor never saves the computed summary as if it had been typed.
    static QJsonObject present(const ContentType &type, const ContentRecord &record, bool forList = false, bool publicView = false);
    static QString excerptOf(const QString &content, int maxChars = 200);

private:
    Result<ContentRecord> find(const ContentType &type, const QString &id);
    Result<ContentPage> publicListUncached(const ContentType &type, const ContentFilter &filter);
    Result<ContentPage> page(const ContentType &type, const ContentQuery &query, const PageRequest &page,
                             const std::function<QJsonObject(const ContentRecord &)> &map);
    static Status checkPublicFilter(const ContentType &type, const ContentFilter &filter);
    Status checkEditor(const Actor &actor, const ContentType &type) const;
    static bool isOsis(const Actor &actor);
    static Status checkOwner(const Actor &actor, const ContentType &type, const ContentRecord &record);
    QJsonObject auditSummary(const ContentType &type, const ContentRecord &record) const;
    QString nowIsoString() const;

    Database &m_db;
    AuditLog &m_audit;
    MediaService &m_media;
    SettingsStore &m_settings;
    ContentRepository m_repo;
    std::function<QDateTime()> m_now;

    struct Cached {
        ContentPage page;
        qint64 expiresMs = 0;
    };
    void changed(); // after every committed change
    QMutex m_cacheMutex;
    QHash<QString, Cached> m_cache;
    quint64 m_generation = 0;
};

} // namespace tu
