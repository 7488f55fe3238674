/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-application.h"
#include "pv-move-history.h"
#include "pv-move-steps.h"

/* What the start page's history asks of a move run: who waits in it,
 * from its journal alone (a killed run says it as well as one that ended
 * waiting), and whether the operator has done its part since. */

/**
 * pv_move_history_dup_waiting:
 *
 * Returns: (transfer full) (nullable): who waits in @run, a move read
 *   back from its journal, and for what; %NULL when nobody does
 */
char *
pv_move_history_dup_waiting (PvRunState *run)
{
  g_autoptr(PvMoveSteps) steps = NULL;

  if (pv_run_state_get_plan (run) == NULL)
    return NULL;
  steps = pv_move_steps_new_from_plan (NULL, pv_run_state_get_plan (run), NULL);
  return steps != NULL ? pv_run_steps_dup_state_waiting (PV_RUN_STEPS (steps), run) : NULL;
}

static void
run_checked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *still = NULL;

  if (!pv_move_steps_check_waiting_finish (result, &still, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, still, g_free);
}

static void
check_client_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  PvRunState *run;

  client = pv_application_get_client_finish (PV_APPLICATION (object), result, &error);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  run = g_task_get_task_data (task);
  cancellable = g_task_get_cancellable (task);
  pv_move_steps_check_waiting_async (client, run, cancellable, run_checked_cb, g_steal_pointer (&task));
}

/**
 * pv_move_history_check_async:
 * @run: a move that waits, read back from its journal
 *
 * The history's check of a waiting move: whether the operator has done
 * its part for those who wait, the tenant read through the application's
 * service, nothing changed (pv_move_steps_check_waiting_async()).
 */
void
pv_move_history_check_async (PvRunState          *run,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  GApplication *application = g_application_get_default ();

  g_return_if_fail (PV_IS_RUN_STATE (run));
  g_return_if_fail (PV_IS_APPLICATION (application));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_move_history_check_async);
  g_task_set_task_data (task, g_object_ref (run), g_object_unref);
  pv_application_get_client_async (PV_APPLICATION (application), cancellable, check_client_cb, task);
}

/**
 * pv_move_history_check_finish:
 * @still_waiting: (out) (transfer full) (nullable): what the move still
 *   waits for, or %NULL when it is ready to finish
 *
 * Returns: whether the check was made
 */
gboolean
pv_move_history_check_finish (GAsyncResult  *result,
                              char         **still_waiting,
                              GError       **error)
{
  g_autoptr(GError) local = NULL;
  char *still;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_move_history_check_async), FALSE);

  still = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *still_waiting = still;
  return TRUE;
}
