// File: tests/sim/block_kit_limits_test.cpp
// The fake Slack refuses what real Slack refuses: Block Kit over its limits gets invalid_blocks,
// and what is just within them is taken.
#include "sim/fake_slack.hpp"
#include "sim/http_client.hpp"

#include <doctest/doctest.h>
#include <string>

namespace {

using namespace cocbot::sim;
using nlohmann::json;

// Calls `method` on the fake as the bot does, with a JSON body; returns Slack's answer.
json call(const FakeSlack& slack, const std::string& method, const json& body) {
    const auto response =
        http_request(slack.port(), boost::beast::http::verb::post, "/api/" + method, body.dump(),
                     {{"Content-Type", "application/json"}, {"Authorization", "Bearer xoxb-test"}});
    REQUIRE(response.status == 200);
    return json::parse(response.body);
}

std::string answer_of(const json& answer) {
    return answer["ok"] == true ? "ok" : answer.value("error", "?");
}

json section(const std::string& text) {
    return {{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", text}}}};
}

json sections(std::size_t count) {
    json blocks = json::array();
    for (std::size_t i = 0; i < count; ++i)
        blocks.push_back(section("block " + std::to_string(i)));
    return blocks;
}

json button_block(const std::string& value) {
    return {{"type", "actions"},
            {"elements", json::array({{{"type", "button"},
                                       {"action_id", "press"},
                                       {"text", {{"type", "plain_text"}, {"text", "Press"}}},
                                       {"value", value}}})}};
}

json post(const FakeSlack& slack, const json& blocks) {
    return call(slack, "chat.postMessage",
                {{"channel", "C0GENERAL"}, {"text", "fallback"}, {"blocks", blocks}});
}

json modal(const std::string& title, const json& blocks) {
    return {{"type", "modal"},
            {"callback_id", "test"},
            {"title", {{"type", "plain_text"}, {"text", title}}},
            {"blocks", blocks}};
}

} // namespace

TEST_SUITE("fake Slack: Block Kit limits") {
    TEST_CASE("a section's text is taken up to 3,000 characters and refused beyond") {
        FakeSlack slack;
        CHECK(answer_of(post(slack, json::array({section(std::string(3000, 'a'))}))) == "ok");
        CHECK(answer_of(post(slack, json::array({section(std::string(3001, 'a'))}))) ==
              "invalid_blocks");
        CHECK(slack.messages("C0GENERAL").size() == 1);
    }

    TEST_CASE("a section's text is counted in characters, not bytes") {
        FakeSlack slack;
        std::string accented;
        for (int i = 0; i < 3000; ++i)
            accented += "\xC3\xA9"; // é: two bytes, one character
        CHECK(answer_of(post(slack, json::array({section(accented)}))) == "ok");
    }

    TEST_CASE("a message takes 50 blocks and refuses 51, posted or updated") {
        FakeSlack slack;
        const auto posted = post(slack, sections(50));
        REQUIRE(answer_of(posted) == "ok");
        CHECK(answer_of(post(slack, sections(51))) == "invalid_blocks");
        const auto updated =
            call(slack, "chat.update",
                 {{"channel", "C0GENERAL"}, {"ts", posted["ts"]}, {"blocks", sections(51)}});
        CHECK(answer_of(updated) == "invalid_blocks");
        CHECK(slack.messages("C0GENERAL").front().blocks.size() == 50);
        const auto ephemeral = call(slack, "chat.postEphemeral",
                                    {{"channel", "C0GENERAL"},
                                     {"user", "UALICE"},
                                     {"text", "x"},
                                     {"blocks", sections(51)}});
        CHECK(answer_of(ephemeral) == "invalid_blocks");
    }

    TEST_CASE("a view takes 100 blocks and refuses 101, opened, updated or published") {
        FakeSlack slack;
        CHECK(answer_of(call(slack, "views.open",
                             {{"trigger_id", "t"}, {"view", modal("Report", sections(100))}})) ==
              "ok");
        CHECK(answer_of(call(slack, "views.open",
                             {{"trigger_id", "t"}, {"view", modal("Report", sections(101))}})) ==
              "invalid_blocks");
        CHECK(slack.opened_views().size() == 1);
        CHECK(answer_of(call(slack, "views.update",
                             {{"view_id", "V1"}, {"view", modal("Report", sections(101))}})) ==
              "invalid_blocks");
        const json home{{"type", "home"}, {"blocks", sections(101)}};
        CHECK(answer_of(call(slack, "views.publish", {{"user_id", "UALICE"}, {"view", home}})) ==
              "invalid_blocks");
        const json full_home{{"type", "home"}, {"blocks", sections(100)}};
        CHECK(answer_of(call(slack, "views.publish",
                             {{"user_id", "UALICE"}, {"view", full_home}})) == "ok");
    }

    TEST_CASE("a modal's title is taken up to 24 characters and refused beyond") {
        FakeSlack slack;
        const json blocks = sections(1);
        CHECK(answer_of(call(
                  slack, "views.open",
                  {{"trigger_id", "t"}, {"view", modal(std::string(24, 't'), blocks)}})) == "ok");
        CHECK(answer_of(call(slack, "views.open",
                             {{"trigger_id", "t"},
                              {"view", modal(std::string(25, 't'), blocks)}})) == "invalid_blocks");
    }

    TEST_CASE("a button's value is taken up to 2,000 characters and refused beyond") {
        FakeSlack slack;
        CHECK(answer_of(post(slack, json::array({button_block(std::string(2000, 'v'))}))) == "ok");
        CHECK(answer_of(post(slack, json::array({button_block(std::string(2001, 'v'))}))) ==
              "invalid_blocks");
        json accessory = section("Pick");
        accessory["accessory"] = button_block(std::string(2001, 'v'))["elements"][0];
        CHECK(answer_of(call(
                  slack, "views.open",
                  {{"trigger_id", "t"}, {"view", modal("Report", json::array({accessory}))}})) ==
              "invalid_blocks");
    }
}
