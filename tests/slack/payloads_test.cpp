// File: tests/slack/payloads_test.cpp
// The Events API, Slack's probes, the Content-Type and the payload kinds' log names.
#include "tests/slack/payload_support.hpp"

using namespace payload_support;

TEST_SUITE("payloads") {
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
}
