// File: fuzz/event_codec_fuzz.cpp
// decode_event and decode_effect on arbitrary stored rows, as a damaged or tampered database
// would hand them over; whatever decodes must survive an encode/decode round trip unchanged
// (an effect once it is written as this version writes it).
//
// Input: "event\0<type>\0<data>[\0<sensitive>]" or "effect\0<type>\0<payload>". Without the
// last separator an event has no sensitive column (NULL in the database).
#include "fuzz/fuzz_input.hpp"
#include "storage/effect_codec.hpp"
#include "storage/event_codec.hpp"

#include <cstdint>
#include <stdexcept>

namespace {

namespace fuzz = cocbot::fuzz;
namespace storage = cocbot::storage;

void event_row(std::string_view row) {
    const std::string_view type = fuzz::take_until(row, '\0');
    const auto data = fuzz::take_field(row, '\0');
    const std::optional<std::string> sensitive =
        data ? std::optional<std::string>{std::string{row}} : std::nullopt;
    cocbot::core::Event event;
    try {
        event = storage::decode_event(type, data.value_or(row), sensitive);
    } catch (const std::runtime_error&) {
        return; // the documented refusal of a row that does not decode
    }
    storage::EncodedEvent again;
    try {
        again = storage::encode_event(event);
    } catch (const std::invalid_argument&) {
        return; // an anonymous report with an identity: refused on the way in, as documented
    }
    fuzz::expect(again.type == type, "an event decoded under another type name");
    fuzz::expect(storage::decode_event(again.type, again.data, again.sensitive) == event,
                 "an event changed in an encode/decode round trip", again.type);
}

void effect_row(std::string_view row) {
    const std::string_view type = fuzz::take_until(row, '\0');
    cocbot::core::Effect effect;
    try {
        effect = storage::decode_effect(type, row);
    } catch (const std::runtime_error&) {
        return;
    }
    storage::EncodedEffect again;
    try {
        again = storage::encode_effect(effect);
    } catch (const std::invalid_argument&) {
        return;
    }
    fuzz::expect(again.type == type, "an effect decoded under another type name");
    // A message that references its text (a report, a motion's question, the record) is written
    // without it, so the first round trip may drop text an older row held; from then on it is
    // exact.
    const auto queued = storage::decode_effect(again.type, again.payload);
    fuzz::expect(storage::encode_effect(queued) == again,
                 "an effect changed in an encode/decode round trip", again.type);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input = fuzz::as_text(data, size);
    const std::string_view kind = fuzz::take_until(input, '\0');
    if (kind == "effect")
        effect_row(input);
    else
        event_row(input);
    return 0;
}
