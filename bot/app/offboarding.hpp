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
                         std::optional<std::string> error, core::Time now);
    void checklist_posted(std::int64_t id, const core::MessageRef& where);

    // A line of the checklist at `message` ticked by `by`: what to tell them.
    std::string tick(const core::MessageRef& message, const std::string& item,
                     const core::UserId& by, core::Time now);

    // The next step of every off-boarding under way (after a restart, say), and the refused
    // removals due to be tried again.
    void resume(core::Time now);

    // The text a Farewell shows, read when it is sent.
    std::optional<std::string> farewell_text(std::int64_t id);

    // Whether `member` is still to be removed from a channel of the committee.
    bool revoking(const core::UserId& member);
    // Told once the person is out of every channel: the incidents may hear of it now.
    void on_revoked(std::function<void(core::Time)> listener) { revoked_ = std::move(listener); }
    // The checklist could not reach its recipient (they left, say): it goes to the committee
    // channel, which the person has left by then.
    void checklist_undelivered(const core::OffboardChecklist& checklist, core::Time now);

private:
    void advance(storage::UnitOfWork& work, std::int64_t id, core::Time now);
    void alert_refusal(storage::UnitOfWork& work, const core::UserId& member,
                       const core::ChannelId& channel, const std::string& error, core::Time now);
    void commit(storage::UnitOfWork& work, core::Time now);
    bool due(std::int64_t id, core::Time now);

    storage::Database& database_;
    CommitteeRoster& roster_;
    OffboardingOptions options_;
    std::function<void()> committed_;
    std::function<void(core::Time)> revoked_;
    bool revoked_now_ = false; // the last advance() left the revoking step
};

} // namespace cocbot::app
