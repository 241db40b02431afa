// File: drill/scenario.hpp
// The incident the drill plays, step by step as the plan runs it: a phone report of an
// immediate danger, the conflict question, the private channel and its owners, the 24-hour
// clock, HR, the four standard motions (one tied before it passes), the conversation with the
// reported person, the one-week clock, the reporter told, and the incident resolved.
#pragma once

#include "drill/stage.hpp"
#include "drill/words.hpp"

#include <functional>
#include <string>
#include <vector>

namespace cocbot::drill {

// The plan's clocks as the drill runs them: the 24-hour deadlines take `day`, the one-week
// deadlines `week`.
struct DrillClock {
    std::chrono::seconds day{3};
    std::chrono::seconds week{21};
};

class Scenario {
public:
    Scenario(Stage& stage, DrillClock clock);

    struct Step {
        std::string title;
        std::function<void()> play;
    };
    // In order; each waits for what it must see before the next may start.
    std::vector<Step> steps();

    const Words& words() const { return words_; }

private:
    // The first steps: the report to the 24-hour clock (scenario.cpp).
    void phone_report();
    void conflict_question();
    void owners();
    void immediate_action();
    void first_day();
    void hr();
    // The decisions to the end (scenario_decisions.cpp).
    void violation_motion();
    void plan_motion();
    void consequences_motion();
    void refusal_motion();
    void conversation();
    void first_week();
    void reporter_told();
    void resolved();
    void others_see_nothing();

    // Presses a control-message button that opens a form; returns the form.
    nlohmann::json open_form(const std::string& user, const std::string& action_id,
                             const std::string& callback);
    void submit_form(const std::string& user, const std::string& callback,
                     const nlohmann::json& values);
    void expect_posted(const std::string& channel, const std::string& fragment,
                       std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // Waits for the next motion's ballot in the channel; returns its number.
    int motion_opened();
    void ballot(const std::string& user, int motion, bool yes);

    Stage& stage_;
    DrillClock clock_;
    Words words_;
    std::string reference_;
    std::string channel_;    // the incident's private channel
    std::string hr_channel_; // HR's channel with the cleared members
    int motions_ = 0;
};

} // namespace cocbot::drill
