"""Installed as a user installs it: the wheel, built here, in a fresh virtual environment
outside the checkout, run from an unrelated folder, so only the installed package's code and
resources can be used. The bundle and the .deb are built and started in the slow tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.interview_followup.InterviewFollowUp"
LETTER = (
    "Dear Dana,\n\nThank you for meeting me about the backend role. I enjoyed our talk "
    "about the billing service, and I would be glad to bring my experience with Python "
    "to your team.\n\nI am very interested in the role.\n\nKind regards,\nSam Lee\n"
)


def run(command: list[str], cwd: Path, env: dict[str, str], stdin: str = "") -> str:
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{command}: {done.stderr}"
    return done.stdout


def users_session(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FOLLOWUP"))}
    env |= {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
        "FOLLOWUP_DB": str(home / "data.sqlite3"),
    }
    return env


def exercise(bin_dir: Path, tmp_path: Path, env: dict[str, str]) -> None:
    """What a new user does first: the commands, a check, a printed letter, the app."""
    followup = str(bin_dir / "followup")
    assert run([followup, "--version"], tmp_path, env).startswith("followup ")
    done = subprocess.run(
        [followup, "check", "-"],
        input="Hey!! Did I get the job??",
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 1 and "asks-for-decision" in done.stdout, done.stdout
    run([followup, "settings", "set", "profile.name", "Sam Lee"], tmp_path, env)
    run([followup, "settings", "set", "profile.address", "2 Elm St;Springfield"], tmp_path, env)
    run(
        [followup, "contact", "add", "--name", "Dana Müller", "--address", "Acme;1 Main St"],
        tmp_path,
        env,
    )
    run([followup, "app", "add", "--company", "Acme", "--role", "Engineer"], tmp_path, env)
    run(
        [
            followup,
            "round",
            "add",
            "--app",
            "1",
            "--start",
            "2026-11-25T10:00",
            "--end",
            "2026-11-25T11:00",
            "--tz",
            "America/New_York",
            "--interviewer",
            "1",
        ],
        tmp_path,
        env,
    )
    pdf = tmp_path / "letter.pdf"
    run(
        [followup, "letter", "pdf", "1", "--to", "1", "--out", str(pdf), "--file", "-"],
        tmp_path,
        env,
        stdin=LETTER,
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    shot = tmp_path / "window.png"
    run([str(bin_dir / "followup-desktop"), "--demo", "--screenshot", str(shot)], tmp_path, env)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_wheel_installed_in_a_fresh_environment_works(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        tmp_path,
        dict(os.environ),
    )
    (wheel,) = wheels.glob("interview_followup-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)  # our pip installs into it: no seconds of ensurepip
    bin_dir = env_dir / "bin"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(bin_dir / "python"),
            "install",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        tmp_path,
        dict(os.environ),
    )
    env = users_session(tmp_path)
    where = run(
        [
            str(bin_dir / "python"),
            "-c",
            "import followup, followup_resources; print(followup.__file__);"
            "print(followup_resources.__file__)",
        ],
        tmp_path,
        env,
    )
    assert all(str(env_dir) in line for line in where.split()), where
    exercise(bin_dir, tmp_path, env)
    data = Path(env["XDG_DATA_HOME"])
    run([str(bin_dir / "followup-desktop"), "--install-desktop-entry"], tmp_path, env)
    entry = data / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={bin_dir / 'followup-desktop'}" in entry.read_text()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").exists()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", str(entry)], tmp_path, env)
    if shutil.which("appstreamcli"):
        run(
            [
                "appstreamcli",
                "validate",
                "--no-net",
                str(data / "metainfo" / f"{APP_ID}.metainfo.xml"),
            ],
            tmp_path,
            env,
        )
    run([str(bin_dir / "followup-desktop"), "--uninstall-desktop-entry"], tmp_path, env)
    assert not entry.exists()


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make bundle`'s recipe, built once for the slow tests."""
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.10"], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(ROOT / "packaging/pyinstaller/followup-desktop.spec"),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    return out / "dist" / "interview-followup"


@pytest.mark.slow
def test_the_bundle_starts_and_its_command_line_works(bundle: Path, tmp_path: Path) -> None:
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.stat().st_size for f in files) / 2**20
    print(f"bundle: {size:.0f} MiB")
    assert size < 200, f"the bundle grew to {size:.0f} MiB"
    assert not list(bundle.rglob("libgtk-3*")) and not list(bundle.rglob("libQt6Quick*"))
    exercise(bundle, tmp_path, users_session(tmp_path))


@pytest.mark.slow
@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None,
    reason="installing a .deb needs root and apt-get (Debian/Ubuntu)",
)
def test_the_deb_installs_starts_and_removes_cleanly(bundle: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg", "-r", "interview-followup"], capture_output=True, check=False)
    built = run(
        ["sh", str(ROOT / "packaging/debian/build-deb.sh"), str(bundle), str(tmp_path)],
        tmp_path,
        dict(os.environ),
    )
    deb = Path(built.split()[0])
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "install", "-y", "-qq", str(deb)], tmp_path, env)
    try:
        assert Path("/usr/share/applications", f"{APP_ID}.desktop").exists()
        exercise(Path("/usr/bin"), tmp_path, users_session(tmp_path))
    finally:
        run(["apt-get", "remove", "-y", "-qq", "interview-followup"], tmp_path, env)
    assert not Path("/opt/interview-followup").exists()
    assert not Path("/usr/bin/followup-desktop").exists()
