// The whole mission through the three typed clients, as a frontend would drive it:
//   1. a platform administrator founds a partnership and appoints its coordinator (partnership-service);
//   2. the coordinator adds member organisations and invites people with roles; each login is linked to its person
//      when it signs in with the e-mail the coordinator used (verified in Keycloak), as contracts/privacy.md §1 says;
//   3. the coordinator opens a Partnership Assessment Inventory round (assessment-service, instrument from the
//      catalogue); every member saves a draft, completes it and submits;
//   4. the coordinator closes the round, which cuts its release, and reads the report, the CSV and the trends
//      (reporting-service: results exist only in releases, contracts/privacy.md §4).
// Progress goes to stderr; stdout gets one JSON summary (the system test compares it with what the services answer).
import { setTimeout as sleep } from "node:timers/promises";
import {
  etagOf,
  ok,
  passwordGrant,
  pulseClients,
  type AssessmentSchemas,
  type Credentials,
  type PartnershipSchemas,
  type PulseClients,
  type ReportingSchemas,
} from "../src/index.js";
import { readConfig, type MissionConfig } from "./config.js";

const PAI = "bcr-partnership-assessment-inventory";
const MEMBER_SECTORS: readonly PartnershipSchemas["Sector"][] = [
  "EDUCATION", "HEALTH_CARE", "COMMUNITY_BASED_ORGANIZATION", "FAITH_BASED", "LIVED_EXPERIENCE", "PHILANTHROPY",
];

type Instrument = AssessmentSchemas["Instrument"];
type Answers = AssessmentSchemas["ResponseDraft"]["answers"];
type PersonRoleType = PartnershipSchemas["PersonRoleType"];

/** A signed-in user with their three clients. */
interface Login {
  readonly username: string;
  readonly api: PulseClients;
}

interface Invited {
  readonly username: string;
  readonly personId: string;
  readonly organisationId: string;
  readonly sector: PartnershipSchemas["Sector"];
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const partnershipName = `${config.tag} Prevention Partnership`;
  const started = Date.now();
  const admin = await signIn(config, config.admin);
  const coordinator = await signIn(config, config.coordinator);
  const members = await Promise.all(config.members.map((m) => signIn(config, m)));

  // 1. The platform administrator founds the partnership with its lead organisation and appoints the coordinator.
  const leadOrganisationId = await createOrganisation(admin, `${config.tag} County Children and Family Services`,
    "CHILD_WELFARE", undefined);
  const created = ok("create the partnership", await admin.api.partnership.POST("/partnerships", {
    body: {
      name: partnershipName,
      geographyType: "COUNTY",
      geographyName: "Example County",
      structure: "STEERING_COMMITTEE",
      status: "ACTIVE",
      leadOrganisationId,
    },
  }));
  const partnershipId = created.id;
  log(`partnership ${partnershipId} founded by ${admin.username}`);
  const coordinatorPerson = await invite(admin, admin, coordinator, partnershipId, leadOrganisationId, "COORDINATOR");

  // 2. The coordinator describes the partnership (an update sends back the ETag it read), brings in the member
  //    organisations and invites their people.
  const read = await coordinator.api.partnership.GET("/partnerships/{id}", { params: { path: { id: partnershipId } } });
  ok("read the partnership", read);
  ok("describe the partnership", await coordinator.api.partnership.PUT("/partnerships/{id}", {
    params: { path: { id: partnershipId }, header: { "If-Match": etagOf("read the partnership", read.response) } },
    body: {
      name: partnershipName,
      geographyType: "COUNTY",
      geographyName: "Example County",
      structure: "STEERING_COMMITTEE",
      status: "ACTIVE",
      leadOrganisationId,
      vision: "Every child in Example County grows up safe, healthy and supported",
    },
  }));
  ok("the lead organisation joins", await coordinator.api.partnership.POST("/partnerships/{partnershipId}/memberships", {
    params: { path: { partnershipId } },
    body: { organisationId: leadOrganisationId, role: "BACKBONE_LEAD" },
  }));
  const invited: Invited[] = [];
  for (const [i, member] of members.entries()) {
    const sector = MEMBER_SECTORS[i % MEMBER_SECTORS.length] ?? "OTHER";
    const organisationId = await createOrganisation(coordinator, `${config.tag} ${sector.toLowerCase().replaceAll("_", " ")} partner`,
      sector, partnershipId);
    ok(`organisation ${i + 1} joins`, await coordinator.api.partnership.POST("/partnerships/{partnershipId}/memberships", {
      params: { path: { partnershipId } },
      body: { organisationId, role: "MEMBER", contribution: "Shares what its families and staff see" },
    }));
    const person = await invite(coordinator, admin, member, partnershipId, organisationId, "MEMBER");
    invited.push({ username: member.username, ...person, sector });
  }

