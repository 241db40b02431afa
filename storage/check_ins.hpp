// File: storage/check_ins.hpp
// Each member's six-monthly check-in: when they last answered, when they were asked (and where
// the question is), and whether the committee was told they have not answered. Writes run in
// the caller's scope.
#pragma once

#include "core/messages.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

#include <optional>
#include <vector>

namespace cocbot::storage {

struct CheckIn {
    core::UserId member;
    core::Time since{}; // joined, or last answered
    std::optional<core::Time> asked_at;
    std::optional<core::MessageRef> message;
    bool overdue_told = false;
    std::optional<core::Time> answered_at;
    core::Time joined{};
};

class CheckIns {
public:
    explicit CheckIns(Database& db);

    // Every member on the roster, with their check-in so far.
    std::vector<CheckIn> of_members();
    std::optional<CheckIn> of(const core::UserId& member);

    void asked(const core::UserId& member, core::Time at);
    void record_message(const core::UserId& member, const core::MessageRef& where);
    void answered(const core::UserId& member, core::Time at);
    void overdue_told(const core::UserId& member);
    // The member left: nothing more is asked of them.
    void forget(const core::UserId& member);

private:
    Database& db_;
};

} // namespace cocbot::storage
