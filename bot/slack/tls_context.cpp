// File: bot/slack/tls_context.cpp
#include "bot/slack/tls_context.hpp"

#include <mutex>
#include <openssl/ssl.h>

namespace cocbot::slack {
namespace {

ssl::context make_tls_context() {
    ssl::context context{ssl::context::tls_client};
    context.set_default_verify_paths();
    context.set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
    return context;
}

} // namespace

std::shared_ptr<ssl::context> shared_tls_context() {
    static std::mutex mutex;
    static std::weak_ptr<ssl::context> shared;
    std::lock_guard lock{mutex};
    auto context = shared.lock();
    if (!context)
        shared = context = std::make_shared<ssl::context>(make_tls_context());
    return context;
}

bool prepare_tls_client(beast::ssl_stream<beast::tcp_stream>& stream, const std::string& host) {
    error_code address_ec;
    net::ip::make_address(host, address_ec);
    const bool is_name = address_ec.failed(); // SNI carries names only, never addresses
    if (is_name && SSL_set_tlsext_host_name(stream.native_handle(), host.c_str()) != 1)
        return false;
    stream.set_verify_callback(ssl::host_name_verification(host));
    return true;
}

} // namespace cocbot::slack
