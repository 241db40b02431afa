// File: bot/app/retention_job.hpp
// Retention, carried out: the incidents whose period ended are erased (storage/retention.hpp),
// a few at a time, as the monitor comes round; cheap when none is due (an indexed read per
// period). The periods are read from the committee's configuration each time, so a changed
// setting applies to every incident at once.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "storage/database.hpp"
#include "storage/retention.hpp"

#include <set>

namespace cocbot::app {

class RetentionJob {
public:
    RetentionJob(storage::Database& database, const CommitteeRoster& roster);

    // Gives each incident stored before retention existed its row (once, at start-up).
    void catch_up();
    // Erases what is due by `now`; an incident with Slack output still pending waits. Each
    // incident that waits, or that cannot be erased (a row that does not decode), is logged
    // once, and one that cannot be erased is not tried again until the next start.
    void erase_due(core::Time now);

private:
    bool erase(const storage::DueErasure& due, core::Time now);

    storage::Database& database_;
    const CommitteeRoster& roster_;
    std::set<core::IncidentId> waiting_; // for Slack output, logged once
    std::set<core::IncidentId> failed_;  // until the next start
};

} // namespace cocbot::app
