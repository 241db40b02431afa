// File: bot/slack/payload_readers.hpp
// Private to payloads.cpp: the readers of each JSON payload Slack sends, over HTTP or Socket
// Mode alike. Each reads every field it keeps and leaves the first problem in the reader.
#pragma once

#include "bot/slack/json_reader.hpp"
#include "bot/slack/payloads.hpp"

namespace cocbot::slack::readers {

BlockActions block_actions(const JsonReader& r);
ViewSubmission view_submission(const JsonReader& r);
ViewClosed view_closed(const JsonReader& r);
EventCallback event_callback(const JsonReader& r);
UrlVerification url_verification(const JsonReader& r);

} // namespace cocbot::slack::readers
