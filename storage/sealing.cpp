// File: storage/sealing.cpp
#include "storage/sealing.hpp"

#include "core/trim.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace cocbot::storage {

namespace {

constexpr std::string_view check_text = "cocbot key check";
constexpr std::string_view check_row = "seal_check/1";

std::string read_key_file(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && (status.st_mode & 077) != 0)
        throw std::runtime_error("others may read the key file " + path + ": run chmod 600 " +
                                 path + " and start again");
    std::ifstream in{path};
    std::stringstream text;
    text << in.rdbuf();
    if (!in)
        throw std::runtime_error("cannot read the key file " + path);
    return std::string{core::trim(text.str())};
}

// A new key file, never wider than 0600 even for a moment; fails if one appeared meanwhile.
DataKey create_key_file(const std::string& path) {
    const auto key = random_key();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot create the key file " + path + " (" +
                                 std::strerror(errno) + ")");
    const auto text = to_base64(key) + "\n";
    const bool written =
        ::fchmod(fd, 0600) == 0 &&
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        ::unlink(path.c_str());
        throw std::runtime_error("cannot write the key file " + path);
    }
    return key;
}

} // namespace

bool is_sealed(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM seal_check").getInt() > 0;
}

DataKey obtain_key(const KeySource& source, bool sealed_already, bool& created) {
    created = false;
    if (source.base64) {
        const auto key = key_from_base64(core::trim(*source.base64));
        if (!key)
            throw std::runtime_error("COCBOT_DATA_KEY is not the base64 of 32 bytes");
        return *key;
    }
    if (::access(source.key_file.c_str(), F_OK) == 0) {
        const auto key = key_from_base64(read_key_file(source.key_file));
        if (!key)
            throw std::runtime_error("the key file " + source.key_file +
                                     " does not hold the base64 of 32 bytes");
        return *key;
    }
    if (sealed_already)
        throw std::runtime_error("the database is sealed, and its key file " + source.key_file +
                                 " is missing: put back the key you backed up, or set "
                                 "COCBOT_DATA_KEY (storage.key_file says where the file is)");
    created = true;
    return create_key_file(source.key_file);
}

void check_key(SQLite::Database& db, const Sealer& sealer, const std::string& path) {
    const auto stored = db.execAndGet("SELECT value FROM seal_check WHERE id = 1").getString();
    if (sealer.open(stored, check_row) != check_text)
        throw std::runtime_error("the key does not open " + path +
                                 ": it is another database's key (check COCBOT_DATA_KEY or "
                                 "storage.key_file); nothing was changed");
}

void seal_plain_values(SQLite::Database& db, const Sealer& sealer) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement plain(db, "SELECT s.event_seq, e.incident_id, s.data FROM event_secrets s "
                                "JOIN events e ON e.seq = s.event_seq");
    SQLite::Statement update(db, "UPDATE event_secrets SET data = ? WHERE event_seq = ?");
    while (plain.executeStep()) {
        const auto text = plain.getColumn(2).getString();
        if (Sealer::is_sealed(text))
            continue;
        const auto seq = plain.getColumn(0).getInt64();
        update.bind(1, sealer.seal(text, secret_row(plain.getColumn(1).getString(), seq)));
        update.bind(2, seq);
        update.exec();
        update.reset();
    }
    SQLite::Statement check(db, "INSERT INTO seal_check (id, value) VALUES (1, ?)");
    check.bind(1, sealer.seal(check_text, check_row));
    check.exec();
    transaction.commit();
}

std::string secret_row(std::string_view incident, std::int64_t seq) {
    return "event_secrets/" + std::string{incident} + "/" + std::to_string(seq);
}

} // namespace cocbot::storage
