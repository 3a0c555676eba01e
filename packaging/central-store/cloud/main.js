// Server-side rules that repeat the workstation's, so that a client that skips them is still refused.
// Triggers run for master-key requests too (req.master says so): the freezes below hold even then.
'use strict';

const FROZEN = new Set(['final', 'amended']);

async function rolesOf(user) {
  if (!user) {
    return new Set();
  }
  const roles = await new Parse.Query(Parse.Role).equalTo('users', user).find({ useMasterKey: true });
  return new Set(roles.map(r => r.get('name')));
}

async function maySignAlone(user) {
  const profile = await new Parse.Query('RadiologistProfile').equalTo('user', user).first({ useMasterKey: true });
  return Boolean(profile && profile.get('active') !== false && profile.get('maySignAlone'));
}

function refuse(message) {
  throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, message);
}

// --- AuditEvent: create-only, readable by administrators --------------------------------------------
Parse.Cloud.beforeSave('AuditEvent', async req => {
  if (req.original) {
    refuse('Audit events are append-only: an existing event cannot be changed');
  }
  if (!req.master && !req.user) {
    refuse('Only a signed-in user may record audit events');
  }
  const acl = new Parse.ACL();
  acl.setRoleReadAccess('admin', true);
  req.object.setACL(acl);
});

Parse.Cloud.beforeDelete('AuditEvent', () => refuse('Audit events cannot be deleted'));

// --- Report: drafts by their radiologist, finalized by a reviewer or administrator, final is frozen ---
Parse.Cloud.beforeSave('Report', async req => {
  const before = req.original;
  const after = req.object;
  if (before && FROZEN.has(before.get('status'))) {
    refuse('A final report cannot be modified; add an addendum instead');
  }
  if (req.master) {
    return;
  }
  const user = req.user;
  if (!user) {
    refuse('Only a signed-in user may write reports');
  }
  const roles = await rolesOf(user);
  const isAdmin = roles.has('admin');
  const assigned = (before || after).get('authorId');
  if (before && assigned !== after.get('authorId') && !isAdmin) {
    refuse('Only an administrator may hand a report to another radiologist');
  }
  const finalizing = FROZEN.has(after.get('status'));
  if (finalizing) {
    // As on the workstation: a reviewer or an administrator finalizes; so does the author of a draft
    // whose radiologist profile lets them sign alone (draft -> final, no review step).
    const ownDraft = assigned === user.id && (!before || before.get('status') === 'draft');
    if (!isAdmin && !roles.has('reviewer') && !(ownDraft && await maySignAlone(user))) {
      refuse('Only a reviewer, an administrator or a radiologist allowed to sign alone may finalize a report');
    }
    return;
  }
  const draft = !before || before.get('status') === 'draft';
  if (draft && assigned !== user.id) {
    refuse('Only the assigned radiologist may edit this draft');
  }
  if (!draft && assigned !== user.id && !isAdmin && !roles.has('reviewer')) {
    refuse('Only the assigned radiologist, a reviewer or an administrator may edit a report in review');
  }
});

Parse.Cloud.beforeDelete('Report', async req => {
  if (FROZEN.has(req.object.get('status'))) {
    refuse('A final report cannot be deleted');
  }
});

// --- ReportVersion: every signed state is written once --------------------------------------------------
Parse.Cloud.beforeSave('ReportVersion', async req => {
  if (req.original) {
    refuse('A signed report version cannot be changed; add an addendum instead');
  }
});

Parse.Cloud.beforeDelete('ReportVersion', () => refuse('A signed report version cannot be deleted'));
