// File: storage/escrow_index.cpp
#include "storage/escrow_index.hpp"

#include "core/overview.hpp"
#include "storage/event_codec.hpp"

#include <SQLiteCpp/Statement.h>
#include <exception>
#include <optional>

namespace cocbot::storage {

namespace {

constexpr const char* insert_sql =
    "INSERT OR IGNORE INTO escrow_keys (key, incident_id) VALUES (:key, :incident)";

// A person has at most two keys; each is a primary-key lookup.
constexpr const char* matching_sql =
    "SELECT k.incident_id, MIN(i.year), MIN(i.number) FROM escrow_keys k "
    "JOIN incidents i ON i.id = k.incident_id WHERE k.key = :first OR k.key = :second "
    "GROUP BY k.incident_id ORDER BY 2, 3";

constexpr const char* stored_reports_sql =
    "SELECT e.data, s.data FROM events e LEFT JOIN event_secrets s ON s.event_seq = e.seq "
    "WHERE e.type = 'report_filed'";

std::string index_key(const Sealer* sealer, const std::string& key) {
    return sealer ? sealer->fingerprint(key) : key;
}

} // namespace

EscrowIndex::EscrowIndex(Database& db) : match_(db.prepared(matching_sql)), sealer_(db.sealer()) {}

std::vector<core::IncidentId> EscrowIndex::matching(const std::vector<std::string>& keys) {
    std::vector<core::IncidentId> found;
    if (keys.empty())
        return found;
    match_.tryReset();
    match_.bind(":first", index_key(sealer_, keys.front()));
    match_.bind(":second", index_key(sealer_, keys.back()));
    while (match_.executeStep())
        found.push_back(core::IncidentId{match_.getColumn(0).getString()});
    match_.tryReset();
    return found;
}

void index_if_escrowed(SQLite::Database& db, const Sealer* sealer, const core::ReportFiled& filed) {
    if (!filed.report.flags.escrow)
        return;
    SQLite::Statement insert(db, insert_sql); // rare: compiled when needed
    for (const auto& key : core::person_keys(filed.report.reported)) {
        insert.bind(":key", index_key(sealer, key));
        insert.bind(":incident", filed.incident.value);
        execute(insert);
        insert.reset();
    }
}

void index_stored_escrows(SQLite::Database& db) {
    SQLite::Statement reports(db, stored_reports_sql);
    while (reports.executeStep()) {
        const auto secret = reports.getColumn(1).isNull()
                                ? std::nullopt
                                : std::optional<std::string>{reports.getColumn(1).getString()};
        try {
            const auto event =
                decode_event("report_filed", reports.getColumn(0).getString(), secret);
            index_if_escrowed(db, nullptr, std::get<core::ReportFiled>(event));
        } catch (const std::exception&) {
            // A row that does not decode cannot be matched by anyone; the migration goes on
            // (loading that incident reports it).
        }
    }
}

} // namespace cocbot::storage
