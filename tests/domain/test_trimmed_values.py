"""Spaces around a value are not part of it: the domain trims them when a record is made, so
the command line, a dialog and an import store and show the same value (once, in the
domain; the storage and the front ends do not trim it again)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup import transfer
from followup.model import Application, Call, Contact, Override, Round
from followup.storage import Database, Repository

from .test_transfer_and_ics import fill

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 27, 15, tzinfo=UTC)
SPACES = st.text(alphabet=" \t\u00a0\u2003", max_size=3)
WORDS = st.text(
    alphabet=st.characters(whitelist_categories=("L", "N", "P"), max_codepoint=0x2FF),
    min_size=1,
    max_size=20,
)


def test_each_record_holds_its_values_trimmed() -> None:
    contact = Contact(0, "  Dana  ", "  CTO ", " Acme ", " dana@acme.example ", " +1 555 ")
    assert (contact.name, contact.title, contact.company) == ("Dana", "CTO", "Acme")
    assert (contact.email, contact.phone) == ("dana@acme.example", "+1 555")
    app = Application(0, "  Acme Corp  ", "\tEngineer ", " https://acme.example/1 ")
    assert (app.company, app.role, app.posting_url) == (
        "Acme Corp",
        "Engineer",
        "https://acme.example/1",
    )
    round_ = Round(
        0,
        1,
        datetime(2026, 11, 25, 10, tzinfo=NY),
        datetime(2026, 11, 25, 11, tzinfo=NY),
        " America/New_York ",
        title=" Tech round ",
        topics=("  Kafka ", "   ", "SQL"),
        strengths=(" five years of SQL ",),
        next_steps="  a call next week ",
        notes="\n  Liked the team.  \n",
    )
    assert round_.timezone == "America/New_York" and round_.title == "Tech round"
    assert round_.topics == ("Kafka", "SQL") and round_.strengths == ("five years of SQL",)
    assert (round_.next_steps, round_.notes) == ("a call next week", "Liked the team.")
    assert Call(0, 1, NOW, "  spoke briefly ").outcome == "spoke briefly"
    assert Override("second-letter", "  they asked ", NOW).reason == "they asked"


@pytest.fixture(scope="module")
def shared(
    tmp_path_factory: pytest.TempPathFactory, template_database: Path
) -> Iterator[Repository]:
    """One database for the examples below (each adds its own application)."""
    path = tmp_path_factory.mktemp("trimmed") / "trimmed.sqlite3"
    shutil.copyfile(template_database, path)
    database = Database.open(path, NOW)
    yield Repository(database)
    database.close()


def test_what_is_stored_and_read_back_is_the_trimmed_value(shared: Repository) -> None:
    @settings(max_examples=60, deadline=None)
    @given(before=SPACES, company=WORDS, after=SPACES)
    def typed_with_spaces(before: str, company: str, after: str) -> None:
        if not company.strip():
            return  # nothing but spaces is an empty name, refused elsewhere
        app = Application(0, f"{before}{company}{after}", f"{after}Engineer{before}")
        added = shared.add_application(app)
        assert added.company == company.strip() and added.role == "Engineer"
        assert shared.application(added.id) == added  # what add returned is what was stored

    typed_with_spaces()


def test_import_stores_the_same_trimmed_values(repo: Repository, tmp_path: Path) -> None:
    source = Repository(Database.open(tmp_path / "source.sqlite3", NOW))
    fill(source)
    document = transfer.export_all(source)
    source.db.close()
    contact, app = document["contacts"][0], document["applications"][0]
    contact.update(name="  Dana ", title="  CTO ", email=" d@a.example ")
    app.update(company="  Acme Corp ", role=" Engineer  ")
    transfer.import_all(repo, json.dumps(document))
    contact, app = repo.contact(contact["id"]), repo.application(app["id"])
    assert (contact.name, contact.title, contact.email) == ("Dana", "CTO", "d@a.example")
    assert (app.company, app.role) == ("Acme Corp", "Engineer")
