// File: storage/audit_events.cpp
#include "storage/audit_events.hpp"

#include "core/hr.hpp"
#include "core/motion.hpp"
#include "core/status.hpp"
#include "storage/event_codec.hpp"

#include <type_traits>
#include <variant>

namespace cocbot::storage {

namespace {

// Whoever acted; "cocbot" for what it did itself (and for a report's filing: who submitted it
// is the reporter's secret).
template <typename E>
std::string actor_of(const E& event) {
    if constexpr (requires { event.by; })
        return event.by.value;
    else if constexpr (requires { event.voter; })
        return event.voter.value;
    else if constexpr (std::is_same_v<E, core::ConflictDeclared>)
        return event.member.value;
    else if constexpr (std::is_same_v<E, core::MemberLeftChannel> ||
                       std::is_same_v<E, core::MemberReturned>)
        return event.user.value;
    else if constexpr (std::is_same_v<E, core::HrContactAnswered>)
        return event.contact.value;
    else
        return "cocbot";
}

// Whom cocbot's own act was about, when it was about someone.
template <typename E>
std::string subject_of(const E& event) {
    if constexpr (std::is_same_v<E, core::ReportFiled> || std::is_same_v<E, core::ReminderSent>)
        return {}; // (not recorded: see audit_fact)
    else if constexpr (requires { event.member; })
        return event.member.value;
    else if constexpr (requires { event.user; })
        return event.user.value;
    else
        return {};
}

std::string motion(int number) {
    return "motion " + std::to_string(number);
}

template <typename E>
std::string detail_of(const E& event) {
    return actor_of(event) == "cocbot" ? subject_of(event) : std::string{};
}
std::string detail_of(const core::ConflictDeclared& e) {
    return e.conflicted ? "conflict" : "no conflict";
}
std::string detail_of(const core::OwnerNamed& e) {
    return std::string{core::to_string(e.role)} + " " + e.owner.value;
}
std::string detail_of(const core::MotionProposed& e) {
    return motion(e.motion) + " " + std::string{core::to_string(e.kind)};
}
std::string detail_of(const core::BallotCast& e) {
    return motion(e.motion) + (e.yes ? " yes" : " no");
}
std::string detail_of(const core::MotionDecided& e) {
    return motion(e.motion) + (e.passed ? " passed " : " failed ") + std::to_string(e.yes) + "-" +
           std::to_string(e.no) + " of " + std::to_string(e.electorate);
}
std::string detail_of(const core::EscrowActivated& e) {
    std::string text;
    for (const auto& id : e.escrowed)
        text += (text.empty() ? "" : ",") + id.value;
    return text;
}
std::string detail_of(const core::HrInvolved& e) {
    return std::string{core::to_string(e.scope)};
}
std::string detail_of(const core::HrContactAnswered& e) {
    return e.conflicted ? "conflict" : "no conflict";
}
std::string detail_of(const core::RemovalRefused& e) {
    return e.user.value + " " + e.error; // Slack's error code
}

} // namespace

std::optional<AuditFact> audit_fact(const core::Event& event) {
    if (std::holds_alternative<core::MessagePosted>(event) ||
        std::holds_alternative<core::ReminderSent>(event))
        return std::nullopt;
    return std::visit(
        [&](const auto& e) {
            return AuditFact{actor_of(e), std::string{event_type_name(event)}, detail_of(e)};
        },
        event);
}

} // namespace cocbot::storage
