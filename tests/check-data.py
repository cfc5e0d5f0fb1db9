#!/usr/bin/env python3
# The checks of the data suite (data/meson.build runs one subcommand per test):
# that the desktop file, the metainfo, the icons, the translations, the
# Flatpak manifest and the install layout are what a desktop expects.
# Exit codes follow meson's: 0 pass, 1 fail, 77 skip (a tool is missing).

import argparse
import configparser
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77

FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Where the release manifest fetches the sources (the metainfo's vcs-browser).
RELEASE_URL = "https://github.com/jobdesk/JobDesk.git"

failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def ok(message):
    print(f"ok: {message}")


def tool(name):
    path = shutil.which(name)
    if path is None:
        print(f"SKIP: {name} is not installed")
        sys.exit(SKIP)
    return path


def run(argv):
    print("$ " + " ".join(argv))
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.stdout:
        print(proc.stdout.rstrip())
    return proc


def read_keyfile_group(path, wanted):
    """The keys of one group of a desktop-style key file."""
    keys = {}
    group = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                group = line.strip("[]")
            elif group == wanted and "=" in line:
                key, value = line.split("=", 1)
                keys[key.strip()] = value.strip()
    return keys


def read_desktop_entry(path):
    return read_keyfile_group(path, "Desktop Entry")


def linguas(po_dir):
    langs = []
    path = os.path.join(po_dir, "LINGUAS")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0]
                langs += line.split()
    return langs


# --- desktop file -----------------------------------------------------------

def check_desktop(args):
    validate = tool("desktop-file-validate")
    proc = run([validate, args.file])
    # It exits 0 on some lines it calls errors: read what it says too. Its
    # warnings and hints count as well.
    if proc.returncode != 0 or re.search(r"\b(error|warning|hint):", proc.stdout):
        fail("desktop-file-validate found errors, warnings or hints")
    else:
        ok("desktop-file-validate: no error, warning or hint")

    entry = read_desktop_entry(args.file)
    expect = {
        "Type": "Application",
        "Name": "Job Desk",
        "Icon": args.app_id,
        "StartupNotify": "true",
        "Terminal": "false",
    }
    for key, value in expect.items():
        if entry.get(key) != value:
            fail(f"{key} is {entry.get(key)!r}, expected {value!r}")
    exec_argv = entry.get("Exec", "").split()
    if not exec_argv or exec_argv[0] != "jobdesk":
        fail(f"Exec does not start jobdesk: {entry.get('Exec')!r}")
    # D-Bus activation: what a notification's button and GNOME Shell use
    # to start the app and call its actions.
    if entry.get("DBusActivatable") != "true":
        fail(f"DBusActivatable is {entry.get('DBusActivatable')!r}, expected 'true'")
    if entry.get("X-GNOME-UsesNotifications") != "true":
        fail("X-GNOME-UsesNotifications is not true (the Notifications settings would not list the app)")
    check_service(args.service, args.app_id, None)
    for key in ("Comment", "Keywords", "Categories"):
        if not entry.get(key):
            fail(f"{key} is missing")
    if os.path.basename(args.file) != args.app_id + ".desktop":
        fail(f"the file is not named after the application ID {args.app_id}")
    if not failures:
        ok("the desktop file names the app, its icon and its command")


# --- D-Bus service file -----------------------------------------------------

def read_service(path):
    return read_keyfile_group(path, "D-BUS Service")


def check_service(path, app_id, bindir):
    """The session bus starts the app from this file: its name is the
    application ID, and jobdesk runs as a GApplication service."""
    if os.path.basename(path) != app_id + ".service":
        fail(f"{os.path.basename(path)} is not named after the application ID {app_id}")
    if not os.path.isfile(path):
        fail(f"{path} does not exist")
        return
    service = read_service(path)
    if service.get("Name") != app_id:
        fail(f"the D-Bus service is named {service.get('Name')!r}, expected {app_id!r}")
    argv = service.get("Exec", "").split()
    if len(argv) != 2 or os.path.basename(argv[0]) != "jobdesk" or argv[1] != "--gapplication-service":
        fail(f"Exec is {service.get('Exec')!r}, expected BINDIR/jobdesk --gapplication-service")
    elif not os.path.isabs(argv[0]):
        fail(f"Exec names {argv[0]!r}: the bus needs an absolute path")
    elif bindir is not None and os.path.dirname(argv[0]) != bindir:
        fail(f"Exec starts {argv[0]}, but jobdesk is installed in {bindir}")


