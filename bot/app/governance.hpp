// File: bot/app/governance.hpp
// The committee governing itself, put together: its motions, the check-in and off-boarding,
// what the executor tells them of the messages and removals they queued, and the roster as
// `/coc committee` shows it to a member.
#pragma once

#include "bot/app/check_in_job.hpp"
#include "bot/app/committee_votes.hpp"
#include "bot/app/executor.hpp"
#include "bot/app/offboarding.hpp"

#include <functional>
#include <optional>
#include <string>

namespace cocbot::app {

struct GovernanceOptions {
    OffboardingOptions offboarding;
    CheckInOptions check_in;
};

class Governance {
public:
    Governance(storage::Database& database, CommitteeRoster& roster, RosterSync& roster_sync,
               GovernanceOptions options, std::function<void()> committed);

    CommitteeVotes& votes() { return votes_; }
    Offboarding& offboarding() { return offboarding_; }
    CheckInJob& check_ins() { return check_ins_; }

    // A Monitor chore: check-ins due, and off-boardings to move on.
    void run(core::Time now);
    // What became of an effect about no incident (Executor::on_committee_effect).
    void settled(const Executor::CommitteeSettled& settled, core::Time now);
    // The effect with the texts it shows but the outbox does not hold; nullopt when gone.
    std::optional<core::Effect> with_text(const core::Effect& effect);

    // `/coc committee`: the members, when each joined and last checked in.
    std::string roster_text();

private:
    void posted(const core::Post& post, const core::MessageRef& where, core::Time now);
    void invite_failed(const core::Invite& invite, const std::string& error, core::Time now);
    // A ballot or a farewell Slack would not take, for good: the members must act by hand.
    void undelivered(const core::Post& post, const std::string& error, core::Time now);
    // A direct-message alert to every member but `except`, audited as `action`.
    void alert_members(const core::Text& text, const std::vector<core::UserId>& except,
                       std::string_view action, const std::string& detail, core::Time now);

    storage::Database& database_;
    CommitteeRoster& roster_;
    std::function<void()> committed_;
    Offboarding offboarding_;
    CommitteeVotes votes_;
    CheckInJob check_ins_;
};

} // namespace cocbot::app
