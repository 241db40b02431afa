// File: fuzz/signature_fuzz.cpp
// verify_signature on fuzzed X-Slack-Request-Timestamp and X-Slack-Signature headers and body.
//
// Input: "<timestamp header>\n<signature header>\n<body>". The clock and the secret are those
// of Slack's published signing example, so a seed made from it verifies.
#include "bot/slack/signature.hpp"
#include "fuzz/fuzz_input.hpp"

#include <cstdint>
#include <string>

namespace {

using cocbot::slack::SignatureCheck;

constexpr std::string_view secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::int64_t now = 1531420618;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fuzz = cocbot::fuzz;
    std::string_view input = fuzz::as_text(data, size);
    const std::string_view timestamp = fuzz::take_until(input, '\n');
    const std::string_view signature = fuzz::take_until(input, '\n');
    const std::string_view body = input;

    const SignatureCheck check =
        cocbot::slack::verify_signature(secret, timestamp, body, signature, now);
    fuzz::expect(!cocbot::slack::to_string(check).empty(), "a check without a name");

    // Only the one right signature passes, and it does whenever the timestamp is acceptable.
    const std::string right = cocbot::slack::sign(secret, timestamp, body);
    const bool timestamp_accepted =
        check == SignatureCheck::ok || check == SignatureCheck::mismatch;
    fuzz::expect((check == SignatureCheck::ok) == (timestamp_accepted && signature == right),
                 "verify_signature disagrees with sign()", cocbot::slack::to_string(check));
    if (timestamp_accepted)
        fuzz::expect(cocbot::slack::verify_signature(secret, timestamp, body, right, now) ==
                         SignatureCheck::ok,
                     "the right signature is refused");

    // An empty secret never lets anything through, not even a request "signed" with it.
    const std::string unkeyed = cocbot::slack::sign("", timestamp, body);
    fuzz::expect(cocbot::slack::verify_signature("", timestamp, body, unkeyed, now) !=
                     SignatureCheck::ok,
                 "an empty signing secret verified a request");
    return 0;
}
