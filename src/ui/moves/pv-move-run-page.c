/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-export-buttons.h"
#include "pv-export.h"
#include "pv-move-run-page.h"
#include "pv-move-run-row.h"
#include "pv-service-error.h"

/* Move Status: the run, each step of each person as it has an outcome,
 * running again those not moved, and the exports. A run in which
 * someone waits for the operator ends waiting, by itself (the runner
 * asks the steps), so that nobody is forgotten half moved whatever
 * happens to the app; closing the wizard then says who waits and where
 * the move is found again. */

struct _PvMoveRunPage
{
  PvPage          parent_instance;

  PvMoveFlow     *flow;
  PvRunner       *runner;
  GCancellable   *cancellable;
  gboolean        started;   /* shown once: the run was (to be) started */

  GtkLabel       *description_label;
  GtkProgressBar *progress_bar;
  GtkButton      *again_button;
  GtkWidget      *export_group;
  GtkButton      *xml_button;
  GtkButton      *ps1_button;
  GtkButton      *csv_button;
  GtkListBox     *people_list;
};

G_DEFINE_FINAL_TYPE (PvMoveRunPage, pv_move_run_page, PV_TYPE_PAGE)

static PvMoveRunRow *
row_of (PvMoveRunPage *self,
        const char    *item)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (PV_IS_MOVE_RUN_ROW (row) && g_strcmp0 (pv_move_run_row_get_user_id (PV_MOVE_RUN_ROW (row)), item) == 0)
      return PV_MOVE_RUN_ROW (row);

  return NULL;
}

static void
step_finished_cb (PvMoveSteps       *steps,
                  const char        *item,
                  guint              step,
                  PvOperationResult *result,
                  PvMoveRunPage     *self)
{
  PvMoveRunRow *row = row_of (self, item);

  if (row != NULL)
    pv_move_run_row_update (row, self->flow);
}

static void
update_progress (PvMoveRunPage *self)
{
  guint total = self->runner != NULL ? pv_runner_get_n_items (self->runner) : 0;
  guint done = self->runner != NULL ? pv_runner_get_n_finished (self->runner) : 0;
  g_autofree char *text = NULL;

  /* Translators: progress of a run: people finished, of all people. */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
}

static void
set_complete (PvMoveRunPage *self,
              const char    *reason)
{
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

static void
run_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvMoveRunPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint moved = 0;
  guint n = 0;

  update_progress (self);
  if (!(g_async_result_is_tagged (result, pv_runner_run_async)
          ? pv_runner_run_finish (PV_RUNNER (object), result, &error)
          : pv_runner_run_unfinished_finish (PV_RUNNER (object), result, &error)) &&
      !g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
    gtk_label_set_text (self->description_label, error->message);
  else
    {
      PvRunResults *results = pv_runner_get_run_results (PV_RUNNER (object));
      g_autofree char *text = NULL;

      /* A person's last outcome is done (or found done) exactly when
       * their last step took effect: the results count the moved. */
      moved = pv_run_results_get_count (results, PV_RESULT_STATUS_DONE) +
              pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE);
      n = pv_runner_get_n_items (PV_RUNNER (object));
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          /* What needs attention stays open: those who failed or wait. */
          if (PV_IS_MOVE_RUN_ROW (row))
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                           !pv_move_run_row_get_moved (PV_MOVE_RUN_ROW (row)));
        }
      /* Translators: %1$u people of %2$u were moved. */
      text = g_strdup_printf (ngettext ("%1$u of %2$u person is moved. Each step of each person is below; a person who waits for the operator or failed can be run again once the cause is dealt with.",
                                        "%1$u of %2$u people are moved. Each step of each person is below; a person who waits for the operator or failed can be run again once the cause is dealt with.",
                                        n),
                              moved, n);
      gtk_label_set_text (self->description_label, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->again_button), moved < n);
    }

  gtk_widget_set_sensitive (self->export_group, TRUE);
  set_complete (self, NULL);
}

static void build_rows (PvMoveRunPage *self);

