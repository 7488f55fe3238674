/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_ASSIGNED_PLAN (pv_assigned_plan_get_type ())

G_DECLARE_FINAL_TYPE (PvAssignedPlan, pv_assigned_plan, PV, ASSIGNED_PLAN, GObject)

PvAssignedPlan *pv_assigned_plan_new                   (void);
PvAssignedPlan *pv_assigned_plan_new_from_json         (JsonNode    *node,
                                                        const char  *path,
                                                        GError     **error);
JsonNode       *pv_assigned_plan_to_json               (PvAssignedPlan *self);
const char     *pv_assigned_plan_get_service_plan_id   (PvAssignedPlan *self);
void            pv_assigned_plan_set_service_plan_id   (PvAssignedPlan *self,
                                                        const char     *service_plan_id);
const char     *pv_assigned_plan_get_service           (PvAssignedPlan *self);
void            pv_assigned_plan_set_service           (PvAssignedPlan *self,
                                                        const char     *service);
const char     *pv_assigned_plan_get_capability_status (PvAssignedPlan *self);
void            pv_assigned_plan_set_capability_status (PvAssignedPlan *self,
                                                        const char     *capability_status);

G_END_DECLS
