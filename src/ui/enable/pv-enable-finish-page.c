/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-finish-page.h"
#include "pv-enable-flow.h"
#include "pv-export.h"
#include "pv-file-chooser.h"
#include "pv-operation-result.h"
#include "pv-run-info.h"

/* Finish: what the run did, and the exports the original wizard offered
 * (XML), with the PowerShell script and CSV beside it. Files are written
 * off the main loop, whole or not at all. */

struct _PvEnableFinishPage
{
  PvPage           parent_instance;

  PvEnableFlow    *flow;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkLabel        *counts_label;
  GtkButton       *xml_button;
  GtkButton       *ps1_button;
  GtkButton       *csv_button;
};

G_DEFINE_FINAL_TYPE (PvEnableFinishPage, pv_enable_finish_page, PV_TYPE_PAGE)

static void
pv_enable_finish_page_shown (PvPage *page)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (page);
  GListModel *results = pv_enable_flow_get_results (self->flow);
  guint counts[4] = { 0, 0, 0, 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; results != NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);
      PvResultStatus status = pv_operation_result_get_status (result);

      if ((guint) status < G_N_ELEMENTS (counts))
        counts[status]++;
    }

  text = g_strdup_printf (_("Enabled: %u · Already enabled: %u · Skipped: %u · Failed: %u"),
                          counts[PV_RESULT_STATUS_DONE], counts[PV_RESULT_STATUS_ALREADY_DONE],
                          counts[PV_RESULT_STATUS_SKIPPED], counts[PV_RESULT_STATUS_FAILED]);
  gtk_label_set_text (self->counts_label, text);
}

static void
export_in_thread_done_cb (GObject      *object,
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
 * pv_enable_finish_page_export_async:
 *
 * Writes the run's results to @file in @format.
 */
void
pv_enable_finish_page_export_async (PvEnableFinishPage  *self,
                                    PvExportFormat       format,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  GListModel *results;

  g_return_if_fail (PV_IS_ENABLE_FINISH_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_enable_finish_page_export_async);

  results = pv_enable_flow_get_results (self->flow);
  if (results == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("There are no results to export yet."));
      return;
    }

  info = pv_run_info_new_for_enable_plan (pv_enable_flow_get_plan (self->flow));
  pv_export_to_file_async (format, PV_EXPORT_FLAGS_NONE, info, results, file, cancellable,
                           export_in_thread_done_cb, g_steal_pointer (&task));
}

gboolean
pv_enable_finish_page_export_finish (PvEnableFinishPage  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_enable_finish_page_export_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  PvEnableFinishPage *self;
  PvExportFormat      format;
} ExportRequest;

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!pv_enable_finish_page_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      _("The Results Could Not Be Exported"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The results were exported.")));
}

static void
save_file_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GFile) file = pv_choose_file_finish (result, NULL);

  if (file != NULL)
    pv_enable_finish_page_export_async (request->self, request->format, file, request->self->cancellable,
                                        exported_cb, NULL);
  g_object_unref (request->self);
  g_free (request);
}

static void
ask_where (PvEnableFinishPage *self,
           PvExportFormat      format)
{
  static const char *const extensions[] = { "xml", "ps1", "csv" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  ExportRequest *request = g_new0 (ExportRequest, 1);

  /* The date in the name keeps the records of several runs apart. */
  name = g_strdup_printf ("provisio-enable-users-%s.%s", date,
                          extensions[MIN ((guint) format, G_N_ELEMENTS (extensions) - 1)]);
  request->self = g_object_ref (self);
  request->format = format;
  pv_choose_save_file_async (GTK_WIDGET (self), _("Export the Results"), name, NULL,
                             save_file_chosen_cb, request);
}

static void
xml_clicked_cb (PvEnableFinishPage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_XML);
}

static void
ps1_clicked_cb (PvEnableFinishPage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_POWERSHELL);
}

static void
csv_clicked_cb (PvEnableFinishPage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_CSV);
}

static void
pv_enable_finish_page_dispose (GObject *object)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_FINISH_PAGE);
  g_clear_object (&self->flow);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pv_enable_finish_page_parent_class)->dispose (object);
}

static void
pv_enable_finish_page_class_init (PvEnableFinishPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_enable_finish_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_enable_finish_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-finish-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, xml_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, ps1_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, csv_button);
}

static void
pv_enable_finish_page_init (PvEnableFinishPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->xml_button, "clicked", G_CALLBACK (xml_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ps1_button, "clicked", G_CALLBACK (ps1_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->csv_button, "clicked", G_CALLBACK (csv_clicked_cb), self, G_CONNECT_SWAPPED);
}

PvPage *
pv_enable_finish_page_new (PvEnableFlow *flow)
{
  PvEnableFinishPage *self;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_FINISH_PAGE, NULL);
  self->flow = g_object_ref (flow);

  return PV_PAGE (self);
}
