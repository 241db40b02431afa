// File: bot/app/doctor_checks.cpp
// The doctor's checks of what cocbot may do in Slack: the bot token's scopes, the committee's
// channel and who is in it, the people the configuration names, and a throw-away private
// channel taken through what cocbot does to one.
#include "bot/app/channel_members.hpp"
#include "bot/app/doctor.hpp"
#include "bot/slack/json_reader.hpp"
#include "bot/slack/scopes.hpp"

#include <algorithm>
#include <random>

namespace cocbot::app {

namespace {

using Need = slack::JsonReader::Need;
using nlohmann::json;

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string join(const std::vector<std::string>& items, std::string_view between) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : std::string{between}) + item;
    return text;
}

std::string listed(const std::vector<std::string>& items) {
    return join(items, ", ");
}

// "coc-doctor-" and six random hex digits: a name no committee uses, different each run.
std::string throwaway_name() {
    std::random_device seed;
    std::uniform_int_distribution<unsigned> digit{0, 15};
    std::string name = "coc-doctor-";
    for (int i = 0; i < 6; ++i)
        name += "0123456789abcdef"[digit(seed)];
    return name;
}

// Everyone the configuration names, with the setting that names them.
std::vector<std::pair<std::string, std::string>> named_people(const config::CommitteeConfig& c) {
    std::vector<std::pair<std::string, std::string>> named;
    for (const auto& id : c.members)
        named.emplace_back("committee.members", id);
    for (const auto& id : c.hr)
        named.emplace_back("committee.hr", id);
    for (const auto& id : c.leadership)
        named.emplace_back("committee.leadership", id);
    if (!c.chair.empty())
        named.emplace_back("committee.chair", c.chair);
    return named;
}

slack::Query query_of(std::string key, std::string value) {
    slack::Query query;
    query.emplace_back(std::move(key), std::move(value));
    return query;
}

} // namespace

void Doctor::scopes(const std::optional<std::string>& granted) {
    if (!granted) {
        fail("scopes", "Slack did not say which scopes the token has (no x-oauth-scopes header)");
        return;
    }
    const auto missing = slack::missing_scopes(*granted);
    if (missing.empty())
        pass("scopes", "the bot token has every scope cocbot needs");
    else
        fail("scopes", "the bot token lacks " + listed(missing) +
                           ": add them under OAuth & Permissions → Scopes (or use "
                           "deploy/slack-app-manifest*.yaml), then reinstall the app");
}

awaitable<std::string> Doctor::name_of(const std::string& user) {
    const auto answer = co_await api_.get("users.info", query_of("user", user));
    std::optional<std::string> error;
    const slack::JsonReader reader{answer.body, "users.info", error};
    const auto name = answer.ok ? reader.string({"user", "real_name"}, Need::optional) : "";
    co_return name.empty() || error ? user : name + " (" + user + ")";
}

awaitable<void> Doctor::committee_channel() {
    const auto& channel = config_.committee.channel;
    const auto read = co_await channel_members(api_, channel);
    if (!read.error.empty()) {
        fail("committee channel",
             "cocbot cannot list committee.channel " + channel + " (" + read.error +
                 "): check the id, and invite cocbot to the channel (/invite @cocbot)");
        co_return;
    }
    std::vector<std::string> members;
    for (const auto& member : read.members)
        members.push_back(member.value);
    if (!contains(members, bot_user_)) {
        fail("committee channel", "cocbot is not in " + channel + ": invite it (/invite @cocbot)");
        co_return;
    }
    std::vector<std::string> strangers, absent;
    for (const auto& member : members) {
        if (member == bot_user_ || contains(config_.committee.members, member))
            continue;
        auto name = co_await name_of(member);
        strangers.push_back(std::move(name));
    }
    for (const auto& member : config_.committee.members) {
        if (contains(members, member))
            continue;
        auto name = co_await name_of(member);
        absent.push_back(std::move(name));
    }
    std::vector<std::string> problems;
    if (!strangers.empty())
        problems.push_back(listed(strangers) + " in " + channel +
                           " but not on the roster (committee.members), and see every report's "
                           "triage question: remove them, or add them");
    if (!absent.empty())
        problems.push_back(listed(absent) + " on the roster but not in " + channel +
                           ": invite them, or they miss the conflict question");
    if (problems.empty())
        pass("committee channel", "cocbot and the " + std::to_string(members.size() - 1) +
                                      " members of the roster, and nobody else, are in " + channel);
    else
        fail("committee channel", join(problems, "; "));
}

awaitable<void> Doctor::people() {
    const auto named = named_people(config_.committee);
    std::vector<std::string> problems;
    for (const auto& person : named) {
        const std::string& setting = person.first; // no structured binding across a co_await
        const std::string& id = person.second;
        const auto answer = co_await api_.get("users.info", query_of("user", id));
        std::optional<std::string> error;
        const slack::JsonReader reader{answer.body, "users.info", error};
        const bool deleted = answer.ok && reader.boolean({"user", "deleted"});
        if (!answer.ok || error)
            problems.push_back(setting + " names " + id + ", whom Slack does not know (" +
                               (answer.ok ? "unexpected_answer" : answer.error) + ")");
        else if (deleted)
            problems.push_back(setting + " names " + id + ", whose account is deactivated");
    }
    if (problems.empty())
        pass("people", "all " + std::to_string(named.size()) +
                           " people the configuration names exist in Slack");
    else
        fail("people", join(problems, "; ") + ": fix the configuration");
}

awaitable<void> Doctor::private_channels() {
    const auto name = throwaway_name();
    json create{{"name", name}, {"is_private", true}};
    const auto created = co_await api_.call("conversations.create", std::move(create));
    std::optional<std::string> error;
    const slack::JsonReader reader{created.body, "conversations.create", error};
    const auto channel = created.ok ? reader.string({"channel", "id"}, Need::required) : "";
    if (!created.ok || channel.empty()) {
        fail("private channels", "cannot make a private channel (" +
                                     (created.ok ? "unexpected_answer" : created.error) +
                                     "): the app needs groups:write, and the workspace must let "
                                     "apps make channels");
        co_return;
    }
    auto step = co_await let_in_and_out(channel);
    json archive{{"channel", channel}};
    const auto archived = co_await api_.call("conversations.archive", std::move(archive));
    if (!archived.ok && step.empty())
        step = "archive it (" + archived.error + ")";
    if (step.empty())
        pass("private channels", "made #" + name + ", let a member in and out, and archived it");
    else
        fail("private channels",
             "made #" + name + " but could not " + step +
                 (archived.ok ? "" : "; archive #" + name + " by hand") +
                 (step.find("missing_scope") != std::string::npos ? ": the app needs groups:write"
                                                                  : ""));
}

// Lets the first member on the roster into `channel` and takes them out again, as cocbot does
// with every incident's channel; what failed, or "".
awaitable<std::string> Doctor::let_in_and_out(std::string channel) {
    if (config_.committee.members.empty())
        co_return std::string{};
    const auto member = config_.committee.members.front();
    json invite{{"channel", channel}, {"users", member}};
    const auto invited = co_await api_.call("conversations.invite", std::move(invite));
    if (!invited.ok)
        co_return "invite " + member + " (" + invited.error + ")";
    json kick{{"channel", channel}, {"user", member}};
    const auto kicked = co_await api_.call("conversations.kick", std::move(kick));
    if (!kicked.ok)
        co_return "remove " + member + " (" + kicked.error + ")";
    co_return std::string{};
}

} // namespace cocbot::app