static void
running (PvMoveRunPage *self)
{
  gtk_label_set_text (self->description_label, _("Moving the numbers…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->again_button), FALSE);
  gtk_widget_set_sensitive (self->export_group, FALSE);
  set_complete (self, _("The move is in progress."));
  update_progress (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
start_run (PvMoveRunPage *self)
{
  g_clear_object (&self->runner);
  self->runner = pv_move_flow_new_runner (self->flow);
  if (self->runner == NULL)
    {
      const char *error = pv_move_flow_get_load_error (self->flow);

      gtk_label_set_text (self->description_label,
                          error != NULL ? error : _("No service to talk to: the move cannot start."));
      return;
    }

  /* The steps are made with the run; a continued one has its people's
   * earlier steps already. */
  build_rows (self);
  g_signal_connect_object (pv_move_flow_get_steps (self->flow), "step-finished",
                           G_CALLBACK (step_finished_cb), self, 0);
  g_signal_connect_object (self->runner, "notify::n-finished", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  running (self);
  pv_runner_run_async (self->runner, self->cancellable, run_finished_cb, g_object_ref (self));
}

static void
build_rows (PvMoveRunPage *self)
{
  g_auto(GStrv) items = pv_move_flow_dup_items (self->flow);
  PvMoveSteps *steps = pv_move_flow_get_steps (self->flow);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; steps != NULL && items[i] != NULL; i++)
    {
      GtkWidget *row = pv_move_run_row_new (pv_move_flow_get_kind (self->flow), items[i],
                                            pv_move_flow_get_name (self->flow, items[i]));

      pv_move_run_row_update (PV_MOVE_RUN_ROW (row), self->flow);
      gtk_list_box_append (self->people_list, row);
    }
}

/**
 * pv_move_run_page_get_runner:
 *
 * Returns: (transfer none) (nullable): the run, once started
 */
PvRunner *
pv_move_run_page_get_runner (PvMoveRunPage *self)
{
  g_return_val_if_fail (PV_IS_MOVE_RUN_PAGE (self), NULL);

  return self->runner;
}

/**
 * pv_move_run_page_run_again:
 *
 * Runs again, in the same run, the people not moved yet, each from the
 * step where they stopped: those who failed and those who wait for the
 * operator.
 */
void
pv_move_run_page_run_again (PvMoveRunPage *self)
{
  g_return_if_fail (PV_IS_MOVE_RUN_PAGE (self));

  if (self->runner == NULL || pv_runner_get_running (self->runner))
    return;
  running (self);
  pv_runner_run_unfinished_async (self->runner, self->cancellable, run_finished_cb, g_object_ref (self));
}

/* --- Export: through the exports of every flow (pv-export.c), written
 * off the main loop, whole or not at all. XML and PowerShell take one
 * result a person with the steps inside; CSV a row a step. --- */

/**
 * pv_move_run_page_export_async:
 *
 * Writes every person's move to @file in @format.
 */
void
pv_move_run_page_export_async (PvMoveRunPage       *self,
                               PvExportFormat       format,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;

  g_return_if_fail (PV_IS_MOVE_RUN_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_move_run_page_export_async);

  results = format == PV_EXPORT_FORMAT_CSV ? pv_move_flow_dup_step_results (self->flow)
                                           : pv_move_flow_dup_results (self->flow);
  info = pv_move_flow_dup_run_info (self->flow);
  pv_export_results_into (g_steal_pointer (&task), format, info, results, file);
}

gboolean
pv_move_run_page_export_finish (PvMoveRunPage  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  return pv_export_finish (self, result, pv_move_run_page_export_async, error);
}

static void
export_async (GtkWidget           *page,
              PvExportFormat       format,
              GFile               *file,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (page);

  pv_move_run_page_export_async (self, format, file, self->cancellable, callback, user_data);
}

/* Said beside the buttons, where the next export is made. */
static void
exported (GtkWidget *page,
          GFile     *file)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (page);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  /* Translators: %s is a file name. */
  text = g_strdup_printf (_("The results were exported to %s."), name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->export_group), text);
}

static const PvExportOwner export_owner = {
  .export_async = export_async,
  .source_tag = pv_move_run_page_export_async,
  .exported = exported,
};

/* --- Closing while someone waits for the operator. --- */

static void
waiting_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;

  if (g_strcmp0 (response, "close") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Kept open");
      return;
    }

  /* Nothing to keep: the run itself ended waiting. */
  g_task_return_boolean (task, TRUE);
}

/* Done: when someone waits for the operator, say so first. */
static void
pv_move_run_page_apply_async (PvPage              *page,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (page);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *note = pv_move_flow_dup_waiting_note (self->flow);
  AdwMessageDialog *dialog;
  GtkRoot *root;

  g_task_set_source_tag (task, pv_move_run_page_apply_async);
  if (note == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Waiting for the Operator"), note));
  adw_message_dialog_add_responses (dialog,
                                    "back", _("_Back to the Results"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "back");
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (waiting_response_cb), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pv_move_run_page_apply_finish (PvPage        *page,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, page), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_move_run_page_apply_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- The page. --- */

static void
pv_move_run_page_shown (PvPage *page)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (page);

  /* Once: coming back never runs the move again. */
  if (self->started)
    return;
  self->started = TRUE;

  /* A continued run reads its service first; it starts once it has. */
  if (pv_move_flow_get_loading (self->flow))
    {
      gtk_label_set_text (self->description_label, _("Reading the move…"));
      set_complete (self, _("The move is in progress."));
      return;
    }
  start_run (self);
}

static void
flow_loading_cb (PvMoveRunPage *self)
{
  if (self->started && self->runner == NULL && !pv_move_flow_get_loading (self->flow))
    start_run (self);
}

static void
pv_move_run_page_locale_changed (PvPage *page)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (page);

  pv_page_set_title (page, _("Move Status"));
  build_rows (self);
}

static void
pv_move_run_page_dispose (GObject *object)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (object);

  /* Leaving the wizard stops the run; the steps that took effect are
   * found done by a later move, and the run can be resumed. */
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_RUN_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_move_run_page_parent_class)->dispose (object);
}

