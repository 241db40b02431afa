// File: storage/seen_events.hpp
// Slack event ids and report submissions already handled, so that Slack's retries change
// nothing. They are recorded by UnitOfWork, inside the transaction of the command they caused.
#pragma once

#include "core/time.hpp"
#include "storage/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstddef>
#include <string_view>

namespace cocbot::storage {

class SeenEvents {
public:
    explicit SeenEvents(Database& db);

    bool seen(std::string_view event_id);
    // Forgets ids (and report submissions) recorded before `t`: Slack stops retrying after
    // minutes, so the tables stay small. Returns how many rows were forgotten.
    std::size_t prune_before(core::Time t);

private:
    SQLite::Statement& select_seen_;
    SQLite::Statement& delete_before_;
    SQLite::Statement& delete_submissions_before_;
};

} // namespace cocbot::storage
