// File: core/events.hpp
// One struct per fact that happened to an incident. An incident's state is the fold of these.
#pragma once

#include "core/ids.hpp"
#include "core/messages.hpp"
#include "core/report.hpp"
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

using Event = std::variant<ReportFiled, ConflictDeclared, MessagePosted>;

} // namespace cocbot::core
