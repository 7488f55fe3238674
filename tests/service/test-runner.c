/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

#include "pv-run-store.h"
#include "pv-runner.h"
#include "pv-service-error.h"

/* The runner with steps that stand in for a service: they remember what
 * was applied, how many ran at once, and what each item's step answers,
 * so that "nothing applied twice" is counted, not assumed. */

typedef enum
{
  OUTCOME_DONE,
  OUTCOME_FAIL,
  OUTCOME_SKIP,
  OUTCOME_UNKNOWN_ONCE,   /* the answer is lost the first time */
} Outcome;

#define PV_TYPE_FAKE_STEPS (pv_fake_steps_get_type ())
G_DECLARE_FINAL_TYPE (PvFakeSteps, pv_fake_steps, PV, FAKE_STEPS, GObject)

struct _PvFakeSteps
{
  GObject     parent_instance;

  guint       n_steps;
  GHashTable *outcomes;    /* "item/step" → Outcome + 1 */
  GHashTable *applied;     /* "item/step" → count of changes made */
  GHashTable *verified;    /* "item/step" → count of verify-first calls */
  guint       delay_ms;
  guint       running;
  guint       max_running;
};

static void pv_fake_steps_iface_init (PvRunStepsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PvFakeSteps, pv_fake_steps, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PV_TYPE_RUN_STEPS, pv_fake_steps_iface_init))

static guint
count (GHashTable *table,
       const char *item,
       guint       step)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", item, step);

  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
}

static void
bump (GHashTable *table,
      const char *item,
      guint       step)
{
  char *key = g_strdup_printf ("%s/%u", item, step);

  g_hash_table_insert (table, key, GUINT_TO_POINTER (count (table, item, step) + 1));
}

static void
set_outcome (PvFakeSteps *self,
             const char  *item,
             guint        step,
             Outcome      outcome)
{
  g_hash_table_insert (self->outcomes, g_strdup_printf ("%s/%u", item, step), GUINT_TO_POINTER (outcome + 1));
}

static Outcome
get_outcome (PvFakeSteps *self,
             const char  *item,
             guint        step)
{
  guint value = count (self->outcomes, item, step);

  return value == 0 ? OUTCOME_DONE : (Outcome) (value - 1);
}

static guint
pv_fake_steps_get_n_steps (PvRunSteps *steps,
                           const char *item)
{
  return PV_FAKE_STEPS (steps)->n_steps;
}

typedef struct
{
  char     *item;
  guint     step;
  gboolean  verify_first;
} StepCall;

static void
step_call_free (StepCall *call)
{
  g_free (call->item);
  g_free (call);
}

static PvOperationResult *
make_result (const char     *item,
             PvResultStatus  status,
             const char     *message)
{
  PvOperationResult *result = pv_operation_result_new ();

  pv_operation_result_set_item (result, item);
  pv_operation_result_set_status (result, status);
  pv_operation_result_set_message (result, message);
  return result;
}

static gboolean
answer_cb (gpointer user_data)
{
  GTask *task = user_data;
  PvFakeSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  Outcome outcome = get_outcome (self, call->item, call->step);

  self->running--;

  /* Like a real client, a cancelled call makes no change. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED, "Cancelled");
      return G_SOURCE_REMOVE;
    }

  if (call->verify_first)
    {
      bump (self->verified, call->item, call->step);
      /* The check finds the change already made: nothing is sent. */
      if (count (self->applied, call->item, call->step) > 0)
        {
          g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_ALREADY_DONE, "Already done"),
                                 g_object_unref);
          return G_SOURCE_REMOVE;
        }
    }

  switch (outcome)
    {
    case OUTCOME_FAIL:
      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_FAILED, "Refused by the service"),
                             g_object_unref);
      break;
    case OUTCOME_SKIP:
      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_SKIPPED, "Nothing to do"),
                             g_object_unref);
      break;
    case OUTCOME_UNKNOWN_ONCE:
      bump (self->applied, call->item, call->step);
      if (count (self->applied, call->item, call->step) == 1)
        g_task_return_new_error (task, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN, "Connection lost");
      else
        g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_DONE, "Done"), g_object_unref);
      break;
    case OUTCOME_DONE:
    default:
      bump (self->applied, call->item, call->step);
      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_DONE, "Done"), g_object_unref);
      break;
    }

  return G_SOURCE_REMOVE;
}

