/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pv-enums.h"
#include "pv-user.h"

G_BEGIN_DECLS

/**
 * PvMoveKind:
 * @PV_MOVE_KIND_DIRECT_ROUTING: Direct Routing → Operator Connect: remove
 *   the number (on-premises or online), remove the online voice routing
 *   policy, acquire the number from the operator, assign it
 * @PV_MOVE_KIND_CALLING_PLAN: Calling Plan → Operator Connect: the
 *   operator ports the number, unassign the Calling Plan number, the
 *   operator uploads the number, assign it
 */
typedef enum
{
  PV_MOVE_KIND_DIRECT_ROUTING,
  PV_MOVE_KIND_CALLING_PLAN,
} PvMoveKind;

/**
 * PvMovePlanStep:
 *
 * The choices of a guided move, in the order the wizard asks for them.
 */
typedef enum
{
  PV_MOVE_PLAN_STEP_PEOPLE,
  PV_MOVE_PLAN_STEP_OPERATOR,
  PV_MOVE_PLAN_STEP_WARNING,
  PV_MOVE_PLAN_STEP_REVIEW,
} PvMovePlanStep;

#define PV_TYPE_MOVE_PLAN (pv_move_plan_get_type ())

G_DECLARE_FINAL_TYPE (PvMovePlan, pv_move_plan, PV, MOVE_PLAN, GObject)

PvMovePlan  *pv_move_plan_new                  (PvMoveKind      kind);
PvMoveKind   pv_move_plan_get_kind             (PvMovePlan     *self);
void         pv_move_plan_set_tenant           (PvMovePlan     *self,
                                                const char     *tenant_id,
                                                GListModel     *people,
                                                GListModel     *numbers,
                                                GListModel     *tenant_operators,
                                                GListModel     *catalogue);
const char  *pv_move_plan_get_tenant_id        (PvMovePlan     *self);

GListModel  *pv_move_plan_get_candidates       (PvMovePlan     *self);
const char  *pv_move_plan_get_current_number   (PvMovePlan     *self,
                                                const char     *user_id);
gboolean     pv_move_plan_get_on_premises      (PvMovePlan     *self,
                                                const char     *user_id);
char        *pv_move_plan_dup_problem          (PvMovePlan     *self,
                                                PvUser         *user);
gboolean     pv_move_plan_can_select           (PvMovePlan     *self,
                                                const char     *user_id);
gboolean     pv_move_plan_get_selected         (PvMovePlan     *self,
                                                const char     *user_id);
void         pv_move_plan_set_selected         (PvMovePlan     *self,
                                                const char     *user_id,
                                                gboolean        selected);
guint        pv_move_plan_get_n_selected       (PvMovePlan     *self);
GPtrArray   *pv_move_plan_dup_selection        (PvMovePlan     *self);

GListModel  *pv_move_plan_get_operators        (PvMovePlan     *self);
const char  *pv_move_plan_get_operator_id      (PvMovePlan     *self);
const char  *pv_move_plan_get_operator_name    (PvMovePlan     *self);
void         pv_move_plan_set_operator_id      (PvMovePlan     *self,
                                                const char     *operator_id);
GStrv        pv_move_plan_dup_countries        (PvMovePlan     *self);
const char  *pv_move_plan_get_country          (PvMovePlan     *self);
void         pv_move_plan_set_country          (PvMovePlan     *self,
                                                const char     *country);
gboolean     pv_move_plan_get_use_operator_numbers (PvMovePlan *self);
void         pv_move_plan_set_use_operator_numbers (PvMovePlan *self,
                                                gboolean        use);
guint        pv_move_plan_get_n_operator_numbers (PvMovePlan   *self);
char        *pv_move_plan_dup_target_number    (PvMovePlan     *self,
                                                const char     *user_id);
char        *pv_move_plan_dup_target_summary   (PvMovePlan     *self,
                                                const char     *user_id);
char        *pv_move_plan_dup_run_number       (PvMovePlan     *self,
                                                const char     *user_id);

gboolean     pv_move_plan_get_acknowledged     (PvMovePlan     *self);
void         pv_move_plan_set_acknowledged     (PvMovePlan     *self,
                                                gboolean        acknowledged);
gboolean     pv_move_plan_get_port_confirmed   (PvMovePlan     *self);
void         pv_move_plan_set_port_confirmed   (PvMovePlan     *self,
                                                gboolean        confirmed);

gboolean     pv_move_plan_get_step_status      (PvMovePlan     *self,
                                                PvMovePlanStep  step,
                                                char          **reason);

G_END_DECLS
