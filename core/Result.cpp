#include "Result.h"

#include <QLoggingCategory>
#include <QStringList>

Q_LOGGING_CATEGORY(lcError, "tatausaha.error")

namespace tu {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Validation: return QStringLiteral("VALIDATION_ERROR");
    case ErrorCode::Unauthorized: return QStringLiteral("UNAUTHORIZED");
    case ErrorCode::CaptchaRequired: return QStringLiteral("CAPTCHA_REQUIRED");
    case ErrorCode::Forbidden: return QStringLiteral("FORBIDDEN");
    case ErrorCode::RegistrationClosed: return QStringLiteral("REGISTRATION_CLOSED");
    case ErrorCode::NotFound: return QStringLiteral("NOT_FOUND");
    case ErrorCode::Conflict: return QStringLiteral("CONFLICT");
    case ErrorCode::PayloadTooLarge: return QStringLiteral("PAYLOAD_TOO_LARGE");
    case ErrorCode::UnsupportedMediaType: return QStringLiteral("UNSUPPORTED_MEDIA_TYPE");
    case ErrorCode::RateLimited: return QStringLiteral("RATE_LIMITED");
    case ErrorCode::ServerError: return QStringLiteral("SERVER_ERROR");
    case ErrorCode::UpstreamError: return QStringLiteral("UPSTREAM_ERROR");
    case ErrorCode::InsufficientStorage: return QStringLiteral("INSUFFICIENT_STORAGE");
    }
    return QStringLiteral("SERVER_ERROR");
}

int errorHttpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Validation: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::CaptchaRequired: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::RegistrationClosed: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::ServerError: return 500;
    case ErrorCode::UpstreamError: return 502;
    case ErrorCode::InsufficientStorage: return 507;
    }
    return 500;
}

Error Error::validation(const QHash<QString, QString> &fields, const QString &message)
{
    Error e;
    e.code = ErrorCode::Validation;
    e.fields = fields;
    e.message = message.isEmpty()
        ? QStringLiteral("Data yang dikirim tidak valid. Periksa isian yang ditandai lalu coba lagi.")
        : message;
    return e;
}

QString Error::text() const
{
    QStringList lines;
    if (!message.isEmpty())
        lines << message;
    QStringList names = fields.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const QString &m = fields.value(name);
        if (!m.isEmpty() && !lines.contains(m))
            lines << m;
    }
    return lines.join(QLatin1Char('\n'));
}

Error Error::server(const QString &internalDetail)
{
    qCWarning(lcError).noquote() << "server error:" << internalDetail;
    return make(ErrorCode::ServerError,
                QStringLiteral("Terjadi kesalahan pada server. Coba lagi; bila berulang, hubungi admin."));
}

} // namespace tu
