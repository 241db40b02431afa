// File: drill/scenario_decisions.cpp
// The decisions to the end: the four standard motions, the conversation with the reported
// person, the week's clock, the reporter told, the incident resolved, and what others see.
#include "drill/cast.hpp"
#include "drill/scenario.hpp"
#include "sim/slack_requests.hpp"

namespace cocbot::drill {

using nlohmann::json;
namespace input = sim::input;

namespace {

// The option values a form's multi-select offers under `block_id`.
std::vector<std::string> options_of(const json& form, const std::string& block_id) {
    std::vector<std::string> values;
    for (const auto& block : form.value("blocks", json::array()))
        if (block.value("block_id", "") == block_id)
            for (const auto& option :
                 block.value("element", json::object()).value("options", json::array()))
                values.push_back(option.value("value", ""));
    return values;
}

} // namespace

int Scenario::motion_opened() {
    const int number = ++motions_;
    const auto value = reference_ + "/" + std::to_string(number);
    stage_.expect(
        [&] {
            for (const auto& m : stage_.slack.messages(channel_))
                if (m.blocks.dump().find("\"value\":\"" + value + "\"") != std::string::npos)
                    return true;
            return false;
        },
        "motion " + std::to_string(number) + " was not put to the vote");
    stage_.settle();
    return number;
}

void Scenario::ballot(const std::string& user, int motion, bool yes) {
    stage_.click(user, yes ? "ballot_yes" : "ballot_no", reference_ + "/" + std::to_string(motion),
                 channel_);
}

void Scenario::violation_motion() {
    stage_.click(cast::alice, "motion_violation", reference_, channel_);
    const int motion = motion_opened();
    for (const auto& member : {cast::alice, cast::bob, cast::carol})
        ballot(member, motion, true);
    expect_posted(channel_, "Motion 1 passed");
    stage_.settle();
}

void Scenario::plan_motion() {
    open_form(cast::carol, "motion_plan", "coc_motion_plan");
    submit_form(cast::carol, "coc_motion_plan",
                sim::modal_values({{"text", input::text(words_.plan)}}));
    const int motion = motion_opened();
    ballot(cast::alice, motion, true);
    ballot(cast::bob, motion, false);
    ballot(cast::carol, motion, true);
    ballot(cast::frank, motion, false);
    stage_.settle();
    if (stage_.posted(channel_, "Motion 2 passed") || stage_.posted(channel_, "Motion 2 was"))
        throw StepFailed{"a tied motion was decided"};
    stage_.transcript.say("(Two yes, two no: a tie is no majority, and the motion stays open.)");
    ballot(cast::frank, motion, true);
    expect_posted(channel_, "Motion 2 passed");
    stage_.settle();
}

void Scenario::consequences_motion() {
    const auto form = open_form(cast::alice, "motion_consequences", "coc_motion_consequences");
    auto listed = options_of(form, "consequences");
    if (listed.size() > 2)
        listed.resize(2);
    if (listed.empty())
        throw StepFailed{"the consequences form offers none of the plan's list"};
    submit_form(cast::alice, "coc_motion_consequences",
                sim::modal_values({{"consequences", input::choices(listed, "multi_static_select")},
                                   {"text", input::text(words_.consequences)}}));
    const int motion = motion_opened();
    for (const auto& member : {cast::alice, cast::bob, cast::frank})
        ballot(member, motion, true);
    expect_posted(channel_, "Motion 3 passed");
    stage_.settle();
}

void Scenario::refusal_motion() {
    open_form(cast::bob, "motion_refusal", "coc_motion_refusal");
    submit_form(cast::bob, "coc_motion_refusal",
                sim::modal_values({{"text", input::text(words_.refusal)}}));
    const int motion = motion_opened();
    for (const auto& member : {cast::alice, cast::carol, cast::frank})
        ballot(member, motion, false);
    expect_posted(channel_, "Motion 4 was rejected");
    stage_.settle();
}

void Scenario::conversation() {
    open_form(cast::bob, "record_conversation", "coc_conversation");
    submit_form(cast::bob, "coc_conversation",
                sim::modal_values({{"talkers", input::users({cast::alice, cast::bob})},
                                   {"behaviour", input::text(words_.behaviour)},
                                   {"context", input::text(words_.context)},
                                   {"impact", input::text(words_.impact)},
                                   {"call_in", input::text(words_.call_in)},
                                   {"plan", input::text(words_.talk_plan)},
                                   {"accepted", input::choice("yes")},
                                   {"apology", input::choice("relayed")}}));
    expect_posted(channel_, "recorded the conversation");
    stage_.settle();
}

void Scenario::first_week() {
    stage_.transcript.say("(The drill's clock: a week is " + std::to_string(clock_.week.count()) +
                          " seconds from the report.)");
    expect_posted(channel_, "was due to reach the reporter",
                  clock_.week + std::chrono::seconds(15));
    stage_.settle();
}

void Scenario::reporter_told() {
    open_form(cast::bob, "reporter_followup", "coc_reporter_followup");
    submit_form(cast::bob, "coc_reporter_followup",
                sim::modal_values({{"note", input::text(words_.follow_up)},
                                   {"decision", input::choices({"decision"})}}));
    expect_posted(channel_, "told the reporter the committee's decision");
    stage_.settle();
}

void Scenario::resolved() {
    open_form(cast::alice, "resolve", "coc_resolve");
    submit_form(cast::alice, "coc_resolve",
                sim::modal_values({{"resolution", input::text(words_.resolution)},
                                   {"category", input::choice("Harassment")},
                                   {"outcome", input::choice("warning")}}));
    stage_.expect([this] { return stage_.slack.archived(channel_); },
                  "the incident's channel was not archived");
    stage_.settle();
}

void Scenario::others_see_nothing() {
    stage_.slash(cast::dave, "C0GENERAL", "list");
    stage_.slash(cast::erin, "C0GENERAL", "status " + reference_);
    stage_.open_home(cast::erin);
    stage_.slash(cast::harper, "C0GENERAL", "list");
    stage_.expect([this] { return !stage_.slack.calls("views.publish").empty(); },
                  "Erin's App Home was not shown");
    stage_.settle();
}

} // namespace cocbot::drill
