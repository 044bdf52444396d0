"""docs/host-your-own-site.md, tried as a new user would: every step, in order, in an empty folder.

The guide's blocks become one bash script, run from an empty folder:

- a ```sh block runs as it is written, with `peerkit` and `pip` resolved to this
  virtual environment's (pip with no index to install from, so it can only find
  Peerkit already installed, and can change nothing; a release wheel's address or a
  git tag of Peerkit stands for this checkout, installed already, as `git push` to
  GitHub goes to a local repository), and `peerkit serve` started in
  the background, asked for the home page, and stopped;
- a ```yaml block whose first line names a file (`# content/groups/x.yml`) is
  written to that file, as the reader is told to; one whose first line is
  `# mkdocs.yml` is merged into the site's mkdocs.yml (its mappings key by key);
- `git push` to https://github.com/ goes to a local bare repository instead, and
  `git config --global` to a home folder of the test's own.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from peerkit.init_site import InitOptions, site_files
from tests.organisations.conftest import EnvLoader, plugin_options

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "host-your-own-site.md"
BIN = Path(sys.executable).parent

_FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_END = "PEERKIT_GUIDE_END"

_MERGE = """\
import sys, yaml

class Loader(yaml.SafeLoader):
    pass

Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])

def merge(base, change):
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    config = yaml.load(f, Loader=Loader)
merge(config, yaml.safe_load(sys.stdin))
with open(path, "w", encoding="utf-8") as f:
    yaml.dump(config, f, sort_keys=False, allow_unicode=True)
"""

_FETCH = """\
import sys, time, urllib.request

url, out = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + 60
while True:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            open(out, "wb").write(response.read())
            break
    except OSError:
        if time.monotonic() > deadline:
            raise
        time.sleep(0.3)
"""

_PREAMBLE = """\
set -eo pipefail
peerkit() { "$GUIDE_BIN/peerkit" "$@"; }
pip() {
  local args=() arg
  for arg in "$@"; do
    case "$arg" in
      *peerkit-*.whl | "peerkit @ "*) args+=(peerkit) ;;
      *) args+=("$arg") ;;
    esac
  done
  "$GUIDE_BIN/python" -m pip "${args[@]}"
}
guide_serve() {
  "$GUIDE_BIN/peerkit" serve --dev-addr "127.0.0.1:$GUIDE_PORT" > "$GUIDE_DIR/serve.log" 2>&1 &
  local pid=$! status=0
  "$GUIDE_BIN/python" "$GUIDE_DIR/fetch.py" "http://127.0.0.1:$GUIDE_PORT/" "$GUIDE_DIR/served.html" || status=$?
  kill -TERM "$pid"
  wait "$pid" || true
  return $status
}
"""


def guide_script(markdown: str) -> str:
    """The guide's blocks, in order, as one bash script (see the module's docstring)."""
    parts = [_PREAMBLE]
    for kind, body in _FENCE.findall(markdown):
        first = body.split("\n", 1)[0]
        if kind == "sh":
            for line in body.splitlines():
                parts.append("guide_serve" if line.strip() == "peerkit serve" else line)
        elif kind == "yaml" and first == "# mkdocs.yml":
            parts.append(f'"$GUIDE_BIN/python" "$GUIDE_DIR/merge.py" mkdocs.yml <<\'{_END}\'')
            parts += [body.rstrip("\n"), _END]
        elif kind == "yaml" and first.startswith("# content/"):
            path = first[2:]
            parts.append(f"mkdir -p \"$(dirname '{path}')\" && cat > '{path}' <<'{_END}'")
            parts += [body.rstrip("\n"), _END]
    return "\n".join(parts) + "\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_guide(tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    harness = tmp_path / "harness"
    work = tmp_path / "work"
    home = tmp_path / "home"
    remotes = tmp_path / "remotes"
    for folder in (harness, work, home, remotes / "YOUR-ACCOUNT", harness / "no-wheels"):
        folder.mkdir(parents=True)
    (harness / "merge.py").write_text(_MERGE, "utf-8")
    (harness / "fetch.py").write_text(_FETCH, "utf-8")
    subprocess.run(
        ["git", "init", "--bare", "-q", str(remotes / "YOUR-ACCOUNT" / "riverside-peers.git")],
        check=True,
    )
    (harness / "guide.sh").write_text(guide_script(GUIDE.read_text("utf-8")), "utf-8")
    env = {
        **{
            k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PIP_", "VIRTUAL_ENV"))
        },
        "HOME": str(home),
        "NO_MKDOCS_2_WARNING": "1",
        "GUIDE_BIN": str(BIN),
        "GUIDE_DIR": str(harness),
        "GUIDE_PORT": str(_free_port()),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(harness / "no-wheels"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{remotes.as_uri()}/.insteadOf",
        "GIT_CONFIG_VALUE_0": "https://github.com/",
    }
    process = subprocess.Popen(
        ["bash", "-x", str(harness / "guide.sh")],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=240)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), tmp_path


def test_every_command_of_the_guide_runs_and_gives_the_organisations_site(tmp_path: Path) -> None:
    result, root = _run_guide(tmp_path)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"

    site = root / "work" / "riverside-peers"
    served = (root / "harness" / "served.html").read_text("utf-8")
    assert "<title>Riverside Peer Support</title>" in served

    built = site / "site"
    assert "--md-primary-fg-color: #4a148c;" in (built / "assets/peerkit/colors.css").read_text(
        "utf-8"
    )
    home = (built / "index.html").read_text("utf-8")
    assert 'href="https://riverside.example.org/donate">Donate</a>' in home
    assert "Shout" in home
    assert list(built.glob("groups/**/riverside-walk-and-talk/index.html"))
    assert not list(built.glob("groups/**/example-wellbeing-group/index.html"))

    pushed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "main"],
        cwd=root / "remotes" / "YOUR-ACCOUNT" / "riverside-peers.git",
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert ".github/workflows/deploy.yml" in pushed
    assert "content/groups/riverside-walk-and-talk.yml" in pushed
    assert not [p for p in pushed if p.startswith("site/")]


def test_the_guide_shows_the_plugin_options_init_writes() -> None:
    """The guide's mkdocs.yml block is the reader's own file, edited: the same options."""
    blocks = [body for kind, body in _FENCE.findall(GUIDE.read_text("utf-8")) if kind == "yaml"]
    guide_config = yaml.safe_load(next(b for b in blocks if b.startswith("# mkdocs.yml")))
    written = site_files(InitOptions("Riverside Peer Support"), date.today())["mkdocs.yml"]
    init_config = yaml.load(written, Loader=EnvLoader)

    assert plugin_options(guide_config).keys() == plugin_options(init_config).keys()
    assert [p if isinstance(p, str) else next(iter(p)) for p in guide_config["plugins"]] == [
        p if isinstance(p, str) else next(iter(p)) for p in init_config["plugins"]
    ]


def test_every_command_in_the_guide_is_in_a_block_the_test_runs() -> None:
    fences = {kind for kind, _ in _FENCE.findall(GUIDE.read_text("utf-8"))}
    assert fences <= {"sh", "yaml"}, "shell commands belong in ```sh blocks, which the test runs"
    script = guide_script(GUIDE.read_text("utf-8"))
    for command in ("peerkit init", "peerkit check", "guide_serve", "peerkit build", "git push"):
        assert command in script
