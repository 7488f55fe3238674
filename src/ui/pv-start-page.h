/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pv-flow.h"

G_BEGIN_DECLS

/* How many recent runs the start page shows. */
#define PV_START_PAGE_RUNS_SHOWN 20

#define PV_TYPE_START_PAGE (pv_start_page_get_type ())

G_DECLARE_FINAL_TYPE (PvStartPage, pv_start_page, PV, START_PAGE, GtkWidget)

void   pv_start_page_set_flows (PvStartPage         *self,
                                const PvFlowInfo *const *flows);
guint  pv_start_page_get_n_flows (PvStartPage       *self);
void   pv_start_page_refresh_runs (PvStartPage      *self);
guint  pv_start_page_get_n_runs  (PvStartPage       *self);
guint  pv_start_page_get_n_resumable (PvStartPage   *self);
GtkWindow *pv_start_page_open_run (PvStartPage      *self,
                                   GtkWidget        *row);

G_END_DECLS
