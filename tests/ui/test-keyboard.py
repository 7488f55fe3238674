# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives Provisio from the keyboard alone, through the accessibility tree,
as a keyboard or screen-reader user would: every control has a name, the
start page's task is reached with Tab and started with Enter, the wizard
moves on with Enter, and Escape asks before discarding what was typed."""

import re
import sys
import time

from dogtail import config, rawinput, tree

config.searchCutoffCount = 40
config.defaultDelay = 0.3
config.actionDelay = 0.3
config.typingDelay = 0.05
config.logDebugToFile = False

DEADLINE = 20


def wait_for(what, predicate):
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.2)
    sys.exit(f"not ok: timed out waiting for {what}")


def showing(app, *roles):
    # GTK 4.8 does not keep the "showing" state of AT-SPI up to date, so
    # every node counts; widgets that are gone leave the tree.
    return [n for n in app.findChildren(lambda n: n.roleName in roles, showingOnly=False)]


def check_named_controls(app, where):
    roles = ("push button", "toggle button", "check box", "radio button", "text", "combo box")
    for role in roles:
        for node in showing(app, role):
            name = node.name.strip()
            # No name, a type name standing in for one, or a mnemonic
            # marker read out: all unusable with a screen reader.
            if not name or re.match(r"^(Gtk|Adw)[A-Z]", name) or "_" in name:
                sys.exit(f"not ok: a {role} named {name!r} on {where}")
    print(f"ok: every control is named on {where}")


def has_label(app, text):
    return any(n.name == text for n in showing(app, "label", "heading"))


def main():
    app = wait_for("Provisio to appear on the accessibility bus",
                   lambda: tree.root.application("test-host"))
    wait_for("the start page", lambda: has_label(app, "Welcome to Provisio"))
    check_named_controls(app, "the start page")

    # Tab to the test flow's row, then Enter starts it.
    for _ in range(30):
        items = [n for n in showing(app, "list item") if n.name == "Test flow"]
        if items and items[0].focused:
            break
        rawinput.pressKey("Tab")
    else:
        sys.exit("not ok: Tab never reached the task on the start page")
    rawinput.pressKey("Return")
    wait_for("the first step", lambda: has_label(app, "Step 1 of 3"))
    print("ok: Enter on a task starts its wizard")
    check_named_controls(app, "the first step")

    # The page's entry has the focus: typing fills it, Enter moves on.
    rawinput.typeText("Jean Dupont")
    rawinput.pressKey("Return")
    wait_for("the second step", lambda: has_label(app, "Step 2 of 3"))
    print("ok: Enter moves to the next step")

    # Alt+Left goes back, with what was typed still there.
    rawinput.keyCombo("<Alt>Left")
    wait_for("the first step again", lambda: has_label(app, "Step 1 of 3"))
    # GTK 4.8 does not expose an entry's text over AT-SPI; that the input
    # survived shows in the page still being complete: Enter moves on again.
    rawinput.pressKey("Return")
    wait_for("the second step again", lambda: has_label(app, "Step 2 of 3"))
    rawinput.keyCombo("<Alt>Left")
    wait_for("the first step once more", lambda: has_label(app, "Step 1 of 3"))
    print("ok: Alt+Left goes back and keeps the input")

    # Escape asks; Enter picks the default answer, which keeps the data.
    rawinput.pressKey("Escape")
    wait_for("the discard question",
             lambda: any(n.name == "Discard Your Choices?" for n in showing(app, "label", "heading")))
    check_named_controls(app, "the discard question")
    rawinput.pressKey("Return")
    wait_for("the question to close",
             lambda: not any(n.name == "Discard Your Choices?" for n in showing(app, "label", "heading")))
    if not has_label(app, "Step 1 of 3"):
        sys.exit("not ok: the default answer to the discard question left the wizard")
    print("ok: Escape asks, and the default answer keeps the wizard")

    # Escape again, and the Discard button from the keyboard leaves.
    rawinput.pressKey("Escape")
    wait_for("the discard question again",
             lambda: any(n.name == "Discard Your Choices?" for n in showing(app, "label", "heading")))
    discard = wait_for("the Discard button among " + repr([b.name for b in showing(app, "push button")]),
                       lambda: [b for b in showing(app, "push button") if b.name == "Discard"])
    for _ in range(10):
        if discard[0].focused:
            break
        rawinput.pressKey("Tab")
    rawinput.pressKey("Return")
    wait_for("the start page again", lambda: has_label(app, "Welcome to Provisio"))
    print("ok: Discard returns to the start page")


main()
