// File: bot/slack/base_url.hpp
// Where the Web API lives, parsed once from configuration: the token goes in clear text only
// to a loopback host.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cocbot::slack {

// `host` is the name to resolve and verify (IPv6 without brackets); `path` always ends with '/'.
struct BaseUrl {
    bool tls = true;
    std::string host;
    std::string port;
    std::string path;
};

// https:// for any host; http:// only for loopback hosts (127.0.0.0/8, localhost, [::1]).
std::optional<BaseUrl> parse_base_url(std::string_view url);

// Where a Socket Mode connection goes, from apps.connections.open: `target` is the path with
// its query (the ticket), `host_header` the Host the handshake sends.
struct SocketUrl {
    bool tls = true;
    std::string host;
    std::string port;
    std::string target;
    std::string host_header;
};

// wss:// for any host; ws:// only for loopback hosts. No user info or fragment.
std::optional<SocketUrl> parse_socket_url(std::string_view url);

} // namespace cocbot::slack
