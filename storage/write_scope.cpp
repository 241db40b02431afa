// File: storage/write_scope.cpp
#include "storage/write_scope.hpp"

namespace cocbot::storage {

namespace {
// Scopes nest by name: SQLite releases or rolls back the most recent savepoint of a name.
constexpr const char* savepoint_sql = "SAVEPOINT write_scope";
constexpr const char* release_sql = "RELEASE write_scope";
constexpr const char* rollback_sql = "ROLLBACK TO write_scope";
} // namespace

WriteScope::WriteScope(Database& db) : sql_(db.sql()) {
    if (!db.grouping()) {
        transaction_.emplace(sql_, SQLite::TransactionBehavior::IMMEDIATE);
        return;
    }
    db.open_group();
    sql_.exec(savepoint_sql);
    savepoint_open_ = true;
}

WriteScope::~WriteScope() {
    if (!savepoint_open_)
        return;
    // ROLLBACK TO keeps the savepoint on the stack; RELEASE then takes it off, so a batch of
    // failed scopes does not pile savepoints up until the flush. Neither may throw here.
    sql_.tryExec(rollback_sql);
    sql_.tryExec(release_sql);
}

void WriteScope::commit() {
    if (transaction_) {
        transaction_->commit();
        return;
    }
    sql_.exec(release_sql);
    savepoint_open_ = false;
}

} // namespace cocbot::storage
