// First-start data the schema cannot express: the roles, a radiologist profile for every radiologist,
// and optionally a first administrator. Idempotent: run on every start, it only adds what is missing.
'use strict';

// The workstation's roles (org.lightbox.domain.Role). A reviewer is not a role: it is the radiologist a
// preliminary report is handed to (the report's reviewerId), one whose profile allows signing alone.
const ROLES = ['admin', 'scheduler', 'technologist', 'radiologist', 'referring_physician'];

async function call(url, appId, masterKey, method, route, body) {
  const response = await fetch(url + route, {
    method,
    headers: { 'X-Parse-Application-Id': appId, 'X-Parse-Master-Key': masterKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  }
  return json;
}

async function ensureRoles(url, appId, masterKey) {
  const existing = await call(url, appId, masterKey, 'GET', '/roles?limit=100');
  const names = new Set(existing.results.map(r => r.name));
  for (const name of ROLES.filter(n => !names.has(n))) {
    // Everyone signed in may see which roles exist (the workstation reads its user's roles);
    // only the master key changes them.
    await call(url, appId, masterKey, 'POST', '/roles', { name, ACL: { '*': { read: true } } });
  }
}

async function ensureAdmin(url, appId, masterKey, username, password) {
  const found = await call(url, appId, masterKey, 'GET',
    '/users?where=' + encodeURIComponent(JSON.stringify({ username })));
  let id = found.results[0] && found.results[0].objectId;
  if (!id) {
    id = (await call(url, appId, masterKey, 'POST', '/users',
      { username, password, displayName: 'Administrator' })).objectId;
  }
  const admin = (await call(url, appId, masterKey, 'GET',
    '/roles?where=' + encodeURIComponent(JSON.stringify({ name: 'admin' })))).results[0];
  await call(url, appId, masterKey, 'PUT', `/roles/${admin.objectId}`,
    { users: { __op: 'AddRelation', objects: [{ __type: 'Pointer', className: '_User', objectId: id }] } });
}

// Radiologists added before cloud code created profiles on role changes (cloud/main.js) get theirs here.
async function ensureRadiologistProfiles(url, appId, masterKey) {
  const role = (await call(url, appId, masterKey, 'GET',
    '/roles?where=' + encodeURIComponent(JSON.stringify({ name: 'radiologist' })))).results[0];
  if (!role) {
    return;
  }
  const members = await call(url, appId, masterKey, 'GET', '/users?limit=1000&keys=objectId&where=' + encodeURIComponent(
    JSON.stringify({ $relatedTo: { object: { __type: 'Pointer', className: '_Role', objectId: role.objectId }, key: 'users' } })));
  for (const user of members.results) {
    const pointer = { __type: 'Pointer', className: '_User', objectId: user.objectId };
    const found = await call(url, appId, masterKey, 'GET',
      '/classes/RadiologistProfile?limit=1&where=' + encodeURIComponent(JSON.stringify({ user: pointer })));
    if (found.results.length === 0) {
      await call(url, appId, masterKey, 'POST', '/classes/RadiologistProfile',
        { user: pointer, subspecialties: [], maySignAlone: true, active: true });
    }
  }
}

module.exports = { ROLES, ensureRoles, ensureAdmin, ensureRadiologistProfiles };
