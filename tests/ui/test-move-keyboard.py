# SPDX-License-Identifier: GPL-3.0-or-later
"""Moves two Direct Routing numbers to Operator Connect from the keyboard
alone, through the accessibility tree, as a keyboard or screen-reader
user would: the task is reached with Tab, the people are ticked with
Space, the operator's numbers are chosen with Space, the warning is
acknowledged with its mnemonic, the mnemonics move on, and the run ends
with both people moved and the exports within reach of Tab. Every
control on every step has a name, read once."""

import sys
import time

from dogtail import rawinput, tree

from a11y_util import LOAD_DEADLINE, check_named_controls, has_label, nodes, tab_to, wait_for

TASK = "Move numbers from Direct Routing to Operator Connect"


def has_label_starting(app, text):
    return any(n.name.startswith(text) for n in nodes(app, "label", "heading"))


def step(app, number):
    wait_for(f"step {number}", lambda: has_label(app, f"Step {number} of 5"))


def check_read_once(app, where):
    """A row's title names its check box once, not twice (the row labels
    its activatable widget; a label of its own on top is read again)."""
    for node in nodes(app, "check box", "radio button"):
        words = node.name.split()
        half = len(words) // 2
        if half and words[:half] == words[half:]:
            sys.exit(f"not ok: the {node.roleName} {node.name!r} on {where} says its name twice")


def main():
    app = wait_for("Provisio on the accessibility bus", lambda: tree.root.application("test-move-host"))
    wait_for("the start page", lambda: has_label(app, "Welcome to Provisio"))

    for _ in range(40):
        if any(n.focused for n in nodes(app, "list item") if n.name == TASK):
            break
        rawinput.pressKey("Tab")
    else:
        sys.exit(f"not ok: Tab never reached {TASK}")
    rawinput.pressKey("Return")
    step(app, 1)

    # Choose People: the rows of those who can be moved, a check box each.
    start = time.monotonic()
    wait_for("the people", lambda: any(n.name == "Jérôme Blanc" for n in nodes(app, "check box")),
             LOAD_DEADLINE)
    print(f"ok: the people arrived in {time.monotonic() - start:.1f} s")
    check_named_controls(app, "Choose People")
    check_read_once(app, "Choose People")
    wait_for("the reason Next is refused", lambda: has_label(app, "Choose at least one person."))
    tab_to(app, "check box", "Jérôme Blanc")
    rawinput.pressKey("space")
    tab_to(app, "check box", "Thomas García-López")
    rawinput.pressKey("space")
    wait_for("two people chosen", lambda: not has_label(app, "Choose at least one person."))
    rawinput.keyCombo("<Alt>n")
    step(app, 2)
    print("ok: two people are chosen with Space")

    # Choose the Operator: the one active for the tenant, in France; the
    # operator's free numbers are chosen with Space.
    wait_for("the operator", lambda: has_label(app, "Orange Business"))
    check_named_controls(app, "Choose the Operator")
    check_read_once(app, "Choose the Operator")
    # Of a group of radio buttons, Tab reaches the chosen one; the other
    # is reached on its row, which Space activates.
    tab_to(app, "list item", "Give each person one of the operator’s numbers")
    rawinput.pressKey("space")
    wait_for("the operator's numbers", lambda: has_label(app, "+33190000000 → +33180000000"))
    rawinput.keyCombo("<Alt>n")
    step(app, 3)
    print("ok: the operator's numbers are chosen with Space")

    # Before You Start: the acknowledgement's mnemonic ticks it.
    check_named_controls(app, "Before You Start")
    check_read_once(app, "Before You Start")
    reason = "Confirm that you understand the numbers are out of service during the move."
    wait_for("the reason Next is refused", lambda: has_label(app, reason))
    rawinput.keyCombo("<Alt>u")
    wait_for("the warning acknowledged", lambda: not has_label(app, reason))
    rawinput.keyCombo("<Alt>n")
    step(app, 4)
    print("ok: the warning is acknowledged with its mnemonic")

    # Review: the primary action says what it does.
    wait_for("the review", lambda: has_label_starting(app, "The numbers of 2 people move to Orange Business"))
    check_named_controls(app, "Review the Move")
    rawinput.keyCombo("<Alt>m")
    step(app, 5)

    # Move Status: each step of each person, then the exports.
    wait_for("the end of the run", lambda: has_label_starting(app, "2 of 2 people are moved."), LOAD_DEADLINE)
    check_named_controls(app, "Move Status")
    wait_for("a step's outcome read with its icon",
             lambda: any(n.name == "Done" for n in app.findChildren(
                 lambda n: n.roleName in ("image", "icon"), showingOnly=False)))
    tab_to(app, "push button", "Export as XML", limit=60)
    print("ok: the run is followed and its exports reached from the keyboard")

    rawinput.keyCombo("<Alt>d")
    wait_for("the start page again", lambda: not has_label(app, "Step 5 of 5"))
    print("ok: two numbers are moved to Operator Connect from the keyboard alone")


main()
