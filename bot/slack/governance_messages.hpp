// File: bot/slack/governance_messages.hpp
// The committee's messages about itself, each by direct message: a private ballot with its live
// count, the check-in question, the off-boarding checklist, and the message to the person leaving.
#pragma once

#include "bot/slack/messages.hpp"
#include "core/governance_messages.hpp"

namespace cocbot::slack {

RenderedMessage render_ballot(const core::CommitteeBallot& ballot);
RenderedMessage render_check_in(const core::CheckInPrompt& prompt);
RenderedMessage render_checklist(const core::OffboardChecklist& checklist);
RenderedMessage render_farewell(const core::Farewell& farewell);

} // namespace cocbot::slack
