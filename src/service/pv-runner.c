/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pv-run-store.h"
#include "pv-runner.h"
#include "pv-service-error.h"

/* A run applies the steps of many items with bounded concurrency, each
 * item's steps in order, stopping an item at its first failed step. Every
 * step is journaled before it is sent and after its outcome is known, so
 * that a run that was cancelled or killed resumes where each item
 * stopped: finished items are never touched again, and a step whose
 * outcome was never recorded is checked against the service before
 * anything is sent (verify-first), never blindly repeated.
 *
 * The run is the one owner of its results (a #PvRunResults, one outcome a
 * person) and of its facts (a #PvRunInfo recorded in the journal). Retry
 * Failed is the same run again for the items that failed, each from the
 * step that failed, appended to the same journal; when a pass ends, the
 * results are kept beside the journal for the history. */

#define DEFAULT_CONCURRENCY 8

struct _PvRunner
{
  GObject       parent_instance;

  PvRunSteps   *steps;
  GPtrArray    *items;         /* char *, every item of the run */
  char         *flow;
  char         *run_id;
  char         *journal_path;
  PvRunState   *resume;
  PvRunInfo    *info;
  char         *waiting;
  guint         concurrency;
  guint         n_items;

  PvRunResults *results;
  guint         n_finished;
  GHashTable   *next_steps;    /* item → first step not known done */
  gboolean      begun;         /* the journal has the run's first line */

  /* While a pass runs. */
  GTask        *task;
  GCancellable *cancellable;   /* the pass's own, cancelled by stop or by the caller's */
  GCancellable *caller_cancellable;
  gulong        cancel_id;
  PvRunJournal *journal;
  GPtrArray    *pending;       /* char *, the items of the pass */
  gboolean      resuming;      /* the pass continues a journal read back */
  guint         next_item;
  guint         in_flight;
  gboolean      closing;
};

G_DEFINE_FINAL_TYPE (PvRunner, pv_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONCURRENCY,
  PROP_N_FINISHED,
  PROP_RUNNING,
  N_PROPS
};

enum {
  ITEM_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
pv_runner_finalize (GObject *object)
{
  PvRunner *self = PV_RUNNER (object);

  g_clear_object (&self->steps);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->flow, g_free);
  g_clear_pointer (&self->run_id, g_free);
  g_clear_pointer (&self->journal_path, g_free);
  g_clear_object (&self->resume);
  g_clear_object (&self->info);
  g_clear_pointer (&self->waiting, g_free);
  g_clear_object (&self->results);
  g_clear_pointer (&self->next_steps, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (pv_runner_parent_class)->finalize (object);
}

static void
pv_runner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PvRunner *self = PV_RUNNER (object);

