// File: tests/slack/blocks_test.cpp
#include "bot/slack/answers.hpp"
#include "bot/slack/messages.hpp"
#include "bot/slack/mrkdwn.hpp"
#include "bot/slack/report_modal.hpp"
#include "tests/slack/block_queries.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace cocbot;
using namespace cocbot::testing;
using nlohmann::json;

namespace {

// Slack's limits for a message: 50 blocks, 3000 characters of section text, 25 elements per
// actions block.
void check_limits(const json& blocks) {
    CHECK(blocks.size() <= 50);
    for (const auto& b : blocks) {
        if (b.at("type") == "section")
            CHECK(b.at("text").at("text").get<std::string>().size() <= 3000);
        if (b.at("type") == "actions")
            CHECK(b.at("elements").size() <= 25);
    }
}

std::string all_text(const slack::RenderedMessage& m) {
    return m.text + m.blocks.dump();
}

core::MotionMessage motion(core::MotionResult result) {
    core::MotionMessage m;
    m.incident = core::IncidentId{"2026-007"};
    m.number = 2;
    m.kind = core::MotionKind::plan;
    m.text = "Behavioural modification plan for the reported person: stop <!channel> & go";
    m.proposed_by = core::UserId{"UPROPOSER"};
    m.tally.yes = {core::UserId{"UA"}, core::UserId{"UB"}};
    m.tally.no = {core::UserId{"UC"}};
    m.tally.electorate = 4;
    m.tally.needed = 3;
    m.tally.result = result;
    return m;
}

core::ControlPanel panel(core::Status status) {
    core::ControlPanel p;
    p.incident = core::IncidentId{"2026-007"};
    p.status = status;
    p.cleared = 4;
    return p;
}

const core::Time noon{std::chrono::seconds{1'800'000'000}};

} // namespace

TEST_SUITE("blocks") {
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

    TEST_CASE("the reporter-name hint says that only the Anonymous box makes a report anonymous") {
        const auto modal = slack::report_modal();
        std::string hint;
        for (const auto& b : modal.at("blocks"))
            if (b.value("block_id", "") == "reporter_name")
                hint = b.at("hint").at("text").get<std::string>();
        CHECK(hint.find("does not make the report anonymous") != std::string::npos);
        CHECK(hint.find("Anonymous") != std::string::npos);
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
        CHECK(inputs == std::vector<std::string>{
                            "reported_user", "reported_name", "description", "location", "source",
                            "reporter_name", "reporter_contact", "reporter_whereabouts",
                            "reporter_appearance", "flags", "excluded_members", "prefer_member"});
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
        std::vector<std::string> boxes;
        for (const auto& o : flags.at("options"))
            boxes.push_back(o.at("value"));
        CHECK(boxes == std::vector<std::string>{"anonymous", "escrow", "immediate_danger",
                                                "wants_police", "involves_employee", "no_updates",
                                                "content_warning"});
        CHECK(input_element("prefer_member").at("type") == "users_select");
        CHECK(input_element("excluded_members").at("type") == "multi_users_select");
    }

    TEST_CASE("the confirmation modal shows the text escaped") {
        const auto modal =
            slack::confirmation_modal("Report received", "Report 2026-001 <received>");
        CHECK(modal.at("type") == "modal");
        CHECK(modal.dump().find("&lt;received&gt;") != std::string::npos);
        CHECK_FALSE(modal.contains("submit"));
    }

    TEST_CASE("help shows each subcommand's line between what cocbot is and the danger advice") {
        const auto help = slack::help_text({"`/coc one`: first", "`/coc two`: second"});
        CHECK(help.starts_with("*cocbot* runs the Code of Conduct committee's incident response"));
        CHECK(help.find("• `/coc one`: first\n• `/coc two`: second\n") != std::string::npos);
        CHECK(help.ends_with("the committee is alerted at once."));
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

    TEST_CASE("a motion shows its question escaped, who proposed it and the live tally") {
        const auto rendered = slack::render(motion(core::MotionResult::open));
        const auto all = all_text(rendered);
        CHECK(all.find("Motion 2") != std::string::npos);
        CHECK(all.find("<@UPROPOSER>") != std::string::npos);
        CHECK(all.find("stop &lt;!channel&gt; &amp; go") != std::string::npos);
        CHECK(all.find("<!channel>") == std::string::npos);
        CHECK(all.find("Yes: <@UA>, <@UB> · No: <@UC> — 2 of 3 needed, electorate 4") !=
              std::string::npos);
        check_limits(rendered.blocks);
    }

    TEST_CASE("a motion offers ballot buttons carrying the motion only while it is open") {
        const auto open = slack::render(motion(core::MotionResult::open));
        CHECK(button_ids(open.blocks) == std::vector<std::string>{"ballot_yes", "ballot_no"});
        for (const auto& b : open.blocks)
            if (b.at("type") == "actions")
                for (const auto& e : b.at("elements"))
                    CHECK(e.at("value") == "2026-007/2");

        for (const auto result : {core::MotionResult::passed, core::MotionResult::rejected}) {
            const auto decided = slack::render(motion(result));
            CHECK(button_ids(decided.blocks).empty());
            const auto all = all_text(decided);
            CHECK(all.find(result == core::MotionResult::passed ? "Passed" : "Rejected") !=
                  std::string::npos);
            CHECK(all.find("2 yes, 1 no, of 4") != std::string::npos);
        }
    }

    TEST_CASE("a long question is shown whole, in sections within Slack's limit") {
        auto m = motion(core::MotionResult::open);
        m.text = std::string(2900, '&') + "END";
        const auto rendered = slack::render(m);
        check_limits(rendered.blocks);
        std::string shown;
        for (const auto& b : rendered.blocks)
            if (b.at("type") == "section")
                shown += b.at("text").at("text").get<std::string>();
        CHECK(shown.find("END") != std::string::npos);
    }

    TEST_CASE(
        "a timeline line gives the time, who and what, mentions kept and typed text escaped") {
        core::Timeline t{core::IncidentId{"2026-007"},
                         {{noon, core::UserId{"UALICE"},
                           "named " + core::mention(core::UserId{"UBOB"}) + " primary owner"},
                          {noon, core::UserId{}, "proposed motion 1: <!here> & <http://x|y>"}}};
        const auto rendered = slack::render(t);
        const auto all = all_text(rendered);
        CHECK(all.find("2027-01-15") != std::string::npos);
        CHECK(all.find(" — <@UALICE> named <@UBOB> primary owner") != std::string::npos);
        CHECK(all.find(" — proposed motion 1: &lt;!here&gt; &amp; &lt;http://x|y&gt;") !=
              std::string::npos);
        CHECK(all.find("<!here>") == std::string::npos);
        CHECK(rendered.text.find("2026-007") != std::string::npos);
    }

    TEST_CASE("an empty timeline says nothing was recorded") {
        const auto rendered = slack::render(core::Timeline{core::IncidentId{"2026-007"}, {}});
        CHECK(all_text(rendered).find("Nothing recorded yet") != std::string::npos);
    }

    TEST_CASE("a long timeline stays within Slack's limits and says how many lines were left out") {
        core::Timeline t{core::IncidentId{"2026-007"}, {}};
        for (int i = 0; i < 500; ++i)
            t.lines.push_back({noon + std::chrono::minutes{i}, core::UserId{"UALICE"},
                               "entry " + std::to_string(i) + " " + std::string(400, 'x')});
        const auto rendered = slack::render(t);
        check_limits(rendered.blocks);
        const auto all = all_text(rendered);
        // The newest lines are kept.
        CHECK(all.find("entry 499 ") != std::string::npos);
        CHECK(all.find("entry 0 ") == std::string::npos);
        std::size_t shown = 0;
        for (const auto& b : rendered.blocks)
            if (b.at("type") == "section")
                for (std::size_t at = 0;
                     (at = b.at("text").at("text").get<std::string>().find("entry ", at)) !=
                     std::string::npos;
                     ++at)
                    ++shown;
        REQUIRE(shown < 500);
        CHECK(all.find(std::to_string(500 - shown) + " earlier lines were left out") !=
              std::string::npos);

        SUBCASE("a short timeline is shown whole, in order") {
            t.lines.resize(3);
            const auto whole = all_text(slack::render(t));
            CHECK(whole.find("left out") == std::string::npos);
            CHECK(whole.find("entry 0 ") < whole.find("entry 1 "));
            CHECK(whole.find("entry 1 ") < whole.find("entry 2 "));
        }
        SUBCASE("a single huge line is cut to fit") {
            t.lines = {{noon, core::UserId{"UALICE"}, std::string(20000, '<')}};
            check_limits(slack::render(t).blocks);
        }
    }

    TEST_CASE("the control panel offers the standard motions and the incident's steps in triage") {
        auto p = panel(core::Status::triage);
        p.open_motions = 2;
        const auto rendered = slack::render(p);
        check_limits(rendered.blocks);
        const auto ids = button_ids(rendered.blocks);
        for (const auto* id :
             {"motion_violation", "motion_plan", "motion_consequences", "motion_refusal",
              "motion_keep", "record_conversation", "law_enforcement", "show_timeline", "resolve",
              "recuse", "immediate_action", "cannot_find", "reporter_followup"}) {
            CAPTURE(id);
            CHECK(has(ids, id));
        }
        for (const auto* id :
             {"hr_involve", "hr_done", "hr_report", "reopen", "activate_escrow", "ack_reporter"}) {
            CAPTURE(id);
            CHECK_FALSE(has(ids, id));
        }
        CHECK(all_text(rendered).find("2 open motions") != std::string::npos);
        for (const auto& b : rendered.blocks)
            if (b.at("type") == "actions")
                for (const auto& e : b.at("elements"))
                    if (e.at("type") == "button")
                        CHECK(e.at("value") == "2026-007");
        // The owner selects are still there, named by the incident's block.
        CHECK(all_text(rendered).find("incident:2026-007") != std::string::npos);
    }

    TEST_CASE("records kept by a vote are said on the control panel, and not offered again") {
        auto p = panel(core::Status::triage);
        CHECK(all_text(slack::render(p)).find("Records kept") == std::string::npos);
        p.kept = true;
        const auto rendered = slack::render(p);
        CHECK_FALSE(has(button_ids(rendered.blocks), "motion_keep"));
        CHECK(all_text(rendered).find("*Records kept* beyond the retention periods") !=
              std::string::npos);
    }

    TEST_CASE("the control panel offers HR by its state") {
        auto p = panel(core::Status::triage);
        CHECK_FALSE(has(button_ids(slack::render(p).blocks), "hr_involve"));
        p.hr_configured = true;
        CHECK(has(button_ids(slack::render(p).blocks), "hr_involve"));

        p.hr_involved = core::HrScope::informing;
        auto ids = button_ids(slack::render(p).blocks);
        CHECK_FALSE(has(ids, "hr_involve"));
        CHECK(has(ids, "hr_done"));
        CHECK(has(ids, "ask_hr"));
        CHECK(has(ids, "hr_info"));
        CHECK_FALSE(has(ids, "hr_report"));

        p.status = core::Status::handed_off;
        p.hr_involved = core::HrScope::employees_only;
        ids = button_ids(slack::render(p).blocks);
        CHECK(has(ids, "hr_done"));
        CHECK(has(ids, "hr_report"));
        CHECK_FALSE(has(ids, "motion_violation"));
        CHECK_FALSE(has(ids, "reopen"));

        p.hr_declined = true;
        ids = button_ids(slack::render(p).blocks);
        CHECK(has(ids, "reopen"));
        CHECK(all_text(slack::render(p)).find("re-open") != std::string::npos);
    }

    TEST_CASE("the control panel offers the escrow vote and the reporter buttons by state") {
        auto p = panel(core::Status::triage);
        p.escrow_pending = true;
        p.awaiting_acknowledgement = true;
        p.reported_missing = true;
        p.reporter_reachable = false;
        const auto ids = button_ids(slack::render(p).blocks);
        CHECK(has(ids, "activate_escrow"));
        CHECK(has(ids, "ack_reporter"));
        CHECK(has(ids, "reported_found"));
        CHECK_FALSE(has(ids, "cannot_find"));
        CHECK_FALSE(has(ids, "reporter_followup"));
    }

    TEST_CASE("a resolved incident's panel offers only the timeline, re-opening and recusal") {
        auto p = panel(core::Status::resolved);
        p.hr_configured = true;
        p.escrow_pending = true;
        const auto rendered = slack::render(p);
        check_limits(rendered.blocks);
        CHECK(button_ids(rendered.blocks) ==
              std::vector<std::string>{"show_timeline", "reopen", "recuse"});
        CHECK(all_text(rendered).find("resolved") != std::string::npos);
    }

    TEST_CASE("a notice in a direct message renders escaped, as before") {
        const auto rendered = slack::render(core::Notice{"Law enforcement <was> involved"});
        CHECK(rendered.blocks[0]["text"]["text"] == "Law enforcement &lt;was&gt; involved");
    }

    TEST_CASE("App Home and /coc list show the member's open motions and their ballot") {
        core::Overview overview;
        overview.motions = {
            {core::IncidentId{"2026-007"}, 2, core::MotionKind::plan, "Stop <!channel>", true},
            {core::IncidentId{"2026-008"}, 1, core::MotionKind::violation, "Violation?",
             std::nullopt},
            {core::IncidentId{"2026-009"}, 3, core::MotionKind::custom, "Ban", false},
        };
        const auto home = slack::home_view(overview).dump();
        const auto list = slack::list_text(overview);
        for (const auto& shown : {home, list}) {
            CHECK(shown.find("Motion 2 in *2026-007*: Stop &lt;!channel&gt; — you voted yes") !=
                  std::string::npos);
            CHECK(shown.find("Motion 1 in *2026-008*: Violation? — you have not voted") !=
                  std::string::npos);
            CHECK(shown.find("you voted no") != std::string::npos);
            CHECK(shown.find("<!channel>") == std::string::npos);
        }
    }

    TEST_CASE("escape_clipped cuts whole characters and marks the cut") {
        CHECK(slack::escape_clipped("a<b", 100) == "a&lt;b");
        const auto cut = slack::escape_clipped(std::string(10, '<'), 12);
        CHECK(cut.size() <= 12);
        CHECK(cut == "&lt;&lt;…");
        const auto accents = slack::escape_clipped("ééééé", 8);
        CHECK(accents == "éé…");
    }
}
