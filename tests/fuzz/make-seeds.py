#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets: tests/fuzz/<target>/*.

Small, hand-made valid inputs and edge cases. The files are committed; run this again only after
changing it (it rewrites every seed it names and leaves other files alone):
    python3 tests/fuzz/make-seeds.py
"""
import base64
import hashlib
import hmac
import io
import json
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(target, name, data):
    d = os.path.join(HERE, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


# --- HTTP request heads ------------------------------------------------------------------------
heads = {
    "get-health": "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
    "post-login": "POST /api/auth/login HTTP/1.1\r\nHost: sekolah.local\r\nContent-Type: application/json\r\n"
                  "Content-Length: 45\r\nOrigin: https://sekolah.local\r\nConnection: keep-alive\r\n\r\n",
    "browser-get": "GET /api/news?page=2&limit=10&q=ujian%20akhir HTTP/1.1\r\nHost: sekolah.local\r\n"
                   "User-Agent: Mozilla/5.0\r\nAccept: application/json\r\nAccept-Language: id-ID,id;q=0.9\r\n"
                   "Cookie: token=abc.def.ghi; theme=dark\r\nX-Forwarded-For: 10.0.0.7, 192.168.1.1\r\n\r\n",
    "upload": "POST /api/integrations/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc.def.ghi\r\n"
              "Content-Type: multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW\r\n"
              "Content-Length: 1048576\r\n\r\n",
    "http10-close": "GET / HTTP/1.0\r\nConnection: close\r\n\r\n",
    "bare-lf": "GET /api/ppdb/status?number=PPDB-2026-0001 HTTP/1.1\nHost: x\n\n",
    "options-preflight": "OPTIONS /api/users HTTP/1.1\r\nOrigin: http://localhost:5173\r\n"
                         "Access-Control-Request-Method: PUT\r\nAccess-Control-Request-Headers: content-type\r\n\r\n",
    "chunked": "POST /api/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    "two-lengths": "POST /api/x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
    "folded": "GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n",
    "percent-path": "GET /api/content/news/%E2%9C%93%2F..%2f%00?x=%zz HTTP/1.1\r\n\r\n",
    "negative-length": "PUT /api/settings HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
    "huge-length": "PUT /api/settings HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
}
for name, h in heads.items():
    write("http_head", name, h)

# --- multipart/form-data -----------------------------------------------------------------------
# Format: one byte = how many body bytes each read returns, in 16s (0: 64 KiB), the Content-Type value,
# '\n', the body.
def mp(chunk, ctype, body):
    return bytes([chunk]) + ctype.encode() + b"\n" + body


B = b"----WebKitFormBoundary7MA4YWxkTrZu0gW"
png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\r\n--" + b"notit\r\n"
form = (b"--" + B + b"\r\nContent-Disposition: form-data; name=\"registrationId\"\r\n\r\nPPDB-2026-0001\r\n"
        b"--" + B + b"\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nphoto\r\n"
        b"--" + B + b"\r\nContent-Disposition: form-data; name=\"file\"; filename=\"foto \\\"saya\\\".png\"\r\n"
        b"Content-Type: image/png\r\n\r\n" + png + b"\r\n--" + B + b"--\r\n")
write("multipart", "browser-form", mp(0, "multipart/form-data; boundary=" + B.decode(), form))
write("multipart", "browser-form-small-reads", mp(2, "multipart/form-data; boundary=" + B.decode(), form))
csv_upload = (b"preamble\r\n--xYz\r\ncontent-disposition: form-data; name=\"title\"\r\n\r\nJumlah siswa\r\n"
              b"--xYz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"siswa.csv\"\r\n"
              b"Content-Type: text/csv\r\n\r\nkelas,jumlah\nVII,96\n\r\n--xYz--")
write("multipart", "csv-upload", mp(1, "multipart/form-data; charset=utf-8; boundary=\"xYz\"", csv_upload))
write("multipart", "empty-form", mp(3, "multipart/form-data; boundary=B", b"--B--\r\n"))
write("multipart", "truncated", mp(0, "multipart/form-data; boundary=B",
                                   b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue without end"))
write("multipart", "no-name", mp(2, "multipart/form-data; boundary=B",
                                 b"--B\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\nx\r\n--B--\r\n"))

# --- CSV ----------------------------------------------------------------------------------------
csvs = {
    "comma.csv": "kelas,jumlah\nVII,96\nVIII,94\n",
    "semicolon-crlf-bom.csv": "\ufeffkelas;jumlah\r\nVII;96\r\nVIII;94\r\n",
    "quoted-newline.csv": "nama,catatan\n\"Lab, IPA\",\"baris 1\nbaris \"\"2\"\"\"\n",
    "no-final-newline.csv": "a,b\n\n1,2",
    "tabs.csv": "kodeindikator\tkodepemda\ttahun\tdata\n1.01\t3404\t2025\t0123\n",
    "sipd.csv": "kodeindikator,kodepemda,tahun,nilai\n1.01.01,3404,2025,12.5\n1.01.02,3404,2025,7\n",
    "ragged.csv": "a,b\n1,2\n3\n",
    "unclosed-quote.csv": "a,b\n\"1,2\n",
    "duplicate-header.csv": "nama,Nama\n1,2\n",
    "unicode.csv": "nama,kota\nSiti Nurhaliza,Yogyakarta \u2713\n\u00c9mile,\u65e5\u672c\n",
}
for name, c in csvs.items():
    write("csv", name, c)
write("csv", "latin1.csv", b"nama\nSekolah Swasta \xe9\n")


# --- XLSX ---------------------------------------------------------------------------------------
def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, shared):
    """rows of cells; a str cell goes to the shared strings, a number stays inline."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(row):
            ref = "%s%d" % (col_name(c), r)
            if v is None:
                continue
            if isinstance(v, str):
                if v not in shared:
                    shared.append(v)
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, shared.index(v)))
            else:
                out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def shared_xml(shared):
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
            % (len(shared), len(shared))
            + "".join("<si><t>%s</t></si>" % esc(s) for s in shared) + "</sst>")


