"""Screenshots of every view on demo data, in light and dark, at 800×600 and 1440×900 and at
scale factor 2: `make screenshots`, or `python tools/screenshots.py [FOLDER]` (default
docs/screenshots). Each theme, size and scale runs in its own process on its own X server
(Xvfb, a screen of exactly that size) when Xvfb is installed, else offscreen. The clock is
fixed, so the pictures change only when the app does. The printed letter is a real PDF,
rendered with pdftoppm (poppler-utils) when it is installed.

Internally: ``--shoot THEME WxH SCALE FOLDER`` is one such process."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

    from followup_desktop.shell import Shell

ROOT = Path(__file__).resolve().parents[1]
# Wednesday before Thanksgiving, 09:00 in New York: a letter whose deadline the holiday moves,
# an overdue letter half written, a call due, a process ready to close, an interview on Friday.
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ZONE = ZoneInfo("America/New_York")
THEMES = ("light", "dark")
SIZES = ((800, 600), (1440, 900))


@dataclass(frozen=True)
class View:
    name: str
    caption: str


VIEWS = (
    View("today", "Today: reminders, what is due, and after this week"),
    View("interviews", "Interviews, one round selected"),
    View("calendar", "Calendar: the month, with the public holidays"),
    View("composer-email", "Composer, by e-mail, with the checker's findings"),
    View("composer-post", "Composer, by post"),
    View("composer-sent", "Composer, a letter already sent: read as it left"),
    View("call", "The call assistant, two minutes in"),
    View("application", "An application, edited"),
    View("round", "An interview round, edited"),
    View("inquiry", "The one status inquiry"),
    View("settings", "Settings"),
    View("first-run", "First run"),
    View("how-it-works", "Help → How it works"),
    View("about", "Help → About"),
    View("stored-values", "The stored-values banner (a setting that cannot be used)"),
)


# -- the driver: one process per theme, size and scale ------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--offscreen", action="store_true", help="do not use Xvfb")
    parser.add_argument("--shoot", nargs=3, metavar=("THEME", "SIZE", "SCALE"), help="internal")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    if args.shoot:
        theme, size, scale = args.shoot
        width, height = (int(n) for n in size.split("x"))
        return shoot(folder, theme, (width, height), int(scale))
    platform = "offscreen" if args.offscreen or not shutil.which("Xvfb") else "xcb"
    for old in folder.glob("*.png"):
        old.unlink()
    runs = [(t, s, 1) for t in THEMES for s in SIZES] + [(t, SIZES[0], 2) for t in THEMES]
    for theme, (width, height), scale in runs:
        command = [sys.executable, __file__, str(folder), "--shoot", theme]
        command += [f"{width}x{height}", str(scale)]
        with screen(platform, width * scale, height * scale) as env:
            env["QT_SCALE_FACTOR"] = str(scale)
            subprocess.run(command, env=env, check=True, timeout=300)
    letter_png(folder)
    optimise(folder)
    write_index(folder, platform)
    total = sum(p.stat().st_size for p in folder.glob("*.png"))
    print(f"{len(list(folder.glob('*.png')))} pictures, {total / 1e6:.1f} MB, on {platform}")
    return 0


@contextmanager
def screen(platform: str, width: int, height: int) -> Iterator[dict[str, str]]:
    """An environment for one run: its own settings folder, and its own X server if wanted."""
    with tempfile.TemporaryDirectory(prefix="followup-shots-") as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        env.update(LANG="en_US.UTF-8", LANGUAGE="en_US")  # the demo's user is in New York
        for name in ("LC_ALL", "LC_TIME", "LC_MESSAGES"):
            env.pop(name, None)
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no notifications from the pictures
        env["QT_QPA_PLATFORM"] = platform
        if platform != "xcb":
            yield env
            return
        display = free_display()
        server = subprocess.Popen(
            ["Xvfb", f":{display}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                if Path(f"/tmp/.X11-unix/X{display}").exists():
                    break
                time.sleep(0.05)
            env["DISPLAY"] = f":{display}"
            yield env
        finally:
            server.terminate()
            server.wait(10)


def free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


def letter_png(folder: Path) -> None:
    pdf = folder / "letter.pdf"
    if pdf.exists() and shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "90", "-png", "-singlefile", str(pdf), str(folder / "letter")],
            check=True,
        )
    pdf.unlink(missing_ok=True)


def optimise(folder: Path) -> None:
    """Smaller files, same pixels: no resampling; a 256-colour palette only where it keeps
    every pixel (else the full-colour image, compressed harder)."""
    from PIL import Image  # noqa: PLC0415

    for path in sorted(folder.glob("*.png")):
        with Image.open(path) as image:
            image.load()
            rgb = image.convert("RGB")
        colours = rgb.getcolors(256)
        if colours is not None:
            rgb.convert("P", palette=Image.Palette.ADAPTIVE, colors=len(colours)).save(
                path, optimize=True
            )
        else:
            rgb.save(path, optimize=True)


def write_index(folder: Path, platform: str) -> None:
    shown = "Xvfb (a real X server)" if platform == "xcb" else "Qt's offscreen platform"
    columns = [(t, f"{w}x{h}", "") for t in THEMES for (w, h) in SIZES]
    columns += [(t, f"{SIZES[0][0]}x{SIZES[0][1]}", "@2x") for t in THEMES]
    lines = [
        "# Screenshots",
        "",
        f"Every view on the demo data, made by `make screenshots` ({shown}, the clock fixed at",
        f"{NOW.astimezone(ZONE):%A %-d %B %Y, %H:%M} in New York). Each is linked below by",
        "theme and window size; @2x is the same window at scale factor 2 (twice the pixels).",
        "Dialogs are shown at their own size, on a screen of the size given.",
        "",
        "| View | " + " | ".join(f"{t} {s}{x}" for t, s, x in columns) + " |",
        "|---" * (len(columns) + 1) + "|",
    ]
    for view in VIEWS:
        cells = []
        for theme, size, extra in columns:
            name = f"{view.name}-{theme}-{size}{extra}.png"
            cells.append(f"[{size}{extra}]({name})" if (folder / name).exists() else "—")
        if any(cell != "—" for cell in cells):
            lines.append(f"| {view.caption} | " + " | ".join(cells) + " |")
    if (folder / "letter.png").exists():
        lines += ["", "The printed letter (the PDF, page 1): [letter.png](letter.png)"]
    (folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- one process: build the app on demo data and shoot each view ---------------------------


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(folder: Path, theme: str, size: tuple[int, int], scale: int) -> int:
    from PySide6.QtCore import QSettings, Qt  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication([sys.argv[0]])
    app.setApplicationName("Interview Follow-Up")
    app.setOrganizationName("Interview Follow-Up")
    scheme = Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light
    app.styleHints().setColorScheme(scheme)
    if theme == "dark":  # a bare X server has no desktop theme: a dark one as KDE's Breeze
        app.setPalette(dark_palette())
    from followup_desktop.app import stylesheet  # noqa: PLC0415
    from followup_desktop.close_notes import NO_TRAY_KEY  # noqa: PLC0415

    app.setStyleSheet(stylesheet())
    QSettings().setValue(NO_TRAY_KEY, True)  # read once: not in every picture
    with tempfile.TemporaryDirectory(prefix="followup-demo-") as data:
        shell = build(Path(data), size)
        suffix = f"-{theme}-{size[0]}x{size[1]}" + ("@2x" if scale == 2 else "")
        for view in VIEWS:
            picture = SHOTS[view.name](shell)
            if picture is None:
                print(f"  {view.name}: not in this version of the app", file=sys.stderr)
                continue
            picture.save(str(folder / f"{view.name}{suffix}.png"))
            wait(50)
        if theme == "light" and size == SIZES[1] and scale == 1:
            print_letter(shell, folder / "letter.pdf")
        shell.window.flush()
    return 0


def dark_palette() -> Any:
    """Breeze Dark's colours (KDE), the palette a dark Linux desktop hands to Qt apps."""
    from PySide6.QtGui import QColor, QPalette  # noqa: PLC0415

    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#31363b",
        role.WindowText: "#eff0f1",
        role.Base: "#232629",
        role.AlternateBase: "#31363b",
        role.ToolTipBase: "#31363b",
        role.ToolTipText: "#eff0f1",
        role.PlaceholderText: "#a1a9b1",
        role.Text: "#eff0f1",
        role.Button: "#31363b",
        role.ButtonText: "#eff0f1",
        role.BrightText: "#ffffff",
        role.Light: "#4b5257",
        role.Midlight: "#3f464c",
        role.Mid: "#2a2e32",
        role.Dark: "#1a1d1f",
        role.Shadow: "#141618",
        role.Highlight: "#3daee9",
        role.HighlightedText: "#eff0f1",
        role.Link: "#2980b9",
        role.LinkVisited: "#7f8c8d",
    }
    for name, colour in colours.items():
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#6e7175"))
    return palette


