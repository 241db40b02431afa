// File: core/person_names.hpp
// People's names as typed into a report and as Slack knows them: the same person may be typed
// "José García", "jose  garcia" or "Garcia, Jose". A match decides who may not see a report, so
// it errs towards a match: a false one is undone by a member, a missed one shows someone their
// own case.
#pragma once

#include <string>
#include <string_view>

namespace cocbot::core {

// `name` without case, accents (Latin letters, precomposed or combining) or extra spacing; a
// comma counts as a space. "  José GARCÍA " → "jose garcia".
std::string folded_name(std::string_view name);

// Whether two names are the same person's: equal once folded, or with the same first and last
// words in either order ("Jose Garcia", "Garcia Jose", "Jose M. Garcia"). Empty names match
// nothing.
bool same_name(std::string_view a, std::string_view b);

// What two names the same person's share, so that they can be found by key: the folded name of
// one word, else its first and last words in alphabetical order ("garcia jose"). Empty for an
// empty name. same_name(a, b) exactly when the keys are equal and not empty.
std::string name_key(std::string_view name);

} // namespace cocbot::core
