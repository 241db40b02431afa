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
    for (const auto& due : records.due(roster_.committee().retention, now, per_round)) {
        const bool erased = records.erase(due.incident, due.reason, now);
        log(Level::info, "retention",
            {{"outcome", erased ? "erased" : "waiting_for_slack"},
             {"reason", std::string{core::to_string(due.reason)}}});
    }
}

} // namespace cocbot::app