# --- metainfo ---------------------------------------------------------------

def check_metainfo(args):
    appstreamcli = tool("appstreamcli")
    # --no-net: the URLs and screenshots cannot be fetched here.
    proc = run([appstreamcli, "validate", "--pedantic", "--no-net", args.file])
    if proc.returncode != 0:
        fail("appstreamcli validate --pedantic failed")
    # Every note counts, down to the pedantic ones, but these two:
    known = {
        # The application ID was chosen before this check; changing it
        # would lose every user's settings and keyring items.
        ("P", "cid-contains-uppercase-letter", args.app_id),
        # AppStream 1.0's <developer>, which 0.16 does not know yet; beside
        # it is the <developer_name> that 0.16 reads.
        ("I", "unknown-tag", "developer"),
    }
    # "P: io.github.jobdesk.JobDesk:4: cid-contains-uppercase-letter io.github.jobdesk.JobDesk"
    notes = [(m.group(1), m.group(2), (m.group(3) or "").strip())
             for m in re.finditer(r"^([EWIP]): \S+ (\S+)(.*)$", proc.stdout, re.M)]
    unexpected = [n for n in notes if n not in known]
    for severity, tag, detail in unexpected:
        fail(f"appstreamcli validate --pedantic: {severity}: {tag} {detail}")
    if proc.returncode == 0 and not unexpected:
        ok(f"appstreamcli validate --pedantic ({len(notes)} known notes)")

    root = ET.parse(args.file).getroot()
    if root.findtext("id") != args.app_id:
        fail(f"<id> is {root.findtext('id')!r}, expected {args.app_id!r}")
    launchable = root.find("launchable[@type='desktop-id']")
    if launchable is None or launchable.text != args.app_id + ".desktop":
        fail("<launchable type='desktop-id'> does not name the desktop file")
    if root.findtext("provides/binary") != "jobdesk":
        fail("<provides><binary> is not jobdesk")
    if root.findtext("translation[@type='gettext']") != "jobdesk":
        fail("<translation type='gettext'> is not jobdesk")
    if not root.findall("screenshots/screenshot/image"):
        fail("no screenshots")
    for image in root.findall("screenshots/screenshot/image"):
        name = os.path.basename(image.text or "")
        local = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "screenshots", name)
        if not os.path.exists(local):
            # The screenshots are made from the app itself, not always yet.
            print(f"note: {image.text} has no file in data/screenshots/ yet")
    if root.find("content_rating[@type='oars-1.1']") is None:
        fail("no OARS 1.1 content rating")
    releases = root.findall("releases/release")
    if not releases:
        fail("no release")
    elif releases[0].get("version") != args.version:
        fail(f"the newest release is {releases[0].get('version')!r}, the project's version {args.version!r}")
    else:
        versions = [r.get("version") for r in releases]
        dates = [r.get("date") or "" for r in releases]
        if dates != sorted(dates, reverse=True) or len(set(versions)) != len(versions):
            fail("the releases are not newest first, each once")
        for release in releases:
            if release.find("description") is None:
                fail(f"release {release.get('version')} has no notes")
    if not failures:
        ok("the metainfo describes the app under its ID")


