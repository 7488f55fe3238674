/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-run-results.h"
#include "pv-run-row.h"
#include "pv-service-error.h"

/* One run of the history on the start page: its flow, when it started,
 * where it stands and its counts. Activating the row opens its results;
 * a stopped run offers Resume beside it, and every run can be discarded.
 * A run that waits for something outside it (a move waiting for the
 * operator) is checked again as soon as it is listed, and on Check
 * Again, reading the service only; the row then says whether it still
 * waits, and for what, or is ready to finish. */

struct _PvRunRow
{
  AdwActionRow      parent_instance;

  const PvFlowInfo *flow;
  PvRunState       *run;
  char             *waiting;     /* what it waits for, as listed */
  PvRunCheck        check;
  GCancellable     *cancellable; /* the check's */

  GtkImage         *status_icon;
  GtkButton        *check_button;
  GtkButton        *resume_button;
  GtkButton        *discard_button;
};

G_DEFINE_FINAL_TYPE (PvRunRow, pv_run_row, ADW_TYPE_ACTION_ROW)

enum {
  RESUME,
  DISCARD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
resume_clicked_cb (PvRunRow *self)
{
  g_signal_emit (self, signals[RESUME], 0);
}

static void
discard_clicked_cb (PvRunRow *self)
{
  g_signal_emit (self, signals[DISCARD], 0);
}

static void
pv_run_row_dispose (GObject *object)
{
  PvRunRow *self = PV_RUN_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_RUN_ROW);
  g_clear_object (&self->run);
  g_clear_pointer (&self->waiting, g_free);

  G_OBJECT_CLASS (pv_run_row_parent_class)->dispose (object);
}

static void
pv_run_row_class_init (PvRunRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_run_row_dispose;

  /* Resume was pressed. */
  signals[RESUME] =
    g_signal_new ("resume", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Discard was pressed; nothing is asked yet. */
  signals[DISCARD] =
    g_signal_new ("discard", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-run-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PvRunRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PvRunRow, check_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunRow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, PvRunRow, discard_button);
}

static void
pv_run_row_init (PvRunRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->check_button, "clicked", G_CALLBACK (pv_run_row_check_again), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resume_button, "clicked", G_CALLBACK (resume_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->discard_button, "clicked", G_CALLBACK (discard_clicked_cb), self, G_CONNECT_SWAPPED);
}

/**
 * pv_run_format_when:
 * @seconds: a time, in seconds since the epoch
 *
 * Returns: (transfer full) (nullable): the local date and time, as the
 *   history says it
 */
char *
pv_run_format_when (gint64 seconds)
{
  g_autoptr(GDateTime) utc = seconds > 0 ? g_date_time_new_from_unix_utc (seconds) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  char *when;

  if (local == NULL)
    return NULL;
  /* Translators: a date and time, as g_date_time_format() writes it. Month
   * names follow LC_TIME, not the language of the interface: a numeric
   * date reads right in any locale. */
  when = g_date_time_format (local, _("%e %B %Y at %H:%M"));
  return when != NULL ? g_strstrip (when) : NULL;
}

/* What every line of the history says of a run: its people done (or
 * already done), skipped, failed and not reached.
 *
 * Returns: (transfer full): when it started, "?" if unknown */
static char *
count_outcomes (PvRunState *run,
                guint      *done,
                guint      *skipped,
                guint      *failed,
                guint      *left)
{
  g_autoptr(PvRunResults) results = pv_run_results_new_for_state (run);
  guint total = pv_run_state_get_n_items (run);
  char *when = pv_run_format_when (pv_run_state_get_started (run));

  *done = pv_run_results_get_count (results, PV_RESULT_STATUS_DONE) +
          pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE);
  *skipped = pv_run_results_get_count (results, PV_RESULT_STATUS_SKIPPED);
  *failed = pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED);
  *left = total > pv_run_state_get_n_finished (run) ? total - pv_run_state_get_n_finished (run) : 0;

  return when != NULL ? when : g_strdup ("?");
}

/**
 * pv_run_format_summary:
 *
 * Returns: (transfer full): where @run stands and its counts, in a line:
 *   the row's subtitle and the results dialog's heading
 */
char *
pv_run_format_summary (PvRunState *run)
{
  guint done, skipped, failed, left;
  g_autofree char *when = count_outcomes (run, &done, &skipped, &failed, &left);

  switch (pv_run_state_get_status (run))
    {
    case PV_RUN_STATUS_FINISHED:
      /* Translators: a run of the history; %1$s is when it started, then
       * how many people ended done (or already done), skipped, failed. */
      return g_strdup_printf (_("%1$s · Finished · Done: %2$u · Skipped: %3$u · Failed: %4$u"),
                              when, done, skipped, failed);
    case PV_RUN_STATUS_WAITING:
      /* Translators: a run of the history that waits for something; %1$s
       * is when it started, %2$s what it waits for, then counts of
       * people. */
      return g_strdup_printf (_("%1$s · Waiting: %2$s · Done: %3$u · Skipped: %4$u · Failed: %5$u"),
                              when, pv_run_state_get_waiting (run), done, skipped, failed);
    case PV_RUN_STATUS_STOPPED:
      /* Translators: a run of the history stopped by the user; %1$s is
       * when it started, then counts of people, the last those it had
       * not reached. */
      return g_strdup_printf (_("%1$s · Stopped · Done: %2$u · Skipped: %3$u · Failed: %4$u · Not reached: %5$u"),
                              when, done, skipped, failed, left);
    case PV_RUN_STATUS_INTERRUPTED:
    default:
      /* Translators: a run of the history that ended without a record of
       * its end (the app was closed or killed); %1$s is when it started,
       * then counts of people, the last those it had not reached. */
      return g_strdup_printf (_("%1$s · Interrupted · Done: %2$u · Skipped: %3$u · Failed: %4$u · Not reached: %5$u"),
                              when, done, skipped, failed, left);
    }
}

