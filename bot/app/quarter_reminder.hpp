// File: bot/app/quarter_reminder.hpp
// At the start of each quarter, once, the committee channel is reminded to publish the last
// quarter's transparency report (`/coc transparency` drafts it).
#pragma once

#include "bot/app/committee_roster.hpp"
#include "storage/database.hpp"

#include <functional>

namespace cocbot::app {

class QuarterReminder {
public:
    // `queued` is told when the reminder was queued (to wake the executor).
    QuarterReminder(storage::Database& database, const CommitteeRoster& roster, bool enabled,
                    std::function<void()> queued);

    // Queues the reminder, with its record, on a quarter's first days (a cocbot that was down
    // on the first day reminds at its next start within the fortnight). One row read when not
    // due.
    void remind_if_due(core::Time now);

private:
    storage::Database& database_;
    const CommitteeRoster& roster_;
    bool enabled_;
    std::function<void()> queued_;
};

} // namespace cocbot::app
