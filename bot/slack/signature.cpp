// File: bot/slack/signature.cpp
#include "bot/slack/signature.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <optional>
#include <stdexcept>
#include <utility>

namespace cocbot::slack {
namespace {

constexpr std::string_view version_prefix = "v0=";
constexpr std::uint64_t max_skew_seconds = 300; // Slack's replay window, both directions

// "v0=" + lowercase hex of HMAC-SHA256(secret, "v0:<timestamp>:<body>"); nullopt only if
// OpenSSL itself fails.
std::optional<std::string> compute_signature(std::string_view secret, std::string_view timestamp,
                                             std::string_view body) {
    std::string base;
    base.reserve(3 + timestamp.size() + 1 + body.size());
    base.append("v0:").append(timestamp).append(":").append(body);

    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t mac_size = 0;
    if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                  reinterpret_cast<const unsigned char*>(base.data()), base.size(), mac.data(),
                  mac.size(), &mac_size) == nullptr) {
        return std::nullopt;
    }

    constexpr std::string_view digits = "0123456789abcdef";
    std::string out{version_prefix};
    out.reserve(version_prefix.size() + 2 * mac_size);
    for (std::size_t i = 0; i < mac_size; ++i) {
        out.push_back(digits[mac[i] >> 4]);
        out.push_back(digits[mac[i] & 0x0f]);
    }
    return out;
}

// Unix seconds as Slack sends them: decimal digits only, no sign, no spaces.
std::optional<std::int64_t> parse_timestamp(std::string_view text) {
    if (text.empty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt; // out of range
    }
    return value;
}

// |a - b| without overflow for any pair of int64 values.
std::uint64_t distance(std::int64_t a, std::int64_t b) {
    const auto ua = static_cast<std::uint64_t>(a);
    const auto ub = static_cast<std::uint64_t>(b);
    return a >= b ? ua - ub : ub - ua;
}

} // namespace

std::string_view to_string(SignatureCheck check) {
    switch (check) {
    case SignatureCheck::ok:
        return "ok";
    case SignatureCheck::missing_headers:
        return "missing_headers";
    case SignatureCheck::malformed_timestamp:
        return "malformed_timestamp";
    case SignatureCheck::stale_timestamp:
        return "stale_timestamp";
    case SignatureCheck::mismatch:
        return "mismatch";
    }
    return "unknown";
}

SignatureCheck verify_signature(std::string_view signing_secret, std::string_view timestamp_header,
                                std::string_view body, std::string_view signature_header,
                                std::int64_t now_unix_seconds) {
    if (timestamp_header.empty() || signature_header.empty()) {
        return SignatureCheck::missing_headers;
    }
    const auto timestamp = parse_timestamp(timestamp_header);
    if (!timestamp) {
        return SignatureCheck::malformed_timestamp;
    }
    if (distance(now_unix_seconds, *timestamp) > max_skew_seconds) {
        return SignatureCheck::stale_timestamp;
    }
    // An unset secret must never let a request through, even one "signed" with "".
    if (signing_secret.empty()) {
        return SignatureCheck::mismatch;
    }
    const auto expected = compute_signature(signing_secret, timestamp_header, body);
    // Lengths are public (always 67); only the bytes are compared in constant time.
    if (!expected || expected->size() != signature_header.size() ||
        CRYPTO_memcmp(expected->data(), signature_header.data(), expected->size()) != 0) {
        return SignatureCheck::mismatch;
    }
    return SignatureCheck::ok;
}

std::string sign(std::string_view signing_secret, std::string_view timestamp,
                 std::string_view body) {
    auto signature = compute_signature(signing_secret, timestamp, body);
    if (!signature) {
        throw std::runtime_error("OpenSSL could not compute HMAC-SHA256");
    }
    return std::move(*signature);
}

} // namespace cocbot::slack
