// File: tests/storage/temp_dir.hpp
// A private directory for one test's database files, removed with everything in it.
#pragma once

#include <cstdlib>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace cocbot::storage::testing {

struct TempDir {
    std::filesystem::path path;

    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "cocbot-storage-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path / name).string(); }

    // An empty file only its owner may use, as cocbot makes its database; SQLite takes it for a
    // new database. For a test that writes a database as an older cocbot left it.
    std::string private_file(const std::string& name) const {
        const auto made = file(name);
        const int fd = ::open(made.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        REQUIRE(::fchmod(fd, 0600) == 0);
        ::close(fd);
        return made;
    }
};

// Every byte of a file ("" when it cannot be read).
inline std::string bytes_of(const std::string& path) {
    std::ifstream in{path, std::ios::binary};
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace cocbot::storage::testing
