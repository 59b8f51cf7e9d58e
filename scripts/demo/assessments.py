"""Demo data of assessment-service: last spring's and this spring's Partnership Assessment Inventory of the county
partnership, answered by its members.

Loaded through the public API with demo users' tokens, as the coordinator and the members would. The answers are
fixed (explicit tables for the items that tell the story, a seeded random draw for the rest), so every load gives
the same report: trust is the clear strength, systems/structure/accountability the clear priority, and agency staff
and parents with lived experience see shared values and culture differently. Idempotent: does nothing when this
spring's round exists; a load cut short during last spring's round goes on from where it stopped.
"""
import random
import time
from datetime import datetime, timedelta, timezone

from client import Api
from partnerships import PEOPLE

PAI = "bcr-partnership-assessment-inventory"
LAST_YEAR = "Partnership Assessment Inventory — spring 2025"
THIS_YEAR = "Partnership Assessment Inventory — spring 2026"
COORDINATOR = "rivera"

E, F, N = "CURRENTLY_EXISTS", "NEEDS_WORK_IN_FUTURE", "NEEDS_IMMEDIATE_ATTENTION"
LETTERS = {"E": E, "F": F, "N": N}

# Everyone with a role in the county partnership, in the order of the tables below (agency staff, community
# organisations, parents with lived experience). patel answers too if he ever joins the county partnership.
RESPONDENTS = ["rivera", "okafor", "nguyen", "thompson", "hughes", "walker", "kim", "santos", "brooks", "garcia",
               "begay", "patel"]
AGENCY = {"rivera", "okafor", "nguyen", "thompson", "hughes", "patel"}
PARENTS = {"garcia", "begay"}

# This spring, item by item, one letter per respondent in RESPONDENTS order (E, F, N as above).
THIS_YEAR_TABLE = {
    # Strengths: most say the attribute currently exists.
    "trust-understanding-partners": "EEEEEEEEFEEE",
    "trust-clarity-of-contributions": "EEEEFEEEEFEE",
    "trust-common-language": "EEFEEEEEEENE",
    # Priorities: most say it needs immediate attention.
    "accountability-shared-decision-structure": "NNNFNNNNNNFN",
    "accountability-feedback-loop": "NFNNNNNENNNF",
    "accountability-agreed-outcomes": "FNNNNFNENNNN",
    # Divergence: agency staff see it in place, parents with lived experience (and community groups) do not.
    "shared-values-partner-contribution": "EEEEENFNFNNE",
    "org-culture-community-feedback": "EEEEFNNNFNNE",
    "org-culture-promotes-partnership": "EEEEENENFNNE",
}

# Last spring trust was still being built and accountability was already the sore point.
LAST_YEAR_TABLE = {
    "trust-understanding-partners": "FEFFNFFEFNF",
    "trust-clarity-of-contributions": "FFNFFEFFNFF",
    "trust-common-language": "NFFFEFNFFNF",
    "accountability-shared-decision-structure": "NNFNNFNNNNN",
    "accountability-feedback-loop": "NNNFNNFNNNF",
}

# Other items: each group's odds of E, F, N (rarely N, so that the items above stand out).
ODDS = {"agency": (0.60, 0.37, 0.03), "community": (0.45, 0.50, 0.05), "parents": (0.25, 0.65, 0.10)}
LAST_YEAR_ODDS = (0.35, 0.55, 0.10)

REFLECTIONS = {
    # username: (language, strengths, areas needing immediate attention, how to strengthen them)
    "rivera": ("en", "Partners know each other and show up: every agency sent a decision-maker this year.",
               "A shared decision-making structure; telling families what we did with their feedback.",
               "Write the decision rules into the MOU and report back to families at every community meeting."),
    "walker": ("en", "Trust between the agencies grew a lot since last spring.",
               "Parents still hear about decisions after they are made.", None),
    "brooks": ("en", None, "We do not agree on what results we are accountable for.",
               "Agree on three outcomes and report on them every quarter."),
    "garcia": ("es", "Nos conocemos y nos tenemos confianza.",
               "Las familias no participamos en las decisiones: nos invitan cuando ya está todo decidido.",
               "Reuniones por la tarde, con interpretación y cuidado de niños, y un lugar fijo para madres y "
               "padres en el comité directivo."),
    "begay": ("en", "The family resource centres are welcoming.",
              "Decisions happen in agency meetings that parents are not part of.",
              "Bring the steering committee to the neighbourhoods, and pay parents for their time."),
}
LAST_YEAR_REFLECTIONS = {
    "rivera": ("en", "A committed core group.", "Trust between agencies; we barely know each other's work.", None),
    "garcia": ("es", None, "No sabemos quién decide ni cómo.", None),
}


