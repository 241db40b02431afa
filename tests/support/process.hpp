// File: tests/support/process.hpp
// Runs a program as a child process for end-to-end tests: explicit environment, stderr to a
// file, and bounded waits. POSIX only.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cocbot::testing {

class ChildProcess {
public:
    ChildProcess(std::string program, std::vector<std::string> args,
                 std::map<std::string, std::string> environment, std::string output_path);
    ~ChildProcess(); // kills the child if it still runs
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool running();
    // Sends `signal`, then waits up to `timeout` for the exit; returns the exit status (or
    // 128 + signal number), nullopt if the child did not exit in time.
    std::optional<int> stop(int signal, std::chrono::milliseconds timeout);
    std::optional<int> wait(std::chrono::milliseconds timeout);
    int pid() const { return pid_; }

private:
    int pid_ = -1;
    std::optional<int> status_;
};

// A port on 127.0.0.1 that nothing listened on a moment ago.
unsigned short free_port();

std::string read_file(const std::string& path);

} // namespace cocbot::testing
