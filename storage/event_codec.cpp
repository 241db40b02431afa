// File: storage/event_codec.cpp
// One description per event type, and the names events are stored under. An event's data
// fields go to the `data` column, its sealed fields to the secret one (event_secrets).
#include "storage/event_codec.hpp"

#include "storage/codec/values.hpp"

#include <string>
#include <variant>

namespace cocbot::storage {

namespace codec {

// The type names written into every database: add new ones, never rename one.
// clang-format off
constexpr std::string_view stored_name(tag<core::ReportFiled>)      { return "report_filed"; }
constexpr std::string_view stored_name(tag<core::ConflictDeclared>) { return "conflict_declared"; }
constexpr std::string_view stored_name(tag<core::MessagePosted>)    { return "message_posted"; }
constexpr std::string_view stored_name(tag<core::ChannelOpened>)    { return "channel_opened"; }
constexpr std::string_view stored_name(tag<core::OwnerNamed>)       { return "owner_named"; }
constexpr std::string_view stored_name(tag<core::UnclearedMemberFound>) { return "uncleared_member_found"; }
constexpr std::string_view stored_name(tag<core::RemovalRefused>)   { return "removal_refused"; }
constexpr std::string_view stored_name(tag<core::ImmediateActionRecorded>) { return "immediate_action_recorded"; }
constexpr std::string_view stored_name(tag<core::EscrowActivated>)  { return "escrow_activated"; }
constexpr std::string_view stored_name(tag<core::ReporterAcknowledged>) { return "reporter_acknowledged"; }
constexpr std::string_view stored_name(tag<core::ReminderSent>)     { return "reminder_sent"; }
constexpr std::string_view stored_name(tag<core::ReportedPersonMissing>) { return "reported_person_missing"; }
constexpr std::string_view stored_name(tag<core::ReporterFollowedUp>) { return "reporter_followed_up"; }
constexpr std::string_view stored_name(tag<core::MotionProposed>)   { return "motion_proposed"; }
constexpr std::string_view stored_name(tag<core::BallotCast>)       { return "ballot_cast"; }
constexpr std::string_view stored_name(tag<core::MotionDecided>)    { return "motion_decided"; }
constexpr std::string_view stored_name(tag<core::MemberLeftChannel>) { return "member_left_channel"; }
constexpr std::string_view stored_name(tag<core::MemberReturned>)   { return "member_returned"; }
constexpr std::string_view stored_name(tag<core::HrInvolved>)       { return "hr_involved"; }
constexpr std::string_view stored_name(tag<core::HrDropped>)        { return "hr_dropped"; }
constexpr std::string_view stored_name(tag<core::HrReported>)       { return "hr_reported"; }
constexpr std::string_view stored_name(tag<core::LawEnforcementInvolved>) { return "law_enforcement_involved"; }
constexpr std::string_view stored_name(tag<core::ConversationRecorded>) { return "conversation_recorded"; }
constexpr std::string_view stored_name(tag<core::IncidentResolved>) { return "incident_resolved"; }
constexpr std::string_view stored_name(tag<core::IncidentReopened>) { return "incident_reopened"; }
constexpr std::string_view stored_name(tag<core::ReporterConflictAsked>) { return "reporter_conflict_asked"; }
constexpr std::string_view stored_name(tag<core::ReporterConflictCleared>) { return "reporter_conflict_cleared"; }
constexpr std::string_view stored_name(tag<core::HrContactAnswered>) { return "hr_contact_answered"; }
constexpr std::string_view stored_name(tag<core::HrChannelOpened>) { return "hr_channel_opened"; }
constexpr std::string_view stored_name(tag<core::HrAsked>) { return "hr_asked"; }
constexpr std::string_view stored_name(tag<core::HrInformed>) { return "hr_informed"; }
constexpr std::string_view stored_name(tag<core::NameMatchUndone>) { return "name_match_undone"; }
constexpr std::string_view stored_name(tag<core::MemberRemovedFromCommittee>) { return "member_removed_from_committee"; }
constexpr std::string_view stored_name(tag<core::MemberAddedToCommittee>) { return "member_added_to_committee"; }
constexpr std::string_view stored_name(tag<core::DangerResponded>) { return "danger_responded"; }
// clang-format on

constexpr auto identity = Presence::omitted_when_empty;

// Erasure empties who was involved as well as what was written.
template <>
constexpr bool erasable<core::UserId> = true;
template <>
constexpr bool erasable<core::ReportedPerson> = true;
template <>
constexpr bool erasable<std::vector<core::UserId>> = true; // whom a typed name matched

// What the workflow queries is data; what the reporter said, who they are, whom they named (and
// who that matched, on the roster or in the channel), the report's flags and the escrowed
// reports it matched are sealed. The identity is written only when there is one: an anonymous
// report's row has no such key. Rows written before escrow matching existed have no matches;
// rows written before these were sealed hold them with the data.
constexpr auto description(tag<core::ReportFiled>) {
    using T = core::ReportFiled;
    using R = core::Report;
    return describe(
        field("incident", &T::incident), field("at", &T::at),
        flattened(&T::report, sealed("reported", &R::reported),
                  sealed("description", &R::description), sealed("location", &R::location),
                  sealed("reporter_name", &R::reporter_name, identity),
                  sealed("reporter_contact", &R::reporter_contact, identity),
                  field("source", &R::source), sealed("flags", &R::flags),
                  sealed("excluded", &R::excluded, Presence::omitted_when_empty),
                  sealed("preferred", &R::preferred, Presence::omitted_when_empty),
                  sealed("whereabouts", &R::whereabouts, identity),
                  sealed("appearance", &R::appearance, identity)),
        sealed("submitted_by", &T::submitted_by, identity), field("committee", &T::committee),
        field("committee_channel", &T::committee_channel),
        sealed("reported_is_member", &T::reported_is_member),
        sealed("escrow_matches", &T::escrow_matches, Presence::optional),
        sealed("pattern", &T::pattern, Presence::omitted_when_empty),
        sealed("name_matched", &T::name_matched, Presence::omitted_when_empty),
        sealed("strangers_named", &T::strangers_named, Presence::omitted_when_empty));
}

void check_storable(tag<core::ReportFiled>, const core::ReportFiled& filed) {
    refuse_identity_if_anonymous(filed.report, filed.submitted_by);
}

constexpr auto description(tag<core::ConflictDeclared>) {
    using T = core::ConflictDeclared;
    return describe(field("member", &T::member), field("conflicted", &T::conflicted),
                    field("at", &T::at));
}

// Rows written before motions existed have no motion.
constexpr auto description(tag<core::MessagePosted>) {
    using T = core::MessagePosted;
    return describe(field("message", &T::message), field("kind", &T::kind),
                    field("motion", &T::motion, Place::data, Presence::optional),
                    field("to", &T::to, Place::data, Presence::omitted_when_empty));
}

// EventStore::incident_by_channel reads "channel" from this event's data in SQL: keep the key.
constexpr auto description(tag<core::ChannelOpened>) {
    return describe(field("channel", &core::ChannelOpened::channel));
}

constexpr auto description(tag<core::OwnerNamed>) {
    using T = core::OwnerNamed;
    return describe(field("role", &T::role), field("owner", &T::owner), field("by", &T::by),
                    field("at", &T::at));
}

// A member found uncleared, leaving the channel or coming back, leaving or joining the roster:
// who, and when.
template <typename Change>
requires std::is_same_v<Change, core::UnclearedMemberFound> ||
    std::is_same_v<Change, core::MemberLeftChannel> ||
    std::is_same_v<Change, core::MemberReturned> ||
    std::is_same_v<Change, core::MemberRemovedFromCommittee> ||
    std::is_same_v<Change, core::MemberAddedToCommittee>
constexpr auto description(tag<Change>) {
    return describe(field("user", &Change::user), field("at", &Change::at));
}

// `error` is Slack's error code (e.g. "restricted_action"), not content.
constexpr auto description(tag<core::RemovalRefused>) {
    using T = core::RemovalRefused;
    return describe(field("user", &T::user), field("error", &T::error), field("at", &T::at));
}

// What was done about the danger describes the incident: it is kept with the secrets.
constexpr auto description(tag<core::ImmediateActionRecorded>) {
    using T = core::ImmediateActionRecorded;
    return describe(field("by", &T::by), sealed("action", &T::action), field("at", &T::at));
}

constexpr auto description(tag<core::EscrowActivated>) {
    using T = core::EscrowActivated;
    return describe(field("escrowed", &T::escrowed), field("by", &T::by), field("at", &T::at));
}

// Events that say only who did it, and when.
template <typename Act>
requires std::is_same_v<Act, core::ReporterAcknowledged> || std::is_same_v<Act, core::HrDropped> ||
    std::is_same_v<Act, core::NameMatchUndone>
constexpr auto description(tag<Act>) {
    return describe(field("by", &Act::by), field("at", &Act::at));
}

constexpr auto description(tag<core::ReminderSent>) {
    using T = core::ReminderSent;
    return describe(field("kind", &T::kind), field("member", &T::member), field("at", &T::at));
}

constexpr auto description(tag<core::ReportedPersonMissing>) {
    using T = core::ReportedPersonMissing;
    return describe(field("missing", &T::missing), field("by", &T::by), field("at", &T::at));
}

// What was said to the reporter is about the report: it is kept with the secrets.
constexpr auto description(tag<core::ReporterFollowedUp>) {
    using T = core::ReporterFollowedUp;
    return describe(field("by", &T::by), sealed("note", &T::note), field("decision", &T::decision),
                    field("at", &T::at));
}

// The question as put to the members is what the proposer typed: it is kept with the secrets.
constexpr auto description(tag<core::MotionProposed>) {
    using T = core::MotionProposed;
    return describe(field("motion", &T::motion), field("kind", &T::kind), sealed("text", &T::text),
                    field("by", &T::by), field("at", &T::at));
}

constexpr auto description(tag<core::BallotCast>) {
    using T = core::BallotCast;
    return describe(field("motion", &T::motion), field("voter", &T::voter), field("yes", &T::yes),
                    field("at", &T::at));
}

constexpr auto description(tag<core::MotionDecided>) {
    using T = core::MotionDecided;
    return describe(field("motion", &T::motion), field("passed", &T::passed), field("yes", &T::yes),
                    field("no", &T::no), field("electorate", &T::electorate), field("at", &T::at));
}

constexpr auto description(tag<core::HrInvolved>) {
    using T = core::HrInvolved;
    return describe(
        field("scope", &T::scope), field("contacts", &T::contacts), field("by", &T::by),
        field("at", &T::at),
        field("own_channel", &T::own_channel, Place::data, Presence::omitted_when_empty));
}

// HR's finding and whether it acts drive the workflow; the plan and consequences are secrets.
constexpr auto description(tag<core::HrReported>) {
    using T = core::HrReported;
    using R = core::HrReport;
    return describe(flattened(&T::report, field("finding", &R::finding), sealed("plan", &R::plan),
                              sealed("consequences", &R::consequences),
                              field("taking_action", &R::taking_action)),
                    field("by", &T::by), field("at", &T::at));
}

// What was shared with law enforcement is a secret; who was told is not.
constexpr auto description(tag<core::LawEnforcementInvolved>) {
    using T = core::LawEnforcementInvolved;
    return describe(sealed("note", &T::note), field("notified", &T::notified), field("by", &T::by),
                    field("at", &T::at));
}

// Every word of the conversation is a secret; who talked, and its outcome, are not.
constexpr auto description(tag<core::ConversationRecorded>) {
    using T = core::ConversationRecorded;
    using C = core::Conversation;
    return describe(flattened(&T::conversation, field("talkers", &C::talkers),
                              sealed("behaviour", &C::behaviour), sealed("context", &C::context),
                              sealed("impact", &C::impact), sealed("call_in", &C::call_in),
                              sealed("plan", &C::plan), field("accepted", &C::accepted),
                              field("apology", &C::apology)),
                    field("by", &T::by), field("at", &T::at));
}

// How the incident was resolved describes it: it is kept with the secrets.
constexpr auto description(tag<core::IncidentResolved>) {
    using T = core::IncidentResolved;
    constexpr auto older_rows_lack = Presence::optional;
    return describe(sealed("resolution", &T::resolution), field("by", &T::by), field("at", &T::at),
                    field("category", &T::category, Place::data, older_rows_lack),
                    field("outcome", &T::outcome, Place::data, older_rows_lack),
                    field("role", &T::role, Place::data, older_rows_lack),
                    field("cannot_anonymise", &T::cannot_anonymise, Place::data, older_rows_lack));
}

constexpr auto description(tag<core::IncidentReopened>) {
    using T = core::IncidentReopened;
    return describe(field("motion", &T::motion), field("at", &T::at));
}

constexpr auto description(tag<core::ReporterConflictAsked>) {
    using T = core::ReporterConflictAsked;
    return describe(field("member", &T::member), field("at", &T::at));
}

constexpr auto description(tag<core::DangerResponded>) {
    using T = core::DangerResponded;
    return describe(field("member", &T::member), field("at", &T::at));
}

constexpr auto description(tag<core::ReporterConflictCleared>) {
    using T = core::ReporterConflictCleared;
    return describe(field("member", &T::member), field("at", &T::at));
}

constexpr auto description(tag<core::HrContactAnswered>) {
    using T = core::HrContactAnswered;
    return describe(field("contact", &T::contact), field("conflicted", &T::conflicted),
                    field("at", &T::at));
}

// What the committee asked HR, and what HR told it, are kept with the secrets.
constexpr auto description(tag<core::HrAsked>) {
    using T = core::HrAsked;
    return describe(sealed("question", &T::question), field("by", &T::by), field("at", &T::at));
}

constexpr auto description(tag<core::HrInformed>) {
    using T = core::HrInformed;
    return describe(sealed("information", &T::information), field("past", &T::past),
                    field("by", &T::by), field("at", &T::at));
}

// Stored like ChannelOpened ({"channel": …}): the channel index finds both.
constexpr auto description(tag<core::HrChannelOpened>) {
    using T = core::HrChannelOpened;
    return describe(field("channel", &T::channel));
}

} // namespace codec

EncodedEvent encode_event(const core::Event& event) {
    return std::visit(
        [](const auto& e) {
            const codec::Parts parts = codec::write_parts(e);
            EncodedEvent out{std::string{codec::name_of(e)}, codec::column_text(parts.data),
                             std::nullopt};
            if (!parts.sealed.empty())
                out.sensitive = codec::column_text(parts.sealed);
            return out;
        },
        event);
}

core::Event without_words(core::Event event) {
    std::visit([](auto& e) { codec::erase_sealed_words(e); }, event);
    return event;
}

std::string_view event_type_name(const core::Event& event) {
    return std::visit([](const auto& e) { return codec::name_of(e); }, event);
}

core::Event decode_event(std::string_view type, std::string_view data,
                         const std::optional<std::string>& sensitive) {
    const codec::Parts parts{codec::parsed("event data", data),
                             sensitive ? codec::parsed("event secret", *sensitive)
                                       : codec::json::object()};
    try {
        return codec::decode_named<core::Event>("event", type, [&]<typename T>(codec::tag<T>) {
            T event{};
            codec::read_parts(parts, event);
            return event;
        });
    } catch (const codec::json::exception& error) {
        codec::rethrow_as_stored("event", type, error);
    }
}

} // namespace cocbot::storage
