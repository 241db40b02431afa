// File: bot/main.cpp
// `cocbot serve`, `doctor`, `drill`, `backup` and `restore`, `rekey`, `audit`, `retention`,
// `transparency`, `--help`, `--version`.
// Wiring only.
#include "bot/app/audit_command.hpp"
#include "bot/app/clock.hpp"
#include "bot/app/doctor.hpp"
#include "bot/app/retention_command.hpp"
#include "bot/app/service.hpp"
#include "bot/app/transparency_command.hpp"
#include "config/load.hpp"
#include "drill/drill.hpp"
#include "storage/backup.hpp"
#include "storage/rekey.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

extern char** environ;

namespace {

constexpr std::string_view version = COCBOT_VERSION;

constexpr std::string_view usage =
    "Usage: cocbot serve [--config FILE]\n"
    "       cocbot doctor [--config FILE]\n"
    "       cocbot drill [--slow]\n"
    "       cocbot backup FILE [--config FILE] | cocbot restore FILE [--config FILE]\n"
    "       cocbot rekey [--config FILE]\n"
    "       cocbot audit verify [--head HASH] [--config FILE]\n"
    "       cocbot audit show [REFERENCE] [--config FILE]\n"
    "       cocbot retention --dry-run [--config FILE]\n"
    "       cocbot transparency YYYY-Qn [--file F] [--config FILE]\n"
    "       cocbot --help | --version\n"
    "\n"
    "Runs a Code of Conduct committee's incident response plan as a Slack bot.\n"
    "\n"
    "Commands:\n"
    "  serve            Serve Slack's requests (Socket Mode, or POST /slack/events), and\n"
    "                   GET /healthz.\n"
    "  doctor           Check the installation against Slack and the database, one line\n"
    "                   per check, each ok or what to fix. Exit 0 only when all pass.\n"
    "  drill            A tabletop exercise: one whole incident, played by the real service\n"
    "                   in a simulated workspace, printing what each person sees. Needs no\n"
    "                   Slack, secret or configuration. Exit 0 when every step happened and\n"
    "                   nobody saw what the plan keeps from them.\n"
    "  backup FILE      Copy the database, consistently, while cocbot runs, into a new\n"
    "                   private file. Needs no Slack secret.\n"
    "  restore FILE     Put a backup in place of a database that is not there (stop cocbot\n"
    "                   and move the old files aside first). Needs no Slack secret.\n"
    "  rekey            Seal the whole database again under a new key (stop cocbot first).\n"
    "                   With a key file, it makes the key and replaces the file; with\n"
    "                   COCBOT_DATA_KEY, it takes the new key from COCBOT_NEW_DATA_KEY.\n"
    "  audit verify     Check the audit log's hash chain; name the first entry edited,\n"
    "                   removed or moved. With --head, check that the chain leads through\n"
    "                   a head cocbot posted in the committee channel. Exit 0 when it holds.\n"
    "  audit show       Print the audit log (who did or saw what, when; never report text),\n"
    "                   all of it or what concerns one REFERENCE (e.g. 2026-007).\n"
    "  retention        With --dry-run: list what retention erases next, and when\n"
    "                   (cocbot serve does the erasing).\n"
    "  transparency     The quarter's anonymised transparency report (e.g. 2026-Q3), as\n"
    "                   Markdown, from the database: printed, or written to --file F.\n"
    "\n"
    "Options:\n"
    "  --slow           (drill) Paced for a room watching a projector.\n"
    "  --head HASH      (audit verify) A chain head as posted (at least 8 hex digits).\n"
    "  --config FILE    (all but drill) TOML configuration (see\n"
    "                   config/cocbot.example.toml). Optional: without it, the defaults and\n"
    "                   the environment are used.\n"
    "  --help           Show this help.\n"
    "  --version        Show the version.\n"
    "\n"
    "Every setting can be overridden by COCBOT_<SECTION>_<KEY> (e.g. COCBOT_COMMITTEE_CHANNEL).\n"
    "Secrets come only from the environment: SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket\n"
    "Mode) or SLACK_SIGNING_SECRET (HTTP).\n";

int fail(std::string_view message) {
    std::fprintf(stderr, "cocbot: %.*s\n", static_cast<int>(message.size()), message.data());
    return 2;
}

// COCBOT_TEST_CLOCK_FILE sets the clock ahead, for the end-to-end tests only. It is refused
// unless Slack is reached over plain http://, which the configuration allows only for a
// loopback host: a bot that talks to the real Slack can never run on a test clock.
std::optional<int> start_test_clock(const cocbot::config::Config& config) {
    const char* file = std::getenv("COCBOT_TEST_CLOCK_FILE");
    if (file == nullptr)
        return std::nullopt;
    if (!config.slack.api_url.starts_with("http://"))
        return fail("COCBOT_TEST_CLOCK_FILE is for tests against a Slack on loopback only");
    cocbot::app::use_test_clock(file);
    return std::nullopt;
}

// The configuration `--config FILE` and the environment make, or the exit status after saying
// why there is none.
std::variant<cocbot::config::Config, int>
configuration(std::string_view command, const std::vector<std::string_view>& args,
              cocbot::config::Secrets need = cocbot::config::Secrets::required) {
    std::optional<std::filesystem::path> config_path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--config" && i + 1 < args.size())
            config_path = std::filesystem::path{args[++i]};
        else
            return fail(std::string{command} + ": unexpected argument '" + std::string{args[i]} +
                        "' (try cocbot --help)");
    }
    auto loaded =
        cocbot::config::load_file(config_path, cocbot::config::environment_from(environ), need);
    if (!loaded.config) {
        std::fprintf(stderr, "cocbot: the configuration is not usable:\n");
        for (const auto& error : loaded.errors)
            std::fprintf(stderr, "  - %s\n", error.c_str());
        return 2;
    }
    return std::move(*loaded.config);
}

