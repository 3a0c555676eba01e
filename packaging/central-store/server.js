// Lightbox's central store: Parse Server on PostgreSQL, configured from the environment.
//
//   LIGHTBOX_DATABASE_URI   postgres://user@127.0.0.1:PORT/db   (required)
//   LIGHTBOX_MASTER_KEY     secret for administration; Parse accepts it only from loopback (required)
//   LIGHTBOX_APP_ID         application id the workstations send (default: lightbox)
//   LIGHTBOX_CLIENT_KEY     optional client key the workstations must send too
//   LIGHTBOX_HOST / LIGHTBOX_PORT   where to listen (default 127.0.0.1:1337)
//   LIGHTBOX_PUBLIC_URL     the URL workstations use (default http://HOST:PORT/parse)
//   LIGHTBOX_ADMIN_USERNAME / LIGHTBOX_ADMIN_PASSWORD   optional: an administrator created on first start
//   LIGHTBOX_LOGS           folder for Parse's log files (default: logs/ beside this file)
//
// Prints "central store ready on URL" once it accepts requests; stops cleanly on SIGTERM/SIGINT.
'use strict';
const path = require('path');
const { ParseServer } = require('parse-server');
const { definitions } = require('./schema');
const { ensureRoles, ensureAdmin, ensureRadiologistProfiles } = require('./bootstrap');

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`central store: ${name} is not set (see packaging/central-store/server.js)`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const host = process.env.LIGHTBOX_HOST || '127.0.0.1';
  const port = Number(process.env.LIGHTBOX_PORT || 1337);
  const mountPath = '/parse';
  const localUrl = `http://${host}:${port}${mountPath}`;
  const options = {
    databaseURI: required('LIGHTBOX_DATABASE_URI'),
    appId: process.env.LIGHTBOX_APP_ID || 'lightbox',
    masterKey: required('LIGHTBOX_MASTER_KEY'),
    clientKey: process.env.LIGHTBOX_CLIENT_KEY || undefined,
    serverURL: localUrl,
    publicServerURL: process.env.LIGHTBOX_PUBLIC_URL || localUrl,
    mountPath,
    host,
    port,
    cloud: path.join(__dirname, 'cloud', 'main.js'),
    // Workstations choose object ids themselves, so a retried upload is recognised, never duplicated.
    allowCustomObjectId: true,
    // The schema is defined here, not grown by whatever a client happens to send.
    schema: { definitions, strict: false, lockSchemas: true, keepUnknownIndexes: true },
    allowClientClassCreation: false,
    // Colleagues' names and roles are visible to signed-in users (assignments, authors, reviewers);
    // the _User class-level permissions keep them from anyone not signed in, and e-mails stay protected.
    enforcePrivateUsers: false,
    // Sessions expire after a day of not being used; the workstation signs in again.
    sessionLength: 24 * 3600,
    expireInactiveSessions: true,
    startLiveQueryServer: true,
    liveQuery: { classNames: ['WorklistItem', 'ImagingRequest', 'Report'] },
    // Parse writes log files even when told null; keep them in a known place (git-ignored by default).
    logsFolder: process.env.LIGHTBOX_LOGS || path.join(__dirname, 'logs'),
    logLevel: process.env.LIGHTBOX_LOG_LEVEL || 'warn',
    verbose: false,
    verifyServerUrl: false,
    maxLimit: 1000,
  };
  const server = await ParseServer.startApp(options);
  await ensureRoles(localUrl, options.appId, options.masterKey);
  await ensureRadiologistProfiles(localUrl, options.appId, options.masterKey);
  if (process.env.LIGHTBOX_ADMIN_USERNAME && process.env.LIGHTBOX_ADMIN_PASSWORD) {
    await ensureAdmin(localUrl, options.appId, options.masterKey,
      process.env.LIGHTBOX_ADMIN_USERNAME, process.env.LIGHTBOX_ADMIN_PASSWORD);
  }
  const stop = async signal => {
    console.log(`central store: ${signal}, stopping`);
    try {
      await server.handleShutdown?.();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  console.log(`central store ready on ${options.publicServerURL} (application id ${options.appId})`);
}

main().catch(error => {
  console.error('central store: cannot start:', error && error.stack || error);
  process.exit(1);
});
