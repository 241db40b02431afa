// File: drill/cast.hpp
// The people of the drill's workspace and what each is to the incident. Their Slack ids are
// what the simulated workspace and cocbot see; their names are what the transcript prints.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::drill {

struct Person {
    std::string id;
    std::string name;
    std::string part; // what they do in the drill, as the transcript's cast list says it
};

namespace cast {
inline const std::string alice = "UALICE";   // takes the call; primary owner
inline const std::string bob = "UBOB";       // secondary owner
inline const std::string carol = "UCAROL";   // cleared
inline const std::string frank = "UFRANK";   // cleared
inline const std::string dave = "UDAVE";     // never answers the conflict question
inline const std::string erin = "UERIN";     // declares a conflict
inline const std::string harper = "UHARPER"; // the HR contact
inline const std::string rowan = "UROWAN";   // the reported person, an employee
inline const std::string bot = "UBOT";       // cocbot itself
inline const std::string anyone = "*";       // whoever reads a channel open to the workspace
} // namespace cast

// Everyone, in the order the cast list prints them.
const std::vector<Person>& people();
// The committee's roster, and the members the drill clears (they declare no conflict).
std::vector<std::string> committee();
std::set<std::string> cleared();

// "Alice", or the id itself for someone not in the cast.
std::string name_of(std::string_view id);
// "Alice, Bob and Carol".
std::string names_of(const std::set<std::string>& ids);

} // namespace cocbot::drill
