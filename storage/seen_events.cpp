// File: storage/seen_events.cpp
#include "storage/seen_events.hpp"

#include <string>

namespace cocbot::storage {

namespace {

constexpr const char* select_seen_sql = "SELECT 1 FROM seen_events WHERE event_id = :event_id";

constexpr const char* delete_before_sql = "DELETE FROM seen_events WHERE seen_at < :before";

constexpr const char* delete_submissions_before_sql =
    "DELETE FROM submissions WHERE seen_at < :before";

} // namespace

SeenEvents::SeenEvents(Database& db)
    : select_seen_(db.prepared(select_seen_sql)), delete_before_(db.prepared(delete_before_sql)),
      delete_submissions_before_(db.prepared(delete_submissions_before_sql)) {}

bool SeenEvents::seen(std::string_view event_id) {
    select_seen_.tryReset();
    select_seen_.bind(":event_id", std::string{event_id});
    const bool found = select_seen_.executeStep();
    select_seen_.tryReset();
    return found;
}

std::size_t SeenEvents::prune_before(core::Time t) {
    std::size_t forgotten = 0;
    for (SQLite::Statement* statement : {&delete_before_, &delete_submissions_before_}) {
        statement->tryReset();
        statement->bind(":before", unix_seconds(t));
        forgotten += static_cast<std::size_t>(execute(*statement));
    }
    return forgotten;
}

} // namespace cocbot::storage
