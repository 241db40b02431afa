// File: bot/slack/modals.hpp
// The modals opened from an incident's control message. Each carries the incident's reference in
// private_metadata; its input blocks are named like the core command's fields (block_id =
// action_id), so that core's field errors land next to the right input.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace cocbot::slack {

enum class ModalKind {
    immediate_action,    // callback coc_immediate_action: "action"
    follow_up,           // coc_reporter_followup: "note", "decision"
    motion_plan,         // coc_motion_plan: "text"
    motion_consequences, // coc_motion_consequences: "consequences" (multi select), "text" (other)
    motion_refusal,      // coc_motion_refusal: "text"
    hr_involve,          // coc_hr_involve: "scope" (radio: informing, employees_only)
    hr_report,           // coc_hr_report: "finding", "plan", "consequences", "taking_action"
    law_enforcement,     // coc_law_enforcement: "reporter_asked" (checkbox), "note"
    conversation,        // coc_conversation: "talkers", "behaviour", "context", "impact",
                         // "call_in", "plan", "accepted", "apology"
    resolve,             // coc_resolve: "resolution"
};

std::string_view callback_id(ModalKind kind);
std::optional<ModalKind> modal_from_callback(std::string_view callback_id);

// The view for views.open.
nlohmann::json modal_for(ModalKind kind, std::string_view incident);

} // namespace cocbot::slack
