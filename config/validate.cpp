// File: config/validate.cpp
// The checks behind each configuration value, with messages that say what is wrong.
#include "config/validate.hpp"

#include "config/duration.hpp"
#include "core/trim.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <string>
#include <system_error>
#include <vector>

namespace cocbot::config {
namespace {

constexpr std::string_view zoneinfo_dir = "/usr/share/zoneinfo/";

// ---- text ------------------------------------------------------------------------------------

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_alnum(char c) {
    return is_digit(c) || is_upper(c) || is_lower(c);
}

// ASCII-only, as host names are.
bool iequals(std::string_view a, std::string_view b) {
    const auto upper = [](char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; };
    return std::ranges::equal(a, b, {}, upper, upper);
}

// Splits at sep, keeping empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> pieces;
    for (auto at = text.find(sep); at != std::string_view::npos; at = text.find(sep)) {
        pieces.push_back(text.substr(0, at));
        text.remove_prefix(at + 1);
    }
    pieces.push_back(text);
    return pieces;
}

// A value echoed in a message, with control characters masked so it cannot forge log lines.
std::string quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text)
        out += (c >= 0 && c < ' ') || c == '\x7f' ? '?' : c;
    return out + "'";
}

// ---- hosts and ports -------------------------------------------------------------------------

std::optional<in_addr> ipv4(std::string_view host) {
    in_addr address{};
    if (inet_pton(AF_INET, std::string(host).c_str(), &address) != 1)
        return std::nullopt;
    return address;
}

std::optional<in6_addr> ipv6(std::string_view host) {
    in6_addr address{};
    if (inet_pton(AF_INET6, std::string(host).c_str(), &address) != 1)
        return std::nullopt;
    return address;
}

bool is_dns_label(std::string_view label) {
    return !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
           std::ranges::all_of(label, [](char c) { return is_alnum(c) || c == '-'; });
}

// RFC 1123 host name. An all-digit last label is a mistyped IPv4 address, not a name.
bool is_host_name(std::string_view name) {
    if (name.empty() || name.size() > 253)
        return false;
    const auto labels = split(name, '.');
    return std::ranges::all_of(labels, is_dns_label) &&
           !std::ranges::all_of(labels.back(), is_digit);
}

struct HostPort {
    std::string_view host;  // without brackets
    bool bracketed = false; // written as [IPv6]
    std::optional<std::string_view> port;
};

// "host", "host:port", "[v6]" or "[v6]:port"; the parts are checked separately.
std::optional<HostPort> split_host_port(std::string_view text) {
    HostPort parts;
    std::string_view rest;
    if (text.starts_with('[')) {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        parts.host = text.substr(1, close - 1);
        parts.bracketed = true;
        rest = text.substr(close + 1);
    } else {
        const auto colon = text.find(':');
        parts.host = text.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view{} : text.substr(colon);
    }
    if (!rest.empty()) {
        if (rest.front() != ':')
            return std::nullopt;
        parts.port = rest.substr(1);
    }
    return parts;
}

Problem check_host(const HostPort& parts) {
    if (parts.bracketed)
        return ipv6(parts.host) ? Problem{} : quoted(parts.host) + " is not an IPv6 address";
    if (parts.host.empty())
        return "the host is missing";
    if (ipv4(parts.host) || is_host_name(parts.host))
        return std::nullopt;
    return quoted(parts.host) + " is not an IPv4 address or host name";
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

std::string bad_port(std::string_view port) {
    return quoted(port) + " is not a port number (1 to 65535)";
}

bool is_loopback(const HostPort& parts) {
    if (parts.bracketed) {
        const auto address = ipv6(parts.host);
        return address && std::ranges::equal(address->s6_addr, in6addr_loopback.s6_addr);
    }
    if (const auto address = ipv4(parts.host))
        return ntohl(address->s_addr) >> 24 == 127; // 127.0.0.0/8
    return iequals(parts.host, "localhost");
}

// ---- Slack ids and time zones ----------------------------------------------------------------

// Slack ids: a type letter, then capitals and digits ("C0123456789", "U061F7AUR").
bool is_slack_id(std::string_view text, std::string_view type_letters) {
    return text.size() >= 2 && type_letters.find(text.front()) != std::string_view::npos &&
           std::ranges::all_of(text.substr(1), [](char c) { return is_upper(c) || is_digit(c); });
}

// Plain path segments only, so that a name can never leave the zoneinfo directory.
bool is_zone_name(std::string_view name) {
    const auto is_segment = [](std::string_view segment) {
        return !segment.empty() && segment != "." && segment != ".." &&
               std::ranges::all_of(segment, [](char c) {
                   return is_alnum(c) || c == '_' || c == '-' || c == '+' || c == '.';
               });
    };
    return std::ranges::all_of(split(name, '/'), is_segment);
}

// zoneinfo also holds directories and tables (zone.tab); a zone is a TZif file.
bool is_zone_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::array<char, 4> magic{};
    return file.read(magic.data(), magic.size()) &&
           std::string_view(magic.data(), magic.size()) == "TZif";
}

} // namespace

Problem parse_listen(std::string_view text, Endpoint& endpoint) {
    if (!text.starts_with('[') && std::ranges::count(text, ':') > 1)
        return quoted(text) + " is ambiguous: write an IPv6 address in brackets, e.g. [::1]:3000";
    const auto parts = split_host_port(text);
    if (!parts || !parts->port)
        return quoted(text) + " is not host:port (e.g. 127.0.0.1:3000 or [::1]:3000)";
    if (auto problem = check_host(*parts))
        return problem;
    const auto port = parse_port(*parts->port);
    if (!port)
        return bad_port(*parts->port);
    endpoint = Endpoint{std::string(parts->host), *port};
    return std::nullopt;
}

