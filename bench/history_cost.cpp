// File: bench/history_cost.cpp
// What one report and one App Home cost as the history grows: for each size given (default 10
// and 10000), a database file with that many stored incidents (the last 5 open, as a committee
// has a few at a time; 1 in 10 of the others kept in escrow, the rest resolved), then 50 report
// filings (escrow matching included, each committed with synchronous=FULL) and 50 overviews, timed
// one by one. Prints the medians and the 90th percentiles. Run: build/bench/cocbot-bench-history
// [incidents ...]
#include "bench/stored_history.hpp"
#include "bot/app/committee_roster.hpp"
#include "bot/app/read_models.hpp"
#include "bot/app/workflow.hpp"
#include "storage/database.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace cocbot;
using Clock = std::chrono::steady_clock;

const core::UserId alice{"UALICE"}, bob{"UBOB"};
const core::Time t0{std::chrono::seconds{1'767'225'600}}; // 2026-01-01

app::CommitteeRoster roster() {
    core::Committee committee;
    committee.channel = core::ChannelId{"C0COMMITTEE"};
    committee.members = {alice, bob};
    app::CommitteeRoster result{committee};
    result.set_channel_members(committee.members);
    result.names_learned();
    return result;
}

struct Figures {
    double median_ms, p90_ms;
};

template <typename F>
Figures timed(int times, F&& operation) {
    std::vector<double> ms;
    for (int i = 0; i < times; ++i) {
        const auto start = Clock::now();
        operation(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[ms.size() * 9 / 10]};
}

void measure(int incidents) {
    const auto folder =
        std::filesystem::temp_directory_path() / ("cocbot-bench-" + std::to_string(incidents));
    std::filesystem::remove_all(folder);
    std::filesystem::create_directories(folder);
    {
        storage::Database db{(folder / "cocbot.db").string()};
        auto committee = roster();
        app::Workflow workflow{db, committee};
        const app::ReadModels reads{db, committee};
        bench::store_history(db, incidents, {alice, bob}, core::ChannelId{"C0COMMITTEE"});
        const auto filing = timed(50, [&](int i) {
            workflow.file_report(alice, bench::sample_report(i, i % 2 == 0),
                                 t0 + std::chrono::hours{i});
        });
        const auto home = timed(50, [&](int) { (void)reads.overview_for(bob); });
        std::printf(
            "%6d incidents: file a report %.2f ms (p90 %.2f), App Home %.2f ms (p90 %.2f)\n",
            incidents, filing.median_ms, filing.p90_ms, home.median_ms, home.p90_ms);
    }
    std::filesystem::remove_all(folder);
}

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty())
        sizes = {10, 10000};
    for (const int size : sizes) {
        if (size < 1) {
            std::fprintf(stderr, "usage: cocbot-bench-history [incidents ...] (each at least 1)\n");
            return 2;
        }
        measure(size);
    }
    return 0;
}
