// File: storage/rekey.cpp
#include "storage/rekey.hpp"

#include "storage/database.hpp"

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace cocbot::storage {

RekeyFacts rekey(const std::string& path, const KeySource& source, std::optional<DataKey> next,
                 core::Time now) {
    if (!std::filesystem::exists(path))
        throw std::runtime_error("there is no database at " + path + " (storage.path)");
    if (source.base64 && !next)
        throw std::runtime_error("the key is in COCBOT_DATA_KEY: make a new one (openssl rand "
                                 "-base64 32), put it in COCBOT_NEW_DATA_KEY and run again");
    Database db(path, source);
    if (!db.lock_exclusively())
        throw std::runtime_error("another process has " + path +
                                 " open (cocbot serve or cocbot doctor): stop it, then run "
                                 "cocbot rekey again; nothing was changed");
    const DataKey key = next ? *next : random_key();
    RekeyFacts facts;
    const std::string pending = pending_key_file(source);
    if (!source.base64)
        write_key_file(pending, key); // kept until the database is sealed under it
    try {
        facts.values = db.rekey(key, now);
    } catch (...) {
        // A commit that failed may still have reached the disk: the new key goes only if the
        // old one still opens the database; else the next start puts it in place.
        if (!source.base64 && opens(db.sql(), *db.sealer()))
            ::unlink(pending.c_str());
        throw;
    }
    if (!source.base64) {
        replace_key_file(pending, source.key_file);
        facts.key_file_written = true;
    }
    return facts;
}

} // namespace cocbot::storage
