/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "enable/pv-enable-result-rows.h"
#include "pv-export-buttons.h"
#include "pv-run-dialog.h"
#include "pv-run-row.h"

/* A run of the history, opened: each person's outcome, by name where the
 * run kept names, exactly as the run left them (read from the results
 * kept beside its journal), the same exports as its wizard's last page,
 * and what can still be done with it: resume it, retry its failures,
 * discard it. The dialog only asks; the start page does. */

struct _PvRunDialog
{
  AdwWindow         parent_instance;

  const PvFlowInfo *flow;
  PvRunState       *run;
  gboolean          resumable;
  PvRunResults     *results;
  GCancellable     *cancellable;

  AdwToastOverlay  *toast_overlay;
  AdwWindowTitle   *window_title;
  GtkLabel         *facts_label;
  GtkLabel         *counts_label;
  GtkStack         *content_stack;
  GtkSpinner       *spinner;
  GtkLabel         *error_label;
  GtkListView      *results_list;
  GtkButton        *xml_button;
  GtkButton        *ps1_button;
  GtkButton        *csv_button;
  GtkButton        *discard_button;
  GtkButton        *retry_button;
  GtkButton        *resume_button;
};

G_DEFINE_FINAL_TYPE (PvRunDialog, pv_run_dialog, ADW_TYPE_WINDOW)

enum {
  RESUME,
  RETRY,
  DISCARD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
resume_clicked_cb (PvRunDialog *self)
{
  g_signal_emit (self, signals[RESUME], 0);
}

static void
retry_clicked_cb (PvRunDialog *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
discard_clicked_cb (PvRunDialog *self)
{
  g_signal_emit (self, signals[DISCARD], 0);
}

static void
export_async (GtkWidget           *dialog,
              PvExportFormat       format,
              GFile               *file,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  PvRunDialog *self = PV_RUN_DIALOG (dialog);

  pv_run_dialog_export_async (self, format, file, self->cancellable, callback, user_data);
}

static const PvExportOwner export_owner = {
  .export_async = export_async,
  .source_tag = pv_run_dialog_export_async,
};

static void
show_results (PvRunDialog  *self,
              PvRunResults *results)
{
  g_autoptr(GtkListItemFactory) factory = pv_enable_result_factory_new (results);
  guint done = pv_run_results_get_count (results, PV_RESULT_STATUS_DONE);
  guint already = pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE);
  guint skipped = pv_run_results_get_count (results, PV_RESULT_STATUS_SKIPPED);
  guint failed = pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED);
  g_autofree char *counts = NULL;
  gboolean exportable = g_list_model_get_n_items (G_LIST_MODEL (results)) > 0 &&
                        pv_run_results_get_info (results) != NULL;

  self->results = g_object_ref (results);
  gtk_list_view_set_factory (self->results_list, factory);
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (results)))));
  /* Translators: the counts of a run of the history, one per outcome. */
  counts = g_strdup_printf (_("Done: %u · Already done: %u · Skipped: %u · Failed: %u"),
                            done, already, skipped, failed);
  gtk_label_set_text (self->counts_label, counts);
  gtk_stack_set_visible_child_name (self->content_stack, "results");
  gtk_spinner_set_spinning (self->spinner, FALSE);

  gtk_widget_set_sensitive (GTK_WIDGET (self->xml_button), exportable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ps1_button), exportable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->csv_button), exportable);
  /* Until now nothing but the facts could take the focus, and a label
   * focused opens with all its text selected: the first export takes
   * it over. */
  if (exportable && gtk_widget_has_focus (GTK_WIDGET (self->facts_label)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->xml_button));
      gtk_label_select_region (self->facts_label, 0, 0);
    }
  /* Retrying continues the run in its wizard, from each failure's step. */
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          failed > 0 && !self->resumable && self->flow->create_retry_state != NULL &&
                          pv_run_state_get_plan (self->run) != NULL);
}

static void
results_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvRunDialog) self = user_data;
  g_autoptr(PvRunResults) results = NULL;
  g_autoptr(GError) error = NULL;

  results = pv_run_results_load_finish (result, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (results == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      gtk_spinner_set_spinning (self->spinner, FALSE);
      return;
    }

  show_results (self, results);
}

static void
pv_run_dialog_dispose (GObject *object)
{
  PvRunDialog *self = PV_RUN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_RUN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->results);
  g_clear_object (&self->run);

  G_OBJECT_CLASS (pv_run_dialog_parent_class)->dispose (object);
}