  // 3. assessment-service learns the memberships from partnership-service's events: a round invites the people it
  //    knows when it opens, so wait until each member finds the partnership there (404 until then).
  for (const member of [coordinator, ...members]) {
    await until(`assessment-service knows ${member.username} in the partnership`, 60_000, async () => {
      const rounds = await member.api.assessment.GET("/partnerships/{partnershipId}/rounds", {
        params: { path: { partnershipId } },
      });
      return rounds.response.status === 404 ? undefined : ok("list the rounds", rounds);
    });
  }
  const catalogue = ok("read the catalogue", await coordinator.api.assessment.GET("/instruments", {
    params: { query: { key: PAI, status: "PUBLISHED" } },
  }));
  const newest = Math.max(...catalogue.items.map((v) => v.version));
  if (!Number.isFinite(newest) || newest < 1) {
    throw new Error(`no published version of ${PAI} in the catalogue`);
  }
  const instrument = ok("read the instrument", await coordinator.api.assessment.GET("/instruments/{key}/versions/{version}", {
    params: { path: { key: PAI, version: newest }, query: { lang: "en" } },
  }));
  const draftRound = ok("create the round", await coordinator.api.assessment.POST("/partnerships/{partnershipId}/rounds", {
    params: { path: { partnershipId } },
    body: {
      instrumentKey: PAI,
      instrumentVersion: newest,
      title: `${config.tag} spring check-in`,
      minimumGroupSize: 3,
      closesAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    },
  }));
  const roundId = draftRound.id;
  const roundPath = { path: { partnershipId, roundId } };
  const draftRead = await coordinator.api.assessment.GET("/partnerships/{partnershipId}/rounds/{roundId}", { params: roundPath });
  ok("read the draft round", draftRead);
  const opened = ok("open the round", await coordinator.api.assessment.POST("/partnerships/{partnershipId}/rounds/{roundId}/open", {
    params: { ...roundPath, header: { "If-Match": etagOf("read the draft round", draftRead.response) } },
  }));
  log(`round ${roundId} (${PAI} v${newest}) opened: ${opened.invitedCount} invited`);
  if (opened.invitedCount !== members.length + 1) {
    throw new Error(`the round invited ${opened.invitedCount}, expected the coordinator and ${members.length} members`);
  }

  // 4. Each member finds the round among theirs, saves half the answers as a draft, completes them and submits.
  const responses: { username: string; status: string; revision: number; sectionScores: number }[] = [];
  for (const [i, member] of members.entries()) {
    const mine = ok("list my rounds", await member.api.assessment.GET("/me/rounds", {}));
    if (!mine.items.some((r) => r.roundId === roundId && r.responseStatus === "NOT_STARTED")) {
      throw new Error(`${member.username} does not find the round among their open rounds`);
    }
    const response = { params: { path: { roundId } } };
    const draft = await member.api.assessment.PUT("/rounds/{roundId}/response", {
      ...response, body: { language: "en", answers: answers(instrument, i, false) },
    });
    ok("save a draft", draft);
    const completed = await member.api.assessment.PUT("/rounds/{roundId}/response", {
      params: { path: { roundId }, header: { "If-Match": etagOf("save a draft", draft.response) } },
      body: { language: "en", answers: answers(instrument, i, true) },
    });
    ok("complete the draft", completed);
    const submitted = ok("submit", await member.api.assessment.POST("/rounds/{roundId}/response/submit", {
      params: { path: { roundId }, header: { "If-Match": etagOf("complete the draft", completed.response) } },
    }));
    responses.push({
      username: member.username,
      status: submitted.status,
      revision: submitted.revision,
      sectionScores: submitted.results?.sections.length ?? 0,
    });
    log(`${member.username} submitted (revision ${submitted.revision})`);
  }

  // 5. The coordinator sees who responded (never what), closes the round (a release is cut) and reads the results.
  const participation = ok("read participation", await coordinator.api.assessment.GET(
    "/partnerships/{partnershipId}/rounds/{roundId}/participation", { params: roundPath }));
  const openRead = await coordinator.api.assessment.GET("/partnerships/{partnershipId}/rounds/{roundId}", { params: roundPath });
  ok("read the open round", openRead);
  const closed = ok("close the round", await coordinator.api.assessment.POST("/partnerships/{partnershipId}/rounds/{roundId}/close", {
    params: { ...roundPath, header: { "If-Match": etagOf("read the open round", openRead.response) } },
  }));
  const report = await until("the report of the closed round's release", 60_000, async () => {
    const r = await coordinator.api.reporting.GET("/rounds/{roundId}/report", { params: { path: { roundId }, query: { lang: "en" } } });
    if (r.response.status === 404) {
      return undefined; // reporting-service has not consumed the round's events yet
    }
    const body = ok("read the report", r);
    return body.status === "CLOSED" && body.release ? body : undefined;
  });
  const csv = await coordinator.api.reporting.GET("/rounds/{roundId}/report.csv", {
    params: { path: { roundId }, query: { lang: "en" } },
    parseAs: "text",
  });
  const table = ok("read the CSV", csv);
  const rows = table.split(/\r?\n/).filter((line) => line !== "");
  const trend = ok("read the trends", await coordinator.api.reporting.GET("/partnerships/{partnershipId}/trends", {
    params: { path: { partnershipId }, query: { instrumentKey: PAI, lang: "en" } },
  }));