  switch (prop_id)
    {
    case PROP_CONCURRENCY:
      g_value_set_uint (value, self->concurrency);
      break;
    case PROP_N_FINISHED:
      g_value_set_uint (value, self->n_finished);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_runner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PvRunner *self = PV_RUNNER (object);

  switch (prop_id)
    {
    case PROP_CONCURRENCY:
      pv_runner_set_concurrency (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_runner_class_init (PvRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_runner_finalize;
  object_class->get_property = pv_runner_get_property;
  object_class->set_property = pv_runner_set_property;

  properties[PROP_CONCURRENCY] =
    g_param_spec_uint ("concurrency", NULL, NULL, 1, 256, DEFAULT_CONCURRENCY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Items with a final outcome; a retry takes its items out until they
   * have a new one. */
  properties[PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether a pass (the run, its resumption or a retry) is under way. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvRunner::item-finished:
   * @result: the item's final outcome
   *
   * An item reached a definite state. Emitted also, at the start of a
   * resumed run, for the items the earlier run had finished.
   */
  signals[ITEM_FINISHED] =
    g_signal_new ("item-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PV_TYPE_OPERATION_RESULT);
}

static void
pv_runner_init (PvRunner *self)
{
  self->concurrency = DEFAULT_CONCURRENCY;
  self->results = pv_run_results_new ();
  self->next_steps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pv_runner_new:
 * @steps: what to apply
 * @items: (array zero-terminated=1): the items, by id, each once
 * @flow: the flow's name, recorded in the journal
 * @journal_path: (nullable): where the run is journaled, or %NULL for a
 *   new run in the user's runs folder (pv_run_store_dup_dir()); a journal
 *   named ID.jsonl gives the run the id ID
 * @resume: (nullable): the state of an earlier run of the same items, read
 *   from @journal_path, to continue it
 */
PvRunner *
pv_runner_new (PvRunSteps        *steps,
               const char *const *items,
               const char        *flow,
               const char        *journal_path,
               PvRunState        *resume)
{
  PvRunner *self;

  g_return_val_if_fail (PV_IS_RUN_STEPS (steps), NULL);
  g_return_val_if_fail (items != NULL && flow != NULL, NULL);
  g_return_val_if_fail (journal_path != NULL || resume == NULL, NULL);
  g_return_val_if_fail (!resume || PV_IS_RUN_STATE (resume), NULL);

  self = g_object_new (PV_TYPE_RUNNER, NULL);
  self->steps = g_object_ref (steps);
  self->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (self->items, g_strdup (items[i]));
  self->n_items = self->items->len;
  self->flow = g_strdup (flow);

  if (journal_path == NULL)
    {
      self->run_id = pv_run_store_new_run_id ();
      self->journal_path = pv_run_store_dup_journal_path (NULL, self->run_id);
    }
  else
    {
      self->journal_path = g_strdup (journal_path);
      /* A run is known by its journal's name, so that a person given the
       * id can find the journal (and resume the run) from it. */
      self->run_id = resume != NULL ? g_strdup (pv_run_state_get_run_id (resume))
                                    : pv_run_store_dup_run_id (journal_path);
      if (self->run_id == NULL)
        self->run_id = pv_run_store_new_run_id ();
    }

  if (resume != NULL)
    {
      self->resume = g_object_ref (resume);
      self->begun = TRUE;
      for (guint i = 0; items[i] != NULL; i++)
        g_hash_table_insert (self->next_steps, g_strdup (items[i]),
                             GUINT_TO_POINTER (pv_run_state_get_next_step (resume, items[i])));
      if (pv_run_state_get_info (resume) != NULL)
        pv_runner_set_info (self, pv_run_state_get_info (resume));
    }

  return self;
}

const char *
pv_runner_get_run_id (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->run_id;
}

/* The flow's name, as the journal records it. */
const char *
pv_runner_get_flow (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->flow;
}

const char *
pv_runner_get_journal_path (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->journal_path;
}

/**
 * pv_runner_get_info:
 *
 * Returns: (transfer none) (nullable): the run's facts: its flow and
 *   settings, service, who ran it, when it started and last ended
 */
PvRunInfo *
pv_runner_get_info (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->info;
}

/**
 * pv_runner_set_info:
 *
 * Gives the run its facts, recorded in its journal when it starts (so
 * set them before) and kept with its results. The run fills in when it
 * started and ended, and who ran it when @info does not say.
 */
void
pv_runner_set_info (PvRunner  *self,
                    PvRunInfo *info)
{
  g_return_if_fail (PV_IS_RUNNER (self));
  g_return_if_fail (!info || PV_IS_RUN_INFO (info));

  /* A copy: the run's facts are its own, whatever the flow does next. */
  g_clear_object (&self->info);
  self->info = info != NULL ? pv_run_info_copy (info) : NULL;
  pv_run_results_set_info (self->results, self->info);
}

/**
 * pv_runner_get_waiting:
 *
 * Returns: (nullable): what the run waits for once its steps are done
 */
const char *
pv_runner_get_waiting (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->waiting;
}

/**
 * pv_runner_set_waiting:
 * @waiting: (nullable): what the run still waits for when its pass ends
 *   (an operator's upload, a port order), in words, or %NULL
 *
 * A run that waits is not finished: its end records @waiting, and the
 * history shows it as waiting rather than finished (pv_run_state_get_status()).
 * Steps that say who waits (#PvRunStepsInterface.dup_waiting) replace it
 * at the end of each pass with what they say, from each item's outcome.
 */
void
pv_runner_set_waiting (PvRunner   *self,
                       const char *waiting)
{
  g_return_if_fail (PV_IS_RUNNER (self));

  g_free (self->waiting);
  self->waiting = g_strdup (waiting);
}

gboolean
pv_runner_get_running (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), FALSE);

  return self->task != NULL;
}

guint
pv_runner_get_concurrency (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), 0);

  return self->concurrency;
}

void
pv_runner_set_concurrency (PvRunner *self,
                           guint     concurrency)
{
  g_return_if_fail (PV_IS_RUNNER (self));
  g_return_if_fail (concurrency >= 1);

  if (self->concurrency == concurrency)
    return;

  self->concurrency = concurrency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCURRENCY]);
}

guint
pv_runner_get_n_items (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), 0);

  return self->n_items;
}

guint
pv_runner_get_n_finished (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), 0);

  return self->n_finished;
}

