// File: storage/outbox.cpp
#include "storage/outbox.hpp"

#include "storage/effect_codec.hpp"

#include <stdexcept>
#include <string>

namespace cocbot::storage {

namespace {

// An incident's effects run in the order they were queued: its channel exists before anything
// is posted in it, and is archived only after its last messages. So only the first pending
// effect of each incident can run; effects without an incident are not ordered. The subquery
// does not depend on the row, so SQLite computes it once, from outbox_due's pending rows.
const std::string runnable =
    "state = 'pending' AND (incident_id IS NULL OR id IN (SELECT min(id) FROM outbox "
    "WHERE state = 'pending' AND incident_id IS NOT NULL GROUP BY incident_id))";

const std::string select_due_sql =
    "SELECT id, incident_id, type, payload, attempts, not_before, created_at FROM outbox WHERE " +
    runnable + " AND not_before <= :now ORDER BY id LIMIT 1";

// Runnable effects only: one waiting behind another becomes due when that one is settled, which
// the executor does itself before it looks again.
const std::string select_earliest_sql = "SELECT min(not_before) FROM outbox WHERE " + runnable;

constexpr const char* select_oldest_sql =
    "SELECT min(created_at) FROM outbox WHERE state = 'pending'";

constexpr const char* update_attempt_sql =
    "UPDATE outbox SET attempts = attempts + 1, not_before = :retry_at "
    "WHERE id = :id AND state = 'pending'";

// A done effect keeps no payload: nothing reads it again, and what it said about the incident
// is not kept twice.
constexpr const char* update_done_sql =
    "UPDATE outbox SET state = 'done', result = :result, payload = '' "
    "WHERE id = :id AND state = 'pending'";

constexpr const char* delete_done_before_sql =
    "DELETE FROM outbox WHERE state = 'done' AND created_at < :before";

constexpr const char* update_failed_sql =
    "UPDATE outbox SET state = 'failed', last_error = :error WHERE id = :id AND state = 'pending'";

constexpr const char* select_count_sql = "SELECT count(*) FROM outbox WHERE state = :state";

// Only pending effects change; anything else is a bug in the caller, not a database problem.
void expect_one_pending(int changed, std::int64_t id) {
    if (changed != 1)
        throw std::logic_error("outbox effect " + std::to_string(id) + " is not pending");
}

} // namespace

Outbox::Outbox(Database& db)
    : select_due_(db.prepared(select_due_sql)), select_earliest_(db.prepared(select_earliest_sql)),
      select_oldest_(db.prepared(select_oldest_sql)),
      update_attempt_(db.prepared(update_attempt_sql)), update_done_(db.prepared(update_done_sql)),
      update_failed_(db.prepared(update_failed_sql)), select_count_(db.prepared(select_count_sql)),
      delete_done_before_(db.prepared(delete_done_before_sql)), sealer_(db.sealer()) {}

std::optional<PendingEffect> Outbox::next_due(core::Time now) {
    select_due_.tryReset();
    select_due_.bind(":now", unix_seconds(now));
    if (!select_due_.executeStep())
        return std::nullopt;
    const std::int64_t id = select_due_.getColumn(0).getInt64();
    std::optional<core::IncidentId> incident;
    if (!select_due_.getColumn(1).isNull())
        incident = core::IncidentId{select_due_.getColumn(1).getString()};
    const std::string type = select_due_.getColumn(2).getString();
    std::string payload = select_due_.getColumn(3).getString();
    const int attempts = select_due_.getColumn(4).getInt();
    const core::Time not_before = from_unix_seconds(select_due_.getColumn(5).getInt64());
    const core::Time created_at = from_unix_seconds(select_due_.getColumn(6).getInt64());
    select_due_.tryReset();
    if (Sealer::is_sealed(payload)) {
        auto opened = sealer_ ? sealer_->open(payload, outbox_row(id)) : std::nullopt;
        if (!opened)
            throw UndecodableEffect(id, type + ": the payload does not open with this key");
        payload = std::move(*opened);
    }
    try {
        return PendingEffect{id,       std::move(incident), decode_effect(type, payload),
                             attempts, not_before,          created_at};
    } catch (const std::runtime_error& e) {
        // decode_effect's messages name the type and the problem, never the content.
        throw UndecodableEffect(id, e.what());
    }
}

std::optional<core::Time> Outbox::oldest_pending_created() {
    return aggregate_time(select_oldest_);
}

std::optional<core::Time> Outbox::earliest_pending() {
    return aggregate_time(select_earliest_);
}

void Outbox::record_attempt(std::int64_t id, core::Time retry_at) {
    update_attempt_.tryReset();
    update_attempt_.bind(":id", id);
    update_attempt_.bind(":retry_at", unix_seconds(retry_at));
    expect_one_pending(execute(update_attempt_), id);
}

void Outbox::mark_done(std::int64_t id, std::string_view result) {
    update_done_.tryReset();
    update_done_.bind(":id", id);
    update_done_.bind(":result", std::string{result});
    expect_one_pending(execute(update_done_), id);
}

void Outbox::mark_failed(std::int64_t id, std::string_view error) {
    update_failed_.tryReset();
    update_failed_.bind(":id", id);
    update_failed_.bind(":error", std::string{error});
    expect_one_pending(execute(update_failed_), id);
}

std::size_t Outbox::prune_done_before(core::Time t) {
    delete_done_before_.tryReset();
    delete_done_before_.bind(":before", unix_seconds(t));
    return static_cast<std::size_t>(execute(delete_done_before_));
}

std::size_t Outbox::count(std::string_view state) {
    select_count_.tryReset();
    select_count_.bind(":state", std::string{state});
    select_count_.executeStep();
    const auto n = static_cast<std::size_t>(select_count_.getColumn(0).getInt64());
    select_count_.tryReset();
    return n;
}

} // namespace cocbot::storage
