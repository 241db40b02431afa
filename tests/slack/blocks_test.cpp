#include "bot/slack/blocks.hpp"

#include <doctest/doctest.h>

using namespace cocbot;
using nlohmann::json;

namespace {

json find_block(const json& blocks, std::string_view type) {
    for (const auto& b : blocks)
        if (b.at("type") == type)
            return b;
    return nullptr;
}

} // namespace

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

    TEST_CASE("a reported name typed by a person is escaped, never markup") {
        const core::TriagePrompt prompt{core::IncidentId{"2026-004"},
                                        {core::UserId{}, "<!channel> & co"},
                                        core::Source::in_person,
                                        0,
                                        2};
        const auto rendered = slack::render(prompt);
        CHECK(rendered.text.find("&lt;!channel&gt; &amp; co") != std::string::npos);
        CHECK(rendered.text.find("<!channel>") == std::string::npos);
        CHECK(rendered.text.find("via in person") != std::string::npos);
    }

    TEST_CASE("the danger alert names the location and whom to call and nothing else") {
        const core::DangerAlert alert{
            core::IncidentId{"2026-005"}, "Hall B", {"+1 555 0100", "988"}};
        const auto rendered = slack::render(alert);
        const std::string all = rendered.blocks.dump();
        CHECK(all.find("Hall B") != std::string::npos);
        CHECK(all.find("+1 555 0100") != std::string::npos);
        CHECK(all.find("988") != std::string::npos);
        CHECK(rendered.text.find("2026-005") != std::string::npos);
    }

    TEST_CASE("the report modal has the contract's callback and block ids") {
        const auto modal = slack::report_modal();
        CHECK(modal.at("type") == "modal");
        CHECK(modal.at("callback_id") == "coc_report");
        CHECK(modal.at("title").at("text").get<std::string>().size() <= 24);
        std::vector<std::string> inputs;
        for (const auto& b : modal.at("blocks"))
            if (b.at("type") == "input") {
                CHECK(b.at("block_id") == b.at("element").at("action_id"));
                inputs.push_back(b.at("block_id"));
            }
        CHECK(inputs == std::vector<std::string>{"reported_user", "reported_name", "description",
                                                 "location", "source", "reporter_name",
                                                 "reporter_contact", "flags"});
        const auto input_element = [&](std::string_view id) {
            for (const auto& b : modal.at("blocks"))
                if (b.value("block_id", "") == id)
                    return b.at("element");
            return json{};
        };
        const auto source = input_element("source");
        CHECK(source.at("type") == "static_select");
        std::vector<std::string> values;
        for (const auto& o : source.at("options"))
            values.push_back(o.at("value"));
        CHECK(values == std::vector<std::string>{"slack", "phone", "in_person", "email", "web_form",
                                                 "other"});
        const auto flags = input_element("flags");
        CHECK(flags.at("type") == "checkboxes");
        CHECK(flags.at("options").size() == 5);
    }

    TEST_CASE("the confirmation modal shows the text escaped") {
        const auto modal = slack::confirmation_modal("Report 2026-001 <received>");
        CHECK(modal.at("type") == "modal");
        CHECK(modal.dump().find("&lt;received&gt;") != std::string::npos);
        CHECK_FALSE(modal.contains("submit"));
    }

    TEST_CASE("help mentions every command a user can type") {
        const auto help = slack::help_text();
        CHECK(help.find("/coc report") != std::string::npos);
        CHECK(help.find("/coc help") != std::string::npos);
    }

    TEST_CASE("status shows each open deadline with the time left") {
        const core::Time now{std::chrono::seconds{1'800'000'000}};
        core::IncidentSummary summary;
        summary.id = core::IncidentId{"2026-009"};
        summary.reported.name = "Someone";
        summary.filed_at = now;
        summary.deadlines = {
            {core::ReminderKind::acknowledge_due, now + std::chrono::minutes{150}, {}},
            {core::ReminderKind::owners_missing, now - std::chrono::minutes{1}, {}}};
        const auto text = slack::status_text(summary, now);
        CHECK(text.find("Acknowledge the reporter by") != std::string::npos);
        CHECK(text.find("(in 2h 30m)") != std::string::npos);
        CHECK(text.find("Name the owners by") != std::string::npos);
        CHECK(text.find("(overdue)") != std::string::npos);
    }
}