# --- icons ------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def check_icons(args):
    base = args.dir
    app_id = "io.github.jobdesk.JobDesk"
    full = os.path.join(base, "hicolor", "scalable", "apps", app_id + ".svg")
    symbolic = os.path.join(base, "hicolor", "symbolic", "apps", app_id + "-symbolic.svg")

    root = ET.parse(full).getroot()
    if root.get("viewBox") != "0 0 128 128":
        fail(f"{full}: the viewBox is {root.get('viewBox')!r}, expected 0 0 128 128")
    if any(True for _ in root.iter(SVG + "text")):
        fail(f"{full}: app icons carry no text")

    root = ET.parse(symbolic).getroot()
    if root.get("viewBox") != "0 0 16 16":
        fail(f"{symbolic}: the viewBox is {root.get('viewBox')!r}, expected 0 0 16 16")
    for element in root.iter():
        # GTK recolours a symbolic icon by its fills; strokes would stay dark.
        if element.get("stroke") not in (None, "none"):
            fail(f"{symbolic}: <{element.tag}> has a stroke; use filled paths")
        fill = element.get("fill")
        if fill not in (None, "none", "#241f31"):
            fail(f"{symbolic}: <{element.tag}> is filled with {fill}, not #241f31")
    if not failures:
        ok("the app icon and its symbolic variant")


# --- translations -----------------------------------------------------------

def check_po(args):
    langs = linguas(args.po_dir)
    files = sorted(glob.glob(os.path.join(args.po_dir, "*.po")))
    names = [os.path.splitext(os.path.basename(f))[0] for f in files]

    for lang in langs:
        if lang not in names:
            fail(f"LINGUAS lists {lang}, but po/{lang}.po does not exist")
    for name in names:
        if name not in langs:
            fail(f"po/{name}.po is not listed in po/LINGUAS")
    if langs != sorted(langs):
        fail("po/LINGUAS is not sorted")

    if not files:
        ok("no translations yet")
    else:
        msgfmt = tool("msgfmt")
        for f in files:
            proc = run([msgfmt, "--check", "--statistics", "-o", os.devnull, f])
            if proc.returncode != 0:
                fail(f"msgfmt --check {os.path.basename(f)}")
            else:
                ok(f"msgfmt --check {os.path.basename(f)}")
            with open(f, encoding="utf-8", errors="replace") as po:
                head = po.read(4096)
            # msginit writes charset=ASCII, which breaks every non-English letter.
            if "charset=UTF-8" not in head:
                fail(f"{os.path.basename(f)} does not declare charset=UTF-8")


# --- POTFILES.in completeness -----------------------------------------------

