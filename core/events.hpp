// File: core/events.hpp
// One struct per fact that happened to an incident. An incident's state is the fold of these.
#pragma once

#include "core/ids.hpp"
#include "core/messages.hpp"
#include "core/report.hpp"
#include "core/status.hpp"
#include "core/time.hpp"

#include <variant>
#include <vector>

namespace cocbot::core {

struct ReportFiled {
    IncidentId incident;
    Time at;
    Report report;
    // Who submitted the modal; empty for anonymous reports, so no identity is ever stored.
    UserId submitted_by;
    // The roster when the report came in, less the reported person: these members are asked.
    std::vector<UserId> committee;
    ChannelId committee_channel;
    // The reported person serves on the committee: conflicted automatically, and the prompt goes
    // by direct message so that they never learn the incident exists.
    bool reported_is_member = false;
    // Escrowed reports about the same person, found by the shell when this one came in.
    std::vector<IncidentId> escrow_matches;

    friend bool operator==(const ReportFiled&, const ReportFiled&) = default;
};

struct ConflictDeclared {
    UserId member;
    bool conflicted = false;
    Time at;

    friend bool operator==(const ConflictDeclared&, const ConflictDeclared&) = default;
};

struct MessagePosted {
    MessageRef message;
    MessageKind kind = MessageKind::notice;

    friend bool operator==(const MessagePosted&, const MessagePosted&) = default;
};

struct ChannelOpened {
    ChannelId channel;

    friend bool operator==(const ChannelOpened&, const ChannelOpened&) = default;
};

struct OwnerNamed {
    OwnerRole role = OwnerRole::primary;
    UserId owner;
    UserId by;
    Time at;

    friend bool operator==(const OwnerNamed&, const OwnerNamed&) = default;
};

// Someone who is not cleared appeared in the incident channel; cocbot removes them.
struct UnclearedMemberFound {
    UserId user;
    Time at;

    friend bool operator==(const UnclearedMemberFound&, const UnclearedMemberFound&) = default;
};

// Slack would not remove them (e.g. restricted_action): the owners must act by hand.
struct RemovalRefused {
    UserId user;
    std::string error;
    Time at;

    friend bool operator==(const RemovalRefused&, const RemovalRefused&) = default;
};

// A responder acted on immediate danger without a vote, as the plan allows.
struct ImmediateActionRecorded {
    UserId by;
    std::string action;
    Time at;

    friend bool operator==(const ImmediateActionRecorded&,
                           const ImmediateActionRecorded&) = default;
};

// Earlier escrowed reports about the same person were shared with this incident's members.
struct EscrowActivated {
    std::vector<IncidentId> escrowed;
    UserId by;
    Time at;

    friend bool operator==(const EscrowActivated&, const EscrowActivated&) = default;
};

// The committee told the reporter that the report is being handled.
struct ReporterAcknowledged {
    UserId by;
    Time at;

    friend bool operator==(const ReporterAcknowledged&, const ReporterAcknowledged&) = default;
};

// A reminder went out; each is sent once (`member` only for conflict nudges).
struct ReminderSent {
    ReminderKind kind = ReminderKind::acknowledge_soon;
    UserId member;
    Time at;

    friend bool operator==(const ReminderSent&, const ReminderSent&) = default;
};

// The owners cannot find the reported person (or found them again).
struct ReportedPersonMissing {
    bool missing = true;
    UserId by;
    Time at;

    friend bool operator==(const ReportedPersonMissing&, const ReportedPersonMissing&) = default;
};

// What was told to the reporter, and when; `decision` when it was the committee's decision.
struct ReporterFollowedUp {
    UserId by;
    std::string note;
    bool decision = false;
    Time at;

    friend bool operator==(const ReporterFollowedUp&, const ReporterFollowedUp&) = default;
};

using Event =
    std::variant<ReportFiled, ConflictDeclared, MessagePosted, ChannelOpened, OwnerNamed,
                 UnclearedMemberFound, RemovalRefused, ImmediateActionRecorded, EscrowActivated,
                 ReporterAcknowledged, ReminderSent, ReportedPersonMissing, ReporterFollowedUp>;

} // namespace cocbot::core
