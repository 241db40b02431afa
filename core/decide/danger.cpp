// File: core/decide/danger.cpp
#include "core/decide/danger.hpp"

namespace cocbot::core::detail {

DangerAlert danger_alert_for(const Committee& committee, const Incident& incident) {
    const auto& report = incident.report;
    return DangerAlert{
        incident.id,        report.location,   committee.safety,         incident.responding,
        report.whereabouts, report.appearance, report.flags.wants_police};
}

bool may_respond(const Incident& incident, const UserId& member) {
    return incident.report.flags.immediate_danger && incident.asked(member) &&
           incident.declaration_of(member) != Declaration::conflict;
}

Outcome respond_to_danger(const Committee& committee, const Incident& incident,
                          const RespondToDanger& command, Time now) {
    if (!incident.exists())
        return unknown_incident();
    if (incident.closed())
        return resolved();
    if (!may_respond(incident, command.by))
        return Rejection{Rejection::Reason::not_allowed,
                         "Only committee members asked about this report, without a conflict of "
                         "interest, can respond to it.",
                         {}};
    if (contains(incident.responding, command.by))
        return Decision{{}, {}, "You are already recorded as responding."};
    Decision decision;
    decision.events.push_back(DangerResponded{command.by, now});
    refresh_messages(decision, committee, incident, after_events(incident, decision.events));
    decision.reply = "Recorded: you are responding. The alert now shows it to the others. Use "
                     "Record immediate action on it to record what you did.";
    return decision;
}

void refresh_alerts(Decision& decision, const Committee& committee, const Incident& before,
                    const Incident& after) {
    if (before.responding == after.responding)
        return;
    const DangerAlert alert = danger_alert_for(committee, after);
    if (before.danger_alert)
        decision.effects.push_back(Update{after.id, *before.danger_alert, alert});
    for (const auto& sent : before.direct_messages)
        // A member who declared a conflict learns nothing more, not even who responds.
        if (sent.kind == MessageKind::danger_alert && may_respond(after, sent.to))
            decision.effects.push_back(Update{after.id, sent.message, alert});
}

} // namespace cocbot::core::detail
