/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "enable/pv-enable-flow.h"
#include "moves/pv-move-flow.h"
#include "operator/pv-operator-flow.h"
#include "pv-flow.h"

/* The one table of flows: each flow adds its entry here, and the start
 * page offers exactly what this table holds, in this order. */
static const PvFlowInfo *const registered_flows[] = {
  &pv_enable_flow_info,
  &pv_operator_flow_info,
  &pv_move_direct_routing_flow_info,
  &pv_move_calling_plan_flow_info,
  NULL
};

const PvFlowInfo *const *
pv_flows_get_registered (void)
{
  return registered_flows;
}
