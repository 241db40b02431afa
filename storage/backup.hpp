// File: storage/backup.hpp
// `cocbot backup` and `cocbot restore`: a consistent copy of the database taken while cocbot
// runs (SQLite's online backup API), and a copy put back where no database is. Copies are
// private files, like the database, and are checked before they are called good.
#pragma once

#include "storage/sealing.hpp"

#include <cstdint>
#include <string>

namespace cocbot::storage {

// What a sound copy holds, for the operator to see that it is the one they meant.
struct CopyFacts {
    int schema = 0;
    std::int64_t incidents = 0;
};

// Copies the database at `database` into `copy`, a new file with mode 0600 (an existing file
// is refused and left alone). Writers go on meanwhile; the copy is one snapshot. Throws
// std::runtime_error saying what is wrong, with no partial copy left behind.
CopyFacts backup(const std::string& database, const std::string& copy);

// Puts `copy` in place at `database`, which must not exist (cocbot stopped, the old file moved
// aside). Refuses a copy that is damaged, not cocbot's, from a newer cocbot, or sealed under
// another key than `key`'s.
CopyFacts restore(const std::string& copy, const std::string& database, const KeySource& key);

} // namespace cocbot::storage
