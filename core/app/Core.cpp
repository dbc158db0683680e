#include "Core.h"
#include "SettingsCatalog.h"
#include "FileModes.h"
#include "Version.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCore, "tatausaha.core")

namespace tu {

QString Core::version() { return QStringLiteral(TATAUSAHA_VERSION); }

Core::~Core() = default;

Result<std::unique_ptr<Core>> Core::open(const Options &options)
{
    std::unique_ptr<Core> c(new Core);
    c->m_dataDir = options.dataDir;
    c->m_startedMs = QDateTime::currentMSecsSinceEpoch();
    restrictNewFileModes(); // before the first file or folder of this run is created
    if (!QDir().mkpath(options.dataDir))
        return Error::make(ErrorCode::ServerError,
                           QStringLiteral("Folder data %1 tidak dapat dibuat. Periksa izin tulis.").arg(options.dataDir));
    const QString url = options.databaseUrl.isEmpty()
        ? QStringLiteral("sqlite:") + options.dataDir + QStringLiteral("/tatausaha.sqlite")
        : options.databaseUrl;
    auto cfg = DatabaseConfig::fromUrl(url);
    if (!cfg.ok())
        return cfg.error();
    c->m_db = std::make_unique<Database>(cfg.value());
    if (auto s = c->m_db->open(); !s.ok())
        return s.error();
    // Folders and files an earlier version left readable to other local users.
    tightenDataDirModes(options.dataDir, cfg->isPostgres() ? QString() : cfg->sqlitePath);
    auto secret = Jwt::loadOrCreateSecret(options.dataDir + QStringLiteral("/jwt.secret"));
    if (!secret.ok())
        return secret.error();
    c->m_audit = std::make_unique<AuditLog>(*c->m_db);
    c->m_settings = std::make_unique<SettingsStore>(*c->m_db, *c->m_audit, settingKeys());
    if (auto s = c->m_settings->load(); !s.ok())
        return s.error();
    c->m_users = std::make_unique<UserService>(*c->m_db, *c->m_audit);
    c->m_auth = std::make_unique<AuthService>(*c->m_db, *c->m_audit, secret.value());
    c->m_tahunAjaran = std::make_unique<TahunAjaranService>(*c->m_db, *c->m_audit, c->m_settings.get());
    // Every service that stores uploads keeps this much free space on the data volume.
    const files::DiskReserve reserve{[settings = c->m_settings.get()] {
        return qMax<qint64>(0, settings->value(QStringLiteral("disk_reserve_mb")).toLongLong()) * 1024 * 1024;
    }};
    c->m_ppdb = std::make_unique<PpdbService>(*c->m_db, *c->m_audit, *c->m_tahunAjaran, *c->m_settings,
                                              options.dataDir + QStringLiteral("/uploads/ppdb"), reserve);
    // The SIAKAD preview says how many applicants the active year has before it is replaced.
    c->m_tahunAjaran->setApplicantCounter([ppdb = c->m_ppdb.get()](const QString &year) { return ppdb->countInYear(year); });
    c->m_media = std::make_unique<MediaService>(*c->m_db, *c->m_audit, options.dataDir + QStringLiteral("/uploads/media"), reserve);
    c->m_content = std::make_unique<ContentService>(*c->m_db, *c->m_audit, *c->m_media, *c->m_settings);
    c->m_studentWorks = std::make_unique<StudentWorkService>(*c->m_db, *c->m_audit, options.dataDir + QStringLiteral("/uploads/works"), reserve);
    c->m_dapodik = std::make_unique<DapodikService>(*c->m_db, *c->m_audit, *c->m_settings);
    c->m_dataFiles = std::make_unique<DataFileService>(*c->m_db, *c->m_audit, options.dataDir + QStringLiteral("/uploads/satudata"), reserve);
    c->m_satuDataSync = std::make_unique<SatuDataSync>(*c->m_db, *c->m_audit, *c->m_settings, *c->m_dataFiles);
    // A sync left RUNNING by a crash is reported as interrupted, never shown as still running.
    if (auto r = c->m_dapodik->recoverAtStartup(); r.ok() && r.value())
        qCWarning(lcCore) << "a Dapodik sync was interrupted by the last shutdown; marked ERROR: interrupted";

    const QString adminPassword = qEnvironmentVariable("TATAUSAHA_ADMIN_PASSWORD");
    if (!adminPassword.isEmpty()) {
        auto created = c->m_users->ensureInitialAdmin(adminPassword);
        if (!created.ok())
            return Error::make(ErrorCode::Validation,
                               QStringLiteral("TATAUSAHA_ADMIN_PASSWORD ditolak: %1")
                                   .arg(created.error().fields.value(QStringLiteral("password"), created.error().message)));
        if (created.value())
            qCInfo(lcCore) << "created the first admin account 'admin' from TATAUSAHA_ADMIN_PASSWORD";
    }
    qCInfo(lcCore).noquote() << "storage" << cfg->displayUrl() << "schema" << c->m_db->schemaVersion();
    return c;
}

void Core::startBackgroundTasks()
{
    if (m_scheduler)
        return;
    m_background = std::make_unique<QThreadPool>();
    m_background->setMaxThreadCount(1);
    m_scheduler = std::make_unique<QTimer>();
    m_scheduler->setInterval(30000);
    auto tick = [this] {
        if (m_background->activeThreadCount() > 0)
            return; // the last tick still waits for the database
        m_background->start([this] {
            auto r = m_satuDataSync->tick();
            if (!r.ok())
                qCWarning(lcCore) << "Satu Data schedule:" << r.error().message;
            else if (!r.value().isEmpty())
                qCInfo(lcCore) << "Satu Data sync started:" << r.value();
        });
    };
    QObject::connect(m_scheduler.get(), &QTimer::timeout, m_scheduler.get(), tick);
    m_scheduler->start();
    QTimer::singleShot(2000, m_scheduler.get(), tick);
}

bool Core::needsFirstAdmin()
{
    auto n = m_users->count();
    return n.ok() && n.value() == 0;
}

} // namespace tu
