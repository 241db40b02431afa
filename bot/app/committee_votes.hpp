// File: bot/app/committee_votes.hpp
// Motions to remove or admit a member, put to every member by private ballot and decided by a
// simple majority of all members (core/governance.hpp). A removal's subject is never told and
// sees nothing of it: no ballot, no count, no result, in no channel they are in.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/offboarding.hpp"
#include "bot/app/roster_sync.hpp"
#include "storage/committee_motions.hpp"

#include <functional>
#include <optional>
#include <string>

namespace cocbot::app {

class CommitteeVotes {
public:
    CommitteeVotes(storage::Database& database, CommitteeRoster& roster, RosterSync& roster_sync,
                   Offboarding& offboarding, std::function<void()> committed);

    // Why `proposer` may not propose this now; nullopt when they may.
    std::optional<std::string> refusal(core::CommitteeMotionKind kind, const core::UserId& proposer,
                                       const core::UserId& subject) const;
    // Opens the motion and sends each voter their ballot: what to tell the proposer.
    std::string propose(const storage::NewCommitteeMotion& motion, core::Time now);
    // A voter's ballot (true: remove, or admit): what to tell them.
    std::string vote(std::int64_t motion, const core::UserId& voter, bool yes, core::Time now);

    // Off-boards `member` (a passed removal, or stepping down) inside the caller's unit of
    // work, and recounts the open motions without them. Call carry_out() after the commit.
    void offboard(storage::UnitOfWork& work, const core::UserId& member, core::OffboardCause cause,
                  const core::UserId& by, std::optional<std::int64_t> motion, core::Time now);
    // After a commit that changed the roster: the roster in memory, and every incident, follow.
    void carry_out(core::Time now);

    // Where a ballot was posted; a count that moved on meanwhile is brought up to date.
    void ballot_posted(std::int64_t motion, const core::UserId& voter,
                       const core::CommitteeTally& shown, const core::MessageRef& where,
                       core::Time now);
    // A ballot's reason, read when it is sent.
    std::optional<std::string> reason(std::int64_t motion);

private:
    void settle(storage::UnitOfWork& work, std::int64_t motion, core::Time now);
    void decided(storage::UnitOfWork& work, const core::CommitteeMotion& motion,
                 const core::CommitteeTally& tally, core::Time now);
    void recount_open(storage::UnitOfWork& work, const core::UserId& leaving, core::Time now);
    void give_ballots(storage::UnitOfWork& work, const core::UserId& member, core::Time now);
    void commit(storage::UnitOfWork& work);

    storage::Database& database_;
    CommitteeRoster& roster_;
    RosterSync& roster_sync_;
    Offboarding& offboarding_;
    std::function<void()> committed_;
};

} // namespace cocbot::app
