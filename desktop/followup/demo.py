"""Believable demo data, relative to ``now``: for screenshots, tours and benchmarks."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from followup import rules
from followup.model import (
    Application,
    Channel,
    Contact,
    Draft,
    PostalAddress,
    Round,
    RoundKind,
    Source,
    Status,
)
from followup.storage import Repository
from followup.workdays import WorkCalendar

_COMPANIES = [
    "Northwind Analytics",
    "Globex Health",
    "Initech",
    "Umbrella Labs",
    "Hooli",
    "Stark Logistics",
    "Wayne Fintech",
    "Acme Robotics",
    "Vandelay Imports",
    "Soylent",
]
_ROLES = [
    "Backend Engineer",
    "Data Engineer",
    "Product Designer",
    "Support Lead",
    "Site Reliability Engineer",
    "UX Researcher",
    "Engineering Manager",
    "Data Analyst",
]
_PEOPLE = [
    "Dana Alvarez",
    "Chris Okafor",
    "Priya Nakamura",
    "Lee Müller",
    "Sam Chen",
    "Amina Rossi",
    "Jordan Patel",
    "Zoë Ångström",
    "Kenji Watanabe",
    "María García",
]
_TOPICS = [
    "event sourcing",
    "the on-call rotation",
    "streaming pipelines",
    "accessibility",
    "the design system",
    "customer escalations",
    "quarterly planning",
    "mentoring",
]
_STRENGTHS = [
    "scaled the billing service tenfold",
    "led a migration of forty services",
    "cut support response times by half",
    "built the accessibility test suite",
]


_DRAFT = """Dear {name},

Thank you for taking the time to meet with me about the {role} position. I enjoyed our \
conversation about event sourcing, and your office is beautiful!!

As we discussed, I scaled the billing service tenfold. Have you made a decision yet? I \
really need this job.

Kind regards,
Sam Lee
"""

_SENT = """Dear {name},

Thank you for meeting with me about the {role} position at {company}. I enjoyed hearing \
how your team works, and I would welcome the chance to bring my experience to it.

Kind regards,
Sam Lee
"""


def _at(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=zone)


def populate(
    repo: Repository, now: datetime, zone: ZoneInfo, count: int = 7, seed: int = 7
) -> None:
    """A small, realistic search; with a large ``count``, history for benchmarks."""
    rng = random.Random(seed)
    today = now.astimezone(zone).date()
    repo.save_settings(
        {
            "profile.name": "Sam Lee",
            "profile.email": "sam.lee@example.com",
            "profile.phone": "+1 555 0100",
            "profile.address": "12 Elm Street\nSpringfield, IL 62704",
            "calendar.country": "US",
            "calendar.timezone": zone.key,
        }
    )
    # The showcase: a letter due, an overdue letter, a call due, one waiting to close, an
    # interview to come, and a letter sent this morning (its call comes after this week).
    story = [
        (-1, 10, False, False),
        (-6, 14, False, False),
        (-9, 11, True, False),
        (-30, 15, True, True),
        (2, 10, False, False),
        (-1, 14, True, False),
    ]
    for index in range(count):
        company = _COMPANIES[index % len(_COMPANIES)]
        role = _ROLES[index % len(_ROLES)]
        person = _PEOPLE[index % len(_PEOPLE)]
        if index < len(story):
            offset, hour, sent, called = story[index]
        else:
            offset, hour = -rng.randint(40, 3000), rng.randint(9, 16)
            sent, called = True, rng.random() < 0.7
        contact = repo.add_contact(
            Contact(
                0,
                person,
                rng.choice(["Hiring Manager", "Engineering Manager", "Recruiter", "CTO"]),
                company,
                f"{person.split()[0].lower()}@{company.split()[0].lower()}.example",
                "+1 555 01" + f"{index % 100:02d}",
                PostalAddress((company, f"{100 + index} Market Street", "San Francisco, CA 94105")),
            )
        )
        applied = today + timedelta(days=offset - 14)
        app = repo.add_application(
            Application(0, company, role, applied_on=applied, source=rng.choice(list(Source)))
        )
        day = today + timedelta(days=offset)
        round_ = repo.add_round(
            Round(
                0,
                app.id,
                _at(day, hour, zone),
                _at(day, hour + 1, zone),
                zone.key,
                rng.choice(list(RoundKind)),
                interviewer_ids=(contact.id,),
                topics=tuple(rng.sample(_TOPICS, 2)),
                strengths=(rng.choice(_STRENGTHS),),
                next_steps="They will decide within two weeks." if index % 3 == 0 else "",
            )
        )
        if sent:
            repo.record_letter(
                round_.id,
                contact.id,
                Channel.EMAIL,
                min(_at(day + timedelta(days=1), 9, zone), now),  # never in the future
                subject=f"Thank you for the {role} interview",
                body=_SENT.format(name=person, role=role, company=company),
            )
        if called:
            call_on = rules.call_date(day + timedelta(days=1), WorkCalendar()).day
            repo.record_call(round_.id, _at(call_on, 11, zone), "Brief, friendly")
        if index >= len(story) and rng.random() < 0.9:
            # History: most old processes were closed when the app suggested it.
            repo.set_status(app.id, Status.CLOSED, "no response")
        if index == 1:  # the overdue letter, half written
            repo.save_draft(
                Draft(
                    round_.id,
                    contact.id,
                    Channel.EMAIL,
                    "thank-you-email",
                    _DRAFT.format(name=person, role=role, company=company),
                    now,
                )
            )
    if count >= len(story):
        repo.add_application(
            Application(0, "Cyberdyne", "Platform Engineer", applied_on=today - timedelta(days=16))
        )
