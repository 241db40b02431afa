// File: drill/confidentiality.hpp
// The drill's last check: nobody was shown a part of the report that the plan keeps from them,
// anywhere cocbot showed anything (channels, direct messages, ephemerals, forms, App Homes,
// answers), and cocbot's log holds no part of it at all.
#pragma once

#include "drill/audience.hpp"
#include "drill/words.hpp"

#include <string>
#include <vector>

namespace cocbot::drill {

struct Leak {
    std::string person; // a user id
    std::string where;
    std::string what;
};

// Every person shown a secret they may not see, once per sighting and secret.
std::vector<Leak> leaks(const std::vector<Sighting>& sightings, const std::vector<Secret>& secrets);

// The secrets `text` holds (a whole secret, or the start of one cut short).
std::vector<std::string> found_in(const std::string& text, const std::vector<Secret>& secrets);

} // namespace cocbot::drill
