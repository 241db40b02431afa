// File: core/governance.hpp
// The committee governing itself, as the plan sets it out: motions to remove or admit a member,
// decided by a simple majority of *all* members; the six-monthly check-in; and off-boarding, in
// which access is revoked before the person is told.
#pragma once

#include "core/ids.hpp"
#include "core/motion.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cocbot::core {

enum class CommitteeMotionKind {
    removal,   // remove a member from the committee
    admission, // add a member to the committee
};

std::string_view to_string(CommitteeMotionKind kind);
std::optional<CommitteeMotionKind> committee_motion_kind_from_string(std::string_view text);

struct CommitteeMotion {
    std::int64_t id = 0;
    CommitteeMotionKind kind = CommitteeMotionKind::removal;
    UserId subject;
    UserId proposer;
    std::map<UserId, bool> ballots; // each voter's latest ballot, true for remove (or admit)
    MotionResult result = MotionResult::open;

    bool open() const { return result == MotionResult::open; }
};

// The count of a committee motion. `members` counts every member, the subject of a removal
// included: a member who does not vote counts against.
struct CommitteeTally {
    int yes = 0;
    int no = 0;
    int members = 0;
    int voters = 0; // the members who may vote: all but the subject
    int needed = 0; // a simple majority of all members
    MotionResult result = MotionResult::open;

    friend bool operator==(const CommitteeTally&, const CommitteeTally&) = default;
};

// Who may vote on `motion` among `members`: everyone on the roster but its subject.
bool may_vote(const CommitteeMotion& motion, const std::vector<UserId>& members,
              const UserId& voter);

// Passed as soon as a majority of all members votes yes; rejected as soon as that majority
// cannot be reached by the voters who have not voted no. Ballots of people off the roster (or of
// the subject) do not count.
CommitteeTally count(const CommitteeMotion& motion, const std::vector<UserId>& members);

// When a member is next asked whether they wish to continue: `review` after they joined or last
// answered.
constexpr Time check_in_due(Time since, Duration review) {
    return since + review;
}

// Whether an unanswered check-in, asked at `asked`, is now reported to the committee.
constexpr bool check_in_overdue(Time asked, Duration grace, Time now) {
    return now >= asked + grace;
}

enum class OffboardCause { resigned, removed };

std::string_view to_string(OffboardCause cause);
std::optional<OffboardCause> offboard_cause_from_string(std::string_view text);

// What is outside Slack and revoked by hand, from the plan's list.
struct ChecklistItem {
    std::string_view id;
    std::string_view text;
};

std::span<const ChecklistItem> offboard_checklist();
bool is_checklist_item(std::string_view id);

// An off-boarding's progress, as far as its order matters.
struct OffboardProgress {
    int channels_pending = 0; // Slack channels the person is still to be removed from
    bool refused = false;     // Slack refused a removal: people are alerted, nobody waits it out
    bool checklist_posted = false;
    int items_pending = 0; // checklist lines not yet ticked
    bool told = false;
};

enum class OffboardStep {
    revoke,    // remove the person from the remaining channels
    checklist, // post the checklist of what is outside Slack
    wait,      // for the checklist to be ticked
    tell,      // the person may now be told
    done,
};

// The next step: the person is told only after every removal succeeded and every line of the
// checklist was ticked, so that their access is gone before the message is sent.
OffboardStep next_step(const OffboardProgress& progress);

} // namespace cocbot::core
