// File: bot/app/roster_sync.cpp
#include "bot/app/roster_sync.hpp"

#include "bot/app/logger.hpp"
#include "storage/event_store.hpp"

#include <string>

namespace cocbot::app {

RosterSync::RosterSync(storage::Database& database, Workflow& workflow, CommitteeRoster& roster)
    : database_(database), workflow_(workflow), roster_(roster) {}

void RosterSync::reconcile(const std::vector<core::UserId>& configured, core::Time now) {
    storage::Roster stored{database_};
    for (const auto& change : stored.reconcile(configured, now))
        log(Level::info, "roster_change",
            {{"change", change.added ? "added" : "removed"}, {"user", change.user.value}});
    roster_.set_members(stored.members());
    for (const auto& change : stored.unapplied())
        if (!change.added)
            apply(change, now);
}

void RosterSync::apply_additions(core::Time now) {
    storage::Roster stored{database_};
    for (const auto& change : stored.unapplied())
        if (change.added)
            apply(change, now);
}

void RosterSync::apply(const storage::RosterChange& change, core::Time now) {
    // One transaction per incident, like every other command. Rare (a roster change), so the
    // incidents are walked rather than indexed.
    int touched = 0;
    const bool still_member = roster_.committee().is_member(change.user);
    if (!change.added || still_member)
        for (const auto& id : storage::EventStore{database_}.all_incidents()) {
            const core::Command command =
                change.added ? core::Command{core::RosterMemberAdded{id, change.user}}
                             : core::Command{core::RosterMemberRemoved{id, change.user}};
            const auto outcome = workflow_.handle(command, now);
            if (const auto* decision = std::get_if<core::Decision>(&outcome))
                touched += decision->events.empty() ? 0 : 1;
        }
    storage::Roster{database_}.mark_applied(change.seq);
    log(Level::info, "roster_applied",
        {{"change", change.added ? "added" : "removed"},
         {"user", change.user.value},
         {"incidents", std::to_string(touched)}});
}

} // namespace cocbot::app
