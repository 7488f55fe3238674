/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enable-plan.h"
#include "pv-run-steps.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

#define PV_TYPE_ENABLE_STEPS (pv_enable_steps_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableSteps, pv_enable_steps, PV, ENABLE_STEPS, GObject)

PvEnableSteps *pv_enable_steps_new       (PvServiceClient *client,
                                          PvEnablePlan    *plan);
GStrv          pv_enable_steps_dup_items (PvEnableSteps   *self);

G_END_DECLS
