// File: bot/app/executor_texts.cpp
#include "bot/app/executor_texts.hpp"

#include "core/overloaded.hpp"

#include <algorithm>
#include <iterator>

namespace cocbot::app {

namespace {

// Fills `message` from `incident`; false when the text is not there to be had.
bool fill(core::ReportDetails& details, const core::Incident& incident, core::Time) {
    details = {incident.id, incident.filed_at, incident.report, incident.submitted_by};
    return true;
}

// Where the reporter is and what they wear identify them: kept with the report alone.
bool fill(core::DangerAlert& alert, const core::Incident& incident, core::Time) {
    alert.whereabouts = incident.report.whereabouts;
    alert.appearance = incident.report.appearance;
    return true;
}

bool fill(core::MotionMessage& message, const core::Incident& incident, core::Time) {
    const core::Motion* motion = incident.motion(message.number);
    if (motion == nullptr)
        return false;
    message.text = motion->text;
    return true;
}

bool fill(core::ChannelNotice& notice, const core::Incident& incident, core::Time) {
    const std::string* quote = incident.quoted(*notice.quoted);
    if (quote == nullptr)
        return false;
    notice.quote = *quote;
    return true;
}

// Lines are stamped with the time of the command that caused them, as the effect is: the record
// as it stood then, without what later commands added.
bool fill(core::Timeline& timeline, const core::Incident& incident, core::Time queued_at) {
    timeline.lines.clear();
    std::copy_if(incident.timeline.begin(), incident.timeline.end(),
                 std::back_inserter(timeline.lines),
                 [&](const core::TimelineLine& line) { return line.at <= queued_at; });
    return true;
}

// The incident a message's referenced text comes from; nullptr for messages that hold all of
// theirs.
const core::IncidentId* source_of(const core::Message& message) {
    return std::visit(core::overloaded{
                          [](const core::ReportDetails& m) { return &m.incident; },
                          [](const core::DangerAlert& m) { return &m.incident; },
                          [](const core::MotionMessage& m) { return &m.incident; },
                          [](const core::Timeline& m) { return &m.incident; },
                          [](const core::ChannelNotice& m) -> const core::IncidentId* {
                              return m.quoted ? &m.quoted->incident : nullptr;
                          },
                          [](const auto&) -> const core::IncidentId* { return nullptr; },
                      },
                      message);
}

bool load(core::Message& message, storage::EventStore& store, core::Time queued_at) {
    const core::IncidentId* source = source_of(message);
    if (source == nullptr)
        return true;
    const core::Incident incident = store.incident(*source);
    if (!incident.exists())
        return false;
    return std::visit(core::overloaded{
                          [&](core::ReportDetails& m) { return fill(m, incident, queued_at); },
                          [&](core::MotionMessage& m) { return fill(m, incident, queued_at); },
                          [&](core::DangerAlert& m) { return fill(m, incident, queued_at); },
                          [&](core::Timeline& m) { return fill(m, incident, queued_at); },
                          [&](core::ChannelNotice& m) { return fill(m, incident, queued_at); },
                          [](auto&) { return true; },
                      },
                      message);
}

} // namespace

std::optional<core::Effect> with_stored_text(const core::Effect& effect, storage::EventStore& store,
                                             core::Time queued_at) {
    core::Effect loaded = effect;
    const bool found =
        std::visit(core::overloaded{
                       [&](core::Post& p) { return load(p.message, store, queued_at); },
                       [&](core::Update& u) { return load(u.message, store, queued_at); },
                       [&](core::Ephemeral& e) { return load(e.message, store, queued_at); },
                       [](auto&) { return true; },
                   },
                   loaded);
    if (!found)
        return std::nullopt;
    return loaded;
}

} // namespace cocbot::app
