// File: storage/unit_of_work.cpp
#include "storage/unit_of_work.hpp"

#include "storage/audit_events.hpp"
#include "storage/effect_codec.hpp"
#include "storage/escrow_index.hpp"
#include "storage/event_codec.hpp"

#include <algorithm>
#include <utility>

namespace cocbot::storage {

namespace {

constexpr const char* next_number_sql =
    "SELECT coalesce(max(number), 0) + 1 FROM incidents WHERE year = :year";

constexpr const char* insert_incident_sql =
    "INSERT INTO incidents (id, year, number, filed_at) VALUES (:id, :year, :number, :filed_at)";

constexpr const char* insert_event_sql =
    "INSERT INTO events (incident_id, type, at, data) VALUES (:incident_id, :type, :at, :data)";

constexpr const char* insert_event_secret_sql =
    "INSERT INTO event_secrets (event_seq, data) VALUES (:event_seq, :data)";

constexpr const char* insert_effect_sql =
    "INSERT INTO outbox (incident_id, type, payload, created_at, not_before) "
    "VALUES (:incident_id, :type, :payload, :created_at, :created_at)";

// A payload is sealed bound to its own row, whose id exists only once it is inserted.
constexpr const char* seal_effect_sql = "UPDATE outbox SET payload = :payload WHERE id = :id";

constexpr const char* insert_seen_sql =
    "INSERT INTO seen_events (event_id, seen_at) VALUES (:event_id, :seen_at) "
    "ON CONFLICT (event_id) DO NOTHING";

constexpr const char* select_submission_sql =
    "SELECT incident_id FROM submissions WHERE view_id = :view_id AND hash = :hash";

constexpr const char* insert_submission_sql =
    "INSERT INTO submissions (view_id, hash, incident_id, seen_at) "
    "VALUES (:view_id, :hash, :incident_id, :seen_at)";

// One row per incident: a later command's computation replaces an earlier one's.
constexpr const char* upsert_job_sql =
    "INSERT INTO jobs (incident_id, due_at) VALUES (:incident_id, :due_at) "
    "ON CONFLICT (incident_id) DO UPDATE SET due_at = excluded.due_at";

constexpr const char* delete_job_sql = "DELETE FROM jobs WHERE incident_id = :incident_id";

constexpr const char* upsert_activity_sql =
    "INSERT INTO incident_activity (incident_id, active) VALUES (:incident_id, :active) "
    "ON CONFLICT (incident_id) DO UPDATE SET active = excluded.active";

// The row is kept for every incident (with no start while it runs on), so that start-up finds
// the incidents stored before retention existed by the rows they lack.
constexpr const char* upsert_retention_sql =
    "INSERT INTO retention (incident_id, since, reason) SELECT :incident_id, :since, :reason "
    "WHERE NOT EXISTS (SELECT 1 FROM erasures WHERE incident_id = :incident_id) "
    "ON CONFLICT (incident_id) DO UPDATE SET since = excluded.since, reason = excluded.reason";

// A re-opened incident is the committee's again: what it records next gets a period of its own.
constexpr const char* forget_erasure_sql = "DELETE FROM erasures WHERE incident_id = :incident_id";

} // namespace

UnitOfWork::UnitOfWork(Database& db)
    : db_(db.sql()), sealer_(db.sealer()), scope_(db), next_number_(db.prepared(next_number_sql)),
      insert_incident_(db.prepared(insert_incident_sql)),
      insert_event_(db.prepared(insert_event_sql)),
      insert_event_secret_(db.prepared(insert_event_secret_sql)),
      insert_effect_(db.prepared(insert_effect_sql)), seal_effect_(db.prepared(seal_effect_sql)),
      insert_seen_(db.prepared(insert_seen_sql)),
      select_submission_(db.prepared(select_submission_sql)),
      insert_submission_(db.prepared(insert_submission_sql)),
      upsert_job_(db.prepared(upsert_job_sql)), delete_job_(db.prepared(delete_job_sql)),
      upsert_activity_(db.prepared(upsert_activity_sql)),
      upsert_retention_(db.prepared(upsert_retention_sql)),
      forget_erasure_(db.prepared(forget_erasure_sql)), audit_(db) {}

int UnitOfWork::allocate_incident_number(int year) {
    next_number_.tryReset();
    next_number_.bind(":year", year);
    next_number_.executeStep(); // an aggregate always yields one row
    const int number = next_number_.getColumn(0).getInt();
    next_number_.tryReset();
    return number;
}

void UnitOfWork::create_incident(const core::IncidentId& id, int year, int number,
                                 core::Time filed_at) {
    insert_incident_.tryReset();
    insert_incident_.bind(":id", id.value);
    insert_incident_.bind(":year", year);
    insert_incident_.bind(":number", number);
    insert_incident_.bind(":filed_at", unix_seconds(filed_at));
    execute(insert_incident_);
}

void UnitOfWork::append(const core::IncidentId& incident, const std::vector<core::Event>& events,
                        core::Time at) {
    // The conflicts a filing records by itself (the reported member, members the typed name
    // matched) would name whom the report is about: the audit log leaves them out.
    const bool filing = std::any_of(events.begin(), events.end(), [](const core::Event& e) {
        return std::holds_alternative<core::ReportFiled>(e);
    });
    for (const auto& event : events) {
        const EncodedEvent encoded = encode_event(event);
        insert_event_.tryReset();
        insert_event_.bind(":incident_id", incident.value);
        insert_event_.bind(":type", encoded.type);
        insert_event_.bind(":at", unix_seconds(at));
        insert_event_.bind(":data", encoded.data);
        execute(insert_event_);
        const auto event_seq = db_.getLastInsertRowid();
        const bool automatic = filing && std::holds_alternative<core::ConflictDeclared>(event);
        if (const auto fact = audit_fact(event); fact && !automatic)
            audit_.append(at, fact->actor, fact->action, incident.value, fact->detail);
        if (std::holds_alternative<core::IncidentReopened>(event))
            forget_erasure(incident); // what it records from now on is kept, and erased in turn
        if (const auto* filed = std::get_if<core::ReportFiled>(&event))
            index_if_escrowed(db_, sealer_, *filed);
        if (!encoded.sensitive)
            continue;
        insert_event_secret_.tryReset();
        insert_event_secret_.bind(":event_seq", event_seq);
        insert_event_secret_.bind(
            ":data", sealer_
                         ? sealer_->seal(*encoded.sensitive, secret_row(incident.value, event_seq))
                         : *encoded.sensitive);
        execute(insert_event_secret_);
    }
}

std::vector<std::int64_t> UnitOfWork::enqueue(const std::optional<core::IncidentId>& incident,
                                              const std::vector<core::Effect>& effects,
                                              core::Time at) {
    std::vector<std::int64_t> ids;
    ids.reserve(effects.size());
    bool alerted_privately = false;
    for (const auto& effect : effects) {
        const EncodedEffect encoded = encode_effect(effect);
        insert_effect_.tryReset();
        if (incident)
            insert_effect_.bind(":incident_id", incident->value);
        else
            insert_effect_.bind(":incident_id"); // NULL
        insert_effect_.bind(":type", encoded.type);
        insert_effect_.bind(":payload", sealer_ ? std::string{} : encoded.payload);
        insert_effect_.bind(":created_at", unix_seconds(at));
        execute(insert_effect_);
        ids.push_back(db_.getLastInsertRowid());
        if (sealer_)
            seal_effect(ids.back(), encoded.payload);
        audit_shown(effect, at, alerted_privately);
    }
    return ids;
}

void UnitOfWork::forget_erasure(const core::IncidentId& incident) {
    auto& forget = forget_erasure_;
    forget.tryReset();
    forget.bind(":incident_id", incident.value);
    execute(forget);
}

void UnitOfWork::audit(core::Time at, std::string_view actor, std::string_view action,
                       std::string_view incident, std::string_view detail) {
    audit_.append(at, actor, action, incident, detail);
}

namespace {

// The audit word for a message that shows what a report says, or empty. It is recorded when
// the message is queued, with the decision that sends it.
std::string_view showing(const core::Message& message) {
    if (std::holds_alternative<core::ReportDetails>(message))
        return "report_sent";
    if (std::holds_alternative<core::Timeline>(message))
        return "timeline_sent";
    if (std::holds_alternative<core::DangerAlert>(message))
        return "danger_alert_sent";
    return {};
}

} // namespace

// Who could see it: the channel it is posted in, or the person it goes to. Danger alerts sent
// by direct message are one entry for them all: who was left out would name whom it is about.
void UnitOfWork::audit_shown(const core::Effect& effect, core::Time at, bool& alerted_privately) {
    if (const auto* share = std::get_if<core::ShareEscrowedReports>(&effect))
        for (const auto& escrowed : share->escrowed)
            audit_.append(at, "cocbot", "escrowed_report_sent", escrowed.value,
                          share->channel.value);
    // A report shown to one member alone (behind a content warning) names who asked.
    if (const auto* shown = std::get_if<core::Ephemeral>(&effect)) {
        if (const auto* details = std::get_if<core::ReportDetails>(&shown->message))
            audit_.append(at, shown->user.value, "report_shown", details->incident.value,
                          shown->channel.value);
        return;
    }
    const auto* post = std::get_if<core::Post>(&effect);
    if (post == nullptr)
        return;
    const auto action = showing(post->message);
    if (action.empty())
        return;
    const bool privately = !post->to_user.value.empty();
    if (privately && std::holds_alternative<core::DangerAlert>(post->message)) {
        if (!std::exchange(alerted_privately, true))
            audit_.append(at, "cocbot", action, post->incident.value, "by direct message");
        return;
    }
    audit_.append(at, "cocbot", action, post->incident.value,
                  privately ? post->to_user.value : post->channel.value);
}

void UnitOfWork::seal_effect(std::int64_t id, const std::string& payload) {
    seal_effect_.tryReset();
    seal_effect_.bind(":payload", sealer_->seal(payload, outbox_row(id)));
    seal_effect_.bind(":id", id);
    execute(seal_effect_);
}

void UnitOfWork::set_active(const core::IncidentId& incident, bool active) {
    upsert_activity_.tryReset();
    upsert_activity_.bind(":incident_id", incident.value);
    upsert_activity_.bind(":active", active ? 1 : 0);
    execute(upsert_activity_);
}

void UnitOfWork::set_retention(const core::IncidentId& incident,
                               const std::optional<core::RetentionStart>& start) {
    upsert_retention_.tryReset();
    upsert_retention_.bind(":incident_id", incident.value);
    if (start) {
        upsert_retention_.bind(":since", unix_seconds(start->since));
        upsert_retention_.bind(":reason", std::string{core::to_string(start->reason)});
    } else {
        upsert_retention_.bind(":since");
        upsert_retention_.bind(":reason");
    }
    execute(upsert_retention_);
}

void UnitOfWork::schedule(const core::IncidentId& incident, std::optional<core::Time> due_at) {
    if (!due_at) {
        delete_job_.tryReset();
        delete_job_.bind(":incident_id", incident.value);
        execute(delete_job_);
        return;
    }
    upsert_job_.tryReset();
    upsert_job_.bind(":incident_id", incident.value);
    upsert_job_.bind(":due_at", unix_seconds(*due_at));
    execute(upsert_job_);
}

bool UnitOfWork::mark_seen(std::string_view slack_event_id, core::Time at) {
    insert_seen_.tryReset();
    insert_seen_.bind(":event_id", std::string{slack_event_id});
    insert_seen_.bind(":seen_at", unix_seconds(at));
    return execute(insert_seen_) == 1;
}

std::optional<core::IncidentId> UnitOfWork::filed_by(std::string_view view_id,
                                                     std::string_view hash) {
    select_submission_.tryReset();
    select_submission_.bind(":view_id", std::string{view_id});
    select_submission_.bind(":hash", std::string{hash});
    std::optional<core::IncidentId> incident;
    if (select_submission_.executeStep())
        incident = core::IncidentId{select_submission_.getColumn(0).getString()};
    select_submission_.tryReset();
    return incident;
}

void UnitOfWork::record_submission(std::string_view view_id, std::string_view hash,
                                   const core::IncidentId& incident, core::Time at) {
    insert_submission_.tryReset();
    insert_submission_.bind(":view_id", std::string{view_id});
    insert_submission_.bind(":hash", std::string{hash});
    insert_submission_.bind(":incident_id", incident.value);
    insert_submission_.bind(":seen_at", unix_seconds(at));
    execute(insert_submission_);
}

void UnitOfWork::commit() {
    scope_.commit();
}

} // namespace cocbot::storage
