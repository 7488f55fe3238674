/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-numbers-model.h"

G_BEGIN_DECLS

GtkWidget          *pv_number_release_dialog_new         (GtkWindow        *parent,
                                                          PvNumbersModel   *model,
                                                          PvPhoneNumber    *number);
GtkWidget          *pv_number_address_dialog_new         (GtkWindow        *parent,
                                                          PvNumbersModel   *model,
                                                          PvPhoneNumber    *number);
PvEmergencyAddress *pv_number_address_dialog_get_address (AdwMessageDialog *dialog,
                                                          PvNumbersModel   *model);

G_END_DECLS
