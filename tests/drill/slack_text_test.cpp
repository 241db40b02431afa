// File: tests/drill/slack_text_test.cpp
// The drill prints what a person reads: mentions as names, Slack's escapes undone, a message's
// blocks (buttons as labels), a form's title and the labels of what it asks.
#include "drill/slack_text.hpp"

#include <doctest/doctest.h>

using namespace cocbot::drill;
using nlohmann::json;

namespace {

std::optional<std::string> names(std::string_view id) {
    if (id == "C1")
        return "coc-2026-001";
    return std::nullopt;
}

} // namespace

TEST_SUITE("drill: what a person reads") {
    TEST_CASE("mentions read as names, links as their labels, and Slack's escapes are undone") {
        CHECK(readable("<@UALICE> asked <#C1> &amp; <@UNOBODY>", names) ==
              "@Alice asked #coc-2026-001 & @UNOBODY");
        CHECK(readable("<#C9|elsewhere> &lt;b&gt; <https://example.org|the form> <!here>", names) ==
              "#elsewhere <b> the form @here");
    }

    TEST_CASE("a message reads as its blocks: sections, fields, contexts and buttons") {
        const json message{
            {"text", "the fallback"},
            {"blocks",
             {{{"type", "section"},
               {"text", {{"type", "mrkdwn"}, {"text", "*Motion 1*\nby <@UBOB>"}}},
               {"fields", {{{"type", "mrkdwn"}, {"text", "a field"}}}}},
              {{"type", "context"}, {"elements", {{{"type", "mrkdwn"}, {"text", "2 of 3"}}}}},
              {{"type", "actions"},
               {"elements",
                {{{"type", "button"}, {"text", {{"type", "plain_text"}, {"text", "Yes"}}}},
                 {{"type", "users_select"},
                  {"placeholder", {{"type", "plain_text"}, {"text", "Owner"}}}}}}}}}};
        CHECK(message_lines(message, names) == std::vector<std::string>{"*Motion 1*", "by @Bob",
                                                                        "a field", "2 of 3",
                                                                        "[Yes]  [Owner ▾]"});
    }

    TEST_CASE("a message without blocks reads as its text, line by line") {
        CHECK(message_lines({{"text", "one\n\ntwo"}}, names) ==
              std::vector<std::string>{"one", "two"});
    }

    TEST_CASE("a form reads as its title, then what it says and asks") {
        const json view{
            {"title", {{"type", "plain_text"}, {"text", "Resolve incident"}}},
            {"blocks",
             {{{"type", "section"},
               {"text", {{"type", "mrkdwn"}, {"text", "Resolving closes it."}}}},
              {{"type", "input"}, {"label", {{"type", "plain_text"}, {"text", "How?"}}}}}}};
        CHECK(view_lines(view, names) == std::vector<std::string>{"« Resolve incident »",
                                                                  "Resolving closes it.",
                                                                  "How?: ____"});
        CHECK(view_lines(json::array(), names).empty());
    }
}
