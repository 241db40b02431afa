// File: storage/rekey.hpp
// `cocbot rekey`: the whole database sealed again under a new key, in one transaction, with the
// key file replaced only once that transaction is on disk.
#pragma once

#include "core/time.hpp"
#include "storage/sealing.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace cocbot::storage {

struct RekeyFacts {
    std::size_t values = 0;        // sealed values written again
    bool key_file_written = false; // the new key is in source.key_file now
};

// Seals the database at `path` (opened with `source`) under `next`, or under a new random key
// when `next` is not given. A key file is replaced by one holding the new key; a key given in
// COCBOT_DATA_KEY is the operator's to change, so then `next` is required. Refuses while another
// cocbot (serve, doctor) has the database open: it would go on sealing under the old key.
// Throws std::runtime_error saying what to do, with the old key still in force, unless only the
// last step (the key file's rename) failed, which the message says; the next start finishes it.
// `now` is when, for the audit log.
RekeyFacts rekey(const std::string& path, const KeySource& source, std::optional<DataKey> next,
                 core::Time now);

} // namespace cocbot::storage
