// File: core/hr.cpp
#include "core/hr.hpp"

namespace cocbot::core {

std::string_view to_string(HrScope scope) {
    return scope == HrScope::informing ? "informing" : "employees_only";
}

std::optional<HrScope> hr_scope_from_string(std::string_view text) {
    if (text == "informing")
        return HrScope::informing;
    if (text == "employees_only")
        return HrScope::employees_only;
    return std::nullopt;
}

std::string_view to_string(HrFinding finding) {
    switch (finding) {
    case HrFinding::violation:
        return "violation";
    case HrFinding::no_violation:
        return "no_violation";
    case HrFinding::undetermined:
        return "undetermined";
    }
    return "unknown";
}

std::optional<HrFinding> hr_finding_from_string(std::string_view text) {
    for (auto finding : {HrFinding::violation, HrFinding::no_violation, HrFinding::undetermined})
        if (to_string(finding) == text)
            return finding;
    return std::nullopt;
}

} // namespace cocbot::core
