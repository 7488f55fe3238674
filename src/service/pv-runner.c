/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pv-runner.h"
#include "pv-service-error.h"

/* A run applies the steps of many items with bounded concurrency, each
 * item's steps in order, stopping an item at its first failed step. Every
 * step is journaled before it is sent and after its outcome is known, so
 * that a run that was cancelled or killed resumes where each item
 * stopped: finished items are never touched again, and a step whose
 * outcome was never recorded is checked against the service before
 * anything is sent (verify-first), never blindly repeated. */

#define DEFAULT_CONCURRENCY 8

struct _PvRunner
{
  GObject       parent_instance;

  PvRunSteps   *steps;
  GPtrArray    *items;         /* char * */
  char         *flow;
  char         *run_id;
  char         *journal_path;
  PvRunState   *resume;
  guint         concurrency;
  guint         n_items;

  GListStore   *results;
  guint         n_finished;

  /* While running. */
  GTask        *task;
  PvRunJournal *journal;
  guint         next_item;
  guint         in_flight;
  gboolean      closing;
};

G_DEFINE_FINAL_TYPE (PvRunner, pv_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONCURRENCY,
  PROP_N_FINISHED,
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
  g_clear_object (&self->results);
  g_clear_object (&self->journal);

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
  properties[PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL, 0, G_MAXUINT, 0,
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
  self->results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
}

/**
 * pv_runner_new:
 * @steps: what to apply
 * @items: (array zero-terminated=1): the items, by id, each once
 * @flow: the flow's name, recorded in the journal
 * @journal_path: where the run is journaled; a journal named ID.jsonl gives
 *   the run the id ID
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
  g_return_val_if_fail (items != NULL && flow != NULL && journal_path != NULL, NULL);
  g_return_val_if_fail (!resume || PV_IS_RUN_STATE (resume), NULL);

  self = g_object_new (PV_TYPE_RUNNER, NULL);
  self->steps = g_object_ref (steps);
  self->items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (self->items, g_strdup (items[i]));
  self->n_items = self->items->len;
  self->flow = g_strdup (flow);
  self->journal_path = g_strdup (journal_path);
  if (resume != NULL)
    {
      self->resume = g_object_ref (resume);
      self->run_id = g_strdup (pv_run_state_get_run_id (resume));
    }
  else
    {
      g_autofree char *name = g_path_get_basename (journal_path);

      /* A run is known by its journal's name, so that a person given the
       * id can find the journal (and resume the run) from it. */
      if (g_str_has_suffix (name, ".jsonl") && strlen (name) > strlen (".jsonl"))
        self->run_id = g_strndup (name, strlen (name) - strlen (".jsonl"));
      else
        self->run_id = g_uuid_string_random ();
    }

  return self;
}

const char *
pv_runner_get_run_id (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return self->run_id;
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
 *   item, in the order they finished
 */
GListModel *
pv_runner_get_results (PvRunner *self)
{
  g_return_val_if_fail (PV_IS_RUNNER (self), NULL);

  return G_LIST_MODEL (self->results);
}

static void
item_finished (PvRunner          *self,
               PvOperationResult *result)
{
  g_list_store_append (self->results, result);
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
journal_closed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvRunner) self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_clear_object (&self->journal);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED,
                               _("The run was cancelled. It can be resumed where it stopped."));
      return;
    }

  /* A journal that could not be written does not undo what the run did:
   * the results are all there; only resuming would be affected. */
  if (!pv_run_journal_close_finish (PV_RUN_JOURNAL (object), result, &error))
    g_warning ("%s", error->message);

  g_task_return_boolean (task, TRUE);
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
                                 g_task_get_cancellable (self->task), step_applied_cb, run);
}

/* Starts items until the concurrency is reached, or ends the run. */
static void
schedule (PvRunner *self)
{
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  while (self->in_flight < self->concurrency &&
         self->next_item < self->items->len &&
         !g_cancellable_is_cancelled (cancellable))
    {
      const char *item = g_ptr_array_index (self->items, self->next_item++);
      ItemRun *run;

      run = g_new0 (ItemRun, 1);
      run->runner = g_object_ref (self);
      run->item = g_strdup (item);
      run->n_steps = pv_run_steps_get_n_steps (self->steps, item);
      if (self->resume != NULL)
        {
          run->step = pv_run_state_get_next_step (self->resume, item);
          /* A run that reached its end (it was cancelled) recorded every
           * line, so only its items in flight may have taken effect. A
           * killed run may have lost its last lines, "started" ones
           * included: any of its unfinished items may have been sent, and
           * each is checked before anything is sent again. */
          run->verify_first = pv_run_state_get_in_flight (self->resume, item) ||
                              !pv_run_state_get_ended (self->resume);
        }

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
      (self->next_item >= self->items->len || g_cancellable_is_cancelled (cancellable)) &&
      self->task != NULL && !self->closing)
    {
      self->closing = TRUE;
      pv_run_journal_end (self->journal, g_cancellable_is_cancelled (cancellable));
      pv_run_journal_close_async (self->journal, NULL, journal_closed_cb, g_object_ref (self));
    }
}

/**
 * pv_runner_run_async:
 *
 * Runs (or resumes) the run. Progress is reported through
 * #PvRunner::item-finished and #PvRunner:n-finished. Cancelling stops
 * starting items and lets those in flight end; the run can then be
 * resumed from its journal.
 */
void
pv_runner_run_async (PvRunner            *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (PV_IS_RUNNER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, pv_runner_run_async);
  g_task_set_check_cancellable (self->task, FALSE);

  self->journal = pv_run_journal_new (self->journal_path, self->resume != NULL);
  /* The plan is recorded by the run that starts the journal; a resumed
   * run is the same run, and the journal has it already. */
  if (self->resume == NULL)
    {
      g_autoptr(JsonNode) plan = pv_run_steps_dup_plan (self->steps);

      pv_run_journal_begin (self->journal, self->run_id, self->flow, self->n_items, plan);
    }
  else
    {
      pv_run_journal_begin (self->journal, self->run_id, self->flow, self->n_items, NULL);
    }

  /* Items the earlier run finished are reported, not run. */
  if (self->resume != NULL)
    {
      pending = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < self->items->len; i++)
        {
          const char *item = g_ptr_array_index (self->items, i);
          PvOperationResult *result = pv_run_state_get_final_result (self->resume, item);

          if (result != NULL)
            item_finished (self, result);
          else
            g_ptr_array_add (pending, g_strdup (item));
        }
      g_ptr_array_unref (self->items);
      self->items = g_steal_pointer (&pending);
    }

  schedule (self);
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
