/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-move-plan.h"
#include "pv-operation-result.h"
#include "pv-run-journal.h"
#include "pv-run-steps.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

/* Each move has four steps a person, in this order. */
#define PV_MOVE_N_STEPS 4

#define PV_TYPE_MOVE_STEPS (pv_move_steps_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveSteps, pv_move_steps, PV, MOVE_STEPS, GObject)

PvMoveSteps       *pv_move_steps_new              (PvServiceClient *client,
                                                   PvMoveKind       kind,
                                                   const char      *operator_id,
                                                   const char      *operator_name);
PvMoveSteps       *pv_move_steps_new_from_plan    (PvServiceClient *client,
                                                   JsonNode        *plan,
                                                   GError         **error);
PvMoveKind         pv_move_steps_get_kind         (PvMoveSteps     *self);
const char        *pv_move_steps_get_operator_id  (PvMoveSteps     *self);
const char        *pv_move_steps_get_tenant_id    (PvMoveSteps     *self);
gboolean           pv_move_steps_get_port_confirmed (PvMoveSteps   *self);
void               pv_move_steps_set_tenant_id    (PvMoveSteps     *self,
                                                   const char      *tenant_id);
void               pv_move_steps_set_port_confirmed (PvMoveSteps   *self,
                                                   gboolean         confirmed);
void               pv_move_steps_add_person       (PvMoveSteps     *self,
                                                   const char      *user_id,
                                                   const char      *current_number,
                                                   const char      *target_number);
void               pv_move_steps_set_name         (PvMoveSteps     *self,
                                                   const char      *user_id,
                                                   const char      *name);
const char        *pv_move_steps_get_name         (PvMoveSteps     *self,
                                                   const char      *user_id);
void               pv_move_steps_set_user_principal_name (PvMoveSteps *self,
                                                   const char      *user_id,
                                                   const char      *upn);
const char        *pv_move_steps_get_user_principal_name (PvMoveSteps *self,
                                                   const char      *user_id);
void               pv_move_steps_restore          (PvMoveSteps     *self,
                                                   PvRunState      *state);
void               pv_move_steps_set_on_premises  (PvMoveSteps     *self,
                                                   const char      *user_id,
                                                   gboolean         on_premises);
gboolean           pv_move_steps_get_on_premises  (PvMoveSteps     *self,
                                                   const char      *item);
GStrv              pv_move_steps_dup_items        (PvMoveSteps     *self);
int                pv_move_steps_get_waiting_step (PvMoveSteps     *self,
                                                   const char      *item);
gboolean           pv_move_steps_get_moved        (PvMoveSteps     *self,
                                                   const char      *item);
PvOperationResult *pv_move_steps_get_step_result  (PvMoveSteps     *self,
                                                   const char      *item,
                                                   guint            step);

const char        *pv_move_steps_get_current_number (PvMoveSteps   *self,
                                                   const char      *item);
const char        *pv_move_steps_get_target_number (PvMoveSteps    *self,
                                                   const char      *item);
PvOperationResult *pv_move_steps_dup_person_result (PvMoveSteps    *self,
                                                   const char      *item,
                                                   gboolean         on_premises);

void               pv_move_steps_check_waiting_async  (PvServiceClient     *client,
                                                       PvRunState          *run,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           pv_move_steps_check_waiting_finish (GAsyncResult        *result,
                                                       char               **still_waiting,
                                                       GError             **error);

const char        *pv_move_step_title             (PvMoveKind       kind,
                                                   guint            step);
const char        *pv_move_step_name              (PvMoveKind       kind,
                                                   guint            step,
                                                   gboolean         on_premises);

G_END_DECLS
