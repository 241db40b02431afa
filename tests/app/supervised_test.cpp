// File: tests/app/supervised_test.cpp
// A loop that must not stay stopped: whatever escapes its body is classed (never quoted) and the
// body is started again after a pause, until its work is done or its owner stops it.
#include "bot/app/supervised.hpp"
#include "bot/net.hpp"

#include <SQLiteCpp/Database.h>
#include <chrono>
#include <doctest/doctest.h>
#include <exception>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace supervised_test {

// A failure type of our own, to see that its class is named as such.
struct OddAnswer : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace supervised_test

namespace {

using namespace cocbot;
using namespace std::chrono_literals;

// Pauses short enough that a test driving them on an io_context does not wait noticeably.
const app::Backoff tiny{1ms, 4ms};

// Generous: these io_contexts run out of work in milliseconds.
constexpr auto run_limit = 10s;

// A body that counts its runs and finishes.
std::function<awaitable<void>()> counting(int& calls) {
    return [&calls]() -> awaitable<void> {
        ++calls;
        co_return;
    };
}

// Runs `ioc` until its work is done, and checks that it was the work, not the time limit.
void run_out(net::io_context& ioc) {
    ioc.run_for(run_limit);
    CHECK(ioc.stopped());
}

} // namespace

TEST_SUITE("app supervised loops") {

    TEST_CASE("a body that throws twice and then finishes is restarted twice") {
        net::io_context ioc;
        int calls = 0;
        std::vector<bool> running_inside;
        app::Supervised* self = nullptr;
        app::Supervised loop(
            ioc.get_executor(), "test_loop",
            [&]() -> awaitable<void> {
                ++calls;
                running_inside.push_back(self->running());
                if (calls == 1)
                    throw std::runtime_error("Room 3, Tuesday night");
                if (calls == 2)
                    throw 42; // not even a std::exception
                co_return;
            },
            tiny);
        self = &loop;

        loop.start();
        run_out(ioc);

        CHECK(calls == 3);
        CHECK(loop.restarts() == 2);
        CHECK(running_inside == std::vector<bool>{true, true, true});
        CHECK_FALSE(loop.running()); // finished
    }

    TEST_CASE("a body that finishes is not started again") {
        net::io_context ioc;
        int calls = 0;
        app::Supervised loop(ioc.get_executor(), "test_loop", counting(calls), tiny);

        loop.start();
        run_out(ioc);

        CHECK(calls == 1);
        CHECK(loop.restarts() == 0);
        CHECK_FALSE(loop.running());
    }

    TEST_CASE("stopping during the pause after a failure prevents the restart") {
        net::io_context ioc;
        int calls = 0;
        app::Supervised loop(
            ioc.get_executor(), "test_loop",
            [&]() -> awaitable<void> {
                ++calls;
                throw std::runtime_error("always");
                co_return;
            },
            app::Backoff{1h, 1h}); // a restart would come long after this test

        loop.start();
        ioc.poll(); // the body runs, fails, and the supervisor waits to restart it
        REQUIRE(calls == 1);
        CHECK(loop.restarts() == 1);
        CHECK_FALSE(loop.running()); // between the failure and its restart

        loop.stop();
        run_out(ioc); // the pause was cut short: nothing left to run
        CHECK(calls == 1);
        CHECK_FALSE(loop.running());
    }

    TEST_CASE("a body that fails after its owner stopped it is not restarted") {
        net::io_context ioc;
        int calls = 0;
        app::Supervised* self = nullptr;
        app::Supervised loop(
            ioc.get_executor(), "test_loop",
            [&]() -> awaitable<void> {
                ++calls;
                self->stop(); // as the owner would while the body is busy
                throw std::runtime_error("interrupted");
                co_return;
            },
            tiny);
        self = &loop;

        loop.start();
        run_out(ioc);

        CHECK(calls == 1);
        CHECK(loop.restarts() == 0);
        CHECK_FALSE(loop.running());
    }

    TEST_CASE("a loop stopped before it runs never starts its body") {
        net::io_context ioc;
        int calls = 0;
        app::Supervised loop(ioc.get_executor(), "test_loop", counting(calls), tiny);

        loop.start();
        loop.stop();
        run_out(ioc);

        CHECK(calls == 0);
        CHECK_FALSE(loop.running());
    }

    TEST_CASE("a failure is classed by its type, never by its message") {
        CHECK(app::failure_class(std::make_exception_ptr(
                  std::runtime_error("Room 3, Tuesday night"))) == "std::runtime_error");
        CHECK(app::failure_class(std::make_exception_ptr(std::out_of_range("index 3 of 'Dana'"))) ==
              "std::out_of_range");
        CHECK(app::failure_class(std::make_exception_ptr(supervised_test::OddAnswer(
                  "{\"ok\":true,\"secret\":1}"))) == "supervised_test::OddAnswer");
        CHECK(app::failure_class(std::make_exception_ptr(42)) == "unknown exception");
    }

    TEST_CASE("a SQLite failure is classed by SQLite's fixed text for its code") {
        SQLite::Database sql(":memory:", SQLite::OPEN_READWRITE);
        std::exception_ptr caught;
        try {
            sql.exec("INSERT INTO reports_about_dana VALUES (1)");
        } catch (...) {
            caught = std::current_exception();
        }
        REQUIRE(caught);

        const auto named = app::failure_class(caught);

        CHECK(named.rfind("sqlite: ", 0) == 0);
        CHECK(named.find("reports_about_dana") == std::string::npos);
    }

} // TEST_SUITE
