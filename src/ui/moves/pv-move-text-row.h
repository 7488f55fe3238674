/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PV_TYPE_MOVE_TEXT_ROW (pv_move_text_row_get_type ())

G_DECLARE_FINAL_TYPE (PvMoveTextRow, pv_move_text_row, PV, MOVE_TEXT_ROW, AdwActionRow)

GtkWidget *pv_move_text_row_new (const char *title,
                                 const char *subtitle);

G_END_DECLS
