/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-run-steps.h"

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
