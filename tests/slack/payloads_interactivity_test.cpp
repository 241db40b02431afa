// File: tests/slack/payloads_interactivity_test.cpp
// Slash commands and interactivity (buttons, modal submissions, closed modals) as Slack sends them.
#include "tests/slack/payload_support.hpp"

using namespace payload_support;

TEST_SUITE("payloads") {
    TEST_CASE("slash commands parse from their form bodies") {
        SUBCASE("Slack's signing example, percent-encoded") {
            const auto cmd = parsed_as<slack::SlashCommand>(
                parse_payload(form_type, read_fixture("slash_command_signing_body.txt")));
            CHECK(cmd.team_id == "T1DC2JH3J");
            CHECK(cmd.channel_id == "G8PSS9T3V");
            CHECK(cmd.channel_name == "foobar");
            CHECK(cmd.user_id == "U2CERLKJA");
            CHECK(cmd.command == "/webhook-collect");
            CHECK(cmd.text == "");
            CHECK(
                cmd.response_url ==
                "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
            CHECK(cmd.trigger_id == "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        }
        SUBCASE("the docs example, unencoded") {
            const auto cmd = parsed_as<slack::SlashCommand>(
                parse_payload(form_type, read_fixture("slash_command_form_docs.txt")));
            CHECK(cmd.team_id == "T0001");
            CHECK(cmd.channel_id == "C2147483705");
            CHECK(cmd.channel_name == "test");
            CHECK(cmd.user_id == "U2147483697");
            CHECK(cmd.command == "/weather");
            CHECK(cmd.text == "94070");
            CHECK(cmd.response_url == "https://hooks.slack.com/commands/1234/5678");
            CHECK(cmd.trigger_id == "13345224609.738474920.8088930838d88f008e0");
        }
        SUBCASE("an Enterprise Grid body") {
            const auto cmd = parsed_as<slack::SlashCommand>(
                parse_payload(form_type, read_fixture("slash_command_form_enterprise.txt")));
            CHECK(cmd.team_id == "T111");
            CHECK(cmd.channel_id == "C111");
            CHECK(cmd.channel_name == "general");
            CHECK(cmd.user_id == "W111");
            CHECK(cmd.command == "/hello");
            CHECK(cmd.text == "");
            CHECK(cmd.response_url == "https://hooks.slack.com/commands/T111/111/xxx");
            CHECK(cmd.trigger_id == "111.222.xxx");
        }
        SUBCASE("the text keeps its spaces and punctuation") {
            const auto cmd = parsed_as<slack::SlashCommand>(parse_payload(
                form_type, "command=%2Fcoc&text=vote+Ban+%22X%22+for+1%25+%26+more&user_id=U1&"
                           "channel_id=C1&trigger_id=1.2.3"));
            CHECK(cmd.command == "/coc");
            CHECK(cmd.text == "vote Ban \"X\" for 1% & more");
            CHECK(cmd.team_id == "");
        }
    }

    TEST_CASE("block_actions parse with their container") {
        SUBCASE("a button in a message attachment (docs example)") {
            const auto actions = parsed_as<slack::BlockActions>(parse_payload(
                form_type,
                as_payload_form(read_fixture("block_actions_message_attachment_docs.json"))));
            CHECK(actions.team_id == "T9TK3CUKW");
            CHECK(actions.user_id == "UA8RXUSPL");
            CHECK(actions.trigger_id ==
                  "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
            CHECK(actions.response_url ==
                  "https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209");
            CHECK(actions.container_type == "message_attachment");
            CHECK(actions.channel_id == "CBR2V3XEX");
            CHECK(actions.message_ts == "1548261231.000200");
            CHECK(actions.view_id == "");
            REQUIRE(actions.actions.size() == 1);
            CHECK(actions.actions[0].action_id == "WaXA");
            CHECK(actions.actions[0].block_id == "=qXel");
            CHECK(actions.actions[0].type == "button");
            CHECK(actions.actions[0].value == "click_me_123");
            CHECK(actions.actions[0].selected_user == "");
            CHECK(actions.actions[0].selected_option == "");
        }
        SUBCASE("a button in an ephemeral message") {
            const auto actions = parsed_as<slack::BlockActions>(parse_payload(
                form_type,
                as_payload_form(read_fixture("block_actions_ephemeral_message_with_state.json"))));
            CHECK(actions.team_id == "T111");
            CHECK(actions.user_id == "U111");
            CHECK(actions.trigger_id == "111.222.xxx");
            CHECK(actions.response_url == "https://hooks.slack.com/actions/T111/111/xxx");
            CHECK(actions.container_type == "message");
            CHECK(actions.channel_id == "C111");
            CHECK(actions.message_ts == "1606455372.001200");
            CHECK(actions.view_id == "");
            REQUIRE(actions.actions.size() == 1);
            CHECK(actions.actions[0].action_id == "save");
            CHECK(actions.actions[0].block_id == "block_1");
            CHECK(actions.actions[0].type == "button");
            CHECK(actions.actions[0].value == "1");
        }
        SUBCASE("a button in the App Home view (captured payload)") {
            const auto actions = parsed_as<slack::BlockActions>(parse_payload(
                form_type, as_payload_form(read_fixture("block_actions_app_home_real.json"))));
            CHECK(actions.team_id == "T123");
            CHECK(actions.user_id == "U123");
            CHECK(actions.trigger_id == "987196394372.3485157640.efe5ca926abc9dadb0371534fff4326e");
            CHECK(actions.response_url == "");
            CHECK(actions.container_type == "view");
            CHECK(actions.view_id == "V123");
            CHECK(actions.channel_id == "");
            CHECK(actions.message_ts == "");
            REQUIRE(actions.actions.size() == 1);
            CHECK(actions.actions[0].action_id == "home_button_1");
            CHECK(actions.actions[0].block_id == "home_actions");
            CHECK(actions.actions[0].type == "button");
            CHECK(actions.actions[0].value == "create_task");
        }
        SUBCASE("selects carry the chosen user or option") {
            auto doc = fixture_json("block_actions_ephemeral_message_with_state.json");
            doc["actions"] = json::array({
                {{"action_id", "owner_primary"},
                 {"block_id", "owners"},
                 {"type", "users_select"},
                 {"selected_user", "U0OWNER"},
                 {"action_ts", "1.2"}},
                {{"action_id", "source"},
                 {"block_id", "src"},
                 {"type", "static_select"},
                 {"selected_option",
                  {{"text", {{"type", "plain_text"}, {"text", "Phone"}}}, {"value", "phone"}}}},
            });
            const auto actions = parsed_as<slack::BlockActions>(
                parse_payload(form_type, as_payload_form(doc.dump())));
            REQUIRE(actions.actions.size() == 2);
            CHECK(actions.actions[0].action_id == "owner_primary");
            CHECK(actions.actions[0].type == "users_select");
            CHECK(actions.actions[0].selected_user == "U0OWNER");
            CHECK(actions.actions[0].value == "");
            CHECK(actions.actions[1].action_id == "source");
            CHECK(actions.actions[1].selected_option == "phone");
        }
        SUBCASE("the socket-mode envelope's channel message carries channel and ts") {
            const auto envelope = fixture_json("socket_interactive_block_actions_envelope.json");
            const auto actions = parsed_as<slack::BlockActions>(
                parse_payload(form_type, as_payload_form(envelope.at("payload").dump())));
            CHECK(actions.container_type == "message");
            CHECK_FALSE(actions.channel_id.empty());
            CHECK_FALSE(actions.message_ts.empty());
            CHECK_FALSE(actions.actions.empty());
        }
    }

    TEST_CASE("view_submission parses with its input state") {
        SUBCASE("bolt-python's exact wire body") {
            const auto view = parsed_as<slack::ViewSubmission>(
                parse_payload(form_type, read_fixture("view_submission_form.txt")));
            CHECK(view.team_id == "T111");
            CHECK(view.user_id == "W111");
            CHECK(view.trigger_id == "111.222.valid");
            CHECK(view.view_id == "V111");
            CHECK(view.callback_id == "view-id");
            CHECK(view.private_metadata == "This is for you!");
            CHECK(view.hash == "1596530361.3wRYuk3R");
            const auto* input = view.state.find("hspI", "maBWU");
            REQUIRE(input != nullptr);
            CHECK(input->type == "plain_text_input");
            CHECK(input->value == "test");
            CHECK(input->selected_option == std::nullopt);
        }
        SUBCASE("a modal with a select, a date picker and a text input") {
            const auto view = parsed_as<slack::ViewSubmission>(
                parse_payload(form_type, as_payload_form(read_fixture("view_submission.json"))));
            CHECK(view.team_id == "T12345678");
            CHECK(view.user_id == "U12345678");
            CHECK(view.trigger_id == "768915595217.771150964790.bbc12e4f1483ce782cd891edf9dca94c");
            CHECK(view.view_id == "V12345678");
            CHECK(view.callback_id == "modal-callback-id");
            CHECK(view.private_metadata == "");
            CHECK(view.hash == "1569562184.10297bc3");
            CHECK(view.state.values.size() == 3);

            const auto* rating = view.state.find("rating", "single_action");
            REQUIRE(rating != nullptr);
            CHECK(rating->type == "static_select");
            CHECK(rating->selected_option == "3");
            CHECK(rating->value == std::nullopt);

            const auto* date = view.state.find("date-of-visit", "single_action");
            REQUIRE(date != nullptr);
            CHECK(date->type == "datepicker");
            CHECK(date->selected_date == "2019-09-23");

            const auto* comment = view.state.find("comment", "single_action");
            REQUIRE(comment != nullptr);
            CHECK(comment->type == "plain_text_input");
            CHECK(comment->value == "Just amazing!");

            CHECK(view.state.find("comment", "other_action") == nullptr);
            CHECK(view.state.find("no_such_block", "single_action") == nullptr);
        }
        SUBCASE("the report modal's element types: users, checkboxes, empty inputs") {
            auto doc = fixture_json("view_submission.json");
            doc["view"]["callback_id"] = "coc_report";
            doc["view"]["private_metadata"] = R"({"taken_by":"U0MEMBER"})";
            doc["view"]["state"]["values"] = {
                {"reported_user",
                 {{"reported_user", {{"type", "users_select"}, {"selected_user", "U0BAD"}}}}},
                {"reported_name",
                 {{"reported_name", {{"type", "plain_text_input"}, {"value", nullptr}}}}},
                {"source", {{"source", {{"type", "static_select"}, {"selected_option", nullptr}}}}},
                {"flags",
                 {{"flags",
                   {{"type", "checkboxes"},
                    {"selected_options",
                     json::array({{{"text", {{"type", "plain_text"}, {"text", "Anonymous"}}},
                                   {"value", "anonymous"}},
                                  {{"text", {{"type", "plain_text"}, {"text", "Danger"}}},
                                   {"value", "immediate_danger"}}})}}}}},
            };
            const auto view = parsed_as<slack::ViewSubmission>(
                parse_payload(form_type, as_payload_form(doc.dump())));
            CHECK(view.callback_id == "coc_report");
            CHECK(view.private_metadata == R"({"taken_by":"U0MEMBER"})");

            const auto* user = view.state.find("reported_user", "reported_user");
            REQUIRE(user != nullptr);
            CHECK(user->selected_user == "U0BAD");

            const auto* name = view.state.find("reported_name", "reported_name");
            REQUIRE(name != nullptr);
            CHECK(name->type == "plain_text_input");
            CHECK(name->value == std::nullopt);

            const auto* source = view.state.find("source", "source");
            REQUIRE(source != nullptr);
            CHECK(source->selected_option == std::nullopt);

            const auto* flags = view.state.find("flags", "flags");
            REQUIRE(flags != nullptr);
            CHECK(flags->selected_options ==
                  std::vector<std::string>{"anonymous", "immediate_danger"});
        }
        SUBCASE("the incident modals' element types: radio buttons, multi selects") {
            auto doc = fixture_json("view_submission.json");
            doc["view"]["callback_id"] = "coc_conversation";
            const auto option = [](std::string_view value) {
                return json{{"text", {{"type", "plain_text"}, {"text", "label"}}},
                            {"value", value}};
            };
            doc["view"]["state"]["values"] = {
                {"talkers",
                 {{"talkers",
                   {{"type", "multi_users_select"},
                    {"selected_users", json::array({"U0ALICE", "U0BOB"})}}}}},
                {"apology",
                 {{"apology",
                   {{"type", "radio_buttons"}, {"selected_option", option("relayed")}}}}},
                {"accepted",
                 {{"accepted", {{"type", "radio_buttons"}, {"selected_option", nullptr}}}}},
                {"consequences",
                 {{"consequences",
                   {{"type", "multi_static_select"},
                    {"selected_options",
                     json::array({option("warning"), option("ban_events")})}}}}},
            };
            const auto view = parsed_as<slack::ViewSubmission>(
                parse_payload(form_type, as_payload_form(doc.dump())));
            const auto* talkers = view.state.find("talkers", "talkers");
            REQUIRE(talkers != nullptr);
            CHECK(talkers->selected_users == std::vector<std::string>{"U0ALICE", "U0BOB"});
            const auto* apology = view.state.find("apology", "apology");
            REQUIRE(apology != nullptr);
            CHECK(apology->selected_option == "relayed");
            const auto* accepted = view.state.find("accepted", "accepted");
            REQUIRE(accepted != nullptr);
            CHECK(accepted->selected_option == std::nullopt);
            const auto* consequences = view.state.find("consequences", "consequences");
            REQUIRE(consequences != nullptr);
            CHECK(consequences->selected_options ==
                  std::vector<std::string>{"warning", "ban_events"});
        }
        SUBCASE("a view without state has no values") {
            auto doc = fixture_json("view_submission.json");
            doc["view"].erase("state");
            const auto view = parsed_as<slack::ViewSubmission>(
                parse_payload(form_type, as_payload_form(doc.dump())));
            CHECK(view.state.values.empty());
        }
    }

    TEST_CASE("view_closed parses") {
        const auto closed = parsed_as<slack::ViewClosed>(
            parse_payload(form_type, as_payload_form(read_fixture("view_closed.json"))));
        CHECK(closed.team_id == "T12345678");
        CHECK(closed.user_id == "U12345678");
        CHECK(closed.view_id == "V12345678");
        CHECK(closed.callback_id == "modal-callback-id");
        CHECK(closed.private_metadata == "");
        CHECK_FALSE(closed.is_cleared);

        auto doc = fixture_json("view_closed.json");
        doc["is_cleared"] = true;
        CHECK(parsed_as<slack::ViewClosed>(parse_payload(form_type, as_payload_form(doc.dump())))
                  .is_cleared);
    }
}
