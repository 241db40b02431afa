// File: bot/app/deliveries.cpp
#include "bot/app/deliveries.hpp"

#include "storage/seen_events.hpp"
#include "storage/unit_of_work.hpp"

namespace cocbot::app {

bool Deliveries::seen(std::string_view event_id) const {
    return storage::SeenEvents{database_}.seen(event_id);
}

void Deliveries::record(std::string_view event_id, core::Time now) {
    storage::UnitOfWork work{database_};
    work.mark_seen(event_id, now);
    work.commit();
}

} // namespace cocbot::app
