// File: drill/words.hpp
// What the drill's people say about the incident, and who the plan lets see each part. The check
// at the end looks for every one of these wherever cocbot showed anything.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cocbot::drill {

struct Words {
    std::string description = "Cornered her by the coffee urn and said she would regret her talk";
    std::string location = "Hall B by the sponsor booths";
    std::string reporter_name = "Sam Okafor";
    std::string reporter_contact = "+44 7700 900123";
    std::string immediate_action = "Venue security is staying with Sam at the registration desk";
    std::string hr_question = "Has this employee been spoken to before about conduct at events?";
    std::string hr_answer = "No earlier complaint about them on file";
    std::string plan = "Apologise through the committee and attend a bystander workshop";
    std::string consequences = "No speaking slot at the next two meetups";
    std::string refusal = "Banned from the next three conferences";
    std::string behaviour = "Threatened a speaker in the hallway after her session";
    std::string context = "Speakers must feel safe to present critical work";
    std::string impact = "She skipped the rest of the day and missed her panel";
    std::string call_in = "We need your help keeping this event safe for speakers";
    std::string talk_plan = "Written apology relayed by the committee and the workshop in March";
    std::string follow_up = "Called Sam with the decision and the plan the committee agreed";
    std::string resolution = "Workshop attended, apology relayed, no further incidents";
};

// A part of the report and the people the plan lets see it.
struct Secret {
    std::string what; // "the reporter's name", for the check's printout
    std::string text;
    std::set<std::string> may_see;
};

// Cleared members only, except what the plan shares wider: the reported person is named to the
// whole committee and HR so that they can say whether they have a conflict; the place of an
// immediate danger goes to the whole committee, as any responder may act at once; HR sees
// what it was asked and what it answered.
std::vector<Secret> secrets_of(const Words& words, const std::string& reported_user);

} // namespace cocbot::drill
