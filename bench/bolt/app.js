// File: bench/bolt/app.js
// The app a Slack-bot author would write instead of cocbot, doing the same work for the same
// requests, so that bench/run.sh can measure both in one run: `/coc report` acks and opens the
// form; a submitted form is inserted with synchronous=FULL, acknowledged, and the committee
// channel gets a message; a member's "no conflict" is stored, then acknowledged; App Home is
// published when opened. It reads cocbot's environment (listen address, Web API URL, database
// path, committee channel) so that the load driver starts both alike.
'use strict';

const { App, LogLevel } = require('@slack/bolt');
const Database = require('better-sqlite3');

const env = process.env;
const port = Number((env.COCBOT_HTTP_LISTEN || '127.0.0.1:3000').split(':').pop());

const db = new Database(env.COCBOT_STORAGE_PATH || 'bolt.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, view_id TEXT UNIQUE, submitted_by TEXT, state TEXT, filed_at INTEGER)`);
const insert = db.prepare(
  'INSERT OR IGNORE INTO reports (view_id, submitted_by, state, filed_at) VALUES (?, ?, ?, ?)');
db.exec(`CREATE TABLE IF NOT EXISTS declarations (
  report TEXT, member TEXT, at INTEGER, PRIMARY KEY (report, member))`);
const declare = db.prepare(
  'INSERT OR REPLACE INTO declarations (report, member, at) VALUES (?, ?, ?)');
const openReports = db.prepare('SELECT count(*) AS n FROM reports');

const reportForm = {
  type: 'modal',
  callback_id: 'coc_report',
  title: { type: 'plain_text', text: 'Report an incident' },
  submit: { type: 'plain_text', text: 'Send' },
  blocks: [
    {
      type: 'input',
      block_id: 'description',
      label: { type: 'plain_text', text: 'What happened?' },
      element: { type: 'plain_text_input', action_id: 'description', multiline: true },
    },
  ],
};

const app = new App({
  token: env.SLACK_BOT_TOKEN,
  signingSecret: env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: env.COCBOT_SLACK_API_URL },
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});

app.command('/coc', async ({ ack, body, client }) => {
  await ack();
  await client.views.open({ trigger_id: body.trigger_id, view: reportForm });
});

app.view('coc_report', async ({ ack, body, view, client }) => {
  insert.run(view.id, body.user.id, JSON.stringify(view.state.values), Date.now());
  await ack();
  await client.chat.postMessage({ channel: env.COCBOT_COMMITTEE_CHANNEL, text: 'A report came in.' });
});

app.action('conflict_none', async ({ ack, body }) => {
  declare.run(body.actions[0].value, body.user.id, Date.now());
  await ack();
});

app.event('app_home_opened', async ({ event, client }) => {
  const { n } = openReports.get();
  await client.views.publish({
    user_id: event.user,
    view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${n} reports` } }] },
  });
});

app.error(async () => {}); // a failed Web API call is not the benchmark's business

(async () => {
  await app.start(port);
})();
