// File: bot/app/marked_messages.cpp
#include "bot/app/marked_messages.hpp"

#include "bot/slack/json_reader.hpp"
#include "bot/slack/messages.hpp"

namespace cocbot::app {

using nlohmann::json;
using Need = slack::JsonReader::Need;

namespace {

constexpr std::string_view metadata_event_type = "cocbot_effect";

// Slack's clock and ours may differ a little: look a minute further back than needed.
constexpr core::Duration clock_margin{60};

std::vector<std::pair<std::string, std::string>>
history_query(const std::string& channel, core::Time since, const std::string& cursor) {
    const auto oldest = (since - clock_margin).time_since_epoch().count();
    std::vector<std::pair<std::string, std::string>> query{{"channel", channel},
                                                           {"include_all_metadata", "true"},
                                                           {"limit", "200"},
                                                           {"oldest", std::to_string(oldest)}};
    if (!cursor.empty())
        query.emplace_back("cursor", cursor);
    return query;
}

// A marked message's key; messages posted before keys were strings carry the id as a number.
std::optional<std::string> key_of(const slack::JsonReader& message) {
    if (message.lenient_string({"metadata", "event_type"}) != metadata_event_type)
        return std::nullopt;
    const json* key = message.find({"metadata", "event_payload", "effect_id"});
    if (key == nullptr)
        return std::nullopt;
    if (key->is_string())
        return key->get_ref<const std::string&>();
    if (key->is_number_integer())
        return std::to_string(
            message.integer({"metadata", "event_payload", "effect_id"}, Need::required));
    return std::nullopt;
}

} // namespace

std::string effect_key(std::int64_t effect_id) {
    return std::to_string(effect_id);
}

std::string effect_key(std::int64_t effect_id, std::size_t index) {
    return effect_key(effect_id) + "-" + std::to_string(index);
}

json marked_post_args(const std::string& channel, const core::Message& message,
                      const std::string& key) {
    const auto rendered = slack::render(message);
    return {{"channel", channel},
            {"text", rendered.text},
            {"blocks", rendered.blocks},
            {"metadata",
             {{"event_type", metadata_event_type}, {"event_payload", {{"effect_id", key}}}}}};
}

std::optional<std::string> read_history_page(const json& page, MarkedMessages& found) {
    std::optional<std::string> error;
    const slack::JsonReader reader{page, "conversations.history", error};
    const bool ok = reader.boolean({"ok"});
    const json* messages = reader.array({"messages"}, Need::required);
    const std::string cursor = reader.string({"response_metadata", "next_cursor"}, Need::optional);
    if (!ok || error || messages == nullptr)
        return std::nullopt;
    for (const json& message : *messages) {
        if (!message.is_object())
            return std::nullopt;
        const auto one = reader.child(message, "message");
        const auto key = key_of(one);
        const auto ts = one.string({"ts"}, Need::required);
        if (error)
            return std::nullopt;
        if (key)
            found.emplace(*key, ts);
    }
    return cursor;
}

awaitable<std::optional<MarkedMessages>> marked_since(slack::Api& api, const std::string& channel,
                                                      core::Time since, int max_pages) {
    MarkedMessages found;
    std::string cursor;
    for (int page = 0; page < max_pages; ++page) {
        const auto listed =
            co_await api.get("conversations.history", history_query(channel, since, cursor));
        if (!listed.ok)
            co_return std::nullopt;
        const auto next = read_history_page(listed.body, found);
        if (!next)
            co_return std::nullopt;
        if (next->empty())
            co_return found;
        cursor = *next;
    }
    // More than max_pages of messages since the first attempt: we cannot tell, so do not post.
    co_return std::nullopt;
}

} // namespace cocbot::app
