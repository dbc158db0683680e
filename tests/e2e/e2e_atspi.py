#!/usr/bin/python3
"""End-to-end test of the desktop app as a screen reader sees it (AT-SPI).

Starts a private X server (Xvfb) with a window manager (openbox), a private D-Bus session and
the AT-SPI bus, runs `tatausaha` on a fresh SQLite data folder with the demo data (an open PPDB
period; upstreams are not contacted), and then, finding every control by its accessible role
and name and typing only with synthesized key events (X key events via the AT-SPI registry):

  1. logs in as `admin` (fields "Username" and "Password"),
  2. opens PPDB (Ctrl+1) and the walk-in form (Ctrl+N), fills every field with Tab and typing,
     saves with Enter,
  3. finds the new applicant in the PPDB table's cells,
  4. opens its detail (Tab into the table, arrows, Enter), saves the proof of registration
     through the print button's menu (Space, then P) and Qt's file dialog (its "file name"
     input), and checks the PDF's text (pdftotext),
  5. prints it on A4 (Ctrl+P): Tab to "Cetak" in the print preview, then in the system print
     dialog "Cetak ke berkas (PDF)" with the output file typed into "Berkas keluaran"; checks
     that PDF (A4, name and number), closes the detail (Escape) and quits (Ctrl+Q).

Needs Debian's python3-pyatspi, at-spi2-core, dbus-daemon (dbus-run-session), xvfb, openbox and
poppler-utils (scripts/setup.sh installs them). Run it alone with `cd build && ctest -R e2e_atspi`
or directly: `/usr/bin/python3 tests/e2e/e2e_atspi.py build/bin/tatausaha` (--keep keeps the
temporary folder with the app's log).

On failure it names the step, prints the accessibility tree of the app's windows (role, name,
focused/showing) and the tail of the app's log. Every process it starts runs in its own process
group and is killed at the end, also on failure.
"""

import argparse
import datetime
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

START = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - START:6.2f}s] {msg}", flush=True)


class StepFailure(Exception):
    pass


def kill_group(proc, grace=3.0):
    """Ends a process started with start_new_session=True, and everything it started."""
    if proc is None or proc.poll() is not None and not _group_alive(proc.pid):
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 2.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if proc.poll() is not None and not _group_alive(proc.pid):
                return
            time.sleep(0.05)


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


# --------------------------------------------------------------------------------------------
# Outer part: X server and D-Bus session, then this script again inside them.
# --------------------------------------------------------------------------------------------

def start_xvfb(tmp):
    """Xvfb on a free display: the lock file Xvfb takes for an explicit display keeps parallel
    runs apart (with -displayfd alone this Xvfb picks :0 without a lock file). -displayfd still
    tells when the server accepts connections. -noreset: by default the server resets when its
    last client leaves (the AT-SPI bus launcher only visits), refusing connections meanwhile."""
    first = random.randrange(100, 900)
    for n in list(range(first, 1000)) + list(range(100, first)):
        if os.path.exists(f"/tmp/.X{n}-lock") or os.path.exists(f"/tmp/.X11-unix/X{n}"):
            continue
        rfd, wfd = os.pipe()
        with open(os.path.join(tmp, "xvfb.log"), "a") as err:
            proc = subprocess.Popen(["Xvfb", f":{n}", "-displayfd", str(wfd), "-screen", "0", "1366x768x24", "-noreset",
                                     "-nolisten", "tcp"], pass_fds=(wfd,), start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=err)
        os.close(wfd)
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = os.read(rfd, 16)  # ends (empty) when Xvfb exits: the display was taken
            if not chunk:
                break
            answer += chunk
        os.close(rfd)
        if answer.strip() and proc.poll() is None:
            return proc, f":{n}"
        kill_group(proc)
        if len(open(os.path.join(tmp, "xvfb.log")).read()) > 100000:
            break
    return None, None


