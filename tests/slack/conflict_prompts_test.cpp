// File: tests/slack/conflict_prompts_test.cpp
// The two conflict questions of the plan: the triage prompt (with the reported person) and the
// private question a member gets once the channel shows them the reporter.
#include "bot/slack/messages.hpp"
#include "tests/slack/block_queries.hpp"

#include <doctest/doctest.h>

using namespace cocbot;
using namespace cocbot::testing;
using nlohmann::json;

TEST_SUITE("blocks") {
    TEST_CASE("the triage prompt asks about conflicts with the two buttons carrying the incident") {
        const core::TriagePrompt prompt{
            core::IncidentId{"2026-003"}, {core::UserId{"U123"}, ""}, core::Source::phone, 1, 4};
        const auto rendered = slack::render(prompt);
        CHECK(rendered.text ==
              "*<@U123>* has been reported (via phone). Who does not have a conflict of interest?");
        const auto actions = find_block(rendered.blocks, "actions");
        REQUIRE(actions.is_object());
        REQUIRE(actions.at("elements").size() == 2);
        CHECK(actions["elements"][0] ==
              json{{"type", "button"},
                   {"action_id", "conflict_none"},
                   {"text", {{"type", "plain_text"}, {"text", "No conflict"}}},
                   {"value", "2026-003"},
                   {"style", "primary"}});
        CHECK(actions["elements"][1]["action_id"] == "conflict_declared");
        CHECK(actions["elements"][1]["value"] == "2026-003");
        const auto status = find_block(rendered.blocks, "context");
        CHECK(status["elements"][0]["text"].get<std::string>().find("1 of 4 members") !=
              std::string::npos);
    }

    TEST_CASE("the reporter conflict question names the incident only, with its two answers") {
        const auto rendered =
            slack::render(core::ReporterConflictPrompt{core::IncidentId{"2026-003"}});
        CHECK(rendered.text == "You can now see who reported incident 2026-003. Do you have a "
                               "conflict of interest with the reporter?");
        const auto actions = find_block(rendered.blocks, "actions");
        REQUIRE(actions.is_object());
        REQUIRE(actions.at("elements").size() == 2);
        CHECK(actions["elements"][0]["action_id"] == "reporter_conflict_none");
        CHECK(actions["elements"][0]["value"] == "2026-003");
        CHECK(actions["elements"][1]["action_id"] == "recuse");
        CHECK(actions["elements"][1]["value"] == "2026-003");
        CHECK(actions["elements"][1]["style"] == "danger");
    }

    TEST_CASE("HR's conflict question names the reported person and where HR would read, and "
              "carries the committee's two buttons") {
        const core::HrConflictPrompt prompt{
            core::IncidentId{"2026-003"}, {{}, "Sam <Example>"}, core::HrScope::informing};
        const auto informing = slack::render(prompt);
        CHECK(informing.text.find("*Sam &lt;Example&gt;*") != std::string::npos);
        CHECK(informing.text.find("incident 2026-003") != std::string::npos);
        CHECK(informing.blocks.dump().find("You will not see the report itself") !=
              std::string::npos);
        const auto ids = button_ids(informing.blocks);
        CHECK(ids == std::vector<std::string>{"conflict_none", "conflict_declared"});
        auto hand_off = prompt;
        hand_off.scope = core::HrScope::employees_only;
        CHECK(slack::render(hand_off).blocks.dump().find("which holds the report") !=
              std::string::npos);
    }
}
