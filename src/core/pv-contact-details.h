/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pv-enums.h"

G_BEGIN_DECLS

#define PV_TYPE_CONTACT_DETAILS (pv_contact_details_get_type ())

G_DECLARE_FINAL_TYPE (PvContactDetails, pv_contact_details, PV, CONTACT_DETAILS, GObject)

PvContactDetails *pv_contact_details_new              (void);
PvContactDetails *pv_contact_details_new_from_json    (JsonNode    *node,
                                                       const char  *path,
                                                       GError     **error);
JsonNode         *pv_contact_details_to_json          (PvContactDetails *self);
const char       *pv_contact_details_get_full_name    (PvContactDetails *self);
void              pv_contact_details_set_full_name    (PvContactDetails *self,
                                                       const char       *full_name);
const char       *pv_contact_details_get_email        (PvContactDetails *self);
void              pv_contact_details_set_email        (PvContactDetails *self,
                                                       const char       *email);
int               pv_contact_details_get_company_size (PvContactDetails *self);
void              pv_contact_details_set_company_size (PvContactDetails *self,
                                                       int               company_size);
const char       *pv_contact_details_get_phone        (PvContactDetails *self);
void              pv_contact_details_set_phone        (PvContactDetails *self,
                                                       const char       *phone);

G_END_DECLS
