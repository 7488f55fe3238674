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
  PvRunResults    *results;   /* the run's, retries replacing failures in place */
  GtkCustomFilter *filter;
  GtkFilterListModel *shown;
  gboolean         retrying;

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
  guint failed = self->results != NULL ? pv_run_results_get_count (self->results, PV_RESULT_STATUS_FAILED) : 0;
  g_autofree char *text = NULL;
  g_autofree char *retry_title = NULL;

  text = pv_enable_format_counts (self->results);
  gtk_label_set_text (self->counts_label, text);

  retry_title = g_strdup_printf (ngettext ("%u person could not be enabled",
                                           "%u people could not be enabled", failed),
                                 failed);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->retry_row), retry_title);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_box), failed > 0 || self->retrying);
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

  if (results != NULL && self->results == NULL)
    {
      g_autoptr(GtkListItemFactory) factory = NULL;

      self->results = g_object_ref (PV_RUN_RESULTS (results));
      /* Any count: the run's results say which changed. */
      g_signal_connect_object (self->results, "notify", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
      factory = pv_enable_result_factory_new (self->results);
      gtk_list_view_set_factory (self->results_list, factory);
      gtk_filter_list_model_set_model (self->shown, results);
    }
  update_counts (self);

  /* Failures are what needs attention: their reasons come first. */
  if (self->results != NULL && pv_run_results_get_count (self->results, PV_RESULT_STATUS_FAILED) > 0)
    gtk_drop_down_set_selected (self->outcome_dropdown, SHOW_FAILED);
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
  guint failed;

  pv_runner_retry_failed_finish (PV_RUNNER (object), result, &error);
  self->retrying = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  set_busy (self, FALSE);
  update_counts (self);

  failed = pv_run_results_get_count (self->results, PV_RESULT_STATUS_FAILED);
  if (error != NULL && !g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
    text = g_strdup (error->message);
  else if (failed == 0)
    text = g_strdup (_("Everyone is enabled now."));
  else
    text = g_strdup_printf (ngettext ("%u person still could not be enabled.",
                                      "%u people still could not be enabled.",
                                      failed),
                            failed);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * pv_enable_finish_page_retry_failed:
 *
 * Runs the run again for the people whose outcome is "failed", in the
 * same journal; their new outcomes replace the old ones as they arrive.
 */
void
pv_enable_finish_page_retry_failed (PvEnableFinishPage *self)
{
  PvRunner *runner;

  g_return_if_fail (PV_IS_ENABLE_FINISH_PAGE (self));

  runner = pv_enable_flow_get_runner (self->flow);
  if (self->retrying || runner == NULL || pv_runner_get_running (runner) ||
      pv_run_results_get_count (pv_runner_get_run_results (runner), PV_RESULT_STATUS_FAILED) == 0)
    return;

  self->retrying = TRUE;
  set_busy (self, TRUE);
  pv_runner_retry_failed_async (runner, self->cancellable, retry_finished_cb, g_object_ref (self));
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
  pv_export_results_into (g_steal_pointer (&task), format, info,
                          self->results != NULL ? G_LIST_MODEL (self->results) : G_LIST_MODEL (self->shown), file);
}

gboolean
pv_enable_finish_page_export_finish (PvEnableFinishPage  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return pv_export_finish (self, result, pv_enable_finish_page_export_async, error);
}

static void
export_async (GtkWidget           *page,
              PvExportFormat       format,
              GFile               *file,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (page);

  pv_enable_finish_page_export_async (self, format, file, self->cancellable, callback, user_data);
}

static const PvExportOwner export_owner = {
  .export_async = export_async,
  .source_tag = pv_enable_finish_page_export_async,
};

static void
pv_enable_finish_page_dispose (GObject *object)
{
  PvEnableFinishPage *self = PV_ENABLE_FINISH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_FINISH_PAGE);
  g_clear_object (&self->flow);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_object (&self->shown);

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
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->filter = gtk_custom_filter_new (outcome_matches, self, NULL);
  /* The run's results, once it has some. */
  self->shown = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)))));
  g_signal_connect_object (gtk_list_view_get_model (self->results_list), "items-changed",
                           G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
  pv_a11y_name_drop_down (self->outcome_dropdown, _("Show people by outcome"));
  g_signal_connect_object (self->outcome_dropdown, "notify::selected", G_CALLBACK (outcome_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (pv_enable_finish_page_retry_failed), self,
                           G_CONNECT_SWAPPED);
  pv_export_buttons_connect (GTK_WIDGET (self), &export_owner, "enable-users", self->toast_overlay,
                             self->xml_button, self->ps1_button, self->csv_button);
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
