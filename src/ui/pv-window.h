/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-flow.h"
#include "pv-view.h"

G_BEGIN_DECLS

#define PV_TYPE_WINDOW (pv_window_get_type ())

G_DECLARE_FINAL_TYPE (PvWindow, pv_window, PV, WINDOW, AdwApplicationWindow)

PvWindow  *pv_window_new             (GtkApplication      *application);
void       pv_window_set_flows       (PvWindow            *self,
                                      const PvFlowInfo *const *flows);
GtkWidget *pv_window_start_flow      (PvWindow            *self,
                                      const PvFlowInfo        *flow);
GtkWidget *pv_window_resume_flow     (PvWindow            *self,
                                      const PvFlowInfo    *flow,
                                      const char          *journal_path,
                                      PvRunState          *run);
GtkWidget *pv_window_retry_flow      (PvWindow            *self,
                                      const PvFlowInfo    *flow,
                                      const char          *journal_path,
                                      PvRunState          *run);
GtkWidget *pv_window_get_assistant   (PvWindow            *self);
GtkWidget *pv_window_open_view       (PvWindow            *self,
                                      const PvViewInfo    *view);
GtkWidget *pv_window_get_view        (PvWindow            *self);
GtkWidget *pv_window_get_start_page  (PvWindow            *self);

G_END_DECLS
