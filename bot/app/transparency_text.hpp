// File: bot/app/transparency_text.hpp
// A drafted transparency report, written out: for the committee channel (a notice with a word
// to the committee before publishing) and as Markdown (`cocbot transparency --file`).
#pragma once

#include "core/text.hpp"
#include "core/transparency.hpp"

#include <string>

namespace cocbot::app {

core::Text transparency_notice(const core::TransparencyReport& report);
std::string transparency_markdown(const core::TransparencyReport& report);

// Said to the committee: what the draft left out, for them to check before publishing.
std::string left_out_note(const core::TransparencyReport& report);

} // namespace cocbot::app
