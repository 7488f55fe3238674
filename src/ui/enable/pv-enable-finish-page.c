/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-enable-finish-page.h"
#include "pv-enable-flow.h"
#include "pv-enable-result-rows.h"
#include "pv-export-buttons.h"
#include "pv-export.h"
#include "pv-operation-result.h"
#include "pv-run-info.h"
#include "pv-service-error.h"

/* Finish: what the run did, person by person and filtered by outcome;
 * another try for those who failed; and the exports the original wizard
 * offered (XML), with the PowerShell script and CSV beside it. Files are
 * written off the main loop, whole or not at all. */

/* The positions of the outcome filter's choices in the .ui. */
enum
{
  SHOW_EVERYONE,
  SHOW_ENABLED,
  SHOW_ALREADY_ENABLED,
  SHOW_SKIPPED,
  SHOW_FAILED,
};

struct _PvEnableFinishPage
{
  PvPage           parent_instance;

  PvEnableFlow    *flow;
  GCancellable    *cancellable;
  GListStore      *results;   /* the run's outcomes, retries folded in */
  GtkCustomFilter *filter;
  PvRunner        *retry;
  GHashTable      *positions; /* user id → position in results, while retrying */
  guint            counts[4];

  AdwToastOverlay *toast_overlay;
  GtkLabel        *counts_label;
  GtkWidget       *retry_box;
  AdwActionRow    *retry_row;
  GtkButton       *retry_button;
  GtkSpinner      *retry_spinner;
  GtkDropDown     *outcome_dropdown;
  GtkListView     *results_list;
  GtkLabel        *empty_label;
  GtkButton       *xml_button;
  GtkButton       *ps1_button;
  GtkButton       *csv_button;
};

G_DEFINE_FINAL_TYPE (PvEnableFinishPage, pv_enable_finish_page, PV_TYPE_PAGE)

static void
update_counts (PvEnableFinishPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint failed;
  g_autofree char *text = NULL;
  g_autofree char *retry_title = NULL;

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);
      PvResultStatus status = pv_operation_result_get_status (result);

      if ((guint) status < G_N_ELEMENTS (self->counts))
        self->counts[status]++;
    }

  text = pv_enable_format_counts (self->counts);
  gtk_label_set_text (self->counts_label, text);

  failed = self->counts[PV_RESULT_STATUS_FAILED];
  retry_title = g_strdup_printf (ngettext ("%u person could not be enabled",
                                           "%u people could not be enabled", failed),
                                 failed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->retry_row), retry_title);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_box), failed > 0 || self->retry != NULL);
}

static void
update_empty (PvEnableFinishPage *self)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->results_list));

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), g_list_model_get_n_items (shown) == 0);
}

static gboolean
outcome_matches (gpointer item,
                 gpointer user_data)
{
  PvEnableFinishPage *self = user_data;
  PvResultStatus status = pv_operation_result_get_status (PV_OPERATION_RESULT (item));

  switch (gtk_drop_down_get_selected (self->outcome_dropdown))
    {
    case SHOW_ENABLED:
      return status == PV_RESULT_STATUS_DONE;
    case SHOW_ALREADY_ENABLED:
      return status == PV_RESULT_STATUS_ALREADY_DONE;
    case SHOW_SKIPPED:
      return status == PV_RESULT_STATUS_SKIPPED;
    case SHOW_FAILED:
      return status == PV_RESULT_STATUS_FAILED;
    case SHOW_EVERYONE:
    default:
      return TRUE;
    }
}

static void
outcome_changed_cb (PvEnableFinishPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
pv_enable_finish_page_shown (PvPage *page)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (page);
  GListModel *results = pv_enable_flow_get_results (self->flow);
  guint n = results != NULL ? g_list_model_get_n_items (results) : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  /* A copy the page can fold retries into; the run's own list stays as
   * the run left it. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (results, i));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  pv_enable_flow_set_results (self->flow, G_LIST_MODEL (self->results));
  update_counts (self);

  /* Failures are what needs attention: their reasons come first. */
  if (self->counts[PV_RESULT_STATUS_FAILED] > 0)
    gtk_drop_down_set_selected (self->outcome_dropdown, SHOW_FAILED);
}

static void
retry_item_finished_cb (PvEnableFinishPage *self,
                        PvOperationResult  *result)
{
  gpointer position;

  if (g_hash_table_lookup_extended (self->positions, pv_operation_result_get_item (result), NULL, &position))
    {
      g_list_store_splice (self->results, GPOINTER_TO_UINT (position), 1, (gpointer *) &result, 1);
      update_counts (self);
    }
}

