/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PV_TYPE_MOVE_PERSON_ROW (pv_move_person_row_get_type ())

G_DECLARE_FINAL_TYPE (PvMovePersonRow, pv_move_person_row, PV, MOVE_PERSON_ROW, AdwActionRow)

GtkWidget  *pv_move_person_row_new         (const char      *user_id,
                                            const char      *name,
                                            const char      *subtitle);
const char *pv_move_person_row_get_user_id (PvMovePersonRow *self);
gboolean    pv_move_person_row_get_active  (PvMovePersonRow *self);
void        pv_move_person_row_set_active  (PvMovePersonRow *self,
                                            gboolean         active);

G_END_DECLS
