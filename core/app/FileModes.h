#pragma once
#include <QString>

namespace tu {

// The data folder holds the database, uploaded documents (birth certificates, family cards),
// the JWT secret and logs: nothing in it is for other local users.

// Process-wide: everything created from now on is private to the owner (umask 077: folders
// 0700, files 0600). Programs call it first thing; Core::open calls it too. No-op on Windows,
// where the per-user profile folder already keeps other users out.
void restrictNewFileModes();

// Makes what earlier versions left readable private: the data folder itself 0700; the SQLite
// file with its -wal, -shm and -journal, and jwt.secret 0600; everything under uploads/,
// logs/ and tmp/ (folders 0700, files 0600). Symbolic links are left alone; a path that
// cannot be changed is logged. `sqlitePath` may be empty (PostgreSQL). No-op on Windows.
void tightenDataDirModes(const QString &dataDir, const QString &sqlitePath);

} // namespace tu
