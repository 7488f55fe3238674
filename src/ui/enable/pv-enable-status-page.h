/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-page.h"

G_BEGIN_DECLS

typedef struct _PvEnableFlow PvEnableFlow;

#define PV_TYPE_ENABLE_STATUS_PAGE (pv_enable_status_page_get_type ())

G_DECLARE_FINAL_TYPE (PvEnableStatusPage, pv_enable_status_page, PV, ENABLE_STATUS_PAGE, PvPage)

PvPage     *pv_enable_status_page_new         (PvEnableFlow       *flow);
GListModel *pv_enable_status_page_get_results (PvEnableStatusPage *self);

char       *pv_enable_status_page_format_remaining (guint64 seconds);

G_END_DECLS