def build(data: Path, size: tuple[int, int]) -> Shell:
    from followup.demo import populate  # noqa: PLC0415
    from followup.storage import Database, Repository  # noqa: PLC0415
    from followup_desktop.clock import FixedClock  # noqa: PLC0415
    from followup_desktop.main_window import MainWindow  # noqa: PLC0415
    from followup_desktop.session import Session  # noqa: PLC0415
    from followup_desktop.shell import Shell  # noqa: PLC0415

    repo = Repository(Database.open(data / "demo.sqlite3", NOW))
    populate(repo, NOW, ZONE)
    window = MainWindow()
    window.resize(*size)
    shell = Shell(Session(repo, FixedClock(NOW)), data / "templates", Silent(), window)
    loaded: list[bool] = []
    shell.loaded.connect(lambda: loaded.append(True))
    shell.start()
    for _ in range(200):
        if loaded:
            break
        wait(25)
    window.resize(*size)
    wait(200)
    return shell


class Silent:
    """No desktop notifications from the pictures: the window's banner shows them."""

    def notify(self, reminders: Any) -> bool:
        return False


def page(shell: Shell, name: str) -> QPixmap:
    shell.window.show_page(name)
    wait(150)
    return shell.window.grab()


def today(shell: Shell) -> QPixmap:
    return page(shell, "today")


