/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_READY_PAGE (pv_enable_ready_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableReadyPage, pv_enable_ready_page, PV, ENABLE_READY_PAGE, PvPage)

PvPage *pv_enable_ready_page_new (PvEnableFlow *flow);

G_END_DECLS
