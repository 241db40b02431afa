// File: bot/app/quarter_reminder.cpp
#include "bot/app/quarter_reminder.hpp"

#include "bot/app/logger.hpp"
#include "core/transparency.hpp"
#include "storage/quarter_reminders.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>

namespace cocbot::app {

namespace {

constexpr auto window = std::chrono::days{14};

core::Text reminder_text(core::Quarter ended) {
    const auto name = core::to_string(ended);
    return "A new quarter has begun: time to publish the transparency report for " + name +
           ". `/coc transparency " + name +
           "` drafts it here, anonymised, for the committee to check before publishing.";
}

} // namespace

QuarterReminder::QuarterReminder(storage::Database& database, const CommitteeRoster& roster,
                                 bool enabled, std::function<void()> queued)
    : database_(database), roster_(roster), enabled_(enabled), queued_(std::move(queued)) {}

void QuarterReminder::remind_if_due(core::Time now) {
    const auto quarter = core::quarter_of(now);
    if (!enabled_ || now >= core::first_day(quarter) + window)
        return;
    const auto name = core::to_string(quarter);
    storage::QuarterReminders reminders{database_};
    if (reminders.sent(name))
        return;
    storage::UnitOfWork work{database_};
    const auto& channel = roster_.committee().channel;
    const core::Message message = core::Notice{reminder_text(core::previous(quarter))};
    work.enqueue(std::nullopt, {core::Post{{}, channel, {}, message, false}}, now);
    reminders.record(name, now);
    work.commit();
    log(Level::info, "quarter_reminder", {{"outcome", "queued"}, {"quarter", name}});
    if (queued_)
        queued_();
}

} // namespace cocbot::app
