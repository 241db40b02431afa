// File: tests/storage/write_scope_test.cpp
// Write scopes alone and under group commit: what reaches the disk, and when. A second
// connection to the same file is the disk's witness: it sees only what was committed.
#include "storage/database.hpp"
#include "storage/write_scope.hpp"
#include "tests/storage/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

namespace {

using namespace cocbot;
using storage::testing::TempDir;

// A table of the test's own beside cocbot's schema; its foreign key is checked at COMMIT, which
// is how a test makes a commit fail.
void add_test_tables(storage::Database& db) {
    db.sql().exec("CREATE TABLE parents (id INTEGER PRIMARY KEY)");
    db.sql().exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT, parent INTEGER "
                  "REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)");
}

void write_note(storage::Database& db, const std::string& text) {
    db.sql().exec("INSERT INTO notes (text) VALUES ('" + text + "')");
}

int notes_on_disk(const std::string& path) {
    SQLite::Database witness{path, SQLite::OPEN_READONLY};
    return witness.execAndGet("SELECT count(*) FROM notes").getInt();
}

struct GroupedDatabase {
    TempDir dir;
    std::string path = dir.file("cocbot.db");
    storage::Database db{path};
    int opened = 0;

    GroupedDatabase() {
        add_test_tables(db);
        db.group_commits([this] { ++opened; });
    }
};

} // namespace

TEST_CASE("a write scope on its own is on disk when it commits") {
    TempDir dir;
    const auto path = dir.file("cocbot.db");
    storage::Database db{path};
    add_test_tables(db);
    {
        storage::WriteScope scope{db};
        write_note(db, "one");
        scope.commit();
    }
    CHECK(notes_on_disk(path) == 1);
    CHECK_FALSE(db.unflushed());
}

TEST_CASE_FIXTURE(GroupedDatabase, "grouped write scopes reach the disk together at the flush") {
    for (const auto* text : {"one", "two", "three"}) {
        storage::WriteScope scope{db};
        write_note(db, text);
        scope.commit();
    }
    CHECK(opened == 1); // one shared transaction, one flush to arrange
    CHECK(db.unflushed());
    CHECK(notes_on_disk(path) == 0);

    db.flush();
    CHECK(notes_on_disk(path) == 3);
    CHECK_FALSE(db.unflushed());

    storage::WriteScope next{db};
    CHECK(opened == 2); // the next write opens the next one
}

TEST_CASE_FIXTURE(GroupedDatabase, "a grouped write scope that fails rolls back alone") {
    {
        storage::WriteScope kept{db};
        write_note(db, "kept");
        kept.commit();
    }
    {
        storage::WriteScope failed{db};
        write_note(db, "dropped");
    } // no commit: as when a request's handler throws
    {
        storage::WriteScope after{db};
        write_note(db, "after");
        after.commit();
    }
    db.flush();
    SQLite::Database witness{path, SQLite::OPEN_READONLY};
    CHECK(witness.execAndGet("SELECT group_concat(text, ',') FROM notes ORDER BY id").getString() ==
          "kept,after");
}

TEST_CASE_FIXTURE(GroupedDatabase, "grouped write scopes nest inside one another") {
    {
        storage::WriteScope outer{db};
        write_note(db, "outer");
        {
            storage::WriteScope inner{db};
            write_note(db, "inner, dropped");
        }
        outer.commit();
    }
    db.flush();
    CHECK(notes_on_disk(path) == 1);
}

TEST_CASE_FIXTURE(GroupedDatabase, "a failed flush rolls the whole group back and says so") {
    {
        storage::WriteScope good{db};
        write_note(db, "good");
        good.commit();
    }
    {
        storage::WriteScope orphan{db};
        db.sql().exec("INSERT INTO notes (text, parent) VALUES ('orphan', 42)");
        orphan.commit(); // deferred: the missing parent is found at COMMIT
    }
    CHECK_THROWS(db.flush());
    CHECK_FALSE(db.unflushed());
    CHECK(notes_on_disk(path) == 0);

    storage::WriteScope again{db}; // the connection is usable: the next group starts afresh
    write_note(db, "again");
    again.commit();
    db.flush();
    CHECK(notes_on_disk(path) == 1);
}

TEST_CASE_FIXTURE(GroupedDatabase,
                  "a shared transaction SQLite rolled back by itself is lost at the flush, "
                  "not reported kept") {
    {
        storage::WriteScope kept{db};
        write_note(db, "acknowledged too soon?");
        kept.commit();
    }
    db.sql().exec("ROLLBACK"); // what SQLite does by itself on SQLITE_FULL or SQLITE_IOERR
    CHECK_THROWS(storage::WriteScope{db}); // a new write is not mixed into a new transaction
    CHECK(db.unflushed());
    CHECK_THROWS(db.flush());
    CHECK_FALSE(db.unflushed());
    CHECK(notes_on_disk(path) == 0);

    storage::WriteScope again{db}; // and the next group starts afresh
    write_note(db, "again");
    again.commit();
    db.flush();
    CHECK(notes_on_disk(path) == 1);
}

TEST_CASE_FIXTURE(GroupedDatabase, "a statement outside any write scope joins the open group") {
    {
        storage::WriteScope scope{db};
        write_note(db, "scoped");
        scope.commit();
    }
    write_note(db, "loose"); // as the executor's bookkeeping writes are
    CHECK(notes_on_disk(path) == 0);
    db.flush();
    CHECK(notes_on_disk(path) == 2);
}

TEST_CASE("flushing with group commit off does nothing") {
    TempDir dir;
    storage::Database db{dir.file("cocbot.db")};
    CHECK_FALSE(db.grouping());
    db.flush();
    CHECK_FALSE(db.unflushed());
}
