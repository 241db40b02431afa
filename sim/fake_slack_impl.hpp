// File: sim/fake_slack_impl.hpp
// FakeSlack's insides, shared by its transport (fake_slack.cpp) and its accessors
// (fake_slack_reads.cpp); no one else includes this.
#pragma once

#include "bot/net.hpp"
#include "sim/fake_slack.hpp"
#include "sim/slack_state.hpp"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cocbot::sim {

namespace fake {

// The next `remaining` calls of a method get this HTTP status (and a 429's Retry-After).
struct Failure {
    int status = 500;
    int remaining = 0;
    std::optional<int> retry_after;
};

// The next `remaining` calls of a method get {"ok":false,"error":error}.
struct ErrorAnswer {
    std::string error;
    int remaining = 0;
};

} // namespace fake

struct FakeSlack::Impl {
    net::io_context io;
    tcp::acceptor acceptor{io};
    std::uint16_t port = 0; // read once: the acceptor belongs to the server thread
    std::atomic<int> connections{0};
    std::vector<std::weak_ptr<beast::tcp_stream>> open_streams; // server thread only
    std::thread thread;

    mutable std::mutex mutex; // guards everything below
    std::chrono::milliseconds delay{0};
    std::map<std::string, fake::Failure, std::less<>> failures;
    std::map<std::string, fake::ErrorAnswer, std::less<>> errors;
    std::map<std::string, Handler, std::less<>> handlers;
    std::vector<RecordedCall> calls;
    std::uint64_t calls_generation = 0; // one more at each clear_calls()
    std::string bot_scopes;             // what an xoxb- token was granted

    std::string scopes_for(std::string_view authorization) {
        std::lock_guard lock(mutex);
        return authorization.find("xapp-") != std::string_view::npos ? "connections:write"
                                                                     : bot_scopes;
    }
    fake::SlackState state;

    awaitable<void> accept_loop();
    awaitable<void> session(tcp::socket socket);
    Response handle(const Request& request);
    Response answer(const std::string& method, const nlohmann::json& args, bool authorized);
};

} // namespace cocbot::sim
