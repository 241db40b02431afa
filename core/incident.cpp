// File: core/incident.cpp
// An incident's state, built by applying its events in order (its queries: incident_queries.cpp).
#include "core/incident.hpp"

#include "core/timeline.hpp"

#include <algorithm>

namespace cocbot::core {

namespace {

Motion* motion_at(Incident& incident, int number) {
    if (number < 1 || number > static_cast<int>(incident.motions.size()))
        return nullptr;
    return &incident.motions[static_cast<std::size_t>(number - 1)];
}

void forget_away(Incident& incident, const UserId& user) {
    std::erase(incident.away, user);
}

// Every event that is part of the written record gets a line, dated by the line before when
// the event carries no time of its own.
void record(Incident& incident, const Event& event) {
    auto entry = describe(event);
    if (!entry)
        return;
    if (entry->at == Time{} && !incident.timeline.empty())
        entry->at = incident.timeline.back().at;
    incident.timeline.push_back(std::move(*entry));
}

// What each event changes. One overload per event: std::visit fails to compile when an event
// is added without saying what it does to the incident.
struct Apply {
    Incident& incident;

    void operator()(const ReportFiled& e) const {
        incident.id = e.incident;
        incident.status = e.report.flags.escrow && !e.pattern ? Status::escrowed : Status::triage;
        incident.filed_at = e.at;
        incident.report = e.report;
        incident.submitted_by = e.submitted_by;
        incident.committee = e.committee;
        incident.committee_channel = e.committee_channel;
        incident.reported_is_member = e.reported_is_member;
        incident.escrow_matches = e.escrow_matches;
        incident.pattern = e.pattern;
        incident.name_matched = e.name_matched;
    }

    void operator()(const ConflictDeclared& e) const {
        incident.declarations[e.member] =
            e.conflicted ? Declaration::conflict : Declaration::no_conflict;
        if (e.conflicted)
            forget_away(incident, e.member);
    }

    void operator()(const MessagePosted& e) const {
        if (!e.to.empty()) {
            // A post re-run after a crash finds the same message and records it again.
            const DirectMessage sent{e.to, e.message, e.kind};
            auto& sent_before = incident.direct_messages;
            if (std::find(sent_before.begin(), sent_before.end(), sent) == sent_before.end())
                incident.direct_messages.push_back(sent);
        } else if (e.kind == MessageKind::triage_prompt)
            incident.triage_prompt = e.message;
        else if (e.kind == MessageKind::danger_alert)
            incident.danger_alert = e.message;
        else if (e.kind == MessageKind::control_panel)
            incident.control_panel = e.message;
        else if (e.kind == MessageKind::motion)
            incident.motion_messages[e.motion] = e.message;
    }

    void operator()(const ChannelOpened& e) const {
        incident.channel = e.channel;
        incident.archived = false;
        ++incident.channels_opened;
    }

    void operator()(const OwnerNamed& e) const {
        (e.role == OwnerRole::primary ? incident.primary_owner : incident.secondary_owner) =
            e.owner;
    }

    void operator()(const UnclearedMemberFound&) const {}

    void operator()(const RemovalRefused&) const {}

    void operator()(const ImmediateActionRecorded& e) const {
        incident.records.push_back(e.action);
    }

    void operator()(const DangerResponded& e) const {
        if (!contains(incident.responding, e.member))
            incident.responding.push_back(e.member);
    }

    void operator()(const ReporterAcknowledged& e) const { incident.acknowledged_at = e.at; }

    void operator()(const NameMatchUndone&) const {
        incident.name_match_undone = true;
        for (const auto& member : incident.name_matched) {
            incident.declarations.erase(member);
            if (!contains(incident.committee, member))
                incident.committee.push_back(member);
        }
    }

    void operator()(const ReminderSent& e) const { incident.reminders_sent.push_back(e); }

    void operator()(const ReportedPersonMissing& e) const {
        incident.missing_since = e.missing ? std::optional<Time>{e.at} : std::nullopt;
    }

    void operator()(const ReporterFollowedUp& e) const {
        incident.follow_ups.push_back(e);
        incident.records.push_back(e.note);
    }

    void operator()(const EscrowActivated& e) const {
        incident.escrow_activated.insert(incident.escrow_activated.end(), e.escrowed.begin(),
                                         e.escrowed.end());
    }

    void operator()(const MotionProposed& e) const {
        // Re-opening a resolved incident happens in a new channel: the old one
        // is archived, and a bot cannot unarchive it.
        if (e.kind == MotionKind::reopen && incident.status == Status::resolved) {
            incident.channel = {};
            incident.archived = false;
            incident.control_panel.reset();
            incident.away.clear();
        }
        incident.motions.push_back(Motion{e.motion,
                                          e.kind,
                                          e.text,
                                          e.by,
                                          e.at,
                                          {},
                                          MotionResult::open,
                                          std::nullopt,
                                          std::nullopt});
    }

