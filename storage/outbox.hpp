// File: storage/outbox.hpp
// The effect executor's view of the outbox: what is due, and what became of each attempt.
#pragma once

#include "core/effects.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cocbot::storage {

struct PendingEffect {
    std::int64_t id;
    std::optional<core::IncidentId> incident;
    core::Effect effect;
    int attempts;
    core::Time not_before;
};

// Each call is its own transaction (autocommit), so every state change is durable at once.
class Outbox {
public:
    explicit Outbox(Database& db);

    // The oldest pending effect with not_before <= now. Throws std::runtime_error when its
    // payload does not decode (the caller should mark it failed).
    std::optional<PendingEffect> next_due(core::Time now);
    // When the executor should next look; none when nothing is pending.
    std::optional<core::Time> earliest_pending();

    // attempts + 1 and not_before = retry_at. Called BEFORE the Web API call, so that a crash
    // halfway leaves a trace and the effect is retried no sooner than retry_at.
    void record_attempt(std::int64_t id, core::Time retry_at);
    // `result` is small JSON (e.g. {"ts":"..."}), never message content.
    void mark_done(std::int64_t id, std::string_view result);
    // A permanent failure, kept for the operator.
    void mark_failed(std::int64_t id, std::string_view error);

    // Effects in `state`: "pending", "done" or "failed".
    std::size_t count(std::string_view state);

private:
    SQLite::Statement select_due_;
    SQLite::Statement select_earliest_;
    SQLite::Statement update_attempt_;
    SQLite::Statement update_done_;
    SQLite::Statement update_failed_;
    SQLite::Statement select_count_;
};

} // namespace cocbot::storage
