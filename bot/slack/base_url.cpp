// File: bot/slack/base_url.cpp
// Boost.URL parses; this decides which URLs cocbot will send its token to.
#include "bot/slack/base_url.hpp"

#include <boost/url/grammar/ci_string.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

namespace cocbot::slack {
namespace {

namespace urls = boost::urls;

bool is_loopback(const urls::url_view& url) {
    switch (url.host_type()) {
    case urls::host_type::ipv4:
        return url.host_ipv4_address().to_bytes()[0] == 127;
    case urls::host_type::ipv6:
        return url.host_ipv6_address().is_loopback();
    case urls::host_type::name:
        return urls::grammar::ci_is_equal(url.host_name(), "localhost");
    default:
        return false;
    }
}

bool valid_port(std::string_view port) {
    unsigned value = 0;
    const auto* end = port.data() + port.size();
    const auto [ptr, ec] = std::from_chars(port.data(), end, value);
    return !port.empty() && ec == std::errc{} && ptr == end && value >= 1 && value <= 65535;
}

// Only an absolute URL with one of `schemes` and a plain host, no user or fragment.
bool acceptable_shape(const urls::url_view& url, urls::scheme secure, urls::scheme plain) {
    const auto scheme = url.scheme_id();
    const auto host_type = url.host_type();
    if ((scheme != secure && scheme != plain) || !url.has_authority() || url.has_userinfo() ||
        url.has_fragment() || url.encoded_host().empty() ||
        url.encoded_host().find('%') != urls::string_view::npos ||
        host_type == urls::host_type::ipvfuture || host_type == urls::host_type::none)
        return false;
    // Boost.URL 1.81 reads "127.0.0.1.example.com" as host 127.0.0.1 and path ".example.com":
    // a path after an authority must start with '/'.
    return url.encoded_path().empty() || url.encoded_path().starts_with('/');
}

} // namespace

std::optional<BaseUrl> parse_base_url(std::string_view text) {
    const auto parsed = urls::parse_uri(text);
    if (!parsed || parsed->has_query() ||
        !acceptable_shape(*parsed, urls::scheme::https, urls::scheme::http))
        return std::nullopt;
    const urls::url_view& url = *parsed;
    BaseUrl base;
    base.tls = url.scheme_id() == urls::scheme::https;
    if (!base.tls && !is_loopback(url))
        return std::nullopt; // the token must never cross a network in clear text
    base.host = url.host_address();
    base.port = url.port().empty() ? (base.tls ? "443" : "80") : std::string(url.port());
    if (!valid_port(base.port))
        return std::nullopt;
    base.path = url.encoded_path();
    if (base.path.empty() || base.path.back() != '/')
        base.path += '/';
    return base;
}

std::optional<SocketUrl> parse_socket_url(std::string_view text) {
    const auto parsed = urls::parse_uri(text);
    if (!parsed || !acceptable_shape(*parsed, urls::scheme::wss, urls::scheme::ws))
        return std::nullopt;
    const urls::url_view& url = *parsed;
    SocketUrl socket;
    socket.tls = url.scheme_id() == urls::scheme::wss;
    if (!socket.tls && !is_loopback(url))
        return std::nullopt; // what travels on it is report text
    socket.host = url.host_address();
    socket.port = url.port().empty() ? (socket.tls ? "443" : "80") : std::string(url.port());
    if (!valid_port(socket.port))
        return std::nullopt;
    socket.target = url.encoded_path().empty() ? "/" : std::string(url.encoded_path());
    if (url.has_query())
        socket.target += "?" + std::string(url.encoded_query());
    socket.host_header = std::string(url.encoded_host_and_port());
    return socket;
}

} // namespace cocbot::slack
