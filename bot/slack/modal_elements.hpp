// File: bot/slack/modal_elements.hpp
// The input elements the incident modals are made of, each with the choices the plan offers.
#pragma once

#include <nlohmann/json.hpp>

namespace cocbot::slack::elements {

nlohmann::json paragraph(); // a multi-line text input
nlohmann::json decision_checkbox();
nlohmann::json consequences_select(); // the plan's list of possible consequences
nlohmann::json scope_radio();         // core::HrScope's values
nlohmann::json finding_radio();       // core::HrFinding's values
nlohmann::json past_radio();
nlohmann::json taking_action_radio(); // yes, no
nlohmann::json reporter_asked_checkbox();
nlohmann::json talkers_select(); // two committee members
nlohmann::json accepted_radio(); // yes, no
nlohmann::json apology_radio();  // core::Apology's values

} // namespace cocbot::slack::elements
