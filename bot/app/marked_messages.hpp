// File: bot/app/marked_messages.hpp
// Slack has no idempotency keys, so every message cocbot posts carries its effect's key in
// Slack's message metadata; a retry looks the key up in the channel's recent history first.
#pragma once

#include "bot/slack/api.hpp"
#include "core/messages.hpp"
#include "core/time.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cocbot::app {

// Each message an effect posts is marked with a key: the effect's outbox id, and for an effect
// that posts several messages, "<id>-<index>".
std::string effect_key(std::int64_t effect_id);
std::string effect_key(std::int64_t effect_id, std::size_t index);

// chat.postMessage's arguments for `message` in `channel`, marked with `key`.
nlohmann::json marked_post_args(const std::string& channel, const core::Message& message,
                                const std::string& key);

// The ts of every message marked by cocbot in a channel, by key.
using MarkedMessages = std::map<std::string, std::string>;

// Every marked message in `channel` posted after `since`, following Slack's pagination (which
// may return fewer messages than asked for) for at most `max_pages` pages. Nullopt when any
// page fails or is not shaped as Slack documents it: then the caller must not post blind.
awaitable<std::optional<MarkedMessages>> marked_since(slack::Api& api, const std::string& channel,
                                                      core::Time since, int max_pages = 20);

// One page of conversations.history: adds its marked messages to `found` and returns the next
// cursor ("" on the last page); nullopt when the page is not shaped as documented.
std::optional<std::string> read_history_page(const nlohmann::json& page, MarkedMessages& found);

} // namespace cocbot::app
