// File: bot/slack/mrkdwn.hpp
// Slack's mrkdwn: the one place that writes its markup. Core's words become mrkdwn here,
// what people typed is escaped, and text is cut where Slack allows no more.
#pragma once

#include "core/ids.hpp"
#include "core/text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::slack {

// Escapes the three characters Slack's mrkdwn treats as control characters.
std::string escape(std::string_view text);

// escape(text), cut at a character boundary so that it fits in `max_bytes` (an ellipsis marks
// the cut). Slack counts characters; bytes are never fewer, so the limit holds.
std::string escape_clipped(std::string_view text, std::size_t max_bytes);

// "<@U123>": Slack shows the person's name.
std::string user_link(const core::UserId& user);

// "<#C123>": Slack shows the channel's name, to those who may see it.
std::string channel_link(const core::ChannelId& channel);

// Core's words: people and channels as above, stressed words in bold, icons as emoji, and every
// plain part escaped (it may hold what Slack or a person wrote, such as an error).
std::string to_mrkdwn(const core::Text& text);

// to_mrkdwn(text), cut as escape_clipped cuts, never inside a mention or stressed words.
std::string clipped(const core::Text& text, std::size_t max_bytes);

// `text` (mrkdwn) in parts of at most `max_bytes`, in order, with nothing left out: cut at a line
// break where one falls in the second half of a part, else at a space, else anywhere but inside
// a UTF-8 character, an escape such as &amp; or a <...> mention. The break's line feed or space
// is dropped; a quoted line (">") cut short stays quoted in the next part. Empty text has no
// parts.
std::vector<std::string> split_mrkdwn(std::string_view text, std::size_t max_bytes);

} // namespace cocbot::slack
