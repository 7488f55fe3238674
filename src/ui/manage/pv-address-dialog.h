/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pv-emergency-address.h"
#include "pv-service-client.h"

G_BEGIN_DECLS

#define PV_TYPE_ADDRESS_DIALOG (pv_address_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PvAddressDialog, pv_address_dialog, PV, ADDRESS_DIALOG, AdwWindow)

GtkWidget *pv_address_dialog_new      (GtkWindow          *parent,
                                       PvServiceClient    *client);
char      *pv_emergency_address_check (PvEmergencyAddress *address);

G_END_DECLS
