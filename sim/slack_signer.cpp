// File: sim/slack_signer.cpp
#include "sim/slack_signer.hpp"

#include "bot/slack/signature.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace cocbot::sim {

namespace {

std::string encode(const std::string& text) {
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    return boost::urls::encode(text, boost::urls::unreserved_chars, options);
}

} // namespace

Headers slack_headers(const std::string& secret, const std::string& body,
                      const std::string& content_type, std::int64_t unix_time) {
    const auto timestamp = std::to_string(unix_time);
    return {{"Content-Type", content_type},
            {"X-Slack-Request-Timestamp", timestamp},
            {"X-Slack-Signature", slack::sign(secret, timestamp, body)}};
}

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [key, value] : fields) {
        if (!body.empty())
            body += '&';
        body += encode(key) + "=" + encode(value);
    }
    return body;
}

std::string payload_body(const nlohmann::json& payload) {
    return form_body({{"payload", payload.dump()}});
}

} // namespace cocbot::sim
