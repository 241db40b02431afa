// File: tests/slack/modals_test.cpp
#include "bot/slack/modals.hpp"
#include "core/consequences.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace cocbot;
using nlohmann::json;

namespace {

struct Expected {
    slack::ModalKind kind;
    std::string callback;
    std::vector<std::string> inputs; // block ids, in order
};

const std::vector<Expected>& every_modal() {
    static const std::vector<Expected> modals{
        {slack::ModalKind::immediate_action, "coc_immediate_action", {"action"}},
        {slack::ModalKind::follow_up, "coc_reporter_followup", {"note", "decision"}},
        {slack::ModalKind::motion_plan, "coc_motion_plan", {"text"}},
        {slack::ModalKind::motion_consequences,
         "coc_motion_consequences",
         {"consequences", "text"}},
        {slack::ModalKind::motion_refusal, "coc_motion_refusal", {"text"}},
        {slack::ModalKind::hr_involve, "coc_hr_involve", {"scope"}},
        {slack::ModalKind::hr_report,
         "coc_hr_report",
         {"finding", "plan", "consequences", "taking_action"}},
        {slack::ModalKind::ask_hr, "coc_ask_hr", {"question"}},
        {slack::ModalKind::hr_info, "coc_hr_info", {"information", "past"}},
        {slack::ModalKind::law_enforcement, "coc_law_enforcement", {"reporter_asked", "note"}},
        {slack::ModalKind::conversation,
         "coc_conversation",
         {"talkers", "behaviour", "context", "impact", "call_in", "plan", "accepted", "apology"}},
        {slack::ModalKind::resolve,
         "coc_resolve",
         {"resolution", "category", "outcome", "reported_role", "cannot_anonymise"}},
    };
    return modals;
}

json input_block(const json& modal, std::string_view id) {
    for (const auto& b : modal.at("blocks"))
        if (b.at("type") == "input" && b.at("block_id") == id)
            return b;
    FAIL("no input block " << id);
    return {};
}

std::vector<std::string> option_values(const json& element) {
    std::vector<std::string> values;
    for (const auto& o : element.at("options"))
        values.push_back(o.at("value"));
    return values;
}

std::string option_label(const json& element, std::string_view value) {
    for (const auto& o : element.at("options"))
        if (o.at("value") == value)
            return o.at("text").at("text");
    return {};
}

} // namespace