static void
pv_fake_steps_apply_step_async (PvRunSteps          *steps,
                                const char          *item,
                                guint                step,
                                gboolean             verify_first,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  PvFakeSteps *self = PV_FAKE_STEPS (steps);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  StepCall *call = g_new0 (StepCall, 1);

  g_task_set_check_cancellable (task, FALSE);
  call->item = g_strdup (item);
  call->step = step;
  call->verify_first = verify_first;
  g_task_set_task_data (task, call, (GDestroyNotify) step_call_free);

  self->running++;
  self->max_running = MAX (self->max_running, self->running);
  g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, answer_cb, task, g_object_unref);
}

static PvOperationResult *
pv_fake_steps_apply_step_finish (PvRunSteps    *steps,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
pv_fake_steps_iface_init (PvRunStepsInterface *iface)
{
  iface->get_n_steps = pv_fake_steps_get_n_steps;
  iface->apply_step_async = pv_fake_steps_apply_step_async;
  iface->apply_step_finish = pv_fake_steps_apply_step_finish;
}

static void
pv_fake_steps_finalize (GObject *object)
{
  PvFakeSteps *self = PV_FAKE_STEPS (object);

  g_hash_table_unref (self->outcomes);
  g_hash_table_unref (self->applied);
  g_hash_table_unref (self->verified);

  G_OBJECT_CLASS (pv_fake_steps_parent_class)->finalize (object);
}

static void
pv_fake_steps_class_init (PvFakeStepsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_fake_steps_finalize;
}

static void
pv_fake_steps_init (PvFakeSteps *self)
{
  self->n_steps = 1;
  self->delay_ms = 1;
  self->outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->applied = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->verified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* --- Helpers. --- */

typedef struct
{
  char *dir;
  char *journal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("provisio-runner-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->journal = g_build_filename (fixture->dir, "runs", "run.jsonl", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *runs = g_path_get_dirname (fixture->journal);
  g_autofree char *results = pv_run_store_dup_results_path (runs, "run");

  g_remove (fixture->journal);
  g_remove (results);
  g_rmdir (runs);
  g_rmdir (fixture->dir);
  g_free (fixture->journal);
  g_free (fixture->dir);
}

static GStrv
make_items (guint n)
{
  GStrv items = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    items[i] = g_strdup_printf ("user-%03u", i);
  return items;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
run (PvRunner      *runner,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_runner_run_async (runner, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_runner_run_finish (runner, result, error);
}

static PvRunState *
load_state (const char *path)
{
  g_autoptr(GError) error = NULL;
  PvRunState *state = pv_run_state_load (path, NULL, &error);

  g_assert_no_error (error);
  return state;
}

static PvOperationResult *
result_for (PvRunner   *runner,
            const char *item)
{
  GListModel *results = pv_runner_get_results (runner);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (pv_operation_result_get_item (result), item) == 0)
        return result;
    }

  return NULL;
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

/* --- Tests. --- */

static void
test_every_item_once_within_concurrency (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_auto(GStrv) items = make_items (50);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GError) error = NULL;

  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  pv_runner_set_concurrency (runner, 4);

  g_assert_true (run (runner, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pv_runner_get_n_finished (runner), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (pv_runner_get_results (runner)), ==, 50);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_assert_cmpuint (count (steps->applied, items[i], 0), ==, 1);
      g_assert_cmpint (pv_operation_result_get_status (result_for (runner, items[i])), ==, PV_RESULT_STATUS_DONE);
    }
  /* Bounded, and actually concurrent. */
  g_assert_cmpuint (steps->max_running, ==, 4);

  /* run + started/finished per item + end, all on disk when it returns. */
  g_assert_cmpuint (count_lines (fixture->journal), ==, 1 + 2 * 50 + 1);
}

static void
test_item_stops_at_first_failed_step (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_auto(GStrv) items = make_items (3);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  PvOperationResult *result;

  steps->n_steps = 5;
  set_outcome (steps, "user-001", 2, OUTCOME_FAIL);
  set_outcome (steps, "user-002", 0, OUTCOME_SKIP);

  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  g_assert_true (run (runner, NULL, &error));

  for (guint step = 0; step < 5; step++)
    g_assert_cmpuint (count (steps->applied, "user-000", step), ==, 1);

  /* Steps 0 and 1 made, 2 refused, 3 and 4 never tried. */
  g_assert_cmpuint (count (steps->applied, "user-001", 1), ==, 1);
  g_assert_cmpuint (count (steps->applied, "user-001", 3), ==, 0);
  g_assert_cmpuint (count (steps->applied, "user-001", 4), ==, 0);
  result = result_for (runner, "user-001");
  g_assert_cmpint (pv_operation_result_get_status (result), ==, PV_RESULT_STATUS_FAILED);
  g_assert_cmpstr (pv_operation_result_get_message (result), ==, "Refused by the service");

  /* Skipped means nothing more is done for that person either. */
  g_assert_cmpint (pv_operation_result_get_status (result_for (runner, "user-002")), ==, PV_RESULT_STATUS_SKIPPED);
  g_assert_cmpuint (count (steps->applied, "user-002", 1), ==, 0);
}

static void
test_unknown_outcome_is_checked_not_resent (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_auto(GStrv) items = make_items (2);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GError) error = NULL;

  set_outcome (steps, "user-000", 0, OUTCOME_UNKNOWN_ONCE);
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  g_assert_true (run (runner, NULL, &error));

  /* The change was made once; the second call only checked. */
  g_assert_cmpuint (count (steps->applied, "user-000", 0), ==, 1);
  g_assert_cmpuint (count (steps->verified, "user-000", 0), ==, 1);
  g_assert_cmpint (pv_operation_result_get_status (result_for (runner, "user-000")), ==, PV_RESULT_STATUS_ALREADY_DONE);
  g_assert_cmpuint (count (steps->verified, "user-001", 0), ==, 0);
}

static void
test_resume_after_kill (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  const char *items[] = { "a", "b", "c", "d", NULL };
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->journal);
  /* What a killed run leaves: a finished; b started, its answer lost; c
   * half done (one of two steps); d not started. The last line was cut
   * short by the kill. */
  const char *journal =
    "{\"event\":\"run\",\"run\":\"r-1\",\"flow\":\"test\",\"items\":4,\"time\":1}\n"
    "{\"event\":\"started\",\"item\":\"a\",\"step\":0,\"time\":1}\n"
    "{\"event\":\"finished\",\"step\":0,\"final\":false,\"result\":{\"item\":\"a\",\"status\":\"done\"},\"time\":1}\n"
    "{\"event\":\"started\",\"item\":\"a\",\"step\":1,\"time\":1}\n"
    "{\"event\":\"finished\",\"step\":1,\"final\":true,\"result\":{\"item\":\"a\",\"status\":\"done\",\"message\":\"Enabled earlier\"},\"time\":1}\n"
    "{\"event\":\"started\",\"item\":\"b\",\"step\":0,\"time\":1}\n"
    "{\"event\":\"started\",\"item\":\"c\",\"step\":0,\"time\":1}\n"
    "{\"event\":\"finished\",\"step\":0,\"final\":false,\"result\":{\"item\":\"c\",\"status\":\"done\"},\"time\":1}\n"
    "{\"event\":\"started\",\"item\":\"c\",\"st";

  steps->n_steps = 2;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->journal, journal, -1, NULL));

  state = load_state (fixture->journal);
  g_assert_cmpstr (pv_run_state_get_run_id (state), ==, "r-1");
  g_assert_false (pv_run_state_get_ended (state));
  g_assert_nonnull (pv_run_state_get_final_result (state, "a"));
  g_assert_true (pv_run_state_get_in_flight (state, "b"));
  g_assert_cmpuint (pv_run_state_get_next_step (state, "c"), ==, 1);
  /* Written before plans were recorded (and by steps that have none). */
  g_assert_null (pv_run_state_get_plan (state));
  g_assert_cmpuint (pv_run_state_get_n_items (state), ==, 4);
  g_assert_cmpuint (pv_run_state_get_n_finished (state), ==, 1);
  g_assert_cmpint (pv_run_state_get_started (state), ==, 1);
  g_assert_false (pv_run_state_get_cancelled (state));

  runner = pv_runner_new (PV_RUN_STEPS (steps), items, "test", fixture->journal, state);
  g_assert_cmpstr (pv_runner_get_run_id (runner), ==, "r-1");
  g_assert_true (run (runner, NULL, &error));
  g_assert_no_error (error);

  /* a: not touched, its earlier result reported. */
  g_assert_cmpuint (count (steps->applied, "a", 0) + count (steps->applied, "a", 1), ==, 0);
  g_assert_cmpstr (pv_operation_result_get_message (result_for (runner, "a")), ==, "Enabled earlier");
  /* b: checked before anything was sent, then its second step. */
  g_assert_cmpuint (count (steps->verified, "b", 0), ==, 1);
  g_assert_cmpuint (count (steps->applied, "b", 1), ==, 1);
  /* c: continued at its second step. */
  g_assert_cmpuint (count (steps->applied, "c", 0), ==, 0);
  g_assert_cmpuint (count (steps->applied, "c", 1), ==, 1);
  /* d: from the start, checked first: the killed run may have sent it
   * and lost the line saying so. */
  g_assert_cmpuint (count (steps->verified, "d", 0), ==, 1);
  g_assert_cmpuint (count (steps->applied, "d", 0), ==, 1);
  g_assert_cmpuint (pv_runner_get_n_finished (runner), ==, 4);

  /* The journal now says the run ended. */
  g_clear_object (&state);
  state = load_state (fixture->journal);
  g_assert_true (pv_run_state_get_ended (state));
}

