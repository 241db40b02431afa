// File: storage/roster.hpp
// The committee's roster as the database keeps it, and the record of every change to it: who
// was added, who removed, when, and whether the incidents have been told yet.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <vector>

namespace cocbot::storage {

struct RosterChange {
    std::int64_t seq = 0;
    core::Time at{};
    core::UserId user;
    bool added = false; // else removed

    friend bool operator==(const RosterChange&, const RosterChange&) = default;
};

class Roster {
public:
    explicit Roster(Database& db);

    // The members, in the order they joined.
    std::vector<core::UserId> members();

    // Makes the stored roster `configured`, in one transaction, recording each member added and
    // each removed (the first start adds everyone). Returns the changes it recorded.
    std::vector<RosterChange> reconcile(const std::vector<core::UserId>& configured,
                                        core::Time now);

    // Changes not yet carried into every incident, oldest first.
    std::vector<RosterChange> unapplied();
    void mark_applied(std::int64_t seq);

    // Every change ever recorded, oldest first.
    std::vector<RosterChange> history();

private:
    std::vector<RosterChange> changes(SQLite::Statement& query);
    RosterChange record(const core::UserId& user, bool added, core::Time now);

    Database& db_;
};

} // namespace cocbot::storage
