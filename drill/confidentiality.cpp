// File: drill/confidentiality.cpp
#include "drill/confidentiality.hpp"

namespace cocbot::drill {

namespace {

// A preview that cuts a text short still gives it away.
constexpr std::size_t telling_prefix = 24;

bool holds(const std::string& text, const Secret& secret) {
    return text.find(secret.text.substr(0, telling_prefix)) != std::string::npos;
}

} // namespace

std::vector<Leak> leaks(const std::vector<Sighting>& sightings,
                        const std::vector<Secret>& secrets) {
    std::vector<Leak> found;
    for (const auto& seen : sightings) {
        if (seen.kind == Sighting::Kind::channel)
            continue;
        const auto shown = seen.content.dump();
        for (const auto& secret : secrets)
            if (holds(shown, secret))
                for (const auto& person : seen.audience)
                    if (!secret.may_see.contains(person))
                        found.push_back({person, seen.where, secret.what});
    }
    return found;
}

std::vector<std::string> found_in(const std::string& text, const std::vector<Secret>& secrets) {
    std::vector<std::string> found;
    for (const auto& secret : secrets)
        if (holds(text, secret))
            found.push_back(secret.what);
    return found;
}

} // namespace cocbot::drill
