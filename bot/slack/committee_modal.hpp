// File: bot/slack/committee_modal.hpp
// The modal in which a member proposes another's removal: the reason every voter reads, and the
// message the person is sent if the committee removes them (a default is offered).
#pragma once

#include "bot/slack/modal_view.hpp"
#include "bot/slack/payloads.hpp"
#include "core/ids.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cocbot::slack {

// With `choose_subject` (opened from App Home), the form asks which member first.
const ModalView& committee_removal_view(bool choose_subject = false);
// For `subject`, or with an empty one for a member chosen in the form.
nlohmann::json committee_removal_modal(const core::UserId& subject);

struct RemovalProposal {
    core::UserId subject;
    std::string reason;
    std::string farewell;
};

// The submitted modal; the subject is the one it was opened for (its private metadata).
RemovalProposal read_removal_proposal(const ViewSubmission& submission);

// "<@U123>" or "<@U123|name>" as Slack escapes a mention in a command's text, or a bare user id.
std::optional<core::UserId> mentioned_user(std::string_view text);

} // namespace cocbot::slack
