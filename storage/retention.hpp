// File: storage/retention.hpp
// What retention keeps of each incident: when its period began and which one it is, written
// with its events (UnitOfWork::set_retention), so that what is due is found by key; and the
// erasure itself, in one transaction: every sealed word and person of the incident emptied,
// its outbox rows, escrow keys and submissions gone, its deadlines dropped, an audit entry made.
#pragma once

#include "core/ids.hpp"
#include "core/retention.hpp"
#include "storage/database.hpp"

#include <cstddef>
#include <vector>

namespace cocbot::storage {

struct DueErasure {
    core::IncidentId incident;
    core::Time due{};
    core::ErasureReason reason = core::ErasureReason::resolved;

    friend bool operator==(const DueErasure&, const DueErasure&) = default;
};

class RetentionRecords {
public:
    explicit RetentionRecords(Database& db);

    // Up to `limit` incidents whose period under `retention` ended by `now`.
    std::vector<DueErasure> due(const core::Retention& retention, core::Time now,
                                std::size_t limit);
    // The next `limit` erasures, soonest first, due or not (`cocbot retention --dry-run`).
    std::vector<DueErasure> upcoming(const core::Retention& retention, std::size_t limit);
    // Incidents that have no retention row yet (stored before it existed), not erased.
    std::vector<core::IncidentId> without_row();
    bool erased(const core::IncidentId& incident);

    // Erases `incident` in one transaction; false, and nothing done, while some of its Slack
    // output is still pending (it is tried again later).
    bool erase(const core::IncidentId& incident, core::ErasureReason reason, core::Time now);

private:
    void erase_event_words(const core::IncidentId& incident);

    Database& db_;
};

} // namespace cocbot::storage
