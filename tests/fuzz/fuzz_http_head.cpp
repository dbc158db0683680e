// HTTP request heads: parseRequestHead, what the server does with every request's bytes up to
// the blank line, and hasBareLineFeed, which it asks of a head still arriving.
//
// Input: the bytes a client sent. As the server does, the head is everything before the first
// CRLF CRLF (all of the input when there is none).
#include "FuzzInput.h"
#include "http/RequestHead.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = tu::fuzz::bytes(data, size);
    (void)tu::hasBareLineFeed(in);
    const int end = in.indexOf("\r\n\r\n");
    const QByteArray head = end < 0 ? in : in.left(end);

    int status = 0;
    const auto req = tu::parseRequestHead(head, tu::HeadLimits{}, &status);
    if (!req.ok()) {
        TU_FUZZ_CHECK(status == 400 || status == 411 || status == 431 || status == 505);
        TU_FUZZ_CHECK(!req.error().message.isEmpty());
        return 0;
    }
    TU_FUZZ_CHECK(status == 0);
    TU_FUZZ_CHECK(head.size() <= tu::HeadLimits{}.maxHeadBytes);
    TU_FUZZ_CHECK(!req->method.isEmpty() && req->target.startsWith('/'));
    TU_FUZZ_CHECK(req->version == "HTTP/1.1" || req->version == "HTTP/1.0");
    TU_FUZZ_CHECK(req->contentLength >= 0);
    TU_FUZZ_CHECK(req->headers.size() <= tu::HeadLimits{}.maxHeaders);
    for (const auto &h : req->headers)
        TU_FUZZ_CHECK(!h.first.isEmpty() && h.first == h.first.toLower() && !h.second.contains('\n')
                      && !h.second.contains('\r') && !h.second.contains('\0'));
    TU_FUZZ_CHECK(!tu::hasBareLineFeed(head));
    // What ApiServer reads next from a parsed head.
    (void)tu::requestHostName(*req);
    (void)req->contentType();
    (void)req->query.queryItems(QUrl::FullyDecoded);
    return 0;
}