static void
cancel_after_some_cb (PvRunner          *runner,
                      PvOperationResult *result,
                      GCancellable      *cancellable)
{
  if (pv_runner_get_n_finished (runner) == 5)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel_then_resume (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) items = make_items (40);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunner) resumed = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GError) error = NULL;

  steps->delay_ms = 5;
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  pv_runner_set_concurrency (runner, 3);
  g_signal_connect (runner, "item-finished", G_CALLBACK (cancel_after_some_cb), cancellable);

  g_assert_false (run (runner, cancellable, &error));
  g_assert_error (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (pv_runner_get_n_finished (runner), <, 40);

  state = load_state (fixture->journal);
  g_assert_true (pv_run_state_get_ended (state));
  resumed = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                           fixture->journal, state);
  g_assert_true (run (resumed, NULL, &error));
  g_assert_no_error (error);

  /* Everyone ended, and nobody had the change made twice. */
  g_assert_cmpuint (pv_runner_get_n_finished (resumed), ==, 40);
  for (guint i = 0; items[i] != NULL; i++)
    g_assert_cmpuint (count (steps->applied, items[i], 0), ==, 1);

  /* A cancelled run recorded everything up to its end: only the items it
   * had in flight (at most its concurrency) were checked first. */
  {
    guint n_verified = 0;

    for (guint i = 0; items[i] != NULL; i++)
      n_verified += count (steps->verified, items[i], 0);
    g_assert_cmpuint (n_verified, <=, 3);
  }
}

