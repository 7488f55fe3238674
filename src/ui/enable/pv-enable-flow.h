/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-enable-plan.h"
#include "pv-flow.h"
#include "pv-run-info.h"
#include "pv-runner.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

/* From this many people on, the plan works addresses out in a thread. */
#define PV_ENABLE_FLOW_THREAD_THRESHOLD 2000

#define PV_TYPE_ENABLE_FLOW (pv_enable_flow_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableFlow, pv_enable_flow, PV, ENABLE_FLOW, GObject)

PvEnableFlow *pv_enable_flow_new           (void);
PvEnablePlan *pv_enable_flow_get_plan      (PvEnableFlow *self);
GListStore   *pv_enable_flow_get_pools     (PvEnableFlow *self);
GListStore   *pv_enable_flow_get_directory (PvEnableFlow *self);
GListStore   *pv_enable_flow_get_selection (PvEnableFlow *self);
gboolean      pv_enable_flow_get_loading   (PvEnableFlow *self);
void          pv_enable_flow_set_loading   (PvEnableFlow *self,
                                            gboolean      loading);
PvServiceClient *pv_enable_flow_get_client (PvEnableFlow    *self);
GListModel   *pv_enable_flow_get_results   (PvEnableFlow    *self);
const char   *pv_enable_flow_get_load_error (PvEnableFlow   *self);
void          pv_enable_flow_load          (PvEnableFlow    *self);
void          pv_enable_flow_cancel        (PvEnableFlow    *self);
void          pv_enable_flow_set_client    (PvEnableFlow    *self,
                                            PvServiceClient *client);
const char   *pv_enable_flow_get_person_name (PvEnableFlow  *self,
                                            const char      *item);
PvRunner     *pv_enable_flow_new_runner    (PvEnableFlow        *self,
                                            GError             **error);
PvRunner     *pv_enable_flow_get_runner    (PvEnableFlow    *self);
PvRunInfo    *pv_enable_flow_dup_run_info  (PvEnableFlow    *self);
gboolean      pv_enable_flow_get_resuming  (PvEnableFlow    *self);
gboolean      pv_enable_flow_get_retrying  (PvEnableFlow    *self);

extern const PvFlowInfo pv_enable_flow_info;

G_END_DECLS
