// File: storage/committee_motions.hpp
// The committee's motions about itself (removing or admitting a member): each with its sealed
// reason and the message a removed member is sent, and one ballot row per voter, holding their
// latest vote and where their private ballot message is. Writes run in the caller's scope.
#pragma once

#include "core/governance.hpp"
#include "core/messages.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::storage {

struct BallotRow {
    core::UserId voter;
    std::optional<bool> vote;
    std::optional<core::MessageRef> message; // once the ballot is posted
};

struct NewCommitteeMotion {
    core::CommitteeMotionKind kind = core::CommitteeMotionKind::removal;
    core::UserId subject;
    core::UserId proposer;
    std::string_view reason;
    std::string_view farewell; // for a removal: what the person is told once it is carried out
};

class CommitteeMotions {
public:
    explicit CommitteeMotions(Database& db);

    // A new open motion with an empty ballot for each voter; returns its id.
    std::int64_t create(const NewCommitteeMotion& motion, const std::vector<core::UserId>& voters,
                        core::Time now);
    std::optional<core::CommitteeMotion> find(std::int64_t id);
    std::vector<std::int64_t> open_ids();
    // The open motion (of any kind) about `subject`, if there is one.
    std::optional<std::int64_t> open_about(const core::UserId& subject);

    void cast(std::int64_t id, const core::UserId& voter, bool yes);
    void decide(std::int64_t id, core::MotionResult result, core::Time now);
    std::vector<BallotRow> ballots(std::int64_t id);
    void record_message(std::int64_t id, const core::UserId& voter, const core::MessageRef& where);
    // A member who joined while the motion is open gets a ballot too.
    void add_ballot(std::int64_t id, const core::UserId& voter);
    // The voter left the committee: their ballot no longer counts, and is not sent any more.
    void drop_ballot(std::int64_t id, const core::UserId& voter);

    // The texts, opened from their sealed rows; nullopt for an unknown motion.
    std::optional<std::string> reason(std::int64_t id);
    std::optional<std::string> farewell(std::int64_t id);

private:
    std::optional<std::string> text(std::int64_t id, const char* column_sql,
                                    std::string_view column);

    Database& db_;
};

// The sealed-row name a motion's text is bound to.
std::string motion_text_row(std::int64_t id, std::string_view column);

} // namespace cocbot::storage
