// File: core/motion.cpp
#include "core/motion.hpp"

#include <array>
#include <utility>

namespace cocbot::core {

namespace {

constexpr std::array<std::pair<MotionKind, std::string_view>, 7> kind_names{{
    {MotionKind::violation, "violation"},
    {MotionKind::plan, "plan"},
    {MotionKind::consequences, "consequences"},
    {MotionKind::refusal, "refusal"},
    {MotionKind::custom, "custom"},
    {MotionKind::activate_escrow, "activate_escrow"},
    {MotionKind::reopen, "reopen"},
}};

} // namespace

std::string_view to_string(MotionKind kind) {
    for (const auto& [k, name] : kind_names)
        if (k == kind)
            return name;
    return "unknown";
}

std::optional<MotionKind> motion_kind_from_string(std::string_view text) {
    for (const auto& [k, name] : kind_names)
        if (name == text)
            return k;
    return std::nullopt;
}

std::string_view to_string(MotionResult result) {
    switch (result) {
    case MotionResult::open:
        return "open";
    case MotionResult::passed:
        return "passed";
    case MotionResult::rejected:
        return "rejected";
    case MotionResult::lapsed:
        return "lapsed";
    }
    return "unknown";
}

int majority_of(int electorate) {
    return electorate / 2 + 1;
}

Tally count(const Motion& motion, const std::vector<UserId>& electorate) {
    Tally tally;
    tally.electorate = static_cast<int>(electorate.size());
    tally.needed = majority_of(tally.electorate);
    for (const auto& member : electorate) {
        const auto ballot = motion.ballots.find(member);
        if (ballot != motion.ballots.end())
            (ballot->second ? tally.yes : tally.no).push_back(member);
    }
    // A decided motion keeps its result whatever happens to the electorate afterwards.
    if (!motion.open())
        tally.result = motion.result;
    else if (tally.electorate == 0)
        tally.result = MotionResult::open;
    else if (static_cast<int>(tally.yes.size()) >= tally.needed)
        tally.result = MotionResult::passed;
    else if (static_cast<int>(tally.no.size()) >= tally.needed)
        tally.result = MotionResult::rejected;
    return tally;
}

} // namespace cocbot::core