/**
 * pv_runner_get_results:
 *
 * Returns: (transfer none): the final #PvOperationResult of each finished
 *   item, in the order they first finished; the #PvRunResults of
 *   pv_runner_get_run_results()
 */
GListModel *
pv_runner_get_results (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * pv_runner_get_run_results:
 *
 * Returns: (transfer none): the run's results, with their counts
 */
PvRunResults *
pv_runner_get_run_results (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->results;
}

/**
 * pv_runner_get_next_step:
 *
 * Returns: the first step of @item not known to have taken effect: where
 *   a retry of @item starts
 */
guint
pv_runner_get_next_step (PvRunner   *self,
                         const char *item)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), 0);
  g_return_val_if_fail (item != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->next_steps, item));
}

static void
set_n_finished (PvRunner *self,
                guint     n_finished)
{
  if (self->n_finished == n_finished)
    return;
  self->n_finished = n_finished;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
}

static void
item_finished (PvRunner          *self,
               PvOperationResult *result)
{
  pv_run_results_set (self->results, result);
  self->n_finished++;
  g_signal_emit (self, signals[ITEM_FINISHED], 0, result);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);
}

/* --- Running. --- */

typedef struct
{
  PvRunner *runner;
  char     *item;
  guint     step;
  guint     n_steps;
  gboolean  verify_first;
} ItemRun;

static void
item_run_free (ItemRun *run)
{
  g_clear_object (&run->runner);
  g_clear_pointer (&run->item, g_free);
  g_free (run);
}

static void schedule (PvRunner *self);
static void apply_step (ItemRun *run);

static void
end_pass (PvRunner *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  if (self->cancel_id != 0)
    g_cancellable_disconnect (self->caller_cancellable, self->cancel_id);
  self->cancel_id = 0;
  g_clear_object (&self->caller_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->closing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (cancelled)
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED,
                               _("The run was cancelled. It can be resumed where it stopped."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
results_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PvRunner) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Like the journal: the history would miss the names, not the run its
   * results. */
  if (!pv_run_results_save_finish (PV_RUN_RESULTS (object), result, &error))
    g_warning ("%s", error->message);

  end_pass (self);
}

static void
journal_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvRunner) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->journal_path);
  g_autofree char *run_id = pv_run_store_dup_run_id (self->journal_path);

  g_clear_object (&self->journal);

  /* A journal that could not be written does not undo what the run did:
   * the results are all there; only resuming would be affected. */
  if (!pv_run_journal_close_finish (PV_RUN_JOURNAL (object), result, &error))
    g_warning ("%s", error->message);

  /* Kept after the journal, so that results newer than their journal are
   * the whole story (a later pass that was killed leaves the journal the
   * newer of the two). */
  if (run_id != NULL)
    {
      g_autofree char *path = pv_run_store_dup_results_path (dir, run_id);

      pv_run_results_save_async (self->results, path, NULL, results_saved_cb, g_object_ref (self));
      return;
    }

  end_pass (self);
}

static void
item_done (ItemRun *run)
{
  PvRunner *self = g_object_ref (run->runner);

  self->in_flight--;
  item_run_free (run);
  schedule (self);
  g_object_unref (self);
}

static PvOperationResult *
failed_result (const char   *item,
               const GError *error)
{
  PvOperationResult *result = pv_operation_result_new ();

  pv_operation_result_set_item (result, item);
  pv_operation_result_set_status (result, PV_RESULT_STATUS_FAILED);
  pv_operation_result_set_message (result, error->message);

  return result;
}

static void
step_applied_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  ItemRun *run = user_data;
  PvRunner *self = run->runner;
  g_autoptr(PvOperationResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvResultStatus status;
  gboolean final;

  result = pv_run_steps_apply_step_finish (PV_RUN_STEPS (object), async_result, &error);

  if (result == NULL)
    {
      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Left as started: resuming checks it before anything else. */
          item_done (run);
          return;
        }

      if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN) &&
          !run->verify_first)
        {
          run->verify_first = TRUE;
          apply_step (run);
          return;
        }

      result = failed_result (run->item, error);
    }

  /* A step must speak for its own item. */
  if (g_strcmp0 (pv_operation_result_get_item (result), run->item) != 0)
    pv_operation_result_set_item (result, run->item);

  status = pv_operation_result_get_status (result);
  final = status == PV_RESULT_STATUS_FAILED || status == PV_RESULT_STATUS_SKIPPED ||
          run->step + 1 >= run->n_steps;
  if (status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE)
    g_hash_table_insert (self->next_steps, g_strdup (run->item), GUINT_TO_POINTER (run->step + 1));

  if (self->journal != NULL)
    pv_run_journal_step_finished (self->journal, run->step, result, final);

  if (final)
    {
      item_finished (self, result);
      item_done (run);
      return;
    }

  run->step++;
  run->verify_first = FALSE;
  apply_step (run);
}