static char *
format_interrupted_waiting (PvRunState *run,
                            const char *waiting)
{
  guint done, skipped, failed, left;
  g_autofree char *when = count_outcomes (run, &done, &skipped, &failed, &left);

  /* Translators: a run of the history that was interrupted while people
   * waited for something; %1$s is when it started, %2$s what they wait
   * for, then counts of people, the last those it had not reached. */
  return g_strdup_printf (_("%1$s · Interrupted · Waiting: %2$s · Done: %3$u · Failed: %4$u · Not reached: %5$u"),
                          when, waiting, done, failed, left);
}

static const char *
status_icon_name (PvRunStatus status)
{
  switch (status)
    {
    case PV_RUN_STATUS_FINISHED:
      return "emblem-ok-symbolic";
    case PV_RUN_STATUS_WAITING:
      return "alarm-symbolic";
    case PV_RUN_STATUS_STOPPED:
    case PV_RUN_STATUS_INTERRUPTED:
    default:
      return "media-playback-pause-symbolic";
    }
}

static const char *
status_label (PvRunStatus status)
{
  switch (status)
    {
    case PV_RUN_STATUS_FINISHED:
      return _("Finished");
    case PV_RUN_STATUS_WAITING:
      return _("Waiting");
    case PV_RUN_STATUS_STOPPED:
      return _("Stopped");
    case PV_RUN_STATUS_INTERRUPTED:
    default:
      return _("Interrupted");
    }
}

/**
 * pv_run_row_new:
 * @flow: the flow of @run, which must outlive the row
 *
 * Returns: (transfer floating): a row of the history for @run
 */
