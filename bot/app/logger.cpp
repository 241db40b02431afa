// File: bot/app/logger.cpp
#include "bot/app/logger.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace cocbot::app {

namespace {

std::atomic<std::FILE*> sink{stderr};

std::string_view name_of(Level level) {
    switch (level) {
    case Level::info:
        return "info";
    case Level::warn:
        return "warn";
    case Level::error:
        return "error";
    }
    return "info";
}

std::string timestamp() {
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

// Values with spaces or quotes are quoted so that a line stays machine-readable.
void append_value(std::string& line, std::string_view value) {
    if (!value.empty() && value.find_first_of(" \"=\n") == std::string_view::npos) {
        line += value;
        return;
    }
    line += '"';
    for (char c : value) {
        if (c == '"' || c == '\\')
            line += '\\';
        line += c == '\n' ? ' ' : c;
    }
    line += '"';
}

} // namespace

void log(Level level, std::string_view event, std::initializer_list<Field> fields) {
    std::string line = timestamp();
    line += ' ';
    line += name_of(level);
    line += ' ';
    line += event;
    for (const auto& [key, value] : fields) {
        line += ' ';
        line += key;
        line += '=';
        append_value(line, value);
    }
    line += '\n';
    // One write per line, so lines from concurrent work never interleave.
    std::FILE* out = sink.load();
    std::fwrite(line.data(), 1, line.size(), out);
    std::fflush(out);
}

void log_to(std::FILE* file) {
    sink.store(file);
}

} // namespace cocbot::app
