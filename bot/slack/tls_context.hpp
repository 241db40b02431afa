// File: bot/slack/tls_context.hpp
// The client TLS context every connection to Slack shares: the system's trust store, peer
// verification, TLS 1.2 or later.
#pragma once

#include "bot/net.hpp"

#include <memory>
#include <string>

namespace cocbot::slack {

// One context for the whole process while anyone holds it: reading the trust store takes tens
// of ms and a few MiB. Thread-safe.
std::shared_ptr<ssl::context> shared_tls_context();

// Sets SNI (for a name, never for an address) and host name verification on a stream about to
// shake hands with `host`. False when OpenSSL refused the name.
bool prepare_tls_client(beast::ssl_stream<beast::tcp_stream>& stream, const std::string& host);

} // namespace cocbot::slack
