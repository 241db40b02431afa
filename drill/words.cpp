// File: drill/words.cpp
#include "drill/words.hpp"

#include "drill/cast.hpp"

namespace cocbot::drill {

std::vector<Secret> secrets_of(const Words& w, const std::string& reported_user) {
    auto cleared_set = cleared();
    cleared_set.insert(cast::bot);
    auto committee_set = cleared_set;
    for (const auto& member : committee())
        committee_set.insert(member);
    auto with_hr = cleared_set;
    with_hr.insert(cast::harper);
    auto committee_and_hr = committee_set;
    committee_and_hr.insert(cast::harper);

    std::vector<Secret> secrets{
        {"the reported person", reported_user, committee_and_hr},
        {"where it happened", w.location, committee_set},
        {"the HR question", w.hr_question, with_hr},
        {"HR's answer", w.hr_answer, with_hr},
    };
    const std::vector<std::pair<std::string, std::string>> cleared_only{
        {"what happened", w.description},
        {"the reporter's name", w.reporter_name},
        {"the reporter's contact", w.reporter_contact},
        {"the immediate action", w.immediate_action},
        {"the plan", w.plan},
        {"the consequences", w.consequences},
        {"the response to a refusal", w.refusal},
        {"the conversation", w.behaviour},
        {"the conversation's context", w.context},
        {"the impact", w.impact},
        {"the call-in", w.call_in},
        {"the agreed plan", w.talk_plan},
        {"the follow-up", w.follow_up},
        {"the resolution", w.resolution},
    };
    for (const auto& [what, text] : cleared_only)
        secrets.push_back({what, text, cleared_set});
    return secrets;
}

} // namespace cocbot::drill
