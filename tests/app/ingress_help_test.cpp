// File: tests/app/ingress_help_test.cpp
// `/coc help` comes from the ingress's table of subcommands, so it names every one of them.
#include "bot/app/ingress.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace cocbot;

TEST_SUITE("ingress") {
    TEST_CASE("help mentions every command a user can type") {
        const auto help = app::Ingress::help();
        for (const auto* command : {"/coc report", "/coc list", "/coc status", "/coc vote",
                                    "/coc timeline", "/coc reopen", "/coc help"})
            CHECK(help.find(command) != std::string::npos);
        CHECK(help.find("Immediate danger") != std::string::npos);
    }
}
