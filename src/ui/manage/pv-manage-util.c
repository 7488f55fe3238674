/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-manage-util.h"

/**
 * pv_manage_show_message:
 *
 * Explains a refusal or a failure in a dialog the user has to close:
 * a toast can be missed, and these say what to do next.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
pv_manage_show_message (GtkWindow  *parent,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
