// File: bot/app/audit_heads.hpp
// The audit log's chain head, posted once a day in the committee channel when it moved: a copy
// of it outside the database, so that a rewrite of the whole log is found by comparing them
// (`cocbot audit verify --head`). It says how many entries there are and nothing else.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "storage/database.hpp"

#include <functional>

namespace cocbot::app {

class AuditHeads {
public:
    // `queued` is told when a post was queued (to wake the executor).
    AuditHeads(storage::Database& database, const CommitteeRoster& roster, bool enabled,
               std::function<void()> queued);

    // Queues the post, with its record, when a day has passed since the last one (or none was
    // made yet) and the log has grown since. Cheap when not due: one row read.
    void post_if_due(core::Time now);

private:
    storage::Database& database_;
    const CommitteeRoster& roster_;
    bool enabled_;
    std::function<void()> queued_;
};

// The first 16 hex digits of a hash: what is posted, and what `--head` takes.
std::string short_hash(const std::string& hash);

} // namespace cocbot::app
