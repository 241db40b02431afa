// File: core/decide/common.hpp
// What every rule of decide() shares: refusals, wording, and the messages that mirror state.
#pragma once

#include "core/commands.hpp"
#include "core/committee.hpp"
#include "core/decision.hpp"
#include "core/incident.hpp"
#include "core/messages.hpp"

namespace cocbot::core::detail {

Rejection unknown_incident();

Rejection no_channel_yet();

// Commands that act inside the incident channel need the incident and its channel.
std::optional<Rejection> missing_channel(const Incident& incident);

Rejection not_cleared();

Rejection resolved();

// Commands that act inside an open incident's channel.
std::optional<Rejection> not_open(const Incident& incident);

Rejection not_in_electorate();

Rejection field_error(std::string field, std::string message);

bool too_long(const std::string& text);

// Said only inside the incident's private channel, which holds cleared members alone.
void tell_channel(Decision& decision, const Incident& incident, Message message,
                  bool remember = false);

// Someone `channel` must not hold was added to it: they are removed at once, and the channel is
// told who, added `where` ("to this channel"), and `why` they may not be there.
Decision remove_intruder(const Incident& incident, const ChannelId& channel, const UserId& user,
                         const std::string& where, const std::string& why, Time now);

// Notices that quote what a member typed refer to where the incident keeps it, so that the
// outbox holds the reference alone: the last record of `after` (what the decision recorded),
// or motion `number`'s question.
ChannelNotice quoting_last_record(const Incident& after, Text text);
ChannelNotice quoting_motion(const Incident& incident, int number, Text text);

// Lets cleared `member` into the incident's channel. The first time, they are asked privately
// whether they have a conflict of interest with the reporter, whom the channel shows them: not
// for an anonymous report, nor of the member who submitted it (who knew the reporter then).
void invite_cleared(Decision& decision, const Incident& incident, const UserId& member, Time now);

// What a direct message about an incident becomes once its reader left the committee.
Notice withdrawn();

TriagePrompt triage_prompt_for(const Incident& incident);

ControlPanel control_panel_for(const Committee& committee, const Incident& incident);

MotionMessage motion_message(const Incident& incident, const Motion& motion);

// Keeps the messages that show counts, owners and tallies in step with the incident.
void refresh_messages(Decision& decision, const Committee& committee, const Incident& before,
                      const Incident& after);

Incident after_events(Incident incident, const std::vector<Event>& events);

} // namespace cocbot::core::detail
