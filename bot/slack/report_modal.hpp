// File: bot/slack/report_modal.hpp
// The intake modal of `/coc report`, and what replaces it once the report is filed.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace cocbot::slack {

// callback_id coc_report, block_id = action_id (DESIGN.md §3).
nlohmann::json report_modal();

// What replaces the modal once a report is filed: private to the submitter, never stored.
nlohmann::json confirmation_modal(std::string_view text);

} // namespace cocbot::slack
