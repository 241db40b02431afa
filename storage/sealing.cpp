// File: storage/sealing.cpp
#include "storage/sealing.hpp"

#include "core/trim.hpp"

#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace cocbot::storage {

namespace {

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

void sync_folder_of(const std::string& path) {
    const auto folder = std::filesystem::path{path}.parent_path();
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

// Never wider than 0600 even for a moment; fails if the file appeared meanwhile.
void write_key_file(const std::string& path, const DataKey& key) {
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
    sync_folder_of(path); // the file's name survives a power cut too, before anything uses it
}

namespace {

DataKey create_key_file(const std::string& path) {
    const auto key = random_key();
    write_key_file(path, key);
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

bool opens(SQLite::Database& db, const Sealer& sealer) {
    const auto stored = db.execAndGet("SELECT value FROM seal_check WHERE id = 1").getString();
    return sealer.open(stored, key_check_row) == key_check_text;
}

void check_key(SQLite::Database& db, const Sealer& sealer, const std::string& path) {
    if (!opens(db, sealer))
        throw std::runtime_error("the key does not open " + path +
                                 ": it is another database's key (check COCBOT_DATA_KEY or "
                                 "storage.key_file); nothing was changed");
}

std::string pending_key_file(const KeySource& source) {
    return source.key_file + ".new";
}

std::optional<DataKey> pending_key(const KeySource& source) {
    const auto path = pending_key_file(source);
    if (source.base64 || ::access(path.c_str(), F_OK) != 0)
        return std::nullopt;
    return key_from_base64(read_key_file(path));
}

void replace_key_file(const std::string& pending, const std::string& key_file) {
    if (std::rename(pending.c_str(), key_file.c_str()) != 0)
        throw std::runtime_error("cannot put the new key " + pending + " in place of " + key_file +
                                 " (" + std::strerror(errno) + "): rename it by hand");
    sync_folder_of(key_file);
}

std::string secret_row(std::string_view incident, std::int64_t seq) {
    return "event_secrets/" + std::string{incident} + "/" + std::to_string(seq);
}

std::string outbox_row(std::int64_t id) {
    return "outbox/" + std::to_string(id);
}

} // namespace cocbot::storage
