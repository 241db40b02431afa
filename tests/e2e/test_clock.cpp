// File: tests/e2e/test_clock.cpp
#include "tests/e2e/test_clock.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace cocbot::testing {

namespace {

// Written aside and renamed over the file, so that the bot never reads half of it.
void write_atomically(const std::string& path, const std::string& text) {
    const auto aside = path + ".new";
    std::ofstream(aside) << text << '\n';
    std::filesystem::rename(aside, path);
}

} // namespace

TestClock::TestClock() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cocbot-clock-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("no folder for the test clock");
    folder_ = pattern;
    file_ = folder_ + "/clock";
    write_atomically(file_, "0");
}

TestClock::~TestClock() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

void TestClock::advance(std::chrono::seconds by) {
    ahead_ += by;
    write_atomically(file_, std::to_string(ahead_.count()));
}

std::int64_t TestClock::unix_now() const {
    const auto system = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return (system + ahead_).time_since_epoch().count();
}

} // namespace cocbot::testing
