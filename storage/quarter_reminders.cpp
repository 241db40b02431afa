// File: storage/quarter_reminders.cpp
#include "storage/quarter_reminders.hpp"

namespace cocbot::storage {

namespace {
constexpr const char* select_sql = "SELECT 1 FROM quarter_reminders WHERE quarter = :quarter";
constexpr const char* insert_sql =
    "INSERT INTO quarter_reminders (quarter, at) VALUES (:quarter, :at)";
} // namespace

QuarterReminders::QuarterReminders(Database& db) : db_(db) {}

bool QuarterReminders::sent(const std::string& quarter) {
    auto& query = db_.prepared(select_sql);
    query.bind(":quarter", quarter);
    const bool found = query.executeStep();
    query.tryReset();
    return found;
}

void QuarterReminders::record(const std::string& quarter, core::Time at) {
    auto& insert = db_.prepared(insert_sql);
    insert.bind(":quarter", quarter);
    insert.bind(":at", core::unix_seconds(at));
    execute(insert);
}

} // namespace cocbot::storage
