// File: tests/slack/payloads_refused_test.cpp
// Bodies Slack would never send: each is a ParseError that names the problem, never a crash.
#include "tests/slack/payload_support.hpp"

using namespace payload_support;

TEST_SUITE("payloads") {
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
