/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

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

  /* A check button names itself with its raw label, marker included, and
   * has no inner label to fall back on: give it the label without it. */
  if (GTK_IS_CHECK_BUTTON (root) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (root)) &&
      gtk_check_button_get_label (GTK_CHECK_BUTTON (root)) != NULL)
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (root));
      g_autoptr(GString) name = g_string_sized_new (strlen (label));

      for (const char *p = label; *p != '\0'; p++)
        {
          /* "__" is a literal underscore. */
          if (*p == '_' && p[1] == '_')
            p++;
          else if (*p == '_')
            continue;
          g_string_append_c (name, *p);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pv_a11y_fix_mnemonic_labels (child);
}

/**
 * pv_a11y_name_drop_down:
 * @name: what the drop-down chooses, as a screen reader should say it
 *
 * GTK 4.8 exposes a drop-down's inner button, not the drop-down, to
 * screen readers, and leaves it unnamed ("GtkToggleButton"): the button
 * gets @name.
 */
void
pv_a11y_name_drop_down (GtkDropDown *dropdown,
                        const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
