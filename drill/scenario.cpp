// File: drill/scenario.cpp
// The report and the first day: what the committee does before any decision.
#include "drill/scenario.hpp"

#include "drill/cast.hpp"
#include "sim/slack_requests.hpp"

namespace cocbot::drill {

using nlohmann::json;
namespace input = sim::input;

namespace {

// "…report COC-2026-0001 was received…": the reference in the confirmation form.
std::string reference_in(const json& answer) {
    const auto blocks = answer.value("view", json::object()).value("blocks", json::array());
    for (const auto& block : blocks) {
        const auto text = block.value("text", json::object()).value("text", std::string{});
        const auto at = text.find("report ");
        if (at != std::string::npos)
            return text.substr(at + 7, text.find_first_of(" .*", at + 7) - at - 7);
    }
    return {};
}

} // namespace

Scenario::Scenario(Stage& stage, DrillClock clock) : stage_(stage), clock_(clock) {}

std::vector<Scenario::Step> Scenario::steps() {
    const auto step = [this](std::string title, void (Scenario::*play)()) {
        return Step{std::move(title), [this, play] { (this->*play)(); }};
    };
    return {
        step("Alice answers the helpline: a caller is in danger. She files the report.",
             &Scenario::phone_report),
        step("The conflict question: Alice, Bob, Carol and Frank have none; Erin has one; "
             "Dave does not answer.",
             &Scenario::conflict_question),
        step("Alice and Bob own the incident.", &Scenario::owners),
        step("The danger: Alice acts at once, without a vote, as the plan allows.",
             &Scenario::immediate_action),
        step("A day passes: the 24-hour clocks run out; Alice tells the reporter it was received.",
             &Scenario::first_day),
        step("HR is asked to inform the committee, and answers a question in its own channel.",
             &Scenario::hr),
        step("Motion 1: was it a violation? A majority says yes.", &Scenario::violation_motion),
        step("Motion 2: the plan. A tie decides nothing, until Frank changes his vote.",
             &Scenario::plan_motion),
        step("Motion 3: the consequences.", &Scenario::consequences_motion),
        step("Motion 4: the response if the plan is refused. The members reject it.",
             &Scenario::refusal_motion),
        step("Alice and Bob talk to the reported person, and record it.", &Scenario::conversation),
        step("A week passes: the decision was due to reach the reporter.", &Scenario::first_week),
        step("Bob tells the reporter the decision.", &Scenario::reporter_told),
        step("Alice resolves the incident; its channels are archived.", &Scenario::resolved),
        step("What the others can look up: Dave, Erin and Harper ask cocbot.",
             &Scenario::others_see_nothing),
    };
}

void Scenario::phone_report() {
    stage_.slash(cast::alice, "C0GENERAL", "report");
    stage_.expect([this] { return !stage_.slack.calls("views.open").empty(); },
                  "the report form did not open");
    sim::ReportInput report;
    report.reported_user = cast::rowan;
    report.description = words_.description;
    report.location = words_.location;
    report.reporter_name = words_.reporter_name;
    report.reporter_contact = words_.reporter_contact;
    report.source = "phone";
    report.flags = {"immediate_danger", "involves_employee"};
    const auto answer =
        stage_.submit_view(cast::alice, sim::report_submission(cast::alice, "V0REPORT", report));
    reference_ = reference_in(answer);
    if (reference_.empty())
        throw StepFailed{"the report was not confirmed with a reference"};
    stage_.expect([this] { return stage_.slack.channel_id("coc-" + reference_).has_value(); },
                  "the incident's private channel was not made");
    channel_ = *stage_.slack.channel_id("coc-" + reference_);
    stage_.settle();
}

void Scenario::conflict_question() {
    for (const auto& member : {cast::alice, cast::bob, cast::carol, cast::frank})
        stage_.click(member, "conflict_none", reference_, committee_channel);
    stage_.click(cast::erin, "conflict_declared", reference_, committee_channel);
    stage_.transcript.say("(Dave reads the question and does not answer.)");
    auto expected = cleared();
    expected.insert(cast::bot);
    stage_.expect([&] { return stage_.slack.members(channel_) == expected; },
                  "the private channel does not hold exactly the cleared members");
    stage_.settle();
    // Let into the channel, each learns who reported, so the plan's question comes again.
    for (const auto& member : cleared())
        if (stage_.slack.shows(member, "conflict of interest with the reporter"))
            stage_.click(member, "reporter_conflict_none", reference_, "D" + member);
    stage_.settle();
}

void Scenario::owners() {
    const auto block = "incident:" + reference_;
    stage_.select_user(cast::alice, "owner_primary", block, cast::alice, channel_);
    stage_.select_user(cast::alice, "owner_secondary", block, cast::bob, channel_);
    expect_posted(channel_, "is now the secondary owner");
    stage_.settle();
}

void Scenario::immediate_action() {
    open_form(cast::alice, "immediate_action", "coc_immediate_action");
    submit_form(cast::alice, "coc_immediate_action",
                sim::modal_values({{"action", input::text(words_.immediate_action)}}));
    expect_posted(channel_, "took immediate action");
    stage_.settle();
}

void Scenario::first_day() {
    const auto wait = clock_.day + std::chrono::seconds(15);
    stage_.transcript.say("(The drill's clock: a day is " + std::to_string(clock_.day.count()) +
                          " seconds.)");
    expect_posted(channel_, "The deadline to acknowledge the reporter", wait);
    // Dave, who never answered, is asked again; only him, and only once.
    stage_.expect([this] { return stage_.slack.shows(cast::dave, "conflict of interest"); },
                  "Dave was not asked again about a conflict", wait);
    stage_.settle();
    stage_.transcript.say("(Alice calls Sam back: the committee is reviewing the report.)");
    stage_.click(cast::alice, "ack_reporter", reference_, channel_);
    stage_.settle();
}

void Scenario::hr() {
    open_form(cast::alice, "hr_involve", "coc_hr_involve");
    submit_form(cast::alice, "coc_hr_involve",
                sim::modal_values({{"scope", input::choice("informing")}}));
    stage_.expect([this] { return stage_.slack.shows(cast::harper, "conflict of interest"); },
                  "HR was not asked about conflicts");
    stage_.settle();
    stage_.click(cast::harper, "conflict_none", reference_, "D" + cast::harper);
    const auto name = "coc-" + reference_ + "-hr";
    stage_.expect([&] { return stage_.slack.channel_id(name).has_value(); },
                  "HR's channel was not made");
    hr_channel_ = *stage_.slack.channel_id(name);
    stage_.settle();
    open_form(cast::bob, "ask_hr", "coc_ask_hr");
    submit_form(cast::bob, "coc_ask_hr",
                sim::modal_values({{"question", input::text(words_.hr_question)}}));
    expect_posted(hr_channel_, words_.hr_question);
    stage_.settle();
    stage_.transcript.say("(Harper answers in HR's channel: \"" + words_.hr_answer + "\".)");
    stage_.slack.add_message(hr_channel_, words_.hr_answer);
    open_form(cast::carol, "hr_info", "coc_hr_info");
    submit_form(cast::carol, "coc_hr_info",
                sim::modal_values({{"information", input::text(words_.hr_answer)},
                                   {"past", input::choice("no")}}));
    expect_posted(channel_, "recorded HR's information");
    stage_.click(cast::alice, "hr_done", reference_, channel_);
    stage_.expect([this] { return stage_.slack.archived(hr_channel_); },
                  "HR's channel was not archived when HR was done");
    stage_.settle();
}

json Scenario::open_form(const std::string& user, const std::string& action_id,
                         const std::string& callback) {
    const auto before = stage_.slack.calls("views.open").size();
    stage_.click(user, action_id, reference_, channel_);
    stage_.expect([&] { return stage_.slack.calls("views.open").size() > before; },
                  "pressing " + action_id + " opened no form");
    const auto form = stage_.last_form();
    if (form.value("callback_id", "") != callback)
        throw StepFailed{"pressing " + action_id + " opened " + form.value("callback_id", "?")};
    return form;
}

void Scenario::submit_form(const std::string& user, const std::string& callback,
                           const json& values) {
    const auto answer = stage_.submit(user, callback, reference_, values);
    if (answer.value("response_action", "") == "errors")
        throw StepFailed{"the form " + callback + " was refused: " + answer["errors"].dump()};
}

void Scenario::expect_posted(const std::string& channel, const std::string& fragment,
                             std::chrono::milliseconds timeout) {
    stage_.expect([&] { return stage_.posted(channel, fragment).has_value(); },
                  "not posted: \"" + fragment + "\"", timeout);
}

} // namespace cocbot::drill
