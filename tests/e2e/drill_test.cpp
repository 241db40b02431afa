// File: tests/e2e/drill_test.cpp
// End-to-end: `cocbot drill`, the README's first command, plays the whole plan in its own
// simulated workspace with nothing else: no network, Slack app, secret, configuration file or
// even an environment. It passes only when every step happened and the check found nobody shown
// what the plan keeps from them, and it leaves nothing behind.
#include "tests/storage/temp_dir.hpp"
#include "tests/support/process.hpp"

#include <doctest/doctest.h>
#include <filesystem>

using namespace cocbot::testing;
using cocbot::storage::testing::TempDir;

namespace {

struct Run {
    std::optional<int> status;
    std::string output;
};

// `cocbot drill <args>` with TMPDIR alone in its environment, to its end (bounded).
Run drill(const TempDir& tmp, std::vector<std::string> args) {
    args.insert(args.begin(), "drill");
    const auto output = tmp.file("output.txt");
    Run run;
    {
        ChildProcess process{COCBOT_BINARY, args, {{"TMPDIR", tmp.path.string()}}, output};
        run.status = process.wait(std::chrono::seconds(90));
    }
    run.output = read_file(output);
    return run;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_SUITE("e2e: cocbot drill") {
    TEST_CASE("the drill plays the whole plan with nothing but the binary, and passes") {
        TempDir tmp;
        const auto run = drill(tmp, {});
        REQUIRE_MESSAGE(run.status.has_value(), run.output);
        CHECK_MESSAGE(*run.status == 0, run.output);
        CHECK(count_of(run.output, "── Step ") == 15);
        CHECK(run.output.find("✗") == std::string::npos);
        CHECK(run.output.find("── The confidentiality check") != std::string::npos);
        CHECK(run.output.find("no one saw a word of the report that the plan keeps from them") !=
              std::string::npos);
        CHECK(run.output.find("✓ The drill passed") != std::string::npos);
        // What the people saw is printed: the motions' results and the archived channel.
        CHECK(run.output.find("Motion 2 passed (3 yes, 1 no, of 4)") != std::string::npos);
        CHECK(run.output.find("Motion 4 was rejected (0 yes, 3 no, of 4)") != std::string::npos);
        CHECK(run.output.find("The deadline to acknowledge the reporter") != std::string::npos);
        CHECK(run.output.find("was due to reach the reporter") != std::string::npos);
        CHECK(run.output.find("archived") != std::string::npos);
        // The service's own log went to the drill's folder, which a passed drill removes.
        CHECK(run.output.find(" info listening ") == std::string::npos);
        CHECK(std::distance(std::filesystem::directory_iterator{tmp.path},
                            std::filesystem::directory_iterator{}) == 1); // output.txt alone
    }

    TEST_CASE("the drill refuses an argument it does not know, and says how to get help") {
        TempDir tmp;
        const auto run = drill(tmp, {"--fast"});
        REQUIRE(run.status.has_value());
        CHECK(*run.status == 2);
        CHECK(run.output.find("drill: unexpected argument '--fast' (try cocbot --help)") !=
              std::string::npos);
    }
}
