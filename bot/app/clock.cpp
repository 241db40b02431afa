// File: bot/app/clock.cpp
// The system clock, and the test clock's offset read from its file.
#include "bot/app/clock.hpp"

#include "bot/app/logger.hpp"

#include <atomic>
#include <charconv>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace cocbot::app {

namespace {

// Set once, before any thread starts (main), and only read afterwards.
std::optional<std::filesystem::path> test_clock_file;
// The last offset read: a file caught half-written keeps the clock where it was.
std::atomic<std::int64_t> test_clock_offset{0};

std::optional<std::int64_t> read_offset(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    const auto content = text.str();
    const auto begin = content.find_first_not_of(" \t\r\n");
    const auto end = content.find_last_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return std::nullopt;
    std::int64_t seconds = 0;
    const auto* first = content.data() + begin;
    const auto* last = content.data() + end + 1;
    const auto [stop, error] = std::from_chars(first, last, seconds);
    if (error != std::errc{} || stop != last)
        return std::nullopt;
    return seconds;
}

} // namespace

core::Time now() {
    auto time = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (test_clock_file) {
        if (const auto offset = read_offset(*test_clock_file))
            test_clock_offset = *offset;
        time += std::chrono::seconds{test_clock_offset.load()};
    }
    return time;
}

void use_test_clock(const std::filesystem::path& file) {
    const auto offset = read_offset(file);
    if (!offset)
        throw std::runtime_error("the test clock file " + file.string() +
                                 " does not hold a whole number of seconds");
    test_clock_offset = *offset;
    test_clock_file = file;
    log(Level::warn, "test_clock", {{"file", file.string()}, {"offset", std::to_string(*offset)}});
}

std::chrono::milliseconds clock_poll_limit() {
    return test_clock_file ? std::chrono::milliseconds{50} : std::chrono::milliseconds::max();
}

std::string utc_text(core::Time t) {
    const std::time_t seconds = unix_seconds(t);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

} // namespace cocbot::app
