// File: bot/app/offboarding.hpp
// A member leaving the committee, in the plan's order: their access is revoked first (the
// roster, every channel of the committee, unanswered prompts), then whoever off-boards them gets
// the checklist of what is outside Slack, and only once every removal succeeded and every line
// is ticked are they told. Each step is a row in the database, so a restart resumes it.
#pragma once

#include "bot/app/committee_roster.hpp"
#include "storage/database.hpp"
#include "storage/offboardings.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cocbot::app {

struct OffboardingOptions {
    core::UserId chair;                          // committee.chair; may be empty
    std::chrono::seconds retry_refused{15 * 60}; // how often a refused removal is retried
};

class Offboarding {
public:
    Offboarding(storage::Database& database, CommitteeRoster& roster, OffboardingOptions options,
                std::function<void()> committed);

    // Takes `member` off the roster and queues their removal from every channel of the
    // committee, inside the caller's unit of work. The caller recounts the open motions and,
    // after its commit, carries the roster change into the incidents.
    std::int64_t start(storage::UnitOfWork& work, const core::UserId& member,
                       core::OffboardCause cause, const core::UserId& by,
                       std::optional<std::int64_t> motion, core::Time now);

    // The executor removed the person from a channel, or Slack refused (`error`).
    void removal_settled(const core::UserId& member, const core::ChannelId& channel,
                         const std::optional<std::string>& error, core::Time now);
    void checklist_posted(std::int64_t id, const core::MessageRef& where);

    // A line of the checklist at `message` ticked by `by`: what to tell them.
    std::string tick(const core::MessageRef& message, const std::string& item,
                     const core::UserId& by, core::Time now);

    // The next step of every off-boarding under way (after a restart, say), and the refused
    // removals due to be tried again.
    void resume(core::Time now);

    // The text a Farewell shows, read when it is sent.
    std::optional<std::string> farewell_text(std::int64_t id);

private:
    void advance(storage::UnitOfWork& work, std::int64_t id, core::Time now);
    void alert_refusal(storage::UnitOfWork& work, const core::UserId& member,
                       const core::ChannelId& channel, const std::string& error, core::Time now);
    void commit(storage::UnitOfWork& work);

    storage::Database& database_;
    CommitteeRoster& roster_;
    OffboardingOptions options_;
    std::function<void()> committed_;
};

} // namespace cocbot::app
