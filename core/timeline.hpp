// File: core/timeline.hpp
// The incident's written record: every event, who and when, in words. Derived from the events,
// so it is complete by construction.
#pragma once

#include "core/events.hpp"

#include <optional>
#include <string>

namespace cocbot::core {

// One line for `event` (`who` empty when cocbot or Slack did it), or nullopt for bookkeeping
// that is not part of the record, such as where a message was posted. Events that carry no time
// get Time{}; the caller dates them by the line before.
std::optional<TimelineLine> describe(const Event& event);

} // namespace cocbot::core
