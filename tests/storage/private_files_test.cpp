// File: tests/storage/private_files_test.cpp
// The database's files hold reports: an existing one that others may read is refused, untouched,
// with the command that mends it; deleted values are zeroed; the write-ahead log is truncated.
#include "storage/database.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>

namespace {

using namespace cocbot;
using storage::testing::bytes_of;
using storage::testing::t0;
using storage::testing::TempDir;
namespace fs = std::filesystem;

void write_something(storage::Database& db, const std::string& id) {
    storage::UnitOfWork work(db);
    work.mark_seen(id, t0);
    work.commit();
}

} // namespace

TEST_SUITE("storage: private files") {
    TEST_CASE("a database file others may read is refused with the chmod to run, unchanged") {
        TempDir dir;
        const auto path = dir.file("cocbot.db");
        {
            storage::Database db(path);
            write_something(db, "Ev1");
        }
        REQUIRE(::chmod(path.c_str(), 0644) == 0);
        const auto before = bytes_of(path);
        CHECK_THROWS_WITH_AS(storage::Database{path},
                             doctest::Contains(("run chmod 600 " + path).c_str()),
                             std::runtime_error);
        CHECK(bytes_of(path) == before);
        CHECK(storage::exposed_files(path) == std::vector<std::string>{path});
        REQUIRE(::chmod(path.c_str(), 0600) == 0);
        CHECK_NOTHROW(storage::Database{path});
    }

    TEST_CASE("a write-ahead log that the group may read is refused too") {
        TempDir dir;
        const auto path = dir.file("cocbot.db");
        storage::Database first(path);
        write_something(first, "Ev1");
        REQUIRE(fs::exists(path + "-wal"));
        REQUIRE(::chmod((path + "-wal").c_str(), 0640) == 0);
        CHECK_THROWS_WITH_AS(storage::Database{path}, doctest::Contains((path + "-wal").c_str()),
                             std::runtime_error);
    }

    TEST_CASE("deleted values are overwritten, and a checkpoint empties the write-ahead log") {
        TempDir dir;
        const auto path = dir.file("cocbot.db");
        storage::Database db(path);
        CHECK(db.sql().execAndGet("PRAGMA secure_delete").getInt() == 1);
        write_something(db, "EvSecretWordForTheLog");
        REQUIRE(fs::file_size(path + "-wal") > 0);
        db.sql().exec("DELETE FROM seen_events");
        CHECK(db.checkpoint());
        CHECK(fs::file_size(path + "-wal") == 0);
        CHECK(bytes_of(path).find("EvSecretWordForTheLog") == std::string::npos);
    }

    TEST_CASE("no checkpoint while a shared transaction is open") {
        TempDir dir;
        storage::Database db(dir.file("cocbot.db"));
        db.group_commits([] {});
        write_something(db, "Ev1");
        REQUIRE(db.unflushed());
        CHECK_FALSE(db.checkpoint());
        db.flush();
        CHECK(db.checkpoint());
    }
}