def outer(args):
    for tool in ("Xvfb", "openbox", "dbus-run-session", "pdftotext"):
        if not shutil.which(tool):
            print(f"FAIL: {tool} not found (scripts/setup.sh installs it)")
            return 1
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        print("FAIL: /usr/libexec/at-spi-bus-launcher not found (package at-spi2-core)")
        return 1
    tmp = tempfile.mkdtemp(prefix="tatausaha-e2e-")
    xvfb = wm = session = None
    ok = False
    try:
        xvfb, display = start_xvfb(tmp)
        if xvfb is None:
            print("FAIL: Xvfb did not start on any display (see xvfb.log)")
            return 1
        log(f"setup: Xvfb on display {display}")
        # A window manager, as on any desktop: it gives new windows the focus and hands it back
        # to the main window when a dialog closes (without one, nothing has the keyboard).
        ready = os.path.join(tmp, "wm-ready")
        wm = subprocess.Popen(["openbox", "--sm-disable", "--startup", f"touch {ready}"],
                              env=dict(os.environ, DISPLAY=display), start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "openbox.log"), "w"))
        deadline = time.monotonic() + 10
        while not os.path.exists(ready):
            if wm.poll() is not None or time.monotonic() > deadline:
                print("FAIL: the window manager (openbox) did not start (see openbox.log)")
                return 1
            time.sleep(0.05)
        log("setup: openbox running")

        env = dict(os.environ)
        env["DISPLAY"] = display
        for k in ("DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                  "XDG_SESSION_TYPE", "SESSION_MANAGER"):
            env.pop(k, None)
        env["HOME"] = os.path.join(tmp, "home")
        env["XDG_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        env["XDG_CONFIG_HOME"] = os.path.join(tmp, "home", ".config")
        env["XDG_DATA_HOME"] = os.path.join(tmp, "home", ".local", "share")
        env["XDG_CACHE_HOME"] = os.path.join(tmp, "home", ".cache")
        for d in (env["HOME"], env["XDG_RUNTIME_DIR"]):
            os.makedirs(d, mode=0o700, exist_ok=True)
        session = subprocess.Popen(["dbus-run-session", "--", sys.executable, os.path.abspath(__file__),
                                    "--inner", tmp, args.app], env=env, start_new_session=True)
        try:
            rc = session.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"FAIL: the test did not finish within {args.timeout} s")
            rc = 1
        ok = rc == 0
        return rc
    finally:
        kill_group(session, grace=6.0)  # time for the inner part's own cleanup
        kill_group(wm)
        kill_group(xvfb)
        if args.keep or not ok:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
        log("cleaned up")


# --------------------------------------------------------------------------------------------
# Inner part: runs inside dbus-run-session with DISPLAY set.
# --------------------------------------------------------------------------------------------

KEYSYMS = {
    "Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B, "Down": 0xFF54, "Up": 0xFF52,
    "Home": 0xFF50, "End": 0xFF57, "space": 0x20, "BackSpace": 0xFF08,
}
CONTROL_L_KEYCODE = 37  # X keycode of Control_L in Xvfb's default (evdev) keymap


class Ui:
    def __init__(self, pyatspi, Atspi, GLib, pid):
        self.pyatspi = pyatspi
        self.Atspi = Atspi
        self.GLib = GLib
        self.pid = pid
        self.app = None

    # ---- focus events (how a screen reader follows the focus, popup menus included) ----
    def listen_focus(self):
        self._focus = None

        self._focus_events = 0

        def on_focus(event):
            if event.detail1:
                self._focus = event.source
                self._focus_events += 1
        self._on_focus = on_focus
        self.pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")

    def tab(self):
        """Tab, then wait for the app to move the focus (a focus event), so that a loop looking
        for a control never presses Tab again before the app has handled the last one. Within
        a date input Tab moves between its sections and no event comes: a short wait then."""
        before = self._focus_events
        self.key("Tab")
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            self.pump()
            if self._focus_events != before:
                return
            time.sleep(0.01)

    def last_focus(self):
        self.pump()
        return self._focus

    # ---- the tree ----
    def pump(self):
        ctx = self.GLib.MainContext.default()
        while ctx.iteration(False):
            pass

    def find_app(self):
        self.pump()
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            c = desktop.getChildAtIndex(i)
            try:
                if c is not None and c.get_process_id() == self.pid:
                    # No caching: every question goes to the app, so the test never reads a
                    # state that changed meanwhile (this script runs no event loop).
                    c.set_cache_mask(self.Atspi.Cache.NONE)
                    return c
            except Exception:
                continue
        return None

    def windows(self):
        self.pump()
        out = []
        app = self.app
        for i in range(app.childCount):
            w = app.getChildAtIndex(i)
            if w is not None:
                out.append(w)
        return out

    @staticmethod
    def states(acc):
        try:
            return acc.getState()
        except Exception:
            return None

    def has(self, acc, state):
        s = self.states(acc)
        return s is not None and s.contains(state)

    def showing(self, acc):
        return self.has(acc, self.pyatspi.STATE_SHOWING)

    def walk(self, root, limit=6000):
        """Breadth-first, at most `limit` nodes."""
        queue = [root]
        seen = 0
        while queue and seen < limit:
            acc = queue.pop(0)
            seen += 1
            yield acc
            try:
                n = acc.childCount
            except Exception:
                continue
            for i in range(n):
                try:
                    c = acc.getChildAtIndex(i)
                except Exception:
                    c = None
                if c is not None:
                    queue.append(c)

    def find(self, root, role=None, name=None, contains=None, showing=True):
        for acc in self.walk(root):
            try:
                if role is not None and acc.getRole() != role:
                    continue
                if name is not None and acc.name != name:
                    continue
                if contains is not None and contains not in (acc.name or ""):
                    continue
            except Exception:
                continue
            if showing and not self.showing(acc):
                continue
            return acc
        return None

    def window(self, title=None, contains=None):
        for w in self.windows():
            try:
                if (title is not None and w.name == title) or (contains is not None and contains in (w.name or "")):
                    if self.showing(w):
                        return w
            except Exception:
                continue
        return None

    def focused(self):
        """The focused control of the active window (not the window itself)."""
        F = self.pyatspi.STATE_FOCUSED
        for w in self.windows():
            if not self.has(w, self.pyatspi.STATE_ACTIVE):
                continue
            for acc in self.walk(w):
                if acc is not w and self.has(acc, F):
                    return acc
        return None

    def describe(self, acc):
        if acc is None:
            return "nothing"
        try:
            return f"{acc.getRoleName()} {acc.name!r}"
        except Exception as e:
            return f"<gone: {e}>"

    def dump(self, root=None, max_nodes=400, file=sys.stdout):
        """Role, name and the interesting states of every node, indented."""
        roots = [root] if root is not None else (self.windows() if self.app is not None else [])
        count = 0

        def rec(acc, depth):
            nonlocal count
            if count >= max_nodes:
                return
            count += 1
            try:
                flags = []
                for st, label in ((self.pyatspi.STATE_FOCUSED, "focused"), (self.pyatspi.STATE_ACTIVE, "active"),
                                  (self.pyatspi.STATE_SHOWING, "showing"), (self.pyatspi.STATE_SELECTED, "selected")):
                    if self.has(acc, st):
                        flags.append(label)
                print("  " * depth + f"- {acc.getRoleName()} {acc.name!r} [{' '.join(flags)}]", file=file)
                if depth > 0 and not self.showing(acc):
                    return  # hidden parts (pages not shown, the captcha box) say little
                for i in range(acc.childCount):
                    c = acc.getChildAtIndex(i)
                    if c is not None:
                        rec(c, depth + 1)
            except Exception as e:
                print("  " * depth + f"- <error {e}>", file=file)

        # The active window (the dialog the step was in) first and in full; the others after it.
        roots.sort(key=lambda w: not self.has(w, self.pyatspi.STATE_ACTIVE))
        budget = max_nodes
        for r in roots:
            count = 0
            max_nodes = budget
            rec(r, 0)
            if count >= max_nodes:
                print(f"  … cut after {max_nodes} nodes", file=file)
            budget = 150

    def text_of(self, acc):
        try:
            t = acc.queryText()
            return t.getText(0, t.characterCount)
        except Exception:
            return None

    # ---- waiting ----
    def wait_for(self, what, fn, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                value = fn()
            except Exception:
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise StepFailure(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(0.1)

    # ---- keyboard (synthesized X key events: the same path a keyboard takes) ----
    def key(self, name, times=1):
        sym = KEYSYMS[name] if name in KEYSYMS else ord(name)
        for _ in range(times):
            self.pyatspi.Registry.generateKeyboardEvent(sym, None, self.pyatspi.KEY_SYM)
            time.sleep(0.03)

    def ctrl(self, name):
        reg = self.pyatspi.Registry
        reg.generateKeyboardEvent(CONTROL_L_KEYCODE, None, self.pyatspi.KEY_PRESS)
        time.sleep(0.03)
        self.key(name)
        reg.generateKeyboardEvent(CONTROL_L_KEYCODE, None, self.pyatspi.KEY_RELEASE)
        time.sleep(0.05)

    def type(self, text):
        self.pyatspi.Registry.generateKeyboardEvent(0, text, self.pyatspi.KEY_STRING)
        time.sleep(0.05)

    def settle(self, seconds=0.25):
        time.sleep(seconds)
        self.pump()


def wait_bus():
    """The AT-SPI bus launcher registers org.a11y.Bus on the session bus."""
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            reply = bus.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                                  GLib.VariantType.new("(s)"), Gio.DBusCallFlags.NO_AUTO_START, 1000, None)
            return reply.unpack()[0]
        except GLib.Error:
            time.sleep(0.1)
    raise StepFailure("the AT-SPI bus (org.a11y.Bus) did not appear within 10 s")


class Terminated(BaseException):
    pass


def _terminate(signum, frame):
    raise Terminated()


def inner(tmp, app_path):
    # The outer part ends this process with SIGTERM on its timeout: the finally below still
    # stops the app and the AT-SPI bus, which run in process groups of their own.
    signal.signal(signal.SIGTERM, _terminate)
    procs = []
    app = None
    ui = None
    step = "setup"
    applog_path = os.path.join(tmp, "tatausaha.log")
    try:
        launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                    start_new_session=True, stdout=subprocess.DEVNULL,
                                    stderr=open(os.path.join(tmp, "atspi.log"), "w"))
        procs.append(launcher)
        address = wait_bus()
        log(f"setup: AT-SPI bus at {address.split(',')[0]}")
        import gi
        gi.require_version("Atspi", "2.0")
        from gi.repository import Atspi, GLib
        import pyatspi

        # The proof is "opened" after saving; a stub records it instead of starting a viewer.
        bindir = os.path.join(tmp, "bin")
        os.makedirs(bindir)
        opened = os.path.join(tmp, "opened.txt")
        with open(os.path.join(bindir, "xdg-open"), "w") as f:
            f.write(f'#!/bin/sh\necho "$@" >> "{opened}"\n')
        os.chmod(os.path.join(bindir, "xdg-open"), 0o755)

        password = "Uji-AtSpi-%06d" % random.randrange(10**6)
        env = dict(os.environ)
        env.update({
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "TATAUSAHA_ADMIN_PASSWORD": password,
            "TATAUSAHA_RATE_LIMITS": "off",
            "PATH": bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        })
        env.pop("QT_LOGGING_RULES", None)
        data_dir = os.path.join(tmp, "data")
        applog = open(applog_path, "w")
        app = subprocess.Popen([app_path, "--data-dir", data_dir, "--demo", "--listen", "127.0.0.1:0"],
                               env=env, stdout=applog, stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(app)
        ui = Ui(pyatspi, Atspi, GLib, app.pid)
        ui.listen_focus()
        R = pyatspi

        step = "0. the app appears on the AT-SPI bus"
        log(step)

        def found():
            if app.poll() is not None:
                raise SystemExit(f"FAIL: tatausaha exited with code {app.returncode} before showing a window")
            return ui.find_app()
        ui.app = ui.wait_for("the tatausaha application on the AT-SPI bus", found, timeout=20)

        # ---------------------------------------------------------------- 1. login
        step = "1. log in with the keyboard"
        log(step)
        login = ui.wait_for("the login dialog 'Masuk — TataUsaha'", lambda: ui.window(title="Masuk — TataUsaha"), 15)
        user = ui.wait_for("an input named 'Username'", lambda: ui.find(login, R.ROLE_TEXT, "Username"))
        pwd = ui.find(login, R.ROLE_PASSWORD_TEXT, "Password")
        if pwd is None:
            raise StepFailure("no password input named 'Password' in the login dialog")
        ui.wait_for("the focus in 'Username'", lambda: ui.has(user, R.STATE_FOCUSED), 10)
        ui.type("admin")
        ui.key("Tab")
        ui.wait_for("the focus in 'Password' after Tab", lambda: ui.has(pwd, R.STATE_FOCUSED), 5)
        ui.type(password)
        ui.settle(0.1)
        typed = ui.text_of(user)
        if typed != "admin":
            raise StepFailure(f"'Username' holds {typed!r} after typing 'admin'")
        ui.key("Return")

        main = ui.wait_for("the main window after logging in",
                           lambda: ui.window(contains="TataUsaha") if ui.window(title="Masuk — TataUsaha") is None else None, 15)
        log(f"   main window: {ui.describe(main)}")

        # ---------------------------------------------------------------- 2. walk-in form
        step = "2. open PPDB (Ctrl+1) and the walk-in form (Ctrl+N)"
        log(step)
        ui.wait_for("the main window to be active", lambda: ui.has(main, R.STATE_ACTIVE), 10)
        ui.ctrl("1")
        ui.wait_for("the PPDB page ('Pendaftaran langsung' button showing)",
                    lambda: ui.find(main, R.ROLE_PUSH_BUTTON, contains="Pendaftaran langsung"), 10)
        ui.ctrl("n")
        form = ui.wait_for("the walk-in dialog 'Pendaftaran langsung'", lambda: ui.window(title="Pendaftaran langsung"), 10)
        ui.wait_for("the walk-in dialog to be active", lambda: ui.has(form, R.STATE_ACTIVE), 10)

        step = "3. fill the walk-in form with Tab and typing"
        log(step)
        today = datetime.date.today()
        birth = datetime.date(today.year - 12, 3, 15)
        nisn = "3" + "".join(random.choice("0123456789") for _ in range(9))
        full_name = "Kirana Atspi Wulandari"
        TEXT, DATE, COMBO = R.ROLE_TEXT, R.ROLE_SPIN_BUTTON, R.ROLE_COMBO_BOX
        # (label, role, keys to type, what the control shows afterwards)
        fields = [
            ("NISN", TEXT, nisn, nisn),
            ("Nama lengkap", TEXT, full_name, full_name),
            ("Tempat lahir", TEXT, "Depok", "Depok"),
            ("Tanggal lahir", DATE, birth.strftime("%d%m%Y"), birth.strftime("%d-%m-%Y")),
            # A letter picks the first entry starting with it.
            ("Jenis kelamin", COMBO, "P", "Perempuan"),
            ("Agama", COMBO, "I", "Islam"),
            ("Sekolah asal", TEXT, "SD Negeri 1 Depok", "SD Negeri 1 Depok"),
            ("Alamat", TEXT, "Jl. Melati 5 RT 01/RW 02", "Jl. Melati 5 RT 01/RW 02"),
            ("Kecamatan", TEXT, "Beji", "Beji"),
            ("Kabupaten/kota", TEXT, "Depok", "Depok"),
            ("Provinsi", TEXT, "Jawa Barat", "Jawa Barat"),
            ("Kode pos", TEXT, "16421", "16421"),
            ("Nama ayah", TEXT, "Bambang Wibisono", "Bambang Wibisono"),
            ("HP ayah", TEXT, "081234567890", "081234567890"),
            ("Nama ibu", TEXT, "Sri Rahayu", "Sri Rahayu"),
            ("HP ibu", TEXT, "081298765432", "081298765432"),
            ("Nomor HP", TEXT, "081311112222", "081311112222"),
            ("Email", TEXT, "kirana.atspi@contoh.id", "kirana.atspi@contoh.id"),
        ]

        # The inputs, found once by role and name (the combo boxes, which Qt names after their
        # current entry on Linux, by their order); then each is asked whether it has the focus.
        combos = [a for a in ui.walk(form) if a.getRole() == COMBO and ui.showing(a)]
        inputs = []
        for label, role, _, _ in fields:
            acc = combos.pop(0) if role == COMBO and combos else (None if role == COMBO else ui.find(form, role, label))
            if acc is None:
                raise StepFailure(f"the walk-in form has no {'combo box' if role == COMBO else 'input'} named {label!r}")
            inputs.append(acc)
        tabs_used = []
        for i, (label, role, keys, shows) in enumerate(fields):
            # The first input has the focus when the form opens; each next one is one Tab away
            # (after the date, whose day, month and year sections each take a Tab of their own
            # unless typing already moved on to the year).
            f = inputs[i]
            n = 0
            while not ui.has(f, R.STATE_FOCUSED):
                if n >= (0 if i == 0 else 3):
                    raise StepFailure(f"after {n} Tab(s) the focus is on {ui.describe(ui.focused())}, expected the input {label!r}")
                ui.tab()
                n += 1
            tabs_used.append(n)
            ui.type(keys)
            ui.settle(0.1)
            got = f.name if role == COMBO else ui.text_of(f)
            if got != shows:
                raise StepFailure(f"the input {label!r} shows {got!r} after typing {keys!r}, expected {shows!r}")
        log(f"   Tab presses per field: {tabs_used}")

        ui.key("Return")  # the default button, "Simpan pendaftaran"

        def saved():
            if ui.window(title="Pendaftaran langsung") is not None:
                return None
            return ui.find(main, R.ROLE_LABEL, contains="tersimpan dengan nomor")
        try:
            banner = ui.wait_for("the form to close and the banner 'Pendaftaran … tersimpan dengan nomor …'", saved, 10)
        except StepFailure:
            still = ui.window(title="Pendaftaran langsung")
            if still is not None:
                print("The form is still open; its messages:")
                for acc in ui.walk(still):
                    try:
                        if acc.getRole() == R.ROLE_LABEL and acc.name and ui.showing(acc):
                            print(f"   label: {acc.name}")
                    except Exception:
                        pass
            raise
        number = banner.name.split("nomor", 1)[1].strip().split()[0].rstrip(".")
        log(f"   saved: {banner.name!r} → number {number}")

        # ---------------------------------------------------------------- 4. the list
        step = "4. find the applicant in the PPDB table"
        log(step)
        table = ui.wait_for("the PPDB table", lambda: ui.find(main, R.ROLE_TABLE), 5)
        log(f"   table: {ui.describe(table)}")

        def row_of_applicant():
            t = table.queryTable()
            for r in range(min(t.nRows, 50)):
                for c in range(t.nColumns):
                    cell = t.getAccessibleAt(r, c)
                    if cell is not None and cell.name == full_name:
                        return (r, [t.getAccessibleAt(r, k).name for k in range(t.nColumns)])
            return None
        found_row = ui.wait_for(f"a table cell named {full_name!r}", row_of_applicant, 5)
        row, cells = found_row
        log(f"   row {row}: {cells}")
        if number not in cells or nisn not in cells:
            raise StepFailure(f"row {row} {cells} lacks the number {number} or the NISN {nisn}")

        # ---------------------------------------------------------------- 5. detail and PDF
        step = "5. open the detail with the keyboard and save the proof as PDF"
        log(step)
        # Tab from the "Pendaftaran langsung" button (the focus after the form closed) into the
        # table; the arrow keys choose the row, Enter opens it.
        n = 0
        path = []
        while not ui.has(table, R.STATE_FOCUSED):
            path.append(ui.describe(ui.focused()))
            if n >= 12:
                raise StepFailure(f"after {n} Tab(s) the focus is not in the PPDB table; it went: {' → '.join(path)}")
            ui.tab()
            n += 1
        log(f"   the table is {n} Tab(s) away")
        ui.key("Down")
        ui.key("Up")  # the first row, selected
        ui.key("Down", times=row)
        name_cell = table.queryTable().getAccessibleAt(row, cells.index(full_name))
        ui.wait_for(f"row {row} ({full_name}) to be selected", lambda: ui.has(name_cell, R.STATE_SELECTED), 5)
        ui.key("Return")
        detail = ui.wait_for("the dialog 'Detail pendaftaran'", lambda: ui.window(title="Detail pendaftaran"), 10)
        ui.wait_for("the detail dialog to be active", lambda: ui.has(detail, R.STATE_ACTIVE), 10)
        if ui.find(detail, R.ROLE_LABEL, full_name) is None or ui.find(detail, R.ROLE_LABEL, contains=number) is None:
            raise StepFailure(f"the detail dialog shows neither {full_name!r} nor {number}")

        print_button = ui.find(detail, R.ROLE_PUSH_BUTTON, "Cetak Bukti Pendaftaran")
        if print_button is None:
            raise StepFailure("no button named 'Cetak Bukti Pendaftaran' in the detail dialog")
        n = 0
        while not ui.has(print_button, R.STATE_FOCUSED):
            if n >= 25:
                raise StepFailure(f"after {n} Tab(s) the focus is on {ui.describe(ui.focused())}, not on 'Cetak Bukti Pendaftaran'")
            ui.tab()
            n += 1
        log(f"   'Cetak Bukti Pendaftaran' is {n} Tab(s) away")
        ui.key("space")  # opens the button's menu
        ui.key("Down")   # its first entry
        # Qt leaves popup menus out of the application's children; a screen reader learns of
        # them from focus events, and so does this test.
        def menu_item():
            acc = ui.last_focus()
            return acc if acc is not None and acc.getRole() == R.ROLE_MENU_ITEM else None
        first = ui.wait_for("a focused menu entry after Space and Down on 'Cetak Bukti Pendaftaran'", menu_item, 5)
        menu = first.parent
        entries = [menu.getChildAtIndex(i).name for i in range(menu.childCount)]
        log(f"   print menu: {entries}")
        if not any("PDF" in e for e in entries):
            raise StepFailure(f"the print menu has no PDF entry: {entries}")
        ui.key("p")  # the entry's mnemonic

        chooser = ui.wait_for("the file dialog 'Simpan bukti pendaftaran'", lambda: ui.window(title="Simpan bukti pendaftaran"), 10)
        ui.wait_for("the file dialog to be active", lambda: ui.has(chooser, R.STATE_ACTIVE), 10)

        def file_name_field():
            for acc in ui.walk(chooser):
                try:
                    if acc.getRole() == R.ROLE_TEXT and ui.showing(acc) and ("name" in acc.name.lower() or "nama" in acc.name.lower()):
                        return acc
                except Exception:
                    continue
            return None
        field = ui.wait_for("the file dialog's file name field (accessible name with 'name'/'nama')", file_name_field, 5)
        log(f"   file name field: {ui.describe(field)}")
        ui.wait_for("the focus in the file name field", lambda: ui.has(field, R.STATE_FOCUSED), 5)
        out_dir = os.path.join(tmp, "out")
        os.makedirs(out_dir)
        pdf = os.path.join(out_dir, "bukti-e2e.pdf")
        ui.ctrl("a")
        ui.type(pdf)
        ui.settle(0.2)
        got = ui.text_of(field)
        if got != pdf:
            raise StepFailure(f"the file name field holds {got!r}, expected {pdf!r}")
        ui.key("Return")
        ui.wait_for(f"{pdf} to be written", lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0
                    and ui.window(title="Simpan bukti pendaftaran") is None, 10)
        ui.wait_for("the banner 'Bukti pendaftaran disimpan di …'",
                    lambda: ui.find(detail, R.ROLE_LABEL, contains="Bukti pendaftaran disimpan"), 5)

        step = "6. check the PDF"
        log(step)
        check_pdf(pdf, full_name, number)
        ui.wait_for("the app to open the saved PDF (xdg-open)", lambda: os.path.exists(opened), 5)

        step = "7. print on A4 (Ctrl+P): the preview, then the system print dialog to a PDF file"
        log(step)
        ui.wait_for("the detail dialog to be active again", lambda: ui.has(detail, R.STATE_ACTIVE), 5)
        ui.ctrl("p")
        preview = ui.wait_for("the print preview", lambda: ui.window(contains="Pratinjau cetak"), 10)
        ui.wait_for("the print preview to be active", lambda: ui.has(preview, R.STATE_ACTIVE), 10)
        print_now = ui.wait_for("the preview's button 'Cetak'", lambda: ui.find(preview, R.ROLE_PUSH_BUTTON, "Cetak"), 5)
        n = 0
        while not ui.has(print_now, R.STATE_FOCUSED):
            if n >= 25:
                raise StepFailure(f"after {n} Tab(s) the focus is on {ui.describe(ui.focused())}, not on the preview's 'Cetak'")
            ui.tab()
            n += 1
        log(f"   the preview's 'Cetak' is {n} Tab(s) away")
        ui.key("space")
        printdlg = ui.wait_for("the print dialog 'Cetak'", lambda: ui.window(title="Cetak"), 10)
        ui.wait_for("the print dialog to be active", lambda: ui.has(printdlg, R.STATE_ACTIVE), 10)
        printer = ui.wait_for("the printer choice", lambda: ui.find(printdlg, R.ROLE_COMBO_BOX), 5)
        if "PDF" not in printer.name:
            # A machine with printers lists them first; print to file is the last entry.
            ui.wait_for("the focus on the printer choice", lambda: ui.has(printer, R.STATE_FOCUSED), 5)
            ui.key("End")
            ui.settle(0.3)
        if "PDF" not in printer.name:
            raise StepFailure(f"the printer choice shows {printer.name!r}, not printing to a PDF file")
        log(f"   printer: {printer.name!r}")
        output = ui.wait_for("the output file input ('Berkas keluaran')",
                             lambda: ui.find(printdlg, R.ROLE_TEXT, contains="Berkas keluaran"), 5)
        n = 0
        while not ui.has(output, R.STATE_FOCUSED):
            if n >= 8:
                raise StepFailure(f"after {n} Tab(s) the focus is on {ui.describe(ui.focused())}, not on 'Berkas keluaran'")
            ui.tab()
            n += 1
        printed = os.path.join(out_dir, "bukti-a4.pdf")
        ui.ctrl("a")
        ui.type(printed)
        ui.settle(0.2)
        got = ui.text_of(output)
        if got != printed:
            raise StepFailure(f"'Berkas keluaran' holds {got!r}, expected {printed!r}")
        ui.key("Return")  # the default button, "Cetak"
        ui.wait_for(f"{printed} to be written and the preview to close",
                    lambda: os.path.exists(printed) and os.path.getsize(printed) > 0
                    and ui.window(contains="Pratinjau cetak") is None, 15)
        check_pdf(printed, full_name, number)
        info = subprocess.run(["pdfinfo", printed], capture_output=True, text=True, timeout=20).stdout
        if "(A4)" not in info:
            raise StepFailure(f"{printed} is not on A4 paper: {info}")

        step = "8. close the detail (Escape) and quit (Ctrl+Q)"
        log(step)
        ui.key("Escape")
        ui.wait_for("the detail dialog to close", lambda: ui.window(title="Detail pendaftaran") is None, 5)
        ui.wait_for("the main window to be active again", lambda: ui.has(main, R.STATE_ACTIVE), 5)
        ui.ctrl("q")
        try:
            rc = app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            raise StepFailure("tatausaha still runs 10 s after Ctrl+Q")
        if rc != 0:
            raise StepFailure(f"tatausaha exited with code {rc}")
        log("PASS")
        return 0
    except StepFailure as e:
        print(f"\nFAIL in step {step!r}: {e}\n", flush=True)
        if ui is not None and ui.app is not None:
            print("Accessibility tree of the app's windows (role 'name' [states]):")
            try:
                f = ui.focused()
                print(f"focused: {ui.describe(f)}")
                ui.dump()
            except Exception as ex:
                print(f"  (could not read the tree: {ex})")
        _print_log_tail(applog_path)
        return 1
    except SystemExit as e:
        print(f"\n{e}", flush=True)
        _print_log_tail(applog_path)
        return 1
    except Terminated:
        print(f"\nFAIL in step {step!r}: stopped from outside (time limit)", flush=True)
        return 1
    finally:
        for p in reversed(procs):
            kill_group(p, grace=1.0)


def check_pdf(path, *texts):
    with open(path, "rb") as f:
        head = f.read(5)
    if head != b"%PDF-":
        raise StepFailure(f"{path} starts with {head!r}, not %PDF-")
    # pdftotext writes its output only when done; a printer may still be flushing the file.
    deadline = time.monotonic() + 5
    while True:
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, timeout=20).stdout
        missing = [t for t in texts if t not in text]
        if not missing:
            break
        if time.monotonic() > deadline:
            raise StepFailure(f"the text of {path} lacks {missing}; it reads:\n{text[:2000]}")
        time.sleep(0.2)
    log(f"   {path}: {os.path.getsize(path)} bytes, %PDF, contains {', '.join(texts)}")


def _print_log_tail(path, lines=40):
    try:
        with open(path, errors="replace") as f:
            tail = f.readlines()[-lines:]
    except OSError:
        return
    print(f"\nLast lines of the app's log ({path}):")
    sys.stdout.write("".join(tail))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("app", nargs="?", help="path of the tatausaha binary")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    p.add_argument("--timeout", type=int, default=100, help="seconds before the whole test is given up")
    p.add_argument("--inner", nargs=2, metavar=("TMP", "APP"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.inner:
        return inner(*args.inner)
    if not args.app:
        p.error("the path of the tatausaha binary is required")
    return outer(args)


if __name__ == "__main__":
    sys.exit(main())
