// File: bot/app/retention_command.cpp
#include "bot/app/retention_command.hpp"

#include "bot/app/clock.hpp"
#include "bot/app/service.hpp"
#include "storage/retention.hpp"

#include <chrono>
#include <filesystem>
#include <string>

namespace cocbot::app {

namespace {

constexpr std::size_t shown = 50;

// In the largest whole unit it holds: "426d", "2h", "90s".
std::string span(core::Duration d) {
    using namespace std::chrono;
    if (d >= days{1})
        return std::to_string(duration_cast<days>(d).count()) + "d";
    if (d >= hours{1})
        return std::to_string(duration_cast<hours>(d).count()) + "h";
    if (d >= minutes{1})
        return std::to_string(duration_cast<minutes>(d).count()) + "m";
    return std::to_string(d.count()) + "s";
}

std::string when(core::Time due, core::Time now) {
    if (due <= now)
        return "now (cocbot erases it within seconds once its Slack messages are out)";
    return utc_text(due) + " (in " + span(due - now) + ")";
}

} // namespace

int retention_dry_run(const config::Config& config, core::Time now, std::FILE* out) {
    if (!std::filesystem::exists(config.storage.path)) {
        std::fprintf(out, "cocbot: there is no database at %s (storage.path)\n",
                     config.storage.path.c_str());
        return 1;
    }
    storage::Database database{config.storage.path, key_source(config)};
    const auto& periods = config.retention;
    std::fprintf(out,
                 "cocbot: retention.no_violation = %s, resolved = %s, escrow = %s; nothing is "
                 "erased by this dry run.\n",
                 span(periods.no_violation).c_str(), span(periods.resolved).c_str(),
                 span(periods.escrow).c_str());
    const auto next = storage::RetentionRecords{database}.upcoming(periods, shown);
    if (next.empty())
        std::fprintf(out, "cocbot: nothing would be erased: no incident is resolved or in "
                          "escrow, or every such incident is kept by a motion.\n");
    for (const auto& due : next)
        std::fprintf(out, "  %-9s %-13s %s\n", due.incident.value.c_str(),
                     std::string{core::to_string(due.reason)}.c_str(), when(due.due, now).c_str());
    return 0;
}

} // namespace cocbot::app
