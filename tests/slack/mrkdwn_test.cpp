// File: tests/slack/mrkdwn_test.cpp
// Splitting mrkdwn into sections: within Slack's limit, nothing lost, no escape or mention cut.
#include "bot/slack/mrkdwn.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace cocbot;
using slack::split_mrkdwn;

namespace {

constexpr std::size_t limit = 3000;

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts)
        text += part;
    return text;
}

void check_sizes(const std::vector<std::string>& parts) {
    for (const auto& part : parts) {
        CHECK(part.size() <= limit);
        CHECK_FALSE(part.empty());
    }
}

} // namespace

TEST_SUITE("mrkdwn") {
    TEST_CASE("text of exactly 3000 bytes is one part and none is none") {
        const std::string text(3000, 'a');
        CHECK(split_mrkdwn(text, limit) == std::vector<std::string>{text});
        CHECK(split_mrkdwn("", limit).empty());
        CHECK(split_mrkdwn("short", limit) == std::vector<std::string>{"short"});
    }

    TEST_CASE("text of 3001 bytes is cut at its last space and the space is dropped") {
        const std::string text = std::string(2500, 'a') + " " + std::string(500, 'b');
        REQUIRE(text.size() == 3001);
        const auto parts = split_mrkdwn(text, limit);
        CHECK(parts == std::vector<std::string>{std::string(2500, 'a'), std::string(500, 'b')});
    }

    TEST_CASE("a line break is preferred to a later space") {
        const std::string text =
            std::string(2000, 'x') + "\n" + std::string(700, 'y') + " " + std::string(1000, 'z');
        const auto parts = split_mrkdwn(text, limit);
        REQUIRE(parts.size() == 2);
        CHECK(parts[0] == std::string(2000, 'x'));
        CHECK(parts[1] == std::string(700, 'y') + " " + std::string(1000, 'z'));
    }

    TEST_CASE("a 6000-character word without spaces is cut in two whole halves") {
        const std::string word(6000, 'w');
        const auto parts = split_mrkdwn(word, limit);
        CHECK(parts.size() == 2);
        check_sizes(parts);
        CHECK(joined(parts) == word);
    }

    TEST_CASE("an escape at the boundary is never cut") {
        for (std::size_t before = 2994; before <= 3000; ++before)
            for (const std::string escape : {"&amp;", "&lt;", "&gt;"}) {
                CAPTURE(before);
                CAPTURE(escape);
                const std::string text = std::string(before, 'a') + escape + std::string(100, 'b');
                const auto parts = split_mrkdwn(text, limit);
                check_sizes(parts);
                CHECK(joined(parts) == text);
                for (const auto& part : parts) {
                    const auto amp = part.rfind('&');
                    CHECK((amp == std::string::npos || part.find(';', amp) != std::string::npos));
                }
            }
    }

    TEST_CASE("a mention at the boundary is never cut") {
        for (std::size_t before = 2992; before <= 3000; ++before) {
            CAPTURE(before);
            const std::string text = std::string(before, 'a') + "<@U0123ABC>" + "tail";
            const auto parts = split_mrkdwn(text, limit);
            check_sizes(parts);
            CHECK(joined(parts) == text);
            CHECK(std::any_of(parts.begin(), parts.end(), [](const std::string& part) {
                return part.find("<@U0123ABC>") != std::string::npos;
            }));
        }
    }

    TEST_CASE("a cut never splits a UTF-8 character") {
        std::string text;
        for (int i = 0; i < 2001; ++i)
            text += "é"; // two bytes each
        const auto parts = split_mrkdwn(text, limit);
        check_sizes(parts);
        CHECK(joined(parts) == text);
        for (const auto& part : parts)
            CHECK((static_cast<unsigned char>(part.front()) & 0xC0) != 0x80);
    }

    TEST_CASE("a quoted line cut short stays quoted in the next part") {
        std::string quote = "Noted:\n>";
        while (quote.size() < 4000)
            quote += "said ";
        const auto parts = split_mrkdwn(quote, limit);
        REQUIRE(parts.size() == 2);
        check_sizes(parts);
        CHECK(parts[1].starts_with(">said"));
    }

    TEST_CASE("escaped text of 3000 characters fits in a few parts") {
        const auto escaped = slack::escape(std::string(3000, '&'));
        const auto parts = split_mrkdwn(escaped, limit);
        CHECK(parts.size() == 5);
        check_sizes(parts);
        CHECK(joined(parts) == escaped);
    }
}

TEST_SUITE("mrkdwn from core's words") {
    TEST_CASE("people, channels, stressed words and icons are written as Slack reads them") {
        const core::Text text = core::icon(core::Icon::warning) + " " +
                                core::mention(core::UserId{"UALICE"}) + " pressed " +
                                core::strong("HR done") + " in " +
                                core::channel_ref(core::ChannelId{"G0INCIDENT"});
        CHECK(slack::to_mrkdwn(text) == ":warning: <@UALICE> pressed *HR done* in <#G0INCIDENT>");
    }

    TEST_CASE("plain words are escaped, so an error or a name cannot mention or link") {
        const core::Text text = core::mention(core::UserId{"UALICE"}) +
                                " could not be added (<@UEVE> & <!here> <http://x|y>)";
        CHECK(
            slack::to_mrkdwn(text) ==
            "<@UALICE> could not be added (&lt;@UEVE&gt; &amp; &lt;!here&gt; &lt;http://x|y&gt;)");
    }

    TEST_CASE("a clipped sentence never cuts a mention") {
        const core::Text text = "ab" + core::mention(core::UserId{"U0123ABC"}) + "tail";
        const std::string whole = slack::to_mrkdwn(text);
        CHECK(slack::clipped(text, whole.size()) == whole);
        for (std::size_t max = 3; max < whole.size(); ++max) {
            CAPTURE(max);
            const auto cut = slack::clipped(text, max);
            CHECK(cut.size() <= max);
            const auto open = cut.find('<');
            CHECK((open == std::string::npos || cut.find('>', open) != std::string::npos));
        }
    }
}
