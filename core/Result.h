#pragma once
// Errors are values: every service returns Result<T>, carrying either the value or a typed
// Error with an Indonesian message for people and per-field messages for forms. The HTTP layer
// maps ErrorCode to a status; the desktop shows message and fields under the inputs.

#include <QHash>
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace tu {

enum class ErrorCode {
    Validation,
    Unauthorized,
    CaptchaRequired,
    Forbidden,
    RegistrationClosed,
    NotFound,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    ServerError,
    UpstreamError,
    InsufficientStorage, // 507: free space on the data volume is below the reserve
};

// The API's error code string ("VALIDATION_ERROR", "NOT_FOUND", …); the HTTP layer maps
// each code to its status (400, 404, …), see Result.cpp.
QString errorCodeName(ErrorCode code);
int errorHttpStatus(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::ServerError;
    QString message;                 // Indonesian, says what to do next
    QHash<QString, QString> fields;  // field name -> Indonesian message (validation)
    int retryAfterSeconds = 0;       // RATE_LIMITED

    static Error validation(const QHash<QString, QString> &fields,
                            const QString &message = QString());
    static Error make(ErrorCode code, const QString &message) { return Error{code, message, {}, 0}; }
    static Error notFound(const QString &message) { return make(ErrorCode::NotFound, message); }
    static Error conflict(const QString &message) { return make(ErrorCode::Conflict, message); }
    static Error forbidden(const QString &message) { return make(ErrorCode::Forbidden, message); }
    static Error unauthorized(const QString &message) { return make(ErrorCode::Unauthorized, message); }
    // Database or other internal failure: the detail goes to the log, never to the client.
    static Error server(const QString &internalDetail);

    // What a person reads: the message, then each field's message (by field name) on its own
    // line. The one way the desktop turns an error into a banner or dialog text.
    QString text() const;
};

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    // By value, not T&&: `for (x : service.list().value())` would otherwise iterate a
    // reference into the temporary Result, destroyed before the loop body runs.
    T value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Unit {};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace tu
