// File: tests/slack/socket_message_test.cpp
// Socket Mode frames as Slack sends them (tests/fixtures/slack/socket_*.json), the envelope's
// payload read with HTTP's own checks, the acknowledgement, and the URLs cocbot will connect to.
#include "bot/slack/base_url.hpp"
#include "bot/slack/socket_message.hpp"
#include "tests/slack/payload_support.hpp"

#include <doctest/doctest.h>

using namespace cocbot::slack;
using nlohmann::json;
using payload_support::read_fixture;

namespace {

SocketEnvelope envelope_from(const std::string& text) {
    auto message = parse_socket_message(text);
    REQUIRE(std::holds_alternative<SocketEnvelope>(message));
    return std::get<SocketEnvelope>(std::move(message));
}

} // namespace

TEST_SUITE("slack: Socket Mode frames") {
    TEST_CASE("hello gives the number of the app's connections") {
        const auto message = parse_socket_message(read_fixture("socket_hello.json"));
        REQUIRE(std::holds_alternative<SocketHello>(message));
        CHECK(std::get<SocketHello>(message).num_connections == 4);
    }

    TEST_CASE("a disconnect gives its reason") {
        const auto message = parse_socket_message(read_fixture("socket_disconnect_warning.json"));
        REQUIRE(std::holds_alternative<SocketDisconnect>(message));
        CHECK(std::get<SocketDisconnect>(message).reason == "warning");
        const auto odd = parse_socket_message(R"({"type":"disconnect","reason":"a\nb c"})");
        CHECK(std::get<SocketDisconnect>(odd).reason == "other");
    }

    TEST_CASE("a slash command envelope carries the form's fields as JSON") {
        const auto envelope = envelope_from(read_fixture("socket_slash_commands_envelope.json"));
        CHECK(envelope.envelope_id == "xxx-11-222-yyy-zzz");
        CHECK(envelope.type == "slash_commands");
        REQUIRE(std::holds_alternative<Payload>(envelope.payload));
        const auto& command = std::get<SlashCommand>(std::get<Payload>(envelope.payload));
        CHECK(command.command == "/hi-socket-mode");
        CHECK(command.user_id == "U111");
        CHECK(command.trigger_id == "111.222.xxx");
    }

    TEST_CASE("an interactive envelope carries block_actions as over HTTP") {
        const auto envelope =
            envelope_from(read_fixture("socket_interactive_block_actions_envelope.json"));
        REQUIRE(std::holds_alternative<Payload>(envelope.payload));
        const auto& actions = std::get<BlockActions>(std::get<Payload>(envelope.payload));
        CHECK(actions.user_id == "U111");
        REQUIRE(actions.actions.size() == 1);
        CHECK(actions.actions.front().action_id == "a");
        CHECK(actions.channel_id == "C111");
    }

    TEST_CASE("an Events API redelivery keeps its event id and retry attempt") {
        const auto envelope = envelope_from(read_fixture("socket_events_api_envelope_retry.json"));
        CHECK(envelope.retry_attempt == 1);
        REQUIRE(std::holds_alternative<Payload>(envelope.payload));
        const auto& event = std::get<EventCallback>(std::get<Payload>(envelope.payload));
        CHECK(event.event_id == "Ev111");
        CHECK(event.type == "message");
    }

    TEST_CASE("an envelope whose payload fails HTTP's checks keeps its id, to be acknowledged") {
        auto doc = json::parse(read_fixture("socket_slash_commands_envelope.json"));
        doc["payload"].erase("trigger_id");
        const auto envelope = envelope_from(doc.dump());
        CHECK(envelope.envelope_id == "xxx-11-222-yyy-zzz");
        REQUIRE(std::holds_alternative<ParseError>(envelope.payload));
        CHECK(std::get<ParseError>(envelope.payload).message == "missing field trigger_id");

        doc["payload"] = json{{"command", 7}, {"user_id", "U1"}, {"channel_id", "C1"}};
        CHECK(std::holds_alternative<ParseError>(envelope_from(doc.dump()).payload));
        doc["type"] = "interactive";
        doc["payload"] = json{{"type", "shortcut"}};
        CHECK(std::holds_alternative<ParseError>(envelope_from(doc.dump()).payload));
        doc["type"] = "events_api";
        doc["payload"] = json{{"type", "url_verification"}, {"challenge", "x"}};
        CHECK(std::holds_alternative<ParseError>(envelope_from(doc.dump()).payload));
        doc.erase("payload");
        CHECK(std::holds_alternative<ParseError>(envelope_from(doc.dump()).payload));
    }

    TEST_CASE("frames that are not Slack's are unknown, and never quoted") {
        for (const std::string text :
             {"", "not json", "[]", "{}", R"({"type":7})", R"({"type":"surprise","x":"secret"})",
              R"({"type":"events_api","payload":{}})", R"({"type":"events_api","envelope_id":""})",
              R"({"type":"interactive","envelope_id":5})"}) {
            CAPTURE(text);
            const auto message = parse_socket_message(text);
            REQUIRE(std::holds_alternative<SocketUnknown>(message));
            CHECK(std::get<SocketUnknown>(message).problem.find("secret") == std::string::npos);
        }
    }

    TEST_CASE("an ack names the envelope, with the answer as its payload when there is one") {
        CHECK(json::parse(socket_ack("e-1", "")) == json{{"envelope_id", "e-1"}});
        CHECK(json::parse(socket_ack("e-2", R"({"response_action":"clear"})")) ==
              json{{"envelope_id", "e-2"}, {"payload", {{"response_action", "clear"}}}});
        CHECK(json::parse(socket_ack("e-3", "not json")) == json{{"envelope_id", "e-3"}});
    }

    TEST_CASE("cocbot connects to wss:// anywhere, and to ws:// only on this machine") {
        const auto slack =
            parse_socket_url("wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A0123");
        REQUIRE(slack);
        CHECK(slack->tls);
        CHECK(slack->host == "wss-primary.slack.com");
        CHECK(slack->port == "443");
        CHECK(slack->target == "/link/?ticket=abc-123&app_id=A0123");
        CHECK(slack->host_header == "wss-primary.slack.com");
        const auto local = parse_socket_url("ws://127.0.0.1:4000/link/?ticket=t");
        REQUIRE(local);
        CHECK_FALSE(local->tls);
        CHECK(local->host_header == "127.0.0.1:4000");
        for (const auto* refused :
             {"ws://wss.slack.com/link/?ticket=t", "ws://10.0.0.1/link", "https://slack.com/",
              "wss://user@slack.com/", "wss://slack.com/#x", "wss://", "not a url",
              "ws://localhost.evil.example/", "wss://slack.com:0/"}) {
            CAPTURE(refused);
            CHECK_FALSE(parse_socket_url(refused));
        }
    }
}