  const summary = {
    partnershipId,
    partnershipName,
    coordinator: { username: coordinator.username, personId: coordinatorPerson.personId },
    members: invited,
    roundId,
    instrument: { key: PAI, version: newest },
    round: { status: closed.status, invitedCount: closed.invitedCount },
    participation: { invited: participation.invitedCount, responded: participation.respondedCount },
    responses,
    report: reportSummary(report),
    csv: { header: rows[0] ?? "", rows: rows.length - 1, release: csv.response.headers.get("Pulse-Release") },
    trends: trendSummary(trend),
    elapsedMs: Date.now() - started,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

async function signIn(config: MissionConfig, credentials: Credentials): Promise<Login> {
  const token = await passwordGrant(config.issuer, config.clientId, credentials);
  return { username: credentials.username, api: pulseClients(config.urls, token) };
}

async function createOrganisation(by: Login, name: string, sector: PartnershipSchemas["Sector"],
                                  partnershipId: string | undefined): Promise<string> {
  const created = ok(`create the organisation ${name}`, await by.api.partnership.POST("/organisations", {
    body: partnershipId === undefined ? { name, sector } : { name, sector, partnershipId },
  }));
  return created.id;
}

/**
 * Adds a login's person to the partnership with a role: the inviter adds them by the e-mail they gave (here read
 * from their own sign-in), grants the role, and the login is linked at its next sign-in with that e-mail, verified.
 * A login already linked to a person of another partnership keeps that person: only a platform administrator may
 * give it a role here (contracts/privacy.md §1, "one address, several entries").
 */
async function invite(inviter: Login, admin: Login, who: Login, partnershipId: string, organisationId: string,
                      role: PersonRoleType): Promise<{ personId: string; organisationId: string }> {
  const before = ok(`${who.username} signs in`, await who.api.partnership.GET("/me", {}));
  let personId = before.person?.id;
  if (personId === undefined) {
    const email = required(`${who.username}'s e-mail`, before.email);
    const person = ok(`add ${email}`, await inviter.api.partnership.POST("/people", {
      body: { name: before.name ?? who.username, email, organisationId, partnershipId },
    }));
    personId = person.id;
  }
  const granter = before.person === undefined ? inviter : admin;
  ok(`make ${who.username} ${role}`, await granter.api.partnership.POST("/partnerships/{partnershipId}/roles", {
    params: { path: { partnershipId } },
    body: { personId, role },
  }));
  const after = ok(`${who.username} signs in again`, await who.api.partnership.GET("/me", {}));
  const here = after.partnerships.find((p) => p.partnershipId === partnershipId);
  if (after.person?.id !== personId || !here?.roles.includes(role)) {
    throw new Error(`${who.username} is not linked to person ${personId} as ${role}: ${JSON.stringify(after)}`);
  }
  log(`${who.username} is ${role} (person ${personId})`);
  return { personId, organisationId: after.person.organisationId ?? organisationId };
}

/** Answers of respondent `n` (from 0): every other item for a draft, every item when complete; spread over the options. */
function answers(instrument: Instrument, n: number, complete: boolean): Answers {
  const scales = new Map(instrument.scales.map((s) => [s.key, s]));
  const result: Answers = {};
  let index = 0;
  for (const section of instrument.sections) {
    for (const item of section.items) {
      index++;
      const scale = scales.get(item.scale);
      if (scale === undefined || (!complete && index % 2 === 0)) {
        continue;
      }
      const options = scale.options;
      const option = options[(n * index + n) % Math.max(options.length, 1)];
      if (scale.type === "FREE_TEXT") {
        result[item.key] = { value: `Member ${n + 1}: we share data sooner than last year; decisions still wait too long.` };
      } else if (scale.type === "NUMERIC") {
        result[item.key] = { value: String(scale.min ?? 0) };
      } else if (option?.value !== undefined) {
        result[item.key] = { value: option.value };
      }
    }
  }
  return result;
}

function reportSummary(report: ReportingSchemas["RoundReport"]) {
  return {
    release: report.release,
    status: report.status,
    invited: report.participation.invited,
    responded: report.participation.responded,
    resultsWithheld: report.resultsWithheld,
    sections: report.sections.map((s) => ({ key: s.key, meanScore: s.meanScore })),
  };
}

function trendSummary(trend: ReportingSchemas["Trend"]) {
  return {
    rounds: trend.rounds.map((r) => r.roundId),
    sections: trend.sections.map((s) => ({
      key: s.key,
      points: s.points.map((p) => ({ roundId: p.roundId, value: p.value })),
    })),
  };
}

/** Retries `attempt` every half second until it gives a value. */
async function until<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(500);
  }
}

function required<T>(what: string, value: T | undefined | null): T {
  if (value === undefined || value === null) {
    throw new Error(`${what} is missing`);
  }
  return value;
}

function log(message: string): void {
  process.stderr.write(`[mission] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[mission] FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
