// File: bot/app/retention_job.hpp
// Retention, carried out: the incidents whose period ended are erased (storage/retention.hpp),
// a few at a time, as the monitor comes round; cheap when none is due (an indexed read per
// period). The periods are read from the committee's configuration each time, so a changed
// setting applies to every incident at once.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "storage/database.hpp"

namespace cocbot::app {

class RetentionJob {
public:
    RetentionJob(storage::Database& database, const CommitteeRoster& roster);

    // Gives each incident stored before retention existed its row (once, at start-up).
    void catch_up();
    // Erases what is due by `now`; an incident with Slack output still pending waits.
    void erase_due(core::Time now);

private:
    storage::Database& database_;
    const CommitteeRoster& roster_;
};

} // namespace cocbot::app
