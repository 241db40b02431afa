// File: storage/seen_events.cpp
#include "storage/seen_events.hpp"

#include <string>

namespace cocbot::storage {

namespace {

constexpr const char* select_seen_sql = "SELECT 1 FROM seen_events WHERE event_id = :event_id";

constexpr const char* delete_before_sql = "DELETE FROM seen_events WHERE seen_at < :before";

} // namespace

SeenEvents::SeenEvents(Database& db)
    : select_seen_(db.sql(), select_seen_sql), delete_before_(db.sql(), delete_before_sql) {}

bool SeenEvents::seen(std::string_view event_id) {
    select_seen_.reset();
    select_seen_.bind(":event_id", std::string{event_id});
    const bool found = select_seen_.executeStep();
    select_seen_.reset();
    return found;
}

void SeenEvents::prune_before(core::Time t) {
    delete_before_.reset();
    delete_before_.bind(":before", unix_seconds(t));
    delete_before_.exec();
}

} // namespace cocbot::storage
