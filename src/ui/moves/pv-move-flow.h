/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-flow.h"
#include "pv-move-plan.h"
#include "pv-move-steps.h"
#include "pv-run-info.h"
#include "pv-runner.h"
#include "pv-service-client.h"
#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_MOVE_FLOW (pv_move_flow_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveFlow, pv_move_flow, PV, MOVE_FLOW, GObject)

PvMoveFlow      *pv_move_flow_new                  (PvMoveKind       kind);
PvMoveKind       pv_move_flow_get_kind             (PvMoveFlow      *self);
PvServiceClient *pv_move_flow_get_client           (PvMoveFlow      *self);
void             pv_move_flow_set_client           (PvMoveFlow      *self,
                                                    PvServiceClient *client);
void             pv_move_flow_load                 (PvMoveFlow      *self);
gboolean         pv_move_flow_get_loading          (PvMoveFlow      *self);
const char      *pv_move_flow_get_load_error       (PvMoveFlow      *self);
PvMovePlan      *pv_move_flow_get_plan             (PvMoveFlow      *self);

PvMoveSteps     *pv_move_flow_get_steps            (PvMoveFlow      *self);
PvRunner        *pv_move_flow_new_runner           (PvMoveFlow      *self);
gboolean         pv_move_flow_is_moved             (PvMoveFlow      *self,
                                                    const char      *user_id);
PvRunInfo       *pv_move_flow_dup_run_info         (PvMoveFlow      *self);
GListModel      *pv_move_flow_dup_results          (PvMoveFlow      *self);
GListModel      *pv_move_flow_dup_step_results     (PvMoveFlow      *self);
char            *pv_move_flow_dup_waiting_note     (PvMoveFlow      *self);
gboolean         pv_move_flow_get_resuming         (PvMoveFlow      *self);
GStrv            pv_move_flow_dup_items            (PvMoveFlow      *self);
const char      *pv_move_flow_get_name             (PvMoveFlow      *self,
                                                    const char      *user_id);

extern const PvFlowInfo pv_move_direct_routing_flow_info;
extern const PvFlowInfo pv_move_calling_plan_flow_info;

G_END_DECLS
