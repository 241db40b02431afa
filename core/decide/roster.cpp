// File: core/decide/roster.cpp
#include "core/decide/roster.hpp"

#include "core/decide/common.hpp"
#include "core/decide/motions.hpp"
#include "core/person_names.hpp"

#include <algorithm>

namespace cocbot::core::detail {

namespace {

bool channel_usable(const Incident& incident) {
    return !incident.channel.empty() && !incident.channel_archived();
}

Text removal_notice(const Incident& incident, const UserId& member) {
    Text text = mention(member) + " left the committee's roster. cocbot removed them from this " +
                "channel" + (incident.hr_channel.empty() ? "" : " and HR's") +
                "; their ballots no longer count.";
    if (incident.is_owner(member))
        text += " They owned this incident: name a new owner.";
    return text;
}

// A typed name may mean the new member: one whose Slack names are not known yet may be anyone
// (fail closed).
bool may_be_named(const Committee& committee, const Incident& incident, const UserId& member) {
    const std::string& typed = incident.report.reported.name;
    if (folded_name(typed).empty())
        return false;
    const auto known = committee.names.find(member);
    if (known == committee.names.end())
        return true;
    return std::any_of(known->second.begin(), known->second.end(),
                       [&](const std::string& name) { return same_name(name, typed); });
}

bool must_not_be_asked(const Committee& committee, const Incident& incident, const UserId& member) {
    return member == incident.report.reported.user || incident.is_reporter(member) ||
           contains(incident.report.excluded, member) || may_be_named(committee, incident, member);
}

} // namespace

Outcome roster_member_removed(const Committee& committee, const Incident& incident,
                              const RosterMemberRemoved& command, Time now) {
    if (!incident.exists())
        return unknown_incident();
    const UserId& member = command.member;
    if (!incident.involves(member))
        return Decision{};
    const bool was_cleared = incident.is_cleared(member);
    Decision decision;
    if (was_cleared && channel_usable(incident))
        decision.effects.push_back(Remove{incident.id, incident.channel, member});
    if (was_cleared && !incident.hr_channel.empty())
        decision.effects.push_back(Remove{incident.id, incident.hr_channel, member});
    for (const auto& sent : incident.direct_messages)
        if (sent.to == member)
            decision.effects.push_back(Update{incident.id, sent.message, withdrawn()});
    decision.events.push_back(MemberRemovedFromCommittee{member, now});
    if (was_cleared && channel_usable(incident))
        tell_channel(decision, incident, ChannelNotice{{}, removal_notice(incident, member), {}});
    settle(decision, committee, incident, now); // the electorate shrank: motions are recounted
    return decision;
}

Outcome roster_member_added(const Committee& committee, const Incident& incident,
                            const RosterMemberAdded& command, Time now) {
    if (!incident.exists())
        return unknown_incident();
    const UserId& member = command.member;
    if (!incident.open() || incident.involves(member))
        return Decision{};
    Decision decision;
    decision.events.push_back(MemberAddedToCommittee{member, now});
    const bool excluded = must_not_be_asked(committee, incident, member);
    if (excluded)
        decision.events.push_back(ConflictDeclared{member, true, now});
    const Incident after = after_events(incident, decision.events);
    if (!excluded)
        decision.effects.push_back(Post{after.id, {}, member, triage_prompt_for(after), true});
    if (channel_usable(after))
        tell_channel(decision, after,
                     ChannelNotice{{},
                                   mention(member) + " joined the committee's roster" +
                                       (excluded ? ". They were not asked about this incident and "
                                                   "cannot see it: they may be the reported "
                                                   "person, or they are the reporter."
                                                 : " and was asked the conflict question by "
                                                   "direct message."),
                                   {}});
    refresh_messages(decision, committee, incident, after);
    return decision;
}

} // namespace cocbot::core::detail
