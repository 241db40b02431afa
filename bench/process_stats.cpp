// File: bench/process_stats.cpp
#include "bench/process_stats.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace cocbot::bench {

namespace {

std::string proc_file(int pid, const char* name) {
    std::ifstream in{"/proc/" + std::to_string(pid) + "/" + name};
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// A "Name:   1234 kB" line of /proc/<pid>/status.
double status_mib(int pid, const std::string& field) {
    std::istringstream lines{proc_file(pid, "status")};
    for (std::string line; std::getline(lines, line);)
        if (line.starts_with(field + ":"))
            return std::stod(line.substr(field.size() + 1)) / 1024.0;
    return 0;
}

} // namespace

double cpu_seconds(int pid) {
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    const std::string stat = proc_file(pid, "stat");
    std::istringstream fields{stat.substr(stat.rfind(')') + 2)};
    std::string skip;
    for (int field = 3; field < 14; ++field)
        fields >> skip;
    double user = 0, system = 0;
    fields >> user >> system;
    return (user + system) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double rss_mib(int pid) {
    return status_mib(pid, "VmRSS");
}

double peak_rss_mib(int pid) {
    return status_mib(pid, "VmHWM");
}

} // namespace cocbot::bench
