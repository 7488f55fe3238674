/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_EMERGENCY_ADDRESS (pv_emergency_address_get_type ())

G_DECLARE_FINAL_TYPE (PvEmergencyAddress, pv_emergency_address, PV, EMERGENCY_ADDRESS, GObject)

PvEmergencyAddress *pv_emergency_address_new                   (void);
PvEmergencyAddress *pv_emergency_address_new_from_json         (JsonNode    *node,
                                                                const char  *path,
                                                                GError     **error);
JsonNode           *pv_emergency_address_to_json               (PvEmergencyAddress *self);
const char         *pv_emergency_address_get_id                (PvEmergencyAddress *self);
void                pv_emergency_address_set_id                (PvEmergencyAddress *self,
                                                                const char         *id);
const char         *pv_emergency_address_get_description       (PvEmergencyAddress *self);
void                pv_emergency_address_set_description       (PvEmergencyAddress *self,
                                                                const char         *description);
const char         *pv_emergency_address_get_company_name      (PvEmergencyAddress *self);
void                pv_emergency_address_set_company_name      (PvEmergencyAddress *self,
                                                                const char         *company_name);
const char         *pv_emergency_address_get_house_number      (PvEmergencyAddress *self);
void                pv_emergency_address_set_house_number      (PvEmergencyAddress *self,
                                                                const char         *house_number);
const char         *pv_emergency_address_get_street_name       (PvEmergencyAddress *self);
void                pv_emergency_address_set_street_name       (PvEmergencyAddress *self,
                                                                const char         *street_name);
const char         *pv_emergency_address_get_city              (PvEmergencyAddress *self);
void                pv_emergency_address_set_city              (PvEmergencyAddress *self,
                                                                const char         *city);
const char         *pv_emergency_address_get_postal_code       (PvEmergencyAddress *self);
void                pv_emergency_address_set_postal_code       (PvEmergencyAddress *self,
                                                                const char         *postal_code);
const char         *pv_emergency_address_get_state_or_province (PvEmergencyAddress *self);
void                pv_emergency_address_set_state_or_province (PvEmergencyAddress *self,
                                                                const char         *state_or_province);
const char         *pv_emergency_address_get_country_code      (PvEmergencyAddress *self);
void                pv_emergency_address_set_country_code      (PvEmergencyAddress *self,
                                                                const char         *country_code);

G_END_DECLS
