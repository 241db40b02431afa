// File: tests/app/group_commit_test.cpp
// Group commit on the application thread: requests queued together share one commit, and none
// is answered before what it wrote is on disk (a second connection is the disk's witness).
#include "bot/app/group_commit.hpp"
#include "storage/write_scope.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using namespace cocbot;

struct Grouped {
    storage::testing::TempDir dir;
    std::string path = dir.file("cocbot.db");
    storage::Database db{path};
    net::io_context io;
    app::GroupCommit commits{io.get_executor(), db};

    Grouped() {
        db.sql().exec("CREATE TABLE parents (id INTEGER PRIMARY KEY)");
        db.sql().exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, parent INTEGER "
                      "REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)");
        commits.start();
    }

    int on_disk() const {
        SQLite::Database witness{path, SQLite::OPEN_READONLY};
        return witness.execAndGet("SELECT count(*) FROM notes").getInt();
    }

    // A request: writes a row, then waits to be answered, noting what the disk held by then.
    awaitable<void> request(const std::string& insert, std::vector<int>& seen_on_disk,
                            std::vector<bool>& durable) {
        {
            storage::WriteScope scope{db};
            db.sql().exec(insert);
            scope.commit();
        }
        durable.push_back(co_await commits.durable());
        seen_on_disk.push_back(on_disk());
    }

    void run_requests(const std::vector<std::string>& inserts, std::vector<int>& seen,
                      std::vector<bool>& durable) {
        // Queued before the first runs, as requests that arrived during the last fsync are.
        for (const auto& insert : inserts)
            net::co_spawn(io, request(insert, seen, durable), net::detached);
        io.run();
    }
};

const std::string good = "INSERT INTO notes (parent) VALUES (NULL)";
const std::string orphan = "INSERT INTO notes (parent) VALUES (42)";

} // namespace

TEST_CASE_FIXTURE(Grouped, "requests that arrive together share one commit") {
    std::vector<int> seen;
    std::vector<bool> durable;
    run_requests({good, good, good, good}, seen, durable);
    CHECK(commits.commits() == 1);
    CHECK(durable == std::vector<bool>{true, true, true, true});
    CHECK(seen == std::vector<int>{4, 4, 4, 4}); // each answered only with its row on disk
}

TEST_CASE_FIXTURE(Grouped, "a request that wrote nothing is answered at once") {
    bool answered = false;
    net::co_spawn(
        io, [&]() -> awaitable<void> { answered = co_await commits.durable(); }, net::detached);
    io.run();
    CHECK(answered);
    CHECK(commits.commits() == 0);
}

TEST_CASE_FIXTURE(Grouped, "a failed commit is told to every request that shared it") {
    std::vector<int> seen;
    std::vector<bool> durable;
    run_requests({good, orphan, good}, seen, durable);
    CHECK(durable == std::vector<bool>{false, false, false});
    CHECK(seen == std::vector<int>{0, 0, 0}); // nothing kept, so each may be retried
    CHECK_FALSE(db.unflushed());
}

TEST_CASE_FIXTURE(Grouped, "a group SQLite rolled back by itself is told as failed, not kept") {
    std::vector<int> seen;
    std::vector<bool> durable;
    net::co_spawn(io, request(good, seen, durable), net::detached);
    net::post(io, [&] { db.sql().exec("ROLLBACK"); }); // as on SQLITE_FULL, before the flush
    io.run();
    CHECK(durable == std::vector<bool>{false});
    CHECK(seen == std::vector<int>{0});
}

TEST_CASE_FIXTURE(Grouped, "an early flush answers the requests already waiting") {
    std::vector<int> seen;
    std::vector<bool> durable;
    net::co_spawn(io, request(good, seen, durable), net::detached);
    net::post(io, [&] { CHECK(commits.flush()); }); // the executor, before it calls Slack
    io.run();
    CHECK(durable == std::vector<bool>{true});
    CHECK(seen == std::vector<int>{1});
    CHECK(commits.commits() == 1); // the flush posted for the group found nothing left
}

TEST_CASE("what is unwritten when group commit ends is committed, not dropped") {
    storage::testing::TempDir dir;
    const auto path = dir.file("cocbot.db");
    storage::Database db{path};
    db.sql().exec("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
    {
        net::io_context io;
        app::GroupCommit commits{io.get_executor(), db};
        commits.start();
        db.sql().exec("INSERT INTO notes DEFAULT VALUES"); // joins nothing: no group is open
        storage::WriteScope scope{db};
        db.sql().exec("INSERT INTO notes DEFAULT VALUES");
        scope.commit();
    } // stopped with the flush never run
    SQLite::Database witness{path, SQLite::OPEN_READONLY};
    CHECK(witness.execAndGet("SELECT count(*) FROM notes").getInt() == 2);
    CHECK_FALSE(db.grouping());
}
