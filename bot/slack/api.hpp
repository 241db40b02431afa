// File: bot/slack/api.hpp
// What cocbot asks of Slack's Web API: a call and a read, each answered with an ApiResult.
// WebApi is the real client; tests and fuzz targets stand in for it to answer anything at all.
#pragma once

#include "bot/net.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cocbot::slack {

struct ApiResult {
    bool ok = false;
    // Slack's error name on ok:false, or a transport failure: "timeout", "connection_failed",
    // "tls_failed", "http_<status>", "invalid_response", "ratelimited" (429 after retries).
    std::string error;
    nlohmann::json body; // the parsed response object, when there was one
    int http_status = 0;
    int attempts = 0; // HTTP attempts made; a stale pooled connection does not count
    // The last 429's Retry-After, so a caller that gave up can schedule its own retry.
    std::optional<std::chrono::seconds> retry_after;
    // Slack's x-oauth-scopes header, when it sent one: the token's scopes, comma-separated.
    std::optional<std::string> scopes;
};

// Reads `ok` and `error` of a 2xx answer whose parsed object (if any) is in result.body: an
// answer without a boolean `ok` is not Slack's, and becomes "invalid_response".
void read_ok(ApiResult& result);

using Query = std::vector<std::pair<std::string, std::string>>;

class Api {
public:
    virtual ~Api() = default;

    // POST <method> with a JSON body.
    virtual awaitable<ApiResult> call(std::string method, nlohmann::json args) = 0;
    // GET <method>?<query>, for read methods (conversations.history, users.info, ...).
    virtual awaitable<ApiResult> get(std::string method, Query query) = 0;
};

} // namespace cocbot::slack
