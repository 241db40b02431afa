// File: tests/e2e/commands.cpp
#include "tests/e2e/commands.hpp"

#include "tests/support/process.hpp"

#include <chrono>

namespace cocbot::testing {

CommandRun run_cocbot(const Bot& bot, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env) {
    static int runs = 0;
    const auto output = bot.database_path() + ".command" + std::to_string(++runs) + ".txt";
    std::map<std::string, std::string> environment{{"COCBOT_STORAGE_PATH", bot.database_path()},
                                                   {"COCBOT_COMMITTEE_CHANNEL", committee_channel}};
    for (const auto& [key, value] : env)
        environment[key] = value;
    CommandRun run;
    {
        ChildProcess process{COCBOT_BINARY, args, environment, output};
        run.status = process.wait(std::chrono::seconds{30});
    }
    run.output = read_file(output);
    return run;
}

} // namespace cocbot::testing
