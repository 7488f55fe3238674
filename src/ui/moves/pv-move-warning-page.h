/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-move-flow.h"
#include "pv-page.h"

G_BEGIN_DECLS

#define PV_TYPE_MOVE_WARNING_PAGE (pv_move_warning_page_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveWarningPage, pv_move_warning_page, PV, MOVE_WARNING_PAGE, PvPage)

PvPage *pv_move_warning_page_new (PvMoveFlow *flow);

G_END_DECLS