static void
test_damaged_journal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->journal);
  const char *bad[] = {
    "",
    "not json\n{\"event\":\"end\",\"cancelled\":false}\n",
    "{\"event\":\"run\",\"run\":\"r\",\"flow\":\"f\",\"items\":1}\n{\"event\":\"explode\"}\n{\"event\":\"end\",\"cancelled\":false}\n",
    "{\"event\":\"run\",\"run\":\"r\",\"flow\":\"f\",\"items\":1}\n{\"event\":\"started\",\"item\":\"a\",\"step\":-4}\n{\"event\":\"end\"}\n",
    "{\"event\":\"run\",\"run\":\"r\",\"flow\":\"f\",\"items\":1}\n{\"event\":\"run\",\"run\":\"other\",\"flow\":\"f\",\"items\":1}\n",
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvRunState) state = NULL;

      g_assert_true (g_file_set_contents (fixture->journal, bad[i], -1, NULL));
      state = pv_run_state_load (fixture->journal, NULL, &error);
      g_assert_null (state);
      g_assert_error (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT);
    }
}

static void
store_list_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
list_resumable (const char    *dir,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pv_run_store_list_async (dir, PV_RUN_STORE_LIST_RESUMABLE, cancellable, store_list_cb, &result);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_run_store_list_finish (result, error);
}

