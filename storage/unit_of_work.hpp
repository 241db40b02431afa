// File: storage/unit_of_work.hpp
// One command = one write scope: its incident, events, outbox effects, next deadline
// check, audit entries and the Slack event id that caused it are stored together or not at all.
#pragma once

#include "core/effects.hpp"
#include "core/events.hpp"
#include "core/ids.hpp"
#include "core/retention.hpp"
#include "core/time.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/write_scope.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cocbot::storage {

class UnitOfWork {
public:
    // Opens the write scope: waits (busy_timeout) for other writers here, not halfway through.
    explicit UnitOfWork(Database& db);

    UnitOfWork(const UnitOfWork&) = delete;
    UnitOfWork& operator=(const UnitOfWork&) = delete;

    // The next reference number for `year`: one more than the highest so far, 1 for the first.
    int allocate_incident_number(int year);
    void create_incident(const core::IncidentId& id, int year, int number, core::Time filed_at);
    // Appends in order, each with its audit entry; `at` is when the command was decided. The
    // incident must exist.
    void append(const core::IncidentId& incident, const std::vector<core::Event>& events,
                core::Time at);
    // Records in the audit log what no event records (a view of an incident, say).
    void audit(core::Time at, std::string_view actor, std::string_view action,
               std::string_view incident = {}, std::string_view detail = {});
    // Queues effects to run from `at` on; returns their outbox ids in order. A message that
    // shows a report (its details, the timeline, a danger alert) is recorded in the audit log.
    std::vector<std::int64_t> enqueue(const std::optional<core::IncidentId>& incident,
                                      const std::vector<core::Effect>& effects, core::Time at);
    // When the incident's deadlines must next be checked, as core computed it after this
    // command; none when it has no deadline ahead (the job is removed). The incident must exist.
    void schedule(const core::IncidentId& incident, std::optional<core::Time> due_at);
    // Whether the incident can show anything in an overview (core::shown_in_overviews).
    void set_active(const core::IncidentId& incident, bool active);
    // When its retention period began (core::retention_start); none while it runs on. Nothing
    // for an incident already erased.
    void set_retention(const core::IncidentId& incident,
                       const std::optional<core::RetentionStart>& start);
    // False when Slack already delivered this event (a retry): the caller should do nothing.
    // Recorded in this transaction, so a command that fails leaves the retry to do the work.
    bool mark_seen(std::string_view slack_event_id, core::Time at);
    // The incident a report modal (its view id and hash) already filed, if any.
    std::optional<core::IncidentId> filed_by(std::string_view view_id, std::string_view hash);
    void record_submission(std::string_view view_id, std::string_view hash,
                           const core::IncidentId& incident, core::Time at);

    // Without it, the destructor rolls everything back. Under group commit, on disk at the
    // next flush.
    void commit();

private:
    void seal_effect(std::int64_t id, const std::string& payload);
    void audit_shown(const core::Effect& effect, core::Time at, bool& alerted_privately);
    void forget_erasure(const core::IncidentId& incident);

    SQLite::Database& db_;
    const Sealer* sealer_; // null: stored as it is
    WriteScope scope_;     // begins before any statement is used
    SQLite::Statement& next_number_;
    SQLite::Statement& insert_incident_;
    SQLite::Statement& insert_event_;
    SQLite::Statement& insert_event_secret_;
    SQLite::Statement& insert_effect_;
    SQLite::Statement& seal_effect_;
    SQLite::Statement& insert_seen_;
    SQLite::Statement& select_submission_;
    SQLite::Statement& insert_submission_;
    SQLite::Statement& upsert_job_;
    SQLite::Statement& delete_job_;
    SQLite::Statement& upsert_activity_;
    SQLite::Statement& upsert_retention_;
    SQLite::Statement& forget_erasure_;
    AuditLog audit_;
};

} // namespace cocbot::storage
