// File: tests/storage/keys.hpp
// Where a test's database key comes from: a key file in its folder, or a key given as text
// (as COCBOT_DATA_KEY gives it).
#pragma once

#include "storage/sealing.hpp"
#include "tests/storage/temp_dir.hpp"

namespace cocbot::storage::testing {

inline KeySource key_file_in(const TempDir& dir) {
    return {std::nullopt, dir.file("cocbot.db.key")};
}

inline KeySource key_text(const DataKey& key) {
    return {to_base64(key), "unused.key"};
}

} // namespace cocbot::storage::testing
