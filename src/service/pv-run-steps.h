/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-operation-result.h"
#include "pv-run-journal.h"

G_BEGIN_DECLS

#define PV_TYPE_RUN_STEPS (pv_run_steps_get_type ())

G_DECLARE_INTERFACE (PvRunSteps, pv_run_steps, PV, RUN_STEPS, GObject)

/**
 * PvRunStepsInterface:
 * @get_n_steps: how many steps @item has (1 for enabling a user; five for
 *   the hybrid Phone System flow)
 * @apply_step_async: applies one step of one item. With @verify_first, an
 *   earlier attempt may or may not have taken effect: look at the
 *   service's state first and answer "already done" instead of sending the
 *   change again when it did.
 * @apply_step_finish: the step's outcome as a #PvOperationResult naming
 *   @item (done, already done, skipped with why, failed with the
 *   service's reason), or a #GError when the step could not be decided
 *   (cancelled, or %PV_SERVICE_ERROR_OUTCOME_UNKNOWN)
 * @dup_plan: (optional): a JSON object that lets the flow build the same
 *   steps again (its settings and each item's target), for the journal, so
 *   that a run can be resumed by a process that never saw the plan
 *
 * What a run applies: a flow's plan, turned into steps per item.
 */
struct _PvRunStepsInterface
{
  GTypeInterface parent_iface;

  guint              (*get_n_steps)       (PvRunSteps          *self,
                                           const char          *item);
  void               (*apply_step_async)  (PvRunSteps          *self,
                                           const char          *item,
                                           guint                step,
                                           gboolean             verify_first,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
  PvOperationResult *(*apply_step_finish) (PvRunSteps          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
  JsonNode          *(*dup_plan)          (PvRunSteps          *self);
  gboolean           (*get_item_waits)    (PvRunSteps          *self,
                                           PvOperationResult   *result);
  char              *(*dup_waiting)       (PvRunSteps          *self,
                                           GPtrArray           *results,
                                           const guint         *steps);
};

guint              pv_run_steps_get_n_steps       (PvRunSteps          *self,
                                                   const char          *item);
void               pv_run_steps_apply_step_async  (PvRunSteps          *self,
                                                   const char          *item,
                                                   guint                step,
                                                   gboolean             verify_first,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PvOperationResult *pv_run_steps_apply_step_finish (PvRunSteps          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
JsonNode          *pv_run_steps_dup_plan          (PvRunSteps          *self);
gboolean           pv_run_steps_get_item_waits    (PvRunSteps          *self,
                                                   PvOperationResult   *result);
char              *pv_run_steps_dup_waiting       (PvRunSteps          *self,
                                                   GPtrArray           *results,
                                                   const guint         *steps);
char              *pv_run_steps_dup_state_waiting (PvRunSteps          *self,
                                                   PvRunState          *state);

/* For the implementations. */
char              *pv_run_steps_dup_user_path     (const char          *item,
                                                   const char          *action);
gboolean           pv_run_steps_error_is_undecided (const GError       *error);
GError            *pv_run_steps_new_outcome_unknown_error (void);
JsonObject        *pv_run_steps_get_plan_object   (JsonNode           *plan,
                                                   gint64              version);
void               pv_run_steps_set_unusable_plan_error (GError    **error);

G_END_DECLS
