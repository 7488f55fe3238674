# SPDX-License-Identifier: GPL-3.0-or-later
"""Phone Numbers and My Operators from the keyboard alone, through the
accessibility tree, as a keyboard or screen-reader user would: the views
are reached from the start page with Tab and Enter, the numbers are
filtered with a drop-down and searched by typing, the assign dialog opens
with its mnemonic and closes with Escape, and a number is unassigned with
Alt+U, after which the tenant no longer shows it as assigned. Every
control of each view and of the dialog has a name."""

import sys
import time

from dogtail import rawinput, tree

from a11y_util import LOAD_DEADLINE, check_named_controls, has_label, nodes, wait_for

NUMBER = "+49309009998"
PERSON = "José García-López"


def open_view(app, title):
    for _ in range(40):
        if any(n.focused for n in nodes(app, "list item") if n.name == title):
            break
        rawinput.pressKey("Tab")
    else:
        sys.exit(f"not ok: Tab never reached {title}")
    rawinput.pressKey("Return")


def tab_to_control(app, name, limit=40):
    """Tab until the control named @name has the focus: a drop-down's
    focus is on its inner button, which carries the same name."""
    roles = ("toggle button", "push button", "combo box")
    for _ in range(limit):
        if any(n.focused for n in nodes(app, *roles) if n.name == name):
            return
        rawinput.pressKey("Tab")
    sys.exit(f"not ok: Tab never reached {name!r}")


def choose(app, dropdown, index, item):
    """Opens @dropdown with Enter, goes to the item at @index of its list
    (Home, then Down), and chooses it with Enter: the drop-down's button
    then shows @item."""
    tab_to_control(app, dropdown)
    rawinput.pressKey("Return")
    # The list stays in the tree once made: give the popover time to open.
    time.sleep(1)
    rawinput.pressKey("Home")
    for _ in range(index):
        rawinput.pressKey("Down")
    rawinput.pressKey("Return")
    wait_for(f"{item} in {dropdown}", lambda: any(
        n.name == item for b in nodes(app, "push button", "toggle button") if b.name == dropdown
        for n in b.findChildren(lambda c: c.roleName == "label", showingOnly=False)))


def dialog_named(name):
    return lambda: [w for w in tree.root.application("test-host").children
                    if w.roleName in ("dialog", "frame", "window") and w.name == name]


def main():
    app = wait_for("Provisio on the accessibility bus", lambda: tree.root.application("test-host"))
    wait_for("the start page", lambda: has_label(app, "Welcome to Provisio"))

    # Phone Numbers: the list arrives, and its controls are named.
    open_view(app, "Phone Numbers")
    wait_for("the numbers", lambda: has_label(app, "35 phone numbers"), LOAD_DEADLINE)
    check_named_controls(app, "Phone Numbers")
    for name in ("Number type", "Operator", "Country", "Status"):
        if not any(n.name == name for n in nodes(app, "toggle button", "push button", "combo box")):
            sys.exit(f"not ok: no control named {name!r} on Phone Numbers")
    print("ok: Phone Numbers is reached from the start page, its filters are named")

    # A filter, from its drop-down: open it, go down to Assigned, choose.
    choose(app, "Status", 1, "Assigned")
    wait_for("the assigned numbers only", lambda: has_label(app, "11 of 35 phone numbers shown"))
    print("ok: the Status filter is chosen from the keyboard")

    # The search: Ctrl+F, then type; then Tab into the list and select.
    rawinput.keyCombo("<Control>f")
    rawinput.typeText("garcia")
    wait_for("the search to leave one number", lambda: has_label(app, "1 of 35 phone numbers shown"))
    # Rows say which number they are, and to whom it is assigned.
    wait_for("the row to be named", lambda: any(n.name == f"{NUMBER}, assigned to {PERSON}"
                                                for n in nodes(app, "table row")))
    unnamed = [n.name for n in nodes(app, "table row") if not n.name.strip() or n.name.startswith("Gtk")]
    if unnamed:
        sys.exit(f"not ok: rows named {unnamed!r} on Phone Numbers")
    for _ in range(15):
        rawinput.pressKey("Tab")
        if any(n.focused for n in nodes(app, "table row", "list item", "row", "table cell")):
            break
    else:
        sys.exit("not ok: Tab never reached the list of numbers")
    # Moving in the list selects, as arrows do; Home goes to the first.
    rawinput.pressKey("Home")
    wait_for("the number to be selected", lambda: has_label(app, f"{NUMBER}, assigned to {PERSON}"))
    print("ok: a number is found by typing and selected from the keyboard")

    # The assign dialog, by its mnemonic; every control named; Escape.
    rawinput.keyCombo("<Alt>a")
    chooser = wait_for("the person chooser", dialog_named("Assign to a Person"))[0]
    wait_for("the people", lambda: any(n.name == PERSON for n in nodes(chooser, "label")), LOAD_DEADLINE)
    check_named_controls(chooser, "the person chooser")
    rawinput.pressKey("Escape")
    wait_for("the chooser to close", lambda: not dialog_named("Assign to a Person")())
    print("ok: the assign dialog opens with Alt+A and closes with Escape")

    # Unassign with Alt+U: the number leaves the assigned ones.
    rawinput.keyCombo("<Alt>u")
    wait_for("the number to be unassigned", lambda: has_label(app, "0 of 35 phone numbers shown"),
             LOAD_DEADLINE)
    rawinput.keyCombo("<Control>f")
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(NUMBER)
    choose(app, "Status", 3, "Unassigned")
    wait_for("the number among the unassigned ones", lambda: has_label(app, "1 of 35 phone numbers shown"))
    print("ok: the number is unassigned from the keyboard, and shows as unassigned")

    # Back to the start page, then My Operators.
    rawinput.keyCombo("<Alt>Left")
    wait_for("the start page", lambda: has_label(app, "Welcome to Provisio"))
    open_view(app, "My Operators")
    wait_for("the operators", lambda: any(n.name.startswith("Actions for ")
                                          for n in nodes(app, "toggle button", "push button")),
             LOAD_DEADLINE)
    check_named_controls(app, "My Operators")
    # The menu button and the button inside it that takes the focus are
    # both named "Actions for" the operator, once: the row's title, which
    # labels the widget it activates, is not read after it again.
    menus = {n.name for n in nodes(app, "toggle button", "push button") if n.name.startswith("Actions for ")}
    if menus != {"Actions for Deutsche Telekom", "Actions for Orange Business"}:
        sys.exit(f"not ok: the operator's menu buttons are named {sorted(menus)!r}")
    menu = "Actions for Orange Business"
    tab_to_control(app, menu)
    rawinput.pressKey("Return")
    wait_for("the operator's menu", lambda: app.findChildren(
        lambda n: n.name in ("Manage Countries…", "_Manage Countries…") and n.roleName != "label",
        showingOnly=False))
    # The menu's mnemonic M opens the countries: each check box is named
    # by its row's title, once.
    rawinput.pressKey("m")
    wait_for("the countries", lambda: any("France" in n.name for n in nodes(app, "check box")))
    for node in nodes(app, "check box"):
        words = node.name.split()
        half = len(words) // 2
        if not node.name or (half and words[:half] == words[half:]):
            sys.exit(f"not ok: a country's check box is named {node.name!r}")
    rawinput.pressKey("Escape")
    print("ok: My Operators is reached from the start page, its controls are named, "
          "its menu opens the countries, each named once")


main()
