/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enable-plan.h"
#include "pv-run-steps.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

#define PV_TYPE_ENABLE_STEPS (pv_enable_steps_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableSteps, pv_enable_steps, PV, ENABLE_STEPS, GObject)

PvEnableSteps *pv_enable_steps_new           (PvServiceClient  *client,
                                              PvEnablePlan     *plan);
PvEnableSteps *pv_enable_steps_new_from_plan (PvServiceClient  *client,
                                              JsonNode         *plan,
                                              GError          **error);
GStrv          pv_enable_steps_dup_items     (PvEnableSteps    *self);
const char    *pv_enable_steps_get_pool      (PvEnableSteps    *self);
PvSipFormat    pv_enable_steps_get_format    (PvEnableSteps    *self);
const char    *pv_enable_steps_get_domain    (PvEnableSteps    *self);
gboolean       pv_enable_steps_get_dry_run   (PvEnableSteps    *self);
const char    *pv_enable_steps_get_service   (PvEnableSteps    *self);
void           pv_enable_steps_set_local_sandbox (PvEnableSteps *self,
                                                  gboolean       local_sandbox);
gboolean       pv_enable_steps_get_local_sandbox (PvEnableSteps *self);

G_END_DECLS
