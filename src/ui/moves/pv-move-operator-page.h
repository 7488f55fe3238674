/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-move-flow.h"
#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_MOVE_OPERATOR_PAGE (pv_move_operator_page_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveOperatorPage, pv_move_operator_page, PV, MOVE_OPERATOR_PAGE, PvPage)

PvPage *pv_move_operator_page_new (PvMoveFlow *flow);

G_END_DECLS
