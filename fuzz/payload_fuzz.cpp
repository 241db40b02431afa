// File: fuzz/payload_fuzz.cpp
// parse_payload on a fuzzed Content-Type and body: forms, interactivity and the Events API.
//
// Input: "<Content-Type>\n<body>".
#include "bot/slack/payloads.hpp"
#include "fuzz/fuzz_input.hpp"

#include <algorithm>
#include <cstdint>
#include <variant>

namespace {

// parse_payload turns an exception from its readers into this message: a bug, as the readers
// are meant to check every type before converting (see parse_payload in payloads.cpp).
constexpr std::string_view reader_threw = "unreadable request body";

bool printable(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fuzz = cocbot::fuzz;
    std::string_view input = fuzz::as_text(data, size);
    const std::string_view content_type = fuzz::take_until(input, '\n');
    const std::string_view body = input;

    const auto result = cocbot::slack::parse_payload(content_type, body);
    if (const auto* error = std::get_if<cocbot::slack::ParseError>(&result)) {
        fuzz::expect(!error->message.empty(), "a ParseError without a message");
        fuzz::expect(error->message != reader_threw, "a payload reader threw", error->message);
        // The message goes to a log line and a 400 answer: no newline or other control byte
        // the sender chose may reach it.
        fuzz::expect(printable(error->message), "a ParseError with unprintable text");
        return 0;
    }
    const auto kind = cocbot::slack::kind_of(std::get<cocbot::slack::Payload>(result));
    fuzz::expect(!kind.empty(), "a payload without a kind");
    return 0;
}
