// File: drill/transcript.hpp
// The drill's printout: step by step, what each person saw in Slack (every message cocbot
// posted or changed, every form and App Home, every channel it made or changed, and the
// answers people got), each with who could see it. It keeps every sighting for the check at
// the end.
#pragma once

#include "drill/audience.hpp"
#include "sim/fake_slack.hpp"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace cocbot::drill {

class Transcript {
public:
    Transcript(const sim::FakeSlack& slack, std::FILE* out, Audience audience);

    void heading(std::string_view text);
    void step(int number, std::string_view title);
    void say(std::string_view text); // the narrator: what happens outside Slack
    // What `user` saw at once in answer to what they did.
    void answer(const std::string& user, const nlohmann::json& payload);
    // Everything cocbot did in Slack since the last call, as the people saw it.
    void catch_up();

    // Every sighting so far; a channel's messages count as seen by everyone who was ever in
    // the channel, as its history shows them to whoever joins.
    std::vector<Sighting> sightings() const;

private:
    void show(const Sighting& seen);
    // An update shows only the lines it changed; nothing when it changed none.
    std::vector<std::string> changed_lines(const Sighting& seen, std::vector<std::string> lines);

    const sim::FakeSlack& slack_;
    std::FILE* out_;
    Audience audience_;
    std::size_t calls_seen_ = 0;
    std::vector<Sighting> sightings_;
    std::map<std::string, std::vector<std::string>> last_version_; // by Sighting::message
};

} // namespace cocbot::drill
