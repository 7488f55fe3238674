/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-operator-flow.h"
#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_OPERATOR_RESULT_PAGE (pv_operator_result_page_get_type ())

G_DECLARE_FINAL_TYPE (PvOperatorResultPage, pv_operator_result_page, PV, OPERATOR_RESULT_PAGE, PvPage)

PvPage *pv_operator_result_page_new (PvOperatorFlow *flow);

G_END_DECLS
