# SPDX-License-Identifier: GPL-3.0-or-later
"""What the dogtail walks of the wizards share: waiting, finding nodes in
the accessibility tree, moving the focus with Tab, and the rule that every
control has a usable name."""

import re
import sys
import time

from dogtail import config, rawinput

config.searchCutoffCount = 40
config.defaultDelay = 0.3
config.actionDelay = 0.3
config.typingDelay = 0.05
config.logDebugToFile = False

DEADLINE = 20
# The first look at the service starts and seeds the embedded sandbox
# tenant: slower than the rest, in a sanitizer build above all.
LOAD_DEADLINE = 60


def wait_for(what, predicate, deadline=DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    sys.exit(f"not ok: timed out waiting for {what}")


def nodes(app, *roles):
    # GTK 4.8 does not keep "showing" up to date: every node counts.
    return app.findChildren(lambda n: n.roleName in roles, showingOnly=False)


def check_named_controls(app, where):
    roles = ("push button", "toggle button", "check box", "radio button", "text", "combo box")
    for node in nodes(app, *roles):
        name = node.name.strip()
        if not name or re.match(r"^(Gtk|Adw)[A-Z]", name) or "_" in name:
            sys.exit(f"not ok: a {node.roleName} named {name!r} on {where}")
    print(f"ok: every control is named on {where}")


def has_label(app, text):
    return any(n.name == text for n in nodes(app, "label", "heading"))


def focused(app, role, name):
    return any(n.focused for n in nodes(app, role) if n.name == name)


def tab_to(app, role, name, limit=30):
    for _ in range(limit):
        if focused(app, role, name):
            return
        rawinput.pressKey("Tab")
    sys.exit(f"not ok: Tab never reached the {role} {name!r}")
