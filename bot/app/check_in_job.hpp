// File: bot/app/check_in_job.hpp
// The six-monthly check-in: every `review` after a member joined or last answered, they are
// asked by direct message whether they wish to continue; fourteen days (`grace`) without an
// answer, the committee channel is told once. Each question is recorded with its message in one
// transaction, so a restart neither asks twice nor forgets to ask.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "bot/app/committee_votes.hpp"
#include "storage/database.hpp"

#include <functional>
#include <string>

namespace cocbot::app {

struct CheckInOptions {
    core::Duration review{std::chrono::days{182}};
    core::Duration grace{std::chrono::days{14}};
};

class CheckInJob {
public:
    CheckInJob(storage::Database& database, CommitteeRoster& roster, CommitteeVotes& votes,
               CheckInOptions options, std::function<void()> committed);

    // A Monitor chore: asks whoever is due, and tells the committee of answers overdue.
    void run(core::Time now);
    // `member` pressed Continue (true) or Step down: what to tell them.
    std::string answer(const core::UserId& member, bool stay, core::Time now);
    void prompt_posted(const core::UserId& member, const core::MessageRef& where);

private:
    void ask(const core::UserId& member, core::Time now);
    void tell_overdue(const core::UserId& member, core::Time now);
    void commit(storage::UnitOfWork& work);

    storage::Database& database_;
    CommitteeRoster& roster_;
    CommitteeVotes& votes_;
    CheckInOptions options_;
    std::function<void()> committed_;
};

} // namespace cocbot::app
