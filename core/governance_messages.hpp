// File: core/governance_messages.hpp
// What the bot says to the committee about itself: ballots on a member's removal or admission,
// the six-monthly check-in, the off-boarding checklist, and the message to the person leaving.
// Each goes by direct message to the people it concerns, and never to a removal's subject.
#pragma once

#include "core/governance.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::core {

// One voter's private ballot, with the live count. The reason is what the proposer wrote: the
// outbox holds the motion's id only, and the text is read from the motion when it is sent.
struct CommitteeBallot {
    std::int64_t motion = 0;
    CommitteeMotionKind kind = CommitteeMotionKind::removal;
    UserId subject;
    UserId proposer;
    std::string reason{};
    CommitteeTally tally{};
    bool withdrawn = false; // the voter, or the subject, is no longer on the committee

    friend bool operator==(const CommitteeBallot&, const CommitteeBallot&) = default;
};

enum class CheckInAnswer { unanswered, continued, stepped_down, withdrawn };

std::string_view to_string(CheckInAnswer answer);
std::optional<CheckInAnswer> check_in_answer_from_string(std::string_view text);

// "Do you wish to continue serving on the Code of Conduct committee?"
struct CheckInPrompt {
    CheckInAnswer answer = CheckInAnswer::unanswered;

    friend bool operator==(const CheckInPrompt&, const CheckInPrompt&) = default;
};

struct ChecklistTick {
    std::string item;
    UserId by;
    Time at{};

    friend bool operator==(const ChecklistTick&, const ChecklistTick&) = default;
};

// What is outside Slack and must be revoked by hand, for whoever off-boards `member`.
struct OffboardChecklist {
    std::int64_t offboarding = 0;
    UserId member;
    OffboardCause cause = OffboardCause::resigned;
    std::vector<ChecklistTick> ticked{};

    friend bool operator==(const OffboardChecklist&, const OffboardChecklist&) = default;
};

// The message to the person leaving, sent once their access is gone: the chair's words for a
// removal (read from the motion when it is sent), a fixed thank-you for a resignation.
struct Farewell {
    std::int64_t offboarding = 0;
    OffboardCause cause = OffboardCause::resigned;
    std::string text{};

    friend bool operator==(const Farewell&, const Farewell&) = default;
};

// What a removed member is told when the chair writes nothing else.
std::string_view default_removal_message();
std::string_view resignation_message();

} // namespace cocbot::core
