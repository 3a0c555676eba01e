// The central store's classes: the Back4app radiology template's names, the fields the workstations
// send (see org.lightbox.*Payload and the outbox), and class-level permissions. Parse Server applies
// these definitions at start-up (its "schema" option), so a fresh database and an old one end up alike.
'use strict';

const signedIn = { requiresAuthentication: true };
const admins = { 'role:admin': true };
const nobody = {};

// The department's staff: everyone but referring physicians, who only read released reports.
const staff = { 'role:admin': true, 'role:scheduler': true, 'role:technologist': true, 'role:radiologist': true };

/** Any signed-in user reads and writes; only an administrator deletes; nobody adds fields at run time. */
function shared(extra = {}) {
  return {
    find: signedIn, count: signedIn, get: signedIn, create: signedIn, update: signedIn,
    delete: admins, addField: nobody, protectedFields: {}, ...extra,
  };
}

/** As shared, but only staff create and change objects: a referring physician never schedules, scans or assigns. */
function staffWrites() {
  return shared({ create: staff, update: staff });
}

const string = { type: 'String' };
const number = { type: 'Number' };
const date = { type: 'Date' };
const bool = { type: 'Boolean' };
const pointer = targetClass => ({ type: 'Pointer', targetClass });

const definitions = [
  {
    // Accounts are the authority for every workstation; only administrators create or change them
    // (no public sign-up). Signed-in users may look people up (author and reviewer names). An account
    // set active: false no longer signs in (cloud code) and is deactivated on every workstation.
    className: '_User',
    fields: { displayName: string, active: bool },
    classLevelPermissions: {
      find: signedIn, count: signedIn, get: signedIn, create: admins, update: admins, delete: admins, addField: nobody,
      protectedFields: { '*': ['email', 'authData'] },
    },
  },
  {
    className: 'ImagingCenter',
    fields: { name: { type: 'String', required: true }, active: bool },
    classLevelPermissions: shared(),
  },
  {
    className: 'Modality',
    fields: { name: { type: 'String', required: true }, type: string, aeTitle: string, imagingCenterId: string, active: bool },
    classLevelPermissions: shared(),
  },
  {
    className: 'ImagingRequest',
    fields: {
      accessionNumber: { type: 'String', required: true },
      patientMrn: string, patientFamilyName: string, patientGivenName: string, patientBirthDate: string, patientSex: string,
      orderingClinician: string, priority: string, requestedModality: string, description: string,
      clinicalIndication: string, imagingCenterId: string, scheduledModalityId: string, scheduledAt: date,
      status: string, likelyDuplicateOf: string, cancelReason: string, orderedAt: date, performedAt: date,
    },
    indexes: { by_updated: { updatedAt: 1 }, by_accession: { accessionNumber: 1 } },
    classLevelPermissions: staffWrites(),
  },
  {
    className: 'DicomStudy',
    fields: {
      studyInstanceUid: { type: 'String', required: true }, imagingRequest: pointer('ImagingRequest'),
      accessionNumber: string, modality: string, bodyPart: string, description: string, performedAt: date,
      matchStatus: string, unmatchedReason: string, patientIdInImages: string, seriesCount: number, instanceCount: number,
    },
    classLevelPermissions: staffWrites(),
  },
  {
    className: 'WorklistItem',
    fields: {
      request: pointer('ImagingRequest'), assigneeId: string, queue: string, status: string, dueAt: date,
      lockHolderId: string, lockExpiresAt: date,
    },
    indexes: { by_updated: { updatedAt: 1 } },
    classLevelPermissions: staffWrites(),
  },
  {
    // The report being written. Cloud code (cloud/main.js) holds the rules, the workstation's: only the
    // assigned radiologist edits a draft, only its reviewer, an administrator or an author allowed to sign
    // alone finalizes, a final report is frozen.
    className: 'Report',
    fields: {
      request: pointer('ImagingRequest'), study: pointer('DicomStudy'), authorId: { type: 'String', required: true },
      reviewerId: string,
      status: { type: 'String', required: true }, indication: string, technique: string, comparison: string,
      findings: string, impression: string, critical: bool, criticalCommunication: string, draftSavedAt: date,
    },
    indexes: { by_updated: { updatedAt: 1 } },
    classLevelPermissions: shared(),
  },
  {
    // Every signed state of a report: written once, never changed or deleted, by anyone.
    className: 'ReportVersion',
    fields: {
      report: pointer('Report'), version: number, status: string, indication: string, technique: string,
      comparison: string, findings: string, impression: string, addendum: string, critical: string, signedBy: string,
      signerName: string, signedAt: date, prevHash: string, contentHash: string,
    },
    classLevelPermissions: shared({ update: nobody, delete: nobody }),
  },
  {
    // One per radiologist, made by cloud code when someone joins the radiologist role (defaults: active,
    // may sign alone, as on a workstation); administrators change them, workstations pull them and decide
    // by them as the server does (who writes reports, who signs without review, who may review).
    className: 'RadiologistProfile',
    fields: { user: pointer('_User'), subspecialties: { type: 'Array' }, maySignAlone: bool, active: bool },
    indexes: { by_updated: { updatedAt: 1 } },
    classLevelPermissions: shared({ create: admins, update: admins }),
  },
  {
    // Append-only and hash-chained per workstation: users create, only administrators read, nobody
    // changes or deletes (class-level permissions answer 119; cloud code repeats it).
    className: 'AuditEvent',
    fields: {
      workstation: { type: 'String', required: true }, sequence: { type: 'Number', required: true }, occurredAt: date,
      actorId: string, actorName: string, action: string, targetClass: string, targetId: string, details: string,
      prevHash: { type: 'String', required: true }, chainHash: { type: 'String', required: true },
    },
    indexes: { by_workstation_sequence: { workstation: 1, sequence: 1 } },
    classLevelPermissions: {
      find: admins, count: admins, get: admins, create: signedIn, update: nobody, delete: nobody, addField: nobody,
      protectedFields: {},
    },
  },
];

module.exports = { definitions };
