// File: tests/server/raw_client.cpp
// Non-blocking POSIX socket with poll() deadlines, so a hostile test can never hang.
#include "tests/server/raw_client.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cocbot::testing {
namespace {

int poll_timeout(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

int parse_status(std::string_view head) {
    // "HTTP/1.1 411 Length Required"
    const auto space = head.find(' ');
    if (!head.starts_with("HTTP/") || space == std::string_view::npos || head.size() < space + 4)
        return 0;
    int status = 0;
    for (const char c : head.substr(space + 1, 3)) {
        if (c < '0' || c > '9')
            return 0;
        status = status * 10 + (c - '0');
    }
    return status;
}

std::size_t content_length(std::string_view head) {
    // Only what the server under test writes: "Content-Length: N" (Beast's spelling).
    constexpr std::string_view name = "\r\nContent-Length: ";
    const auto at = head.find(name);
    if (at == std::string_view::npos)
        return 0;
    std::size_t length = 0;
    for (auto i = at + name.size(); i < head.size() && head[i] >= '0' && head[i] <= '9'; ++i)
        length = length * 10 + static_cast<std::size_t>(head[i] - '0');
    return length;
}

} // namespace

RawClient::RawClient(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0)
        return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // A loopback connect completes (or fails) at once; only then does the socket go non-blocking.
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK) != 0) {
        ::close(fd_);
        fd_ = -1;
    }
}

RawClient::~RawClient() {
    if (fd_ >= 0)
        ::close(fd_);
}

bool RawClient::wait_for(short events, Clock::time_point deadline) {
    pollfd entry{fd_, events, 0};
    for (;;) {
        const int ready = ::poll(&entry, 1, poll_timeout(deadline));
        if (ready > 0)
            return true;
        if (ready == 0 || errno != EINTR)
            return false;
    }
}

bool RawClient::send_bytes(const char* data, std::size_t size, Clock::time_point deadline,
                           std::size_t& sent) {
    while (sent < size) {
        const auto n = ::send(fd_, data + sent, size - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) &&
            wait_for(POLLOUT, deadline))
            continue;
        return false; // closed, reset, or out of time
    }
    return true;
}

bool RawClient::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    std::size_t sent = 0;
    return connected() && send_bytes(bytes.data(), bytes.size(), Clock::now() + timeout, sent);
}

std::size_t RawClient::stream(char fill, std::size_t count, std::chrono::milliseconds timeout) {
    if (!connected())
        return 0;
    std::array<char, 64 * 1024> piece{};
    piece.fill(fill);
    const auto deadline = Clock::now() + timeout;
    std::size_t total = 0;
    while (total < count) {
        const std::size_t size = std::min(piece.size(), count - total);
        std::size_t sent = 0;
        const bool whole = send_bytes(piece.data(), size, deadline, sent);
        total += sent;
        if (!whole)
            break;
    }
    return total;
}

bool RawClient::receive(Clock::time_point deadline) {
    std::array<char, 16 * 1024> chunk{};
    for (;;) {
        const auto n = ::recv(fd_, chunk.data(), chunk.size(), 0);
        if (n > 0) {
            pending_.append(chunk.data(), static_cast<std::size_t>(n));
            return true;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) &&
            wait_for(POLLIN, deadline))
            continue;
        return false;
    }
}

RawResponse RawClient::read_response(std::chrono::milliseconds timeout) {
    RawResponse res;
    if (!connected())
        return res;
    const auto deadline = Clock::now() + timeout;
    auto end = pending_.find("\r\n\r\n");
    while (end == std::string::npos && receive(deadline))
        end = pending_.find("\r\n\r\n");
    if (end == std::string::npos)
        return res;
    res.head = pending_.substr(0, end + 2);
    pending_.erase(0, end + 4);
    res.status = parse_status(res.head);
    const std::size_t length = content_length(res.head);
    while (pending_.size() < length && receive(deadline)) {
    }
    res.body = pending_.substr(0, length);
    pending_.erase(0, res.body.size());
    return res;
}

bool RawClient::wait_closed(std::chrono::milliseconds timeout) {
    if (!connected())
        return true;
    const auto deadline = Clock::now() + timeout;
    std::array<char, 16 * 1024> chunk{};
    while (Clock::now() < deadline) {
        const auto n = ::recv(fd_, chunk.data(), chunk.size(), 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            return true; // end of stream or reset
        if (n < 0 && !wait_for(POLLIN, deadline))
            return false;
    }
    return false;
}

std::size_t peak_memory_kib() {
    std::ifstream status{"/proc/self/status"};
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmHWM:"))
            return std::stoul(line.substr(6));
    }
    return 0;
}

} // namespace cocbot::testing
