// File: tests/server/raw_client.hpp
// A plain-socket client for hostile-input tests: sends what it is told, bounded by deadlines.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cocbot::testing {

struct RawResponse {
    int status = 0;   // 0 when no whole response head arrived
    std::string head; // status line and headers, as received
    std::string body; // Content-Length bytes of body, or what came before the connection ended
};

// One TCP connection to 127.0.0.1:port. Nothing here blocks past the timeout it is given.
class RawClient {
public:
    explicit RawClient(std::uint16_t port);
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;
    ~RawClient();

    bool connected() const { return fd_ >= 0; }

    // Sends all of `bytes`; false when the peer closed or reset, or the time ran out.
    bool send(std::string_view bytes, std::chrono::milliseconds timeout);

    // Sends `count` bytes of `fill` from a small reused buffer; returns how many were sent
    // before the peer closed or reset the connection, or the time ran out.
    std::size_t stream(char fill, std::size_t count, std::chrono::milliseconds timeout);

    // Reads one response: its head, then a Content-Length body.
    RawResponse read_response(std::chrono::milliseconds timeout);

    // True once the server closed or reset the connection (anything it sends is discarded).
    bool wait_closed(std::chrono::milliseconds timeout);

private:
    using Clock = std::chrono::steady_clock;

    // Waits for `events` on the socket until `deadline`; false when the time ran out.
    bool wait_for(short events, Clock::time_point deadline);
    bool send_bytes(const char* data, std::size_t size, Clock::time_point deadline,
                    std::size_t& sent);
    // Reads more into pending_; false at end of stream, on error or when the time ran out.
    bool receive(Clock::time_point deadline);

    int fd_ = -1;
    std::string pending_; // received and not yet returned
};

// Peak resident memory of this process (VmHWM in /proc/self/status), in KiB; 0 if unknown.
std::size_t peak_memory_kib();

} // namespace cocbot::testing