static void
write_journal (const char *dir,
               const char *name,
               const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* The start page lists again whenever it is shown, cancelling the listing
 * before: a listing cut short must say so rather than hand back the few
 * runs (or none) it had read, which the page would show as the truth. */
static void
test_listing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_path_get_dirname (fixture->journal);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "stopped.jsonl", "finished.jsonl", "no-plan.jsonl", "stopped.jsonl.discarded" };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_journal (dir, names[0],
                 "{\"event\":\"run\",\"run\":\"stopped\",\"flow\":\"test\",\"items\":2,\"time\":5,\"plan\":{}}\n"
                 "{\"event\":\"started\",\"item\":\"a\",\"step\":0,\"time\":5}\n"
                 "{\"event\":\"finished\",\"step\":0,\"final\":true,\"result\":{\"item\":\"a\",\"status\":\"done\"},\"time\":5}\n"
                 "{\"event\":\"end\",\"cancelled\":true,\"time\":6}\n");
  write_journal (dir, names[1],
                 "{\"event\":\"run\",\"run\":\"finished\",\"flow\":\"test\",\"items\":1,\"time\":7,\"plan\":{}}\n"
                 "{\"event\":\"started\",\"item\":\"a\",\"step\":0,\"time\":7}\n"
                 "{\"event\":\"finished\",\"step\":0,\"final\":true,\"result\":{\"item\":\"a\",\"status\":\"done\"},\"time\":7}\n"
                 "{\"event\":\"end\",\"cancelled\":false,\"time\":8}\n");
  write_journal (dir, names[2],
                 "{\"event\":\"run\",\"run\":\"no-plan\",\"flow\":\"test\",\"items\":2,\"time\":9}\n"
                 "{\"event\":\"end\",\"cancelled\":true,\"time\":9}\n");
  write_journal (dir, names[3], "");

  runs = list_resumable (dir, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (runs);
  g_clear_error (&error);

  /* To its end: only the stopped run that recorded its plan. */
  runs = list_resumable (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (runs);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpstr (pv_run_state_get_run_id (g_ptr_array_index (runs, 0)), ==, "stopped");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static void
item_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 gpointer    user_data)
{
  GString *log = user_data;

  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static gboolean
retry (PvRunner      *runner,
       guint         *n_retried,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  *n_retried = pv_runner_retry_failed_async (runner, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pv_runner_retry_failed_finish (runner, result, error);
}

/* Retry Failed is the same run again for those who failed, each from the
 * step that failed: the steps before it took effect and are not sent
 * again; the new outcome takes the failure's place in the results, and
 * the journal read back says the run is finished with it. */
static void
test_retry_from_failed_step (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_auto(GStrv) items = make_items (3);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PvRunResults *results;
  guint position = G_MAXUINT;
  guint n_retried = 0;

  steps->n_steps = 5;
  set_outcome (steps, "user-001", 2, OUTCOME_FAIL);
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  pv_runner_set_concurrency (runner, 1);
  g_assert_true (run (runner, NULL, &error));
  results = pv_runner_get_run_results (runner);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED), ==, 1);
  g_assert_cmpuint (pv_runner_get_next_step (runner, "user-001"), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (G_LIST_MODEL (results), i);

      if (g_strcmp0 (pv_operation_result_get_item (result), "user-001") == 0)
        position = i;
    }
  g_assert_cmpuint (position, <, 3);

  /* The service accepts it now. */
  set_outcome (steps, "user-001", 2, OUTCOME_DONE);
  g_signal_connect (results, "items-changed", G_CALLBACK (item_changed_cb), changes);
  g_assert_true (retry (runner, &n_retried, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_retried, ==, 1);

  for (guint step = 0; step < 5; step++)
    g_assert_cmpuint (count (steps->applied, "user-001", step), ==, 1);
  g_assert_cmpuint (count (steps->applied, "user-000", 0), ==, 1);
  g_assert_cmpuint (pv_runner_get_n_finished (runner), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 3);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED), ==, 0);
  g_assert_cmpuint (pv_run_results_get_count (results, PV_RESULT_STATUS_DONE), ==, 3);
  {
    g_autofree char *expected = g_strdup_printf ("%u-1+1;", position);

    g_assert_cmpstr (changes->str, ==, expected);
  }
  g_signal_handlers_disconnect_by_func (results, item_changed_cb, changes);

  state = load_state (fixture->journal);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_FINISHED);
  g_assert_cmpuint (pv_run_state_get_n_finished (state), ==, 3);
  g_assert_cmpint (pv_operation_result_get_status (pv_run_state_get_final_result (state, "user-001")), ==,
                   PV_RESULT_STATUS_DONE);

  /* Nothing failed: nothing to retry, and nothing is sent. */
  g_assert_true (retry (runner, &n_retried, &error));
  g_assert_cmpuint (n_retried, ==, 0);
  g_assert_cmpuint (count (steps->applied, "user-001", 4), ==, 1);
}