TRANSLATABLE_C = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(")
TRANSLATABLE_UI = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""")
C_NOISE = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def has_translatable(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if path.endswith((".c", ".h")):
        # Only code counts: not a "_(" in a comment or inside a string.
        return TRANSLATABLE_C.search(C_NOISE.sub(" ", text)) is not None
    return TRANSLATABLE_UI.search(text) is not None


def check_potfiles(args):
    root = args.source_root
    listed = []
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                listed.append(line)

    for entry in listed:
        if not os.path.exists(os.path.join(root, entry)):
            fail(f"po/POTFILES.in lists {entry}, which does not exist")
    if len(set(listed)) != len(listed):
        fail("po/POTFILES.in lists a file twice")

    wanted = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, "src")):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith((".c", ".h", ".ui")):
                path = os.path.join(dirpath, name)
                if has_translatable(path):
                    wanted.append(os.path.relpath(path, root))
    for pattern in ("*.desktop.in", "*.metainfo.xml.in", "*.gschema.xml.in"):
        wanted += [os.path.relpath(p, root) for p in sorted(glob.glob(os.path.join(root, "data", pattern)))]

    for path in wanted:
        if path not in listed:
            fail(f"{path} has translatable strings but is missing from po/POTFILES.in")
    if not failures:
        ok(f"po/POTFILES.in lists all {len(wanted)} files with translatable strings")


# --- Source file sizes -----------------------------------------------------

MAX_LINES = 1000


def check_file_sizes(args):
    """No source file of the project over 1,000 lines: a file that long
    holds more than one thing, and wants splitting by concern."""
    root = args.source_root
    counted = 0
    for top in ("src", "tests", "bench", "tools"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith((".c", ".h", ".ui", ".py")):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    n = sum(1 for _ in f)
                counted += 1
                if n > MAX_LINES:
                    fail(f"{os.path.relpath(path, root)} has {n} lines, over {MAX_LINES}: split it by concern")
    if not failures:
        ok(f"all {counted} source files have at most {MAX_LINES} lines")


# --- Flatpak manifest -------------------------------------------------------

def check_manifest_common(manifest, name):
    expect = {
        "id": "io.github.jobdesk.JobDesk",
        "runtime": "org.gnome.Platform",
        "sdk": "org.gnome.Sdk",
        "command": "jobdesk",
    }
    for key, value in expect.items():
        if manifest.get(key) != value:
            fail(f"{name}: {key} is {manifest.get(key)!r}, expected {value!r}")
    if str(manifest.get("runtime-version")) != "50":
        fail(f"{name}: runtime-version is {manifest.get('runtime-version')!r}, expected '50'")
    # Exactly these: no keyring talk-name (libsecret uses the Secret portal),
    # no file system access (downloads go through the file chooser portal).
    if manifest.get("finish-args") != FINISH_ARGS:
        fail(f"{name}: finish-args are {manifest.get('finish-args')!r}, expected {FINISH_ARGS!r}")

    modules = manifest.get("modules", [])
    app = [m for m in modules if isinstance(m, dict) and m.get("name") == "jobdesk"]
    if len(app) != 1:
        fail(f"{name}: there is no single module named jobdesk")
        return None
    module = app[0]
    if module.get("buildsystem") != "meson":
        fail(f"{name}: the jobdesk module is not built with meson")
    if module.get("run-tests") is not True:
        fail(f"{name}: the jobdesk module does not run its tests")
    return module


def git(source_root, *argv):
    return subprocess.run(["git", "-C", source_root, *argv], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)


def check_release_source(source, args):
    """A git source pinned to the release's tag and to a commit that the
    checkout's history holds."""
    tag = "v" + args.version
    if source.get("type") != "git":
        fail(f"the release is built from a {source.get('type')!r} source, not git")
        return
    if source.get("url") != RELEASE_URL:
        fail(f"the release's url is {source.get('url')!r}, expected {RELEASE_URL!r}")
    if source.get("tag") != tag:
        fail(f"the release's tag is {source.get('tag')!r}, expected {tag!r} (the project's version)")
    commit = source.get("commit", "")
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        fail(f"the release's commit {commit!r} is not a full commit ID")
        return
    for key in ("branch", "path"):
        if key in source:
            fail(f"the release's source has a {key!r}: only a tag and a commit pin it")

    if shutil.which("git") is None or git(args.source_root, "rev-parse", "--git-dir").returncode != 0:
        print("note: not a git checkout; the pinned commit is not checked against its history")
        return
    if git(args.source_root, "cat-file", "-e", commit + "^{commit}").returncode != 0:
        if git(args.source_root, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
            print(f"note: {commit} is not in this shallow clone; not checked against its history")
        else:
            fail(f"the release's commit {commit} does not exist in this repository")
        return
    if git(args.source_root, "merge-base", "--is-ancestor", commit, "HEAD").returncode != 0:
        fail(f"the release's commit {commit} is not an ancestor of HEAD")
    else:
        ok(f"the release's commit {commit[:12]} is in the history of HEAD")
    tagged = git(args.source_root, "rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}")
    if tagged.returncode == 0:
        if tagged.stdout.strip() != commit:
            fail(f"the tag {tag} points at {tagged.stdout.strip()}, the manifest at {commit}")
        else:
            ok(f"the tag {tag} points at the pinned commit")
    else:
        print(f"note: there is no tag {tag} here yet")


def check_manifest(args):
    with open(args.file, encoding="utf-8") as f:
        manifest = json.load(f)
    module = check_manifest_common(manifest, os.path.basename(args.file))
    if module is not None and {"type": "dir", "path": ".."} not in module.get("sources", []):
        fail("the jobdesk module is not built from the checkout (type dir, path ..)")

    # The release manifest: the development one, but for its source.
    with open(args.release, encoding="utf-8") as f:
        release = json.load(f)
    release_module = check_manifest_common(release, os.path.basename(args.release))
    if module is not None and release_module is not None:
        def without_sources(m):
            m = json.loads(json.dumps(m))
            for mod in m["modules"]:
                mod.pop("sources", None)
            return m
        if without_sources(manifest) != without_sources(release):
            fail("the release manifest differs from the development one in more than its source")
        sources = release_module.get("sources", [])
        if len(sources) != 1:
            fail(f"the release's jobdesk module has {len(sources)} sources, expected one")
        else:
            check_release_source(sources[0], args)
    if not failures:
        ok("both manifests parse and have exactly the expected finish-args")


# --- install layout ---------------------------------------------------------

def check_install(args):
    meson = tool("meson")
    destdir = args.destdir
    shutil.rmtree(destdir, ignore_errors=True)

    proc = run([meson, "install", "-C", args.build_root, "--destdir", destdir, "--quiet"])
    if proc.returncode != 0:
        fail("meson install failed")
        return

    def staged(*parts):
        path = os.path.join(args.prefix, *parts)
        return destdir + path if os.path.isabs(path) else os.path.join(destdir, path)

    app_id = args.app_id
    datadir = args.datadir
    expected = [
        staged(args.bindir, "jobdesk"),
        staged(datadir, "applications", app_id + ".desktop"),
        staged(datadir, "metainfo", app_id + ".metainfo.xml"),
        staged(datadir, "glib-2.0", "schemas", app_id + ".gschema.xml"),
        staged(datadir, "icons", "hicolor", "scalable", "apps", app_id + ".svg"),
        staged(datadir, "icons", "hicolor", "symbolic", "apps", app_id + "-symbolic.svg"),
        staged(datadir, "dbus-1", "services", app_id + ".service"),
        staged(args.mandir, "man1", "jobdesk.1"),
        staged(datadir, "gnome-shell", "search-providers", app_id + ".search-provider.ini"),
    ]
    for lang in linguas(args.po_dir):
        expected.append(staged(args.localedir, lang, "LC_MESSAGES", "jobdesk.mo"))

    for path in expected:
        if os.path.isfile(path):
            ok(os.path.relpath(path, destdir))
        else:
            fail(f"{os.path.relpath(path, destdir)} was not installed")

    binary = expected[0]
    if os.path.isfile(binary) and not os.access(binary, os.X_OK):
        fail("the installed jobdesk is not executable")
    desktop = expected[1]
    if os.path.isfile(desktop):
        entry = read_desktop_entry(desktop)
        if entry.get("Icon") != app_id:
            fail(f"the installed desktop file names the icon {entry.get('Icon')!r}")
    service = expected[6]
    if os.path.isfile(service):
        check_service(service, app_id, os.path.join(args.prefix, args.bindir))
    # GNOME Shell finds the search provider by the app's bus name.
    provider = expected[8]
    if os.path.isfile(provider):
        ini = configparser.ConfigParser(interpolation=None)
        ini.optionxform = str
        ini.read(provider, encoding="utf-8")
        group = ini["Shell Search Provider"] if ini.has_section("Shell Search Provider") else {}
        wanted = {
            "DesktopId": app_id + ".desktop",
            "BusName": app_id,
            "ObjectPath": "/" + app_id.replace(".", "/") + "/SearchProvider",
            "Version": "2",
        }
        for key, value in wanted.items():
            if group.get(key) != value:
                fail(f"the search provider's {key} is {group.get(key)!r}, not {value!r}")
    # What a desktop installs for itself must not be in the package.
    cache = staged(datadir, "glib-2.0", "schemas", "gschemas.compiled")
    if os.path.exists(cache):
        fail("gschemas.compiled was installed; the desktop compiles schemas itself")

    shutil.rmtree(destdir, ignore_errors=True)


# --- command line -----------------------------------------------------------

def read_po(path):
    """msgid -> msgstr of a .po file (singular messages only)."""
    messages = {}
    msgid = msgstr = None
    field = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("msgid "):
                if msgid is not None and msgstr:
                    messages[msgid] = msgstr
                msgid, msgstr, field = line[6:], None, "msgid"
                msgid = json.loads(msgid)
            elif line.startswith("msgstr "):
                msgstr, field = json.loads(line[7:]), "msgstr"
            elif line.startswith('"') and field == "msgid":
                msgid += json.loads(line)
            elif line.startswith('"') and field == "msgstr":
                msgstr += json.loads(line)
            else:
                field = None
    if msgid is not None and msgstr:
        messages[msgid] = msgstr
    return messages


def jobdesk_env(**extra):
    """The environment of a user's terminal: nothing that points jobdesk at
    the build (no GSETTINGS_SCHEMA_DIR), no display, a locale that exists."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GSETTINGS", "LC_", "LANGUAGE", "XDG_DATA"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["LANG"] = "C.UTF-8"
    env.update(extra)
    return env


def run_jobdesk(argv, env):
    print("$ " + " ".join(f"{k}={v}" for k, v in env.items() if k in ("LANGUAGE", "XDG_DATA_DIRS")) + " " + " ".join(argv))
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    if proc.stdout:
        print(proc.stdout.rstrip())
    if proc.stderr:
        print(proc.stderr.rstrip())
    return proc


def check_command_line(args):
    jobdesk = args.jobdesk

    # Started from the build folder, as the README says: the build's schema
    # and catalogues, found without any environment variable.
    proc = run_jobdesk([jobdesk, "--version"], jobdesk_env())
    if proc.returncode != 0 or proc.stdout != f"jobdesk {args.version}\n":
        fail(f"--version printed {proc.stdout!r} (exit {proc.returncode}), expected 'jobdesk {args.version}'")
    else:
        ok("--version")

    german = read_po(os.path.join(args.po_dir, "de.po"))
    parameter = "[JOB-ID-OR-TEXT…]"
    summary = ("Look up Alteryx Server jobs by ID. Any text that holds a job ID will do: "
               "an e-mail line, a log line, a Server link.")
    demo = "Start the built-in sample server and sign in to it"
    for msgid in (parameter, summary, demo):
        if msgid not in german:
            fail(f"po/de.po has no translation of {msgid!r}")
    if failures:
        return

    proc = run_jobdesk([jobdesk, "--help"], jobdesk_env(LANGUAGE="de"))
    out = proc.stdout
    if proc.returncode != 0:
        fail(f"LANGUAGE=de jobdesk --help exited with {proc.returncode}")
    for msgid in (summary, demo):
        if german[msgid] not in out:
            fail(f"LANGUAGE=de jobdesk --help does not say {german[msgid]!r}")
        if msgid in out:
            fail(f"LANGUAGE=de jobdesk --help says {msgid!r} in English")
    if out.count(german[parameter]) != 1:
        fail(f"the parameters {german[parameter]!r} are printed {out.count(german[parameter])} times, not once")
    if parameter in out:
        fail(f"LANGUAGE=de jobdesk --help names the parameters in English")
    if proc.stderr:
        fail("jobdesk --help wrote to stderr")
    if not failures:
        ok("LANGUAGE=de jobdesk --help is German, its parameters named once")

    # An installed jobdesk whose schema is missing (nothing compiled it, or
    # its data folder is not in XDG_DATA_DIRS): a sentence, not an abort.
    scratch = tempfile.mkdtemp(prefix="jd-command-line-")
    try:
        copy = os.path.join(scratch, "bin", "jobdesk")
        os.makedirs(os.path.dirname(copy))
        shutil.copy2(jobdesk, copy)
        proc = run_jobdesk([copy, "--help"], jobdesk_env(XDG_DATA_DIRS=scratch))
        if proc.returncode != 1:
            fail(f"without its schema, jobdesk exited with {proc.returncode}, expected 1")
        if "settings schema" not in proc.stderr or "meson install" not in proc.stderr:
            fail("without its schema, jobdesk does not say what is missing and what to do")
        if not failures:
            ok("without its settings schema, jobdesk says so and exits with 1")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- manual page ------------------------------------------------------------

def check_manpage(args):
    with open(args.file, encoding="utf-8") as f:
        text = f.read()

    th = re.search(r'^\.TH\s+JOBDESK\s+1\s+"[^"]*"\s+"Job Desk ([^"]+)"', text, re.M)
    if th is None:
        fail(".TH does not name JOBDESK 1 and \"Job Desk VERSION\"")
    elif th.group(1) != args.version:
        fail(f"the manual page is of version {th.group(1)}, the project of {args.version}")

    # Every option jobdesk knows is in the page (troff writes - as \-).
    proc = run_jobdesk([args.jobdesk, "--help-all"], jobdesk_env())
    options = sorted(set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", proc.stdout, re.M)))
    if proc.returncode != 0 or not options:
        fail("jobdesk --help-all listed no options")
    plain = text.replace("\\-", "-")
    for option in options:
        if option not in plain:
            fail(f"the manual page does not describe {option}")
    if options and not failures:
        ok(f"the manual page describes all {len(options)} options: {' '.join(options)}")

    groff = shutil.which("groff")
    if groff is None:
        print("note: groff is not installed; the page was not rendered")
        return
    # -ww: every warning; -z: no output but the warnings.
    proc = subprocess.run([groff, "-man", "-ww", "-Tutf8", "-z", args.file],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0 or proc.stdout.strip():
        print(proc.stdout.rstrip())
        fail("groff -man -ww warns about the manual page")
    else:
        ok("groff -man -ww renders it without a warning")
    man = shutil.which("man")
    if man is not None:
        for width in ("60", "80"):
            env = dict(os.environ, MANWIDTH=width, LANG="C.UTF-8")
            proc = subprocess.run([man, "--warnings", "-l", args.file], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, env=env)
            if proc.returncode != 0 or proc.stderr.strip():
                print(proc.stderr.rstrip())
                fail(f"man -l warns about the manual page at {width} columns")
        if not failures:
            ok("man -l renders it without a warning at 60 and 80 columns")


def main():
    parser = argparse.ArgumentParser(description="The checks of Job Desk's data test suite.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("desktop")
    p.add_argument("file")
    p.add_argument("app_id")
    p.add_argument("--service", required=True, help="the D-Bus service file the build made")
    p.set_defaults(func=check_desktop)

    p = sub.add_parser("metainfo")
    p.add_argument("file")
    p.add_argument("app_id")
    p.add_argument("--version", required=True, help="the project's version")
    p.set_defaults(func=check_metainfo)

    p = sub.add_parser("icons")
    p.add_argument("dir")
    p.set_defaults(func=check_icons)

    p = sub.add_parser("po")
    p.add_argument("po_dir")
    p.set_defaults(func=check_po)

    p = sub.add_parser("potfiles")
    p.add_argument("source_root")
    p.set_defaults(func=check_potfiles)

    p = sub.add_parser("file-sizes")
    p.add_argument("source_root")
    p.set_defaults(func=check_file_sizes)

    p = sub.add_parser("manifest")
    p.add_argument("file")
    p.add_argument("--release", required=True, help="the release manifest")
    p.add_argument("--version", required=True, help="the project's version")
    p.add_argument("--source-root", required=True)
    p.set_defaults(func=check_manifest)

    p = sub.add_parser("command-line")
    p.add_argument("--jobdesk", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--po-dir", required=True)
    p.set_defaults(func=check_command_line)

    p = sub.add_parser("manpage")
    p.add_argument("file")
    p.add_argument("--jobdesk", required=True)
    p.add_argument("--version", required=True)
    p.set_defaults(func=check_manpage)

    p = sub.add_parser("install")
    for option in ("build-root", "destdir", "prefix", "bindir", "datadir", "localedir", "mandir", "app-id", "po-dir"):
        p.add_argument("--" + option, required=True)
    p.set_defaults(func=check_install)

    args = parser.parse_args()
    args.func(args)
    if failures:
        print(f"{len(failures)} problem(s) found")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