int serve(const std::vector<std::string_view>& args) {
    const auto config = configuration("serve", args);
    if (const auto* status = std::get_if<int>(&config))
        return *status;
    try {
        if (const auto refused = start_test_clock(std::get<cocbot::config::Config>(config)))
            return *refused;
        return cocbot::app::serve(std::get<cocbot::config::Config>(config));
    } catch (const std::exception& e) {
        // Start-up failures (the port is taken, the database cannot be opened) end here.
        return fail(e.what());
    }
}

int doctor(const std::vector<std::string_view>& args) {
    const auto config = configuration("doctor", args);
    if (const auto* status = std::get_if<int>(&config))
        return *status;
    try {
        return cocbot::app::doctor(std::get<cocbot::config::Config>(config), stdout);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}

// `cocbot backup FILE` and `cocbot restore FILE`: the database copied out, or back.
int copy(std::string_view command, std::vector<std::string_view> args) {
    if (args.empty() || args[0].starts_with("--"))
        return fail(std::string{command} + ": name the file (cocbot " + std::string{command} +
                    " FILE [--config FILE])");
    const std::string file{args[0]};
    args.erase(args.begin());
    const auto config = configuration(command, args, cocbot::config::Secrets::optional);
    if (const auto* status = std::get_if<int>(&config))
        return *status;
    const auto& database = std::get<cocbot::config::Config>(config).storage.path;
    try {
        const bool out = command == "backup";
        const auto facts =
            out ? cocbot::storage::backup(database, file)
                : cocbot::storage::restore(
                      file, database,
                      cocbot::app::key_source(std::get<cocbot::config::Config>(config)));
        std::printf("cocbot: %s %lld incidents (schema %d) to %s.%s\n", out ? "copied" : "restored",
                    static_cast<long long>(facts.incidents), facts.schema,
                    out ? file.c_str() : database.c_str(),
                    out ? " Keep it where only the committee can read it." : "");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cocbot: %.*s: %s\n", static_cast<int>(command.size()), command.data(),
                     e.what());
        return 1;
    }
}

// The new key COCBOT_NEW_DATA_KEY gives, if any; nullopt in `bad` when it is set but no key.
std::optional<cocbot::storage::DataKey> new_key(bool& bad) {
    const char* text = std::getenv("COCBOT_NEW_DATA_KEY");
    bad = false;
    if (text == nullptr)
        return std::nullopt;
    auto key = cocbot::storage::key_from_base64(text);
    bad = !key;
    return key;
}

int rekey(const std::vector<std::string_view>& args) {
    const auto loaded = configuration("rekey", args, cocbot::config::Secrets::optional);
    if (const auto* status = std::get_if<int>(&loaded))
        return *status;
    const auto& config = std::get<cocbot::config::Config>(loaded);
    bool bad = false;
    const auto next = new_key(bad);
    if (bad)
        return fail("rekey: COCBOT_NEW_DATA_KEY is not the base64 of 32 bytes");
    try {
        const auto source = cocbot::app::key_source(config);
        const auto facts =
            cocbot::storage::rekey(config.storage.path, source, next, cocbot::app::now());
        std::printf("cocbot: sealed %zu values of %s under the new key, ", facts.values,
                    config.storage.path.c_str());
        if (facts.key_file_written)
            std::printf("which is in %s now: back it up at once, apart from the database.\n",
                        source.key_file.c_str());
        else
            std::printf("from COCBOT_NEW_DATA_KEY: set COCBOT_DATA_KEY to it before cocbot "
                        "starts again.\n");
        std::printf(
            "Backups made before open only with the old key: keep it as long as you keep them.\n");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cocbot: rekey: %s\n", e.what());
        return 1;
    }
}

