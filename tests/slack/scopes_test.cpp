// File: tests/slack/scopes_test.cpp
// The scopes cocbot needs are the ones its app manifests grant, and a token's header is read
// for the ones it lacks.
#include "bot/slack/scopes.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>

namespace {

// The bot scopes an app manifest lists under oauth_config.scopes.bot.
std::set<std::string> manifest_scopes(const std::string& file) {
    std::ifstream in{std::string{COCBOT_SOURCE_DIR} + "/deploy/" + file};
    REQUIRE(in.good());
    std::set<std::string> scopes;
    std::string line;
    bool in_bot = false;
    while (std::getline(in, line)) {
        if (line == "    bot:") {
            in_bot = true;
        } else if (in_bot && line.starts_with("      - ")) {
            std::istringstream words{line.substr(8)};
            std::string scope;
            words >> scope;
            scopes.insert(scope);
        } else if (in_bot) {
            break;
        }
    }
    return scopes;
}

} // namespace

TEST_SUITE("slack: scopes") {
    TEST_CASE("both app manifests grant exactly the scopes cocbot needs") {
        const auto& needed = cocbot::slack::bot_scopes();
        const std::set<std::string> wanted(needed.begin(), needed.end());
        CHECK(manifest_scopes("slack-app-manifest.yaml") == wanted);
        CHECK(manifest_scopes("slack-app-manifest.socket.yaml") == wanted);
    }

    TEST_CASE("the scopes a token lacks are read from Slack's comma-separated header") {
        using cocbot::slack::missing_scopes;
        CHECK(missing_scopes("commands,chat:write,im:write,groups:write,groups:read,"
                             "groups:history,channels:history,im:history,users:read")
                  .empty());
        CHECK(missing_scopes("commands, chat:write ,im:write,groups:write,groups:read,"
                             "groups:history,channels:history,im:history,users:read,extra")
                  .empty());
        CHECK(missing_scopes("chat:write,users:read") ==
              std::vector<std::string>{"commands", "im:write", "groups:write", "groups:read",
                                       "groups:history", "channels:history", "im:history"});
        CHECK(missing_scopes("").size() == cocbot::slack::bot_scopes().size());
        CHECK(missing_scopes("chat:writer,users").size() == cocbot::slack::bot_scopes().size());
    }
}
