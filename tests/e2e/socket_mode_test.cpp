// File: tests/e2e/socket_mode_test.cpp
// End-to-end over Socket Mode: the real cocbot opens a WebSocket to a fake Slack on 127.0.0.1
// and gets every request as an envelope instead of a POST. Refreshes lose nothing, a dead or
// dropped socket is replaced, `link_disabled` stops it, and a bad app token stops start-up.
#include "tests/e2e/harness.hpp"

#include <doctest/doctest.h>

using namespace cocbot::testing;
using namespace std::chrono_literals;
using nlohmann::json;
namespace http = boost::beast::http;

namespace {

// The same whole-incident checks as over HTTP: after every step the channel holds exactly the
// cleared members, and nothing typed left the incident's channel.
const TypedReport typed{"Followed her to the hotel after the keynote", "Hotel lobby, Friday",
                        "Sam Reporter", "sam@example.org"};

struct SocketIncident : ConfidentialIncident {
    SocketIncident()
        : ConfidentialIncident({"UALICE", "UBOB", "UCAROL"}, "UHARPER", typed.words(), {}, true) {}
};

// Everything the socket test bot needs: the fake Slack, its Socket Mode side, and the bot.
struct SocketBot {
    FakeSlack slack;
    FakeSocketMode socket{slack};
    Bot bot;

    explicit SocketBot(std::map<std::string, std::string> env = {}) : bot(slack, std::move(env)) {
        bot.use_socket_mode(socket);
    }
};

int views_opened_with(const FakeSlack& slack, const std::string& trigger) {
    int count = 0;
    for (const auto& call : slack.calls("views.open"))
        count += call.args.value("trigger_id", "") == trigger;
    return count;
}

int homes_published_for(const FakeSlack& slack, const std::string& user) {
    int count = 0;
    for (const auto& call : slack.calls("views.publish"))
        count += call.args.value("user_id", "") == user;
    return count;
}

json slash_fields(const std::string& user, const std::string& trigger) {
    return cocbot::sim::slash_command_fields(user, "C0GEN", "report", trigger);
}

} // namespace

