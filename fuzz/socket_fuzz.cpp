// File: fuzz/socket_fuzz.cpp
// parse_socket_message on a fuzzed Socket Mode frame, and the ack of what it found.
//
// Input: the text frame, as Slack would send it.
#include "bot/slack/socket_message.hpp"
#include "fuzz/fuzz_input.hpp"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <variant>

namespace {

using namespace cocbot::slack;

// Both messages become log lines: nothing the sender chose may bring a control byte there.
bool printable(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

void check_envelope(const SocketEnvelope& envelope) {
    namespace fuzz = cocbot::fuzz;
    fuzz::expect(!envelope.envelope_id.empty(), "an envelope without an id");
    fuzz::expect(envelope.retry_attempt >= 0, "a negative retry attempt");
    const auto ack = nlohmann::json::parse(socket_ack(envelope.envelope_id, "{}"), nullptr, false);
    fuzz::expect(ack.is_object() && ack.contains("envelope_id"), "an ack that is not one");
    if (const auto* error = std::get_if<ParseError>(&envelope.payload)) {
        fuzz::expect(printable(error->message), "a payload error without plain text");
        fuzz::expect(error->message != "unreadable payload", "a payload reader threw");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto message = parse_socket_message(cocbot::fuzz::as_text(data, size));
    if (const auto* unknown = std::get_if<SocketUnknown>(&message))
        cocbot::fuzz::expect(printable(unknown->problem), "an unknown frame without plain text");
    if (const auto* envelope = std::get_if<SocketEnvelope>(&message))
        check_envelope(*envelope);
    if (const auto* disconnect = std::get_if<SocketDisconnect>(&message))
        cocbot::fuzz::expect(printable(disconnect->reason) &&
                                 disconnect->reason.find(' ') == std::string::npos,
                             "a disconnect reason that is not a plain word");
    return 0;
}
