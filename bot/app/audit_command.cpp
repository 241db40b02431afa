// File: bot/app/audit_command.cpp
#include "bot/app/audit_command.hpp"

#include "bot/app/audit_heads.hpp"
#include "bot/app/clock.hpp"
#include "bot/app/service.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"

#include <filesystem>
#include <stdexcept>

namespace cocbot::app {

namespace {

// Where the posted head is in the chain; 1 when it is not in it.
int check_head(storage::AuditLog& log, const std::string& head, std::FILE* out) {
    const auto seq = head.size() >= 8 ? log.find_head(head) : std::nullopt;
    if (!seq) {
        std::fprintf(out,
                     "cocbot: no entry of this audit log has the head %s: the log was rewritten, "
                     "or the head is from another database (give at least 8 digits)\n",
                     head.c_str());
        return 1;
    }
    std::fprintf(out, "cocbot: the posted head %s is entry %lld of this chain\n", head.c_str(),
                 static_cast<long long>(*seq));
    return 0;
}

storage::Database open_existing(const config::Config& config) {
    if (!std::filesystem::exists(config.storage.path))
        throw std::runtime_error("there is no database at " + config.storage.path +
                                 " (storage.path)");
    return storage::Database{config.storage.path, key_source(config)};
}

} // namespace

int audit_verify(const config::Config& config, const std::optional<std::string>& head,
                 std::FILE* out) {
    auto database = open_existing(config);
    storage::AuditLog log{database};
    const auto check = log.verify();
    if (check.broken) {
        std::fprintf(out,
                     "cocbot: the audit log is broken at entry %lld: %s. The %lld entries "
                     "before it hold.\n",
                     static_cast<long long>(*check.broken), check.problem.c_str(),
                     static_cast<long long>(check.entries - 1));
        return 1;
    }
    std::fprintf(out, "cocbot: the audit log holds: %lld entries, chain head %s (%s)\n",
                 static_cast<long long>(check.entries), short_hash(check.head).c_str(),
                 check.head.c_str());
    return head ? check_head(log, *head, out) : 0;
}

int audit_show(const config::Config& config, const std::optional<core::IncidentId>& incident,
               std::FILE* out) {
    auto database = open_existing(config);
    storage::AuditLog log{database};
    std::size_t shown = 0;
    log.each(incident, [&](const storage::AuditEntry& entry) {
        ++shown;
        std::fprintf(out, "%6lld  %s  %-14s %-28s %-9s %s\n", static_cast<long long>(entry.seq),
                     utc_text(entry.at).c_str(), entry.actor.c_str(), entry.action.c_str(),
                     entry.incident.empty() ? "-" : entry.incident.c_str(), entry.detail.c_str());
    });
    if (shown == 0)
        std::fprintf(out, "cocbot: no audit entries%s%s\n", incident ? " about " : "",
                     incident ? incident->value.c_str() : "");
    return 0;
}

} // namespace cocbot::app
