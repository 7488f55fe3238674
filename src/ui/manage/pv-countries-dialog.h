/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-operator.h"

G_BEGIN_DECLS

#define PV_TYPE_COUNTRIES_DIALOG (pv_countries_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PvCountriesDialog, pv_countries_dialog, PV, COUNTRIES_DIALOG, AdwWindow)

GtkWidget *pv_countries_dialog_new          (GtkWindow          *parent,
                                             PvOperator         *operator_,
                                             const char * const *chosen);
void       pv_countries_dialog_set_chosen   (PvCountriesDialog  *self,
                                             const char         *code,
                                             gboolean            chosen);
void       pv_countries_dialog_set_search   (PvCountriesDialog  *self,
                                             const char         *text);
guint      pv_countries_dialog_get_n_shown  (PvCountriesDialog  *self);

G_END_DECLS
