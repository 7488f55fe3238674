# SPDX-License-Identifier: GPL-3.0-or-later
"""Connects an operator from the keyboard alone, through the accessibility
tree, as a keyboard or screen-reader user would: the task is reached with
Tab, the operator is found by typing and chosen with Enter, countries are
ticked with Space, the company size is picked from its list, the notice
is accepted, and the mnemonics move on. Every control on every step has a
name."""

import sys
import time

from dogtail import rawinput, tree

from a11y_util import (LOAD_DEADLINE, check_named_controls, has_label, nodes, tab_to,
                       wait_for)


def step(app, number):
    wait_for(f"step {number}", lambda: has_label(app, f"Step {number} of 6"))


def main():
    app = wait_for("Provisio on the accessibility bus", lambda: tree.root.application("test-host"))
    wait_for("the start page", lambda: has_label(app, "Welcome to Provisio"))

    for _ in range(30):
        if any(n.focused for n in nodes(app, "list item") if n.name == "Connect an operator"):
            break
        rawinput.pressKey("Tab")
    else:
        sys.exit("not ok: Tab never reached Connect an operator")
    rawinput.pressKey("Return")
    step(app, 1)
    start = time.monotonic()
    wait_for("the catalogue", lambda: has_label(app, "Telefónica"), LOAD_DEADLINE)
    print(f"ok: the catalogue arrived in {time.monotonic() - start:.1f} s")
    check_named_controls(app, "All Operators")

    # The search entry has the focus: type, then Enter on the row.
    rawinput.typeText("telef")
    wait_for("the search to leave one operator", lambda: has_label(app, "1 of 14 operators shown"))
    for _ in range(10):
        rawinput.pressKey("Tab")
        if any(n.focused for n in nodes(app, "table row", "list item", "row")):
            break
    rawinput.pressKey("Return")
    step(app, 2)
    print("ok: an operator is found by typing and chosen with Enter")

    # Countries: type, Tab to the box, Space ticks it; Alt+N moves on.
    wait_for("the countries", lambda: any(n.name == "Spain" for n in nodes(app, "check box")))
    check_named_controls(app, "Countries")
    rawinput.typeText("spa")
    wait_for("the search to leave Spain",
             lambda: not any(n.name == "Brazil" and n.showing for n in nodes(app, "check box")))
    tab_to(app, "check box", "Spain")
    rawinput.pressKey("space")
    wait_for("one country selected", lambda: has_label(app, "1 country selected"))
    rawinput.keyCombo("<Alt>n")
    step(app, 3)
    print("ok: a country is ticked with Space")

    # Contact details: prefilled; the size is picked from its list.
    check_named_controls(app, "Contact Details")
    wait_for("the reason Next is refused",
             lambda: has_label(app, "Choose the company size; the operator requires it."))
    # An AdwComboRow is a combo box or a list item, depending on versions.
    role = "combo box" if any(n.name == "Company Size" for n in nodes(app, "combo box")) else "list item"
    tab_to(app, role, "Company Size")
    rawinput.pressKey("Return")
    time.sleep(0.5)
    rawinput.pressKey("Down")
    rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    wait_for("the size to be chosen",
             lambda: not has_label(app, "Choose the company size; the operator requires it."))
    rawinput.keyCombo("<Alt>n")
    step(app, 4)
    print("ok: the company size is chosen from the keyboard")

    # The notice: the check box has the focus; Space accepts it.
    check_named_controls(app, "Data Transfer Notice")
    tab_to(app, "check box", "I accept the data transfer notice")
    rawinput.pressKey("space")
    wait_for("the notice to be accepted",
             lambda: not has_label(app, "Accept the data transfer notice to add the operator."))
    rawinput.keyCombo("<Alt>n")
    step(app, 5)

    check_named_controls(app, "Review")
    rawinput.keyCombo("<Alt>a")
    step(app, 6)
    # The heading is a live status, so that a screen reader announces it.
    wait_for("the outcome", lambda: app.findChildren(
        lambda n: n.name == "Telefónica Was Added as Your Operator", showingOnly=False))
    check_named_controls(app, "the outcome")
    print("ok: Telefónica is added from the keyboard alone")


main()
