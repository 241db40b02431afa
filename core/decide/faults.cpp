// File: core/decide/faults.cpp
// A failed channel or invite leaves the cleared members without the report: they are told, in
// the channel when there is one, else privately, each in cocbot's own words and no detail.
#include "core/decide/faults.hpp"

#include "core/decide/common.hpp"

namespace cocbot::core::detail {

namespace {

// Without a channel, the members who may still be cleared are told one by one: the committee
// channel may hold the reported person, so nothing about this report goes there.
Decision tell_members_privately(const Incident& incident, const Text& text) {
    Decision decision;
    for (const auto& member : incident.committee)
        if (incident.declaration_of(member) != Declaration::conflict)
            decision.effects.push_back(Post{incident.id, {}, member, Notice{text}, false});
    return decision;
}

Decision channel_not_created(const Incident& incident, const std::string& error) {
    return tell_members_privately(
        incident, icon(Icon::warning) + " cocbot could not create the private channel for report " +
                      incident.id.value + " (" + error +
                      "). The report is stored safely, but nobody can read it in Slack until this "
                      "is fixed: ask whoever runs cocbot to look at its log.");
}

Decision member_not_invited(const Incident& incident, const StepFailed& command) {
    const bool own = command.channel.empty() || command.channel == incident.channel;
    Decision decision;
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               icon(Icon::warning) + " cocbot could not add " +
                                   mention(command.user) + " to " +
                                   (own ? Text{"this channel"} : channel_ref(command.channel)) +
                                   " (" + command.error +
                                   "). They declared no conflict of interest; invite them by "
                                   "hand.",
                               {}});
    return decision;
}

// HR has seen nothing: the committee may try again, or involve HR outside cocbot.
Decision hr_channel_not_created(const Incident& incident, const std::string& error) {
    Decision decision;
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               icon(Icon::warning) + " cocbot could not create HR's channel (" +
                                   error +
                                   "). HR has seen nothing of this report. To try again, press " +
                                   strong("HR done") + ", then " + strong("Involve HR") + ".",
                               {}});
    return decision;
}

} // namespace

Outcome step_failed(const Incident& incident, const StepFailed& command) {
    if (!incident.exists())
        return unknown_incident();
    if (command.step == FailedStep::create_channel)
        return channel_not_created(incident, command.error);
    if (auto missing = missing_channel(incident))
        return *missing;
    if (command.step == FailedStep::create_hr_channel)
        return hr_channel_not_created(incident, command.error);
    return member_not_invited(incident, command);
}

// Slack would not remove someone who is not cleared: the cleared members must, by hand.
Outcome removal_failed(const Incident& incident, const RemovalFailed& command, Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    Decision decision;
    decision.events.push_back(RemovalRefused{command.user, command.error, now});
    const Text where = command.channel.empty() || command.channel == incident.channel
                           ? Text{"this channel"}
                           : channel_ref(command.channel);
    tell_channel(decision, incident,
                 ChannelNotice{incident.to_alert(),
                               icon(Icon::warning) + " Slack refused to remove " +
                                   mention(command.user) + " from " + where + " (" + command.error +
                                   "). They are not cleared and can read "
                                   "everything there. Remove them by hand now, and say nothing "
                                   "more until then.",
                               {}});
    return decision;
}

} // namespace cocbot::core::detail
