// File: tests/e2e/commands.hpp
// The cocbot binary's other commands (backup, rekey, audit, retention) run against a Bot's
// database as an operator runs them: a process of their own, no Slack secret in the environment.
#pragma once

#include "tests/e2e/bot.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cocbot::testing {

struct CommandRun {
    std::optional<int> status; // nullopt when it did not exit within 30 s
    std::string output;        // stdout and stderr
};

// `cocbot <args…>` with COCBOT_STORAGE_PATH set to `bot`'s database, the committee channel, and
// `env` on top; each run writes its output to a file of its own beside the database.
CommandRun run_cocbot(const Bot& bot, const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& env = {});

} // namespace cocbot::testing
