// File: storage/write_scope.hpp
// The one way cocbot writes several rows together: all of them or none. Alone, an IMMEDIATE
// transaction; under group commit (Database::group_commits), a savepoint in the shared
// transaction, so that it rolls back alone but reaches the disk with the others.
#pragma once

#include "storage/database.hpp"

#include <SQLiteCpp/Transaction.h>
#include <optional>

namespace cocbot::storage {

class WriteScope {
public:
    // BEGIN IMMEDIATE (or the shared transaction's): waits (busy_timeout) for other writers
    // here, not halfway through.
    explicit WriteScope(Database& db);
    // Without commit(), everything written in the scope is rolled back.
    ~WriteScope();

    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

    // Alone: on disk when it returns. Grouped: on disk at the next Database::flush().
    void commit();

private:
    SQLite::Database& sql_;
    std::optional<SQLite::Transaction> transaction_; // alone
    bool savepoint_open_ = false;                    // grouped, not yet released
};

} // namespace cocbot::storage
