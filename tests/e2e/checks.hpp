// File: tests/e2e/checks.hpp
// Reading what cocbot did to the fake Slack: the reference it gave, the messages and motions it
// posted, and the checks that nothing about a report reached anyone it must not.
#pragma once

#include "sim/fake_slack.hpp"
#include "sim/http_client.hpp"
#include "tests/e2e/bot.hpp"

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cocbot::testing {

using namespace cocbot::sim; // the simulated workspace is the tests' Slack

// The incident reference shown in the report modal's confirmation.
std::string reference_from(const HttpResponse& response);

// Waits (bounded) for the private channel of incident `reference` and returns its id.
std::string incident_channel(const FakeSlack& slack, const std::string& reference);

// Waits (bounded) until `channel` holds `count` messages in the fake's state.
bool wait_messages(const FakeSlack& slack, const std::string& channel, std::size_t count,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10));

// How many messages in `channel` hold `words` in their text.
std::size_t count_containing(const FakeSlack& slack, const std::string& channel,
                             const std::string& words);

// Whether a message in `channel` (a user id: their direct messages) shows `words`, in its text
// or its blocks, as it reads now.
bool shows(const FakeSlack& slack, const std::string& channel, const std::string& words);

// A person with Slack rights adds `user` to `channel` by hand, outside cocbot.
void invite_by_hand(const FakeSlack& slack, const std::string& channel, const std::string& user);

// The ts of motion `number`'s message in `channel`, found by its ballot buttons (so while it is
// open); read its live tally afterwards with FakeSlack::message(channel, ts).
std::optional<std::string> motion_ts(const FakeSlack& slack, const std::string& channel,
                                     const std::string& reference, int number);

// The bot's direct-message conversation with `user`, as the fake Slack names it.
std::string direct_channel(const std::string& user);

// The newest message in `channel` with a button `action_id` (in an actions block or as a
// section's accessory): the button's value and the message's ts.
struct Button {
    std::string value;
    std::string ts;
};
std::optional<Button> button_on(const FakeSlack& slack, const std::string& channel,
                                const std::string& action_id);

// Whether a message's blocks (dumped) still offer ballot buttons, i.e. its motion is open.
bool has_ballot_buttons(const std::string& blocks);

// CHECKs that no Web API call shows any of `secrets` outside `incident_channel`: only messages
// posted or updated there may hold them; ephemerals, direct messages, views and every other
// channel may not.
void check_nothing_leaked(const FakeSlack& slack, const std::string& incident_channel,
                          const std::vector<std::string>& secrets);
// The same for an incident that has had several channels (a re-opened one gets a new channel).
void check_nothing_leaked(const FakeSlack& slack, const std::set<std::string>& incident_channels,
                          const std::vector<std::string>& secrets);

// Which of `words` any file in the folder of `path` holds (the database, its -wal and -shm, the
// key file, the log: every file cocbot wrote), in UTF-8 or UTF-16, ignoring ASCII case.
std::vector<std::string> words_in_files_beside(const std::string& path,
                                               const std::vector<std::string>& words);

// After a step of an incident: `channel`'s members settle to exactly `expected`, and no secret
// has left the incident's channels, in any Web API call or in the bot's log.
void check_confidential(const FakeSlack& slack, const Bot& bot, const std::string& channel,
                        const std::set<std::string>& expected,
                        const std::set<std::string>& incident_channels,
                        const std::vector<std::string>& secrets);

// "U1,U2": people, for failure messages.
std::string listed(const std::set<std::string>& people);

} // namespace cocbot::testing
