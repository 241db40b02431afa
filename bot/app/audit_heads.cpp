// File: bot/app/audit_heads.cpp
#include "bot/app/audit_heads.hpp"

#include "bot/app/logger.hpp"
#include "storage/audit_log.hpp"
#include "storage/unit_of_work.hpp"

#include <chrono>

namespace cocbot::app {

namespace {

constexpr auto every = std::chrono::hours{24};

core::Text head_text(const storage::AuditEntry& head) {
    return "Audit log: " + std::to_string(head.seq) + " entries, chain head " +
           short_hash(head.hash) + ". On the server, `cocbot audit verify --head " +
           short_hash(head.hash) + "` checks that the log still leads here.";
}

} // namespace

std::string short_hash(const std::string& hash) {
    return hash.substr(0, 16);
}

AuditHeads::AuditHeads(storage::Database& database, const CommitteeRoster& roster, bool enabled,
                       std::function<void()> queued)
    : database_(database), roster_(roster), enabled_(enabled), queued_(std::move(queued)) {}

void AuditHeads::post_if_due(core::Time now) {
    if (!enabled_)
        return;
    storage::AuditLog log_{database_};
    const auto last = log_.last_posted();
    if (last && now < last->at + every)
        return;
    const auto head = log_.head();
    if (!head || (last && head->seq == last->seq))
        return;
    storage::UnitOfWork work{database_};
    const auto& channel = roster_.committee().channel;
    work.enqueue(std::nullopt, {core::Post{{}, channel, {}, core::Notice{head_text(*head)}, false}},
                 now);
    log_.posted(now, head->seq);
    work.commit();
    log(Level::info, "audit_head", {{"outcome", "queued"}, {"entries", std::to_string(head->seq)}});
    if (queued_)
        queued_();
}

} // namespace cocbot::app
