/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_PHONE_NUMBER (pv_phone_number_get_type ())

G_DECLARE_FINAL_TYPE (PvPhoneNumber, pv_phone_number, PV, PHONE_NUMBER, GObject)

PvPhoneNumber *pv_phone_number_new                       (void);
PvPhoneNumber *pv_phone_number_new_from_json             (JsonNode    *node,
                                                          const char  *path,
                                                          GError     **error);
JsonNode      *pv_phone_number_to_json                   (PvPhoneNumber *self);
const char    *pv_phone_number_get_telephone_number      (PvPhoneNumber *self);
void           pv_phone_number_set_telephone_number      (PvPhoneNumber *self,
                                                          const char    *telephone_number);
PvNumberType   pv_phone_number_get_number_type           (PvPhoneNumber *self);
void           pv_phone_number_set_number_type           (PvPhoneNumber *self,
                                                          PvNumberType   number_type);
const char    *pv_phone_number_get_operator_id           (PvPhoneNumber *self);
void           pv_phone_number_set_operator_id           (PvPhoneNumber *self,
                                                          const char    *operator_id);
const char    *pv_phone_number_get_country_code          (PvPhoneNumber *self);
void           pv_phone_number_set_country_code          (PvPhoneNumber *self,
                                                          const char    *country_code);
PvNumberStatus pv_phone_number_get_status                (PvPhoneNumber *self);
void           pv_phone_number_set_status                (PvPhoneNumber  *self,
                                                          PvNumberStatus  status);
const char    *pv_phone_number_get_assigned_user_id      (PvPhoneNumber *self);
void           pv_phone_number_set_assigned_user_id      (PvPhoneNumber *self,
                                                          const char    *assigned_user_id);
const char    *pv_phone_number_get_emergency_location_id (PvPhoneNumber *self);
void           pv_phone_number_set_emergency_location_id (PvPhoneNumber *self,
                                                          const char    *emergency_location_id);

G_END_DECLS
