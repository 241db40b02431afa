// File: drill/audience.hpp
// Who saw what: the Web API calls cocbot made, replayed in order into what each person was
// shown, with each channel's members kept as cocbot's invites and kicks changed them.
#pragma once

#include "drill/slack_text.hpp"
#include "sim/fake_slack.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace cocbot::drill {

// One thing people saw in Slack: a message, a form or App Home, an answer to what they did,
// or a change to a channel (which shows no content).
struct Sighting {
    enum class Kind { message, view, channel };
    Kind kind = Kind::message;
    std::set<std::string> audience; // user ids, the bot included where it is in the channel
    std::string where;              // "#coc-committee", "a direct message to Dave", ...
    nlohmann::json content;         // the message or view as cocbot sent it
    std::string note;               // "(updated)", or what changed in a channel
    std::string message;            // "<channel>/<ts>" of a message posted or updated
    std::string channel;            // the channel a message is in (not direct messages)
};

class Audience {
public:
    // `channels`: the members of each channel that exists before the drill starts.
    Audience(std::map<std::string, std::set<std::string>> channels, ChannelNames names);

    // What `call` showed, and to whom; nullopt for what nobody sees (reads, sign-in).
    std::optional<Sighting> sighting(const sim::RecordedCall& call);
    // The answer `user` got at once to an action (the acknowledgement's payload).
    Sighting answer(const std::string& user, const nlohmann::json& payload) const;
    // Everyone who was ever in `channel`: a private channel shows its history to whoever joins.
    std::set<std::string> ever_in(const std::string& channel) const;

private:
    std::optional<Sighting> posted(const sim::RecordedCall& call);
    std::optional<Sighting> changed(const sim::RecordedCall& call);
    std::string channel_label(const std::string& channel) const;

    // A channel cocbot neither made nor was told of (#general, say) is seen by anyone.
    std::set<std::string>& members_of(const std::string& channel);

    std::map<std::string, std::set<std::string>> members_;
    std::map<std::string, std::set<std::string>> ever_;
    ChannelNames names_;
};

// The user a trigger id the drill made belongs to ("trigger-UALICE-7" is Alice's).
std::string trigger_for(const std::string& user, int number);
std::string user_of_trigger(const std::string& trigger);

} // namespace cocbot::drill