static void
apply_step (ItemRun *run)
{
  PvRunner *self = run->runner;

  pv_run_journal_step_started (self->journal, run->item, run->step);
  pv_run_steps_apply_step_async (self->steps, run->item, run->step, run->verify_first,
                                 self->cancellable, step_applied_cb, run);
}

/* What the run waits for as its pass ends, from each item's final
 * outcome (those of an earlier pass or process included), when the steps
 * can say: a run that waits is not finished, whoever ran it. */
static void
update_waiting (PvRunner *self)
{
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *results = G_LIST_MODEL (self->results);
  PvRunStepsInterface *iface = PV_RUN_STEPS_GET_IFACE (self->steps);

  if (iface->dup_waiting == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);
      guint step;

      if (!pv_run_steps_get_item_waits (self->steps, result))
        continue;
      step = pv_runner_get_next_step (self, pv_operation_result_get_item (result));
      g_ptr_array_add (waiting, g_steal_pointer (&result));
      g_array_append_val (steps, step);
    }

  g_free (self->waiting);
  self->waiting = pv_run_steps_dup_waiting (self->steps, waiting, (const guint *) steps->data);
}

/* Starts items until the concurrency is reached, or ends the pass. */
static void
schedule (PvRunner *self)
{
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  while (self->in_flight < self->concurrency &&
         self->next_item < self->pending->len &&
         !cancelled)
    {
      const char *item = g_ptr_array_index (self->pending, self->next_item++);
      ItemRun *run;

      run = g_new0 (ItemRun, 1);
      run->runner = g_object_ref (self);
      run->item = g_strdup (item);
      run->n_steps = pv_run_steps_get_n_steps (self->steps, item);
      run->step = pv_runner_get_next_step (self, item);
      if (self->resuming)
        /* A run that reached its end (it was cancelled) recorded every
         * line, so only its items in flight may have taken effect. A
         * killed run may have lost its last lines, "started" ones
         * included: any of its unfinished items may have been sent, and
         * each is checked before anything is sent again. */
        run->verify_first = pv_run_state_get_in_flight (self->resume, item) ||
                            !pv_run_state_get_ended (self->resume);

      if (run->n_steps == 0 || run->step >= run->n_steps)
        {
          /* Nothing left to do: the earlier run did every step but its
           * end was not recorded. */
          g_autoptr(PvOperationResult) result = pv_operation_result_new ();

          pv_operation_result_set_item (result, item);
          pv_operation_result_set_status (result, PV_RESULT_STATUS_ALREADY_DONE);
          item_finished (self, result);
          item_run_free (run);
          continue;
        }

      self->in_flight++;
      apply_step (run);
    }

  if (self->in_flight == 0 &&
      (self->next_item >= self->pending->len || cancelled) &&
      self->task != NULL && !self->closing)
    {
      GDateTime *ended = NULL;

      self->closing = TRUE;
      if (self->info != NULL)
        {
          ended = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
          pv_run_info_set_ended (self->info, ended);
          g_date_time_unref (ended);
        }
      if (!cancelled)
        update_waiting (self);
      pv_run_journal_end (self->journal, cancelled, cancelled ? NULL : self->waiting);
      pv_run_journal_close_async (self->journal, NULL, journal_closed_cb, g_object_ref (self));
    }
}

static void
chain_cancel_cb (GCancellable *caller,
                 GCancellable *own)
{
  g_cancellable_cancel (own);
}

/* Starts a pass over @pending, journaled in the run's journal. */
static void
start_pass (PvRunner     *self,
            GTask        *task,
            GPtrArray    *pending,
            GCancellable *cancellable)
{
  self->task = task;
  self->pending = pending;
  self->next_item = 0;
  self->closing = FALSE;
  self->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (chain_cancel_cb),
                                               g_object_ref (self->cancellable), g_object_unref);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  self->journal = pv_run_journal_new (self->journal_path, self->begun);
  if (self->info != NULL)
    pv_run_info_set_ended (self->info, NULL);
  /* The plan and facts are recorded by the pass that starts the journal;
   * a later pass is the same run, and the journal has them already. */
  if (!self->begun)
    {
      g_autoptr(JsonNode) plan = pv_run_steps_dup_plan (self->steps);

      if (self->info != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);

          pv_run_info_set_started (self->info, now);
          if (pv_run_info_get_ran_by (self->info) == NULL)
            pv_run_info_set_ran_by (self->info, g_get_user_name ());
        }
      pv_run_journal_begin (self->journal, self->run_id, self->flow, self->n_items, plan, self->info);
      self->begun = TRUE;
    }
  else
    {
      pv_run_journal_begin (self->journal, self->run_id, self->flow, self->n_items, NULL, NULL);
    }

  schedule (self);
}

