// File: core/decide/outside.cpp
// Law enforcement, brought in only at the reporter's request (HR: core/decide/hr.cpp).
#include "core/decide/outside.hpp"

#include "core/decide/common.hpp"
#include "core/decide/motions.hpp"

#include <algorithm>

namespace cocbot::core::detail {

Outcome record_law_enforcement(const Committee& committee, const Incident& incident,
                               const RecordLawEnforcement& command, Time now) {
    if (auto refused = not_open(incident))
        return *refused;
    if (!incident.is_cleared(command.by))
        return not_cleared();
    if (!command.reporter_asked)
        return field_error("reporter_asked",
                           "Law enforcement is involved only at the reporter's request.");
    const std::string note = trimmed(command.note);
    if (note.empty() || too_long(note))
        return field_error("note",
                           "Say what was shared with law enforcement (at most 3000 characters).");
    // The leadership contacts learn that it happened and whom to ask; never a detail. A
    // contact who is the reported person is not told at all.
    std::vector<UserId> notified;
    std::copy_if(committee.leadership.begin(), committee.leadership.end(),
                 std::back_inserter(notified),
                 [&](const UserId& contact) { return contact != incident.report.reported.user; });
    Decision decision;
    decision.events.push_back(LawEnforcementInvolved{note, notified, command.by, now});
    for (const auto& contact : notified)
        decision.effects.push_back(
            Post{incident.id,
                 {},
                 contact,
                 Notice{"Law enforcement has been involved in Code of Conduct incident " +
                        incident.id.value + ", at the reporter's request. Ask " +
                        mention(command.by) + " for the information that was shared with them."},
                 false});
    Text text = mention(command.by) +
                " recorded that law enforcement was involved, at the reporter's request. ";
    text += notified.empty() ? "No leadership contacts are configured (committee.leadership): "
                               "inform leadership yourselves."
                             : "The leadership contacts (" + mentions(notified) +
                                   ") were told that, and nothing more.";
    tell_channel(decision, incident,
                 quoting_last_record(after_events(incident, decision.events), text));
    decision.reply = "Recorded.";
    return decision;
}

} // namespace cocbot::core::detail
