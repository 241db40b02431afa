// File: bot/slack/report_modal.hpp
// The intake modal of `/coc report`, described once (callback_id coc_report, block_id =
// action_id, DESIGN.md §3): its view, its inputs, how its state becomes a report, and what
// replaces it once the report is filed.
#pragma once

#include "bot/slack/modal_view.hpp"
#include "bot/slack/payloads.hpp"
#include "core/report.hpp"

#include <nlohmann/json.hpp>
#include <string_view>
#include <variant>
#include <vector>

namespace cocbot::slack {

const ModalView& report_view();

// The view for views.open.
nlohmann::json report_modal();

// The report modal's state as a core report, or the fields Slack must flag inline.
using ReportOrErrors = std::variant<core::Report, std::vector<core::FieldError>>;
ReportOrErrors report_from_view(const ViewState& state);

// What replaces a modal once it is submitted ("Report received", or the modal's own title):
// private to the submitter, never stored.
nlohmann::json confirmation_modal(std::string_view title, std::string_view text);

} // namespace cocbot::slack
