// File: storage/retention.cpp
#include "storage/retention.hpp"

#include "storage/audit_log.hpp"
#include "storage/event_codec.hpp"
#include "storage/write_scope.hpp"

#include <SQLiteCpp/Statement.h>
#include <array>
#include <stdexcept>
#include <string>

namespace cocbot::storage {

namespace {

constexpr const char* due_sql = "SELECT incident_id, since FROM retention "
                                "WHERE reason = :reason AND since IS NOT NULL "
                                "AND since <= :before ORDER BY since LIMIT :limit";

constexpr const char* upcoming_sql =
    "SELECT incident_id, since, reason FROM retention WHERE since IS NOT NULL ORDER BY "
    "since + CASE reason WHEN 'no_violation' THEN :no_violation WHEN 'escrow' THEN :escrow "
    "ELSE :resolved END LIMIT :limit";

constexpr const char* without_row_sql =
    "SELECT id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM retention r WHERE "
    "r.incident_id = i.id) AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.incident_id = i.id) "
    "ORDER BY year, number";

constexpr const char* secrets_sql =
    "SELECT e.seq, e.type, e.data, s.data FROM events e JOIN event_secrets s "
    "ON s.event_seq = e.seq WHERE e.incident_id = :incident ORDER BY e.seq";

// What goes with the words: nothing of the incident waits to be said or matched any more.
constexpr std::array<const char*, 6> forget_sql{
    "DELETE FROM outbox WHERE incident_id = :incident",
    "DELETE FROM escrow_keys WHERE incident_id = :incident",
    "DELETE FROM submissions WHERE incident_id = :incident",
    "DELETE FROM jobs WHERE incident_id = :incident",
    "DELETE FROM retention WHERE incident_id = :incident",
    "UPDATE incident_activity SET active = 0 WHERE incident_id = :incident",
};

std::int64_t seconds(core::Duration d) {
    return static_cast<std::int64_t>(d.count());
}

bool has_pending_output(Database& db, const core::IncidentId& incident) {
    auto& pending =
        db.prepared("SELECT count(*) FROM outbox WHERE incident_id = :incident AND state = "
                    "'pending'");
    pending.bind(":incident", incident.value);
    pending.executeStep();
    const bool any = pending.getColumn(0).getInt64() > 0;
    pending.tryReset();
    return any;
}

} // namespace

RetentionRecords::RetentionRecords(Database& db) : db_(db) {}

std::vector<DueErasure> RetentionRecords::due(const core::Retention& retention, core::Time now,
                                              std::size_t limit) {
    std::vector<DueErasure> found;
    auto& query = db_.prepared(due_sql);
    for (const auto reason : {core::ErasureReason::no_violation, core::ErasureReason::resolved,
                              core::ErasureReason::escrow}) {
        const auto period = core::period(retention, reason);
        query.bind(":reason", std::string{core::to_string(reason)});
        query.bind(":before", unix_seconds(now) - seconds(period));
        query.bind(":limit", static_cast<std::int64_t>(limit - found.size()));
        while (found.size() < limit && query.executeStep())
            found.push_back({core::IncidentId{query.getColumn(0).getString()},
                             from_unix_seconds(query.getColumn(1).getInt64()) + period, reason});
        query.tryReset();
    }
    return found;
}

std::vector<DueErasure> RetentionRecords::upcoming(const core::Retention& retention,
                                                   std::size_t limit) {
    SQLite::Statement query(db_.sql(), upcoming_sql); // for the command line only
    query.bind(":no_violation", seconds(retention.no_violation));
    query.bind(":resolved", seconds(retention.resolved));
    query.bind(":escrow", seconds(retention.escrow));
    query.bind(":limit", static_cast<std::int64_t>(limit));
    std::vector<DueErasure> found;
    while (query.executeStep()) {
        const auto reason = core::erasure_reason_from_string(query.getColumn(2).getString())
                                .value_or(core::ErasureReason::resolved);
        found.push_back(
            {core::IncidentId{query.getColumn(0).getString()},
             from_unix_seconds(query.getColumn(1).getInt64()) + core::period(retention, reason),
             reason});
    }
    return found;
}

std::vector<core::IncidentId> RetentionRecords::without_row() {
    SQLite::Statement query(db_.sql(), without_row_sql); // once, at start-up
    std::vector<core::IncidentId> found;
    while (query.executeStep())
        found.push_back(core::IncidentId{query.getColumn(0).getString()});
    return found;
}

bool RetentionRecords::erased(const core::IncidentId& incident) {
    auto& query = db_.prepared("SELECT count(*) FROM erasures WHERE incident_id = :incident");
    query.bind(":incident", incident.value);
    query.executeStep();
    const bool found = query.getColumn(0).getInt64() > 0;
    query.tryReset();
    return found;
}

bool RetentionRecords::erase(const core::IncidentId& incident, core::ErasureReason reason,
                             core::Time now) {
    WriteScope scope{db_};
    if (has_pending_output(db_, incident))
        return false;
    erase_event_words(incident);
    for (const char* sql : forget_sql) {
        auto& forget = db_.prepared(sql);
        forget.bind(":incident", incident.value);
        execute(forget);
        forget.tryReset();
    }
    auto& record = db_.prepared(
        "INSERT INTO erasures (incident_id, at, reason) VALUES (:incident, :at, :reason)");
    record.bind(":incident", incident.value);
    record.bind(":at", unix_seconds(now));
    record.bind(":reason", std::string{core::to_string(reason)});
    execute(record);
    record.tryReset();
    AuditLog{db_}.append(now, "cocbot", "details_erased", incident.value, core::to_string(reason));
    scope.commit();
    return true;
}

// Every event of the incident that holds words is written again without them, sealed anew.
void RetentionRecords::erase_event_words(const core::IncidentId& incident) {
    SQLite::Statement rows(db_.sql(), secrets_sql);
    rows.bind(":incident", incident.value);
    struct Rewrite {
        std::int64_t seq;
        EncodedEvent encoded;
    };
    std::vector<Rewrite> rewrites; // one incident's events: few
    while (rows.executeStep()) {
        const auto seq = rows.getColumn(0).getInt64();
        const auto row = secret_row(incident.value, seq);
        auto secret = rows.getColumn(3).getString();
        if (Sealer::is_sealed(secret)) {
            const auto opened = db_.sealer() ? db_.sealer()->open(secret, row) : std::nullopt;
            if (!opened)
                throw std::runtime_error("a sealed value of " + incident.value +
                                         " does not open: it was not erased");
            secret = *opened;
        }
        const auto event =
            decode_event(rows.getColumn(1).getString(), rows.getColumn(2).getString(), secret);
        rewrites.push_back({seq, encode_event(without_words(event))});
    }
    for (const auto& [seq, encoded] : rewrites) {
        auto& data = db_.prepared("UPDATE events SET data = :data WHERE seq = :seq");
        data.bind(":data", encoded.data);
        data.bind(":seq", seq);
        execute(data);
        data.tryReset();
        const auto plain = encoded.sensitive.value_or("{}");
        auto& secret = db_.prepared("UPDATE event_secrets SET data = :data WHERE event_seq = :seq");
        secret.bind(":data", db_.sealer()
                                 ? db_.sealer()->seal(plain, secret_row(incident.value, seq))
                                 : plain);
        secret.bind(":seq", seq);
        execute(secret);
        secret.tryReset();
    }
}

} // namespace cocbot::storage