    void operator()(const BallotCast& e) const {
        if (auto* m = motion_at(incident, e.motion))
            m->ballots[e.voter] = e.yes;
    }

    void operator()(const MotionDecided& e) const {
        if (auto* m = motion_at(incident, e.motion)) {
            m->final_tally = count(*m, incident.electorate());
            m->result = e.passed ? MotionResult::passed : MotionResult::rejected;
            m->final_tally->result = m->result;
            m->decided_at = e.at;
            // A rejected re-opening closes the channel opened for its vote.
            if (m->kind == MotionKind::reopen && !e.passed && incident.status == Status::resolved)
                incident.archived = true;
        }
    }

    void operator()(const MemberLeftChannel& e) const { incident.away.push_back(e.user); }

    void operator()(const MemberReturned& e) const { forget_away(incident, e.user); }

    void operator()(const ReporterConflictAsked& e) const {
        incident.reporter_conflict_asked.push_back(e.member);
    }

    void operator()(const ReporterConflictCleared& e) const {
        incident.reporter_conflict_cleared.push_back(e.member);
    }

    void operator()(const MemberRemovedFromCommittee& e) const {
        const UserId& user = e.user;
        std::erase(incident.committee, user);
        incident.declarations.erase(user);
        std::erase(incident.name_matched, user);
        forget_away(incident, user);
        std::erase(incident.reporter_conflict_asked, user);
        std::erase(incident.reporter_conflict_cleared, user);
        std::erase_if(incident.direct_messages,
                      [&](const DirectMessage& sent) { return sent.to == user; });
        for (UserId* owner : {&incident.primary_owner, &incident.secondary_owner})
            if (*owner == user)
                *owner = {};
    }

    void operator()(const MemberAddedToCommittee& e) const {
        if (!contains(incident.committee, e.user))
            incident.committee.push_back(e.user);
    }

    void operator()(const HrInvolved& e) const {
        end_hr();
        incident.hr = e;
        if (e.scope == HrScope::employees_only) {
            incident.status = Status::handed_off;
            incident.handed_off_at = e.at;
        }
    }

    void operator()(const HrContactAnswered& e) const {
        // A contact who had none and then declares one has recused: out of the cleared.
        std::erase(incident.hr_cleared, e.contact);
        (e.conflicted ? incident.hr_conflicted : incident.hr_cleared).push_back(e.contact);
    }

    void operator()(const HrChannelOpened& e) const {
        incident.hr_channel = e.channel;
        ++incident.hr_channels_opened;
    }

    void operator()(const HrAsked& e) const { incident.records.push_back(e.question); }

    void operator()(const HrInformed& e) const {
        incident.records.push_back(hr_information_text(e.information, e.past));
    }

    void operator()(const HrDropped&) const { end_hr(); }

    // HR takes part in one involvement at a time; a new one asks again, in a new channel.
    void end_hr() const {
        incident.hr.reset();
        incident.hr_cleared.clear();
        incident.hr_conflicted.clear();
        incident.hr_channel = {};
    }

    void operator()(const HrReported& e) const {
        incident.hr_report = e;
        incident.records.push_back(hr_report_text(e.report));
    }

    void operator()(const LawEnforcementInvolved& e) const {
        incident.law_enforcement.push_back(e);
        incident.records.push_back(e.note);
    }

    void operator()(const ConversationRecorded& e) const {
        incident.conversations.push_back(e);
        incident.records.push_back(conversation_text(e.conversation));
    }

    void operator()(const IncidentResolved& e) const {
        incident.resolution = e;
        incident.records.push_back(e.resolution);
        incident.status = Status::resolved;
        incident.archived = true;
        end_hr();
        for (auto& m : incident.motions)
            if (m.open()) {
                m.result = MotionResult::lapsed;
                m.decided_at = e.at;
                m.final_tally = count(m, incident.electorate());
            }
    }

    void operator()(const IncidentReopened&) const {
        end_hr(); // HR comes back only by a new "Involve HR"
        incident.resolution.reset();
        incident.hr_report.reset();
        incident.handed_off_at.reset();
        incident.status = Status::triage;
    }
};

void apply(Incident& incident, const Event& event) {
    std::visit(Apply{incident}, event);
}

} // namespace

namespace {

// A recusal is part of the record, a first declaration of a conflict is not: only the state
// before the event tells them apart.
bool is_recusal(const Incident& incident, const Event& event) {
    const auto* declared = std::get_if<ConflictDeclared>(&event);
    return declared && declared->conflicted && incident.is_cleared(declared->member);
}

} // namespace

Incident evolve(Incident incident, const Event& event) {
    const bool recusal = is_recusal(incident, event);
    apply(incident, event);
    if (recusal) {
        const auto& declared = std::get<ConflictDeclared>(event);
        incident.timeline.push_back({declared.at, declared.member, "recused", {}});
    } else {
        record(incident, event);
    }
    return incident;
}

} // namespace cocbot::core