static void
results_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static PvRunResults *
load_results (const char *dir,
              const char *run_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvRunResults *results;

  pv_run_results_load_async (dir, run_id, NULL, results_loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = pv_run_results_load_finish (result, &error);
  g_assert_no_error (error);
  return results;
}

/* The run's facts are in its journal, read back by a process that never
 * saw the run; its results are kept beside it, names and order included;
 * a run whose flow waits for something is not finished. */
static void
test_facts_and_results_kept (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PvFakeSteps) steps = g_object_new (PV_TYPE_FAKE_STEPS, NULL);
  g_auto(GStrv) items = make_items (4);
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(PvRunResults) kept = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->journal);
  g_autoptr(GError) error = NULL;
  PvRunResults *results;
  PvRunInfo *read;

  set_outcome (steps, "user-002", 0, OUTCOME_FAIL);
  pv_run_info_set_pool (info, "pool01.contoso.com");
  pv_run_info_set_service (info, "http://127.0.0.1:1");
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, "test",
                          fixture->journal, NULL);
  pv_runner_set_info (runner, info);
  pv_runner_set_waiting (runner, "The operator’s upload");
  results = pv_runner_get_run_results (runner);
  pv_run_results_set_name (results, "user-001", "Gaëlle Boyer");
  g_assert_cmpstr (pv_runner_get_run_id (runner), ==, "run");
  g_assert_true (run (runner, NULL, &error));

  state = load_state (fixture->journal);
  g_assert_cmpint (pv_run_state_get_status (state), ==, PV_RUN_STATUS_WAITING);
  g_assert_cmpstr (pv_run_state_get_waiting (state), ==, "The operator’s upload");
  g_assert_cmpint (pv_run_state_get_ended_time (state), >=, pv_run_state_get_started (state));
  read = pv_run_state_get_info (state);
  g_assert_nonnull (read);
  g_assert_cmpint (pv_run_info_get_flow (read), ==, PV_FLOW_ENABLE_USERS);
  g_assert_cmpstr (pv_run_info_get_pool (read), ==, "pool01.contoso.com");
  g_assert_cmpstr (pv_run_info_get_service (read), ==, "http://127.0.0.1:1");
  g_assert_cmpstr (pv_run_info_get_ran_by (read), ==, g_get_user_name ());
  g_assert_nonnull (pv_run_info_get_ended (read));
  g_assert_cmpint (g_date_time_to_unix (pv_run_info_get_started (read)), ==, pv_run_state_get_started (state));

  kept = load_results (dir, "run");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kept)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PvOperationResult) a = g_list_model_get_item (G_LIST_MODEL (results), i);
      g_autoptr(PvOperationResult) b = g_list_model_get_item (G_LIST_MODEL (kept), i);

      g_assert_cmpstr (pv_operation_result_get_item (a), ==, pv_operation_result_get_item (b));
      g_assert_cmpint (pv_operation_result_get_status (a), ==, pv_operation_result_get_status (b));
      g_assert_cmpstr (pv_operation_result_get_message (a), ==, pv_operation_result_get_message (b));
    }
  g_assert_cmpuint (pv_run_results_get_count (kept, PV_RESULT_STATUS_FAILED), ==, 1);
  g_assert_cmpstr (pv_run_results_get_name (kept, "user-001"), ==, "Gaëlle Boyer");
  g_assert_cmpstr (pv_run_results_get_name (kept, "user-000"), ==, "user-000");
  g_assert_cmpstr (pv_run_info_get_pool (pv_run_results_get_info (kept)), ==, "pool01.contoso.com");
}

