#include "RequestHead.h"

#include <QUrl>

namespace tu {

namespace {

// RFC 9110 token characters (header names, methods).
bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    }
    return false;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Field value bytes: HTAB, SP, visible ASCII, obs-text. No other control characters (a lone CR
// or NUL inside a value is how header injection gets past a proxy).
bool isFieldValueByte(unsigned char c) { return c == '\t' || c >= 0x20 ? c != 0x7F : false; }

QByteArray trimOws(const QByteArray &v)
{
    int b = 0, e = v.size();
    while (b < e && (v[b] == ' ' || v[b] == '\t'))
        ++b;
    while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t'))
        --e;
    return v.mid(b, e - b);
}

// reg-name or IPv4 literal, or [IPv6], then an optional :port.
bool validHost(const QByteArray &h)
{
    if (h.isEmpty())
        return false;
    int i = 0;
    if (h[0] == '[') {
        const int close = h.indexOf(']');
        if (close < 2)
            return false;
        for (int k = 1; k < close; ++k) {
            const char c = h[k];
            if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'))
                return false;
        }
        i = close + 1;
    } else {
        while (i < h.size() && h[i] != ':') {
            const char c = h[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '-' || c == '.' || c == '_'))
                return false;
            ++i;
        }
        if (i == 0)
            return false;
    }
    if (i == h.size())
        return true;
    if (h[i] != ':' || i + 1 == h.size() || h.size() - i - 1 > 5)
        return false;
    for (int k = i + 1; k < h.size(); ++k)
        if (!isDigit(h[k]))
            return false;
    return true;
}

} // namespace

bool hasBareLineFeed(const QByteArray &bytes)
{
    for (int i = bytes.indexOf('\n'); i >= 0; i = bytes.indexOf('\n', i + 1))
        if (i == 0 || bytes[i - 1] != '\r')
            return true;
    return false;
}

QString requestHostName(const HttpRequest &request)
{
    const QByteArray h = request.header("host");
    if (h.startsWith('[')) {
        const int close = h.indexOf(']');
        return close > 0 ? QString::fromLatin1(h.mid(1, close - 1)).toLower() : QString();
    }
    const int colon = h.indexOf(':');
    return QString::fromLatin1(colon < 0 ? h : h.left(colon)).toLower();
}

Result<HttpRequest> parseRequestHead(const QByteArray &rawHead, const HeadLimits &limits, int *errorStatus)
{
    auto fail = [errorStatus](int status, const QString &message) -> Result<HttpRequest> {
        if (errorStatus)
            *errorStatus = status;
        return Error::make(ErrorCode::Validation, message);
    };
    const QString invalid = QStringLiteral("Permintaan HTTP tidak valid.");
    if (rawHead.size() > limits.maxHeadBytes)
        return fail(431, QStringLiteral("Header permintaan terlalu besar."));

    int start = 0;
    while (rawHead.mid(start, 2) == "\r\n")
        start += 2;
    const QByteArray head = rawHead.mid(start);
    if (head.isEmpty())
        return fail(400, invalid);
    // CRLF only: a bare LF or a lone CR anywhere is refused (a proxy might split lines there
    // and we would not).
    for (int i = 0; i < head.size(); ++i) {
        const char c = head[i];
        if (c == '\0')
            return fail(400, invalid);
        if (c == '\r' && (i + 1 == head.size() || head[i + 1] != '\n'))
            return fail(400, QStringLiteral("Setiap baris permintaan HTTP harus diakhiri CRLF."));
        if (c == '\n' && (i == 0 || head[i - 1] != '\r'))
            return fail(400, QStringLiteral("Setiap baris permintaan HTTP harus diakhiri CRLF."));
    }
    const QList<QByteArray> lines = head.split('\n'); // each line but the last ends with '\r'
    auto lineAt = [&lines](int i) {
        QByteArray l = lines[i];
        if (l.endsWith('\r'))
            l.chop(1);
        return l;
    };

    // Request line: method SP request-target SP HTTP-version, single spaces.
    const QByteArray requestLine = lineAt(0);
    const int sp1 = requestLine.indexOf(' ');
    const int sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, invalid);
    HttpRequest req;
    req.method = requestLine.left(sp1);
    req.target = requestLine.mid(sp1 + 1, sp2 - sp1 - 1);
    req.version = requestLine.mid(sp2 + 1);
    if (req.method.size() > 32)
        return fail(400, QStringLiteral("Metode HTTP tidak valid."));
    for (char c : std::as_const(req.method))
        if (c < 'A' || c > 'Z')
            return fail(400, QStringLiteral("Metode HTTP tidak valid."));
    if (req.version != "HTTP/1.1" && req.version != "HTTP/1.0") {
        const QByteArray &v = req.version;
        if (v.size() == 8 && v.startsWith("HTTP/") && isDigit(v[5]) && v[6] == '.' && isDigit(v[7]))
            return fail(505, QStringLiteral("Versi HTTP tidak didukung. Gunakan HTTP/1.1."));
        return fail(400, invalid);
    }
    if (!req.target.startsWith('/'))
        return fail(400, invalid);
    for (char c : std::as_const(req.target))
        if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F || c == '#')
            return fail(400, invalid);
    const int q = req.target.indexOf('?');
    req.path = QUrl::fromPercentEncoding(q < 0 ? req.target : req.target.left(q));
    if (req.path.contains(QChar(0)))
        return fail(400, invalid);
    if (q >= 0)
        req.query = QUrlQuery(QString::fromUtf8(req.target.mid(q + 1)));

    bool haveLength = false;
    int hosts = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lineAt(i);
        if (line.isEmpty())
            return fail(400, QStringLiteral("Header permintaan tidak valid."));
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("Header terlipat tidak didukung."));
        if (req.headers.size() >= limits.maxHeaders)
            return fail(431, QStringLiteral("Terlalu banyak header permintaan."));
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return fail(400, QStringLiteral("Header permintaan tidak valid."));
        QByteArray name = line.left(colon);
        for (char c : std::as_const(name))
            if (!isTchar(c)) // includes whitespace before the colon
                return fail(400, QStringLiteral("Header permintaan tidak valid."));
        name = name.toLower();
        const QByteArray value = trimOws(line.mid(colon + 1));
        for (char c : value)
            if (!isFieldValueByte(static_cast<unsigned char>(c)))
                return fail(400, QStringLiteral("Header permintaan tidak valid."));
        if (name == "content-length") {
            // Digits only: "+2", "-0", " 2 2", "2, 2" and hex are all refused. 18 digits fit qint64.
            if (value.isEmpty() || value.size() > 18)
                return fail(400, QStringLiteral("Content-Length tidak valid."));
            for (char c : value)
                if (!isDigit(c))
                    return fail(400, QStringLiteral("Content-Length tidak valid."));
            const qint64 len = value.toLongLong();
            if (haveLength && len != req.contentLength)
                return fail(400, QStringLiteral("Content-Length tidak valid."));
            haveLength = true;
            req.contentLength = len;
        } else if (name == "transfer-encoding") {
            return fail(411, QStringLiteral("Kirim badan permintaan dengan Content-Length (chunked tidak didukung)."));
        } else if (name == "host") {
            if (++hosts > 1 || (!value.isEmpty() && !validHost(value)))
                return fail(400, QStringLiteral("Header Host tidak valid."));
        }
        req.headers.append(HeaderList::value_type(name, value));
    }
    if (req.version == "HTTP/1.1" && (hosts == 0 || req.header("host").isEmpty()))
        return fail(400, QStringLiteral("Header Host wajib ada pada HTTP/1.1."));
    return req;
}

} // namespace tu