TEST_SUITE("e2e: Socket Mode") {
    TEST_CASE_FIXTURE(SocketIncident,
                      "over Socket Mode a report is filed, triaged and cleared, each envelope "
                      "acknowledged with HTTP's answer and nothing served on /slack/events") {
        REQUIRE(socket->open_connections() == 1);
        const auto refused = bot.submit_report("UALICE", ReportInput{});
        REQUIRE(refused.status == 200);
        CHECK(json::parse(refused.body)["response_action"] == "errors");

        file("UALICE", typed.employee_report());
        clear("UALICE");
        clear("UBOB");
        REQUIRE(bot.click("UCAROL", "conflict_declared", reference, committee_channel).status ==
                200);
        check_step();
        const auto list = answer("UBOB", "list");
        CHECK(list.find(reference) != std::string::npos);

        for (const auto& ack : socket->acks())
            CHECK(ack.connection == 1);
        const auto posted = http_request(bot.port(), http::verb::post, "/slack/events", "{}",
                                         {{"Content-Type", "application/json"}});
        CHECK(posted.status == 404);
        CHECK(socket->stale_tickets() == 0);
        CHECK(bot.log().find("transport=socket") != std::string::npos);
        CHECK(bot.log().find("transport=http") == std::string::npos);
    }

    TEST_CASE("a refresh during a burst of 50 envelopes is make-before-break: every envelope is "
              "handled once and acknowledged within 3 seconds") {
        SocketBot s;
        s.bot.start();
        std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> sent;
        const auto send = [&](int n, int connection) {
            const auto trigger = "trigger-burst-" + std::to_string(n);
            sent.emplace_back(s.socket.send_envelope("slash_commands",
                                                     slash_fields("UANYONE", trigger), connection),
                              std::chrono::steady_clock::now());
        };
        for (int n = 0; n < 20; ++n)
            send(n, 1);
        s.socket.disconnect(1, "refresh_requested");
        for (int n = 20; n < 30; ++n)
            send(n, 1); // Slack may still use the old socket until it closes
        REQUIRE(s.socket.wait_for_accepted(2, 10s));
        for (int n = 30; n < 50; ++n)
            send(n, 2);

        for (const auto& [id, at] : sent) {
            const auto ack = s.socket.wait_for_ack(id, 5s);
            REQUIRE_MESSAGE(ack, "no ack for " << id);
            CHECK(ack->at - at < 3s);
        }
        CHECK(s.socket.acks().size() == sent.size());
        REQUIRE(s.slack.wait_for(
            [](const auto& calls) {
                int opened = 0;
                for (const auto& c : calls)
                    opened += c.method == "views.open";
                return opened >= 50;
            },
            10s));
        for (int n = 0; n < 50; ++n)
            CHECK(views_opened_with(s.slack, "trigger-burst-" + std::to_string(n)) == 1);
        // The old socket closes once the new one is greeted and its own acks are sent.
        CHECK(s.socket.wait_for_open(1, 10s));
        CHECK(s.socket.newest_open() == 2);
        CHECK(s.socket.stale_tickets() == 0);
        CHECK(s.bot.health().status == 200);
    }

    TEST_CASE("link_disabled stops reconnecting and /healthz says Socket Mode is turned off") {
        SocketBot s;
        s.bot.start();
        s.socket.disconnect(1, "link_disabled");
        REQUIRE(eventually([&] { return s.bot.health().status == 503; }));
        CHECK(s.bot.health().body.find("Socket Mode is turned off") != std::string::npos);
        REQUIRE(s.socket.wait_for_open(0, 10s));
        CHECK(s.socket.opens_requested() == 1);
        CHECK(s.socket.connections_accepted() == 1);
        CHECK(s.bot.log().find("link_disabled") != std::string::npos);
    }

    TEST_CASE("a socket dropped without a close frame is replaced, with a new URL") {
        SocketBot s;
        s.bot.start();
        s.socket.drop(1);
        REQUIRE(s.socket.wait_for_accepted(2, 10s));
        REQUIRE(eventually([&] { return s.bot.health().status == 200; }));
        const auto id = s.socket.send_envelope("slash_commands", slash_fields("UA", "trigger-d"));
        CHECK(s.socket.wait_for_ack(id, 5s));
        CHECK(s.socket.opens_requested() == 2);
        CHECK(s.socket.stale_tickets() == 0);
    }

    TEST_CASE("too_many_websockets: cocbot waits before it asks for another connection") {
        SocketBot s;
        s.bot.start();
        const auto told = std::chrono::steady_clock::now();
        s.socket.disconnect(1, "too_many_websockets");
        REQUIRE(s.socket.wait_for_accepted(2, 15s));
        const auto opens = s.slack.calls("apps.connections.open");
        REQUIRE(opens.size() == 2);
        // Slack still counts the sockets it was not told were closed: no stampede, 5 s first.
        CHECK(opens[1].at - told >= 4500ms);
        CHECK(s.bot.log().find("socket_wait ms=5000") != std::string::npos);
        REQUIRE(eventually([&] { return s.bot.health().status == 200; }));
    }

    TEST_CASE("a rate-limited apps.connections.open is asked again only after its Retry-After") {
        SocketBot s;
        s.bot.start();
        s.slack.fail_next("apps.connections.open", 429, 1, 2);
        s.socket.drop(1);
        REQUIRE(s.socket.wait_for_accepted(2, 15s));
        const auto opens = s.slack.calls("apps.connections.open");
        REQUIRE(opens.size() == 3); // the first, the one refused, the one after Retry-After
        CHECK(opens[2].at - opens[1].at >= 1900ms);
        REQUIRE(eventually([&] { return s.bot.health().status == 200; }));
    }

    TEST_CASE("a silent socket that still holds its TCP connection is found dead by the "
              "watchdog and replaced") {
        SocketBot s{{{"COCBOT_SLACK_SOCKET_PING_INTERVAL", "1s"}}};
        s.bot.start();
        s.socket.freeze(1);
        REQUIRE(s.socket.wait_for_accepted(2, 15s));
        const auto id = s.socket.send_envelope("slash_commands", slash_fields("UA", "trigger-f"));
        CHECK(s.socket.wait_for_ack(id, 5s));
        CHECK(eventually([&] { return s.bot.log().find("how=dead") != std::string::npos; }));
    }

    TEST_CASE("an Events API redelivery over Socket Mode is acknowledged and handled once") {
        SocketBot s;
        s.bot.start();
        const auto event = home_opened_event("EvSocketHome1", "UALICE", unix_now());
        REQUIRE(s.socket.wait_for_ack(s.socket.send_envelope("events_api", event), 5s));
        REQUIRE(eventually([&] { return homes_published_for(s.slack, "UALICE") == 1; }));
        REQUIRE(s.socket.wait_for_ack(s.socket.send_envelope("events_api", event, 0, 1), 5s));
        // A later event for someone else is handled after the redelivery, in order.
        const auto later = home_opened_event("EvSocketHome2", "UBOB", unix_now());
        REQUIRE(s.socket.wait_for_ack(s.socket.send_envelope("events_api", later), 5s));
        REQUIRE(eventually([&] { return homes_published_for(s.slack, "UBOB") == 1; }));
        CHECK(homes_published_for(s.slack, "UALICE") == 1);
    }

    TEST_CASE("a frame that is not Slack's is ignored and the connection serves on") {
        SocketBot s;
        s.bot.start();
        s.socket.send_text(1, "not json");
        s.socket.send_text(1, R"({"type":"events_api","payload":{}})"); // no envelope id
        const auto bad = s.socket.send_envelope("interactive", json{{"type", "nonsense"}});
        const auto ack = s.socket.wait_for_ack(bad, 5s);
        REQUIRE(ack); // acknowledged, so that Slack does not send it again
        CHECK(ack->payload.is_null());
        const auto id = s.socket.send_envelope("slash_commands", slash_fields("UA", "trigger-ok"));
        CHECK(s.socket.wait_for_ack(id, 5s));
        CHECK(s.socket.open_connections() == 1);
    }

    TEST_CASE("another process holding sockets with the same token is named in the log") {
        SocketBot s;
        s.socket.set_other_connections(1);
        s.bot.start();
        CHECK(eventually(
            [&] { return s.bot.log().find("socket_other_connections") != std::string::npos; }));
    }

    TEST_CASE("an app token Slack refuses stops start-up with a line saying what to fix") {
        SocketBot s;
        s.socket.refuse_with("invalid_auth");
        const auto status = s.bot.run_to_exit();
        REQUIRE(status.has_value());
        CHECK(*status != 0);
        const auto log = s.bot.log();
        CHECK(log.find("invalid_auth") != std::string::npos);
        CHECK(log.find("App-Level Tokens") != std::string::npos);
        CHECK(log.find(app_token) == std::string::npos);
    }
}