/**
 * pv_runner_run_async:
 *
 * Runs (or resumes) the run. Progress is reported through
 * #PvRunner::item-finished and #PvRunner:n-finished. Cancelling (or
 * pv_runner_stop()) stops starting items and lets those in flight end;
 * the run can then be resumed from its journal.
 */
void
pv_runner_run_async (PvRunner            *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GPtrArray *pending;
  GTask *task;

  g_return_if_fail (PV_IS_RUNNER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_runner_run_async);
  g_task_set_check_cancellable (task, FALSE);

  pending = g_ptr_array_new_with_free_func (g_free);
  self->resuming = self->resume != NULL;
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *item = g_ptr_array_index (self->items, i);
      PvOperationResult *result = self->resume != NULL ? pv_run_state_get_final_result (self->resume, item) : NULL;

      /* Items the earlier run finished are reported, not run; those that
       * wait for something outside it are run again from where they
       * stopped, which is what continuing such a run is for. */
      if (result != NULL && !pv_run_steps_get_item_waits (self->steps, result))
        item_finished (self, result);
      else
        g_ptr_array_add (pending, g_strdup (item));
    }

  start_pass (self, task, pending, cancellable);
}

gboolean
pv_runner_run_finish (PvRunner      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_runner_run_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pv_runner_stop:
 *
 * Stops the pass under way, as cancelling its #GCancellable does: no item
 * is started any more, those in flight end, and the run can be resumed.
 */
void
pv_runner_stop (PvRunner *self)
{
  g_return_if_fail (PV_IS_RUNNER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * pv_runner_retry_failed_async:
 *
 * Runs again the items whose outcome is "failed", each from the step
 * that failed (the steps before it took effect and are not sent again),
 * as a new pass of the same run, in the same journal. Their new outcomes
 * replace the old ones in the results, in place, as they arrive.
 *
 * Returns: how many items are tried again; with none, the pass ends at
 *   once
 */
/* A new pass over the items that failed and, with @waiting, those that
 * wait, each from the step where it stopped. */
static guint
start_again (PvRunner     *self,
             gboolean      waiting,
             GTask        *task,
             GCancellable *cancellable)
{
  GListModel *results = G_LIST_MODEL (self->results);
  GPtrArray *pending;
  guint n;

  pending = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (pv_operation_result_get_status (result) == PV_RESULT_STATUS_FAILED ||
          (waiting && pv_run_steps_get_item_waits (self->steps, result)))
        g_ptr_array_add (pending, g_strdup (pv_operation_result_get_item (result)));
    }
  n = pending->len;

  /* The failures were answers, not silences: nothing to check first. */
  self->resuming = FALSE;
  set_n_finished (self, self->n_finished - MIN (n, self->n_finished));
  start_pass (self, task, pending, cancellable);

  return n;
}

guint
pv_runner_retry_failed_async (PvRunner            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_val_if_fail (PV_IS_RUNNER (self), 0);
  g_return_val_if_fail (self->task == NULL, 0);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_runner_retry_failed_async);
  g_task_set_check_cancellable (task, FALSE);

  return start_again (self, FALSE, task, cancellable);
}

/**
 * pv_runner_run_unfinished_async:
 *
 * As pv_runner_retry_failed_async(), for the items that failed and those
 * that wait for something outside the run (pv_run_steps_get_item_waits()),
 * each from the step where it stopped: what to do once the cause is dealt
 * with, or the operator has done its part. The same run goes on, so that
 * it ends finished once nobody waits any more.
 *
 * Returns: how many items are run again
 */
guint
pv_runner_run_unfinished_async (PvRunner            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_val_if_fail (PV_IS_RUNNER (self), 0);
  g_return_val_if_fail (self->task == NULL, 0);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_runner_run_unfinished_async);
  g_task_set_check_cancellable (task, FALSE);

  return start_again (self, TRUE, task, cancellable);
}

gboolean
pv_runner_run_unfinished_finish (PvRunner      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_runner_run_unfinished_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pv_runner_retry_failed_finish (PvRunner      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_runner_retry_failed_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
