/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-user.h"

G_BEGIN_DECLS

#define PV_TYPE_PERSON_CHOOSER (pv_person_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PvPersonChooser, pv_person_chooser, PV, PERSON_CHOOSER, AdwWindow)

GtkWidget *pv_person_chooser_new          (GtkWindow  *parent,
                                           GListModel *people,
                                           const char *telephone_number);
void       pv_person_chooser_set_search   (PvPersonChooser *self,
                                           const char      *text);
GListModel *pv_person_chooser_get_shown   (PvPersonChooser *self);
void       pv_person_chooser_select       (PvPersonChooser *self,
                                           guint            position);

G_END_DECLS
