// File: core/transparency.hpp
// The quarterly transparency report, drafted for the committee to publish: counts and one
// generalised line per incident, with nothing that names or places anyone. Only the words the
// committee wrote for it (the resolution) are quoted, and not when they could identify someone.
#pragma once

#include "core/committee.hpp"
#include "core/incident.hpp"
#include "core/time.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cocbot::core {

struct Quarter {
    int year = 1970;
    int number = 1; // 1 to 4

    friend auto operator<=>(const Quarter&, const Quarter&) = default;
};

std::optional<Quarter> quarter_from_string(std::string_view text); // "2026-Q3"
std::string to_string(Quarter quarter);
Quarter quarter_of(Time time); // in UTC
Quarter previous(Quarter quarter);
Quarter next(Quarter quarter);
Time first_day(Quarter quarter); // midnight UTC

using Count = std::pair<std::string, int>;

struct TransparencyReport {
    Quarter quarter;
    std::string promotion;
    int reports = 0;                // filed in the quarter, escrowed ones included
    int escrowed = 0;               // held in escrow: counted, never described
    std::vector<Count> by_category; // resolved incidents, in the committee's order
    std::vector<Count> by_source;   // how the reports came in
    std::vector<Count> by_outcome;  // resolutions, the unresolved ones included
    std::vector<std::string> lines; // one per incident not in escrow, in no telling order
    int words_left_out = 0;         // resolutions quoted without their words (see above)
};

// The report on the incidents filed in `quarter` (`incidents`; others are ignored).
TransparencyReport draft_transparency_report(Quarter quarter, const Committee& committee,
                                             const std::vector<Incident>& incidents);

// Whether a resolution's words could identify someone: a name, contact or place from the
// incident or the committee's names, a date or any number, an address, or three words in a row
// from the description or the location.
bool could_identify(std::string_view words, const Incident& incident, const Committee& committee);

} // namespace cocbot::core