def interviews(shell: Shell) -> QPixmap:
    shell.window.banner.hide()  # read on Today
    round_id, _contact = _draft_round(shell)  # the overdue letter, half written
    shell.window.interviews.select(shell.session.repo.round(round_id))
    return page(shell, "interviews")


def calendar(shell: Shell) -> QPixmap:
    from datetime import timedelta  # noqa: PLC0415

    from followup_desktop.calendar.view import CalendarView  # noqa: PLC0415

    shell.window.show_page("calendar")
    view = shell.window.page("calendar")
    assert isinstance(view, CalendarView)
    view.grid.select(NOW.astimezone(ZONE).date() - timedelta(days=1))  # a day with three items
    return page(shell, "calendar")


def _draft_round(shell: Shell) -> tuple[int, int]:
    repo = shell.session.repo
    for round_ in repo.rounds():
        for contact_id in round_.interviewer_ids:
            if repo.draft(round_.id, contact_id) is not None:
                return round_.id, contact_id
    raise RuntimeError("the demo data has no draft")


def composer_email(shell: Shell) -> QPixmap:
    composer = shell.window.composer
    shell.window.show_page("letters")
    composer.open_for(*_draft_round(shell))
    for _ in range(100):  # the spelling dictionary loads in the background
        if composer.spelling.speller is not None:
            break
        wait(30)
    text = composer.editor.toPlainText().replace("I enjoyed", "I realy enjoyed")  # a misspelling
    composer.editor.setPlainText(text)
    composer.subject.setText("Any update??")
    composer.run_check()
    wait(300)
    return page(shell, "letters")


def composer_post(shell: Shell) -> QPixmap:
    composer = shell.window.composer
    composer.channel_box.setCurrentIndex(1)
    composer.run_check()
    wait(300)
    return page(shell, "letters")


def composer_sent(shell: Shell) -> QPixmap:
    composer = shell.window.composer
    repo = shell.session.repo
    active = {r.id for r in repo.rounds(active_only=True)}
    sent = [x for x in repo.letters() if x.round_id in active and x.body]
    letter = max(sent, key=lambda x: x.sent_at)  # the latest letter of an open process
    composer.open_for(letter.round_id, letter.contact_id)
    wait(300)
    picture = page(shell, "letters")
    composer.open_for(*_draft_round(shell))  # back to the draft the printed letter is made of
    return picture


