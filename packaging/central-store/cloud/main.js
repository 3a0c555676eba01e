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

function userPointer(userId) {
  return Parse.User.createWithoutData(userId);
}

async function profileOf(userId) {
  if (!userId) {
    return undefined;
  }
  return new Parse.Query('RadiologistProfile').equalTo('user', userPointer(userId)).first({ useMasterKey: true });
}

/** As on the workstation: a radiologist writes reports while their profile is active. */
async function isRadiologist(userId) {
  const profile = await profileOf(userId);
  return Boolean(profile && profile.get('active') !== false);
}

/** As on the workstation: signs without review, and reviews others' preliminary reports. */
async function maySignAlone(userId) {
  const profile = await profileOf(userId);
  return Boolean(profile && profile.get('active') !== false && profile.get('maySignAlone'));
}

/** Whether the study of a request is on the worklist assigned to this user (a draft passes to its new assignee). */
async function holdsAssignment(userId, request) {
  if (!request) {
    return false;
  }
  const item = await new Parse.Query('WorklistItem').equalTo('request', request).first({ useMasterKey: true });
  return Boolean(item && item.get('assigneeId') === userId);
}

function refuse(message) {
  throw new Parse.Error(Parse.Error.OPERATION_FORBIDDEN, message);
}

// --- Accounts: a deactivated account no longer signs in ------------------------------------------------
Parse.Cloud.beforeLogin(req => {
  if (req.object.get('active') === false) {
    refuse('This account is deactivated on the central store');
  }
});

// --- Radiologist profiles: every radiologist has one, as every radiologist has one on a workstation ---
async function ensureProfiles(role) {
  const members = await role.relation('users').query().limit(1000).find({ useMasterKey: true });
  for (const user of members) {
    if (!(await profileOf(user.id))) {
      // The workstation's defaults: active, may sign alone, no subspecialty; an administrator changes them.
      const profile = new Parse.Object('RadiologistProfile');
      profile.set({ user: userPointer(user.id), subspecialties: [], maySignAlone: true, active: true });
      await profile.save(null, { useMasterKey: true });
    }
  }
}

// A removed account takes its profile with it: no workstation is left holding a profile of nobody.
Parse.Cloud.afterDelete(Parse.User, async req => {
  const profile = await profileOf(req.object.id);
  if (profile) {
    await profile.destroy({ useMasterKey: true });
  }
});

Parse.Cloud.afterSave(Parse.Role, async req => {
  const role = req.object.get('name') ? req.object : await req.object.fetch({ useMasterKey: true });
  if (role.get('name') === 'radiologist') {
    await ensureProfiles(role);
  }
});

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

// --- Report: the workstation's rules (org.lightbox.report.Reporting) ---------------------------------
//   a draft is created and edited by its author, a radiologist (administrators too are refused); it
//   passes to another radiologist only when the study is assigned to them (or by an administrator);
//   draft -> in_review: its author hands it to a reviewer, an active radiologist allowed to sign alone;
//   a report in review is edited by its reviewer (or an administrator);
//   -> final: the author of a draft who may sign alone, the report's reviewer, or an administrator;
//   a final report is frozen: addenda are new ReportVersion objects.
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
  const isAdmin = (await rolesOf(user)).has('admin');
  const was = before ? before.get('status') : undefined;
  const status = after.get('status');
  const author = after.get('authorId');
  if (!before) {
    // As on the workstation, administrators included: a report is begun by the radiologist who reads the study.
    if (author !== user.id) {
      refuse('Only the assigned radiologist may edit this draft');
    }
    if (status !== 'draft' || !(await isRadiologist(user.id))) {
      refuse('A report starts as a draft written by a radiologist');
    }
    return;
  }
  if (author !== before.get('authorId') && !isAdmin) {
    const takesOver = was === 'draft' && author === user.id && await isRadiologist(user.id)
      && await holdsAssignment(user.id, before.get('request'));
    if (!takesOver) {
      refuse('Only an administrator, or the radiologist the study is now assigned to, may hand a report to another radiologist');
    }
  }
  if (FROZEN.has(status)) {
    const reviewerSigns = was === 'in_review' && before.get('reviewerId') === user.id;
    const authorSignsAlone = was === 'draft' && author === user.id && await maySignAlone(user.id);
    if (!isAdmin && !reviewerSigns && !authorSignsAlone) {
      refuse("Only the report's reviewer, an administrator or its author when allowed to sign alone may finalize a report");
    }
    return;
  }
  if (was === 'draft') {
    const handedOnByAdmin = isAdmin && author !== before.get('authorId');
    if (author !== user.id && !handedOnByAdmin) {
      refuse('Only the assigned radiologist may edit this draft');
    }
    if (status === 'in_review') {
      const reviewer = after.get('reviewerId');
      if (!reviewer || reviewer === author || !(await maySignAlone(reviewer))) {
        refuse('A preliminary report goes to a reviewer: an active radiologist allowed to sign alone, not its author');
      }
    } else if (status !== 'draft') {
      refuse(`A draft cannot become ${status}`);
    }
    return;
  }
  if (!isAdmin && (before.get('reviewerId') !== user.id || after.get('reviewerId') !== before.get('reviewerId')
      || status !== 'in_review')) {
    refuse('Only the reviewer or an administrator may edit a report in review');
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
