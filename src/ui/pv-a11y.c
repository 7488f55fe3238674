/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-a11y.h"

/* GTK 4.8 gives a button with a mnemonic label the raw label ("_Next")
 * as its accessible label and adds the text of the label inside, so a
 * screen reader announces "underscore Next Next". The inner label alone
 * names the button correctly; dropping the raw property leaves just that.
 * Call this after (re)labelling buttons, on a widget or a whole window. */
void
pv_a11y_fix_mnemonic_labels (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pv_a11y_fix_mnemonic_labels (child);
}
