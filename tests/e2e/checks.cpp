// File: tests/e2e/checks.cpp
#include "tests/e2e/checks.hpp"

#include "sim/eventually.hpp"
#include "tests/support/process.hpp"

#include <doctest/doctest.h>
#include <filesystem>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

using nlohmann::json;
namespace http = boost::beast::http;

std::string reference_from(const HttpResponse& response) {
    const auto body = json::parse(response.body, nullptr, false);
    REQUIRE(body.is_object());
    const auto text = body["view"]["blocks"][0]["text"]["text"].get<std::string>();
    const auto at = text.find("report ");
    REQUIRE(at != std::string::npos);
    return text.substr(at + 7, text.find(' ', at + 7) - at - 7);
}

std::string incident_channel(const FakeSlack& slack, const std::string& reference) {
    REQUIRE(eventually([&] { return slack.channel_id("coc-" + reference).has_value(); }));
    return *slack.channel_id("coc-" + reference);
}

bool wait_messages(const FakeSlack& slack, const std::string& channel, std::size_t count,
                   std::chrono::milliseconds timeout) {
    return eventually([&] { return slack.messages(channel).size() == count; }, timeout);
}

bool shows(const FakeSlack& slack, const std::string& channel, const std::string& words) {
    return slack.shows(channel, words);
}

std::size_t count_containing(const FakeSlack& slack, const std::string& channel,
                             const std::string& words) {
    std::size_t n = 0;
    for (const auto& m : slack.messages(channel))
        n += m.text.find(words) != std::string::npos;
    return n;
}

void invite_by_hand(const FakeSlack& slack, const std::string& channel, const std::string& user) {
    const json body{{"channel", channel}, {"users", user}};
    const auto response = http_request(
        slack.port(), http::verb::post, "/api/conversations.invite", body.dump(),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer xoxp-a-human"}});
    REQUIRE(json::parse(response.body)["ok"] == true);
}

std::optional<std::string> motion_ts(const FakeSlack& slack, const std::string& channel,
                                     const std::string& reference, int number) {
    const json value = reference + "/" + std::to_string(number);
    for (const auto& m : slack.messages(channel))
        for (const auto& block : m.blocks.is_array() ? m.blocks : json::array())
            for (const auto& element : block.value("elements", json::array()))
                if (element.value("action_id", "") == "ballot_yes" &&
                    element.value("value", json{}) == value)
                    return m.ts;
    return std::nullopt;
}

std::string direct_channel(const std::string& user) {
    return "D" + user;
}

namespace {

std::optional<std::string> button_value(const json& block, const std::string& action_id) {
    std::vector<json> buttons;
    if (block.contains("elements") && block["elements"].is_array())
        buttons.insert(buttons.end(), block["elements"].begin(), block["elements"].end());
    if (block.contains("accessory"))
        buttons.push_back(block["accessory"]);
    for (const auto& button : buttons)
        if (button.is_object() && button.value("action_id", "") == action_id)
            return button.value("value", "");
    return std::nullopt;
}

} // namespace

std::optional<Button> button_on(const FakeSlack& slack, const std::string& channel,
                                const std::string& action_id) {
    const auto messages = slack.messages(channel);
    for (auto m = messages.rbegin(); m != messages.rend(); ++m)
        for (const auto& block : m->blocks)
            if (auto value = button_value(block, action_id))
                return Button{*value, m->ts};
    return std::nullopt;
}

bool has_ballot_buttons(const std::string& blocks) {
    return blocks.find("ballot_yes") != std::string::npos ||
           blocks.find("ballot_no") != std::string::npos;
}

void check_nothing_leaked(const FakeSlack& slack, const std::string& incident_channel,
                          const std::vector<std::string>& secrets) {
    check_nothing_leaked(slack, std::set<std::string>{incident_channel}, secrets);
}

void check_nothing_leaked(const FakeSlack& slack, const std::set<std::string>& incident_channels,
                          const std::vector<std::string>& secrets) {
    for (const auto& call : slack.calls()) {
        const auto channel = call.args.value("channel", "");
        if ((call.method == "chat.postMessage" || call.method == "chat.update") &&
            incident_channels.contains(channel))
            continue;
        // The details behind a content warning, shown to one who is in the incident channel.
        if (call.method == "chat.postEphemeral" && incident_channels.contains(channel) &&
            slack.members(channel).contains(call.args.value("user", "")))
            continue;
        const auto shown = call.args.dump();
        for (const auto& secret : secrets)
            if (shown.find(secret) != std::string::npos)
                FAIL_CHECK(call.method << " to \"" << channel << "\" shows \"" << secret << "\"");
    }
}

void check_confidential(const FakeSlack& slack, const Bot& bot, const std::string& channel,
                        const std::set<std::string>& expected,
                        const std::set<std::string>& incident_channels,
                        const std::vector<std::string>& secrets) {
    const bool settled = eventually([&] { return slack.members(channel) == expected; });
    CHECK_MESSAGE(settled, "members: " << listed(slack.members(channel)) << "; expected "
                                       << listed(expected));
    check_nothing_leaked(slack, incident_channels, secrets);
    const auto log = bot.log();
    for (const auto& secret : secrets)
        if (log.find(secret) != std::string::npos)
            FAIL_CHECK("the log shows \"" << secret << "\"");
}

std::string listed(const std::set<std::string>& people) {
    std::string text;
    for (const auto& p : people)
        text += (text.empty() ? "" : ",") + p;
    return text;
}

namespace {

std::string lowered(std::string text) {
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// `word` as UTF-16 (little-endian first): ASCII interleaved with zero bytes.
std::string utf16(const std::string& word, bool little_endian) {
    std::string out;
    for (const char c : word) {
        out += little_endian ? c : '\0';
        out += little_endian ? '\0' : c;
    }
    return out;
}

} // namespace

std::vector<std::string> words_in_files_beside(const std::string& path,
                                               const std::vector<std::string>& words) {
    std::string all;
    for (const auto& entry :
         std::filesystem::directory_iterator{std::filesystem::path{path}.parent_path()})
        if (entry.is_regular_file())
            all += lowered(read_file(entry.path().string()));
    std::vector<std::string> found;
    for (const auto& word : words) {
        const auto w = lowered(word);
        if (all.find(w) != std::string::npos || all.find(utf16(w, true)) != std::string::npos ||
            all.find(utf16(w, false)) != std::string::npos)
            found.push_back(word);
    }
    return found;
}

} // namespace cocbot::testing
