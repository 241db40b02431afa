// File: tests/slack/long_text_test.cpp
// Every renderer that shows what a person typed keeps within Slack's limits when it is as long
// as core allows (3,000 characters), and shows all of it.
#include "bot/slack/answers.hpp"
#include "bot/slack/messages.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "core/report.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

using namespace cocbot;
using nlohmann::json;

namespace {

// 3,000 characters that escaping makes longer, ending in a word to look for.
std::string longest_text() {
    std::string text;
    while (text.size() < core::max_text_length - 10)
        text += "R&D <x> ";
    text.resize(core::max_text_length - 10);
    text += " lastword.";
    REQUIRE(text.size() == core::max_text_length);
    return text;
}

// Slack's limits: 50 blocks a message (100 a view), 3000 characters of section text.
std::string checked_sections(const json& blocks, std::size_t max_blocks = 50) {
    CHECK(blocks.size() <= max_blocks);
    std::string shown;
    for (const auto& b : blocks)
        if (b.at("type") == "section") {
            const auto text = b.at("text").at("text").get<std::string>();
            CHECK(text.size() <= 3000);
            CHECK_FALSE(text.empty());
            shown += text + "\n";
        }
    return shown;
}

// Everything typed is there, escaped: each "R&D" once, and the last word.
void check_shown_whole(const std::string& shown, const std::string& typed) {
    CHECK(shown.find("lastword.") != std::string::npos);
    const auto ampersands = std::count(typed.begin(), typed.end(), '&');
    std::size_t found = 0;
    for (auto at = shown.find("R&amp;D"); at != std::string::npos;
         at = shown.find("R&amp;D", at + 1))
        ++found;
    CHECK(found == static_cast<std::size_t>(ampersands));
}

} // namespace

TEST_SUITE("long text") {
    TEST_CASE("a report with a 3000-character description and fields is posted whole") {
        const auto typed = longest_text();
        core::ReportDetails details;
        details.incident = core::IncidentId{"2026-007"};
        details.report.description = typed;
        details.report.reported.name = typed;
        details.report.location = typed;
        details.report.reporter_name = typed;
        details.report.reporter_contact = typed;
        const auto shown = checked_sections(slack::render(details).blocks);
        CHECK(shown.find("*What happened:*") != std::string::npos);
        const auto description = shown.substr(shown.find("*What happened:*"));
        check_shown_whole(description, typed);
    }

    TEST_CASE("a channel notice quoting 3000 characters shows the whole quote") {
        const auto typed = longest_text();
        core::ChannelNotice notice;
        notice.mention = {core::UserId{"UOWNER"}};
        notice.text = core::mention(core::UserId{"UALICE"}) + " recorded an immediate action:";
        notice.quote = typed;
        const auto rendered = slack::render(notice);
        const auto shown = checked_sections(rendered.blocks);
        check_shown_whole(shown, typed);
        // Every section of the quote stays quoted.
        for (std::size_t i = 1; i < rendered.blocks.size(); ++i)
            CHECK(rendered.blocks[i].at("text").at("text").get<std::string>().starts_with(">"));
    }

    TEST_CASE("a notice of 3000 characters is shown whole") {
        const auto typed = longest_text();
        check_shown_whole(checked_sections(slack::render(core::Notice{typed}).blocks), typed);
    }

    TEST_CASE("a motion of 3000 characters is shown whole") {
        const auto typed = longest_text();
        core::MotionMessage motion;
        motion.incident = core::IncidentId{"2026-007"};
        motion.number = 1;
        motion.text = typed;
        check_shown_whole(checked_sections(slack::render(motion).blocks), typed);
    }

    TEST_CASE("a danger alert with a 3000-character location is shown whole") {
        const auto typed = longest_text();
        core::DangerAlert alert;
        alert.incident = core::IncidentId{"2026-007"};
        alert.location = typed;
        alert.safety.venue_security = typed;
        check_shown_whole(checked_sections(slack::render(alert).blocks), typed + typed);
    }

    TEST_CASE("a triage prompt for a 3000-character name keeps its buttons") {
        const auto typed = longest_text();
        core::TriagePrompt prompt;
        prompt.incident = core::IncidentId{"2026-007"};
        prompt.reported.name = typed;
        const auto blocks = slack::render(prompt).blocks;
        check_shown_whole(checked_sections(blocks), typed);
        CHECK(blocks.back().at("type") == "actions");
    }

    TEST_CASE("App Home shows a 3000-character name whole, the button on its first section") {
        const auto typed = longest_text();
        core::Overview overview;
        core::IncidentSummary open;
        open.id = core::IncidentId{"2026-007"};
        open.reported.name = typed;
        overview.open.push_back(open);
        overview.pending.push_back({core::IncidentId{"2026-008"}, {{}, typed}, {}});
        const auto blocks = slack::home_view(overview).at("blocks");
        const auto shown = checked_sections(blocks, 100);
        CHECK(shown.find("lastword. · triage") != std::string::npos);
        std::size_t buttons = 0;
        for (const auto& b : blocks)
            if (b.contains("accessory")) {
                ++buttons;
                CHECK(b.at("text").at("text").get<std::string>().starts_with("*2026-008*"));
            }
        CHECK(buttons == 1);
    }

    TEST_CASE("App Home with hundreds of incidents, prompts and motions stays within 100 blocks") {
        core::Overview overview;
        const auto name = longest_text();
        for (int i = 0; i < 300; ++i) {
            const core::IncidentId id{"2026-" + std::to_string(100 + i)};
            core::IncidentSummary open;
            open.id = id;
            open.reported.name = "Person " + std::to_string(i);
            overview.open.push_back(open);
            // Long names take two sections each, so the budget counts blocks, not lines.
            overview.pending.push_back({id, {{}, name}, {}});
            overview.motions.push_back({id, 1, core::MotionKind::violation, "Violation?", {}});
        }
        const auto blocks = slack::home_view(overview).at("blocks");
        const auto shown = checked_sections(blocks, 100);
        CHECK(blocks.size() <= 100);
        CHECK(shown.find("*2026-100*") != std::string::npos);
        std::size_t more_lines = 0;
        for (const auto& b : blocks)
            if (b.at("type") == "context" &&
                b.dump().find("more: `/coc list` shows them all.") != std::string::npos)
                ++more_lines;
        CHECK(more_lines == 3);
        CHECK(blocks.back().dump().find("/coc report") != std::string::npos);
    }

    TEST_CASE("App Home with a few of each shows them all and no count of more") {
        core::Overview overview;
        for (int i = 0; i < 3; ++i) {
            const core::IncidentId id{"2026-" + std::to_string(100 + i)};
            core::IncidentSummary open;
            open.id = id;
            overview.open.push_back(open);
            overview.motions.push_back({id, 1, core::MotionKind::violation, "Violation?", {}});
        }
        const auto home = slack::home_view(overview).dump();
        for (const auto* id : {"*2026-100*", "*2026-101*", "*2026-102*"})
            CHECK(home.find(id) != std::string::npos);
        CHECK(home.find("more: `/coc list`") == std::string::npos);
    }
}
