// File: core/retention.cpp
#include "core/retention.hpp"

namespace cocbot::core {

namespace {

// The committee's last vote on whether it was a violation says; without one, HR's finding.
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

} // namespace

std::string_view to_string(ErasureReason reason) {
    switch (reason) {
    case ErasureReason::no_violation:
        return "no_violation";
    case ErasureReason::resolved:
        return "resolved";
    case ErasureReason::escrow:
        return "escrow";
    }
    return "resolved";
}

std::optional<ErasureReason> erasure_reason_from_string(std::string_view text) {
    for (const auto reason :
         {ErasureReason::no_violation, ErasureReason::resolved, ErasureReason::escrow})
        if (to_string(reason) == text)
            return reason;
    return std::nullopt;
}

std::optional<RetentionStart> retention_start(const Incident& incident) {
    // An open motion (to keep the records, to re-open) may yet change what is kept.
    if (!incident.exists() || incident.kept() || !incident.open_motions().empty())
        return std::nullopt;
    if (incident.status == Status::escrowed)
        return RetentionStart{incident.filed_at, ErasureReason::escrow};
    if (incident.status != Status::resolved || !incident.resolution)
        return std::nullopt;
    return RetentionStart{incident.resolution->at, found_no_violation(incident)
                                                       ? ErasureReason::no_violation
                                                       : ErasureReason::resolved};
}

Duration period(const Retention& retention, ErasureReason reason) {
    switch (reason) {
    case ErasureReason::no_violation:
        return retention.no_violation;
    case ErasureReason::resolved:
        return retention.resolved;
    case ErasureReason::escrow:
        return retention.escrow;
    }
    return retention.resolved;
}

std::optional<ErasureDue> erasure_due(const Incident& incident, const Retention& retention) {
    const auto start = retention_start(incident);
    if (!start)
        return std::nullopt;
    return ErasureDue{start->since + period(retention, start->reason), start->reason};
}

} // namespace cocbot::core