def load(api: Api, ids: dict) -> None:
    county = ids["county"]
    rounds = f"/partnerships/{county}/rounds"
    people = [username for username, _, county_roles, _ in PEOPLE if county_roles]
    wait_for_projection(api, rounds, people)
    existing = {r["title"]: r for r in api.get(rounds, COORDINATOR, size=100)["items"]}
    if THIS_YEAR in existing:
        print(f"demo assessment rounds already loaded ({THIS_YEAR})")
        return

    pai = max(api.get("/instruments", COORDINATOR, key=PAI, status="PUBLISHED")["items"], key=lambda v: v["version"])
    keys = rated_item_keys(api, pai["version"])

    last = existing.get(LAST_YEAR) or create(api, rounds, LAST_YEAR, pai["version"],
                                             "2025-03-03T08:00:00Z", "2025-03-28T23:00:00Z")
    respond(api, rounds, last, lambda who, i: answers(who, i, keys, LAST_YEAR_TABLE, LAST_YEAR_REFLECTIONS,
                                                      lambda _: LAST_YEAR_ODDS, "2025"))
    close(api, rounds, last["id"])

    closes = (datetime.now(timezone.utc) + timedelta(days=21)).replace(microsecond=0)
    this = create(api, rounds, THIS_YEAR, pai["version"], None, closes.isoformat().replace("+00:00", "Z"))
    submitted = respond(api, rounds, this, lambda who, i: answers(who, i, keys, THIS_YEAR_TABLE, REFLECTIONS,
                                                                  odds_of, "2026"))
    print(f"loaded the county's assessment rounds: {LAST_YEAR} (closed) and {THIS_YEAR} (open, "
          f"{submitted} responses)")


def wait_for_projection(api: Api, rounds: str, people: list, timeout: float = 60) -> None:
    """Partnership events reach assessment-service through Kafka: wait until it knows the partnership and the
    coordinator and every person with a role (a round opened earlier would not invite them)."""
    deadline = time.monotonic() + timeout
    waiting = [COORDINATOR] + [p for p in people if p != COORDINATOR]
    while waiting:
        try:
            api.call("GET", rounds, waiting[0])
            waiting.pop(0)
        except SystemExit:
            if time.monotonic() > deadline:
                raise SystemExit(f"assessment-service does not know {waiting[0]} in the county partnership after "
                                 f"{timeout:.0f} s: are the partnership events flowing (pulse.partnership.v1)?")
            time.sleep(1)


def rated_item_keys(api: Api, version: int) -> list:
    instrument = api.get(f"/instruments/{PAI}/versions/{version}", COORDINATOR)
    return [item["key"] for section in instrument["sections"] for item in section["items"]
            if item["scale"] == "pai-status"]


def create(api: Api, rounds: str, title: str, version: int, opens_at, closes_at) -> dict:
    body = {"instrumentKey": PAI, "instrumentVersion": version, "title": title, "closesAt": closes_at}
    if opens_at:
        body["opensAt"] = opens_at
    return api.post(rounds, COORDINATOR, body)


def respond(api: Api, rounds: str, round_: dict, answers_of) -> int:
    """Opens the round if it is a draft, then every invited demo user who has not submitted yet answers it.

    @return how many have responded"""
    path = f"{rounds}/{round_['id']}"
    if api.get(path, COORDINATOR)["status"] == "DRAFT":
        api.post(f"{path}/open", COORDINATOR, None, if_match=api.etag(path, COORDINATOR))
    response = f"/rounds/{round_['id']}/response"
    for index, username in enumerate(RESPONDENTS):
        mine = [r for r in api.get("/me/rounds", username, size=100)["items"] if r["roundId"] == round_["id"]]
        if not mine or mine[0]["responseStatus"] == "SUBMITTED":
            continue  # not invited (or the round is closed already), or done
        if mine[0]["responseStatus"] == "NOT_STARTED":
            api.put(response, username, answers_of(username, index))
        api.post(f"{response}/submit", username, None)
    return api.get(f"{path}/participation", COORDINATOR)["respondedCount"]


def close(api: Api, rounds: str, round_id: str) -> None:
    path = f"{rounds}/{round_id}"
    if api.get(path, COORDINATOR)["status"] == "OPEN":
        api.post(f"{path}/close", COORDINATOR, None, if_match=api.etag(path, COORDINATOR))


def odds_of(username: str) -> tuple:
    return ODDS["agency" if username in AGENCY else "parents" if username in PARENTS else "community"]


def answers(username: str, index: int, keys: list, table: dict, reflections: dict, odds, year: str) -> dict:
    draw = random.Random(f"{year}/{username}")
    values = {}
    for key in keys:
        column = table.get(key)
        if column and index < len(column):
            values[key] = LETTERS[column[index]]
        else:
            values[key] = draw.choices([E, F, N], weights=odds(username))[0]
    language, strengths, attention, strengthen = reflections.get(username, ("es" if username == "garcia" else "en",
                                                                            None, None, None))
    for key, text in [("reflection-major-strengths", strengths), ("reflection-immediate-attention-areas", attention),
                      ("reflection-strengthen-areas", strengthen)]:
        if text:
            values[key] = text
    return {"language": language, "answers": {key: {"value": value} for key, value in values.items()}}
