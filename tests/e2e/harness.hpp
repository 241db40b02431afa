// File: tests/e2e/harness.hpp
// Everything an end-to-end test uses: the real cocbot binary (Bot) on a clock the test may move
// (TestClock), the fake Slack it talks to, the requests Slack sends, the checks on what reached
// Slack, and the incident fixtures.
#pragma once

#include "sim/eventually.hpp"
#include "sim/fake_slack.hpp"
#include "sim/http_client.hpp"
#include "sim/slack_requests.hpp"
#include "sim/slack_signer.hpp"
#include "tests/e2e/bot.hpp"
#include "tests/e2e/checks.hpp"
#include "tests/e2e/commands.hpp"
#include "tests/e2e/incident_fixture.hpp"
#include "tests/e2e/test_clock.hpp"
#include "tests/support/sample_reports.hpp"
#include "tests/support/text.hpp"
