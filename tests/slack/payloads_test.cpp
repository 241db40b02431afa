#include "bot/slack/payloads.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

namespace slack = cocbot::slack;
using nlohmann::json;
using slack::kind_of;
using slack::parse_payload;
using slack::ParseError;
using slack::ParseResult;
using slack::Payload;

constexpr std::string_view form_type = "application/x-www-form-urlencoded";
constexpr std::string_view json_type = "application/json";

std::string read_fixture(const std::string& name) {
    std::ifstream in{COCBOT_FIXTURES_DIR "/slack/" + name, std::ios::binary};
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// An interactivity request body as Slack sends it: one form field holding the JSON.
std::string as_payload_form(std::string_view payload_json) {
    return "payload=" + boost::urls::encode({payload_json.data(), payload_json.size()},
                                            boost::urls::unreserved_chars);
}

template <class T>
T parsed_as(const ParseResult& result) {
    const auto* error = std::get_if<ParseError>(&result);
    REQUIRE_MESSAGE(error == nullptr, "parse error: " << (error ? error->message : std::string{}));
    const auto& payload = std::get<Payload>(result);
    const auto* value = std::get_if<T>(&payload);
    REQUIRE_MESSAGE(value != nullptr, "parsed as " << std::string{kind_of(payload)});
    return *value;
}

std::string error_of(const ParseResult& result) {
    const auto* error = std::get_if<ParseError>(&result);
    REQUIRE_MESSAGE(error != nullptr, "expected a ParseError, got "
                                          << std::string{kind_of(std::get<Payload>(result))});
    return error->message;
}

std::string interactivity_error(const json& payload) {
    return error_of(parse_payload(form_type, as_payload_form(payload.dump())));
}

std::string events_error(const json& body) {
    return error_of(parse_payload(json_type, body.dump()));
}

json fixture_json(const std::string& name) {
    return json::parse(read_fixture(name));
}

// Every node of a document, by JSON pointer, root first.
void collect_pointers(const json& node, const json::json_pointer& at,
                      std::vector<json::json_pointer>& out) {
    out.push_back(at);
    if (node.is_object()) {
        for (const auto& [key, child] : node.items()) {
            collect_pointers(child, at / key, out);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            collect_pointers(node[i], at / i, out);
        }
    }
}

} // namespace

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

    TEST_CASE("url_verification yields its challenge") {
        const auto verification = parsed_as<slack::UrlVerification>(
            parse_payload(json_type, read_fixture("url_verification.json")));
        CHECK(verification.challenge == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    TEST_CASE("event_callback parses the envelope and the event fields cocbot routes on") {
        SUBCASE("app_home_opened (captured)") {
            const auto event = parsed_as<slack::EventCallback>(
                parse_payload(json_type, read_fixture("event_callback_app_home_opened_real.json")));
            CHECK(event.event_id == "Ev08EUKK3342");
            CHECK(event.team_id == "T043DB835ML");
            CHECK(event.event_time == 1740431544);
            CHECK(event.type == "app_home_opened");
            CHECK(event.user == "U043H11ES4V");
            CHECK(event.channel == "D0442US94JD");
            CHECK(event.tab == "home");
            CHECK(event.inviter == "");
            CHECK(event.bot_id == "");
        }
        SUBCASE("member_joined_channel for the bot itself") {
            const auto event = parsed_as<slack::EventCallback>(parse_payload(
                json_type, read_fixture("event_callback_member_joined_channel_self.json")));
            CHECK(event.event_id == "Ev111");
            CHECK(event.team_id == "T111");
            CHECK(event.event_time == 1599616881);
            CHECK(event.type == "member_joined_channel");
            CHECK(event.user == "W23456789");
            CHECK(event.channel == "C111");
            CHECK(event.channel_type == "C");
            CHECK(event.inviter == "U222");
        }
        SUBCASE("app_uninstalled") {
            const auto event = parsed_as<slack::EventCallback>(
                parse_payload(json_type, read_fixture("event_callback_app_uninstalled.json")));
            CHECK(event.event_id == "EvXXXXXXXX");
            CHECK(event.team_id == "TXXXXXXXX");
            CHECK(event.event_time == 1234567890);
            CHECK(event.type == "app_uninstalled");
            CHECK(event.user == "");
        }
        SUBCASE("tokens_revoked for an org-wide install has no team") {
            const auto event = parsed_as<slack::EventCallback>(
                parse_payload(json_type, read_fixture("event_callback_tokens_revoked_org.json")));
            CHECK(event.event_id == "Ev111");
            CHECK(event.team_id == "");
            CHECK(event.event_time == 1606805974);
            CHECK(event.type == "tokens_revoked");
        }
        SUBCASE("a message from a bot carries its bot_id") {
            const json body = {
                {"type", "event_callback"},
                {"event_id", "Ev2"},
                {"team_id", "T1"},
                {"event_time", 1700000000},
                {"event", {{"type", "message"}, {"bot_id", "B1"}, {"channel", "C1"}}}};
            const auto event =
                parsed_as<slack::EventCallback>(parse_payload(json_type, body.dump()));
            CHECK(event.bot_id == "B1");
            CHECK(event.channel == "C1");
        }
        SUBCASE("event fields of another shape in events we do not route on are left empty") {
            const json body = {
                {"type", "event_callback"},
                {"event_id", "Ev3"},
                {"event",
                 {{"type", "team_join"}, {"user", {{"id", "U9"}}}, {"channel", {{"id", "C9"}}}}}};
            const auto event =
                parsed_as<slack::EventCallback>(parse_payload(json_type, body.dump()));
            CHECK(event.type == "team_join");
            CHECK(event.user == "");
            CHECK(event.channel == "");
        }
    }

    TEST_CASE("ssl_check needs no signature and parses to SslCheck") {
        const auto result = parse_payload(form_type, "ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G");
        CHECK(kind_of(std::get<Payload>(result)) == "ssl_check");
        SUBCASE("ssl_check other than 1 is not a probe") {
            CHECK_FALSE(error_of(parse_payload(form_type, "ssl_check=0&token=x")).empty());
        }
    }

    TEST_CASE("the Content-Type is matched without its parameters and case") {
        const auto body = read_fixture("slash_command_signing_body.txt");
        for (const char* type :
             {"application/x-www-form-urlencoded; charset=utf-8",
              "Application/X-WWW-Form-Urlencoded", " application/x-www-form-urlencoded ;"}) {
            CAPTURE(type);
            CHECK(parsed_as<slack::SlashCommand>(parse_payload(type, body)).user_id == "U2CERLKJA");
        }
        const auto json_body = read_fixture("url_verification.json");
        for (const char* type : {"application/json; charset=utf-8", "APPLICATION/JSON",
                                 "application/json;charset=UTF-8"}) {
            CAPTURE(type);
            CHECK_FALSE(parsed_as<slack::UrlVerification>(parse_payload(type, json_body))
                            .challenge.empty());
        }
    }

    TEST_CASE("every payload kind has a log name") {
        CHECK(kind_of(Payload{slack::SlashCommand{}}) == "slash_command");
        CHECK(kind_of(Payload{slack::BlockActions{}}) == "block_actions");
        CHECK(kind_of(Payload{slack::ViewSubmission{}}) == "view_submission");
        CHECK(kind_of(Payload{slack::ViewClosed{}}) == "view_closed");
        CHECK(kind_of(Payload{slack::EventCallback{}}) == "event_callback");
        CHECK(kind_of(Payload{slack::UrlVerification{}}) == "url_verification");
        CHECK(kind_of(Payload{slack::SslCheck{}}) == "ssl_check");
    }

    TEST_CASE("bodies of the wrong shape are a ParseError naming the problem") {
        SUBCASE("wrong or missing content type") {
            const auto body = read_fixture("url_verification.json");
            CHECK(error_of(parse_payload("text/plain", body)).find("Content-Type") !=
                  std::string::npos);
            CHECK(error_of(parse_payload("", body)) == "missing Content-Type");
            CHECK(error_of(parse_payload("multipart/form-data; boundary=x", body))
                      .find("multipart/form-data") != std::string::npos);
            CHECK(error_of(parse_payload("application/jsonx", body)).find("Content-Type") !=
                  std::string::npos);
        }
        SUBCASE("empty bodies") {
            CHECK(error_of(parse_payload(form_type, "")).find("neither") != std::string::npos);
            CHECK(error_of(parse_payload(json_type, "")) == "malformed JSON");
        }
        SUBCASE("malformed bodies") {
            CHECK(error_of(parse_payload(form_type, "command=%2")) == "malformed form body");
            CHECK(error_of(parse_payload(form_type, "payload=%7B%22type%22")) ==
                  "interactivity payload: malformed JSON");
            CHECK(error_of(parse_payload(json_type, R"({"type":"event_callback",)")) ==
                  "malformed JSON");
            CHECK(error_of(parse_payload(json_type, "[1,2]")) == "JSON body is not an object");
            CHECK(error_of(parse_payload(form_type, as_payload_form("\"block_actions\""))) ==
                  "interactivity payload: JSON body is not an object");
            CHECK(error_of(parse_payload(form_type, "token=x&team_id=T1")).find("neither") !=
                  std::string::npos);
        }
        SUBCASE("unknown types") {
            CHECK(interactivity_error({{"type", "shortcut"}}) ==
                  "unsupported interactivity payload type: shortcut");
            CHECK(interactivity_error({{"type", "message_action"}}) ==
                  "unsupported interactivity payload type: message_action");
            CHECK(events_error({{"type", "app_rate_limited"}}) ==
                  "unsupported Events API type: app_rate_limited");
            CHECK(events_error({{"type", "block_actions"}}) ==
                  "unsupported Events API type: block_actions");
            CHECK(interactivity_error(json::object()) ==
                  "interactivity payload: missing field type");
            CHECK(events_error({{"type", 7}}) == "field type must be a string");
        }
        SUBCASE("an unknown type is quoted short and printable, never the body") {
            const std::string long_type(500, 'x');
            const auto message = interactivity_error({{"type", long_type + "\n\x1b[31m"}});
            CHECK(message.size() < 120);
            CHECK(message.find('\n') == std::string::npos);
            CHECK(message.find('\x1b') == std::string::npos);
        }
        SUBCASE("slash commands missing a required field") {
            CHECK(error_of(parse_payload(form_type, "command=%2Fcoc&channel_id=C1")) ==
                  "missing field user_id");
            CHECK(error_of(parse_payload(form_type, "command=%2Fcoc&user_id=U1")) ==
                  "missing field channel_id");
            // Slack sends a trigger with every slash command; a request without one is not Slack's.
            CHECK(error_of(parse_payload(form_type, "command=%2Fcoc&user_id=U1&channel_id=C1")) ==
                  "missing field trigger_id");
            CHECK(error_of(parse_payload(form_type,
                                         "command=%2Fcoc&user_id=U1&channel_id=C1&trigger_id=")) ==
                  "missing field trigger_id");
        }
        SUBCASE("block_actions missing or mistyping fields") {
            auto doc = fixture_json("block_actions_message_attachment_docs.json");
            auto without = [&](const char* key) {
                auto copy = doc;
                copy.erase(key);
                return copy;
            };
            auto with = [&](const json::json_pointer& at, json value) {
                auto copy = doc;
                copy[at] = std::move(value);
                return copy;
            };
            CHECK(interactivity_error(without("actions")) == "missing field actions");
            CHECK(interactivity_error(without("user")) == "missing field user.id");
            CHECK(interactivity_error(with("/actions"_json_pointer, json::array())) ==
                  "field actions must not be empty");
            CHECK(interactivity_error(with("/actions"_json_pointer, "WaXA")) ==
                  "field actions must be an array");
            CHECK(interactivity_error(with("/actions/0"_json_pointer, 3)) ==
                  "field actions[0] must be an object");
            CHECK(interactivity_error(with("/actions/0/action_id"_json_pointer, 3)) ==
                  "field actions[0].action_id must be a string");
            CHECK(interactivity_error(with("/actions/0/type"_json_pointer, nullptr)) ==
                  "missing field actions[0].type");
            CHECK(interactivity_error(with("/user"_json_pointer, "UA8RXUSPL")) ==
                  "field user must be an object");
            CHECK(interactivity_error(with("/user/id"_json_pointer, 42)) ==
                  "field user.id must be a string");
            CHECK(interactivity_error(with("/container"_json_pointer, json::array())) ==
                  "field container must be an object");
        }
        SUBCASE("view_submission missing or mistyping fields") {
            const auto doc = fixture_json("view_submission.json");
            auto with = [&](const json::json_pointer& at, json value) {
                auto copy = doc;
                copy[at] = std::move(value);
                return copy;
            };
            auto without = [&](const json::json_pointer& at) {
                auto copy = doc;
                copy[at.parent_pointer()].erase(at.back());
                return copy;
            };
            CHECK(interactivity_error(without("/view/callback_id"_json_pointer)) ==
                  "missing field view.callback_id");
            CHECK(interactivity_error(without("/view/id"_json_pointer)) == "missing field view.id");
            CHECK(interactivity_error(without("/view"_json_pointer)) == "missing field view.id");
            CHECK(interactivity_error(with("/view/private_metadata"_json_pointer, 1)) ==
                  "field view.private_metadata must be a string");
            CHECK(interactivity_error(with("/view/state/values"_json_pointer, json::array())) ==
                  "field view.state.values must be an object");
            CHECK(interactivity_error(with("/view/state/values/rating"_json_pointer, "3")) ==
                  "field view.state.values.rating must be an object");
            CHECK(
                interactivity_error(with(
                    "/view/state/values/rating/single_action/selected_option"_json_pointer, "3")) ==
                "field view.state.values.rating.single_action.selected_option must be an object");
            CHECK(interactivity_error(
                      with("/view/state/values/comment/single_action/value"_json_pointer, 5)) ==
                  "field view.state.values.comment.single_action.value must be a string");
            CHECK(interactivity_error(
                      with("/view/state/values/rating/single_action/selected_options"_json_pointer,
                           json::array({1}))) ==
                  "field view.state.values.rating.single_action.selected_options[0] must be an "
                  "object");
            CHECK(interactivity_error(
                      with("/view/state/values/rating/single_action/selected_users"_json_pointer,
                           json::array({"U1", 2}))) ==
                  "field view.state.values.rating.single_action.selected_users[1] must be a "
                  "string");
        }
        SUBCASE("view_closed mistyping fields") {
            auto doc = fixture_json("view_closed.json");
            doc["is_cleared"] = "false";
            CHECK(interactivity_error(doc) == "field is_cleared must be a boolean");
        }
        SUBCASE("event_callback missing or mistyping fields") {
            const auto doc = fixture_json("event_callback_member_joined_channel_self.json");
            auto with = [&](const char* key, json value) {
                auto copy = doc;
                copy[key] = std::move(value);
                return copy;
            };
            auto without = [&](const char* key) {
                auto copy = doc;
                copy.erase(key);
                return copy;
            };
            CHECK(events_error(without("event")) == "missing field event");
            CHECK(events_error(without("event_id")) == "missing field event_id");
            CHECK(events_error(with("event", "member_joined_channel")) ==
                  "field event must be an object");
            CHECK(events_error(with("event", json::object())) == "missing field event.type");
            CHECK(events_error(with("event_time", "1599616881")) ==
                  "field event_time must be an integer");
            CHECK(events_error(with("event_time", 1.5)) == "field event_time must be an integer");
            CHECK(events_error(with("event_time", 18446744073709551615ULL)) ==
                  "field event_time is out of range");
            CHECK(events_error(with("team_id", json::array())) == "field team_id must be a string");
        }
        SUBCASE("url_verification without a string challenge") {
            CHECK(events_error({{"type", "url_verification"}}) == "missing field challenge");
            CHECK(events_error({{"type", "url_verification"}, {"challenge", 12}}) ==
                  "field challenge must be a string");
        }
    }

    TEST_CASE("an error message never repeats the request's content") {
        auto doc = fixture_json("url_verification.json");
        doc.erase("type");
        const auto message = events_error(doc);
        CHECK(message.find("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P") ==
              std::string::npos);
        CHECK(message.find("Jhj5dZrVaK7ZwHHjRyZWjbDl") == std::string::npos);
    }

    TEST_CASE("a fixture cut short or with any node replaced by any type parses or is refused") {
        const std::vector<std::pair<std::string, std::string_view>> fixtures = {
            {"block_actions_message_attachment_docs.json", form_type},
            {"block_actions_ephemeral_message_with_state.json", form_type},
            {"block_actions_app_home_real.json", form_type},
            {"view_submission.json", form_type},
            {"view_closed.json", form_type},
            {"url_verification.json", json_type},
            {"event_callback_app_home_opened_real.json", json_type},
            {"event_callback_member_joined_channel_self.json", json_type},
        };
        const std::vector<json> replacements = {nullptr,
                                                true,
                                                0,
                                                -1,
                                                18446744073709551615ULL,
                                                2.5,
                                                "",
                                                "x",
                                                json::array(),
                                                json::array({1, "a"}),
                                                json::object(),
                                                json{{"value", 1}}};
        const auto parse = [](std::string_view type, const std::string& text) {
            return parse_payload(type, type == form_type ? as_payload_form(text) : text);
        };
        // parse_payload's catch-all is a safety net: the readers themselves must never need it.
        const auto parsed_cleanly = [](const ParseResult& result) {
            const auto* error = std::get_if<ParseError>(&result);
            return error == nullptr || error->message != "unreadable request body";
        };
        for (const auto& [name, type] : fixtures) {
            CAPTURE(name);
            const auto text = read_fixture(name);
            for (std::size_t cut = 0; cut < text.size(); cut += 13) {
                CHECK(parsed_cleanly(parse(type, text.substr(0, cut))));
            }
            const auto doc = json::parse(text);
            std::vector<json::json_pointer> pointers;
            collect_pointers(doc, json::json_pointer{}, pointers);
            for (const auto& at : pointers) {
                for (const auto& replacement : replacements) {
                    auto mutated = doc;
                    mutated[at] = replacement;
                    CHECK(parsed_cleanly(parse(type, mutated.dump())));
                }
            }
        }
    }
}
