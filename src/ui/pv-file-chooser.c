/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-file-chooser.h"

/* Asking for a file to open, as one asynchronous call: GTK 4.8 has no
 * GtkFileDialog yet, and the native chooser (a portal in Flatpak) must
 * outlive the click that opened it. */

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             GTask           *task)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  g_object_unref (task);
}

/* Both ways of asking share one finish, so they share one tag. */
static void
choose_async (GtkWidget             *widget,
              const char            *title,
              GtkFileChooserAction   action,
              const char            *accept_label,
              const char            *suggested_name,
              GtkFileFilter *const  *filters,
              GCancellable          *cancellable,
              GAsyncReadyCallback    callback,
              gpointer               user_data)
{
  GTask *task;
  GtkRoot *root;
  g_autoptr(GtkFileChooserNative) chooser = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_choose_file_async);

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filters[i]);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* The task holds the chooser until it answers. */
  g_task_set_task_data (task, g_object_ref (chooser), g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * pv_choose_file_async:
 * @widget: the widget whose window the chooser belongs to
 * @filters: (array zero-terminated=1): the file filters, the first one
 *   shown first
 *
 * Asks the user for a file to open.
 */
void
pv_choose_file_async (GtkWidget            *widget,
                      const char           *title,
                      GtkFileFilter *const *filters,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  choose_async (widget, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, filters,
                cancellable, callback, user_data);
}

/**
 * pv_choose_save_file_async:
 * @suggested_name: the file name offered, which the user may change
 *
 * Asks the user where to save a file; finish with pv_choose_file_finish().
 */
void
pv_choose_save_file_async (GtkWidget           *widget,
                           const char          *title,
                           const char          *suggested_name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  choose_async (widget, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), suggested_name, NULL,
                cancellable, callback, user_data);
}

/**
 * pv_choose_file_finish:
 *
 * Returns: (transfer full) (nullable): the file, or %NULL (and no error)
 *   when the user cancelled
 */
GFile *
pv_choose_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_choose_file_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
