// File: bot/app/executor_texts.hpp
// What a queued effect shows but the outbox does not hold (a report, a motion's question, the
// record, a notice's quote), read from the incident's events when the effect runs, so that it
// is stored only once.
#pragma once

#include "core/effects.hpp"
#include "core/time.hpp"
#include "storage/event_store.hpp"

#include <optional>

namespace cocbot::app {

// `effect` with the text its message references filled in from the event store; the timeline
// as it stood at `queued_at`. Rows queued by earlier versions, which still hold the text, get
// the same text again. Nullopt when the message names an incident the store does not hold.
std::optional<core::Effect> with_stored_text(const core::Effect& effect, storage::EventStore& store,
                                             core::Time queued_at);

} // namespace cocbot::app
