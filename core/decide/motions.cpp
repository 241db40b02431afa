// File: core/decide/motions.cpp
// Motions and ballots: the plan's "Decide what actions to take".
#include "core/decide/motions.hpp"

#include "core/consequences.hpp"
#include "core/decide/common.hpp"

#include <algorithm>

namespace cocbot::core::detail {

namespace {

// What a decided motion sets in motion. Returns whether the channel must be archived once
// every message about it has gone out (a re-opening of a resolved incident was rejected).
bool carry_out(Decision& decision, const Incident& incident, const Motion& motion,
               const MotionDecided& decided, Time now) {
    tell_channel(decision, incident,
                 quoting_motion(incident, motion.number,
                                "Motion " + std::to_string(motion.number) +
                                    (decided.passed ? " passed" : " was rejected") + " (" +
                                    std::to_string(decided.yes) + " yes, " +
                                    std::to_string(decided.no) + " no, of " +
                                    std::to_string(decided.electorate) + "):"));
    if (motion.kind == MotionKind::activate_escrow && decided.passed) {
        auto pending = incident.escrow_pending();
        if (!pending.empty()) {
            decision.events.push_back(EscrowActivated{pending, motion.proposed_by, now});
            decision.effects.push_back(
                ShareEscrowedReports{incident.id, incident.channel, std::move(pending)});
        }
    }
    if (motion.kind == MotionKind::reopen && decided.passed && incident.status != Status::triage) {
        decision.events.push_back(IncidentReopened{motion.number, now});
        // The committee takes the incident back: HR's part ends (a new Involve HR asks again).
        if (!incident.hr_channel.empty())
            decision.effects.push_back(ArchiveChannel{incident.id, incident.hr_channel});
    }
    return motion.kind == MotionKind::reopen && !decided.passed &&
           incident.status == Status::resolved;
}

std::string with_detail(std::string_view question, const std::string& detail) {
    return std::string{question} + detail;
}

// The question as the members will read it, or the field the proposer must fix.
std::variant<std::string, Rejection> motion_text(const Incident& incident,
                                                 const ProposeMotion& command) {
    const std::string text = trimmed(command.text);
    if (too_long(text))
        return field_error("text", "Keep it to at most 3000 characters.");
    const auto needs_text = [&](std::string_view question) -> std::variant<std::string, Rejection> {
        if (text.empty())
            return field_error("text", "Say what the members are voting on.");
        return with_detail(question, text);
    };
    switch (command.kind) {
    case MotionKind::violation:
        return std::string{"Is this incident a Code of Conduct violation?"};
    case MotionKind::plan:
        return needs_text("Behavioural modification plan for the reported person: ");
    case MotionKind::refusal:
        return needs_text("If the reported person does not understand why their behaviour was "
                          "inappropriate, or refuses the plan: ");
    case MotionKind::custom:
        return needs_text("");
    case MotionKind::consequences: {
        std::string chosen;
        for (const auto& id : command.consequences) {
            const auto consequence = consequence_by_id(id);
            if (!consequence)
                return field_error("consequences", "Choose from the plan's list.");
            chosen += (chosen.empty() ? "" : "; ") + std::string{consequence->label};
        }
        if (!text.empty())
            chosen += (chosen.empty() ? "" : "; ") + text;
        if (chosen.empty())
            return field_error("consequences",
                               "Choose at least one consequence, or describe another.");
        return "Consequences: " + chosen;
    }
    case MotionKind::activate_escrow:
        return "Share the " + std::to_string(incident.escrow_pending().size()) +
               " escrowed report(s) about the same person with this channel?";
    case MotionKind::reopen:
        return text.empty() ? std::string{"Re-open this incident?"}
                            : "Re-open this incident: " + text;
    case MotionKind::keep:
        return std::string{"Keep this incident's records beyond the retention periods?"};
    }
    return text;
}

std::optional<Rejection> cannot_propose(const Incident& incident, const ProposeMotion& command) {
    if (auto missing = missing_channel(incident))
        return missing;
    if (command.kind == MotionKind::reopen) {
        if (incident.status == Status::triage)
            return Rejection{Rejection::Reason::not_allowed,
                             "The incident is open; there is nothing to re-open.",
                             {}};
    } else if (incident.closed()) {
        return resolved();
    }
    if (!incident.may_vote(command.by))
        return not_in_electorate();
    if (command.kind == MotionKind::keep && incident.kept())
        return Rejection{Rejection::Reason::not_allowed, "These records are kept already.", {}};
    if (command.kind == MotionKind::activate_escrow && incident.escrow_pending().empty())
        return Rejection{
            Rejection::Reason::not_allowed, "There are no escrowed reports left to share.", {}};
    return std::nullopt;
}

const Motion* open_motion_of_kind(const Incident& incident, MotionKind kind) {
    for (const Motion* motion : incident.open_motions())
        if (motion->kind == kind)
            return motion;
    return nullptr;
}

} // namespace

// Counts every open motion against the electorate as it is after the decision's events, and
// decides those that now have a majority. Then brings the messages up to date.
void settle(Decision& decision, const Committee& committee, const Incident& before, Time now) {
    const Incident counted = after_events(before, decision.events);
    bool archive = false;
    for (const Motion* motion : counted.open_motions()) {
        if (counted.channel.empty())
            break; // a re-opening vote waits for its new channel
        const Tally tally = count(*motion, counted.electorate());
        if (tally.result == MotionResult::open)
            continue;
        MotionDecided decided{motion->number,
                              tally.result == MotionResult::passed,
                              static_cast<int>(tally.yes.size()),
                              static_cast<int>(tally.no.size()),
                              tally.electorate,
                              now};
        decision.events.push_back(decided);
        archive = carry_out(decision, counted, *motion, decided, now) || archive;
    }
    const Incident after = after_events(before, decision.events);
    refresh_messages(decision, committee, before, after);
    if (archive)
        decision.effects.push_back(ArchiveChannel{after.id, after.channel});
}

Outcome propose_motion(const Committee& committee, const Incident& incident,
                       const ProposeMotion& command, Time now) {
    if (auto refused = cannot_propose(incident, command))
        return *refused;
    if (command.kind != MotionKind::custom)
        if (const Motion* open = open_motion_of_kind(incident, command.kind))
            return Decision{
                {}, {}, "Motion " + std::to_string(open->number) + " on this is already open."};
    auto text = motion_text(incident, command);
    if (auto* refused = std::get_if<Rejection>(&text))
        return *refused;

    const int number = static_cast<int>(incident.motions.size()) + 1;
    Decision decision;
    decision.events.push_back(MotionProposed{
        number, command.kind, std::get<std::string>(std::move(text)), command.by, now});
    const Incident after = after_events(incident, decision.events);
    if (after.channel.empty()) // re-opening a resolved incident: the motion goes in a new channel
        decision.effects.push_back(
            CreatePrivateChannel{incident.id, "coc-" + incident.id.value + "-" +
                                                  std::to_string(incident.channels_opened + 1)});
    else
        tell_channel(decision, after, motion_message(after, *after.motion(number)), true);
    settle(decision, committee, incident, now);
    decision.reply = after.channel.empty()
                         ? "Motion " + std::to_string(number) +
                               " is open. The archived channel cannot be re-opened, so a new "
                               "private channel is being made for the vote."
                         : "Motion " + std::to_string(number) + " is open for votes.";
    return decision;
}

Outcome cast_ballot(const Committee& committee, const Incident& incident, const CastBallot& command,
                    Time now) {
    if (auto missing = missing_channel(incident))
        return *missing;
    const Motion* motion = incident.motion(command.motion);
    if (!motion)
        return Rejection{Rejection::Reason::not_allowed, "There is no such motion.", {}};
    if (incident.channel_archived() || (incident.closed() && motion->kind != MotionKind::reopen))
        return resolved();
    if (!incident.may_vote(command.voter))
        return not_in_electorate();
    const std::string name = "Motion " + std::to_string(motion->number);
    if (!motion->open())
        return Decision{{},
                        {},
                        name + " was already decided: it " +
                            (motion->result == MotionResult::passed ? "passed." : "was rejected.")};
    const auto previous = motion->ballots.find(command.voter);
    if (previous != motion->ballots.end() && previous->second == command.yes)
        return Decision{{}, {}, "Your ballot was already recorded."};
    Decision decision;
    decision.events.push_back(BallotCast{motion->number, command.voter, command.yes, now});
    settle(decision, committee, incident, now);
    decision.reply = "Your ballot (" + std::string{command.yes ? "yes" : "no"} + ") on " + name +
                     " is recorded.";
    return decision;
}

} // namespace cocbot::core::detail