Problem parse_api_url(std::string_view text, std::string& url) {
    constexpr std::string_view https = "https://";
    constexpr std::string_view http = "http://";
    const bool secure = text.starts_with(https);
    if (!secure && !text.starts_with(http))
        return quoted(text) + " must start with https://";
    if (!std::ranges::all_of(text, [](char c) { return c > ' ' && c < '\x7f'; }))
        return "the URL must not contain spaces or control characters";
    if (text.find_first_of("?#") != std::string_view::npos)
        return quoted(text) + " must not have a query or fragment";
    const auto rest = text.substr(secure ? https.size() : http.size());
    const auto authority = rest.substr(0, rest.find('/'));
    if (authority.find('@') != std::string_view::npos)
        return "the URL must not contain a user name or password";
    const auto parts = split_host_port(authority);
    if (!parts)
        return quoted(text) + " is not a URL (e.g. https://slack.com/api/)";
    if (auto problem = check_host(*parts))
        return problem;
    if (parts->port && !parse_port(*parts->port))
        return bad_port(*parts->port);
    // Tokens travel in every request: cleartext only where it cannot leave the machine.
    if (!secure && !is_loopback(*parts))
        return quoted(text) + " must use https:// (plain http:// is only for a loopback host: " +
               "127.0.0.1, localhost or [::1])";
    url = text;
    if (!url.ends_with('/'))
        url += '/';
    return std::nullopt;
}

Problem check_storage_path(std::string_view text) {
    if (text.empty())
        return "must not be empty (e.g. cocbot.db)";
    return std::nullopt;
}

Problem check_channel_id(std::string_view text) {
    // Empty is left to the "required" check, which explains where to set it.
    if (!text.empty() && !is_slack_id(text, "CG"))
        return quoted(text) + " is not a Slack conversation id (C or G then capitals and digits, " +
               "e.g. C0123456789: see the channel's details, not its name)";
    return std::nullopt;
}

Problem check_user_id(std::string_view text) {
    if (is_slack_id(text, "UW"))
        return std::nullopt;
    return quoted(text) + " is not a Slack user id (U or W then capitals and digits, " +
           "e.g. U0123456789: see the member's profile, not their name)";
}

Problem parse_connection_limit(std::string_view text, std::size_t& limit) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value == 0 ||
        value > max_connection_limit)
        return quoted(text) + " is not a number of connections (a whole number from 1 to " +
               std::to_string(max_connection_limit) + ", e.g. 256)";
    limit = value;
    return std::nullopt;
}

Problem parse_slack_mode(std::string_view text, SlackMode& mode) {
    if (text != "http" && text != "socket")
        return quoted(text) + " is not http or socket (socket: cocbot opens a WebSocket to Slack "
                              "and needs no public address; http: Slack POSTs to cocbot)";
    mode = text == "http" ? SlackMode::http : SlackMode::socket;
    return std::nullopt;
}

Problem parse_switch(std::string_view text, bool& value) {
    if (text != "true" && text != "false")
        return quoted(text) + " is not true or false";
    value = text == "true";
    return std::nullopt;
}

Problem parse_attempts(std::string_view text, int& attempts) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 1 ||
        value > max_attempt_limit)
        return quoted(text) + " is not a number of attempts (a whole number from 1 to " +
               std::to_string(max_attempt_limit) + ", e.g. 8)";
    attempts = value;
    return std::nullopt;
}

Problem check_category(std::string_view text) {
    // Slack shows an option's text in at most 75 characters, and its value in at most 150.
    constexpr std::size_t option_text_limit = 75;
    if (core::trim(text).empty() || text.size() > option_text_limit)
        return quoted(text) + " is not a category (1 to 75 characters, e.g. \"Harassment\")";
    return std::nullopt;
}

Problem parse_min_count(std::string_view text, int& count) {
    constexpr int most = 1000;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 1 || value > most)
        return quoted(text) + " is not a smallest count (a whole number from 1 to 1000; 1 " +
               "describes every incident)";
    count = value;
    return std::nullopt;
}

Problem parse_deadline(std::string_view text, Duration& duration) {
    const auto parsed = parse_duration(text);
    if (!parsed)
        return quoted(text) + " is not a duration (use s, m, h or d, e.g. 24h)";
    duration = *parsed;
    return std::nullopt;
}

Problem parse_period(std::string_view text, Duration& duration) {
    if (text.size() >= 2 && text.find_first_not_of('0') == text.size() - 1 &&
        std::string_view{"smhd"}.find(text.back()) != std::string_view::npos) {
        duration = Duration{0};
        return std::nullopt;
    }
    return parse_deadline(text, duration);
}

Problem check_timezone(std::string_view text) {
    if (text == "UTC")
        return std::nullopt;
    if (!is_zone_name(text))
        return quoted(text) + " is not a time zone name (e.g. UTC or Europe/Berlin)";
    if (!is_zone_file(std::string(zoneinfo_dir) + std::string(text)))
        return quoted(text) + " is not a time zone in " + std::string(zoneinfo_dir) +
               " (e.g. UTC or Europe/Berlin; is tzdata installed?)";
    return std::nullopt;
}

} // namespace cocbot::config
