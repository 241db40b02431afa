// File: tests/storage/sealing_test.cpp
// Sealed at rest: what a report says is stored under AES-256-GCM bound to its row. The key comes
// from COCBOT_DATA_KEY or a key file made on first start; a wrong or missing key, a tampered
// value and a value moved to another row are each refused without changing the file; a database
// written in plain text is sealed on its first start with a key.
#include "storage/database.hpp"
#include "storage/event_store.hpp"
#include "storage/sealer.hpp"
#include "storage/unit_of_work.hpp"
#include "tests/storage/codec_samples.hpp"
#include "tests/storage/keys.hpp"
#include "tests/storage/temp_dir.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <sys/stat.h>

namespace {

using namespace cocbot;
using storage::testing::bytes_of;
using storage::testing::full_report;
using storage::testing::key_file_in;
using storage::testing::key_text;
using storage::testing::t0;
using storage::testing::TempDir;
namespace fs = std::filesystem;

const core::IncidentId first{"2026-001"};
const core::IncidentId second{"2026-002"};

std::vector<std::string> words() {
    const auto report = full_report(first).report;
    return {report.description, report.location, report.reporter_name, report.reporter_contact};
}

void file_report(storage::Database& db, const core::IncidentId& id, int number) {
    storage::UnitOfWork work(db);
    work.create_incident(id, 2026, number, t0);
    work.append(id, {full_report(id)}, t0);
    work.commit();
}

// Every byte cocbot keeps for the database.
std::string stored(const TempDir& dir) {
    return bytes_of(dir.file("cocbot.db")) + bytes_of(dir.file("cocbot.db-wal"));
}

void check_no_word_in(const std::string& bytes) {
    for (const auto& word : words())
        CHECK_MESSAGE(bytes.find(word) == std::string::npos, word);
}

} // namespace

