// File: tests/slack/report_messages_test.cpp
// The report as the incident channel shows it (whole, or behind a content warning), and the
// immediate-danger alert.
#include "bot/slack/messages.hpp"

#include <doctest/doctest.h>

using namespace cocbot;

TEST_SUITE("report messages") {
    TEST_CASE("a report behind a content warning shows its reference and one button, nothing "
              "of the report") {
        const auto rendered = slack::render(core::VeiledReport{core::IncidentId{"2026-007"}});
        const auto text = rendered.blocks.dump();
        CHECK(text.find("2026-007") != std::string::npos);
        CHECK(text.find("content warning") != std::string::npos);
        const auto& actions = rendered.blocks.back();
        REQUIRE(actions.at("type") == "actions");
        REQUIRE(actions.at("elements").size() == 1);
        CHECK(actions.at("elements")[0].at("action_id") == "show_report");
        CHECK(actions.at("elements")[0].at("value") == "2026-007");
    }

    TEST_CASE("the details name the member the reporter would rather talk to, and the warning") {
        core::ReportDetails details;
        details.incident = core::IncidentId{"2026-007"};
        details.report.description = "what happened";
        details.report.preferred = core::UserId{"UCAROL"};
        details.report.flags.content_warning = true;
        const auto text = slack::render(details).blocks.dump();
        CHECK(text.find("*Would rather talk to:* <@UCAROL>") != std::string::npos);
        CHECK(text.find("content warning") != std::string::npos);
        CHECK(text.find("what happened") != std::string::npos);
    }
}

TEST_SUITE("danger alert") {
    TEST_CASE("the alert offers I'm responding and Record immediate action, and names who "
              "responds") {
        core::DangerAlert alert;
        alert.incident = core::IncidentId{"2026-008"};
        alert.location = "Hall B";
        CHECK(slack::render(alert).blocks.dump().find("Responding") == std::string::npos);
        alert.responding = {core::UserId{"UBOB"}};
        const auto blocks = slack::render(alert).blocks;
        CHECK(blocks.dump().find("Responding: <@UBOB>") != std::string::npos);
        const auto& actions = blocks.back().at("elements");
        REQUIRE(actions.size() == 2);
        CHECK(actions[0].at("action_id") == "danger_responding");
        CHECK(actions[1].at("action_id") == "immediate_action");
        CHECK(actions[0].at("value") == "2026-008");
    }
}
