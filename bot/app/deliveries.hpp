// File: bot/app/deliveries.hpp
// Slack's event deliveries already handled: Slack retries a delivery it thinks failed, and a
// retry must change nothing. Deliveries that cause a command are recorded in the command's own
// transaction (Workflow::handle_event); these are the others.
#pragma once

#include "core/time.hpp"
#include "storage/database.hpp"

#include <string_view>

namespace cocbot::app {

class Deliveries {
public:
    explicit Deliveries(storage::Database& database) : database_(database) {}

    bool seen(std::string_view event_id) const;
    // After the handling, so that a failure leaves Slack's retry the work.
    void record(std::string_view event_id, core::Time now);

private:
    storage::Database& database_;
};

} // namespace cocbot::app