TEST_SUITE("storage: sealed at rest") {
    TEST_CASE("a sealed value opens only under its key, for its row, untouched") {
        const storage::Sealer sealer{storage::random_key()};
        const auto sealed = sealer.seal("Alex Reporter", "event_secrets/2026-001/7");
        CHECK(storage::Sealer::is_sealed(sealed));
        CHECK(sealed.find("Alex") == std::string::npos);
        CHECK(sealer.open(sealed, "event_secrets/2026-001/7") == "Alex Reporter");
        CHECK_FALSE(sealer.open(sealed, "event_secrets/2026-001/8").has_value());
        CHECK_FALSE(storage::Sealer{storage::random_key()}
                        .open(sealed, "event_secrets/2026-001/7")
                        .has_value());
        auto flipped = sealed;
        flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
        CHECK_FALSE(sealer.open(flipped, "event_secrets/2026-001/7").has_value());
        CHECK(sealer.seal("same", "row") != sealer.seal("same", "row")); // a fresh nonce each
        CHECK(sealer.open(sealer.seal("", "row"), "row") == "");
    }

    TEST_CASE("a key is 32 bytes in base64, and nothing else is taken for one") {
        const auto key = storage::random_key();
        CHECK(storage::key_from_base64(storage::to_base64(key)) == key);
        CHECK(storage::to_base64(key).size() == 44);
        CHECK_FALSE(storage::key_from_base64("c2hvcnQ=").has_value());
        CHECK_FALSE(storage::key_from_base64("not base64 at all!!").has_value());
    }

    TEST_CASE("a new database makes its key file 0600, and no word of a report is in its files") {
        TempDir dir;
        {
            storage::Database db(dir.file("cocbot.db"), key_file_in(dir));
            CHECK(db.key_created());
            file_report(db, first, 1);
            CHECK(storage::EventStore{db}.incident(first).report.description == words()[0]);
            check_no_word_in(stored(dir));
        }
        struct stat status {};
        REQUIRE(::stat(dir.file("cocbot.db.key").c_str(), &status) == 0);
        CHECK((status.st_mode & 0777) == 0600);
        storage::Database again(dir.file("cocbot.db"), key_file_in(dir));
        CHECK_FALSE(again.key_created());
        CHECK(storage::EventStore{again}.incident(first).report.reporter_name == words()[2]);
    }

    TEST_CASE("a wrong key, no key, or a lost key file stops the open and changes nothing") {
        TempDir dir;
        const auto key = storage::random_key();
        {
            storage::Database db(dir.file("cocbot.db"), key_text(key));
            file_report(db, first, 1);
            db.checkpoint();
        }
        const auto before = bytes_of(dir.file("cocbot.db"));
        CHECK_THROWS_WITH_AS(
            storage::Database(dir.file("cocbot.db"), key_text(storage::random_key())),
            doctest::Contains("nothing was changed"), std::runtime_error);
        CHECK_THROWS_WITH_AS(storage::Database(dir.file("cocbot.db")),
                             doctest::Contains("opens only with its key"), std::runtime_error);
        CHECK_THROWS_WITH_AS(storage::Database(dir.file("cocbot.db"), key_file_in(dir)),
                             doctest::Contains("is missing"), std::runtime_error);
        CHECK_FALSE(fs::exists(dir.file("cocbot.db.key"))); // none made for a sealed database
        CHECK(bytes_of(dir.file("cocbot.db")) == before);
        CHECK_THROWS_WITH_AS(
            storage::Database(dir.file("cocbot.db"), storage::KeySource{"c2hvcnQ=", "unused.key"}),
            doctest::Contains("COCBOT_DATA_KEY"), std::runtime_error);
    }

    TEST_CASE("a key file that others may read is refused, with the chmod") {
        TempDir dir;
        { storage::Database db(dir.file("cocbot.db"), key_file_in(dir)); }
        REQUIRE(::chmod(dir.file("cocbot.db.key").c_str(), 0640) == 0);
        CHECK_THROWS_WITH_AS(storage::Database(dir.file("cocbot.db"), key_file_in(dir)),
                             doctest::Contains("chmod 600"), std::runtime_error);
    }

    TEST_CASE("a value edited, or moved to another row, does not open") {
        TempDir dir;
        const auto key = storage::random_key();
        storage::Database db(dir.file("cocbot.db"), key_text(key));
        file_report(db, first, 1);
        file_report(db, second, 2);
        auto& sql = db.sql();
        const auto value_of = [&](const core::IncidentId& id) {
            return sql
                .execAndGet("SELECT s.data FROM event_secrets s JOIN events e ON e.seq = "
                            "s.event_seq WHERE e.incident_id = '" +
                            id.value + "'")
                .getString();
        };
        const auto moved = value_of(first);
        sql.exec("UPDATE event_secrets SET data = '" + moved +
                 "' WHERE event_seq = (SELECT seq "
                 "FROM events WHERE incident_id = '2026-002')");
        CHECK_THROWS_WITH_AS(storage::EventStore{db}.incident(second),
                             doctest::Contains("does not open"), std::runtime_error);
        auto edited = value_of(first);
        edited[20] = edited[20] == 'A' ? 'B' : 'A';
        sql.exec("UPDATE event_secrets SET data = '" + edited +
                 "' WHERE event_seq = (SELECT seq "
                 "FROM events WHERE incident_id = '2026-001')");
        CHECK_THROWS_WITH_AS(storage::EventStore{db}.incident(first),
                             doctest::Contains("does not open"), std::runtime_error);
    }

    TEST_CASE("a database written in plain text is sealed at its first start with a key") {
        TempDir dir;
        {
            storage::Database plain(dir.file("cocbot.db"));
            file_report(plain, first, 1);
            REQUIRE(stored(dir).find(words()[0]) != std::string::npos);
        }
        {
            storage::Database db(dir.file("cocbot.db"), key_file_in(dir));
            CHECK(db.key_created());
            CHECK(storage::EventStore{db}.incident(first).report.description == words()[0]);
        }
        check_no_word_in(stored(dir));
        storage::Database again(dir.file("cocbot.db"), key_file_in(dir));
        CHECK(storage::EventStore{again}.incident(first).report.location == words()[1]);
    }
}
