// File: bot/app/roster_sync.hpp
// Keeps the roster live: the database's roster is made the configured one at each start, and
// every change is carried into each incident (removals at once, before anything else runs;
// additions once Slack's names are known, so that a new member who is the reported person by
// name is never asked). A change is marked done only when every incident has it, so a crash
// part-way resumes it on the next start.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/workflow.hpp"
#include "storage/database.hpp"
#include "storage/roster.hpp"

#include <functional>
#include <vector>

namespace cocbot::app {

class RosterSync {
public:
    RosterSync(storage::Database& database, Workflow& workflow, CommitteeRoster& roster);

    // Records the differences from `configured`, sets the roster, and carries out every
    // removal not yet carried out.
    void reconcile(const std::vector<core::UserId>& configured, core::Time now);

    // Asks each member added (and still on the roster) about every open incident.
    void apply_additions(core::Time now);
    // Carries out every removal not yet carried out (the committee's own, say), but those held.
    void apply_removals(core::Time now);
    // A removal is held while `held(user)`: an off-boarding's incident channels hear of it only
    // once the person is out of every channel of the committee.
    void hold_while(std::function<bool(const core::UserId&)> held) { held_ = std::move(held); }

private:
    void apply(const storage::RosterChange& change, core::Time now);

    storage::Database& database_;
    Workflow& workflow_;
    CommitteeRoster& roster_;
    std::function<bool(const core::UserId&)> held_;
};

} // namespace cocbot::app