// `cocbot audit verify [--head HASH]` and `cocbot audit show [REFERENCE]`.
int audit(std::vector<std::string_view> args) {
    const bool verify = !args.empty() && args[0] == "verify";
    if (args.empty() || (!verify && args[0] != "show"))
        return fail("audit: say verify or show (try cocbot --help)");
    args.erase(args.begin());
    std::optional<std::string> head;
    std::optional<cocbot::core::IncidentId> incident;
    if (verify && args.size() >= 2 && args[0] == "--head") {
        head = std::string{args[1]};
        args.erase(args.begin(), args.begin() + 2);
    } else if (!verify && !args.empty() && !args[0].starts_with("--")) {
        incident = cocbot::core::IncidentId{std::string{args[0]}};
        args.erase(args.begin());
    }
    const auto loaded = configuration("audit", args, cocbot::config::Secrets::optional);
    if (const auto* status = std::get_if<int>(&loaded))
        return *status;
    try {
        const auto& config = std::get<cocbot::config::Config>(loaded);
        return verify ? cocbot::app::audit_verify(config, head, stdout)
                      : cocbot::app::audit_show(config, incident, stdout);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cocbot: audit: %s\n", e.what());
        return 1;
    }
}

// `cocbot retention --dry-run`: erasing is cocbot serve's; this only looks.
int retention(std::vector<std::string_view> args) {
    if (args.empty() || args[0] != "--dry-run")
        return fail("retention: only --dry-run is offered (cocbot serve erases what is due)");
    args.erase(args.begin());
    const auto loaded = configuration("retention", args, cocbot::config::Secrets::optional);
    if (const auto* status = std::get_if<int>(&loaded))
        return *status;
    try {
        return cocbot::app::retention_dry_run(std::get<cocbot::config::Config>(loaded),
                                              cocbot::app::now(), stdout);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cocbot: retention: %s\n", e.what());
        return 1;
    }
}

// `cocbot transparency YYYY-Qn [--file F]`: only reads the database.
int transparency(std::vector<std::string_view> args) {
    const auto quarter = args.empty() ? std::nullopt : cocbot::core::quarter_from_string(args[0]);
    if (!quarter)
        return fail("transparency: name the quarter, e.g. cocbot transparency 2026-Q3");
    args.erase(args.begin());
    std::optional<std::string> file;
    if (args.size() >= 2 && args[0] == "--file") {
        file = std::string{args[1]};
        args.erase(args.begin(), args.begin() + 2);
    } else if (!args.empty() && args[0] == "--file") {
        return fail("transparency: --file needs a file name");
    }
    const auto loaded = configuration("transparency", args, cocbot::config::Secrets::optional);
    if (const auto* status = std::get_if<int>(&loaded))
        return *status;
    try {
        return cocbot::app::transparency_report(std::get<cocbot::config::Config>(loaded), *quarter,
                                                file, stdout);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cocbot: transparency: %s\n", e.what());
        return 1;
    }
}

int drill(const std::vector<std::string_view>& args) {
    cocbot::drill::DrillOptions options;
    for (const auto arg : args) {
        if (arg == "--slow")
            options.slow = true;
        else
            return fail("drill: unexpected argument '" + std::string{arg} +
                        "' (try cocbot --help)");
    }
    try {
        return cocbot::drill::run(options);
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(usage.data(), args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::printf("cocbot %.*s\n", static_cast<int>(version.size()), version.data());
        return 0;
    }
    if (args[0] == "serve")
        return serve({args.begin() + 1, args.end()});
    if (args[0] == "drill")
        return drill({args.begin() + 1, args.end()});
    if (args[0] == "doctor")
        return doctor({args.begin() + 1, args.end()});
    if (args[0] == "backup" || args[0] == "restore")
        return copy(args[0], {args.begin() + 1, args.end()});
    if (args[0] == "rekey")
        return rekey({args.begin() + 1, args.end()});
    if (args[0] == "audit")
        return audit({args.begin() + 1, args.end()});
    if (args[0] == "retention")
        return retention({args.begin() + 1, args.end()});
    if (args[0] == "transparency")
        return transparency({args.begin() + 1, args.end()});
    return fail("unknown command '" + std::string{args[0]} + "' (try cocbot --help)");
}
