// File: core/decide/danger.hpp
// Immediate danger: the plan lets "any incident responder" act at once, before the committee
// has sorted out who may see the report. The alert says who is responding and lets any of them
// record what they did.
#pragma once

#include "core/decide/common.hpp"

namespace cocbot::core::detail {

DangerAlert danger_alert_for(const Committee& committee, const Incident& incident);

// A member asked about the report who has not declared a conflict (cleared or yet to answer),
// while the report says there is immediate danger.
bool may_respond(const Incident& incident, const UserId& member);

Outcome respond_to_danger(const Committee& committee, const Incident& incident,
                          const RespondToDanger& command, Time now);

// Keeps every copy of the alert (the committee channel's and each direct message) showing who
// is responding.
void refresh_alerts(Decision& decision, const Committee& committee, const Incident& before,
                    const Incident& after);

} // namespace cocbot::core::detail
