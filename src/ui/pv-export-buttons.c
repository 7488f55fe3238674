/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-export-buttons.h"
#include "pv-file-chooser.h"

/* What the export buttons of every flow's last page share: asking where,
 * under a name that says what and when, writing off the main loop (each
 * page knows what it writes), and saying why a file was not written. */

/**
 * pv_export_format_extension:
 *
 * Returns: the file name extension for @format, without the dot
 */
const char *
pv_export_format_extension (PvExportFormat format)
{
  static const char *const extensions[] = { "xml", "ps1", "csv" };

  return extensions[MIN ((guint) format, G_N_ELEMENTS (extensions) - 1)];
}

typedef struct
{
  GtkWidget         *page;
  int                format;
  PvExportWriteFunc  write;
} ExportRequest;

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GFile) file = pv_choose_file_finish (result, NULL);

  /* A page closed while the chooser was open has nothing left to write. */
  if (file != NULL && !gtk_widget_in_destruction (request->page))
    request->write (request->page, request->format, file);
  g_object_unref (request->page);
  g_free (request);
}

/**
 * pv_export_ask_where:
 * @stem: what the file holds, as a name ("enable-users"); path separators
 *   in it become dashes
 * @format: passed back to @write
 *
 * Asks where to save the export, offering "provisio-STEM-DATE.EXTENSION",
 * then calls @write unless the user cancelled.
 */
void
pv_export_ask_where (GtkWidget         *page,
                     const char        *title,
                     const char        *stem,
                     const char        *extension,
                     int                format,
                     PvExportWriteFunc  write)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *safe_stem = g_strdelimit (g_strdup (stem), "/\\", '-');
  g_autofree char *name = NULL;
  ExportRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (write != NULL);

  /* The date in the name keeps the records of several runs apart. */
  name = g_strdup_printf ("provisio-%s-%s.%s", safe_stem, date, extension);
  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (page);
  request->format = format;
  request->write = write;
  pv_choose_save_file_async (page, title, name, NULL, file_chosen_cb, request);
}

/**
 * pv_export_results_into:
 * @task: (transfer full): the page's own export call, returned %TRUE once
 *   the whole file is written
 *
 * Writes @results to @file off the main loop, whole or not at all; with no
 * results yet, writes nothing and says so.
 */
void
pv_export_results_into (GTask          *task,
                        PvExportFormat  format,
                        PvRunInfo      *info,
                        GListModel     *results,
                        GFile          *file)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (G_IS_LIST_MODEL (results));

  if (g_list_model_get_n_items (results) == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("There are no results to export yet."));
      g_object_unref (task);
      return;
    }

  pv_export_to_file_async (format, PV_EXPORT_FLAGS_NONE, info, results, file, g_task_get_cancellable (task),
                           pv_export_written_cb, task);
}

/**
 * pv_export_written_cb:
 * @user_data: (transfer full): the #GTask of the page's own export call
 *
 * Finishes pv_export_to_file_async() into that task.
 */
void
pv_export_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (pv_export_to_file_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pv_export_show_error:
 * @heading: the dialog's heading, translated
 *
 * Says why an export failed, in a dialog over @page's window; a cancelled
 * export says nothing.
 */
void
pv_export_show_error (GtkWidget    *page,
                      const char   *heading,
                      const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  root = gtk_widget_get_root (page);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  pv_a11y_fix_mnemonic_labels (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
