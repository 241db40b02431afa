// File: core/hr.hpp
// Reports that involve employees: HR gives information, or takes the incident over.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cocbot::core {

enum class HrScope {
    informing,      // an employee and a community member: HR informs, the committee decides
    employees_only, // only employees: a clean hand-off, HR reports back
};

std::string_view to_string(HrScope scope);
std::optional<HrScope> hr_scope_from_string(std::string_view text);

// Whose private channel: the incident's own, where the report is, or HR's beside it, which
// holds only what the committee sends HR (the plan keeps the report file from HR).
enum class ChannelRole { incident, hr };

std::string_view to_string(ChannelRole role);
std::optional<ChannelRole> channel_role_from_string(std::string_view text);

// HR's channel for an incident: coc-<ref>-hr, then coc-<ref>-hr-2 for a second involvement
// (Slack keeps an archived channel's name).
std::string hr_channel_name(const IncidentId& incident, int involvement);

// Whether HR knows of past instances of similar behaviour (the plan asks HR this).
enum class PastInstances { yes, no, unknown };

std::string_view to_string(PastInstances past);
std::optional<PastInstances> past_instances_from_string(std::string_view text);

// HR's information as the channel and the record quote it, past instances first.
std::string hr_information_text(const std::string& information, PastInstances past);

// Whether HR found a Code of Conduct violation.
enum class HrFinding { violation, no_violation, undetermined };

std::string_view to_string(HrFinding finding);
std::optional<HrFinding> hr_finding_from_string(std::string_view text);

// HR's report back after a hand-off: the plan's three questions, and whether HR acts.
struct HrReport {
    HrFinding finding = HrFinding::undetermined;
    std::string plan;         // the reported person's behavioural modification plan
    std::string consequences; // what consequences (if any) they face
    bool taking_action = true;

    friend bool operator==(const HrReport&, const HrReport&) = default;
};

// The report as the channel and the record quote it: the three answers, one per line.
std::string hr_report_text(const HrReport& report);

} // namespace cocbot::core