def xlsx(rows, compression=zipfile.ZIP_DEFLATED):
    shared = []
    sheet = sheet_xml(rows, shared)
    buf = io.BytesIO()
    parts = [("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
             ("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
             ("xl/sharedStrings.xml", shared_xml(shared)),
             ("xl/worksheets/sheet1.xml", sheet)]
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, content in parts:  # a fixed date: the same bytes on every run
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content, compression)
    return buf.getvalue(), sheet, shared_xml(shared)


siswa = [["kelas", "laki-laki", "perempuan"], ["VII", 48, 48], ["VIII", 45, 49], ["IX", None, 50]]
data, sheet, shared = xlsx(siswa)
write("xlsx", "siswa.xlsx", data)
write("xlsx", "siswa-stored.xlsx", xlsx(siswa, zipfile.ZIP_STORED)[0])
# The target's other format: sheet1.xml NUL sharedStrings.xml, zipped by the target itself.
write("xlsx", "siswa.parts", sheet.encode() + b"\0" + shared.encode())
_, sheet, shared = xlsx([["kodeindikator", "kodepemda", "tahun", "data"], ["1.01", "3404", 2025, "0123"]])
write("xlsx", "sipd.parts", sheet.encode() + b"\0" + shared.encode())
inline = ('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nama</t></is></c>'
          '<c r="C1" t="inlineStr"><is><t>nilai</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>'
          '<row r="2"><c r="A2" t="str"><v>Budi</v></c><c r="D2"><v>1</v></c></row>'
          '<row><c><v>2</v></c><c t="s"><v>99</v></c><c t="s"><v>-1</v></c></row></sheetData></worksheet>')
write("xlsx", "inline-strings.parts", inline)  # no sharedStrings.xml at all
# Column letters worth 2^32 + 2: once wrapped around to column B (see tst_tablefile).
write("xlsx", "wrapping-ref.parts", '<worksheet><sheetData><row><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
      '<c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row><c r="A2"><v>1</v></c><c r="MWLQKWX2"><v>2</v></c></row>'
      '</sheetData></worksheet>')
write("xlsx", "wide-ref.parts", '<worksheet><sheetData><row><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>\0<sst/>')
write("xlsx", "rich-text.parts", sheet.encode() + b"\0" +
      b'<sst><si><r><t>kode</t></r><r><rPr><b/></rPr><t>indikator</t></r></si><si><t xml:space="preserve"> a </t></si></sst>')

# --- JSON bodies --------------------------------------------------------------------------------
registration = {
    "nisn": "0098765432", "fullName": "Andi Kurniawan", "birthPlace": "Sleman", "birthDate": "2013-02-28",
    "gender": "L", "religion": "Islam", "address": "Jl. Kaliurang KM 5 No. 12", "province": "DI Yogyakarta",
    "city": "Sleman", "district": "Depok", "postalCode": "55281", "fatherName": "Budi Santoso",
    "fatherPhone": "081234567890", "motherName": "Siti Aminah", "motherPhone": "+6281234567890",
    "previousSchool": "SD Negeri 1 Depok", "email": "andi@example.com", "phone": "0812-3456-7890",
}
bodies = {
    "login.json": {"username": "admin", "password": "admin12345"},
    "registration.json": registration,
    "news.json": {"title": "Ujian Akhir", "body": "<p>Jadwal \u2713</p>", "tags": ["ujian", "kelas-9"], "publish": True,
                  "order": 1.5e3, "meta": None},
    "sync.json": {"targets": ["splp", "sipd"], "keep": "local"},
}
for name, b in bodies.items():
    write("json_body", name, json.dumps(b, ensure_ascii=False))
write("json_body", "array.json", "[1,2,3]")
write("json_body", "nested.json", "{\"a\":" * 40 + "1" + "}" * 40)
write("json_body", "escapes.json", '{"s":"\\u0000\\ud83d\\ude00\\ud800 \\"q\\" \\\\","n":-0.0e-400,"big":123456789012345678901234567890}')
write("json_body", "trailing.json", '{"a":1} x')
write("json_body", "bom.json", "\ufeff{\"a\":1}")

# --- Cookie header / bearer token ---------------------------------------------------------------
SECRET = b"k" * 32  # the fuzz target's test secret


def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(payload, alg="HS256"):
    head = b64(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64(json.dumps(payload, separators=(",", ":")).encode())
    sig = b64(hmac.new(SECRET, (head + "." + body).encode(), hashlib.sha256).digest())
    return head + "." + body + "." + sig


claims = {"sub": "3f2a", "username": "admin", "role": "admin", "tv": 1, "jti": "j-1", "iat": 1790000000, "exp": 1890000000}
write("jwt_cookie", "cookie-token", "theme=dark; token=" + jwt(claims) + "; lang=id")
write("jwt_cookie", "cookie-auth-token", "auth_token=\"" + jwt(claims) + "\"")
write("jwt_cookie", "bearer", jwt(claims))
write("jwt_cookie", "expired", jwt(dict(claims, exp=1000)))
write("jwt_cookie", "alg-none", jwt(claims, alg="none"))
write("jwt_cookie", "odd-claims", jwt({"sub": 5, "jti": ["x"], "exp": "soon", "tv": 1e10, "iat": -1}))
write("jwt_cookie", "duplicates", "token=a.b.c; token=d.e.f; =x; ;;; novalue; auth_token=")

# --- PPDB registration --------------------------------------------------------------------------
write("registration", "valid.json", json.dumps(registration))
write("registration", "invalid.json", json.dumps({"nisn": "12", "birthDate": "2013-02-30", "gender": "x",
                                                  "email": "a@b", "fullName": "A\u200bB", "postalCode": 55281}))


def provider_seed(today_offset, fields):
    """Bytes that FuzzedDataProvider turns into `today` (days after 1900-01-01) and the fields in
    fuzz_registration.cpp's Keys order: strings are read from the front, choices from the back."""
    keys = ["fullName", "birthPlace", "address", "province", "city", "district", "fatherName", "motherName",
            "previousSchool", "nisn", "gender", "religion", "birthDate", "fatherPhone", "motherPhone", "phone",
            "postalCode", "email"]
    front = b""
    back = []  # consumed from the end, in order
    back += [(today_offset >> 16) & 0xFF, (today_offset >> 8) & 0xFF, today_offset & 0xFF]
    for k in keys:
        v = fields.get(k)
        if v is None:
            back.append(0)
        else:
            back.append(2)
            front += v.encode("utf-8").replace(b"\\", b"\\\\") + b"\\ "
    return front + bytes(reversed(back))


def days(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1900, 1, 1)).days


write("registration", "valid-provider", provider_seed(days(2026, 6, 15), registration))
write("registration", "leap-day-provider", provider_seed(days(2028, 2, 29), dict(registration, birthDate="2016-02-29")))
write("registration", "age-edge-provider", provider_seed(days(2025, 3, 1), dict(registration, birthDate="2016-02-29")))
# Claims as JSON: the target also signs its whole input as a token's payload.
write("jwt_cookie", "claims.json", json.dumps(claims))
write("jwt_cookie", "claims-edge.json", '{"sub":"1","jti":"j","exp":1e300,"iat":-1e300,"tv":2147483648,"role":null}')
