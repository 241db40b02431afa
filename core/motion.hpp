// File: core/motion.hpp
// A question put to the incident's committee members, decided by a simple majority of the
// members currently in the private channel (the electorate). The counting rules live here.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::core {

enum class MotionKind {
    violation,       // is the incident a Code of Conduct violation?
    plan,            // the behavioural modification plan
    consequences,    // consequences, from the plan's list of possible responses or other
    refusal,         // the response if the reported person refuses the plan
    custom,          // `/coc vote <text>`
    activate_escrow, // share the escrowed reports about the same person with this channel
    reopen,          // re-open (and re-evaluate) the incident
    keep,            // keep the incident's records beyond the retention periods
};

std::string_view to_string(MotionKind kind);
std::optional<MotionKind> motion_kind_from_string(std::string_view text);

enum class MotionResult {
    open,
    passed,
    rejected,
    lapsed, // the incident was resolved while the motion was open
};

std::string_view to_string(MotionResult result);
std::optional<MotionResult> motion_result_from_string(std::string_view text);

// The count of a motion against one electorate. `needed` is a simple majority of it.
struct Tally {
    std::vector<UserId> yes; // ballots from the electorate only, in the order of the roster
    std::vector<UserId> no;
    int electorate = 0;
    int needed = 0;
    MotionResult result = MotionResult::open;

    friend bool operator==(const Tally&, const Tally&) = default;
};

// More than half of `electorate`: 1 of 1, 2 of 2 or 3, 3 of 4 or 5, 4 of 6 or 7.
int majority_of(int electorate);

struct Motion {
    int number = 0; // 1, 2, ... within the incident
    MotionKind kind = MotionKind::custom;
    std::string text; // the question as put to the members
    UserId proposed_by;
    Time proposed_at{};
    std::map<UserId, bool> ballots; // each voter's latest ballot, true for yes
    MotionResult result = MotionResult::open;
    std::optional<Time> decided_at;
    std::optional<Tally> final_tally; // the count that decided it

    bool open() const { return result == MotionResult::open; }
};

// Counts the ballots of the electorate only; a motion is passed or rejected as soon as a
// simple majority of the electorate votes the same way. Ties and short counts stay open.
Tally count(const Motion& motion, const std::vector<UserId>& electorate);

} // namespace cocbot::core
