// File: storage/roster.hpp
// The committee's roster as the database keeps it, and the record of every change to it: who
// was added, who removed, when, and whether the incidents have been told yet.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
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

    // The members with when each joined, in that order.
    std::vector<std::pair<core::UserId, core::Time>> joined();

    // Carries the changes to the configured list since it was last applied into the stored
    // roster, in one transaction, recording each member added and each removed (the first start
    // adds everyone). A member the committee removed stays removed while the list still names
    // them. Returns the changes it recorded.
    std::vector<RosterChange> reconcile(const std::vector<core::UserId>& configured,
                                        core::Time now);

    // One member added or removed by the committee itself, inside the caller's write scope;
    // nullopt when there was nothing to change.
    std::optional<RosterChange> add(const core::UserId& user, core::Time now,
                                    std::string_view actor = "committee");
    std::optional<RosterChange> remove(const core::UserId& user, core::Time now,
                                       std::string_view actor = "committee");

    // Changes not yet carried into every incident, oldest first.
    std::vector<RosterChange> unapplied();
    void mark_applied(std::int64_t seq);

    // Every change ever recorded, oldest first.
    std::vector<RosterChange> history();

private:
    std::vector<RosterChange> changes(SQLite::Statement& query);
    std::vector<core::UserId> users(const char* sql);
    void remember_configured(const std::vector<core::UserId>& configured);
    RosterChange record(const core::UserId& user, bool added, core::Time now,
                        std::string_view actor);

    Database& db_;
};

} // namespace cocbot::storage
