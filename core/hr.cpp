// File: core/hr.cpp
#include "core/hr.hpp"

#include "core/names.hpp"

namespace cocbot::core {

namespace {

constexpr NameTable<HrScope, 2> scope_names{{
    {HrScope::informing, "informing"},
    {HrScope::employees_only, "employees_only"},
}};

constexpr NameTable<HrFinding, 3> finding_names{{
    {HrFinding::violation, "violation"},
    {HrFinding::no_violation, "no_violation"},
    {HrFinding::undetermined, "undetermined"},
}};

constexpr NameTable<PastInstances, 3> past_names{{
    {PastInstances::yes, "yes"},
    {PastInstances::no, "no"},
    {PastInstances::unknown, "unknown"},
}};

constexpr NameTable<ChannelRole, 2> role_names{{
    {ChannelRole::incident, "incident"},
    {ChannelRole::hr, "hr"},
}};

} // namespace

std::string_view to_string(HrScope scope) {
    return name_in(scope_names, scope);
}

std::optional<HrScope> hr_scope_from_string(std::string_view text) {
    return value_in(scope_names, text);
}

std::string_view to_string(PastInstances past) {
    return name_in(past_names, past);
}

std::optional<PastInstances> past_instances_from_string(std::string_view text) {
    return value_in(past_names, text);
}

std::string hr_information_text(const std::string& information, PastInstances past) {
    std::string text = "Past instances of similar behaviour known to HR: ";
    text += past == PastInstances::yes  ? "yes"
            : past == PastInstances::no ? "no"
                                        : "HR does not know";
    return text + "\n" + information;
}

std::string_view to_string(ChannelRole role) {
    return name_in(role_names, role);
}

std::optional<ChannelRole> channel_role_from_string(std::string_view text) {
    return value_in(role_names, text);
}

std::string hr_channel_name(const IncidentId& incident, int involvement) {
    std::string name = "coc-" + incident.value + "-hr";
    if (involvement > 1)
        name += "-" + std::to_string(involvement);
    return name;
}

std::string_view to_string(HrFinding finding) {
    return name_in(finding_names, finding);
}

std::optional<HrFinding> hr_finding_from_string(std::string_view text) {
    return value_in(finding_names, text);
}

std::string hr_report_text(const HrReport& report) {
    std::string text = "Violation: ";
    text += report.finding == HrFinding::violation      ? "yes"
            : report.finding == HrFinding::no_violation ? "no"
                                                        : "not determined";
    text += "\nBehavioural modification plan: " + (report.plan.empty() ? "-" : report.plan);
    text += "\nConsequences: " + (report.consequences.empty() ? "-" : report.consequences);
    text += "\nHR takes action: ";
    text += report.taking_action ? "yes" : "no";
    return text;
}

} // namespace cocbot::core