static void
pv_run_dialog_class_init (PvRunDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_run_dialog_dispose;

  /* Resume was pressed. */
  signals[RESUME] =
    g_signal_new ("resume", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Retry Failed was pressed. */
  signals[RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Discard was pressed; nothing is asked yet. */
  signals[DISCARD] =
    g_signal_new ("discard", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-run-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, facts_label);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, xml_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, ps1_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, csv_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, discard_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunDialog, resume_button);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pv_run_dialog_init (PvRunDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->discard_button, "clicked", G_CALLBACK (discard_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resume_button, "clicked", G_CALLBACK (resume_clicked_cb), self, G_CONNECT_SWAPPED);
}

static char *
format_facts (PvRunState *run)
{
  PvRunInfo *info = pv_run_state_get_info (run);
  g_autofree char *started = pv_run_format_when (pv_run_state_get_started (run));
  g_autofree char *ended = pv_run_format_when (pv_run_state_get_ended_time (run));
  const char *ran_by = info != NULL ? pv_run_info_get_ran_by (info) : NULL;
  g_autofree char *service = info != NULL ? pv_run_info_dup_service_label (info) : NULL;
  GString *facts = g_string_new (NULL);

  if (started != NULL)
    /* Translators: %s is a date and time. */
    g_string_append_printf (facts, _("Started %s"), started);
  if (ended != NULL)
    {
      if (facts->len > 0)
        g_string_append_c (facts, '\n');
      /* Translators: %s is a date and time. */
      g_string_append_printf (facts, _("Ended %s"), ended);
    }
  if (ran_by != NULL)
    {
      if (facts->len > 0)
        g_string_append_c (facts, '\n');
      /* Translators: %s is the account of the person who ran it. */
      g_string_append_printf (facts, _("Run by %s"), ran_by);
    }
  if (service != NULL)
    {
      if (facts->len > 0)
        g_string_append_c (facts, '\n');
      /* Translators: %s is the address of the service the run talked
       * to, or “the sandbox tenant on this computer (…)”. */
      g_string_append_printf (facts, _("Service: %s"), service);
    }
  if (pv_run_state_get_waiting (run) != NULL)
    {
      if (facts->len > 0)
        g_string_append_c (facts, '\n');
      /* Translators: %s is what the run waits for, as its task says it. */
      g_string_append_printf (facts, _("Waiting: %s"), pv_run_state_get_waiting (run));
    }

  return g_string_free (facts, FALSE);
}

/**
 * pv_run_dialog_new:
 * @flow: the flow of @run, which must outlive the dialog
 * @resumable: whether the run can be resumed (it stopped with people
 *   left, and its flow can continue it)
 *
 * Returns: (transfer full): a dialog showing the results of @run, read
 *   off the main loop
 */
PvRunDialog *
pv_run_dialog_new (const PvFlowInfo *flow,
                   PvRunState       *run,
                   gboolean          resumable)
{
  PvRunDialog *self;
  g_autofree char *summary = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *discard_label = NULL;

  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (PV_IS_RUN_STATE (run), NULL);

  self = g_object_new (PV_TYPE_RUN_DIALOG, NULL);
  self->flow = flow;
  self->run = g_object_ref (run);
  self->resumable = resumable;
  pv_export_buttons_connect (GTK_WIDGET (self), &export_owner, flow->id, self->toast_overlay,
                             self->xml_button, self->ps1_button, self->csv_button);

  gtk_window_set_title (GTK_WINDOW (self), _(flow->title));
  adw_window_title_set_title (self->window_title, _(flow->title));
  summary = pv_run_format_summary (run);
  adw_window_title_set_subtitle (self->window_title, summary);
  facts = format_facts (run);
  gtk_label_set_text (self->facts_label, facts);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), *facts != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), resumable);
  /* A run that waits is finished by running again those who wait. */
  if (pv_run_state_get_status (run) == PV_RUN_STATUS_WAITING)
    gtk_button_set_label (self->resume_button, _("_Finish"));
  /* Translators: %s is the name of a task, such as “Enable users for a pool”. */
  discard_label = g_strdup_printf (_("Discard the run of “%s”"), _(flow->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->discard_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  discard_label, -1);

  pv_run_results_load_async (NULL, pv_run_state_get_run_id (run), self->cancellable, results_loaded_cb,
                             g_object_ref (self));

  return self;
}

/**
 * pv_run_dialog_get_run:
 *
 * Returns: (transfer none): what the run's journal says
 */
PvRunState *
pv_run_dialog_get_run (PvRunDialog *self)
{
  g_return_val_if_fail (PV_IS_RUN_DIALOG (self), NULL);

  return self->run;
}

const PvFlowInfo *
pv_run_dialog_get_flow (PvRunDialog *self)
{
  g_return_val_if_fail (PV_IS_RUN_DIALOG (self), NULL);

  return self->flow;
}

/**
 * pv_run_dialog_get_results:
 *
 * Returns: (transfer none) (nullable): the run's results, once read
 */
PvRunResults *
pv_run_dialog_get_results (PvRunDialog *self)
{
  g_return_val_if_fail (PV_IS_RUN_DIALOG (self), NULL);

  return self->results;
}

/**
 * pv_run_dialog_export_async:
 *
 * Writes the run's results to @file in @format, with the facts the run
 * recorded: the same document its wizard wrote.
 */
void
pv_run_dialog_export_async (PvRunDialog         *self,
                            PvExportFormat       format,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_RUN_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_run_dialog_export_async);

  if (self->results == NULL || pv_run_results_get_info (self->results) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("There are no results to export yet."));
      return;
    }

  pv_export_results_into (g_steal_pointer (&task), format, pv_run_results_get_info (self->results),
                          G_LIST_MODEL (self->results), file);
}

gboolean
pv_run_dialog_export_finish (PvRunDialog   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return pv_export_finish (self, result, pv_run_dialog_export_async, error);
}
