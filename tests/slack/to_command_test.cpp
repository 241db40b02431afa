#include "bot/slack/to_command.hpp"

#include <doctest/doctest.h>

using namespace cocbot;

namespace {

slack::InputValue text(std::string v) {
    slack::InputValue i;
    i.type = "plain_text_input";
    i.value = std::move(v);
    return i;
}

slack::ViewState full_state() {
    slack::ViewState s;
    slack::InputValue user;
    user.type = "users_select";
    user.selected_user = "U0BAD";
    s.values["reported_user"]["reported_user"] = user;
    s.values["reported_name"]["reported_name"] = text("Bob");
    s.values["description"]["description"] = text("Said things");
    s.values["location"]["location"] = text("Hall B");
    s.values["reporter_name"]["reporter_name"] = text("Dana");
    s.values["reporter_contact"]["reporter_contact"] = text("dana@example.org");
    slack::InputValue source;
    source.type = "static_select";
    source.selected_option = "in_person";
    s.values["source"]["source"] = source;
    slack::InputValue flags;
    flags.type = "checkboxes";
    flags.selected_options = {"immediate_danger", "no_updates"};
    s.values["flags"]["flags"] = flags;
    return s;
}

core::Command command_of(const slack::BlockActions& actions) {
    const auto intent = slack::intent_from_action(actions);
    REQUIRE(intent.has_value());
    REQUIRE(std::holds_alternative<core::Command>(*intent));
    return std::get<core::Command>(*intent);
}

} // namespace

TEST_SUITE("to_command") {
    TEST_CASE("a filled report modal becomes a report") {
        const auto result = slack::report_from_view(full_state());
        REQUIRE(std::holds_alternative<core::Report>(result));
        const auto& r = std::get<core::Report>(result);
        CHECK(r.reported.user.value == "U0BAD");
        CHECK(r.reported.name == "Bob");
        CHECK(r.description == "Said things");
        CHECK(r.location == "Hall B");
        CHECK(r.reporter_name == "Dana");
        CHECK(r.reporter_contact == "dana@example.org");
        CHECK(r.source == core::Source::in_person);
        CHECK(r.flags == core::Flags{.immediate_danger = true, .no_updates = true});
    }

    TEST_CASE("an empty modal becomes an empty report that core will refuse") {
        const auto result = slack::report_from_view({});
        REQUIRE(std::holds_alternative<core::Report>(result));
        CHECK(std::get<core::Report>(result) == core::Report{});
    }

    TEST_CASE("an unknown source is flagged on the source field") {
        auto state = full_state();
        state.values["source"]["source"].selected_option = "pigeon";
        const auto result = slack::report_from_view(state);
        REQUIRE(std::holds_alternative<std::vector<core::FieldError>>(result));
        CHECK(std::get<std::vector<core::FieldError>>(result).front().field == "source");
    }

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

    TEST_CASE("immediate action opens a modal and escrow activation asks the shell for facts") {
        slack::BlockActions click;
        click.user_id = "UALICE";
        click.trigger_id = "trig";
        click.actions.push_back({"immediate_action", "b", "button", "2026-003", "", ""});
        auto intent = slack::intent_from_action(click);
        REQUIRE(intent.has_value());
        CHECK(std::get<slack::OpenImmediateActionModal>(*intent).incident.value == "2026-003");
        click.actions[0].action_id = "activate_escrow";
        intent = slack::intent_from_action(click);
        REQUIRE(intent.has_value());
        CHECK(std::get<slack::ActivateEscrowRequest>(*intent).by.value == "UALICE");
    }

    TEST_CASE("the immediate-action modal becomes a command for its incident") {
        slack::ViewSubmission submission;
        submission.callback_id = "coc_immediate_action";
        submission.private_metadata = "2026-004";
        submission.user_id = "UALICE";
        submission.state.values["action"]["action"] = text("Called security");
        const auto command = slack::command_from_submission(submission);
        REQUIRE(command.has_value());
        const auto& recorded = std::get<core::RecordImmediateAction>(*command);
        CHECK(recorded.incident.value == "2026-004");
        CHECK(recorded.action == "Called security");
        submission.callback_id = "coc_report";
        CHECK_FALSE(slack::command_from_submission(submission).has_value());
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
