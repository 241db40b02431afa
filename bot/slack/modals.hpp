// File: bot/slack/modals.hpp
// The modals opened from an incident's control message, each described once: the button that
// opens it, its callback id and view, its inputs, and how its submitted state becomes a command.
// Each carries the incident's reference in private_metadata; its inputs are named like the core
// command's fields (block_id = action_id), so that core's field errors land next to them.
#pragma once

#include "bot/slack/modal_view.hpp"
#include "bot/slack/payloads.hpp"
#include "core/commands.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

enum class ModalKind {
    immediate_action,
    follow_up,
    motion_plan,
    motion_consequences,
    motion_refusal,
    hr_involve,
    hr_report,
    ask_hr,
    hr_info,
    law_enforcement,
    conversation,
    resolve,
};

// A submission as the modal's command needs it.
struct Submitted {
    core::IncidentId incident;
    core::UserId by;
    const ViewState& state;
};

struct ModalSpec {
    ModalKind kind;
    std::string_view button; // the control message's button that opens it
    ModalView view;
    // The text above the inputs, given the reference already escaped.
    std::string (*intro)(const std::string& reference);
    // Nullopt when a choice Slack should have insisted on is missing or unknown.
    std::optional<core::Command> (*command)(const Submitted& submitted);
};

// Every incident modal, in ModalKind's order.
const std::vector<ModalSpec>& incident_modals();

const ModalSpec& modal_spec(ModalKind kind);
// nullptr when no incident modal has that callback id, or opens from that button.
const ModalSpec* modal_by_callback(std::string_view callback_id);
const ModalSpec* modal_by_button(std::string_view action_id);

// The view for views.open.
nlohmann::json modal_for(ModalKind kind, std::string_view incident);

} // namespace cocbot::slack
