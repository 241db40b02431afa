// File: tests/storage/backup_test.cpp
// `cocbot backup` and `restore` at the storage level: a copy is one private file holding the
// database as it was; nothing existing is overwritten; a copy that is damaged, not cocbot's or
// from a newer cocbot is refused before anything is written.
#include "storage/backup.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "tests/storage/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace {

using namespace cocbot;
using storage::testing::bytes_of;
using storage::testing::TempDir;
namespace fs = std::filesystem;

mode_t mode_of(const std::string& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777;
}

// Incidents `first` to `last`, in a database left open as a running cocbot holds it.
void file_incidents(storage::Database& db, int first, int last) {
    for (int i = first; i <= last; ++i)
        db.sql().exec("INSERT INTO incidents (id, year, number, filed_at) VALUES ('2026-" +
                      std::to_string(i) + "', 2026, " + std::to_string(i) + ", 0)");
}

// The key file a database with no key yet would get; none of these databases is sealed.
storage::KeySource no_key(const TempDir& dir) {
    return {std::nullopt, dir.file("none.key")};
}

} // namespace

TEST_SUITE("storage: backup and restore") {
    TEST_CASE("a backup is one private file holding the database as it was") {
        TempDir dir;
        storage::Database live(dir.file("cocbot.db"));
        file_incidents(live, 1, 3);
        const auto facts = storage::backup(dir.file("cocbot.db"), dir.file("copy.db"));
        CHECK(facts.incidents == 3);
        CHECK(facts.schema == storage::latest_schema_version());
        CHECK(mode_of(dir.file("copy.db")) == 0600);
        CHECK_FALSE(fs::exists(dir.file("copy.db-wal")));
        file_incidents(live, 4, 4); // later writes are not in it
        SQLite::Database copy{dir.file("copy.db")};
        CHECK(copy.execAndGet("SELECT count(*) FROM incidents").getInt() == 3);
    }

    TEST_CASE("a backup holds no free page, so nothing deleted before it is in the copy") {
        TempDir dir;
        storage::Database live(dir.file("cocbot.db"));
        live.sql().exec("PRAGMA secure_delete = OFF"); // as a database made before it was on
        live.sql().exec("CREATE TABLE scratch (text TEXT)");
        live.sql().exec("INSERT INTO scratch VALUES ('" + std::string(5000, 'w') + "Wordle')");
        live.sql().exec("DROP TABLE scratch");
        storage::backup(dir.file("cocbot.db"), dir.file("copy.db"));
        CHECK(bytes_of(dir.file("copy.db")).find("Wordle") == std::string::npos);
        SQLite::Database copy{dir.file("copy.db")};
        CHECK(copy.execAndGet("PRAGMA freelist_count").getInt() == 0);
    }

    TEST_CASE("a backup never overwrites a file, nor copies a database that is not there") {
        TempDir dir;
        { storage::Database live(dir.file("cocbot.db")); }
        std::ofstream{dir.file("taken.db")} << "someone's file";
        CHECK_THROWS_WITH_AS(storage::backup(dir.file("cocbot.db"), dir.file("taken.db")),
                             doctest::Contains("exists already"), std::runtime_error);
        CHECK(bytes_of(dir.file("taken.db")) == "someone's file");
        CHECK_THROWS_WITH_AS(storage::backup(dir.file("none.db"), dir.file("copy.db")),
                             doctest::Contains("there is no database"), std::runtime_error);
        CHECK_FALSE(fs::exists(dir.file("copy.db")));
    }

    TEST_CASE("restore puts a copy where no database is, and never over one") {
        TempDir dir;
        {
            storage::Database live(dir.file("cocbot.db"));
            file_incidents(live, 1, 2);
        }
        storage::backup(dir.file("cocbot.db"), dir.file("copy.db"));
        const auto facts =
            storage::restore(dir.file("copy.db"), dir.file("restored.db"), no_key(dir));
        CHECK(facts.incidents == 2);
        CHECK(mode_of(dir.file("restored.db")) == 0600);
        {
            storage::Database restored(dir.file("restored.db"));
            CHECK(restored.sql().execAndGet("SELECT count(*) FROM incidents").getInt() == 2);
        }
        const auto before = bytes_of(dir.file("cocbot.db"));
        CHECK_THROWS_WITH_AS(
            storage::restore(dir.file("copy.db"), dir.file("cocbot.db"), no_key(dir)),
            doctest::Contains("stop cocbot and move the database"), std::runtime_error);
        CHECK(bytes_of(dir.file("cocbot.db")) == before);
    }

    TEST_CASE("a sealed backup stays sealed, and is restored only with its key") {
        TempDir dir;
        const storage::KeySource key{storage::to_base64(storage::random_key()), ""};
        {
            storage::Database live(dir.file("cocbot.db"), key);
            file_incidents(live, 1, 1);
        }
        storage::backup(dir.file("cocbot.db"), dir.file("copy.db"));
        const storage::KeySource other{storage::to_base64(storage::random_key()), ""};
        CHECK_THROWS_WITH_AS(storage::restore(dir.file("copy.db"), dir.file("restored.db"), other),
                             doctest::Contains("the key does not open"), std::runtime_error);
        CHECK_FALSE(fs::exists(dir.file("restored.db")));
        CHECK(storage::restore(dir.file("copy.db"), dir.file("restored.db"), key).incidents == 1);
        CHECK_NOTHROW(storage::Database(dir.file("restored.db"), key));
    }

    TEST_CASE("restore refuses a copy that is not cocbot's, is damaged, or is from a newer "
              "cocbot, and writes nothing") {
        TempDir dir;
        std::ofstream{dir.file("notes.txt")} << std::string(8192, 'x');
        CHECK_THROWS_AS(storage::restore(dir.file("notes.txt"), dir.file("cocbot.db"), no_key(dir)),
                        std::runtime_error);
        {
            SQLite::Database other{dir.private_file("other.db"), SQLite::OPEN_READWRITE};
            other.exec("CREATE TABLE recipes (name TEXT)");
        }
        CHECK_THROWS_WITH_AS(
            storage::restore(dir.file("other.db"), dir.file("cocbot.db"), no_key(dir)),
            doctest::Contains("is not a cocbot database"), std::runtime_error);
        {
            storage::Database live(dir.file("newer.db"));
            live.sql().exec("PRAGMA user_version = " +
                            std::to_string(storage::latest_schema_version() + 1));
        }
        CHECK_THROWS_WITH_AS(
            storage::restore(dir.file("newer.db"), dir.file("cocbot.db"), no_key(dir)),
            doctest::Contains("newer cocbot"), std::runtime_error);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db")));
    }
}
