// File: storage/seen_events.hpp
// Slack event ids already handled, so that Slack's retries change nothing. Ids are recorded by
// UnitOfWork::mark_seen, inside the transaction of the command they caused.
#pragma once

#include "core/time.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <string_view>

namespace cocbot::storage {

class SeenEvents {
public:
    explicit SeenEvents(Database& db);

    bool seen(std::string_view event_id);
    // Forgets ids recorded before `t`: Slack stops retrying after minutes, so the table stays
    // small.
    void prune_before(core::Time t);

private:
    SQLite::Statement select_seen_;
    SQLite::Statement delete_before_;
};

} // namespace cocbot::storage
