// File: bot/app/retention_job.cpp
#include "bot/app/retention_job.hpp"

#include "bot/app/logger.hpp"
#include "bot/app/supervised.hpp"
#include "core/retention.hpp"
#include "storage/event_store.hpp"
#include "storage/retention.hpp"
#include "storage/unit_of_work.hpp"

#include <exception>

namespace cocbot::app {

namespace {

constexpr std::size_t per_round = 8;

} // namespace

RetentionJob::RetentionJob(storage::Database& database, const CommitteeRoster& roster)
    : database_(database), roster_(roster) {}

void RetentionJob::catch_up() {
    storage::EventStore store{database_};
    for (const auto& id : storage::RetentionRecords{database_}.without_row()) {
        core::Incident incident;
        try {
            incident = store.incident(id);
        } catch (const std::exception&) {
            // Kept, unerased, and tried again at the next start.
            log(Level::error, "retention_catch_up_failed",
                {{"class", failure_class(std::current_exception())}});
            continue;
        }
        storage::UnitOfWork work{database_};
        work.set_retention(id, core::retention_start(incident));
        work.commit();
    }
}

void RetentionJob::erase_due(core::Time now) {
    storage::RetentionRecords records{database_};
    // Those that wait or failed come first again: ask for enough to get past them.
    const auto skipped = waiting_.size() + failed_.size();
    std::size_t erased = 0;
    for (const auto& due : records.due(roster_.committee().retention, now, per_round + skipped))
        if (erased < per_round && !failed_.contains(due.incident) && erase(due, now))
            ++erased;
}

// Whether it was erased now.
bool RetentionJob::erase(const storage::DueErasure& due, core::Time now) {
    const std::string reason{core::to_string(due.reason)};
    try {
        if (!storage::RetentionRecords{database_}.erase(due.incident, due.reason, now)) {
            if (waiting_.insert(due.incident).second)
                log(Level::info, "retention",
                    {{"outcome", "waiting_for_slack"}, {"reason", reason}});
            return false;
        }
    } catch (const std::exception&) {
        failed_.insert(due.incident);
        log(Level::error, "retention",
            {{"outcome", "failed"},
             {"reason", reason},
             {"class", failure_class(std::current_exception())}});
        return false;
    }
    waiting_.erase(due.incident);
    log(Level::info, "retention", {{"outcome", "erased"}, {"reason", reason}});
    return true;
}

} // namespace cocbot::app
