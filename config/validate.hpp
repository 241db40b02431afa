// File: config/validate.hpp
// The checks behind each configuration value, independent of keys and sources.
#pragma once

#include "config/config.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The checks behind each configuration value. They know nothing of keys, files or the
// environment: load.hpp prefixes each Problem with the key ("http.listen: ...") and says where
// the value came from. Echoed values are quoted with control characters masked.
namespace cocbot::config {

// What is wrong with a value, without the key: "'x' is not host:port (...)"; empty when valid.
using Problem = std::optional<std::string>;

// "host:port" or "[IPv6]:port" with an IPv4 address, RFC 1123 host name or IPv6 host.
Problem parse_listen(std::string_view text, Endpoint& endpoint);

// An https:// base URL (http:// only for a loopback host), stored ending with '/'.
Problem parse_api_url(std::string_view text, std::string& url);

// Any non-empty path: the storage layer opens it as given.
Problem check_storage_path(std::string_view text);

// A conversation id (C or G then capitals and digits); empty is left to the "required" check.
Problem check_channel_id(std::string_view text);

// A user id: U or W then capitals and digits.
Problem check_user_id(std::string_view text);

// A whole number of connections, 1 to max_connection_limit.
inline constexpr std::size_t max_connection_limit = 1'000'000;
Problem parse_connection_limit(std::string_view text, std::size_t& limit);

// A whole number of attempts at one Slack effect, 1 to max_attempt_limit.
inline constexpr int max_attempt_limit = 100;
Problem parse_attempts(std::string_view text, int& attempts);
// `http` or `socket`.
Problem parse_slack_mode(std::string_view text, SlackMode& mode);

// `true` or `false`.
Problem parse_switch(std::string_view text, bool& value);

// parse_duration's syntax, with the message a deadline setting reports.
Problem parse_deadline(std::string_view text, Duration& duration);
// As parse_deadline, and zero too ("0d": at once).
Problem parse_period(std::string_view text, Duration& duration);

// A transparency category: a select option's text, 1 to 75 characters.
Problem check_category(std::string_view text);
// The smallest category count the transparency report describes: a whole number, 1 to 1000.
Problem parse_min_count(std::string_view text, int& count);

// "UTC" or an IANA name whose TZif file is in /usr/share/zoneinfo.
Problem check_timezone(std::string_view text);

} // namespace cocbot::config
