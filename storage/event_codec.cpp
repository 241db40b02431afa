// File: storage/event_codec.cpp
// One to_json/from_json pair per type, and one table of the names types are stored under.
//
// These conversions are storage's private column format, so they live in an unnamed namespace
// and are called directly, not as ADL hooks in namespace core: hooks there would be shared with
// any other module's JSON for the same types (bot/'s Slack shapes), one definition for both.
//
// Every to_json unpacks its value with a structured binding that names each field, so a field
// added to a core type fails to compile here until it is stored.
#include "storage/event_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace cocbot::storage {

namespace {

using nlohmann::json;

template <typename T>
using tag = std::type_identity<T>;

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

constexpr std::string_view stored_name(tag<core::Post>)             { return "post"; }
constexpr std::string_view stored_name(tag<core::Update>)           { return "update"; }
constexpr std::string_view stored_name(tag<core::Ephemeral>)        { return "ephemeral"; }
constexpr std::string_view stored_name(tag<core::CreatePrivateChannel>) { return "create_private_channel"; }
constexpr std::string_view stored_name(tag<core::Invite>)           { return "invite"; }
constexpr std::string_view stored_name(tag<core::Remove>)           { return "remove"; }
constexpr std::string_view stored_name(tag<core::ArchiveChannel>)   { return "archive_channel"; }
constexpr std::string_view stored_name(tag<core::ShareEscrowedReports>) { return "share_escrowed_reports"; }

constexpr std::string_view stored_name(tag<core::TriagePrompt>)     { return "triage_prompt"; }
constexpr std::string_view stored_name(tag<core::DangerAlert>)      { return "danger_alert"; }
constexpr std::string_view stored_name(tag<core::ReportDetails>)    { return "report_details"; }
constexpr std::string_view stored_name(tag<core::ControlPanel>)     { return "control_panel"; }
constexpr std::string_view stored_name(tag<core::EscrowNotice>)     { return "escrow_notice"; }
constexpr std::string_view stored_name(tag<core::ChannelNotice>)    { return "channel_notice"; }
constexpr std::string_view stored_name(tag<core::DeadlineReminder>) { return "deadline_reminder"; }
constexpr std::string_view stored_name(tag<core::Notice>)           { return "notice"; }
constexpr std::string_view stored_name(tag<core::MotionMessage>)    { return "motion"; }
constexpr std::string_view stored_name(tag<core::Timeline>)         { return "timeline"; }
// clang-format on

template <typename T>
constexpr std::string_view name_of(const T&) {
    return stored_name(tag<T>{});
}

// The alternative of `Variant` stored under `name`, built by `decode_as(tag<Alternative>{})`.
// A variant alternative without a stored_name fails to compile.
template <typename Variant, typename DecodeAs>
Variant decode_named(std::string_view what, std::string_view name, DecodeAs decode_as) {
    std::optional<Variant> result;
    // Tries the alternatives in order and stops at the first whose stored name matches.
    const auto decode_matching = [&]<std::size_t... I>(std::index_sequence<I...>) {
        // (void): clang 14 reports the fold's unused result.
        (void)((name == stored_name(tag<std::variant_alternative_t<I, Variant>>{}) &&
                (result.emplace(decode_as(tag<std::variant_alternative_t<I, Variant>>{})), true)) ||
               ...);
    };
    decode_matching(std::make_index_sequence<std::variant_size_v<Variant>>{});
    if (!result)
        throw std::runtime_error("unknown " + std::string{what} + " type '" + std::string{name} +
                                 "'");
    return std::move(*result);
}

// The names enumeration values are stored under, one switch each so that -Wswitch points here when
// core adds a value. Add names, never rename one. Empty for a value the enumeration does not have.
constexpr std::string_view stored_name(core::MessageKind kind) {
    using enum core::MessageKind;
    switch (kind) {
    case triage_prompt:
        return "triage_prompt";
    case danger_alert:
        return "danger_alert";
    case report_details:
        return "report_details";
    case control_panel:
        return "control_panel";
    case escrow_notice:
        return "escrow_notice";
    case channel_notice:
        return "channel_notice";
    case deadline_reminder:
        return "deadline_reminder";
    case notice:
        return "notice";
    case motion:
        return "motion";
    case timeline:
        return "timeline";
    }
    return {};
}

constexpr std::string_view stored_name(core::Status status) {
    using enum core::Status;
    switch (status) {
    case none:
        return "none";
    case escrowed:
        return "escrowed";
    case triage:
        return "triage";
    case handed_off:
        return "handed_off";
    case resolved:
        return "resolved";
    }
    return {};
}

constexpr std::string_view stored_name(core::OwnerRole role) {
    using enum core::OwnerRole;
    switch (role) {
    case primary:
        return "primary";
    case secondary:
        return "secondary";
    }
    return {};
}

constexpr std::string_view stored_name(core::ReminderKind kind) {
    using enum core::ReminderKind;
    switch (kind) {
    case acknowledge_soon:
        return "acknowledge_soon";
    case acknowledge_due:
        return "acknowledge_due";
    case owners_missing:
        return "owners_missing";
    case conflict_nudge:
        return "conflict_nudge";
    case decision_overdue:
        return "decision_overdue";
    case reporter_update:
        return "reporter_update";
    }
    return {};
}

constexpr std::string_view stored_name(core::MotionResult result) {
    using enum core::MotionResult;
    switch (result) {
    case open:
        return "open";
    case passed:
        return "passed";
    case rejected:
        return "rejected";
    case lapsed:
        return "lapsed";
    }
    return {};
}

template <typename Enum>
concept StoredEnum = std::is_enum_v<Enum> && requires(Enum value) {
    stored_name(value);
};

// Text for a TEXT column. Invalid UTF-8 (a stray byte in a form field) becomes U+FFFD rather
// than failing the transaction: a report is worth more than one byte of it.
std::string column_text(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json parsed(std::string_view what, std::string_view text) {
    // cocbot stores no fractions. A float in a damaged row would reach get<std::int64_t>(), whose
    // conversion is undefined behaviour when out of range, so it is refused here instead.
    bool fraction = false;
    const auto note_fractions = [&](int, json::parse_event_t event, const json& value) {
        fraction = fraction || (event == json::parse_event_t::value && value.is_number_float());
        return true;
    };
    json j = json::parse(text, note_fractions, false);
    if (j.is_discarded()) // parse errors quote the input, which may be sensitive: say less
        throw std::runtime_error("stored " + std::string{what} + " is not valid JSON");
    if (fraction)
        throw std::runtime_error("stored " + std::string{what} + " holds a non-integral number");
    return j;
}

void set_if_not_empty(json& j, const char* key, const std::string& text) {
    if (!text.empty())
        j[key] = text;
}

// --- Values

json to_json(core::Time time) {
    return time.time_since_epoch().count();
}
void from_json(const json& j, core::Time& time) {
    time = core::Time{core::Duration{j.get<std::int64_t>()}};
}

template <typename Tag>
json to_json(const core::Id<Tag>& id) {
    return id.value;
}
template <typename Tag>
void from_json(const json& j, core::Id<Tag>& id) {
    j.get_to(id.value);
}

template <typename Tag>
json to_json(const std::vector<core::Id<Tag>>& ids) {
    json j = json::array();
    for (const auto& id : ids)
        j.push_back(to_json(id));
    return j;
}
template <typename Tag>
void from_json(const json& j, std::vector<core::Id<Tag>>& ids) {
    ids.clear();
    for (const auto& item : j.get_ref<const json::array_t&>())
        from_json(item, ids.emplace_back());
}

// Enumerations whose names core defines (to_string and a parser next to it): stored by those
// names, which core keeps stable since people and Slack payloads use them too.
template <typename Enum, typename Parse>
void from_core_name(const json& j, Enum& value, Parse parse, const char* what) {
    const auto found = parse(j.get_ref<const std::string&>());
    if (!found)
        throw std::runtime_error("unknown stored " + std::string{what});
    value = *found;
}

json to_json(core::Source source) {
    return core::to_string(source);
}
void from_json(const json& j, core::Source& source) {
    from_core_name(j, source, core::source_from_string, "source");
}

json to_json(core::MotionKind kind) {
    return core::to_string(kind);
}
void from_json(const json& j, core::MotionKind& kind) {
    from_core_name(j, kind, core::motion_kind_from_string, "motion kind");
}

json to_json(core::HrScope scope) {
    return core::to_string(scope);
}
void from_json(const json& j, core::HrScope& scope) {
    from_core_name(j, scope, core::hr_scope_from_string, "HR scope");
}

json to_json(core::HrFinding finding) {
    return core::to_string(finding);
}
void from_json(const json& j, core::HrFinding& finding) {
    from_core_name(j, finding, core::hr_finding_from_string, "HR finding");
}

json to_json(core::Apology apology) {
    return core::to_string(apology);
}
void from_json(const json& j, core::Apology& apology) {
    from_core_name(j, apology, core::apology_from_string, "apology");
}

template <StoredEnum Enum>
json to_json(Enum value) {
    const std::string_view name = stored_name(value);
    if (name.empty())
        throw std::invalid_argument("enumeration value without a stored name");
    return name;
}
// Walks the values from 0 until one has no stored name: core declares its enumerations without
// explicit values, so they are 0, 1, 2, ... (and any int is a valid value of a scoped enum).
template <StoredEnum Enum>
void from_json(const json& j, Enum& value) {
    const auto& text = j.get_ref<const std::string&>();
    for (int i = 0;; ++i) {
        const auto candidate = static_cast<Enum>(i);
        const std::string_view name = stored_name(candidate);
        if (name.empty())
            throw std::runtime_error("unknown stored enumeration value");
        if (name == text) {
            value = candidate;
            return;
        }
    }
}

json to_json(const core::ReportedPerson& person) {
    const auto& [user, name] = person;
    return {{"user", to_json(user)}, {"name", name}};
}
void from_json(const json& j, core::ReportedPerson& person) {
    from_json(j.at("user"), person.user);
    j.at("name").get_to(person.name);
}

json to_json(const core::Flags& flags) {
    const auto& [anonymous, escrow, immediate_danger, involves_employee, no_updates] = flags;
    return {{"anonymous", anonymous},
            {"escrow", escrow},
            {"immediate_danger", immediate_danger},
            {"involves_employee", involves_employee},
            {"no_updates", no_updates}};
}
void from_json(const json& j, core::Flags& flags) {
    j.at("anonymous").get_to(flags.anonymous);
    j.at("escrow").get_to(flags.escrow);
    j.at("immediate_danger").get_to(flags.immediate_danger);
    j.at("involves_employee").get_to(flags.involves_employee);
    j.at("no_updates").get_to(flags.no_updates);
}

json to_json(const core::Safety& safety) {
    const auto& [venue_security, crisis_line] = safety;
    return {{"venue_security", venue_security}, {"crisis_line", crisis_line}};
}
void from_json(const json& j, core::Safety& safety) {
    j.at("venue_security").get_to(safety.venue_security);
    j.at("crisis_line").get_to(safety.crisis_line);
}

json to_json(const core::MessageRef& ref) {
    const auto& [channel, ts] = ref;
    return {{"channel", to_json(channel)}, {"ts", ts}};
}
void from_json(const json& j, core::MessageRef& ref) {
    from_json(j.at("channel"), ref.channel);
    j.at("ts").get_to(ref.ts);
}

// --- Reports and secrets

// The last line of defence for "no identity of an anonymous reporter is stored anywhere", for
// events and outbox payloads alike.
void refuse_identity_if_anonymous(const core::Report& report, const core::UserId& submitted_by) {
    if (report.flags.anonymous && (!submitted_by.empty() || !report.reporter_name.empty() ||
                                   !report.reporter_contact.empty()))
        throw std::invalid_argument(
            "refusing to store the reporter's identity with an anonymous report");
}

// A whole report, for a message that shows it. Identity keys are written only when there is an
// identity, as in events, so that an anonymous report's payload has no such key.
json to_json(const core::Report& report) {
    const auto& [reported, description, location, reporter_name, reporter_contact, source, flags] =
        report;
    json j = {{"reported", to_json(reported)},
              {"description", description},
              {"location", location},
              {"source", to_json(source)},
              {"flags", to_json(flags)}};
    set_if_not_empty(j, "reporter_name", reporter_name);
    set_if_not_empty(j, "reporter_contact", reporter_contact);
    return j;
}
void from_json(const json& j, core::Report& report) {
    from_json(j.at("reported"), report.reported);
    j.at("description").get_to(report.description);
    j.at("location").get_to(report.location);
    from_json(j.at("source"), report.source);
    from_json(j.at("flags"), report.flags);
    report.reporter_name = j.value("reporter_name", "");
    report.reporter_contact = j.value("reporter_contact", "");
}

// Where the sensitive part of an outbox payload would be encrypted at rest. Events keep theirs in
// event_secrets; a payload keeps its in one member, "sensitive", passed through these two. The
// outbox lives in the same 0600 database, so for now the part is stored as it is; AES-256-GCM
// replaces these bodies (storing the ciphertext as a string) and nothing else.
json sealed(json secret) {
    return secret;
}
const json& unsealed(const json& stored) {
    return stored;
}

// --- Messages: an object with a "type" key naming the alternative

json to_json(const core::TriagePrompt& prompt) {
    const auto& [incident, reported, source, answered, committee_size] = prompt;
    return {{"incident", to_json(incident)},
            {"reported", to_json(reported)},
            {"source", to_json(source)},
            {"answered", answered},
            {"committee_size", committee_size}};
}
void from_json(const json& j, core::TriagePrompt& prompt) {
    from_json(j.at("incident"), prompt.incident);
    from_json(j.at("reported"), prompt.reported);
    from_json(j.at("source"), prompt.source);
    j.at("answered").get_to(prompt.answered);
    j.at("committee_size").get_to(prompt.committee_size);
}

json to_json(const core::DangerAlert& alert) {
    const auto& [incident, location, safety] = alert;
    return {{"incident", to_json(incident)}, {"location", location}, {"safety", to_json(safety)}};
}
void from_json(const json& j, core::DangerAlert& alert) {
    from_json(j.at("incident"), alert.incident);
    j.at("location").get_to(alert.location);
    from_json(j.at("safety"), alert.safety);
}

// The whole report and who submitted it: all of it sensitive.
json to_json(const core::ReportDetails& details) {
    const auto& [incident, filed_at, report, submitted_by] = details;
    refuse_identity_if_anonymous(report, submitted_by);
    json secret = {{"report", to_json(report)}};
    set_if_not_empty(secret, "submitted_by", submitted_by.value);
    return {{"incident", to_json(incident)},
            {"filed_at", to_json(filed_at)},
            {"sensitive", sealed(std::move(secret))}};
}
void from_json(const json& j, core::ReportDetails& details) {
    from_json(j.at("incident"), details.incident);
    from_json(j.at("filed_at"), details.filed_at);
    const json& secret = unsealed(j.at("sensitive"));
    from_json(secret.at("report"), details.report);
    details.submitted_by.value = secret.value("submitted_by", "");
}

// Fields after `cleared` came later: payloads queued before them decode with their defaults.
json to_json(const core::ControlPanel& panel) {
    const auto& [incident, status, primary_owner, secondary_owner, responsible, cleared,
                 awaiting_acknowledgement, reported_missing, reporter_reachable, open_motions,
                 hr_configured, hr_involved, hr_declined, escrow_pending] = panel;
    return {{"incident", to_json(incident)},
            {"status", to_json(status)},
            {"primary_owner", to_json(primary_owner)},
            {"secondary_owner", to_json(secondary_owner)},
            {"responsible", to_json(responsible)},
            {"cleared", cleared},
            {"awaiting_acknowledgement", awaiting_acknowledgement},
            {"reported_missing", reported_missing},
            {"reporter_reachable", reporter_reachable},
            {"open_motions", open_motions},
            {"hr_configured", hr_configured},
            {"hr_involved", hr_involved ? to_json(*hr_involved) : json(nullptr)},
            {"hr_declined", hr_declined},
            {"escrow_pending", escrow_pending}};
}
void from_json(const json& j, core::ControlPanel& panel) {
    from_json(j.at("incident"), panel.incident);
    from_json(j.at("status"), panel.status);
    from_json(j.at("primary_owner"), panel.primary_owner);
    from_json(j.at("secondary_owner"), panel.secondary_owner);
    from_json(j.at("responsible"), panel.responsible);
    j.at("cleared").get_to(panel.cleared);
    panel.awaiting_acknowledgement = j.value("awaiting_acknowledgement", false);
    panel.reported_missing = j.value("reported_missing", false);
    panel.reporter_reachable = j.value("reporter_reachable", true);
    panel.open_motions = j.value("open_motions", 0);
    panel.hr_configured = j.value("hr_configured", false);
    panel.hr_involved.reset();
    if (const auto scope = j.find("hr_involved"); scope != j.end() && !scope->is_null())
        from_json(*scope, panel.hr_involved.emplace());
    panel.hr_declined = j.value("hr_declined", false);
    panel.escrow_pending = j.value("escrow_pending", false);
}

json to_json(const core::EscrowNotice& notice) {
    const auto& [incident, count] = notice;
    return {{"incident", to_json(incident)}, {"count", count}};
}
void from_json(const json& j, core::EscrowNotice& notice) {
    from_json(j.at("incident"), notice.incident);
    j.at("count").get_to(notice.count);
}

// `quote` is what a person typed (an immediate action, say): sensitive, like the event it echoes.
json to_json(const core::ChannelNotice& notice) {
    const auto& [mention, text, quote] = notice;
    return {
        {"mention", to_json(mention)}, {"text", text}, {"sensitive", sealed({{"quote", quote}})}};
}
void from_json(const json& j, core::ChannelNotice& notice) {
    from_json(j.at("mention"), notice.mention);
    j.at("text").get_to(notice.text);
    unsealed(j.at("sensitive")).at("quote").get_to(notice.quote);
}

json to_json(const core::DeadlineReminder& reminder) {
    const auto& [incident, kind, due, mention] = reminder;
    return {{"incident", to_json(incident)},
            {"kind", to_json(kind)},
            {"due", to_json(due)},
            {"mention", to_json(mention)}};
}
void from_json(const json& j, core::DeadlineReminder& reminder) {
    from_json(j.at("incident"), reminder.incident);
    from_json(j.at("kind"), reminder.kind);
    from_json(j.at("due"), reminder.due);
    from_json(j.at("mention"), reminder.mention);
}

json to_json(const core::Notice& notice) {
    const auto& [text] = notice;
    return {{"text", text}};
}
void from_json(const json& j, core::Notice& notice) {
    j.at("text").get_to(notice.text);
}

// Only the electorate's ballots: who voted which way is for the channel, as on the message.
json to_json(const core::Tally& tally) {
    const auto& [yes, no, electorate, needed, result] = tally;
    return {{"yes", to_json(yes)},
            {"no", to_json(no)},
            {"electorate", electorate},
            {"needed", needed},
            {"result", to_json(result)}};
}
void from_json(const json& j, core::Tally& tally) {
    from_json(j.at("yes"), tally.yes);
    from_json(j.at("no"), tally.no);
    j.at("electorate").get_to(tally.electorate);
    j.at("needed").get_to(tally.needed);
    from_json(j.at("result"), tally.result);
}

// The question is what a member typed (a plan, a refusal): sensitive, like the event.
json to_json(const core::MotionMessage& motion) {
    const auto& [incident, number, kind, text, proposed_by, tally] = motion;
    return {{"incident", to_json(incident)}, {"number", number},
            {"kind", to_json(kind)},         {"proposed_by", to_json(proposed_by)},
            {"tally", to_json(tally)},       {"sensitive", sealed({{"text", text}})}};
}
void from_json(const json& j, core::MotionMessage& motion) {
    from_json(j.at("incident"), motion.incident);
    j.at("number").get_to(motion.number);
    from_json(j.at("kind"), motion.kind);
    from_json(j.at("proposed_by"), motion.proposed_by);
    from_json(j.at("tally"), motion.tally);
    unsealed(j.at("sensitive")).at("text").get_to(motion.text);
}

json to_json(const core::TimelineLine& line) {
    const auto& [at, who, what, quote] = line;
    return {{"at", to_json(at)}, {"who", to_json(who)}, {"what", what}, {"quote", quote}};
}
void from_json(const json& j, core::TimelineLine& line) {
    from_json(j.at("at"), line.at);
    from_json(j.at("who"), line.who);
    j.at("what").get_to(line.what);
    line.quote = j.value("quote", std::string{});
}

// The whole record of the incident, quotes included: every line is sensitive.
json to_json(const core::Timeline& timeline) {
    const auto& [incident, lines] = timeline;
    json stored_lines = json::array();
    for (const auto& line : lines)
        stored_lines.push_back(to_json(line));
    return {{"incident", to_json(incident)}, {"sensitive", sealed({{"lines", stored_lines}})}};
}
void from_json(const json& j, core::Timeline& timeline) {
    from_json(j.at("incident"), timeline.incident);
    timeline.lines.clear();
    for (const auto& line : unsealed(j.at("sensitive")).at("lines").get_ref<const json::array_t&>())
        from_json(line, timeline.lines.emplace_back());
}

json to_json(const core::Message& message) {
    return std::visit(
        [](const auto& alternative) {
            json j = to_json(alternative);
            j["type"] = name_of(alternative);
            return j;
        },
        message);
}
void from_json(const json& j, core::Message& message) {
    message = decode_named<core::Message>("message", j.at("type").get<std::string>(),
                                          [&]<typename T>(tag<T>) {
                                              T alternative{};
                                              from_json(j, alternative);
                                              return alternative;
                                          });
}

// --- Effects: the outbox payload

json to_json(const core::Post& post) {
    const auto& [incident, channel, to_user, message, remember] = post;
    return {{"incident", to_json(incident)},
            {"channel", to_json(channel)},
            {"to_user", to_json(to_user)},
            {"message", to_json(message)},
            {"remember", remember}};
}
void from_json(const json& j, core::Post& post) {
    from_json(j.at("incident"), post.incident);
    from_json(j.at("channel"), post.channel);
    from_json(j.at("to_user"), post.to_user);
    from_json(j.at("message"), post.message);
    j.at("remember").get_to(post.remember);
}

json to_json(const core::Update& update) {
    const auto& [incident, target, message] = update;
    return {{"incident", to_json(incident)},
            {"target", to_json(target)},
            {"message", to_json(message)}};
}
void from_json(const json& j, core::Update& update) {
    from_json(j.at("incident"), update.incident);
    from_json(j.at("target"), update.target);
    from_json(j.at("message"), update.message);
}

json to_json(const core::Ephemeral& ephemeral) {
    const auto& [channel, user, message] = ephemeral;
    return {{"channel", to_json(channel)}, {"user", to_json(user)}, {"message", to_json(message)}};
}
void from_json(const json& j, core::Ephemeral& ephemeral) {
    from_json(j.at("channel"), ephemeral.channel);
    from_json(j.at("user"), ephemeral.user);
    from_json(j.at("message"), ephemeral.message);
}

json to_json(const core::CreatePrivateChannel& create) {
    const auto& [incident, name] = create;
    return {{"incident", to_json(incident)}, {"name", name}};
}
void from_json(const json& j, core::CreatePrivateChannel& create) {
    from_json(j.at("incident"), create.incident);
    j.at("name").get_to(create.name);
}

// Invite and Remove have the same fields: one incident's channel, one user.
template <typename Membership>
requires std::is_same_v<Membership, core::Invite> || std::is_same_v<Membership, core::Remove>
    json to_json(const Membership& change) {
    const auto& [incident, channel, user] = change;
    return {
        {"incident", to_json(incident)}, {"channel", to_json(channel)}, {"user", to_json(user)}};
}
template <typename Membership>
requires std::is_same_v<Membership, core::Invite> || std::is_same_v<Membership, core::Remove>
void from_json(const json& j, Membership& change) {
    from_json(j.at("incident"), change.incident);
    from_json(j.at("channel"), change.channel);
    from_json(j.at("user"), change.user);
}

// Archiving and sharing name an incident's channel; the escrowed reports' text is read by the
// executor from the event store, never queued.
json to_json(const core::ArchiveChannel& archive) {
    const auto& [incident, channel] = archive;
    return {{"incident", to_json(incident)}, {"channel", to_json(channel)}};
}
void from_json(const json& j, core::ArchiveChannel& archive) {
    from_json(j.at("incident"), archive.incident);
    from_json(j.at("channel"), archive.channel);
}

json to_json(const core::ShareEscrowedReports& share) {
    const auto& [incident, channel, escrowed] = share;
    return {{"incident", to_json(incident)},
            {"channel", to_json(channel)},
            {"escrowed", to_json(escrowed)}};
}
void from_json(const json& j, core::ShareEscrowedReports& share) {
    from_json(j.at("incident"), share.incident);
    from_json(j.at("channel"), share.channel);
    from_json(j.at("escrowed"), share.escrowed);
}

// --- Events: the public `data` column and the sensitive one (empty when there is nothing)

struct Columns {
    json data = json::object();
    json sensitive = json::object();
};

Columns to_columns(const core::ReportFiled& filed) {
    const auto& [incident, at, report, submitted_by, committee, committee_channel,
                 reported_is_member, escrow_matches] = filed;
    refuse_identity_if_anonymous(report, submitted_by);
    const auto& [reported, description, location, reporter_name, reporter_contact, source, flags] =
        report;
    Columns out;
    out.data = {{"incident", to_json(incident)},
                {"at", to_json(at)},
                {"reported", to_json(reported)},
                {"source", to_json(source)},
                {"flags", to_json(flags)},
                {"committee", to_json(committee)},
                {"committee_channel", to_json(committee_channel)},
                {"reported_is_member", reported_is_member},
                {"escrow_matches", to_json(escrow_matches)}};
    out.sensitive = {{"description", description}, {"location", location}};
    // Identity is written only when there is one: an anonymous report's row has no such key.
    set_if_not_empty(out.sensitive, "reporter_name", reporter_name);
    set_if_not_empty(out.sensitive, "reporter_contact", reporter_contact);
    set_if_not_empty(out.sensitive, "submitted_by", submitted_by.value);
    return out;
}
void from_columns(const Columns& in, core::ReportFiled& filed) {
    const json& data = in.data;
    from_json(data.at("incident"), filed.incident);
    from_json(data.at("at"), filed.at);
    from_json(data.at("reported"), filed.report.reported);
    from_json(data.at("source"), filed.report.source);
    from_json(data.at("flags"), filed.report.flags);
    from_json(data.at("committee"), filed.committee);
    from_json(data.at("committee_channel"), filed.committee_channel);
    data.at("reported_is_member").get_to(filed.reported_is_member);
    // Rows written before escrow matching existed have no such key: no matches.
    if (const auto matches = data.find("escrow_matches"); matches != data.end())
        from_json(*matches, filed.escrow_matches);

    const json& sensitive = in.sensitive;
    sensitive.at("description").get_to(filed.report.description);
    sensitive.at("location").get_to(filed.report.location);
    filed.report.reporter_name = sensitive.value("reporter_name", "");
    filed.report.reporter_contact = sensitive.value("reporter_contact", "");
    filed.submitted_by.value = sensitive.value("submitted_by", "");
}

Columns to_columns(const core::ConflictDeclared& declared) {
    const auto& [member, conflicted, at] = declared;
    Columns out;
    out.data = {{"member", to_json(member)}, {"conflicted", conflicted}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::ConflictDeclared& declared) {
    from_json(in.data.at("member"), declared.member);
    in.data.at("conflicted").get_to(declared.conflicted);
    from_json(in.data.at("at"), declared.at);
}

Columns to_columns(const core::MessagePosted& posted) {
    const auto& [message, kind, motion] = posted;
    Columns out;
    out.data = {{"message", to_json(message)}, {"kind", to_json(kind)}, {"motion", motion}};
    return out;
}
void from_columns(const Columns& in, core::MessagePosted& posted) {
    from_json(in.data.at("message"), posted.message);
    from_json(in.data.at("kind"), posted.kind);
    // Rows written before motions existed have no such key: no motion.
    posted.motion = in.data.value("motion", 0);
}

// EventStore::incident_by_channel reads "channel" from this event's data in SQL: keep the key.
Columns to_columns(const core::ChannelOpened& opened) {
    const auto& [channel] = opened;
    Columns out;
    out.data = {{"channel", to_json(channel)}};
    return out;
}
void from_columns(const Columns& in, core::ChannelOpened& opened) {
    from_json(in.data.at("channel"), opened.channel);
}

Columns to_columns(const core::OwnerNamed& named) {
    const auto& [role, owner, by, at] = named;
    Columns out;
    out.data = {{"role", to_json(role)},
                {"owner", to_json(owner)},
                {"by", to_json(by)},
                {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::OwnerNamed& named) {
    from_json(in.data.at("role"), named.role);
    from_json(in.data.at("owner"), named.owner);
    from_json(in.data.at("by"), named.by);
    from_json(in.data.at("at"), named.at);
}

Columns to_columns(const core::UnclearedMemberFound& found) {
    const auto& [user, at] = found;
    Columns out;
    out.data = {{"user", to_json(user)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::UnclearedMemberFound& found) {
    from_json(in.data.at("user"), found.user);
    from_json(in.data.at("at"), found.at);
}

// `error` is Slack's error code (e.g. "restricted_action"), not content.
Columns to_columns(const core::RemovalRefused& refused) {
    const auto& [user, error, at] = refused;
    Columns out;
    out.data = {{"user", to_json(user)}, {"error", error}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::RemovalRefused& refused) {
    from_json(in.data.at("user"), refused.user);
    in.data.at("error").get_to(refused.error);
    from_json(in.data.at("at"), refused.at);
}

// What was done about the danger describes the incident: it is kept with the secrets.
Columns to_columns(const core::ImmediateActionRecorded& recorded) {
    const auto& [by, action, at] = recorded;
    Columns out;
    out.data = {{"by", to_json(by)}, {"at", to_json(at)}};
    out.sensitive = {{"action", action}};
    return out;
}
void from_columns(const Columns& in, core::ImmediateActionRecorded& recorded) {
    from_json(in.data.at("by"), recorded.by);
    in.sensitive.at("action").get_to(recorded.action);
    from_json(in.data.at("at"), recorded.at);
}

Columns to_columns(const core::EscrowActivated& activated) {
    const auto& [escrowed, by, at] = activated;
    Columns out;
    out.data = {{"escrowed", to_json(escrowed)}, {"by", to_json(by)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::EscrowActivated& activated) {
    from_json(in.data.at("escrowed"), activated.escrowed);
    from_json(in.data.at("by"), activated.by);
    from_json(in.data.at("at"), activated.at);
}

Columns to_columns(const core::ReporterAcknowledged& acknowledged) {
    const auto& [by, at] = acknowledged;
    Columns out;
    out.data = {{"by", to_json(by)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::ReporterAcknowledged& acknowledged) {
    from_json(in.data.at("by"), acknowledged.by);
    from_json(in.data.at("at"), acknowledged.at);
}

Columns to_columns(const core::ReminderSent& sent) {
    const auto& [kind, member, at] = sent;
    Columns out;
    out.data = {{"kind", to_json(kind)}, {"member", to_json(member)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::ReminderSent& sent) {
    from_json(in.data.at("kind"), sent.kind);
    from_json(in.data.at("member"), sent.member);
    from_json(in.data.at("at"), sent.at);
}

Columns to_columns(const core::ReportedPersonMissing& marked) {
    const auto& [missing, by, at] = marked;
    Columns out;
    out.data = {{"missing", missing}, {"by", to_json(by)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::ReportedPersonMissing& marked) {
    in.data.at("missing").get_to(marked.missing);
    from_json(in.data.at("by"), marked.by);
    from_json(in.data.at("at"), marked.at);
}

// What was said to the reporter is about the report: it is kept with the secrets.
Columns to_columns(const core::ReporterFollowedUp& followed) {
    const auto& [by, note, decision, at] = followed;
    Columns out;
    out.data = {{"by", to_json(by)}, {"decision", decision}, {"at", to_json(at)}};
    out.sensitive = {{"note", note}};
    return out;
}
void from_columns(const Columns& in, core::ReporterFollowedUp& followed) {
    from_json(in.data.at("by"), followed.by);
    in.sensitive.at("note").get_to(followed.note);
    in.data.at("decision").get_to(followed.decision);
    from_json(in.data.at("at"), followed.at);
}

// The question as put to the members is what the proposer typed: it is kept with the secrets.
Columns to_columns(const core::MotionProposed& proposed) {
    const auto& [motion, kind, text, by, at] = proposed;
    Columns out;
    out.data = {
        {"motion", motion}, {"kind", to_json(kind)}, {"by", to_json(by)}, {"at", to_json(at)}};
    out.sensitive = {{"text", text}};
    return out;
}
void from_columns(const Columns& in, core::MotionProposed& proposed) {
    in.data.at("motion").get_to(proposed.motion);
    from_json(in.data.at("kind"), proposed.kind);
    in.sensitive.at("text").get_to(proposed.text);
    from_json(in.data.at("by"), proposed.by);
    from_json(in.data.at("at"), proposed.at);
}

Columns to_columns(const core::BallotCast& cast) {
    const auto& [motion, voter, yes, at] = cast;
    Columns out;
    out.data = {{"motion", motion}, {"voter", to_json(voter)}, {"yes", yes}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::BallotCast& cast) {
    in.data.at("motion").get_to(cast.motion);
    from_json(in.data.at("voter"), cast.voter);
    in.data.at("yes").get_to(cast.yes);
    from_json(in.data.at("at"), cast.at);
}

Columns to_columns(const core::MotionDecided& decided) {
    const auto& [motion, passed, yes, no, electorate, at] = decided;
    Columns out;
    out.data = {{"motion", motion}, {"passed", passed},         {"yes", yes},
                {"no", no},         {"electorate", electorate}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::MotionDecided& decided) {
    in.data.at("motion").get_to(decided.motion);
    in.data.at("passed").get_to(decided.passed);
    in.data.at("yes").get_to(decided.yes);
    in.data.at("no").get_to(decided.no);
    in.data.at("electorate").get_to(decided.electorate);
    from_json(in.data.at("at"), decided.at);
}

// A member leaving the channel and coming back have the same fields: who, and when.
template <typename Presence>
requires std::is_same_v<Presence, core::MemberLeftChannel> ||
    std::is_same_v<Presence, core::MemberReturned>
        Columns to_columns(const Presence& change) {
    const auto& [user, at] = change;
    Columns out;
    out.data = {{"user", to_json(user)}, {"at", to_json(at)}};
    return out;
}
template <typename Presence>
requires std::is_same_v<Presence, core::MemberLeftChannel> ||
    std::is_same_v<Presence, core::MemberReturned>
void from_columns(const Columns& in, Presence& change) {
    from_json(in.data.at("user"), change.user);
    from_json(in.data.at("at"), change.at);
}

Columns to_columns(const core::HrInvolved& involved) {
    const auto& [scope, contacts, by, at] = involved;
    Columns out;
    out.data = {{"scope", to_json(scope)},
                {"contacts", to_json(contacts)},
                {"by", to_json(by)},
                {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::HrInvolved& involved) {
    from_json(in.data.at("scope"), involved.scope);
    from_json(in.data.at("contacts"), involved.contacts);
    from_json(in.data.at("by"), involved.by);
    from_json(in.data.at("at"), involved.at);
}

Columns to_columns(const core::HrDropped& dropped) {
    const auto& [by, at] = dropped;
    Columns out;
    out.data = {{"by", to_json(by)}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::HrDropped& dropped) {
    from_json(in.data.at("by"), dropped.by);
    from_json(in.data.at("at"), dropped.at);
}

// HR's finding and whether it acts drive the workflow; the plan and consequences are secrets.
Columns to_columns(const core::HrReported& reported) {
    const auto& [report, by, at] = reported;
    const auto& [finding, plan, consequences, taking_action] = report;
    Columns out;
    out.data = {{"finding", to_json(finding)},
                {"taking_action", taking_action},
                {"by", to_json(by)},
                {"at", to_json(at)}};
    out.sensitive = {{"plan", plan}, {"consequences", consequences}};
    return out;
}
void from_columns(const Columns& in, core::HrReported& reported) {
    from_json(in.data.at("finding"), reported.report.finding);
    in.sensitive.at("plan").get_to(reported.report.plan);
    in.sensitive.at("consequences").get_to(reported.report.consequences);
    in.data.at("taking_action").get_to(reported.report.taking_action);
    from_json(in.data.at("by"), reported.by);
    from_json(in.data.at("at"), reported.at);
}

// What was shared with law enforcement is a secret; who was told is not.
Columns to_columns(const core::LawEnforcementInvolved& involved) {
    const auto& [note, notified, by, at] = involved;
    Columns out;
    out.data = {{"notified", to_json(notified)}, {"by", to_json(by)}, {"at", to_json(at)}};
    out.sensitive = {{"note", note}};
    return out;
}
void from_columns(const Columns& in, core::LawEnforcementInvolved& involved) {
    in.sensitive.at("note").get_to(involved.note);
    from_json(in.data.at("notified"), involved.notified);
    from_json(in.data.at("by"), involved.by);
    from_json(in.data.at("at"), involved.at);
}

// Every word of the conversation is a secret; who talked, and its outcome, are not.
Columns to_columns(const core::ConversationRecorded& recorded) {
    const auto& [conversation, by, at] = recorded;
    const auto& [talkers, behaviour, context, impact, call_in, plan, accepted, apology] =
        conversation;
    Columns out;
    out.data = {{"talkers", to_json(talkers)},
                {"accepted", accepted},
                {"apology", to_json(apology)},
                {"by", to_json(by)},
                {"at", to_json(at)}};
    out.sensitive = {{"behaviour", behaviour},
                     {"context", context},
                     {"impact", impact},
                     {"call_in", call_in},
                     {"plan", plan}};
    return out;
}
void from_columns(const Columns& in, core::ConversationRecorded& recorded) {
    auto& conversation = recorded.conversation;
    from_json(in.data.at("talkers"), conversation.talkers);
    in.sensitive.at("behaviour").get_to(conversation.behaviour);
    in.sensitive.at("context").get_to(conversation.context);
    in.sensitive.at("impact").get_to(conversation.impact);
    in.sensitive.at("call_in").get_to(conversation.call_in);
    in.sensitive.at("plan").get_to(conversation.plan);
    in.data.at("accepted").get_to(conversation.accepted);
    from_json(in.data.at("apology"), conversation.apology);
    from_json(in.data.at("by"), recorded.by);
    from_json(in.data.at("at"), recorded.at);
}

// How the incident was resolved describes it: it is kept with the secrets.
Columns to_columns(const core::IncidentResolved& resolved) {
    const auto& [resolution, by, at] = resolved;
    Columns out;
    out.data = {{"by", to_json(by)}, {"at", to_json(at)}};
    out.sensitive = {{"resolution", resolution}};
    return out;
}
void from_columns(const Columns& in, core::IncidentResolved& resolved) {
    in.sensitive.at("resolution").get_to(resolved.resolution);
    from_json(in.data.at("by"), resolved.by);
    from_json(in.data.at("at"), resolved.at);
}

Columns to_columns(const core::IncidentReopened& reopened) {
    const auto& [motion, at] = reopened;
    Columns out;
    out.data = {{"motion", motion}, {"at", to_json(at)}};
    return out;
}
void from_columns(const Columns& in, core::IncidentReopened& reopened) {
    in.data.at("motion").get_to(reopened.motion);
    from_json(in.data.at("at"), reopened.at);
}

// Decoding errors from the JSON library name keys and types, never values; keep their text.
template <typename Decode>
auto decoding(std::string_view what, std::string_view type, Decode decode) {
    try {
        return decode();
    } catch (const json::exception& error) {
        throw std::runtime_error("cannot decode stored " + std::string{what} + " '" +
                                 std::string{type} + "': " + error.what());
    }
}

} // namespace

EncodedEvent encode_event(const core::Event& event) {
    return std::visit(
        [](const auto& e) {
            const Columns columns = to_columns(e);
            EncodedEvent out{std::string{name_of(e)}, column_text(columns.data), std::nullopt};
            if (!columns.sensitive.empty())
                out.sensitive = column_text(columns.sensitive);
            return out;
        },
        event);
}

core::Event decode_event(std::string_view type, std::string_view data,
                         const std::optional<std::string>& sensitive) {
    const Columns columns{parsed("event data", data),
                          sensitive ? parsed("event secret", *sensitive) : json::object()};
    return decoding("event", type, [&] {
        return decode_named<core::Event>("event", type, [&]<typename T>(tag<T>) {
            T event{};
            from_columns(columns, event);
            return event;
        });
    });
}

EncodedEffect encode_effect(const core::Effect& effect) {
    return std::visit(
        [](const auto& e) {
            return EncodedEffect{std::string{name_of(e)}, column_text(to_json(e))};
        },
        effect);
}

core::Effect decode_effect(std::string_view type, std::string_view payload) {
    const json j = parsed("effect payload", payload);
    return decoding("effect", type, [&] {
        return decode_named<core::Effect>("effect", type, [&]<typename T>(tag<T>) {
            T effect{};
            from_json(j, effect);
            return effect;
        });
    });
}

} // namespace cocbot::storage
