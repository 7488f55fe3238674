/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-move-flow.h"

G_BEGIN_DECLS

#define PV_TYPE_MOVE_RUN_ROW (pv_move_run_row_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveRunRow, pv_move_run_row, PV, MOVE_RUN_ROW, AdwExpanderRow)

GtkWidget  *pv_move_run_row_new         (PvMoveKind    kind,
                                         const char   *user_id,
                                         const char   *name);
const char *pv_move_run_row_get_user_id (PvMoveRunRow *self);
void        pv_move_run_row_update      (PvMoveRunRow *self,
                                         PvMoveFlow   *flow);
gboolean    pv_move_run_row_get_moved   (PvMoveRunRow *self);

G_END_DECLS
