/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-operator.h"
#include "pv-tenant-operator.h"

G_BEGIN_DECLS

/* How an operator of the catalogue reads in the user's language. */
const char *pv_operator_region_label           (const char       *region);
char       *pv_operator_dup_regions_label      (PvOperator       *operator_);
char       *pv_operator_dup_services_label     (PvOperator       *operator_);
char       *pv_operator_dup_countries_label    (PvOperator       *operator_);
char       *pv_operator_dup_unavailable_reason (PvOperator       *operator_,
                                                PvOperatorStatus  status);

G_END_DECLS
