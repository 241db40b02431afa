// File: storage/audit_log.hpp
// The audit log: who did or saw what, when, about which incident, and never a word of a report.
// Append-only (triggers refuse an UPDATE or a DELETE) and hash-chained: each entry holds the
// SHA-256 of the one before and its own, so an entry edited, removed or moved breaks the chain
// from there, and the chain head, posted daily to the committee, shows a rewrite of it all.
#pragma once

#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::storage {

struct AuditEntry {
    std::int64_t seq = 0;
    core::Time at{};
    std::string actor;    // a Slack user id, or "cocbot", "operator", "configuration"
    std::string action;   // a fixed word: "ballot_cast", "status_viewed", "key_changed" …
    std::string incident; // its reference, or empty
    std::string detail;   // ids and fixed words only ("motion 2 yes"), or empty
    std::string prev;     // the previous entry's hash (64 zeros for the first)
    std::string hash;

    friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// The hash an entry must have: SHA-256, in hex, of its fields after the previous hash.
std::string audit_hash(const AuditEntry& entry);

struct AuditCheck {
    std::int64_t entries = 0;
    std::string head;                   // the last entry's hash, when the chain holds
    std::optional<std::int64_t> broken; // the first entry that does not hold
    std::string problem;                // what is wrong with it
};

class AuditLog {
public:
    explicit AuditLog(Database& db);

    // Appends one entry in the caller's transaction (a WriteScope, a UnitOfWork's).
    void append(core::Time at, std::string_view actor, std::string_view action,
                std::string_view incident = {}, std::string_view detail = {});

    // The entries, oldest first: all of them, or those about `incident`; `each` streams them
    // (a log of years need not fit in memory).
    void each(const std::optional<core::IncidentId>& incident,
              const std::function<void(const AuditEntry&)>& visit);
    std::vector<AuditEntry> entries(const std::optional<core::IncidentId>& incident = {});
    // The entry whose hash begins with `prefix` (a posted head), if any.
    std::optional<std::int64_t> find_head(const std::string& prefix);
    // The last entry, if any.
    std::optional<AuditEntry> head();

    // The entry whose head was last posted to the committee, and when; and recording a post.
    struct Posted {
        core::Time at{};
        std::int64_t seq = 0;
    };
    std::optional<Posted> last_posted();
    void posted(core::Time at, std::int64_t seq);

    // Walks the chain from the first entry and names the first that was edited, removed or put
    // out of its place.
    AuditCheck verify();

private:
    Database& db_;
};

} // namespace cocbot::storage