TEST_SUITE("modals") {
    TEST_CASE("every modal has its callback, the incident, its inputs and a short title") {
        for (const auto& expected : every_modal()) {
            CAPTURE(expected.callback);
            const auto& spec = slack::modal_spec(expected.kind);
            CHECK(spec.view.callback_id == expected.callback);
            const auto* found = slack::modal_by_callback(expected.callback);
            REQUIRE(found != nullptr);
            CHECK(found->kind == expected.kind);
            CHECK(slack::input_ids(spec.view) == expected.inputs);
            const auto modal = slack::modal_for(expected.kind, "2026-007");
            CHECK(modal.at("type") == "modal");
            CHECK(modal.at("callback_id") == expected.callback);
            CHECK(modal.at("private_metadata") == "2026-007");
            CHECK(modal.at("title").at("text").get<std::string>().size() <= 24);
            CHECK(modal.at("submit").at("text").get<std::string>().size() <= 24);
            CHECK(modal.at("close").at("text").get<std::string>().size() <= 24);
            std::vector<std::string> inputs;
            for (const auto& b : modal.at("blocks"))
                if (b.at("type") == "input") {
                    CHECK(b.at("element").at("action_id") == b.at("block_id"));
                    CHECK(b.at("label").at("text").get<std::string>().size() <= 2000);
                    inputs.push_back(b.at("block_id"));
                }
            CHECK(inputs == expected.inputs);
            // Slack's limit for an option's text is 75 characters.
            for (const auto& b : modal.at("blocks"))
                if (b.at("type") == "input" && b.at("element").contains("options"))
                    for (const auto& o : b.at("element").at("options"))
                        CHECK(o.at("text").at("text").get<std::string>().size() <= 75);
        }
        CHECK(slack::modal_by_callback("coc_report") == nullptr);
        CHECK(slack::modal_by_callback("") == nullptr);
    }

    TEST_CASE("a reference shown in a modal is never markup") {
        const auto modal = slack::modal_for(slack::ModalKind::resolve, "<!channel>");
        CHECK(modal.at("private_metadata") == "<!channel>");
        const auto shown = modal.at("blocks").dump();
        CHECK(shown.find("<!channel>") == std::string::npos);
        CHECK(shown.find("&lt;!channel&gt;") != std::string::npos);
    }

    TEST_CASE("the consequences modal offers the plan's list and an optional other") {
        const auto modal = slack::modal_for(slack::ModalKind::motion_consequences, "2026-007");
        const auto select = input_block(modal, "consequences");
        CHECK(select.at("optional") == true);
        CHECK(select.at("element").at("type") == "multi_static_select");
        std::vector<std::string> ids;
        for (const auto& c : core::possible_consequences())
            ids.push_back(std::string{c.id});
        CHECK(option_values(select.at("element")) == ids);
        const auto& first = core::possible_consequences().front();
        CHECK(option_label(select.at("element"), first.id) == first.label);
        const auto other = input_block(modal, "text");
        CHECK(other.at("optional") == true);
        CHECK(other.at("element").at("type") == "plain_text_input");
    }

    TEST_CASE("the HR modal asks who is involved, with the plan's two paths") {
        const auto scope =
            input_block(slack::modal_for(slack::ModalKind::hr_involve, "2026-007"), "scope");
        CHECK(scope.at("optional") == false);
        CHECK(scope.at("element").at("type") == "radio_buttons");
        CHECK(option_values(scope.at("element")) ==
              std::vector<std::string>{"informing", "employees_only"});
        CHECK(option_label(scope.at("element"), "informing") ==
              "An employee and a community member: HR informs, the committee decides");
        CHECK(option_label(scope.at("element"), "employees_only") ==
              "Only employees: hand off to HR");
    }

    TEST_CASE("HR's report asks the plan's three questions and whether HR acts") {
        const auto modal = slack::modal_for(slack::ModalKind::hr_report, "2026-007");
        const auto finding = input_block(modal, "finding");
        CHECK(finding.at("element").at("type") == "radio_buttons");
        CHECK(option_values(finding.at("element")) ==
              std::vector<std::string>{"violation", "no_violation", "undetermined"});
        CHECK(input_block(modal, "plan").at("element").at("type") == "plain_text_input");
        CHECK(input_block(modal, "consequences").at("element").at("type") == "plain_text_input");
        const auto acting = input_block(modal, "taking_action");
        CHECK(acting.at("element").at("type") == "radio_buttons");
        CHECK(option_values(acting.at("element")) == std::vector<std::string>{"yes", "no"});
    }

    TEST_CASE("the law enforcement modal asks for the reporter's request and a note") {
        const auto modal = slack::modal_for(slack::ModalKind::law_enforcement, "2026-007");
        const auto asked = input_block(modal, "reporter_asked");
        CHECK(asked.at("element").at("type") == "checkboxes");
        CHECK(option_values(asked.at("element")) == std::vector<std::string>{"reporter_asked"});
        CHECK(input_block(modal, "note").at("element").at("type") == "plain_text_input");
    }

    TEST_CASE("the conversation modal records two talkers and the plan's terms") {
        const auto modal = slack::modal_for(slack::ModalKind::conversation, "2026-007");
        const auto talkers = input_block(modal, "talkers");
        CHECK(talkers.at("element").at("type") == "multi_users_select");
        CHECK(talkers.at("element").at("max_selected_items") == 2);
        for (const auto* id : {"behaviour", "impact", "plan"}) {
            CAPTURE(id);
            CHECK(input_block(modal, id).at("optional") == false);
        }
        for (const auto* id : {"context", "call_in"}) {
            CAPTURE(id);
            CHECK(input_block(modal, id).at("optional") == true);
        }
        const auto accepted = input_block(modal, "accepted");
        CHECK(option_values(accepted.at("element")) == std::vector<std::string>{"yes", "no"});
        const auto apology = input_block(modal, "apology");
        CHECK(apology.at("element").at("type") == "radio_buttons");
        CHECK(option_values(apology.at("element")) ==
              std::vector<std::string>{"none", "relayed", "not_relayed"});
        CHECK(option_label(apology.at("element"), "relayed") ==
              "An apology will be relayed; they must not contact the reporter");
    }

    TEST_CASE("the resolve modal asks how it was resolved, for the transparency report") {
        const auto modal = slack::modal_for(slack::ModalKind::resolve, "2026-007");
        const auto resolution = input_block(modal, "resolution");
        CHECK(resolution.at("optional") == false);
        CHECK(resolution.at("hint").at("text").get<std::string>().find("transparency report") !=
              std::string::npos);
    }

    TEST_CASE("the follow-up modal keeps its note and decision checkbox") {
        const auto modal = slack::modal_for(slack::ModalKind::follow_up, "2026-007");
        const auto decision = input_block(modal, "decision");
        CHECK(decision.at("element").at("type") == "checkboxes");
        CHECK(option_values(decision.at("element")) == std::vector<std::string>{"decision"});
    }
}