GtkWidget *
pv_run_row_new (const PvFlowInfo *flow,
                PvRunState       *run)
{
  PvRunRow *self;
  PvRunStatus status;
  g_autofree char *summary = NULL;
  g_autofree char *resume_label = NULL;
  g_autofree char *discard_label = NULL;

  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (PV_IS_RUN_STATE (run), NULL);

  self = g_object_new (PV_TYPE_RUN_ROW, NULL);
  self->flow = flow;
  self->run = g_object_ref (run);
  status = pv_run_state_get_status (run);

  summary = pv_run_format_summary (run);
  if (status == PV_RUN_STATUS_WAITING)
    self->waiting = g_strdup (pv_run_state_get_waiting (run));
  if (status == PV_RUN_STATUS_INTERRUPTED && flow->dup_waiting != NULL)
    {
      /* A move killed after someone came to wait for the operator: it
       * waits as much as one that ended, and says for what. */
      self->waiting = flow->dup_waiting (run);
      if (self->waiting != NULL)
        {
          g_free (summary);
          summary = format_interrupted_waiting (run, self->waiting);
        }
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(flow->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), summary);
  gtk_image_set_from_icon_name (self->status_icon, status_icon_name (status));
  /* The icon says where the run stands, for those who cannot see it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_label (status), -1);

  gtk_widget_set_visible (GTK_WIDGET (self->resume_button), pv_run_row_get_resumable (self));
  if (status == PV_RUN_STATUS_WAITING)
    {
      g_autofree char *when = pv_run_format_when (pv_run_state_get_started (run));

      /* A run that waits is finished by running again those who wait. */
      gtk_button_set_label (self->resume_button, _("_Finish"));
      /* Translators: %1$s is the name of a task, such as “Move numbers
       * from Calling Plan to Operator Connect”, %2$s when it started. */
      resume_label = g_strdup_printf (_("Finish the waiting run of “%1$s” started %2$s"),
                                      _(flow->title), when != NULL ? when : "?");
    }
  else
    /* Translators: %s is the name of a task, such as “Enable users for a pool”. */
    resume_label = g_strdup_printf (_("Resume the unfinished run of “%s”"), _(flow->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->resume_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  resume_label, -1);
  /* The row has its suffixes labelled by its title, which would have the
   * buttons read as the task's name alone, without what they do. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->resume_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->discard_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  /* Translators: %s is the name of a task, such as “Enable users for a pool”. */
  discard_label = g_strdup_printf (_("Discard the run of “%s”"), _(flow->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->discard_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  discard_label, -1);

  if (self->waiting != NULL && flow->check_waiting_async != NULL && pv_run_row_get_resumable (self))
    {
      g_autofree char *when = pv_run_format_when (pv_run_state_get_started (run));
      g_autofree char *check_label = NULL;

      /* Translators: %1$s is the name of a task, such as “Move numbers
       * from Calling Plan to Operator Connect”, %2$s when it started. */
      check_label = g_strdup_printf (_("Check again the waiting run of “%1$s” started %2$s"),
                                     _(flow->title), when != NULL ? when : "?");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check_label, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->check_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_widget_set_visible (GTK_WIDGET (self->check_button), TRUE);
      pv_run_row_check_again (self);
    }

  return GTK_WIDGET (self);
}

const PvFlowInfo *
pv_run_row_get_flow (PvRunRow *self)
{
  g_return_val_if_fail (PV_IS_RUN_ROW (self), NULL);

  return self->flow;
}

/**
 * pv_run_row_get_run:
 *
 * Returns: (transfer none): what the run's journal says
 */
PvRunState *
pv_run_row_get_run (PvRunRow *self)
{
  g_return_val_if_fail (PV_IS_RUN_ROW (self), NULL);

  return self->run;
}

/* Whether the run stopped before its end with people left, or waits for
 * something its flow can continue it for, and its flow can continue it. */
gboolean
pv_run_row_get_resumable (PvRunRow *self)
{
  PvRunStatus status;

  g_return_val_if_fail (PV_IS_RUN_ROW (self), FALSE);

  status = pv_run_state_get_status (self->run);
  if (self->flow->create_resume_state == NULL || pv_run_state_get_plan (self->run) == NULL)
    return FALSE;
  if (status == PV_RUN_STATUS_WAITING)
    return self->flow->continues_waiting;
  /* A move killed after everyone had an outcome may still have people
   * who wait: continuing it checks them again. */
  if (status == PV_RUN_STATUS_INTERRUPTED && self->flow->continues_waiting)
    return TRUE;
  return (status == PV_RUN_STATUS_STOPPED || status == PV_RUN_STATUS_INTERRUPTED) &&
         pv_run_state_get_n_finished (self->run) < pv_run_state_get_n_items (self->run);
}

/**
 * pv_run_row_get_check:
 *
 * Returns: where the check of the run's waiting stands
 */
PvRunCheck
pv_run_row_get_check (PvRunRow *self)
{
  g_return_val_if_fail (PV_IS_RUN_ROW (self), PV_RUN_CHECK_NONE);

  return self->check;
}

/* The row's line once checked: still waiting, ready, or not checked. */
static char *
format_checked (PvRunRow     *self,
                const char   *still,
                const GError *error)
{
  g_autoptr(PvRunResults) results = pv_run_results_new_for_state (self->run);
  guint done = pv_run_results_get_count (results, PV_RESULT_STATUS_DONE) +
               pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE);
  guint failed = pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED);
  g_autofree char *when = pv_run_format_when (pv_run_state_get_started (self->run));

  if (when == NULL)
    when = g_strdup ("?");
  if (error != NULL)
    /* Translators: a waiting run of the history that could not be checked
     * again; %1$s is when it started, %2$s what it waits for, %3$s why
     * it could not be checked. */
    return g_strdup_printf (_("%1$s · Waiting: %2$s · Not checked again: %3$s"),
                            when, self->waiting, error->message);
  if (still != NULL)
    /* Translators: a run of the history checked again just now; %1$s is
     * when it started, %2$s what it still waits for, then counts of
     * people. */
    return g_strdup_printf (_("%1$s · Still waiting: %2$s · Done: %3$u · Failed: %4$u"),
                            when, still, done, failed);
  /* Translators: a run of the history checked again just now, whose
   * people no longer wait: it can be finished; %1$s is when it started,
   * then counts of people. */
  return g_strdup_printf (_("%1$s · Ready to finish: nobody waits any more · Done: %2$u · Failed: %3$u"),
                          when, done, failed);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PvRunRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *still = NULL;
  g_autofree char *summary = NULL;

  if (!self->flow->check_waiting_finish (result, &still, &error) &&
      (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || pv_service_error_is_cancelled (error)))
    return;
  /* Gone from the history meanwhile. */
  if (self->run == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  self->check = error != NULL ? PV_RUN_CHECK_FAILED : still != NULL ? PV_RUN_CHECK_WAITING : PV_RUN_CHECK_READY;
  summary = format_checked (self, still, error);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), TRUE);
}

/**
 * pv_run_row_check_again:
 *
 * Checks again, reading the service only, whether what the run waits
 * for has come; the row then says so. Cancelled with the row.
 */
void
pv_run_row_check_again (PvRunRow *self)
{
  g_return_if_fail (PV_IS_RUN_ROW (self));

  if (self->waiting == NULL || self->flow->check_waiting_async == NULL || self->check == PV_RUN_CHECK_RUNNING)
    return;

  self->check = PV_RUN_CHECK_RUNNING;
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), FALSE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->flow->check_waiting_async (self->run, self->cancellable, checked_cb, g_object_ref (self));
}
