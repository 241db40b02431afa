// File: core/retention.cpp
#include "core/retention.hpp"

#include "core/resolution.hpp"

namespace cocbot::core {

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
    // The outcome the members chose when they resolved it; before that was asked, the votes.
    const auto outcome = incident.resolution->outcome;
    const bool no_violation = outcome == ResolutionOutcome::unrecorded
                                  ? found_no_violation(incident)
                                  : outcome == ResolutionOutcome::no_violation;
    return RetentionStart{incident.resolution->at,
                          no_violation ? ErasureReason::no_violation : ErasureReason::resolved};
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
