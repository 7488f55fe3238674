/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pv-numbers-model.h"

G_BEGIN_DECLS

#define PV_TYPE_NUMBER_COLUMNS (pv_number_columns_get_type ())

G_DECLARE_FINAL_TYPE (PvNumberColumns, pv_number_columns, PV, NUMBER_COLUMNS, GObject)

PvNumberColumns *pv_number_columns_new      (PvNumbersModel  *model);
void             pv_number_columns_attach   (PvNumberColumns *self,
                                             GtkColumnView   *column_view);
void             pv_number_columns_refresh  (PvNumberColumns *self);
char            *pv_number_columns_describe (PvNumbersModel  *model,
                                             PvPhoneNumber   *number);

G_END_DECLS