static void
pv_move_run_page_finalize (GObject *object)
{
  PvMoveRunPage *self = PV_MOVE_RUN_PAGE (object);

  g_clear_object (&self->runner);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pv_move_run_page_parent_class)->finalize (object);
}

static void
pv_move_run_page_class_init (PvMoveRunPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PvPageClass *page_class = PV_PAGE_CLASS (klass);

  object_class->dispose = pv_move_run_page_dispose;
  object_class->finalize = pv_move_run_page_finalize;
  page_class->shown = pv_move_run_page_shown;
  page_class->locale_changed = pv_move_run_page_locale_changed;
  page_class->apply_async = pv_move_run_page_apply_async;
  page_class->apply_finish = pv_move_run_page_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-run-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, again_button);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, export_group);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, xml_button);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, ps1_button);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, csv_button);
  gtk_widget_class_bind_template_child (widget_class, PvMoveRunPage, people_list);
}

static void
pv_move_run_page_init (PvMoveRunPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->again_button, "clicked", G_CALLBACK (pv_move_run_page_run_again), self, G_CONNECT_SWAPPED);
}

PvPage *
pv_move_run_page_new (PvMoveFlow *flow)
{
  PvMoveRunPage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_RUN_PAGE, NULL);
  self->flow = g_object_ref (flow);
  pv_export_buttons_connect (GTK_WIDGET (self), &export_owner,
                             pv_move_flow_get_kind (flow) == PV_MOVE_KIND_DIRECT_ROUTING ? "move-direct-routing"
                                                                                         : "move-calling-plan",
                             NULL, self->xml_button, self->ps1_button, self->csv_button);
  g_signal_connect_object (flow, "notify::loading", G_CALLBACK (flow_loading_cb), self, G_CONNECT_SWAPPED);
  pv_page_set_title (PV_PAGE (self), _("Move Status"));
  pv_page_set_can_go_back (PV_PAGE (self), FALSE);
  set_complete (self, NULL);

  return PV_PAGE (self);
}
