// File: tests/sim/fake_slack_test.cpp
// The fake Slack's own stateful answers: channels and members, messages and history, forms.
#include "sim/fake_slack.hpp"
#include "tests/slack/web_api_calls.hpp"

#include <doctest/doctest.h>
#include <set>

namespace cocbot::slack {
namespace {

using cocbot::sim::FakeSlack;
using nlohmann::json;
using testing::options_for;
using testing::run;
using testing::token;

// A raw request to the fake, for what WebApi never sends (form bodies, no token).
Response raw_request(std::uint16_t port, http::verb verb, const std::string& target,
                     const std::string& content_type, const std::string& body,
                     bool with_token = true) {
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    Request request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (with_token) {
        request.set(http::field::authorization, std::string("Bearer ") + token);
    }
    if (!content_type.empty()) {
        request.set(http::field::content_type, content_type);
    }
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    Response response;
    http::read(stream, buffer, response);
    return response;
}

TEST_SUITE("fake slack") {

    TEST_CASE("fake slack creates channels and manages their members") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        const auto call = [&](const char* method, json args) {
            return run(io, api.call(method, std::move(args)));
        };

        const auto created =
            call("conversations.create", {{"name", "coc-1"}, {"is_private", true}});
        REQUIRE(created.ok);
        const std::string id = created.body["channel"]["id"];
        CHECK(id.starts_with("G"));
        CHECK(slack.channel_id("coc-1") == id);
        CHECK(slack.members(id) == std::set<std::string>{"UBOT"});

        CHECK(call("conversations.create", {{"name", "coc-1"}, {"is_private", true}}).error ==
              "name_taken");
        CHECK(call("conversations.create", {{"name", "Bad Name"}}).error ==
              "invalid_name_specials");

        CHECK(call("conversations.invite", {{"channel", id}, {"users", "U1,U2"}}).ok);
        CHECK(call("conversations.invite", {{"channel", id}, {"users", "U1"}}).error ==
              "already_in_channel");
        CHECK(call("conversations.invite", {{"channel", "G404"}, {"users", "U1"}}).error ==
              "channel_not_found");
        CHECK(call("conversations.kick", {{"channel", id}, {"user", "U1"}}).ok);
        CHECK(call("conversations.kick", {{"channel", id}, {"user", "U1"}}).error ==
              "not_in_channel");
        CHECK(call("conversations.kick", {{"channel", id}, {"user", "UBOT"}}).error ==
              "cant_kick_self");
        CHECK(slack.members(id) == std::set<std::string>{"U2", "UBOT"});

        const auto members = run(io, api.get("conversations.members", {{"channel", id}}));
        CHECK(members.body["members"] == json{"U2", "UBOT"});
        CHECK(call("no.such.method", json::object()).error == "unknown_method");
    }

    TEST_CASE("fake slack keeps messages and returns history newest first") {
        FakeSlack slack;
        net::io_context io;
        WebApi api(io.get_executor(), options_for(slack.base_url()));
        const json metadata{{"event_type", "cocbot_effect"}, {"event_payload", {{"id", "e2"}}}};

        REQUIRE(run(io, api.call("chat.postMessage", {{"channel", "C1"}, {"text", "first"}})).ok);
        const auto second =
            run(io, api.call("chat.postMessage",
                             {{"channel", "C1"}, {"text", "second"}, {"metadata", metadata}}));
        REQUIRE(second.ok);
        CHECK(run(io, api.call("chat.postMessage", {{"channel", "C1"}})).error == "no_text");

        const auto history = run(
            io, api.get("conversations.history",
                        {{"channel", "C1"}, {"include_all_metadata", "true"}, {"limit", "10"}}));
        REQUIRE(history.ok);
        REQUIRE(history.body["messages"].size() == 2);
        CHECK(history.body["messages"][0]["text"] == "second");
        CHECK(history.body["messages"][0]["metadata"] == metadata);
        CHECK_FALSE(history.body["messages"][1].contains("metadata"));

        const auto plain = run(io, api.call("conversations.history", {{"channel", "C1"}}));
        CHECK_FALSE(plain.body["messages"][0].contains("metadata"));

        const auto newest =
            run(io, api.get("conversations.history", {{"channel", "C1"}, {"limit", "1"}}));
        REQUIRE(newest.body["messages"].size() == 1);
        CHECK(newest.body["messages"][0]["text"] == "second");
        CHECK(newest.body["has_more"] == true);

        const auto updated =
            run(io, api.call("chat.update",
                             {{"channel", "C1"}, {"ts", second.body["ts"]}, {"text", "edited"}}));
        CHECK(updated.ok);
        CHECK(run(io, api.call("chat.update", {{"channel", "C1"}, {"ts", "1.0"}, {"text", "x"}}))
                  .error == "message_not_found");
        const auto messages = slack.messages("C1");
        REQUIRE(messages.size() == 2);
        CHECK(messages[1].text == "edited");
        CHECK(messages[1].metadata == metadata);
    }

    TEST_CASE("fake slack reads form posts and wants a token") {
        FakeSlack slack;
        const auto form = "application/x-www-form-urlencoded";

        const auto posted =
            raw_request(slack.port(), http::verb::post, "/api/chat.postMessage", form,
                        "channel=C9&text=a+b%26c&blocks=%5B%7B%22type%22%3A%22divider%22%7D%5D");
        CHECK(posted.result() == http::status::ok);
        const auto calls = slack.calls("chat.postMessage");
        REQUIRE(calls.size() == 1);
        CHECK(calls[0].args["text"] == "a b&c");
        const auto messages = slack.messages("C9");
        REQUIRE(messages.size() == 1);
        CHECK(messages[0].blocks == json::parse(R"([{"type":"divider"}])"));

        const auto anonymous = raw_request(slack.port(), http::verb::post, "/api/auth.test", form,
                                           "", /*with_token=*/false);
        CHECK(json::parse(anonymous.body())["error"] == "not_authed");
    }

} // TEST_SUITE

} // namespace
} // namespace cocbot::slack
