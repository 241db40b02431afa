// File: storage/jobs.cpp
#include "storage/jobs.hpp"

namespace cocbot::storage {

namespace {

constexpr const char* select_due_sql =
    "SELECT incident_id FROM jobs WHERE due_at <= :now ORDER BY due_at, incident_id";

constexpr const char* select_earliest_sql = "SELECT min(due_at) FROM jobs";

constexpr const char* select_due_at_sql = "SELECT due_at FROM jobs WHERE incident_id = :id";

constexpr const char* update_due_at_sql =
    "UPDATE jobs SET due_at = :due_at WHERE incident_id = :id";

} // namespace

Jobs::Jobs(Database& db)
    : select_due_(db.prepared(select_due_sql)), select_earliest_(db.prepared(select_earliest_sql)),
      select_due_at_(db.prepared(select_due_at_sql)),
      update_due_at_(db.prepared(update_due_at_sql)) {}

std::vector<core::IncidentId> Jobs::due(core::Time now) {
    select_due_.tryReset();
    select_due_.bind(":now", unix_seconds(now));
    std::vector<core::IncidentId> incidents;
    while (select_due_.executeStep())
        incidents.push_back(core::IncidentId{select_due_.getColumn(0).getString()});
    select_due_.tryReset();
    return incidents;
}

std::optional<core::Time> Jobs::earliest() {
    return aggregate_time(select_earliest_);
}

std::optional<core::Time> Jobs::due_at(const core::IncidentId& incident) {
    select_due_at_.tryReset();
    select_due_at_.bind(":id", incident.value);
    std::optional<core::Time> result;
    if (select_due_at_.executeStep())
        result = from_unix_seconds(select_due_at_.getColumn(0).getInt64());
    select_due_at_.tryReset();
    return result;
}

void Jobs::postpone(const core::IncidentId& incident, core::Time until) {
    update_due_at_.tryReset();
    update_due_at_.bind(":id", incident.value);
    update_due_at_.bind(":due_at", unix_seconds(until));
    execute(update_due_at_);
}

bool nothing_due(SQLite::Database& db, std::int64_t unix_now) {
    SQLite::Statement busy(db, "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending') + "
                               "(SELECT count(*) FROM jobs WHERE due_at <= ?)");
    busy.bind(1, unix_now);
    busy.executeStep();
    return busy.getColumn(0).getInt() == 0;
}

} // namespace cocbot::storage
