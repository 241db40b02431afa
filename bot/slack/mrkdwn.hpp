// File: bot/slack/mrkdwn.hpp
// Slack's mrkdwn: escaping what people typed, and cutting text where Slack allows no more.
#pragma once

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

// Whether "<@U…>" and "<#C…>" in a text stay mentions (core's own words) or are escaped.
enum class Mentions { escape, keep };

// As escape_clipped, but with `mentions` kept whole (never cut) when they are kept.
std::string clipped(std::string_view text, std::size_t max_bytes, Mentions mentions);

// `text` (mrkdwn) in parts of at most `max_bytes`, in order, with nothing left out: cut at a line
// break where one falls in the second half of a part, else at a space, else anywhere but inside
// a UTF-8 character, an escape such as &amp; or a <...> mention. The break's line feed or space
// is dropped; a quoted line (">") cut short stays quoted in the next part. Empty text has no
// parts.
std::vector<std::string> split_mrkdwn(std::string_view text, std::size_t max_bytes);

} // namespace cocbot::slack
