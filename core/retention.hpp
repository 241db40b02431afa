// File: core/retention.hpp
// How long the plan keeps what a report says: only as long as the committee needs it. An
// incident resolved as not a violation is erased soonest, other resolved incidents later, and
// a report kept in escrow (which waits for another about the same person) longest. A motion to
// keep the records holds them past every period.
#pragma once

#include "core/incident.hpp"
#include "core/retention_config.hpp"
#include "core/time.hpp"

#include <optional>
#include <string_view>

namespace cocbot::core {

enum class ErasureReason { no_violation, resolved, escrow };

std::string_view to_string(ErasureReason reason);
std::optional<ErasureReason> erasure_reason_from_string(std::string_view text);

// When an incident's retention period began, and which period it is.
struct RetentionStart {
    Time since{};
    ErasureReason reason = ErasureReason::resolved;

    friend bool operator==(const RetentionStart&, const RetentionStart&) = default;
};

// Nullopt while it is open or handed to HR, while a motion about it is open, and when a motion
// kept it.
std::optional<RetentionStart> retention_start(const Incident& incident);

// How long records are kept for `reason`.
Duration period(const Retention& retention, ErasureReason reason);

struct ErasureDue {
    Time at{};
    ErasureReason reason = ErasureReason::resolved;

    friend bool operator==(const ErasureDue&, const ErasureDue&) = default;
};

// When what `incident` says is to be erased, and why: its retention start and period.
std::optional<ErasureDue> erasure_due(const Incident& incident, const Retention& retention);

} // namespace cocbot::core
