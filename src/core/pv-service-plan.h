/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_SERVICE_PLAN (pv_service_plan_get_type ())

G_DECLARE_FINAL_TYPE (PvServicePlan, pv_service_plan, PV, SERVICE_PLAN, GObject)

PvServicePlan *pv_service_plan_new                     (void);
PvServicePlan *pv_service_plan_new_from_json           (JsonNode    *node,
                                                        const char  *path,
                                                        GError     **error);
JsonNode      *pv_service_plan_to_json                 (PvServicePlan *self);
const char    *pv_service_plan_get_service_plan_id     (PvServicePlan *self);
void           pv_service_plan_set_service_plan_id     (PvServicePlan *self,
                                                        const char    *service_plan_id);
const char    *pv_service_plan_get_service_plan_name   (PvServicePlan *self);
void           pv_service_plan_set_service_plan_name   (PvServicePlan *self,
                                                        const char    *service_plan_name);
const char    *pv_service_plan_get_provisioning_status (PvServicePlan *self);
void           pv_service_plan_set_provisioning_status (PvServicePlan *self,
                                                        const char    *provisioning_status);
const char    *pv_service_plan_get_applies_to          (PvServicePlan *self);
void           pv_service_plan_set_applies_to          (PvServicePlan *self,
                                                        const char    *applies_to);

G_END_DECLS