/* A history keeps the last runs or the recent ones, whichever keeps
 * more, and never a run someone still has to act on. */
static void
test_prune (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->journal);
  const gint64 day = 24 * 3600;
  const gint64 now = 1000 * day;
  static const struct { const char *name; gint64 age_days; gboolean finished; gboolean kept; } runs[] = {
    { "new", 1, TRUE, TRUE },
    { "mid", 20, TRUE, TRUE },
    { "old", 40, TRUE, FALSE },
    { "old-stopped", 50, FALSE, TRUE },
    { "older", 60, TRUE, FALSE },
  };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = pv_run_store_dup_journal_path (dir, runs[i].name);
      g_autofree char *results = pv_run_store_dup_results_path (dir, runs[i].name);
      g_autofree char *contents = g_strdup_printf ("{\"event\":\"run\",\"run\":\"%s\",\"flow\":\"test\",\"items\":0,\"time\":1}\n"
                                                   "{\"event\":\"end\",\"cancelled\":%s,\"time\":2}\n",
                                                   runs[i].name, runs[i].finished ? "false" : "true");
      struct utimbuf times = { now - runs[i].age_days * day, now - runs[i].age_days * day };

      g_assert_true (g_file_set_contents (path, contents, -1, NULL));
      g_assert_true (g_file_set_contents (results, "{}", -1, NULL));
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }

  /* The last two whatever their age, and 30 days: "mid" by its age. */
  g_assert_cmpuint (pv_run_store_prune (dir, 2, 30, now, NULL), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *path = pv_run_store_dup_journal_path (dir, runs[i].name);
      g_autofree char *results = pv_run_store_dup_results_path (dir, runs[i].name);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, runs[i].kept);
      g_assert_cmpint (g_file_test (results, G_FILE_TEST_EXISTS), ==, runs[i].kept);
      g_remove (path);
      g_remove (results);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/runner/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("every-item-once-within-concurrency", test_every_item_once_within_concurrency);
  ADD ("item-stops-at-first-failed-step", test_item_stops_at_first_failed_step);
  ADD ("unknown-outcome-is-checked-not-resent", test_unknown_outcome_is_checked_not_resent);
  ADD ("resume-after-kill", test_resume_after_kill);
  ADD ("cancel-then-resume", test_cancel_then_resume);
  ADD ("damaged-journal", test_damaged_journal);
  ADD ("listing", test_listing);
  ADD ("retry-from-failed-step", test_retry_from_failed_step);
  ADD ("facts-and-results-kept", test_facts_and_results_kept);
  ADD ("prune", test_prune);

  return g_test_run ();
}
