// File: core/resolution.cpp
#include "core/resolution.hpp"

#include "core/consequences.hpp"
#include "core/incident.hpp"
#include "core/names.hpp"

#include <algorithm>

namespace cocbot::core {

namespace {

constexpr NameTable<ResolutionOutcome, 8> outcome_names{{
    {ResolutionOutcome::unrecorded, "unrecorded"},
    {ResolutionOutcome::no_violation, "no_violation"},
    {ResolutionOutcome::warning, "warning"},
    {ResolutionOutcome::behavioural_plan, "behavioural_plan"},
    {ResolutionOutcome::removed_from_event, "removed_from_event"},
    {ResolutionOutcome::banned, "banned"},
    {ResolutionOutcome::referred_to_hr, "referred_to_hr"},
    {ResolutionOutcome::other, "other"},
}};

constexpr NameTable<ResolutionOutcome, 8> outcome_words{{
    {ResolutionOutcome::unrecorded, "an outcome not recorded"},
    {ResolutionOutcome::no_violation, "no violation found"},
    {ResolutionOutcome::warning, "a warning"},
    {ResolutionOutcome::behavioural_plan, "a behavioural plan"},
    {ResolutionOutcome::removed_from_event, "removal from the event"},
    {ResolutionOutcome::banned, "a ban"},
    {ResolutionOutcome::referred_to_hr, "referred to HR"},
    {ResolutionOutcome::other, "another response"},
}};

constexpr NameTable<ReportedRole, 6> role_names{{
    {ReportedRole::unrecorded, "unrecorded"},
    {ReportedRole::speaker, "speaker"},
    {ReportedRole::attendee, "attendee"},
    {ReportedRole::volunteer, "volunteer"},
    {ReportedRole::staff, "staff"},
    {ReportedRole::other, "other"},
}};

constexpr NameTable<ReportedRole, 6> role_words{{
    {ReportedRole::unrecorded, "not recorded"},
    {ReportedRole::speaker, "a speaker"},
    {ReportedRole::attendee, "an attendee"},
    {ReportedRole::volunteer, "a volunteer"},
    {ReportedRole::staff, "staff"},
    {ReportedRole::other, "someone else"},
}};

bool passed(const Motion& motion, MotionKind kind) {
    return motion.kind == kind && motion.result == MotionResult::passed;
}

// Whether a passed consequences motion chose the plan's response `id` (its text lists the
// chosen responses by their labels).
bool chose(const Incident& incident, std::string_view id) {
    const auto consequence = consequence_by_id(id);
    return consequence &&
           std::any_of(incident.motions.begin(), incident.motions.end(), [&](const Motion& m) {
               return passed(m, MotionKind::consequences) &&
                      m.text.find(consequence->label) != std::string::npos;
           });
}

bool any_passed(const Incident& incident, MotionKind kind) {
    return std::any_of(incident.motions.begin(), incident.motions.end(),
                       [&](const Motion& m) { return passed(m, kind); });
}

} // namespace

std::string_view to_string(ResolutionOutcome outcome) {
    return name_in(outcome_names, outcome);
}

std::optional<ResolutionOutcome> outcome_from_string(std::string_view text) {
    return value_in(outcome_names, text);
}

std::string_view describe(ResolutionOutcome outcome) {
    return name_in(outcome_words, outcome);
}

const std::vector<ResolutionOutcome>& chosen_outcomes() {
    static const std::vector<ResolutionOutcome> all{ResolutionOutcome::no_violation,
                                                    ResolutionOutcome::warning,
                                                    ResolutionOutcome::behavioural_plan,
                                                    ResolutionOutcome::removed_from_event,
                                                    ResolutionOutcome::banned,
                                                    ResolutionOutcome::referred_to_hr,
                                                    ResolutionOutcome::other};
    return all;
}

std::string_view to_string(ReportedRole role) {
    return name_in(role_names, role);
}

std::optional<ReportedRole> reported_role_from_string(std::string_view text) {
    return value_in(role_names, text);
}

std::string_view describe(ReportedRole role) {
    return name_in(role_words, role);
}

const std::vector<ReportedRole>& chosen_roles() {
    static const std::vector<ReportedRole> all{ReportedRole::speaker, ReportedRole::attendee,
                                               ReportedRole::volunteer, ReportedRole::staff,
                                               ReportedRole::other};
    return all;
}

bool found_no_violation(const Incident& incident) {
    std::optional<bool> violation;
    for (const auto& motion : incident.motions)
        if (motion.kind == MotionKind::violation && motion.result != MotionResult::open &&
            motion.result != MotionResult::lapsed)
            violation = motion.result == MotionResult::passed;
    if (violation)
        return !*violation;
    return incident.hr_report && incident.hr_report->report.finding == HrFinding::no_violation;
}

ResolutionOutcome suggested_outcome(const Incident& incident) {
    if (found_no_violation(incident))
        return ResolutionOutcome::no_violation;
    if (chose(incident, "ban_events"))
        return ResolutionOutcome::banned;
    if (chose(incident, "leave_event"))
        return ResolutionOutcome::removed_from_event;
    if (any_passed(incident, MotionKind::plan))
        return ResolutionOutcome::behavioural_plan;
    if (chose(incident, "warning"))
        return ResolutionOutcome::warning;
    if (incident.hr_report || incident.handed_off_at)
        return ResolutionOutcome::referred_to_hr;
    return ResolutionOutcome::other;
}

} // namespace cocbot::core
