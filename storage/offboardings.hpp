// File: storage/offboardings.hpp
// Members leaving the committee, each step recorded: the Slack channels they are to be removed
// from (pending, done or refused by Slack), the checklist of what is outside Slack (who ticked
// each line, when), and when they were told. Writes run in the caller's scope.
#pragma once

#include "core/governance.hpp"
#include "core/governance_messages.hpp"
#include "core/messages.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cocbot::storage {

struct Offboarding {
    std::int64_t id = 0;
    core::UserId member;
    core::OffboardCause cause = core::OffboardCause::resigned;
    core::UserId by;                    // who proposed the removal, or the member stepping down
    std::optional<std::int64_t> motion; // the removal motion that passed
    core::UserId checklist_to;          // empty: the committee channel
    std::optional<core::MessageRef> checklist;
    std::optional<core::Time> checklist_at;
    std::optional<core::Time> told_at;
};

enum class RevokeState { pending, done, refused };

struct RevokeRow {
    core::ChannelId channel;
    RevokeState state = RevokeState::pending;
    std::string error;
    std::optional<core::Time> tried_at;
};

class Offboardings {
public:
    explicit Offboardings(Database& db);

    std::int64_t start(const Offboarding& offboarding, const std::vector<core::ChannelId>& channels,
                       core::Time now);
    std::optional<Offboarding> find(std::int64_t id);
    // The one under way for `member`, if any.
    std::optional<std::int64_t> under_way(const core::UserId& member);
    // Those whose person has not been told yet.
    std::vector<std::int64_t> under_way();
    std::optional<std::int64_t> by_checklist(const core::MessageRef& message);

    std::vector<RevokeRow> channels(std::int64_t id);
    // A removal Slack refused is tried again: pending, tried now (its last error is kept).
    void retrying(std::int64_t id, const core::ChannelId& channel, core::Time at);
    void revoked(std::int64_t id, const core::ChannelId& channel);
    void refused(std::int64_t id, const core::ChannelId& channel, const std::string& error,
                 core::Time at);

    void checklist_queued(std::int64_t id, core::Time at);
    void record_checklist(std::int64_t id, const core::MessageRef& where);
    // False when the item was ticked already (the first tick stands).
    bool tick(std::int64_t id, const std::string& item, const core::UserId& by, core::Time at);
    std::vector<core::ChecklistTick> ticks(std::int64_t id);
    void told(std::int64_t id, core::Time at);

    core::OffboardProgress progress(std::int64_t id);

private:
    Database& db_;
};

} // namespace cocbot::storage
