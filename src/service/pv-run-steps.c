/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-run-steps.h"
#include "pv-service-error.h"

G_DEFINE_INTERFACE (PvRunSteps, pv_run_steps, G_TYPE_OBJECT)

static void
pv_run_steps_default_init (PvRunStepsInterface *iface)
{
}

guint
pv_run_steps_get_n_steps (PvRunSteps *self,
                          const char *item)
{
  g_return_val_if_fail (PV_IS_RUN_STEPS (self), 0);

  return PV_RUN_STEPS_GET_IFACE (self)->get_n_steps (self, item);
}

void
pv_run_steps_apply_step_async (PvRunSteps          *self,
                               const char          *item,
                               guint                step,
                               gboolean             verify_first,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (PV_IS_RUN_STEPS (self));
  g_return_if_fail (item != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  PV_RUN_STEPS_GET_IFACE (self)->apply_step_async (self, item, step, verify_first,
                                                   cancellable, callback, user_data);
}

PvOperationResult *
pv_run_steps_apply_step_finish (PvRunSteps    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (PV_IS_RUN_STEPS (self), NULL);

  return PV_RUN_STEPS_GET_IFACE (self)->apply_step_finish (self, result, error);
}

/**
 * pv_run_steps_dup_plan:
 *
 * Returns: (transfer full) (nullable): what the journal records to build
 *   the same steps again, or %NULL when the steps do not say
 */
JsonNode *
pv_run_steps_dup_plan (PvRunSteps *self)
{
  PvRunStepsInterface *iface;

  g_return_val_if_fail (PV_IS_RUN_STEPS (self), NULL);

  iface = PV_RUN_STEPS_GET_IFACE (self);
  return iface->dup_plan != NULL ? iface->dup_plan (self) : NULL;
}

/**
 * pv_run_steps_get_item_waits:
 * @result: an item's final outcome
 *
 * Returns: whether the item waits for something outside the run, to be
 *   run again from the step it stopped at; %FALSE for steps that never
 *   wait
 */
gboolean
pv_run_steps_get_item_waits (PvRunSteps        *self,
                             PvOperationResult *result)
{
  PvRunStepsInterface *iface;

  g_return_val_if_fail (PV_IS_RUN_STEPS (self), FALSE);
  g_return_val_if_fail (PV_IS_OPERATION_RESULT (result), FALSE);

  iface = PV_RUN_STEPS_GET_IFACE (self);
  return iface->get_item_waits != NULL && iface->get_item_waits (self, result);
}

/**
 * pv_run_steps_dup_waiting:
 * @results: (element-type PvOperationResult): the final outcomes of the
 *   items that wait (pv_run_steps_get_item_waits())
 * @steps: (array): for each of @results, the step its item stopped at
 *
 * Returns: (transfer full) (nullable): what the run waits for, naming
 *   who waits and for what, translated; %NULL when the steps do not say
 *   or nobody waits
 */
char *
pv_run_steps_dup_waiting (PvRunSteps  *self,
                          GPtrArray   *results,
                          const guint *steps)
{
  PvRunStepsInterface *iface;

  g_return_val_if_fail (PV_IS_RUN_STEPS (self), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  iface = PV_RUN_STEPS_GET_IFACE (self);
  if (iface->dup_waiting == NULL || results->len == 0)
    return NULL;
  return iface->dup_waiting (self, results, steps);
}

/**
 * pv_run_steps_dup_state_waiting:
 * @state: a run of these steps, read back from its journal
 *
 * What pv_run_steps_dup_waiting() says of the run as its journal left
 * it, whether it ended or was killed: the journal records each item's
 * final outcome and the steps that took effect, so who waits, and at
 * which step, is known without the process that ran it.
 *
 * Returns: (transfer full) (nullable): what the run waits for, or %NULL
 */
char *
pv_run_steps_dup_state_waiting (PvRunSteps *self,
                                PvRunState *state)
{
  g_autoptr(GPtrArray) finals = NULL;
  g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (PV_IS_RUN_STEPS (self), NULL);
  g_return_val_if_fail (PV_IS_RUN_STATE (state), NULL);

  finals = pv_run_state_dup_final_results (state);
  for (guint i = 0; i < finals->len; i++)
    {
      PvOperationResult *result = g_ptr_array_index (finals, i);
      guint step;

      if (!pv_run_steps_get_item_waits (self, result))
        continue;
      step = pv_run_state_get_next_step (state, pv_operation_result_get_item (result));
      g_ptr_array_add (waiting, result);
      g_array_append_val (steps, step);
    }

  return pv_run_steps_dup_waiting (self, waiting, (const guint *) steps->data);
}

/**
 * pv_run_steps_dup_user_path:
 * @item: a person's user id
 * @action: the action on them, as the service names it ("enable")
 *
 * Returns: (transfer full): the path of @action on @item in the service's
 *   own API (docs/api.md)
 */
char *
pv_run_steps_dup_user_path (const char *item,
                            const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (item, NULL, FALSE);

  return g_strdup_printf ("/provisio/v1/users/%s/%s", escaped, action);
}

/**
 * pv_run_steps_error_is_undecided:
 *
 * Returns: whether a step whose call failed with @error has no outcome of
 *   its own: cancelled, or the change may or may not have been made. The
 *   runner handles those (it checks again before resending); any other
 *   error is the item's failure at this step.
 */
gboolean
pv_run_steps_error_is_undecided (const GError *error)
{
  return g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * pv_run_steps_new_outcome_unknown_error:
 *
 * Returns: (transfer full): the error for an answer to a change that says
 *   neither done nor already done
 */
GError *
pv_run_steps_new_outcome_unknown_error (void)
{
  return g_error_new_literal (PV_SERVICE_ERROR, PV_SERVICE_ERROR_OUTCOME_UNKNOWN,
                              _("The service answered in an unexpected way; the change may or may not have been made."));
}

/**
 * pv_run_steps_get_plan_object:
 * @plan: (nullable): a plan read back from a journal
 * @version: the version of plan the caller writes
 *
 * Returns: (transfer none) (nullable): @plan's object when it records
 *   @version, or %NULL for anything else
 */
JsonObject *
pv_run_steps_get_plan_object (JsonNode *plan,
                              gint64    version)
{
  JsonObject *object;
  JsonNode *member;

  if (plan == NULL || !JSON_NODE_HOLDS_OBJECT (plan))
    return NULL;
  object = json_node_get_object (plan);
  member = json_object_get_member (object, "version");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64 || json_node_get_int (member) != version)
    return NULL;
  return object;
}

/**
 * pv_run_steps_set_unusable_plan_error:
 *
 * The error for a plan, read back from a journal, that the steps cannot
 * be built from.
 */
void
pv_run_steps_set_unusable_plan_error (GError **error)
{
  g_set_error_literal (error, PV_RUN_JOURNAL_ERROR, PV_RUN_JOURNAL_ERROR_CORRUPT,
                       _("The run’s journal does not record its plan in a form this version of "
                         "Provisio can read, so the run cannot be resumed."));
}
