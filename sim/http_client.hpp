// File: sim/http_client.hpp
// A small blocking HTTP/1.1 client for tests: one-shot requests and a keep-alive connection,
// each bounded by a timeout, on 127.0.0.1 only.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cocbot::sim {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0; // 0 when no response arrived; body then says "error: ..."
    std::string body;
    std::map<std::string, std::string> headers; // lowercase names; repeated fields joined by ", "
    std::chrono::milliseconds elapsed{};
};

// Connects to 127.0.0.1:port, sends one request with Connection: close and reads the answer.
// Never takes longer than `timeout` (plus scheduling noise).
HttpResponse http_request(std::uint16_t port, boost::beast::http::verb verb, std::string target,
                          std::string body = {}, Headers headers = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Sends `bytes` as they are (for malformed requests) and reads one response.
HttpResponse raw_request(std::uint16_t port, std::string bytes,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A persistent connection for keep-alive tests. Each send() is bounded by `timeout`.
class HttpConnection {
public:
    explicit HttpConnection(std::uint16_t port,
                            std::chrono::milliseconds timeout = std::chrono::seconds(10));
    HttpConnection(HttpConnection&&) noexcept;
    HttpConnection& operator=(HttpConnection&&) noexcept;
    ~HttpConnection();

    HttpResponse send(boost::beast::http::verb verb, std::string target, std::string body = {},
                      Headers headers = {});

    // False once the connection failed or the server closed it; does not block.
    bool is_open();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cocbot::sim
