// File: storage/codec/values.hpp
// The values events and messages are built from: times, ids, enumerations (by core's names) and
// the small structs they share. Private to the codec's .cpp files.
#pragma once

#include "core/committee.hpp"
#include "core/conversation.hpp"
#include "core/hr.hpp"
#include "core/ids.hpp"
#include "core/messages.hpp"
#include "core/motion.hpp"
#include "core/report.hpp"
#include "core/resolution.hpp"
#include "core/status.hpp"
#include "core/time.hpp"
#include "storage/codec/fields.hpp"
#include "storage/codec/text.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace cocbot::storage::codec {

// Text for a TEXT column. Invalid UTF-8 (a stray byte in a form field) becomes U+FFFD rather
// than failing the transaction: a report is worth more than one byte of it.
std::string column_text(const json& j);

// A stored column parsed; throws std::runtime_error naming `what`, never the text.
json parsed(std::string_view what, std::string_view text);

// Decoding errors from the JSON library name keys and types, never values: they are rethrown as
// std::runtime_error naming the stored type, with the library's text.
[[noreturn]] void rethrow_as_stored(std::string_view what, std::string_view type,
                                    const json::exception& error);

// The last line of defence for "no identity of an anonymous reporter is stored anywhere", for
// events and outbox payloads alike. Throws std::invalid_argument.
void refuse_identity_if_anonymous(const core::Report& report, const core::UserId& submitted_by);

// Times are stored as unix seconds, ids as their text.
inline json encode(tag<core::Time>, core::Time time) {
    return core::unix_seconds(time);
}
inline void decode(tag<core::Time>, const json& j, core::Time& time) {
    time = core::from_unix_seconds(j.get<std::int64_t>());
}

template <typename Tag>
json encode(tag<core::Id<Tag>>, const core::Id<Tag>& id) {
    return id.value;
}
template <typename Tag>
void decode(tag<core::Id<Tag>>, const json& j, core::Id<Tag>& id) {
    j.get_to(id.value);
}

// Enumerations are stored by the names core gives them (core/names.hpp tables, which core keeps
// stable since people and Slack payloads use them too): to_string() one way, the parser here the
// other. `what` names the enumeration in an error.
template <typename Enum>
struct CoreNames {
    std::string_view what;
    std::optional<Enum> (*parse)(std::string_view);
};

// clang-format off
inline CoreNames<core::Source> core_names(tag<core::Source>) { return {"source", core::source_from_string}; }
inline CoreNames<core::Status> core_names(tag<core::Status>) { return {"status", core::status_from_string}; }
inline CoreNames<core::OwnerRole> core_names(tag<core::OwnerRole>) { return {"owner role", core::owner_role_from_string}; }
inline CoreNames<core::ReminderKind> core_names(tag<core::ReminderKind>) { return {"reminder kind", core::reminder_kind_from_string}; }
inline CoreNames<core::MessageKind> core_names(tag<core::MessageKind>) { return {"message kind", core::message_kind_from_string}; }
inline CoreNames<core::MotionKind> core_names(tag<core::MotionKind>) { return {"motion kind", core::motion_kind_from_string}; }
inline CoreNames<core::MotionResult> core_names(tag<core::MotionResult>) { return {"motion result", core::motion_result_from_string}; }
inline CoreNames<core::HrScope> core_names(tag<core::HrScope>) { return {"HR scope", core::hr_scope_from_string}; }
inline CoreNames<core::PastInstances> core_names(tag<core::PastInstances>) { return {"past instances", core::past_instances_from_string}; }
inline CoreNames<core::ChannelRole> core_names(tag<core::ChannelRole>) { return {"channel role", core::channel_role_from_string}; }
inline CoreNames<core::HrFinding> core_names(tag<core::HrFinding>) { return {"HR finding", core::hr_finding_from_string}; }
inline CoreNames<core::Apology> core_names(tag<core::Apology>) { return {"apology", core::apology_from_string}; }
inline CoreNames<core::QuoteSource> core_names(tag<core::QuoteSource>) { return {"quote source", core::quote_source_from_string}; }
inline CoreNames<core::ResolutionOutcome> core_names(tag<core::ResolutionOutcome>) { return {"outcome", core::outcome_from_string}; }
inline CoreNames<core::ReportedRole> core_names(tag<core::ReportedRole>) { return {"reported role", core::reported_role_from_string}; }
inline CoreNames<core::CommitteeMotionKind> core_names(tag<core::CommitteeMotionKind>) { return {"committee motion kind", core::committee_motion_kind_from_string}; }
inline CoreNames<core::CheckInAnswer> core_names(tag<core::CheckInAnswer>) { return {"check-in answer", core::check_in_answer_from_string}; }
inline CoreNames<core::OffboardCause> core_names(tag<core::OffboardCause>) { return {"off-boarding cause", core::offboard_cause_from_string}; }
// clang-format on

template <typename Enum>
requires std::is_enum_v<Enum> json encode(tag<Enum>, Enum value) {
    const std::string_view name = to_string(value);
    // A value core has no name for would be stored as a name that does not read back.
    if (core_names(tag<Enum>{}).parse(name) != value)
        throw std::invalid_argument("enumeration value without a stored name");
    return name;
}

template <typename Enum>
requires std::is_enum_v<Enum>
void decode(tag<Enum>, const json& j, Enum& value) {
    const auto names = core_names(tag<Enum>{});
    const auto found = names.parse(j.get_ref<const std::string&>());
    if (!found)
        throw std::runtime_error("unknown stored " + std::string{names.what});
    value = *found;
}

// --- The small structs that events and messages share

constexpr auto description(tag<core::ReportedPerson>) {
    using T = core::ReportedPerson;
    return describe(field("user", &T::user), field("name", &T::name));
}

constexpr auto description(tag<core::Flags>) {
    using T = core::Flags;
    return describe(
        field("anonymous", &T::anonymous), field("escrow", &T::escrow),
        field("immediate_danger", &T::immediate_danger),
        field("involves_employee", &T::involves_employee), field("no_updates", &T::no_updates),
        field("content_warning", &T::content_warning, Place::data, Presence::omitted_when_empty),
        field("wants_police", &T::wants_police, Place::data, Presence::omitted_when_empty));
}

constexpr auto description(tag<core::Safety>) {
    using T = core::Safety;
    return describe(field("venue_security", &T::venue_security),
                    field("crisis_line", &T::crisis_line));
}

constexpr auto description(tag<core::MessageRef>) {
    using T = core::MessageRef;
    return describe(field("channel", &T::channel), field("ts", &T::ts));
}

// A whole report, as a message that shows it holds it. Identity keys are written only when there
// is an identity, as in events, so that an anonymous report's payload has no such key.
constexpr auto description(tag<core::Report>) {
    using T = core::Report;
    constexpr auto identity = Presence::omitted_when_empty;
    return describe(field("reported", &T::reported), field("description", &T::description),
                    field("location", &T::location),
                    field("reporter_name", &T::reporter_name, Place::data, identity),
                    field("reporter_contact", &T::reporter_contact, Place::data, identity),
                    field("source", &T::source), field("flags", &T::flags),
                    field("excluded", &T::excluded, Place::data, identity),
                    field("preferred", &T::preferred, Place::data, identity),
                    field("whereabouts", &T::whereabouts, Place::data, identity),
                    field("appearance", &T::appearance, Place::data, identity));
}

} // namespace cocbot::storage::codec