static void
set_busy (PvEnableFinishPage *self,
          gboolean            busy)
{
  gtk_spinner_set_spinning (self->retry_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retry_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->xml_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ps1_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_button), !busy);
  pv_page_set_incomplete_reason (PV_PAGE (self), busy ? _("The failed people are being tried again.") : NULL);
  pv_page_set_complete (PV_PAGE (self), !busy);
}

static void
retry_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvEnableFinishPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  pv_runner_run_finish (PV_RUNNER (object), result, &error);
  g_clear_object (&self->retry);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  set_busy (self, FALSE);
  update_counts (self);

  if (error != NULL && !g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
    text = g_strdup (error->message);
  else if (self->counts[PV_RESULT_STATUS_FAILED] == 0)
    text = g_strdup (_("Everyone is enabled now."));
  else
    text = g_strdup_printf (ngettext ("%u person still could not be enabled.",
                                      "%u people still could not be enabled.",
                                      self->counts[PV_RESULT_STATUS_FAILED]),
                            self->counts[PV_RESULT_STATUS_FAILED]);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * pv_enable_finish_page_retry_failed:
 *
 * Runs the plan again for the people whose outcome is "failed", with a
 * journal of its own; their new outcomes replace the old ones as they
 * arrive.
 */
void
pv_enable_finish_page_retry_failed (PvEnableFinishPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (PV_IS_ENABLE_FINISH_PAGE (self));

  if (self->retry != NULL)
    return;

  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (pv_operation_result_get_status (result) != PV_RESULT_STATUS_FAILED)
        continue;
      g_ptr_array_add (items, g_strdup (pv_operation_result_get_item (result)));
      g_hash_table_insert (self->positions, g_strdup (pv_operation_result_get_item (result)),
                           GUINT_TO_POINTER (i));
    }
  g_ptr_array_add (items, NULL);

  self->retry = pv_enable_flow_new_runner (self->flow, (const char * const *) items->pdata, NULL);
  if (self->retry == NULL || items->len == 1)
    {
      g_clear_object (&self->retry);
      g_clear_pointer (&self->positions, g_hash_table_unref);
      return;
    }

  g_signal_connect_object (self->retry, "item-finished", G_CALLBACK (retry_item_finished_cb), self,
                           G_CONNECT_SWAPPED);
  set_busy (self, TRUE);
  pv_runner_run_async (self->retry, self->cancellable, retry_finished_cb, g_object_ref (self));
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

  g_return_if_fail (PV_IS_ENABLE_FINISH_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_enable_finish_page_export_async);

  info = pv_enable_flow_dup_run_info (self->flow);
  pv_export_results_into (g_steal_pointer (&task), format, info, G_LIST_MODEL (self->results), file);
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

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!pv_enable_finish_page_export_finish (self, result, &error))
    {
      pv_export_show_error (GTK_WIDGET (self), _("The Results Could Not Be Exported"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The results were exported.")));
}

static void
write_export (GtkWidget *page,
              int        format,
              GFile     *file)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (page);

  pv_enable_finish_page_export_async (self, format, file, self->cancellable, exported_cb, NULL);
}

static void
ask_where (PvEnableFinishPage *self,
           PvExportFormat      format)
{
  pv_export_ask_where (GTK_WIDGET (self), _("Export the Results"), "enable-users",
                       pv_export_format_extension (format), format, write_export);
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
  g_clear_object (&self->retry);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);

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
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, retry_box);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, retry_row);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, retry_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, xml_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, ps1_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableFinishPage, csv_button);
}

static void
pv_enable_finish_page_init (PvEnableFinishPage *self)
{
  GtkFilterListModel *shown;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  self->filter = gtk_custom_filter_new (outcome_matches, self, NULL);
  shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->results)),
                                     g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (shown))));
  g_signal_connect_object (gtk_list_view_get_model (self->results_list), "items-changed",
                           G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  pv_a11y_name_drop_down (self->outcome_dropdown, _("Show people by outcome"));
  g_signal_connect_object (self->outcome_dropdown, "notify::selected", G_CALLBACK (outcome_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (pv_enable_finish_page_retry_failed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->xml_button, "clicked", G_CALLBACK (xml_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ps1_button, "clicked", G_CALLBACK (ps1_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->csv_button, "clicked", G_CALLBACK (csv_clicked_cb), self, G_CONNECT_SWAPPED);
}

PvPage *
pv_enable_finish_page_new (PvEnableFlow *flow)
{
  PvEnableFinishPage *self;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_FINISH_PAGE, NULL);
  self->flow = g_object_ref (flow);
  factory = pv_enable_result_factory_new (flow);
  gtk_list_view_set_factory (self->results_list, factory);

  return PV_PAGE (self);
}
