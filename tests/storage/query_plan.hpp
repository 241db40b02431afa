// File: tests/storage/query_plan.hpp
// What SQLite will do for a query (EXPLAIN QUERY PLAN), one step per line, so that a test can
// show that a lookup goes by key rather than reading a whole table.
#pragma once

#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <string>

namespace cocbot::storage::testing {

inline std::string query_plan(Database& db, const std::string& sql) {
    SQLite::Statement explain(db.sql(), "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.executeStep())
        plan += explain.getColumn(3).getString() + "\n";
    return plan;
}

} // namespace cocbot::storage::testing
