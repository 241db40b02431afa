// File: bot/app/roster_sync.cpp
#include "bot/app/roster_sync.hpp"

#include "bot/app/logger.hpp"
#include "bot/app/supervised.hpp"
#include "storage/event_store.hpp"

#include <exception>
#include <string>

namespace cocbot::app {

RosterSync::RosterSync(storage::Database& database, Workflow& workflow, CommitteeRoster& roster)
    : database_(database), workflow_(workflow), roster_(roster) {}

void RosterSync::reconcile(const std::vector<core::UserId>& configured, core::Time now) {
    storage::Roster stored{database_};
    for (const auto& change : stored.reconcile(configured, now))
        log(Level::info, "roster_change",
            {{"change", change.added ? "added" : "removed"}, {"user", change.user.value}});
    const auto members = stored.members();
    // The committee removed them (or they stepped down): the list no longer decides.
    for (const auto& user : configured)
        if (!core::contains(members, user))
            log(Level::warn, "configured_member_off_roster", {{"user", user.value}});
    roster_.set_members(members);
    apply_removals(now);
}

void RosterSync::apply_removals(core::Time now) {
    for (const auto& change : storage::Roster{database_}.unapplied())
        if (!change.added && !(held_ && held_(change.user)))
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
    int touched = 0, failed = 0;
    const bool still_member = roster_.committee().is_member(change.user);
    if (!change.added || still_member)
        for (const auto& id : storage::EventStore{database_}.all_incidents()) {
            const core::Command command =
                change.added ? core::Command{core::RosterMemberAdded{id, change.user}}
                             : core::Command{core::RosterMemberRemoved{id, change.user}};
            try {
                const auto outcome = workflow_.handle(command, now);
                if (const auto* decision = std::get_if<core::Decision>(&outcome))
                    touched += decision->events.empty() ? 0 : 1;
            } catch (const std::exception&) {
                // One incident that cannot be read must not keep cocbot from starting, nor
                // the others from the change; the change stays pending and is tried again at
                // the next start.
                ++failed;
                log(Level::error, "roster_apply_failed",
                    {{"class", failure_class(std::current_exception())}});
            }
        }
    if (failed == 0)
        storage::Roster{database_}.mark_applied(change.seq);
    log(failed == 0 ? Level::info : Level::warn, "roster_applied",
        {{"change", change.added ? "added" : "removed"},
         {"user", change.user.value},
         {"incidents", std::to_string(touched)},
         {"failed", std::to_string(failed)}});
}

} // namespace cocbot::app
