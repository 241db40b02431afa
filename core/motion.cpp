// File: core/motion.cpp
#include "core/motion.hpp"

#include "core/names.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<MotionKind, 8> kind_names{{
    {MotionKind::violation, "violation"},
    {MotionKind::plan, "plan"},
    {MotionKind::consequences, "consequences"},
    {MotionKind::refusal, "refusal"},
    {MotionKind::custom, "custom"},
    {MotionKind::activate_escrow, "activate_escrow"},
    {MotionKind::reopen, "reopen"},
    {MotionKind::keep, "keep"},
}};

constexpr NameTable<MotionResult, 4> result_names{{
    {MotionResult::open, "open"},
    {MotionResult::passed, "passed"},
    {MotionResult::rejected, "rejected"},
    {MotionResult::lapsed, "lapsed"},
}};

} // namespace

std::string_view to_string(MotionKind kind) {
    return name_in(kind_names, kind);
}

std::optional<MotionKind> motion_kind_from_string(std::string_view text) {
    return value_in(kind_names, text);
}

std::string_view to_string(MotionResult result) {
    return name_in(result_names, result);
}

std::optional<MotionResult> motion_result_from_string(std::string_view text) {
    return value_in(result_names, text);
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
