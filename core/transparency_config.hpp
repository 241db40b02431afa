// File: core/transparency_config.hpp
// What the committee publishes about its work each quarter (core/transparency.hpp drafts it).
#pragma once

#include <string>
#include <vector>

namespace cocbot::core {

// The kinds of behaviour a code of conduct names, as the resolve modal offers them.
inline std::vector<std::string> default_categories() {
    return {"Harassment",
            "Unwelcome sexual attention",
            "Unwelcome physical contact",
            "Exclusionary or demeaning language",
            "Inappropriate content in a talk or slides",
            "Disruption",
            "Threats or violence",
            "Other"};
}

struct Transparency {
    std::string promotion; // how the code of conduct was promoted, in the committee's words
    std::vector<std::string> categories = default_categories();
    // A category with fewer incidents than this in a quarter is too small to describe: its
    // incidents say only "A report was made." 1 shows every count, as published reports do.
    int min_count = 1;
};

} // namespace cocbot::core
