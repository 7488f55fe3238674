/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-export-buttons.h"
#include "pv-file-chooser.h"

/* What the export buttons of every flow's last page share: asking where,
 * under a name that says what and when, writing off the main loop (each
 * page knows what it writes), and saying whether the file was written.
 * pv_export_buttons_connect() does all of it for the buttons of a run's
 * results; pv_export_ask_where() leaves the writing and telling to its
 * caller. */

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
  GtkWidget           *page;
  int                  format;
  PvExportWriteFunc    write;   /* from pv_export_ask_where() */
  const PvExportOwner *how;     /* from pv_export_buttons_connect() */
  AdwToastOverlay     *toasts;  /* (nullable) */
  GFile               *file;    /* once chosen, for @how */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->page);
  g_clear_object (&request->toasts);
  g_clear_object (&request->file);
  g_free (request);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_export_finish (request->page, result, request->how->source_tag, &error))
    pv_export_show_error (request->page, _("The Results Could Not Be Exported"), error);
  else if (gtk_widget_in_destruction (request->page))
    g_debug ("An export ended after its page closed; nobody is left to tell");
  else if (request->how->exported != NULL)
    request->how->exported (request->page, request->file);
  else
    adw_toast_overlay_add_toast (request->toasts, adw_toast_new (_("The results were exported.")));
  export_request_free (request);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GFile) file = pv_choose_file_finish (result, NULL);

  /* A page closed while the chooser was open has nothing left to write. */
  if (file == NULL || gtk_widget_in_destruction (request->page))
    export_request_free (request);
  else if (request->how != NULL)
    {
      request->file = g_object_ref (file);
      request->how->export_async (request->page, request->format, file, exported_cb, request);
    }
  else
    {
      request->write (request->page, request->format, file);
      export_request_free (request);
    }
}

/* @request: (transfer full): what to do once a file is chosen */
static void
ask_where (ExportRequest *request,
           const char    *title,
           const char    *stem,
           const char    *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *safe_stem = g_strdelimit (g_strdup (stem), "/\\", '-');
  g_autofree char *name = NULL;

  /* The date in the name keeps the records of several runs apart. */
  name = g_strdup_printf ("provisio-%s-%s.%s", safe_stem, date, extension);
  pv_choose_save_file_async (request->page, title, name, NULL, file_chosen_cb, request);
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
  ExportRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (write != NULL);

  request = g_new0 (ExportRequest, 1);
  request->page = g_object_ref (page);
  request->format = format;
  request->write = write;
  ask_where (request, title, stem, extension);
}

/**
 * pv_export_finish:
 * @owner: the source object of the export's task
 * @source_tag: the tag of the owner's export call
 *
 * Finishes an owner's export call made with pv_export_results_into().
 *
 * Returns: whether the whole file was written
 */
gboolean
pv_export_finish (gpointer       owner,
                  GAsyncResult  *result,
                  gpointer       source_tag,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, owner), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWidget           *owner;  /* holds the button */
  const PvExportOwner *how;
  char                *stem;
  AdwToastOverlay     *toasts;
  PvExportFormat       format;
} ExportButton;

static void
export_button_free (gpointer  data,
                    GClosure *closure)
{
  ExportButton *export = data;

  g_free (export->stem);
  g_free (export);
}

static void
export_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  ExportButton *export = user_data;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->page = g_object_ref (export->owner);
  request->format = export->format;
  request->how = export->how;
  request->toasts = export->toasts != NULL ? g_object_ref (export->toasts) : NULL;
  ask_where (request, _("Export the Results"), export->stem,
             pv_export_format_extension (export->format));
}

/**
 * pv_export_buttons_connect:
 * @owner: the page or window that holds the buttons
 * @how: (not nullable): what @owner exports, and how it says so; must
 *   outlive @owner (a static)
 * @stem: what the files hold, for their names (see pv_export_ask_where())
 * @toasts: (nullable): where "exported" is said, unless @how says it
 *
 * Makes each button ask where to save its format and export there off the
 * main loop; a file not written is explained in a dialog.
 */
void
pv_export_buttons_connect (GtkWidget           *owner,
                           const PvExportOwner *how,
                           const char          *stem,
                           AdwToastOverlay     *toasts,
                           GtkButton           *xml_button,
                           GtkButton           *ps1_button,
                           GtkButton           *csv_button)
{
  GtkButton *buttons[] = { xml_button, ps1_button, csv_button };
  const PvExportFormat formats[] = { PV_EXPORT_FORMAT_XML, PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FORMAT_CSV };

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (how != NULL && how->export_async != NULL);
  g_return_if_fail (stem != NULL);
  g_return_if_fail (toasts != NULL || how->exported != NULL);
  g_return_if_fail (GTK_IS_BUTTON (xml_button) && GTK_IS_BUTTON (ps1_button) && GTK_IS_BUTTON (csv_button));

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      ExportButton *export = g_new0 (ExportButton, 1);

      export->owner = owner;
      export->how = how;
      export->stem = g_strdup (stem);
      export->toasts = toasts;
      export->format = formats[i];
      g_signal_connect_data (buttons[i], "clicked", G_CALLBACK (export_clicked_cb), export, export_button_free, 0);
    }
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
