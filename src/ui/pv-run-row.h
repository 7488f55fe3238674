/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-flow.h"
#include "pv-run-journal.h"

G_BEGIN_DECLS

#define PV_TYPE_RUN_ROW (pv_run_row_get_type ())

G_DECLARE_FINAL_TYPE (PvRunRow, pv_run_row, PV, RUN_ROW, AdwActionRow)

/* Where the check of a waiting run stands. */
typedef enum
{
  PV_RUN_CHECK_NONE,       /* nothing to check */
  PV_RUN_CHECK_RUNNING,
  PV_RUN_CHECK_WAITING,    /* checked: it still waits */
  PV_RUN_CHECK_READY,      /* checked: ready to finish */
  PV_RUN_CHECK_FAILED,     /* the service could not be read */
} PvRunCheck;

GtkWidget        *pv_run_row_new                (const PvFlowInfo *flow,
                                                 PvRunState       *run);
const PvFlowInfo *pv_run_row_get_flow           (PvRunRow         *self);
PvRunState       *pv_run_row_get_run            (PvRunRow         *self);
gboolean          pv_run_row_get_resumable      (PvRunRow         *self);
PvRunCheck        pv_run_row_get_check          (PvRunRow         *self);
void              pv_run_row_check_again        (PvRunRow         *self);
char             *pv_run_format_when            (gint64            seconds);
char             *pv_run_format_summary         (PvRunState       *run);

G_END_DECLS
