// File: tests/slack/signature_test.cpp
#include "bot/slack/signature.hpp"

#include <cctype>
#include <cstdint>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>
#include <string>

namespace {

using cocbot::slack::sign;
using cocbot::slack::SignatureCheck;
using cocbot::slack::verify_signature;

std::string read_fixture(const std::string& name) {
    std::ifstream in{COCBOT_FIXTURES_DIR "/slack/" + name, std::ios::binary};
    REQUIRE_MESSAGE(in, "missing fixture " << name);
    return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

// "Name: value" lines, as in slash_command_signing_headers.txt.
std::map<std::string, std::string> read_headers(const std::string& name) {
    std::map<std::string, std::string> headers;
    std::istringstream lines{read_fixture(name)};
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(": ");
        if (colon != std::string::npos) {
            headers[line.substr(0, colon)] = line.substr(colon + 2);
        }
    }
    return headers;
}

// Slack's published example (docs "Verifying requests from Slack").
const std::string secret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr std::int64_t signed_at = 1531420618;

} // namespace

TEST_SUITE("signature") {
    TEST_CASE("Slack's published request verifies only inside the five-minute window") {
        const auto body = read_fixture("slash_command_signing_body.txt");
        const auto headers = read_headers("slash_command_signing_headers.txt");
        REQUIRE(headers.size() == 2);
        const auto& timestamp = headers.at("X-Slack-Request-Timestamp");
        const auto& signature = headers.at("X-Slack-Signature");
        REQUIRE(timestamp == "1531420618");

        SUBCASE("at the signing time it is ok") {
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at) ==
                  SignatureCheck::ok);
        }
        SUBCASE("exactly 300 s either side is still ok") {
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at + 300) ==
                  SignatureCheck::ok);
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at - 300) ==
                  SignatureCheck::ok);
        }
        SUBCASE("301 s later it is a stale replay") {
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at + 301) ==
                  SignatureCheck::stale_timestamp);
        }
        SUBCASE("301 s earlier it is stale too (a timestamp from the future)") {
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at - 301) ==
                  SignatureCheck::stale_timestamp);
        }
        SUBCASE("a tampered body does not match") {
            auto tampered = body;
            tampered.replace(tampered.find("text="), 5, "text=x");
            CHECK(verify_signature(secret, timestamp, tampered, signature, signed_at) ==
                  SignatureCheck::mismatch);
            CHECK(verify_signature(secret, timestamp, body + "\n", signature, signed_at) ==
                  SignatureCheck::mismatch);
        }
        SUBCASE("a different timestamp header does not match the signature") {
            CHECK(verify_signature(secret, "1531420619", body, signature, signed_at) ==
                  SignatureCheck::mismatch);
        }
        SUBCASE("a wrong secret does not match") {
            CHECK(verify_signature("8f742231b10e8888abcd99yyyzzz85a6", timestamp, body, signature,
                                   signed_at) == SignatureCheck::mismatch);
        }
        SUBCASE("an empty secret never verifies") {
            CHECK(verify_signature("", timestamp, body, signature, signed_at) ==
                  SignatureCheck::mismatch);
        }
        SUBCASE("a signature of another shape does not match") {
            CHECK(verify_signature(secret, timestamp, body, signature.substr(3), signed_at) ==
                  SignatureCheck::mismatch);
            CHECK(verify_signature(secret, timestamp, body, "v1" + signature.substr(2),
                                   signed_at) == SignatureCheck::mismatch);
            CHECK(verify_signature(secret, timestamp, body, signature + "0", signed_at) ==
                  SignatureCheck::mismatch);
            std::string upper = signature;
            for (auto& c : upper) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            CHECK(verify_signature(secret, timestamp, body, upper, signed_at) ==
                  SignatureCheck::mismatch);
        }
    }

    TEST_CASE("a request without the Slack headers is refused as such") {
        const auto body = read_fixture("slash_command_signing_body.txt");
        const std::string signature =
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
        CHECK(verify_signature(secret, "", body, signature, signed_at) ==
              SignatureCheck::missing_headers);
        CHECK(verify_signature(secret, "1531420618", body, "", signed_at) ==
              SignatureCheck::missing_headers);
        CHECK(verify_signature(secret, "", body, "", signed_at) == SignatureCheck::missing_headers);
    }

    TEST_CASE("a timestamp that is not plain decimal seconds is malformed") {
        const auto body = read_fixture("slash_command_signing_body.txt");
        const std::string signature = sign(secret, "1531420618", body);
        for (const char* timestamp :
             {"abc", "1531420618.5", " 1531420618", "1531420618 ", "-1531420618", "+1531420618",
              "0x5b47", "99999999999999999999999"}) {
            CAPTURE(timestamp);
            CHECK(verify_signature(secret, timestamp, body, signature, signed_at) ==
                  SignatureCheck::malformed_timestamp);
        }
    }

    TEST_CASE("extreme timestamps and clocks are stale, never an overflow") {
        const std::string max = "9223372036854775807";
        CHECK(verify_signature(secret, max, "", sign(secret, max, ""), signed_at) ==
              SignatureCheck::stale_timestamp);
        CHECK(verify_signature(secret, "0", "", sign(secret, "0", ""),
                               std::numeric_limits<std::int64_t>::min()) ==
              SignatureCheck::stale_timestamp);
        CHECK(verify_signature(secret, "0", "", sign(secret, "0", ""), 0) == SignatureCheck::ok);
    }

    TEST_CASE("sign reproduces Slack's published signature") {
        const auto body = read_fixture("slash_command_signing_body.txt");
        CHECK(sign(secret, "1531420618", body) ==
              "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    TEST_CASE("whatever sign produces, verify_signature accepts") {
        const std::string body = R"({"type":"url_verification","challenge":"abc"})";
        const auto signature = sign("another secret", "1700000000", body);
        CHECK(signature.size() == 67);
        CHECK(signature.starts_with("v0="));
        CHECK(verify_signature("another secret", "1700000000", body, signature, 1700000000) ==
              SignatureCheck::ok);
    }

    TEST_CASE("every outcome has a name for the logs") {
        CHECK(cocbot::slack::to_string(SignatureCheck::ok) == "ok");
        CHECK(cocbot::slack::to_string(SignatureCheck::missing_headers) == "missing_headers");
        CHECK(cocbot::slack::to_string(SignatureCheck::malformed_timestamp) ==
              "malformed_timestamp");
        CHECK(cocbot::slack::to_string(SignatureCheck::stale_timestamp) == "stale_timestamp");
        CHECK(cocbot::slack::to_string(SignatureCheck::mismatch) == "mismatch");
    }
}
