#pragma once
#include "Result.h"
#include "academic/TahunAjaranService.h"
#include "audit/AuditLog.h"
#include "auth/AuthService.h"
#include "auth/UserService.h"
#include "content/ContentService.h"
#include "content/MediaService.h"
#include "content/StudentWorkService.h"
#include "dapodik/DapodikService.h"
#include "satudata/DataFileService.h"
#include "satudata/SatuDataSync.h"
#include "db/Database.h"
#include "ppdb/PpdbService.h"
#include "SettingsStore.h"

#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace tu {

// The GUI-free heart of TataUsaha: storage and every service. The desktop app, the headless
// server, the HTTP API, the tests and the benchmarks all build one of these and use it.
class Core
{
public:
    struct Options {
        QString dataDir;
        QString databaseUrl; // empty: sqlite:<dataDir>/tatausaha.sqlite
    };

    // Opens storage, applies migrations, loads settings, creates the first admin from
    // TATAUSAHA_ADMIN_PASSWORD when there are no users.
    static Result<std::unique_ptr<Core>> open(const Options &options);
    ~Core();

    Database &db() { return *m_db; }
    AuditLog &audit() { return *m_audit; }
    SettingsStore &settings() { return *m_settings; }
    UserService &users() { return *m_users; }
    AuthService &auth() { return *m_auth; }
    TahunAjaranService &tahunAjaran() { return *m_tahunAjaran; }
    PpdbService &ppdb() { return *m_ppdb; }
    MediaService &media() { return *m_media; }
    ContentService &content() { return *m_content; }
    StudentWorkService &studentWorks() { return *m_studentWorks; }
    DapodikService &dapodik() { return *m_dapodik; }
    DataFileService &dataFiles() { return *m_dataFiles; }
    SatuDataSync &satuDataSync() { return *m_satuDataSync; }
    // Background work while the program runs: the Satu Data schedule and retry queue, checked
    // every half minute (and once right away, so retries left by the last run resume).
    // Programs call it; tests drive SatuDataSync::tick() themselves.
    void startBackgroundTasks();

    const QString &dataDir() const { return m_dataDir; }
    qint64 startedAtMs() const { return m_startedMs; }
    static QString version();
    // True while no user exists: the desktop shows the first-run dialog, the server refuses logins.
    bool needsFirstAdmin();

private:
    Core() = default;
    QString m_dataDir;
    qint64 m_startedMs = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<SettingsStore> m_settings;
    std::unique_ptr<UserService> m_users;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<TahunAjaranService> m_tahunAjaran;
    std::unique_ptr<PpdbService> m_ppdb;
    std::unique_ptr<MediaService> m_media;
    std::unique_ptr<ContentService> m_content;
    std::unique_ptr<StudentWorkService> m_studentWorks;
    std::unique_ptr<DapodikService> m_dapodik;
    std::unique_ptr<DataFileService> m_dataFiles;
    std::unique_ptr<SatuDataSync> m_satuDataSync;
    std::unique_ptr<QTimer> m_scheduler;
    // The schedule tick reads the database: off the GUI thread, one tick at a time. Declared
    // last, so it is waited for before any service goes.
    std::unique_ptr<QThreadPool> m_background;
};

} // namespace tu
