// File: storage/quarter_reminders.hpp
// The quarters whose reminder to publish the transparency report was queued: each once.
#pragma once

#include "core/time.hpp"
#include "storage/database.hpp"

#include <string>

namespace cocbot::storage {

class QuarterReminders {
public:
    explicit QuarterReminders(Database& db);

    bool sent(const std::string& quarter);
    // In the caller's write scope, with the message it queues.
    void record(const std::string& quarter, core::Time at);

private:
    Database& db_;
};

} // namespace cocbot::storage
