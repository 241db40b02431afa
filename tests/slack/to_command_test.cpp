// File: tests/slack/to_command_test.cpp
// Button presses and selects as core commands or modals to open, and reading `/coc <text>`.
#include "bot/slack/ids.hpp"
#include "bot/slack/to_command.hpp"

#include <doctest/doctest.h>

using namespace cocbot;

namespace {

slack::BlockActions press(std::string action_id, std::string value) {
    slack::BlockActions click;
    click.user_id = "UALICE";
    click.actions.push_back({std::move(action_id), "b", "button", std::move(value), "", ""});
    return click;
}

core::Command command_of(const slack::BlockActions& actions) {
    const auto intent = slack::intent_from_action(actions);
    REQUIRE(intent.has_value());
    REQUIRE(std::holds_alternative<core::Command>(*intent));
    return std::get<core::Command>(*intent);
}

} // namespace

TEST_SUITE("to_command") {
    TEST_CASE("the conflict buttons become declarations by the member who clicked") {
        slack::BlockActions click;
        click.user_id = "UALICE";
        click.actions.push_back({"conflict_none", "conflict", "button", "2026-001", "", ""});
        auto command = command_of(click);
        CHECK(std::get<core::DeclareConflict>(command).conflicted == false);
        CHECK(std::get<core::DeclareConflict>(command).member.value == "UALICE");
        CHECK(std::get<core::DeclareConflict>(command).incident.value == "2026-001");

        for (const auto* id : {"conflict_declared", "recuse"}) {
            click.actions[0].action_id = id;
            CHECK(std::get<core::DeclareConflict>(command_of(click)).conflicted == true);
        }
    }

    TEST_CASE("the owner selects name owners, with the incident taken from the block") {
        slack::BlockActions pick;
        pick.user_id = "UALICE";
        pick.actions.push_back(
            {"owner_secondary", "incident:2026-002", "users_select", "", "UBOB", ""});
        const auto named = std::get<core::NameOwner>(command_of(pick));
        CHECK(named.incident.value == "2026-002");
        CHECK(named.by.value == "UALICE");
        CHECK(named.owner.value == "UBOB");
        CHECK(named.role == core::OwnerRole::secondary);
    }

    TEST_CASE("buttons that need words open their modal for the incident") {
        const std::vector<std::pair<std::string, slack::ModalKind>> buttons{
            {"immediate_action", slack::ModalKind::immediate_action},
            {"reporter_followup", slack::ModalKind::follow_up},
            {"motion_plan", slack::ModalKind::motion_plan},
            {"motion_consequences", slack::ModalKind::motion_consequences},
            {"motion_refusal", slack::ModalKind::motion_refusal},
            {"hr_involve", slack::ModalKind::hr_involve},
            {"hr_report", slack::ModalKind::hr_report},
            {"law_enforcement", slack::ModalKind::law_enforcement},
            {"record_conversation", slack::ModalKind::conversation},
            {"resolve", slack::ModalKind::resolve},
        };
        for (const auto& [id, kind] : buttons) {
            CAPTURE(id);
            auto click = press(id, "2026-003");
            click.trigger_id = "trig";
            const auto intent = slack::intent_from_action(click);
            REQUIRE(intent.has_value());
            const auto* open = std::get_if<slack::OpenModal>(&*intent);
            REQUIRE(open != nullptr);
            CHECK(open->trigger_id == "trig");
            CHECK(open->incident.value == "2026-003");
            CHECK(open->modal == kind);
            // Without a trigger no modal can open, so nothing happens.
            click.trigger_id.clear();
            CHECK_FALSE(slack::intent_from_action(click).has_value());
        }
    }

    TEST_CASE("motions that need no words are proposed at once by the member who clicked") {
        const std::vector<std::pair<std::string, core::MotionKind>> buttons{
            {"motion_violation", core::MotionKind::violation},
            {"activate_escrow", core::MotionKind::activate_escrow},
            {"reopen", core::MotionKind::reopen},
        };
        for (const auto& [id, kind] : buttons) {
            CAPTURE(id);
            const auto proposed = std::get<core::ProposeMotion>(command_of(press(id, "2026-003")));
            CHECK(proposed.incident.value == "2026-003");
            CHECK(proposed.by.value == "UALICE");
            CHECK(proposed.kind == kind);
            CHECK(proposed.text.empty());
            CHECK(proposed.consequences.empty());
        }
    }

    TEST_CASE("Show the report asks for the details where it was pressed") {
        auto click = press("show_report", "2026-003");
        click.channel_id = "GINCIDENT";
        const auto shown = std::get<core::ShowReport>(command_of(click));
        CHECK(shown.incident.value == "2026-003");
        CHECK(shown.by.value == "UALICE");
        CHECK(shown.channel.value == "GINCIDENT");
    }

    TEST_CASE("I'm responding on the danger alert is a command by the member who pressed it") {
        const auto responding =
            std::get<core::RespondToDanger>(command_of(press("danger_responding", "2026-003")));
        CHECK(responding.incident.value == "2026-003");
        CHECK(responding.by.value == "UALICE");
    }

    TEST_CASE("HR done, the timeline, the reporter buttons and the reporter conflict answer are "
              "commands on the incident") {
        const auto dropped = std::get<core::DropHr>(command_of(press("hr_done", "2026-003")));
        CHECK(dropped.incident.value == "2026-003");
        CHECK(dropped.by.value == "UALICE");
        const auto shown =
            std::get<core::ShowTimeline>(command_of(press("show_timeline", "2026-003")));
        CHECK(shown.incident.value == "2026-003");
        CHECK(shown.by.value == "UALICE");
        CHECK(std::get<core::AcknowledgeReporter>(command_of(press("ack_reporter", "2026-003")))
                  .by.value == "UALICE");
        CHECK(
            std::get<core::MarkReportedPersonMissing>(command_of(press("cannot_find", "2026-003")))
                .missing);
        CHECK_FALSE(std::get<core::MarkReportedPersonMissing>(
                        command_of(press("reported_found", "2026-003")))
                        .missing);
        const auto cleared = std::get<core::ClearReporterConflict>(
            command_of(press("reporter_conflict_none", "2026-003")));
        CHECK(cleared.incident.value == "2026-003");
        CHECK(cleared.member.value == "UALICE");
    }

    TEST_CASE("a ballot button casts the clicker's ballot on the motion in its value") {
        auto yes = std::get<core::CastBallot>(
            command_of(press("ballot_yes", slack::motion_value(core::IncidentId{"2026-007"}, 2))));
        CHECK(yes.incident.value == "2026-007");
        CHECK(yes.motion == 2);
        CHECK(yes.voter.value == "UALICE");
        CHECK(yes.yes);
        const auto no = std::get<core::CastBallot>(command_of(press("ballot_no", "2026-007/12")));
        CHECK(no.motion == 12);
        CHECK_FALSE(no.yes);
        SUBCASE("a ballot whose value is not a motion is nothing") {
            for (const auto* junk : {"", "2026-007", "2026-007/", "/3", "2026-007/x"}) {
                CAPTURE(junk);
                CHECK_FALSE(slack::intent_from_action(press("ballot_yes", junk)).has_value());
            }
        }
    }

    TEST_CASE("a motion's value round-trips and junk is refused") {
        const core::IncidentId incident{"2026-007"};
        for (int number : {1, 2, 10, 999}) {
            const auto parsed = slack::parse_motion_value(slack::motion_value(incident, number));
            REQUIRE(parsed.has_value());
            CHECK(parsed->first == incident);
            CHECK(parsed->second == number);
        }
        CHECK(slack::motion_value(incident, 3) == "2026-007/3");
        for (const auto* junk :
             {"", "/", "2026-007", "2026-007/", "/1", "2026-007/0", "2026-007/-1", "2026-007/+1",
              "2026-007/1x", "2026-007/1/2", "2026-007/ 1", "2026-007/99999999999999999999"}) {
            CAPTURE(junk);
            CHECK_FALSE(slack::parse_motion_value(junk).has_value());
        }
    }

    TEST_CASE("other actions, or a button without its incident, are not commands") {
        slack::BlockActions click;
        click.user_id = "UALICE";
        CHECK_FALSE(slack::intent_from_action(click).has_value());
        click.actions.push_back({"conflict_none", "b", "button", "", "", ""});
        CHECK_FALSE(slack::intent_from_action(click).has_value());
        click.actions[0] = {"something_else", "b", "button", "x", "", ""};
        CHECK_FALSE(slack::intent_from_action(click).has_value());
    }

    TEST_CASE("the subcommand is the first word, in lower case") {
        CHECK(slack::subcommand_of("") == "");
        CHECK(slack::subcommand_of("   ") == "");
        CHECK(slack::subcommand_of("report") == "report");
        CHECK(slack::subcommand_of("  Report now") == "report");
        CHECK(slack::subcommand_of("status 2026-001") == "status");
    }

    TEST_CASE("the argument is everything after the first word") {
        CHECK(slack::argument_of("Status  2026-001 ") == "2026-001");
        CHECK(slack::argument_of("status") == "");
        CHECK(slack::argument_of("") == "");
        CHECK(slack::argument_of("vote we ask him to leave") == "we ask him to leave");
    }
}
