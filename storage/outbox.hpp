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
#include <stdexcept>
#include <string>
#include <string_view>

namespace cocbot::storage {

struct PendingEffect {
    std::int64_t id;
    std::optional<core::IncidentId> incident;
    core::Effect effect;
    int attempts;
    core::Time not_before;
    core::Time created_at; // no attempt of this effect can be older
};

// Thrown by next_due for a pending row whose payload does not decode (written by a newer or a
// broken cocbot), so that the executor can fail that row and go on. The message names the type
// and the problem, never the payload.
class UndecodableEffect : public std::runtime_error {
public:
    UndecodableEffect(std::int64_t id, const std::string& problem)
        : std::runtime_error(problem), id_(id) {}
    std::int64_t id() const { return id_; }

private:
    std::int64_t id_;
};

// Each call is its own transaction (autocommit), so every state change is durable at once.
class Outbox {
public:
    explicit Outbox(Database& db);

    // The oldest runnable pending effect with not_before <= now. Throws UndecodableEffect when
    // its payload does not decode (the caller should mark it failed).
    std::optional<PendingEffect> next_due(core::Time now);
    // When the executor should next look; none when nothing is pending.
    std::optional<core::Time> earliest_pending();
    // When the oldest pending effect was queued: how long Slack output has been waiting.
    std::optional<core::Time> oldest_pending_created();

    // attempts + 1 and not_before = retry_at. Called BEFORE the Web API call, so that a crash
    // halfway leaves a trace and the effect is retried no sooner than retry_at.
    void record_attempt(std::int64_t id, core::Time retry_at);
    // `result` is small JSON (e.g. {"ts":"..."}), never message content.
    void mark_done(std::int64_t id, std::string_view result);
    // A permanent failure, kept for the operator.
    void mark_failed(std::int64_t id, std::string_view error);
    // Forgets done effects queued before `t` (failed ones stay for the operator). Returns how
    // many rows were forgotten.
    std::size_t prune_done_before(core::Time t);

    // Effects in `state`: "pending", "done" or "failed".
    std::size_t count(std::string_view state);

private:
    SQLite::Statement& select_due_;
    SQLite::Statement& select_earliest_;
    SQLite::Statement& select_oldest_;
    SQLite::Statement& update_attempt_;
    SQLite::Statement& update_done_;
    SQLite::Statement& update_failed_;
    SQLite::Statement& select_count_;
    SQLite::Statement& delete_done_before_;
    const Sealer* sealer_;
};

} // namespace cocbot::storage
