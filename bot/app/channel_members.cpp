// File: bot/app/channel_members.cpp
#include "bot/app/channel_members.hpp"

#include "bot/slack/json_reader.hpp"

#include <optional>
#include <utility>

namespace cocbot::app {

namespace {

using Need = slack::JsonReader::Need;

slack::Query members_query(const std::string& channel, const std::string& cursor) {
    slack::Query query{{"channel", channel}, {"limit", "500"}};
    if (!cursor.empty())
        query.emplace_back("cursor", cursor);
    return query;
}

// One page of conversations.members into `members`; the next cursor, or nullopt when the page
// is not shaped as Slack documents it.
std::optional<std::string> read_members_page(const nlohmann::json& page,
                                             std::vector<core::UserId>& members) {
    std::optional<std::string> error;
    const slack::JsonReader reader{page, "conversations.members", error};
    const auto ids = reader.strings({"members"}, Need::required);
    auto cursor = reader.string({"response_metadata", "next_cursor"}, Need::optional);
    if (error)
        return std::nullopt;
    for (const auto& id : ids)
        members.push_back(core::UserId{id});
    return cursor;
}

} // namespace

awaitable<ChannelMembers> channel_members(slack::Api& api, std::string channel) {
    ChannelMembers read;
    std::string cursor;
    for (int page = 0; page < 20; ++page) { // bounded: 20 pages of 500 members
        const auto listed =
            co_await api.get("conversations.members", members_query(channel, cursor));
        const auto next = listed.ok ? read_members_page(listed.body, read.members) : std::nullopt;
        if (!next) {
            read.error = listed.ok ? "unexpected_answer" : listed.error;
            co_return read;
        }
        if (next->empty())
            co_return read;
        cursor = *next;
    }
    read.error = "too_many_pages";
    co_return read;
}

} // namespace cocbot::app