def modal(open_it: Callable[[], object], before: Callable[[Any], object] | None = None) -> QPixmap:
    """Open a dialog the way the app does (its exec), grab it, close it."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    taken: list[QPixmap] = []

    def take() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, take)
            return
        if before is not None:
            before(dialog)
        room = dialog.screen().availableGeometry()  # as a window manager keeps it on screen
        if dialog.width() > room.width() or dialog.height() > room.height():
            dialog.resize(min(dialog.width(), room.width()), min(dialog.height(), room.height()))
        wait(200)
        taken.append(dialog.grab())
        dialog.close()

    QTimer.singleShot(300, take)
    open_it()
    return taken[0]


def application(shell: Shell) -> QPixmap:
    view = shell.window.interviews
    round_index = view.tree.currentIndex()  # the round selected for the Interviews picture
    return modal(lambda: view.edit(round_index.parent()))


def round_(shell: Shell) -> QPixmap:
    view = shell.window.interviews
    return modal(lambda: view.edit(view.tree.currentIndex()))


def call(shell: Shell) -> QPixmap:
    from followup.plan import ItemKind  # noqa: PLC0415

    calls = [i for i in shell.session.items() if i.kind is ItemKind.CALL and i.state.pending]
    round_id = calls[0].round_id
    assert round_id is not None

    def two_minutes_in(dialog: Any) -> None:
        dialog.start.setChecked(True)  # the call is on ...
        dialog.ticker.stop()  # ... and the timer holds at 2:14, where it says "Wrap up"
        dialog.show_time(134)
        dialog.notes.setPlainText("She thanked me for the note; they decide next week.")

    return modal(lambda: shell.window.open_call_assistant(round_id), two_minutes_in)


def inquiry(shell: Shell) -> QPixmap:
    from followup_desktop.inquiry_dialog import InquiryDialog  # noqa: PLC0415

    online = next(a for a in shell.session.repo.applications() if a.company == "Cyberdyne")
    return modal(lambda: InquiryDialog(shell.session, online, shell.window).exec())


def settings(shell: Shell) -> QPixmap:
    return modal(shell.window.open_settings)


def first_run(shell: Shell) -> QPixmap | None:
    """On a new, empty database, as a new user sees it: what was found on the system."""
    try:
        from followup_desktop.first_run import FirstRunDialog  # noqa: PLC0415
    except ImportError:
        return None
    from followup.storage import Database, Repository  # noqa: PLC0415
    from followup_desktop.clock import FixedClock  # noqa: PLC0415
    from followup_desktop.session import Session  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="followup-first-") as folder:
        database = Database.open(Path(folder) / "new.sqlite3", NOW)
        fresh = Session(Repository(database), FixedClock(NOW))
        picture = modal(lambda: FirstRunDialog(fresh, shell.window).exec())
        database.close()
    return picture


def how_it_works(shell: Shell) -> QPixmap:
    return modal(shell.window.show_how_it_works)


def about(shell: Shell) -> QPixmap:
    return modal(shell.window.show_about)


def stored_values(shell: Shell) -> QPixmap:
    """A time of day no clock has, as a hand edit might leave it."""
    shell.session.repo.save_settings({"reminders.morning": "25:00"})
    shell.session.settings_changed.emit()
    shell.window.stored_values.refresh()
    return page(shell, "today")


SHOTS: dict[str, Callable[[Shell], QPixmap | None]] = {
    "today": today,
    "interviews": interviews,
    "calendar": calendar,
    "composer-email": composer_email,
    "composer-post": composer_post,
    "composer-sent": composer_sent,
    "call": call,
    "application": application,
    "round": round_,
    "inquiry": inquiry,
    "settings": settings,
    "first-run": first_run,
    "how-it-works": how_it_works,
    "about": about,
    "stored-values": stored_values,
}


def print_letter(shell: Shell, pdf: Path) -> None:
    """The post letter of the composer, as the app prints it."""
    from followup.letter_layout import business_letter  # noqa: PLC0415
    from followup_desktop.printing import default_paper, letter_pdf  # noqa: PLC0415

    session = shell.session
    round_id, contact_id = _draft_round(shell)
    repo = session.repo
    contact = repo.contact(contact_id)
    company = repo.application(repo.round(round_id).application_id).company
    text = shell.window.composer.editor.toPlainText()
    today_ = NOW.astimezone(ZONE).date()
    letter = business_letter(text, session.settings.profile(), contact, company, today_)
    letter_pdf(pdf, letter, None, default_paper("auto", "US"))


if __name__ == "__main__":
    raise SystemExit(main())
